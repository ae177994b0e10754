"""Growth exponents: every reader, rule, ``--fix`` and report on adversarial repeated units.

Run from a checkout: ``python bench/scaling.py`` (``make bench`` runs it through
``bench/run.py``). Each unit (digits of both systems, ``<``, ``&``, ``<!--``, spaces,
pipes, brackets, quotes, joiners, bidi marks, matras, long words, long lines, many
fixes) is repeated 10k, 20k and 40k times into one document of each format. For
each step the CPU time (``time.process_time``, best of a few runs when quick) of
reading, of every rule alone, of the whole check, of ``--fix`` and of each report is
measured, and the growth exponent ``log(t2 / t1) / log(n2 / n1)`` of the largest step
is reported: 1 is linear, 2 quadratic. Everything must stay <= 1.2 (``--limit``).

A step that takes longer than ``--budget`` seconds ends the sizes for that unit and
format (a quadratic case would take minutes at 40k); its exponent is still reported.
Times under ``MIN_SECONDS`` at the largest size are too small to tell and count as linear.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa import api
from qa.config import Config
from qa.engine.fixes import fix_until_stable
from qa.engine.rule import Context
from qa.engine.runner import Linter
from qa.errors import QAError
from qa.report import FORMATS, FileResult, formatter
from qa.runtime import settle

READERS = ("text", "markdown", "html", "cms-json")
#: Units that make careless patterns, readers, fixers or reports super-linear.
UNITS = {
    "ascii digit": "9",
    "devanagari digit": "४",
    "both digit systems": "४9",
    "digits and letters": "a9",
    "lt": "<",
    "amp": "&",
    "entity": "&amp;",
    "comment open": "<!--",
    "comment in tags": "<!--<b>",
    "tag": "<b>",
    "tag open": "<b",
    "tag with attributes": "<a b ",
    "end tag open": "</",
    "declaration": "<!x",
    "processing instruction": "<?",
    "charref": "&#",
    "space": " ",
    "tab space": "\t ",
    "line break": "\n",
    "pipe": "|",
    "pipe word": "क|",
    "open bracket": "(",
    "close bracket": ")",
    "square": "[a",
    "double quote": '"',
    "curly quote": "“",
    "single quote": "'",
    "zwj": "क्\u200d",
    "zwsp word": "कमल\u200b",
    "bidi mark": "\u200f",
    "bidi embedding": "\u202bक",
    "matra": "ा",
    "vowel sign run": "कि",
    "nukta": "क़",
    "long word": "राष्ट्र",
    "long line": "राष्ट्रपति ने कहा कि बातचीत जारी रहेगी। ",
    "many fixes": "क ,",
    "space danda": "क ।",
    "doubled word": "के ",
    "url": "http://a.b/",
    "email": "a@b.c ",
    "letter": "क",
    "latin letter": "a",
    "dot": ".",
    "initials": "a.",
    "at": "a@",
    "qa comment open": "<!-- qa: x",
    "backtick": "`a",
    "image open": "![a",
    "link open": "[a](",
    "fence": "~~~",
    "asterisk": "*",
    "underscore": "_",
    "backslash": "\\",
    "close square": "]",
    "comma space": ", ",
    "space before danda": " ।",
    "marks": "?!",
    "abbreviation": "डॉ. ",
    "virama": "क्",
    "object": "\ufffc",
    "mojibake": "â€",
    "latin mojibake": "Ã©",
}
SIZES = (10_000, 20_000, 40_000)
LIMIT = 1.2
MIN_SECONDS = 0.005


#: Starts every document: with a Devanagari digit present, U029 compares the digit systems.
LEAD = "४ "


def wrap(reader: str, body: str) -> str:
    """The source of a document of ``reader``'s format whose copy is ``body`` after :data:`LEAD`."""
    body = LEAD + body
    if reader == "html":
        return f"<p>{body}</p>\n"
    if reader == "cms-json":
        return json.dumps({"headline": body, "body": f"<p>{body}</p>"}, ensure_ascii=False)
    return body


def clock(action: Callable[[], object], repeat: int = 3) -> float:
    """CPU seconds of ``action``: the best of ``repeat`` runs when it is quick, else one.

    The cyclic garbage collector is held off while the clock runs: its full passes grow
    with everything a process holds, not with the algorithm timed (the CLI tunes it the
    same way, see ``qa/runtime.py``), and they made linear readers look super-linear.
    """
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            action()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
        if best > 0.2:
            break
    return best


def growth_exponent(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """The exponent of the last step (1: linear); 0 when the times are too small to tell."""
    if len(seconds) < 2 or seconds[-1] < MIN_SECONDS:
        return 0.0
    return math.log(seconds[-1] / max(seconds[-2], 1e-6)) / math.log(
        sizes[len(seconds) - 1] / sizes[len(seconds) - 2]
    )


@dataclass
class Series:
    """Seconds per measured size, by what was measured (the reader, a rule code, ``fix`` …)."""

    times: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, seconds: float) -> None:
        self.times.setdefault(name, []).append(seconds)

    def exponents(self, sizes: Sequence[int]) -> dict[str, float]:
        return {name: growth_exponent(sizes, seconds) for name, seconds in self.times.items()}


def measure(linter: Linter, reader: str, body: str, *, reports: bool, fix: bool) -> dict[str, float]:
    """CPU seconds of each stage on one document."""
    source = wrap(reader, body)
    seconds = {"read": clock(lambda: api.document(source, format=reader))}
    document = api.document(source, format=reader)
    start = time.process_time()
    found = linter.check(document)  # the first run also builds the document's shared tables
    seconds["check"] = time.process_time() - start
    ctx = Context(document, linter.config, dt.date.today())
    for rule in linter.rules:
        seconds[rule.meta.code] = clock(lambda rule=rule: list(rule.check(ctx)))
    if fix:
        with suppress(QAError):  # fixes that need more passes than allowed: a finding, not a timing
            seconds["fix"] = clock(
                lambda: fix_until_stable(source, lambda t: linter.check(api.document(t, format=reader))), 1
            )
    if reports:
        results = [FileResult("unit.txt", source, found)]
        metas = {rule.meta.code: rule.meta for rule in linter.rules}
        for name in FORMATS:
            seconds[f"report {name}"] = clock(lambda name=name: formatter(name)(results, metas), 1)
    return seconds


def scan(
    linter: Linter,
    readers: Iterable[str],
    units: dict[str, str],
    sizes: Sequence[int],
    budget: float,
    progress: Callable[[str], None] = lambda _: None,
) -> list[tuple[str, str, str, float, float]]:
    """(reader, unit, stage, seconds at the largest size measured, exponent) for every stage."""
    rows = []
    for reader in readers:
        for name, unit in units.items():
            series = Series()
            for size in sizes:
                seconds = measure(linter, reader, unit * size, reports=reader == "text", fix=True)
                for stage, value in seconds.items():
                    series.add(stage, value)
                if max(seconds.values()) > budget:
                    break
            measured = sizes[: len(series.times["read"])]
            for stage, exponent in series.exponents(measured).items():
                rows.append((reader, name, stage, series.times[stage][-1], exponent))
            worst = max(series.exponents(measured).items(), key=lambda item: item[1])
            progress(f"{reader:9} {name:20} up to {measured[-1]:>6}: worst {worst[0]} {worst[1]:.2f}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--readers", default=",".join(READERS), help="comma-separated formats")
    parser.add_argument("--units", help="comma-separated unit names (default: all)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="repetitions per step")
    parser.add_argument(
        "--budget", type=float, default=10.0, help="seconds a stage may take before sizes stop"
    )
    parser.add_argument("--limit", type=float, default=LIMIT, help="largest acceptable exponent")
    parser.add_argument("--all", action="store_true", help="list every stage, not only the slowest")
    args = parser.parse_args(argv)
    units = {n: UNITS[n] for n in args.units.split(",")} if args.units else UNITS
    sizes = [int(s) for s in args.sizes.split(",")]
    linter = api.linter(Config())
    linter.warm()
    settle()  # as ``qa check`` does before a batch
    rows = scan(
        linter, args.readers.split(","), units, sizes, args.budget, lambda line: print(line, flush=True)
    )
    over = [row for row in rows if row[4] > args.limit]
    shown = rows if args.all else sorted(rows, key=lambda row: -row[4])[:25]
    print(f"\n{'reader':9} {'unit':20} {'stage':14} {'seconds':>8} {'exponent':>8}")
    for reader, unit, stage, seconds, exponent in shown:
        print(f"{reader:9} {unit:20} {stage:14} {seconds:8.3f} {exponent:8.2f}")
    stages = len({row[2] for row in rows})
    print(
        f"\n{len(rows)} measurements ({stages} stages x {len(units)} units); {len(over)} above {args.limit}"
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
