"""Growth exponents on adversarial units: a quadratic regression fails here, not in a newsroom.

A small version of ``bench/scaling.py``: each case runs at n and 4n repetitions of its
unit, timed with ``time.process_time`` (best of a few runs), and the exponent of the
step must stay below 1.75 (linear is 1, quadratic 2: the quadratic code this guards
against read 1.9-2.0 here). A linear reader has read 1.61 late in the full suite, where
the process is large and the machine shared, so the bound leaves room for that noise.
No absolute times are asserted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from qa import api
from qa.report import FileResult
from qa.report.text import render

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from scaling import UNITS, clock, growth_exponent, wrap

BOUND = 1.75
SMALL = 4_000


def _check(
    reader: str, unit: str, select: list[str] | None = None, *, every: int = 1
) -> Callable[[int], Callable[[], object]]:
    """Lint n // ``every`` units (a long unit under every rule would make the test slow)."""
    return lambda n: lambda: api.check(wrap(reader, unit * (n // every)), format=reader, select=select)


def _read(reader: str, unit: str) -> Callable[[int], Callable[[], object]]:
    return lambda n: lambda: api.document(wrap(reader, unit * n), format=reader)


def _fix(unit: str, select: list[str]) -> Callable[[int], Callable[[], object]]:
    return lambda n: lambda: api.fix(unit * n, select=select)


def _text_report(unit: str, select: list[str]) -> Callable[[int], Callable[[], object]]:
    def build(n: int) -> Callable[[], object]:
        source = unit * n
        result = FileResult("unit.txt", source, api.check(source, select=select))
        return lambda: render([result], {})

    return build


CASES = {
    "U029 on a run of ASCII digits": _check("text", UNITS["ascii digit"], ["U029"]),
    "U029 and U035 on one number in both digit systems": _check(
        "text", UNITS["both digit systems"], ["U029", "U035"]
    ),
    "U029 and U035 on numbers in both digit systems": _check("text", "5० 3.३ ", ["U029", "U035"]),
    "U023 on a run of pipes": _check("text", UNITS["pipe"], ["U023"]),
    "P004 on runs of spaces that end in a dash": _check("text", "क" + " " * 50 + "- ", ["P004"]),
    "P004 on one long run of spaces": _check("text", " " * 25, ["P004"]),
    "HTML reader on '<'": _read("html", UNITS["lt"]),
    "HTML reader on spaces": _read("html", UNITS["space"]),
    "HTML reader on unclosed comments between tags": _read("html", UNITS["comment in tags"]),
    "HTML reader on dangling end tags": _read("html", UNITS["end tag open"]),
    "HTML in CMS JSON on '<'": _read("cms-json", UNITS["lt"]),
    "--fix with a fix per unit": _fix(UNITS["many fixes"], ["P002"]),
    "text report on words glued by zero-width spaces": _text_report(UNITS["zwsp word"], ["U002"]),
    "every rule on a long line": _check("text", UNITS["long line"], every=8),
    "G030 on a run of ASCII digits": _check("text", UNITS["ascii digit"], ["G030"]),
    "G001 on initials run together": _check("text", UNITS["initials"], ["G001"]),
}


@pytest.mark.parametrize("case", CASES)
def test_growth_is_linear(case: str) -> None:
    build = CASES[case]
    sizes = (SMALL, 4 * SMALL)
    actions = [build(n) for n in sizes]
    for action in actions:  # load lazy tables before the clock runs
        action()
    seconds = [clock(action, repeat=5) for action in actions]
    exponent = growth_exponent(sizes, seconds)
    assert exponent < BOUND, f"{case}: {seconds[0]:.3f} s -> {seconds[1]:.3f} s, exponent {exponent:.2f}"
