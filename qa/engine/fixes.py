"""Applying fixes: non-overlapping edits, applied back to front, until nothing changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from qa.diagnostic import Diagnostic, Edit, Fix
from qa.errors import QAError

MAX_PASSES = 10


def applicable(diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> list[Fix]:
    """Fixes that may be applied together: safe (or unsafe too), first come first served."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for diagnostic in sorted(diagnostics, key=lambda d: d.sort_key):
        fix = diagnostic.fix
        if fix is None or not fix.edits or (fix.applicability == "unsafe" and not unsafe):
            continue
        spans = [(e.start, e.end) for e in fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        chosen.append(fix)
        taken.extend(spans)
    return chosen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions collide only at the same point or inside
        return a[0] == b[0] or b[0] < a[0] < b[1] or a[0] < b[0] < a[1]
    return a[0] < b[1] and b[0] < a[1]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    parts: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def _changes(text: str, fix: Fix | None) -> bool:
    """False for a fix that would write back what is already there (it would never converge)."""
    return fix is not None and any(text[e.start : e.end] != e.replacement for e in fix.edits)


@dataclass
class FixResult:
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
