"""Non-word errors, a dropped ड़/ढ़ nukta, unknown words and the house reject list (family T).

Every check works per distinct word type (``doc.word_index``), so a long article
costs one lexicon probe per word it uses, and the suggestion search (a symmetric
delete index over folded skeletons, see :mod:`qa.text.akshara`) runs only for the
few types the lexicon does not recognise.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein

from qa import datacache, lexicon
from qa.checks import inflection
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text import akshara
from qa.text.akshara import NearIndex, aksharas, distance, variant_key

#: Candidates below this Zipf value are too rare to be "far more frequent" (curated
#: news vocabulary from ``rules/lexicon`` is always a candidate for long words).
MIN_CANDIDATE_ZIPF = 4.0
#: The largest weighted distance allowed, by word length in aksharas.
_LIMITS = {3: 0.4, 4: 0.7}
_LONG_LIMIT = 0.8
#: The cheapest edit :func:`distance` charges, so a candidate more than ``limit / CHEAPEST_EDIT``
#: plain edits away is out of reach (NFC text has no precomposed nukta letters for
#: :func:`distance` to split, so plain and weighted edits count the same characters).
CHEAPEST_EDIT = 0.4


@cache
def near_index() -> NearIndex:
    """The candidates' index, kept in the start-up cache (building it takes a few dozen ms)."""
    code = [Path(__file__), Path(akshara.__file__)]  # a checkout's edits count too
    return NearIndex.from_table(datacache.cached("near-index", [*lexicon.sources(), *code], _near_table))


def _near_table() -> dict[str, list[str]]:
    freq = lexicon.frequencies()
    words = (w for w, z in freq.items() if z >= MIN_CANDIDATE_ZIPF or w in lexicon.additions())
    return NearIndex(words).table


#: A word of the Devanagari block only (ZWJ/ZWNJ allowed), starting with a Devanagari letter.
_DEVANAGARI_WORD = regex.compile(r"(?=\p{Devanagari})[\u0900-\u097f\u200c\u200d]+")


def _normal(word: str) -> str:
    """The spelling to look up: :func:`lexicon.plain`, no visarga used as a colon (other
    families report those)."""
    word = lexicon.plain(word)
    return word[:-1] if word.endswith("\u0903") and lexicon.recognised(word[:-1]) else word


# A nukta after anything but a consonant is a damaged sequence (the Unicode family's).
_STRAY_NUKTA = regex.compile(r"(?<![\u0915-\u0939])\u093c")


#: Longer "words" are not words (pasted runs without spaces); their suggestions would cost
#: time quadratic in the length, so they are left alone.
MAX_WORD = 60


@lru_cache(maxsize=65536)
def _unknown(word: str) -> str | None:
    """The normal form of a Devanagari word the lexicon does not recognise, else None."""
    if not _DEVANAGARI_WORD.fullmatch(word) or _STRAY_NUKTA.search(unicodedata.normalize("NFD", word)):
        return None
    normal = _normal(word)
    return None if lexicon.recognised(normal) else normal


def unrecognised(ctx: Context) -> Iterator[tuple[str, str, list[int]]]:
    """(word, its normal form, starts) for Devanagari words neither the lexicon nor the house knows."""
    accept = lexicon.house(ctx.config).accept
    known = lexicon.vocabulary()
    for word, starts in ctx.document.word_index.items():
        if word in known or len(word) > MAX_WORD:
            continue
        normal = _unknown(word)
        if normal is not None and normal not in accept:
            yield word, normal, starts


@lru_cache(maxsize=8192)
def suggestions(word: str) -> tuple[str, ...]:
    """Far more frequent words a slip away from NFC ``word``, best first (empty if none is close)."""
    candidates = near_index().candidates(word)
    if not candidates:
        return ()  # as for most unknown words: no need to count the aksharas
    length = len(aksharas(word))
    if length < 3:
        return ()
    limit = _LIMITS.get(length, _LONG_LIMIT)
    max_edits = int(limit / CHEAPEST_EDIT)
    additions, freq = lexicon.additions(), lexicon.frequencies()
    near = []
    for candidate in candidates:
        if candidate in additions and (length < 4 or len(candidate) <= len(word)):
            continue  # transliterated terms vary in vowels: only a dropped letter is a slip
        if Levenshtein.distance(word, candidate, score_cutoff=max_edits) > max_edits:
            continue  # too many edits for even the cheapest ones to stay within the limit
        cost = distance(word, candidate)
        if cost <= limit:
            near.append((cost, candidate))
    if not near:
        return ()
    key = variant_key(word)
    scored = []
    for cost, candidate in near:
        group = variant_key(candidate)
        if group != key:  # an accepted variant spelling is not a typo
            scored.append((cost, -freq.get(candidate, 0.0), candidate, group))
    scored.sort()
    seen: set[str] = set()
    best = []
    for _, _, candidate, group in scored:  # one spelling per accepted-variant group
        if group not in seen:
            seen.add(group)
            best.append(candidate)
    return tuple(best)


class NonWord(Rule):
    """T002: an unknown word one cheap slip from a far more frequent word."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        max_uses = int(self.options.get("max-uses", 2))
        for word, normal, starts in unrecognised(ctx):
            if len(starts) > max_uses or word in lexicon.misspelt() or inflection.future(word):
                continue  # the writer's form (used again and again), or T001's or T028's business
            found = suggestions(normal)
            if not found:
                continue
            best = found[:3]
            message = self.meta.message.format(word=word, suggestion=best[0])
            for start in starts:
                end = start + len(word)
                if len(best) == 1:
                    yield self.replace(start, end, best[0], message)
                else:
                    yield self.diagnostic(start, end, message, suggestions=best)


class UnknownWord(Rule):
    """T004 (opt-in): a word no dictionary knows and no close candidate explains."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for word, normal, starts in unrecognised(ctx):
            if len(aksharas(normal)) < 2 or suggestions(normal):
                continue
            message = self.meta.message.format(word=word)
            for start in starts:
                yield self.diagnostic(start, start + len(word), message)


# ड़/ढ़ stand between vowels and at the end of a syllable; a plain ड/ढ there is
# usually a dropped nukta (बडा, सडक, पीढी) — loanwords (मीडिया, रोड) have no ड़ twin.
_FLAP = regex.compile(r"(?<=[\u0905-\u0914\u0915-\u0939\u093E-\u094C])[डढ](?!\u093C)")


@lru_cache(maxsize=65536)
def flap_correction(word: str, margin: float) -> str | None:
    """The ड़/ढ़ spelling of a known word when that spelling is far more frequent (बडा -> बड़ा)."""
    zipf = lexicon.zipf(word)
    if not zipf or word in lexicon.misspelt():
        return None
    for m in _FLAP.finditer(word, 1):
        candidate = unicodedata.normalize("NFC", word[: m.end()] + "\u093c" + word[m.end() :])
        if lexicon.zipf(candidate) >= zipf + margin:
            return candidate
    return None


class MissingFlapNukta(Rule):
    """T006: ड/ढ for ड़/ढ़ in a known word whose nukta spelling is far more frequent."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        margin = float(self.options.get("min-frequency-ratio", 1.0))
        accept = lexicon.house(ctx.config).accept
        index = ctx.document.word_index
        for word in index:
            if ("ड" not in word and "ढ" not in word) or word in accept:
                continue
            right = flap_correction(word, margin)
            if right is not None:
                message = self.meta.message.format(word=word, suggestion=right)
                for start in index[word]:
                    yield self.replace(start, start + len(word), right, message)


class HouseReject(Rule):
    """T005: a word the house dictionary rejects (``[tool.qa.lexicon] reject`` or the ``reject`` option)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        reject = lexicon.house(ctx.config).reject | frozenset(self.options.get("reject", ()))
        index = ctx.document.word_index
        for word in sorted(reject & index.keys()):
            message = self.meta.message.format(word=word)
            for start in index[word]:
                yield self.diagnostic(start, start + len(word), message)
