"""CPU time per phase of one ``qa check --format json`` in a fresh process, as the CLI
does it: imports, rule declarations, reading the file, building the rules the document
needs (importing their code), the word index, those rules on the first document (their
data read on first use), the same again with the data loaded (rules, mapping,
suppressions, sorting), and the JSON report.

    python bench/phases.py FILE [FILE ...]     # each file in its own process

Times are ``time.process_time`` (CPU, not wall), so a loaded machine inflates them less.
The start-up cache (``QA_DATA_CACHE``) is used as a run would use it: run twice and
read the second.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from run import qa_env

MARKS: list[tuple[str, float]] = []


def _lap(label: str, last: list[float]) -> None:
    now = time.process_time()
    MARKS.append((label, 1000 * (now - last[0])))
    last[0] = now


def phases(path: str) -> None:
    """Print the phase table of checking ``path`` in this process."""
    last = [time.process_time()]
    from qa import regexcache

    regexcache.defer()  # as the command line does before it imports regex
    import datetime as dt

    import qa.api
    import qa.cli
    import qa.commands.check  # what `qa check` imports

    _lap("imports", last)
    from qa.engine import registry

    registry.load_specs(())
    _lap("rule declarations (YAML cache)", last)
    session = qa.api.Session()
    linter = session.linter()
    text = Path(path).read_text(encoding="utf-8")
    document = session.read(text, path=path)
    _lap("reading (format reader)", last)
    rules = linter.rules_for(document)
    _lap(f"building the {len(rules)} rules it needs", last)
    document.word_index  # noqa: B018
    _lap("word index", last)
    from qa.engine.rule import Context

    context = Context(document, session.config, dt.date(2025, 1, 21))
    for rule in rules:
        list(rule.check(context))
    _lap("rules, first document (data read on use)", last)
    found = linter.check(document, date=dt.date(2025, 1, 21))
    _lap("rules again, mapped, suppressed, sorted", last)
    from qa.report import FileResult, formatter
    from qa.report.options import ReportOptions

    formatter("json")([FileResult(path, text, found)], session.rules(), ReportOptions())
    _lap("JSON report", last)
    print(f"# {Path(path).name}: {len(text.split()):,} words, {len(found):,} findings")
    for label, ms in MARKS:
        print(f"{label:42s} {ms:9.1f} ms")
    print(f"{'total CPU after the interpreter started':42s} {sum(ms for _, ms in MARKS):9.1f} ms")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="each checked in its own process")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        parser.error(f"not a file: {', '.join(missing)}")
    if args.one:
        phases(str(args.files[0]))
        return
    for path in args.files:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--one", str(path)]
        subprocess.run(cmd, env=qa_env(), check=True)


if __name__ == "__main__":
    main()
