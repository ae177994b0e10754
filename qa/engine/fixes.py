"""Applying fixes: non-overlapping edits, applied back to front, until nothing changes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from qa.diagnostic import SORT_KEY, Diagnostic, Fix, apply_edits
from qa.errors import QAError

MAX_PASSES = 10


def applicable(diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> list[Fix]:
    """Fixes that may be applied together: safe (or unsafe too), first come first served."""
    chosen: list[Fix] = []
    taken = _Taken()
    for diagnostic in sorted(diagnostics, key=SORT_KEY):
        fix = diagnostic.fix
        if fix is None or not fix.edits or (fix.applicability == "unsafe" and not unsafe):
            continue
        if any(taken.collides(e.start, e.end) for e in fix.edits):
            continue
        chosen.append(fix)
        for edit in fix.edits:
            taken.add(edit.start, edit.end)
    return chosen


class _Taken:
    """The source the chosen fixes touch: disjoint spans sorted by start, and insertion points.

    An edit collides with a span it overlaps; an insertion collides with an insertion at
    the same point and with a span that holds it (``start <= point < end``). Fixes come
    in the order of their findings, so new entries nearly always land at the end of the
    lists: each look-up is a bisection, not a comparison with every edit taken.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []  # disjoint spans: sorted like their starts
        self._points: list[int] = []

    def _before(self, start: int, end: int) -> int:
        """How many spans start before ``end`` (at or before ``start`` for an insertion)."""
        return bisect_right(self._starts, start if start == end else end - 1)

    def collides(self, start: int, end: int) -> bool:
        index = bisect_left(self._points, start)
        if index < len(self._points) and self._points[index] <= max(start, end - 1):
            return True
        before = self._before(start, end)
        return before > 0 and self._ends[before - 1] > start

    def add(self, start: int, end: int) -> None:
        if start == end:
            insort(self._points, start)
            return
        last = self._before(start, end)
        first = last
        while first > 0 and self._ends[first - 1] > start:  # edits of one fix that overlap
            first -= 1
            start, end = min(start, self._starts[first]), max(end, self._ends[first])
        self._starts[first:last] = [start]
        self._ends[first:last] = [end]


def _changes(text: str, fix: Fix | None) -> bool:
    """False for a fix that would write back what is already there (it would never converge)."""
    return fix is not None and any(text[e.start : e.end] != e.replacement for e in fix.edits)


@dataclass
class FixResult:
    """The text after fixing, how many fixes were applied and the findings left."""

    text: str
    applied: int
    remaining: list[Diagnostic]


def fix_until_stable(
    text: str, lint: Callable[[str], list[Diagnostic]], *, unsafe: bool = False
) -> FixResult:
    """Lint, apply what can be fixed, and lint again until no fix applies."""
    applied = 0
    for _ in range(MAX_PASSES):
        diagnostics = lint(text)
        fixes = applicable([d for d in diagnostics if _changes(text, d.fix)], unsafe=unsafe)
        if not fixes:
            return FixResult(text, applied, diagnostics)
        text = apply_edits(text, [e for f in fixes for e in f.edits])
        applied += len(fixes)
    raise QAError(f"fixes did not converge after {MAX_PASSES} passes; please report this")
