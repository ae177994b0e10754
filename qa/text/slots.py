"""A document's words laid out in slots, as the agreement rules read them
(:class:`qa.checks.agreement.Slots`).

Each word takes a slot, and an empty one (None) stands wherever anything but spaces
separates two words (punctuation, a number, a line break) and at both ends. Words joined
by a hyphen or full stop without spaces, or followed by the abbreviation sign, read as
the whole compound (कविता-संग्रह, एम॰ए॰). :func:`python_layout` is the reference; where
the compiled core is built (:mod:`qa.text.native`), :func:`layout` is its version, which
returns exactly the same.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from qa.text import native
from qa.text.akshara import WORD_LETTERS

JOINED, BREAK = "joined", "break"
#: Marks that join what stands on both sides of them into one word (no spaces).
JOINERS = frozenset("-‐‑–.")  # one character between two words
#: Runs of any character but a space and a Devanagari letter or sign (stdlib ``re``: a
#: plain character class, scanned far faster than the ``regex`` module's property classes).
_GAP_MARKS = re.compile(f"[^ {WORD_LETTERS}]+")

Slots = tuple[list[str | None], list[int]]
#: A run of more words joined than this is no compound (initials run together, a.b.c.…):
#: its words stay apart, where each would hold the rest of the run (its length squared).
MAX_COMPOUND = 16


@lru_cache(maxsize=1 << 10)
def link(gap: str) -> str:
    """What the text between two words makes of them: :data:`JOINED`, :data:`BREAK` or a
    space (" ")."""
    if gap in JOINERS or gap.startswith("॰"):
        return JOINED
    return " " if gap.isspace() and "\n" not in gap else BREAK


def links(view: str, texts: list[str], starts: Sequence[int]) -> dict[int, str]:
    """What separates each word from the next where it is more than spaces: "joined"
    or "break", by the word's number in order (the last word's is a break).

    Most gaps are spaces: only those that hold something else are read, found by one
    scan for runs of any character but a space or a Devanagari letter or sign (a
    superset of the characters a gap may hold besides spaces). Most runs lie in one gap;
    one that begins in a Latin word or goes on into one marks every gap it reaches."""
    found: dict[int, str] = {}
    if not texts:
        return found
    last = len(texts) - 1
    for run in _GAP_MARKS.finditer(view, starts[0], starts[-1]):
        a, b = run.span()
        k = bisect_right(starts, a) - 1
        end = starts[k] + len(texts[k])
        if a >= end:  # the run begins in the gap after word k
            following = starts[k + 1]
            if k not in found and (kind := link(view[end:following])) != " ":
                found[k] = kind
            if b <= following:
                continue
            k += 1
        while k < last and starts[k] < b:  # the run covers the start of word k
            end = starts[k] + len(texts[k])
            if end < b and k not in found and (kind := link(view[end : starts[k + 1]])) != " ":
                found[k] = kind
            k += 1
    found[last] = BREAK
    return found


def _slots(normals: list[str], breaks: list[int]) -> Slots:
    """The slots (a None before the first word and after each word a break follows,
    ``breaks`` in order) and each word's slot, a run of words between two breaks at a time."""
    words: list[str | None] = [None]
    slot_of: list[int] = []
    first = 0
    for before, last in enumerate(breaks):
        slot_of.extend(range(first + 1 + before, last + 2 + before))
        words.extend(normals[first : last + 1])
        words.append(None)
        first = last + 1
    return words, slot_of


def python_layout(view: str, texts: list[str], starts: Sequence[int], respelt: Mapping[str, str]) -> Slots:
    """Each slot's word (None for a break) and each word's slot, for the words ``texts`` of
    ``view`` (in order, each starting at its offset of ``starts``): a word as ``respelt``
    spells it if it has it there, a compound as the view writes it from the word on."""
    found = links(view, texts, starts)
    normals = [respelt.get(text, text) for text in texts]
    joined = sorted(k for k, kind in found.items() if kind == JOINED)
    at = 0
    while at < len(joined):  # a run of joined words at a time
        first = at
        while at + 1 < len(joined) and joined[at + 1] == joined[at] + 1:
            at += 1
        run, last = joined[first : at + 1], joined[at] + 1
        at += 1
        if len(run) + 1 > MAX_COMPOUND:
            continue
        for k in run:
            normals[k] = view[starts[k] : starts[last] + len(texts[last])]
            normals[k + 1] = normals[k]
    return _slots(normals, [k for k, kind in found.items() if kind == BREAK])


layout: Callable[[str, list[str], Sequence[int], Mapping[str, str]], Slots] = (
    native.core.slot_layout if native.core else python_layout
)
