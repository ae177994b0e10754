"""Display width of text in a terminal, so carets line up under conjuncts and matras.

Combining marks that render on top of or inside the base (Mn, Me: virama, nukta,
anusvara, upper/lower matras) and format characters take no column; spacing marks
(Mc: ा ी ो) take one; East Asian wide and fullwidth characters take two.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    if ch == "\t":
        return 4
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf") or ch in "\u200b\u200c\u200d\u2060\ufeff":
        return 0
    if category == "Cc":
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def display_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)
