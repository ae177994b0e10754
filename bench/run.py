"""Speed, memory and scaling of ``qa check``, side by side with textlint+prh and Vale.

Run from a checkout: ``python bench/run.py`` (``make bench``). The corpus is the real
news copy in ``../shared/data/hindi-news-covid2020/corpus`` (or ``$QA_SHARED_DATA``).
The peers are installed on first use into ``$QA_BENCH_CACHE`` (default
``~/.cache/qa-bench``) with npm and ``go install``; without node or go they are skipped.

Sections: start-up, one-core throughput, the CLI on the corpus (one process, all
cores, cached), growth from 1 KB to 50 MB (many lines and one line), growth exponents
on adversarial units (``bench/scaling.py``), and the peers. ``--quick`` stops scaling at
10 MB, takes the exponents at 2.5k-10k units instead of 10k-40k and skips the peers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("QA_SHARED_DATA", ROOT.parent / "shared" / "data"))
CORPUS = DATA / "hindi-news-covid2020" / "corpus"
CACHE = Path(os.environ.get("QA_BENCH_CACHE", Path.home() / ".cache" / "qa-bench"))
PEERS = Path(__file__).resolve().parent / "peers"
sys.path.insert(0, str(ROOT))

TEXTLINT = ("textlint@15.8.0", "textlint-rule-prh@6.1.0")
VALE = "github.com/vale-cli/vale/v3/cmd/vale@v3.22.0"  # later tags need an unpublished dependency

#: qa's rules for what the peers' configurations in bench/peers check (misspellings,
#: comma, space before a danda, doubled spaces, doubled words).
PEER_RULES = "T001,P001,P002,P004,P005"
TARGET_STARTUP_MS = 100
TARGET_ARTICLE_MS = 60
#: Seconds between runs through a daemon (it forks and rehearses a spare child 0.2 s after a check).
SPARE_PAUSE = 0.3
#: The article of the start-up and A/B measurements.
ARTICLE = ROOT / "fixtures" / "articles" / "putin-xi-call.txt"
TARGET_WORDS_PER_S = 200_000
TARGET_PEAK_MB = 200
SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000, 50_000_000)
SECTIONS = ("startup", "engine", "cli", "growth", "adversarial", "peers")
ONE_LINE = "ज़्यादा राष्ट्रपति ने कहा कि बातचीत जारी रहेगी।\n"


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float
    returncode: int
    stdout: bytes


def measure(cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Wall time, CPU time (with reaped workers), peak RSS of the main process, and output.

    The peak is the kernel's high-water mark (VmHWM) polled while the command runs:
    ``ru_maxrss`` would carry over this (larger) benchmark process's own peak.
    """
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.DEVNULL)
        peak = [0.0]
        watcher = threading.Thread(target=_watch, args=(process.pid, peak), daemon=True)
        watcher.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        watcher.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        data = out.read()
    return Run(
        seconds, usage.ru_utime + usage.ru_stime, peak[0] or usage.ru_maxrss / 1024, process.returncode, data
    )


def _watch(pid: int, peak: list[float]) -> None:
    status = Path(f"/proc/{pid}/status")
    while True:
        try:
            lines = status.read_text().splitlines()
        except OSError:
            return
        for line in lines:
            if line.startswith("VmHWM:"):
                peak[0] = max(peak[0], int(line.split()[1]) / 1024)
        if any(line.startswith("State:") and "Z" in line.split()[1] for line in lines):
            return
        time.sleep(0.005)


def qa_env() -> dict[str, str]:
    """Run the checkout's ``qa`` whatever the working folder, with its bytecode cached
    as on any installed copy (a shell that sets PYTHONDONTWRITEBYTECODE would otherwise
    charge every run for compiling qa from source)."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": path, "NO_COLOR": "1"}


def qa(*args: str) -> list[str]:
    """The command line in this process's interpreter (never through a daemon)."""
    return [sys.executable, "-m", "qa.cli", *args]


def median_run(cmd: Sequence[str], runs: int, pause: float = 0.0, **kwargs) -> Run:
    """The run of median wall time, after one that warms the OS cache and qa's data cache;
    ``pause`` seconds before each."""
    measure(cmd, **kwargs)
    results = []
    for _ in range(runs):
        time.sleep(pause)
        results.append(measure(cmd, **kwargs))
    return sorted(results, key=lambda r: r.seconds)[len(results) // 2]


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [list(map(str, header))] + [[_cell(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n## {title}\n")
    for n, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))
    sys.stdout.flush()


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


# --- corpus -------------------------------------------------------------------------------------


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        sys.exit(f"bench: corpus not found at {CORPUS} (set QA_SHARED_DATA)")
    return sorted(CORPUS.rglob("*.txt"))


def corpus_words(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8").split()) for f in files)


# --- qa -----------------------------------------------------------------------------------------


def startup(tmp: Path, runs: int) -> None:
    one = tmp / "one-line.txt"
    one.write_text(ONE_LINE, encoding="utf-8")
    env = qa_env()
    python = median_run([sys.executable, "-c", "pass"], runs).seconds
    version = median_run(qa("--version"), runs, env=env, cwd=tmp).seconds
    rows: list[tuple[object, ...]] = [("python -c pass", python * 1000, "")]
    rows.append(("qa --version", version * 1000, ""))
    cases = (  # (row, arguments, target in ms); the cached article's entry is stored by the first run
        ("one-line.txt", ["--no-cache", str(one)], TARGET_STARTUP_MS),
        ("article", ["--no-cache", "--exit-zero", str(ARTICLE)], TARGET_ARTICLE_MS),
        ("article, cached", ["--exit-zero", str(ARTICLE)], TARGET_ARTICLE_MS),
    )
    for label, command, run_env, pause in _with_and_without_daemon(tmp, env):
        for row, args, target in cases:
            ms = median_run([*command, "check", *args], runs, pause, env=run_env, cwd=tmp).seconds * 1000
            rows.append((f"qa check {row}{label}", ms, f"< {target} {verdict(ms < target)}"))
    title = f"Start-up and one article (median of {runs} runs, ms; --no-cache but the cached rows)"
    table(title, ("command", "ms", "target"), rows)


def _with_and_without_daemon(
    tmp: Path, env: dict[str, str]
) -> Iterator[tuple[str, list[str], dict[str, str], float]]:
    """(label, command, environment, pause between runs): cold (``qa.cli``, which never asks
    a daemon), then through a daemon started for the purpose (``python -m qa``, the thin
    client) and stopped: runs 0.3 s apart (as an editor's saves come; the daemon has a
    rehearsed child ready) and one right after another (each child forked on demand)."""
    yield "", qa(), env, 0.0
    runtime = tmp / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    daemon_env = {**env, "XDG_RUNTIME_DIR": str(runtime)}
    client = [sys.executable, "-m", "qa"]
    subprocess.run([*client, "daemon", "start"], env=daemon_env, check=True, stdout=subprocess.DEVNULL)
    try:
        yield " (daemon, 0.3 s apart)", client, daemon_env, SPARE_PAUSE
        yield " (daemon, back to back)", client, daemon_env, 0.0
    finally:
        subprocess.run([*client, "daemon", "stop"], env=daemon_env, check=True, stdout=subprocess.DEVNULL)


def in_process(files: list[Path], words: int) -> None:
    """The engine alone on one core: read, build the document, run every default rule."""
    from qa import api
    from qa.config import Config
    from qa.runtime import settle

    texts = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    linter = api.linter(Config())
    linter.check(api.document(texts[0][1], path=texts[0][0]))  # load lazy data once
    settle()  # as ``qa check`` does before a batch
    best, found = float("inf"), 0
    for _ in range(3):
        start = time.perf_counter()
        found = sum(len(linter.check(api.document(text, path=path))) for path, text in texts)
        best = min(best, time.perf_counter() - start)
    rate = words / best
    table(
        "Engine on one core (in-process, best of 3)",
        ("rules", "files", "words", "seconds", "words/s", "findings", "target"),
        [
            (
                len(linter.rules),
                len(files),
                words,
                best,
                rate,
                found,
                f">= {TARGET_WORDS_PER_S:,} {verdict(rate >= TARGET_WORDS_PER_S)}",
            )
        ],
    )


def cli_corpus(tmp: Path, words: int) -> None:
    """The real CLI over the whole corpus: one process, all cores (best of 3 each), then a
    cached re-run."""
    env = {**qa_env(), "QA_CACHE_DIR": str(tmp / "cache")}
    report = str(tmp / "report.json")
    base = ("check", "--exit-zero", "--format", "json", "-o", report, str(CORPUS))
    cores = os.cpu_count() or 1
    runs = {  # best of 3: a shared machine's noise only ever adds time
        "-j 1 --no-cache": min(
            (measure(qa(*base, "-j", "1", "--no-cache"), env=env, cwd=tmp) for _ in range(3)), key=_wall
        ),
        f"-j {cores} --no-cache": min(
            (measure(qa(*base, "--no-cache"), env=env, cwd=tmp) for _ in range(3)), key=_wall
        ),
    }
    shutil.rmtree(tmp / "cache", ignore_errors=True)
    runs["cache: first run"] = measure(qa(*base), env=env, cwd=tmp)
    runs["cache: unchanged"] = measure(qa(*base), env=env, cwd=tmp)
    rows = []
    for name, run in runs.items():
        if run.returncode != 0:
            sys.exit(f"bench: qa check {name} exited {run.returncode}")
        rows.append((f"qa check {name}", run.seconds, run.cpu, words / run.seconds, run.peak_mb))
    peak = runs["-j 1 --no-cache"].peak_mb
    table(
        f"CLI on the corpus ({words:,} words, JSON report)",
        ("command", "wall s", "CPU s", "words/wall s", "peak MB"),
        rows,
    )
    ok = verdict(peak < TARGET_PEAK_MB)
    print(f"\npeak memory, one process: {peak:.0f} MB (target < {TARGET_PEAK_MB} MB: {ok})")


def scaling(tmp: Path, sizes: Sequence[int]) -> None:
    """Seconds per MB and peak memory from 1 KB up, with growth exponents (1: linear).
    Each size runs in its own process: read, lint and the JSON report."""
    from scaling import growth_exponent  # bench/scaling.py, beside this file

    sample = "\n".join(f.read_text(encoding="utf-8") for f in corpus_files()[:20])
    rows, exponents = [], []
    for mode in ("lines", "one line"):
        unit = sample if mode == "lines" else " ".join(sample.split())
        per_mb, seconds, peaks = [], [], []
        for size in sizes:
            path = tmp / "scale.txt"
            path.write_text(_sized(unit, size), encoding="utf-8")
            run = _child_lint(path, sample[:20_000])
            seconds.append(float(run.stdout or 0))
            peaks.append(run.peak_mb)
            per_mb.append(seconds[-1] / (size / 1e6))
            rows.append(
                (
                    mode,
                    _bytes(size),
                    seconds[-1],
                    per_mb[-1],
                    per_mb[-1] / per_mb[min(3, len(per_mb) - 1)],
                    run.peak_mb,
                    (run.peak_mb - peaks[0]) / (size / 1e6) if size >= 1_000_000 else "",
                )
            )
        # Memory above what the smallest input needs (interpreter, rules, data) grows with the input.
        above = [peak - peaks[0] for peak in peaks]
        for i in range(1, len(sizes)):
            if sizes[i] >= 1_000_000:
                pair = sizes[i - 1 : i + 1]
                step = f"{_bytes(pair[0])} -> {_bytes(pair[1])}"
                time_exponent = growth_exponent(pair, seconds[i - 1 : i + 1])
                exponents.append((mode, step, time_exponent, growth_exponent(pair, above[i - 1 : i + 1])))
    table(
        "Growth with input size (read + lint + JSON report in one process)",
        ("input", "size", "lint s", "s/MB", "vs 1 MB", "peak MB", "MB above 1 KB's, per MB"),
        rows,
    )
    table(
        "Growth exponents (1 is linear; memory: the peak above the smallest input's)",
        ("input", "step", "time", "memory"),
        exponents,
    )


def adversarial(quick: bool) -> None:
    """Growth exponents of every reader, rule, ``--fix`` and report on adversarial units."""
    import scaling  # bench/scaling.py, beside this file

    print("\n## Growth exponents on adversarial units (bench/scaling.py)\n", flush=True)
    scaling.main(["--sizes", "2500,5000,10000"] if quick else [])


def _sized(unit: str, size: int) -> str:
    text = unit * (size // len(unit.encode("utf-8")) + 1)
    data = text.encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore")


def _bytes(size: int) -> str:
    for factor, suffix in ((1_000_000, "MB"), (1_000, "KB")):
        if size >= factor:
            return f"{size // factor} {suffix}"
    return f"{size} B"


_CHILD = """
import os, sys, time
from qa import api
from qa.config import Config
from qa.diagnostic import FileResult
from qa.report import encoder
from qa.report.options import DEFAULT
text = open(sys.argv[1], encoding="utf-8").read()
linter = api.linter(Config())
linter.check(api.document(sys.argv[2]))  # every lazy table loaded before the clock starts
start = time.perf_counter()
found = linter.check(api.document(text, path=sys.argv[1]))
print(time.perf_counter() - start)
with open(os.devnull, "wb") as out:  # the report counts for the peak, written as qa check -o writes it
    out.writelines(encoder("json")([FileResult(sys.argv[1], text, found)], {}, DEFAULT))
"""


def _child_lint(path: Path, warm_up: str) -> Run:
    """Lint ``path`` in a fresh process, after checking ``warm_up`` (the same for every size,
    so that every size's peak includes the same lazily loaded tables)."""
    return measure([sys.executable, "-c", _CHILD, str(path), warm_up], env=qa_env())


# --- peers --------------------------------------------------------------------------------------


def textlint() -> list[str] | None:
    binary = CACHE / "npm" / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        if not shutil.which("npm"):
            return None
        print(f"installing {' and '.join(TEXTLINT)} into {CACHE / 'npm'} ...", flush=True)
        install(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE / "npm"), *TEXTLINT])
    return [str(binary), "--config", str(PEERS / "textlintrc.json"), "--format", "json"]


def vale() -> list[str] | None:
    binary = CACHE / "bin" / "vale"
    if not binary.exists():
        if not shutil.which("go"):
            return None
        print(f"installing {VALE} into {CACHE / 'bin'} ...", flush=True)
        install(["go", "install", VALE], env={**os.environ, "GOBIN": str(CACHE / "bin")})
    return [str(binary), "--config", str(PEERS / "vale" / ".vale.ini"), "--output", "JSON"]


def install(cmd: list[str], env: dict[str, str] | None = None) -> None:
    """Run an install command into the cache; say so in one line if it fails."""
    CACHE.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200)
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-1:]
        print(f"  install failed: {' '.join(tail)}")


def _count(tool: str, output: bytes) -> int:
    try:
        data = json.loads(output or b"null")
    except ValueError:
        return -1
    if tool == "textlint":
        return sum(len(f["messages"]) for f in data)
    return sum(len(alerts) for alerts in data.values())


def peers(tmp: Path, words: int, runs: int) -> None:
    """qa and each peer over the whole corpus, best of 3 wall-clock runs each."""
    one = tmp / "one-line.txt"
    one.write_text(ONE_LINE, encoding="utf-8")
    report = str(tmp / "peer-report.json")
    env = qa_env()
    base = ("check", "--exit-zero", "--no-cache", "--format", "json", "-o", report)
    tools: list[tuple[str, list[str] | None, Path | None, dict[str, str] | None]] = [
        ("qa -j 1", qa(*base, "-j", "1"), tmp, env),
        (f"qa -j {os.cpu_count()}", qa(*base), tmp, env),
        (f"qa -j {os.cpu_count()}, the peers' rules only", qa(*base, "--select", PEER_RULES), tmp, env),
        ("textlint + prh", textlint(), PEERS, None),
        ("vale", vale(), PEERS / "vale", None),
    ]
    measured: dict[str, tuple[Run, Run]] = {}
    for name, cmd, cwd, tool_env in tools:
        if cmd is None or not Path(cmd[0]).exists():
            continue
        start = median_run([*cmd, str(one)], runs, cwd=cwd, env=tool_env)
        best = min((measure([*cmd, str(CORPUS)], cwd=cwd, env=tool_env) for _ in range(3)), key=_wall)
        measured[name] = (start, best)
    rows = []
    qa_rates = [words / measured[n][1].seconds for n in list(measured)[:2] if n.startswith("qa")]
    for name, (start, best) in measured.items():
        rate = words / best.seconds
        found = "" if name.startswith("qa") else _count(name.split()[0], best.stdout)
        ratios = [f"{r / rate:.2f}" for r in qa_rates]
        rows.append((name, start.seconds * 1000, best.seconds, best.cpu, rate, best.peak_mb, found, *ratios))
    for name, *_ in tools:
        if name not in measured:
            rows.append((name, "not installed", "", "", "", "", "", "", ""))
    table(
        "Side by side on the corpus (best of 3; ratio > 1: qa is faster than that row)",
        (
            "tool",
            "start-up ms",
            "wall s",
            "CPU s",
            "words/s",
            "peak MB",
            "findings",
            "qa -j1 ÷",
            "qa -j all ÷",
        ),
        rows,
    )


def _wall(run: Run) -> float:
    return run.seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="scale to 10 MB only; skip the peers")
    parser.add_argument("--runs", type=int, default=11, help="runs per start-up median")
    parser.add_argument("--only", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    chosen = set(args.only.split(",")) if args.only else set(SECTIONS) - ({"peers"} if args.quick else set())
    if chosen - set(SECTIONS):
        parser.error(f"unknown section {sorted(chosen - set(SECTIONS))[0]!r}")
    files = corpus_files()
    words = corpus_words(files)
    print(
        f"qa benchmark: {len(files)} files, {words:,} words, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}"
    )
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "qa")], check=True)
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as name:
        tmp = Path(name)
        if "startup" in chosen:
            startup(tmp, args.runs)
        if "engine" in chosen:
            in_process(files, words)
        if "cli" in chosen:
            cli_corpus(tmp, words)
        if "growth" in chosen:
            scaling(tmp, [s for s in SIZES if not args.quick or s <= 10_000_000])
        if "adversarial" in chosen:
            adversarial(args.quick)
        if "peers" in chosen:
            peers(tmp, words, max(3, args.runs // 2))


if __name__ == "__main__":
    main()
