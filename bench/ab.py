"""This checkout against another, run alternately in the same minutes (a shared machine
drifts too much for figures taken apart to be compared).

    python bench/ab.py BASELINE [--runs N] [--only startup,cache-hit,article,one-file,files]

Cases, each the real CLI in its own process (``qa check --no-cache --format json``):
start-up on a one-line file (and the same answered from the result cache, the first
round filling it), one 600-word article (the fixture), the news corpus as
one big file (``-j 1``) and as its separate files (``-j 1`` and ``-j`` all cores). Each
run of this checkout is followed by a run of the baseline; the table has the median
wall and CPU seconds of each and the ratio of the medians (> 1: this checkout is faster).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from run import ARTICLE, CORPUS, ONE_LINE, ROOT, Run, corpus_files, corpus_words, measure, qa_env, table

CASES = ("startup", "cache-hit", "article", "one-file", "files")


def _command(case: str, folder: Path) -> tuple[list[str], int]:
    """The ``qa check`` arguments of a case and how many words it reads."""
    base = ["check", "--no-cache", "--exit-zero", "--format", "json", "-o", str(folder / "out.json")]
    if case in ("startup", "cache-hit"):
        cached = [a for a in base if a != "--no-cache" or case == "startup"]
        return [*cached, str(folder / "one-line.txt")], len(ONE_LINE.split())
    if case == "article":
        return [*base, str(ARTICLE)], len(ARTICLE.read_text(encoding="utf-8").split())
    words = corpus_words(corpus_files())
    if case == "one-file":
        return [*base, "-j", "1", str(folder / "corpus.txt")], words
    return [*base, "-j", "1", str(CORPUS)], words


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("baseline", type=Path, help="another checkout of qa")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", default=",".join(CASES), help=f"comma-separated: {', '.join(CASES)}")
    args = parser.parse_args(argv)
    checkouts = {"this": ROOT, "baseline": args.baseline.resolve()}
    with tempfile.TemporaryDirectory(prefix="qa-ab-") as name:
        folder = Path(name)
        (folder / "one-line.txt").write_text(ONE_LINE, encoding="utf-8")
        text = "\n".join(f.read_text(encoding="utf-8") for f in corpus_files())
        (folder / "corpus.txt").write_text(text, encoding="utf-8")
        rows = []
        for case in args.only.split(","):
            cmd, words = _command(case, folder)
            extra = [["-j", str(os.cpu_count() or 1)]] if case == "files" else []
            for variant in [[], *extra]:
                runs = _alternate(checkouts, [*cmd, *variant], folder, args.runs)
                label = f"{case} {' '.join(variant) or ('-j 1' if case in ('one-file', 'files') else '')}"
                rows.extend(_rows(label.strip(), runs, words))
    table(
        f"This checkout and {args.baseline} alternately (median of {args.runs})",
        ("case", "checkout", "wall s", "CPU s", "words/wall s", "peak MB", "baseline ÷ this"),
        rows,
    )


def _alternate(checkouts: dict[str, Path], cmd: list[str], cwd: Path, runs: int) -> dict[str, list[Run]]:
    measured: dict[str, list[Run]] = {name: [] for name in checkouts}
    for number in range(runs + 1):
        for name, checkout in checkouts.items():
            env = {**qa_env(), "PYTHONPATH": str(checkout)}
            run = measure([_interpreter(checkout), "-m", "qa.cli", *cmd], cwd=cwd, env=env)
            if run.returncode != 0:
                sys.exit(f"ab: {name} exited {run.returncode} on {' '.join(cmd)}")
            if number:  # the first round warms the OS cache and each data cache
                measured[name].append(run)
    return measured


def _rows(label: str, runs: dict[str, list[Run]], words: int) -> list[tuple[object, ...]]:
    walls = {name: statistics.median(r.seconds for r in rs) for name, rs in runs.items()}
    rows = []
    for name, measured in runs.items():
        cpu = statistics.median(r.cpu for r in measured)
        peak = statistics.median(r.peak_mb for r in measured)
        ratio = f"{walls['baseline'] / walls['this']:.2f}" if name == "this" else ""
        rows.append(
            (label if name == "this" else "", name, walls[name], cpu, words / walls[name], peak, ratio)
        )
    return rows


def _interpreter(checkout: Path) -> str:
    """The checkout's own venv's Python when it has one (with the compiled core built for
    its code: another version of the core is refused, and the checkout would run on its
    Python code), else this one."""
    own = checkout / ".venv" / "bin" / "python"
    return str(own) if own.exists() else sys.executable


if __name__ == "__main__":
    main()
