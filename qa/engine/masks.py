"""Spans one rule claims for itself.

A rule declared ``masks: true`` reports text that is not Unicode Hindi at all (a paragraph
typed in a legacy font, UTF-8 decoded with the wrong code page). Its finding is the whole
story for that span: the brackets, semicolons and "words" inside it are glyph codes, so
other rules' findings that touch the span, or the spans its fix rewrites, are noise and
are dropped. Of two masking findings on one span the wider (then the lower code) stays:
U032's verified repair, not also U033's font guess; masking findings that only overlap
both stay.

A rule may also declare the codes it ``covers``: two rules that see one slip from two
sides (T003 reads "कीी" as की, U014 sees two vowel signs) report it once, by the rule
with the more specific finding and the better fix; a covered finding inside its span
steps aside.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping
from itertools import accumulate

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


def covered(diagnostics: list[Diagnostic], covering: Mapping[str, Collection[str]]) -> list[Diagnostic]:
    """``diagnostics`` without the findings that a finding of a rule declaring ``covers``
    stands for: one of the covered codes whose span lies inside the covering finding's
    (one slip, one finding: T003's "कीी" -> की, not also U014's doubled sign)."""
    owners = sorted((d for d in diagnostics if d.code in covering), key=lambda d: d.start)
    if not owners:
        return diagnostics
    starts = [d.start for d in owners]
    reach = list(accumulate((d.end for d in owners), max))  # the furthest end up to each owner
    coverable = frozenset().union(*covering.values())

    def stands_for(d: Diagnostic) -> bool:
        j = bisect_right(starts, d.start) - 1
        while j >= 0 and reach[j] >= d.end:
            owner = owners[j]
            if owner.end >= d.end and owner is not d and d.code in covering[owner.code]:
                return True
            j -= 1
        return False

    return [d for d in diagnostics if d.code not in coverable or not stands_for(d)]
