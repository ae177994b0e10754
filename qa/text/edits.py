"""Edit distances with rapidfuzz's answers, without importing it for the few a document needs.

Importing rapidfuzz costs about 15–20 ms (its package loads every metric and their
pure-Python fallbacks), more than all the comparisons of one article together. So:

- :func:`editops` answers a pair one edit apart in only one way (one letter replaced,
  or one dropped or added where no neighbour is the same letter) itself, with the
  operation rapidfuzz's ``Levenshtein.editops`` gives for it; any other pair goes to
  rapidfuzz, whose choice among equally short alignments the callers depend on.
- :func:`osa` is the optimal-string-alignment distance (rapidfuzz's ``OSA.distance``,
  a number, so any correct computation gives it): computed here for the first
  :data:`OWN_DISTANCES` pairs of a process, by rapidfuzz's C++ after that (a batch).
"""

from __future__ import annotations

from functools import cache
from typing import Any

#: An edit operation as rapidfuzz's ``editops`` gives it: (tag, source position,
#: destination position), tag one of "replace", "delete", "insert".
Op = tuple[str, int, int]
#: Distances computed here before rapidfuzz is imported for the rest.
OWN_DISTANCES = 64
_own = [0]


def one_edit(a: str, b: str) -> list[Op] | None:
    """The edit operations from ``a`` to ``b`` when they are equal (none) or one edit apart
    with a single optimal alignment; None otherwise (further apart, or a letter dropped
    from a run of the same letter, which rapidfuzz may place anywhere in the run)."""
    if a == b:
        return []
    if len(a) == len(b):
        differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return [("replace", differ[0], differ[0])] if len(differ) == 1 else None
    if abs(len(a) - len(b)) != 1:
        return None
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    at = next((i for i, (x, y) in enumerate(zip(shorter, longer, strict=False)) if x != y), len(shorter))
    if shorter[at:] != longer[at + 1 :] or (at > 0 and longer[at - 1] == longer[at]):
        return None
    return [("delete" if longer is a else "insert", at, at)]


def editops(a: str, b: str) -> list[Op]:
    """rapidfuzz's ``Levenshtein.editops(a, b)`` as (tag, source, destination) tuples."""
    ops = one_edit(a, b)
    if ops is not None:
        return ops
    return [(op.tag, op.src_pos, op.dest_pos) for op in _rapidfuzz().Levenshtein.editops(a, b)]


def levenshtein(a: str, b: str, cutoff: int) -> int:
    """rapidfuzz's ``Levenshtein.distance(a, b, score_cutoff=cutoff)``: the distance, or
    ``cutoff + 1`` when it is larger."""
    ops = one_edit(a, b)
    if ops is not None:
        return min(len(ops), cutoff + 1)
    return int(_rapidfuzz().Levenshtein.distance(a, b, score_cutoff=cutoff))


def osa(a: str, b: str, cutoff: int) -> int:
    """rapidfuzz's ``OSA.distance(a, b, score_cutoff=cutoff)``: the optimal-string-alignment
    distance (an edit or a swap of neighbours costs one), or ``cutoff + 1`` when larger."""
    if _own[0] >= OWN_DISTANCES:
        return int(_rapidfuzz().OSA.distance(a, b, score_cutoff=cutoff))
    _own[0] += 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return min(previous[-1], cutoff + 1)


@cache
def _rapidfuzz() -> Any:
    """rapidfuzz's ``distance`` module, imported when a comparison first needs it (cached:
    an import statement per comparison costs more than the comparison)."""
    from rapidfuzz import distance

    return distance
