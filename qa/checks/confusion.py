"""Keystroke slips that turn a function word into another word: "अमेरिका केक 47वें".

A token that is a function word plus one stray letter (केक, कोक, सेस, परम …) is
compared, noisy-channel style, with the function word it may stand for: the
function word's much higher frequency, times how well each reading fits its
neighbours (context counts from open corpora, ``rules/spelling/context.msgpack.gz``),
times the prior odds of a slip. The token is reported only when the slip reading
wins by a wide margin, so "बच्चों ने केक काटा" stays quiet.
"""

from __future__ import annotations

import gzip
import math
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import msgpack
import regex

from qa import datacache, lexicon
from qa.diagnostic import Diagnostic
from qa.engine.registry import rules_dir
from qa.engine.rule import Context, Rule
from qa.errors import RuleDataError
from qa.text.akshara import CONSONANTS, INDEPENDENT_VOWELS, NUKTA, VOWEL_SIGNS
from qa.text.tokenize import WORD_CHARS

#: Postpositions, auxiliaries and particles a stray keystroke most often lands on.
FUNCTION_WORDS = (
    "के", "की", "का", "को", "से", "में", "ने", "पर", "है", "हैं", "था", "थी", "थे",
    "और", "कि", "भी", "ही", "तक",
)  # fmt: skip
NUM, ORD, SENTENCE_EDGE = "<NUM>", "<ORD>", "<S>"
_FUNCTION = frozenset(FUNCTION_WORDS)


@lru_cache(maxsize=65536)
def slip_of(word: str) -> str | None:
    """The function word ``word`` becomes when one stray letter is removed (केक -> के)."""
    if not 2 < len(word) <= 5 or word in _FUNCTION:
        return None
    for i, ch in enumerate(word):
        if ch not in CONSONANTS and ch not in INDEPENDENT_VOWELS:
            continue
        width = 2 if word[i + 1 : i + 2] == NUKTA else 1
        if word[i + width : i + width + 1] in VOWEL_SIGNS:
            continue  # a consonant with its own vowel sign is a syllable, not a stray key (कड़ा)
        rest = word[:i] + word[i + width :]
        if rest in _FUNCTION:
            return rest
    return None


@dataclass
class ContextCounts:
    """Unigram and neighbour counts from open prose (see the table's licence field)."""

    total: int = 1
    unigrams: dict[str, int] = field(default_factory=dict)
    #: word -> number of distinct words seen after it (Witten-Bell back-off weight)
    followers: dict[str, int] = field(default_factory=dict)
    #: word -> {previous word: count} and word -> {next word: count}
    left: dict[str, dict[str, int]] = field(default_factory=dict)
    right: dict[str, dict[str, int]] = field(default_factory=dict)

    def unigram(self, word: str) -> float:
        """P(word): the larger of its share in the corpus and in the lexicon (news uses
        words, like केस for "case", that an encyclopedia rarely does)."""
        zipf = lexicon.zipf(word)
        return max(self.unigrams.get(word, 0.5) / self.total, 10 ** (zipf - 9) if zipf else 0.0)

    def conditional(self, given: str, word: str, pair_count: int) -> float:
        """P(word | given), Witten-Bell: a context seen with many different words leaves
        more room for an unseen one."""
        types = self.followers.get(given, 1)
        return (pair_count + types * self.unigram(word)) / (self.unigrams.get(given, 0) + types)


@cache
def context_counts() -> ContextCounts:
    """The counts, from the start-up cache while their file is unchanged."""
    path = rules_dir() / "spelling" / "context.msgpack.gz"
    data = datacache.cached("context", [path], lambda: _read_counts(path))
    return ContextCounts(data["total"], data["unigrams"], data["followers"], data["left"], data["right"])


def _read_counts(path: Path) -> dict[str, Any]:
    try:
        with gzip.open(path, "rb") as handle:
            data = msgpack.load(handle, raw=False)
        return {k: data[k] for k in ("total", "unigrams", "followers", "left", "right")}
    except (OSError, ValueError, KeyError, TypeError, msgpack.UnpackException) as exc:
        raise RuleDataError(f"{path}: unreadable context counts: {exc}") from None


_PIECE = regex.compile(rf"\p{{Nd}}[{WORD_CHARS}\p{{Nd}}.,:/]*|[{WORD_CHARS}]+")
_SENTENCE_MARK = '।॥?!."'


def _label(chunk: str | None, *, last: bool) -> str:
    """A neighbouring chunk as the context counts name it: a word, <NUM> or <S>."""
    if not chunk or (chunk[-1] if last else chunk[0]) in _SENTENCE_MARK:
        return SENTENCE_EDGE
    pieces = _PIECE.findall(chunk)
    if not pieces:
        return SENTENCE_EDGE
    token = pieces[-1] if last else pieces[0]
    if token[0].isdigit():
        return ORD if token[-1].isalpha() or unicodedata.category(token[-1]).startswith("M") else NUM
    return token


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The labels of the tokens just before ``start`` and just after ``end``."""
    before = text[max(0, start - 40) : start].split()
    after = text[end : end + 40].split()
    return _label(before[-1] if before else None, last=True), _label(after[0] if after else None, last=False)


class StrayLetter(Rule):
    """T003: a function word with a stray letter, where the context wants the function word."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        doc = ctx.document
        accept = lexicon.house(ctx.config).accept
        slips = {  # a word used twice is meant
            w: f
            for w, starts in doc.word_index.items()
            if len(starts) == 1 and 2 < len(w) <= 5 and (f := slip_of(w)) and w not in accept
        }
        if not slips:
            return
        counts = context_counts()
        text = ctx.text
        threshold = float(self.options.get("min-log-odds", 1.0))
        prior = float(self.options.get("slip-prior", 1e-4))
        min_ratio = float(self.options.get("min-frequency-ratio", 2.5))
        max_zipf = float(self.options.get("max-word-zipf", 4.6))
        for word, intended in slips.items():
            zipf = lexicon.zipf(word)
            if zipf > max_zipf or lexicon.zipf(intended) - zipf < min_ratio:
                continue  # a common word is not a slip
            start = doc.word_index[word][0]
            end = start + len(word)
            prev, nxt = neighbours(text, start, end)
            if self._log_odds(counts, prev, intended, word, nxt, prior) >= threshold:
                message = self.meta.message.format(word=word, intended=intended)
                yield self.replace(start, end, intended, message)

    @staticmethod
    def _log_odds(
        counts: ContextCounts, prev: str, intended: str, word: str, nxt: str, prior: float
    ) -> float:
        """log10 of P(prev intended next)·P(slip) over P(prev word next)·P(no slip)."""

        def fit(w: str) -> float:
            before = counts.conditional(prev, w, counts.left.get(w, {}).get(prev, 0))
            after = counts.conditional(w, nxt, counts.right.get(w, {}).get(nxt, 0))
            return math.log10(before) + math.log10(after)

        return fit(intended) - fit(word) + math.log10(prior)
