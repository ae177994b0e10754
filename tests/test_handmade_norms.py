"""Hand-made news sentences for the P, F, N and U families (tests/data/handmade_norms.tsv).

Each line is one article dated 2025-12-05. Its P/F/N/U/S findings at warning or error
level must be exactly the expected codes (so a false alarm fails as surely as a miss);
an expected info code must be found too; a known miss ("~CODE") is counted, not
asserted. Run this file as a script for a score table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest
import regex

from qa import api
from qa.diagnostic import Severity

DATA = Path(__file__).parent / "data" / "handmade_norms.tsv"
DATE = dt.date(2025, 12, 5)
FAMILIES = ("P", "F", "N", "U", "S")
_ESCAPE = regex.compile(r"\\u([0-9a-fA-F]{4})|\\n")


class Case(NamedTuple):
    line: int
    expected: frozenset[str]
    known_misses: frozenset[str]
    text: str


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else "\n", text)


def load_cases() -> list[Case]:
    cases = []
    for number, raw in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        field, text = raw.split("\t", 1)
        codes = [] if field == "-" else field.split(",")
        expected = frozenset(c for c in codes if not c.startswith("~"))
        known = frozenset(c[1:] for c in codes if c.startswith("~"))
        cases.append(Case(number, expected, known, _unescape(text)))
    return cases


def found_codes(case: Case) -> frozenset[str]:
    """The owned-family codes reported: warnings and errors, plus expected info codes."""
    return frozenset(
        d.code
        for d in api.check(case.text, date=DATE)
        if d.code.startswith(FAMILIES) and (d.severity >= Severity.WARNING or d.code in case.expected)
    )


CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"line{c.line}" for c in CASES])
def test_handmade_case(case: Case) -> None:
    assert found_codes(case) == case.expected, case.text


def _score() -> None:
    caught = missed = false = 0
    for case in CASES:
        found = found_codes(case)
        wanted = case.expected | case.known_misses
        caught += len(found & wanted)
        missed += len(wanted - found)
        false += len(found - wanted)
        if found != wanted:
            extra, lost = sorted(found - wanted), sorted(wanted - found)
            print(f"line {case.line}: missed {lost} false {extra} | {case.text}")
    print(f"{len(CASES)} cases: caught {caught}, missed {missed}, false alarms {false}")


if __name__ == "__main__":
    _score()
