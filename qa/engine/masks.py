"""Spans one rule claims for itself.

A rule declared ``masks: true`` reports text that is not Unicode Hindi at all (a paragraph
typed in a legacy font, UTF-8 decoded with the wrong code page). Its finding is the whole
story for that span: the brackets, semicolons and "words" inside it are glyph codes, so
other rules' findings that touch the span, or the spans its fix rewrites, are noise and
are dropped. Of two masking findings on one span the wider (then the lower code) stays:
U032's verified repair, not also U033's font guess; masking findings that only overlap
both stay.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection

from qa.diagnostic import Diagnostic


def apply(diagnostics: list[Diagnostic], masking: Collection[str]) -> list[Diagnostic]:
    """``diagnostics`` without the findings of other rules that overlap a span claimed by
    a finding of a rule in ``masking`` (a zero-width finding counts when it lies inside),
    and without masking findings that lie within a wider one's span."""
    claims = sorted((d for d in diagnostics if d.code in masking), key=lambda d: (d.start, -d.end, d.code))
    if not claims:
        return diagnostics
    kept: set[int] = set()
    spans: list[tuple[int, int]] = []
    for d in claims:
        if any(start <= d.start and d.end <= end for start, end in spans):
            continue
        kept.add(id(d))
        edits = d.fix.edits if d.fix else ()
        for start, end in ((d.start, d.end), *((edit.start, edit.end) for edit in edits)):
            if end > start:
                spans.append((start, end))
    claimed = _merged(spans)
    starts = [start for start, _ in claimed]
    return [
        d for d in diagnostics if (id(d) in kept if d.code in masking else not _overlaps(d, claimed, starts))
    ]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps(diagnostic: Diagnostic, claimed: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether the finding shares a code point with a claimed span (the spans are disjoint
    and sorted: only the last one starting before the finding's end can overlap it)."""
    end = max(diagnostic.end, diagnostic.start + 1)
    index = bisect_left(starts, end) - 1
    return index >= 0 and claimed[index][1] > diagnostic.start
