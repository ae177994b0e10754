"""Where ``qa check`` spends its time: per phase and per rule, on both shapes of input.

Run from a checkout: ``python bench/profile.py`` (``--runs N``, default 3; the median is
printed). The input is the news corpus of ``bench/run.py``: once as one big file (every
file concatenated) and once as its 305 separate files. Phases, in one process on one
core, as ``qa check --format json -j 1 --no-cache`` runs them (each document with the
cyclic collector off, as there):

- read: decode the bytes (``qa.sources.read_file``)
- document: the format reader builds the view (``api.document``)
- tokenise: the shared word list and word index of each document
- rules: every default rule, timed one by one (the per-rule table)
- findings: map to source, suppressions, sort (``Linter.check`` minus the rules)
- serialise: the JSON report (``qa.report.json.render``)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from run import corpus_files, corpus_words, table  # noqa: E402  (bench/run.py, beside this file)

from qa import api  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.engine.rule import JointCheck  # noqa: E402
from qa.engine.runner import Linter  # noqa: E402
from qa.report import FileResult  # noqa: E402
from qa.report.json import render  # noqa: E402
from qa.runtime import settle, uncollected  # noqa: E402
from qa.sources import read_file  # noqa: E402

MAX_SIZE = 100_000_000
PHASES = ("read", "document", "tokenise", "rules", "findings", "serialise")


def _timed(times: dict[str, float], name: str, call: Callable[[], object]) -> object:
    start = time.perf_counter()
    value = call()
    times[name] += time.perf_counter() - start
    return value


def _time_rules(linter: Linter, rules: dict[str, float]) -> None:
    """Wrap each rule's ``check`` so that its seconds add up in ``rules`` (an analysis that
    several rules share is charged to the first rule that asks for it); rules checked in one
    pass (``Rule.joint``) are timed together, as "G022+G023+…"."""
    joints: dict[int, JointCheck] = {}
    for rule in linter.rules:
        vars(rule).pop("check", None)  # the wrapper of an earlier pass
        vars(rule).pop("joint", None)
        if rule.joint is not None:
            rule.joint = joints.setdefault(id(rule.joint), _timed_joint(rule.joint, rules))  # type: ignore[misc]

        def timed(ctx, check=rule.check, code=rule.meta.code):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            found = list(check(ctx))
            rules[code] += time.perf_counter() - start
            return found

        rule.check = timed  # type: ignore[method-assign]


def _timed_joint(joint: JointCheck, rules: dict[str, float]) -> JointCheck:
    def timed(ctx, group):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        found = joint(ctx, group)
        rules["+".join(rule.meta.code for rule in group)] += time.perf_counter() - start
        return found

    return timed


def one_pass(linter: Linter, paths: list[Path]) -> tuple[dict[str, float], dict[str, float], int]:
    """Seconds per phase and per rule for one run over ``paths``, and the findings."""
    phases: dict[str, float] = defaultdict(float)
    rules: dict[str, float] = defaultdict(float)
    _time_rules(linter, rules)
    results = []
    for path in paths:
        source = _timed(phases, "read", lambda p=path: read_file(p, max_size=MAX_SIZE))
        doc = _timed(phases, "document", lambda s=source, p=path: api.document(s.text, path=str(p)))
        with uncollected():  # as the command line lints each document
            _timed(phases, "tokenise", lambda d=doc: d.word_index)
            found = _timed(phases, "check", lambda d=doc: linter.check(d))
        results.append(FileResult(str(path), source.text, found))
    phases["rules"] = sum(rules.values())
    phases["findings"] = phases.pop("check") - phases["rules"]
    _timed(phases, "serialise", lambda: render(results, {}))
    return phases, rules, sum(len(r.diagnostics) for r in results)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--top", type=int, default=25, help="rules shown in the per-rule table")
    args = parser.parse_args(argv)
    files = corpus_files()
    words = corpus_words(files)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="qa-profile-") as tmp:
        big = Path(tmp) / "corpus.txt"
        big.write_text("\n".join(f.read_text(encoding="utf-8") for f in files), encoding="utf-8")
        linter = api.linter(Config())
        linter.warm()
        settle()
        shapes = {"one file": [big], f"{len(files)} files": files}
        measured = {
            name: [one_pass(linter, paths) for _ in range(args.runs)] for name, paths in shapes.items()
        }
    print(f"qa profile: {words:,} words, {len(linter.rules)} rules, median of {args.runs}")
    rows = []
    for phase in PHASES:
        rows.append((phase, *(statistics.median(r[0][phase] for r in runs) for runs in measured.values())))
    totals = [statistics.median(sum(r[0].values()) for r in runs) for runs in measured.values()]
    rows.append(("total", *totals))
    rows.append(("words/s", *(words / t for t in totals)))
    table("Phases (seconds)", ("phase", *measured), rows)
    codes = {code for runs in measured.values() for r in runs for code in r[1]}
    per_rule = {
        code: [statistics.median(r[1].get(code, 0.0) for r in runs) for runs in measured.values()]
        for code in codes
    }
    ranked = sorted(per_rule.items(), key=lambda item: -sum(item[1]))[: args.top]
    table(f"Rules, slowest {args.top} (seconds)", ("rule", *measured), [(c, *t) for c, t in ranked])
    print(f"\nall rules: {', '.join(f'{sum(t[i] for t in per_rule.values()):.2f} s' for i in range(2))}")


if __name__ == "__main__":
    main()
