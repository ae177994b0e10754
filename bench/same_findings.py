"""Are the findings of this checkout byte-identical to another's, on every corpus?

    python bench/same_findings.py BASELINE [--jobs N] [--sample N] [--keep DIR]

``BASELINE`` is another checkout of qa (e.g. ``git worktree add --detach ../base COMMIT``).
Every file of the corpora is written to one temporary folder: the fixture articles, the
news corpus as it is on disk (one file per paper and day), and the sentence-per-line
sets (FLORES, NTREX, UD PUD, the held-out Wikipedia lines) in documents of 20 lines, as
``bench/corpora.py`` groups them. Then ``qa check --format json --no-cache --date
2025-01-21`` of each checkout reads the same files, and the two reports are compared
byte for byte; a difference is listed per file and finding. Each run's wall time and
peak memory (of the main process) are printed as well. Exit 1 if the reports differ.
``--sample N`` keeps every N-th file only (a quick check between steps).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from run import ROOT, measure, qa_env, table

from corpora import CORPORA, DATA

DATE = "2025-01-21"
#: Differences listed per run before the rest are only counted.
SHOWN = 20


def write_corpora(folder: Path, sample: int = 1) -> int:
    """Every document of every corpus (or every ``sample``-th) as one file under ``folder``;
    the count of files."""
    count = 0
    for article in sorted((ROOT / "fixtures" / "articles").iterdir()):
        (folder / "fixtures").mkdir(exist_ok=True)
        (folder / "fixtures" / article.name).write_bytes(article.read_bytes())
        count += 1
    news = DATA / "hindi-news-covid2020" / "corpus"
    for path in sorted(news.rglob("*.txt")):
        target = folder / "news" / path.relative_to(news)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
        count += 1
    for name, documents in CORPORA.items():
        if name.startswith("news"):
            continue
        (folder / name).mkdir()
        for number, (_, text) in enumerate(documents()):
            (folder / name / f"{number:05d}.txt").write_text(text, encoding="utf-8")
            count += 1
    if sample > 1:
        for number, path in enumerate(sorted(p for p in folder.rglob("*") if p.is_file())):
            if number % sample:
                path.unlink()
        count = (count + sample - 1) // sample
    return count


def report(checkout: Path, corpus: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Run ``checkout``'s qa over ``corpus`` into ``out``; its wall seconds and peak MB."""
    env = qa_env()
    env["PYTHONPATH"] = str(checkout)
    cmd = [sys.executable, "-m", "qa.cli", "check", "--format", "json", "--no-cache", "--exit-zero"]
    cmd += ["--date", DATE, "-j", str(jobs), "-o", str(out), "."]
    run = measure(cmd, cwd=corpus, env=env)
    if run.returncode != 0:
        sys.exit(f"same_findings: qa from {checkout} exited {run.returncode}")
    return run.seconds, run.peak_mb


def differences(ours: bytes, theirs: bytes) -> list[str]:
    """Findings in one report and not the other, per file (one line each)."""
    by_path: dict[str, list[list[str]]] = defaultdict(lambda: [[], []])
    for side, data in enumerate((ours, theirs)):
        for record in json.loads(data)["diagnostics"]:
            by_path[record["path"]][side].append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    lines = []
    for path, (mine, base) in sorted(by_path.items()):
        lines += [f"+ {path}: {r}" for r in sorted(set(mine) - set(base))]
        lines += [f"- {path}: {r}" for r in sorted(set(base) - set(mine))]
        if not lines and mine != base:
            lines.append(f"~ {path}: same findings in another order")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("baseline", type=Path, help="another checkout of qa")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=1, help="every N-th file only")
    parser.add_argument("--keep", type=Path, help="write the corpus and both reports here")
    args = parser.parse_args(argv)
    if not (args.baseline / "qa" / "cli.py").is_file():
        parser.error(f"{args.baseline} is not a checkout of qa")
    with tempfile.TemporaryDirectory(prefix="qa-same-") as name:
        work = args.keep or Path(name)
        corpus = work / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        files = write_corpora(corpus, args.sample)
        runs = {}
        for label, checkout in (("this checkout", ROOT), ("baseline", args.baseline.resolve())):
            out = work / f"{label.split()[-1]}.json"
            runs[label] = (*report(checkout, corpus, out, args.jobs), out.read_bytes())
        table(
            f"qa check --format json over {files:,} files (-j {args.jobs})",
            ("checkout", "wall s", "peak MB", "findings", "report bytes"),
            [(k, s, mb, data.count(b'"code": '), len(data)) for k, (s, mb, data) in runs.items()],
        )
        ours, theirs = runs["this checkout"][2], runs["baseline"][2]
        if ours == theirs:
            print("\nidentical: the two reports are byte for byte the same")
            return
        lines = differences(ours, theirs) or ["the reports differ outside the findings"]
        print(f"\nDIFFERENT: {len(lines)} difference(s) (+ only here, - only in the baseline)")
        print("\n".join(lines[:SHOWN]))
        if len(lines) > SHOWN:
            print(f"... and {len(lines) - SHOWN} more")
        sys.exit(1)


if __name__ == "__main__":
    main()
