"""Devanagari sequences that need a table or a word list to judge."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from qa import lexicon
from qa.diagnostic import Diagnostic, Edit
from qa.engine.rule import Context, Rule, RuleMeta
from qa.errors import RuleDataError
from qa.text.akshara import WORD_LETTERS

_LETTERS = f"[{WORD_LETTERS}]"
#: The Devanagari word that ends at the end of the searched stretch / starts at its start.
_WORD_BEFORE = regex.compile(rf"{_LETTERS}+\Z")
_WORD_AFTER = regex.compile(rf"{_LETTERS}*")
_LOOK = 40


def _around(text: str, at: int, after: int) -> tuple[int, str, str]:
    """(start, left, right): the Devanagari word ending at ``at`` and the one starting at ``after``."""
    left = _WORD_BEFORE.search(text, max(0, at - _LOOK), at)
    right = _WORD_AFTER.match(text, after)
    if left is None or right is None:
        return at, "", ""
    return left.start(), left.group(), right.group()


def _occurrences(text: str, needle: str) -> Iterator[int]:
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


#: A split conjunct leaves a short tail ("चिह् न", "विद् या"); "भगवद् गीता" is two words.
_BROKEN_TAIL = 3


class BrokenConjunct(Rule):
    """Virama, space, consonant ("चिह् न"): broken only if the joined word is a real word.

    Tatsam words end in a virama before the next word ("जगत् के", "विद्युत् प्रवाह"),
    so the lexicon decides: the joined form must be known, the left part not, and the
    right part must be a short tail.
    """

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for at in _occurrences(text, "\u094d "):
            start, left, right = _around(text, at + 1, at + 2)
            if not left or not 0 < len(right) <= _BROKEN_TAIL or not "\u0915" <= right[0] <= "\u0939":
                continue
            joined = left + right
            if lexicon.known(joined) and not lexicon.known(left):
                end = at + 2 + len(right)
                message = self.meta.message.format(wrong=text[start:end], right=joined)
                yield self.replace(start, end, joined, message)


class VisargaColon(Rule):
    """An ASCII colon typed for visarga: "अत:", "दु:ख", "नि:शुल्क".

    Label colons ("समय: 10 बजे", "दिल्ली: ...") are everywhere in news, so a colon is
    reported only when the word spelt with visarga is an established word and, at
    the end of a word, at least about as frequent as the bare word ("दिल्ली" is far
    commoner than "दिल्लीः"; "क्रमश" is mostly "क्रमशः" typed with a colon).
    """

    def __init__(self, meta: RuleMeta, options: Mapping[str, Any]) -> None:
        super().__init__(meta, options)
        try:
            self.min_zipf = float(options.get("min-zipf", 3.0))
        except (TypeError, ValueError):
            raise RuleDataError(f"{meta.code}: min-zipf must be a number") from None

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for at in _occurrences(text, ":"):
            start, left, right = _around(text, at, at + 1)
            if not left or (right and not "\u0915" <= right[0] <= "\u0939" and right[0] not in "अआइईउऊएऐओऔ"):
                continue
            word = left + "\u0903" + right
            frequency = lexicon.zipf(word)
            if frequency >= self.min_zipf and (right or frequency >= lexicon.zipf(left) - 0.5):
                message = self.meta.message.format(wrong=text[start : at + 1 + len(right)], right=word)
                yield self.diagnostic(
                    at, at + 1, message, suggestions=(word,), edits=(Edit(at, at + 1, "\u0903"),)
                )
