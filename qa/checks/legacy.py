"""Paragraphs typed in a legacy Hindi font: reported once, with the Unicode conversion."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache, partial
from itertools import product
from typing import Any

import regex

from qa import lexicon, regexcache
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule, RuleMeta
from qa.engine.words import WordPattern, words_matching
from qa.legacy import convert
from qa.legacy.detect import detect
from qa.legacy.repair import GLYPH_I_NASAL, repairs

_NAMES = {"krutidev": "Kruti Dev", "chanakya": "Chanakya"}
_CANDIDATE = regex.compile(r"[A-Za-z]{2}|[æð´¤·Ê§]")
#: A stretch of at least 8 characters without Devanagari (legacy text has none).
_RUN = regex.compile(r"[^\u0900-\u097f]{8,}")
#: Punctuation and spaces that close the Hindi before a stretch.
_LEAD = regex.compile(r"[\s:;,.!?)\]\"”’|-]*\s")


class LegacyFont(Rule):
    """Each stretch of a paragraph without Devanagari is scored; a legacy-font stretch
    is reported once, with its conversion."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        if _CANDIDATE.search(text) is None:
            return
        for para_start, para_end in ctx.document.paragraphs:
            for run in _RUN.finditer(text, para_start, para_end):
                start, end = run.span()
                lead = _LEAD.match(text, start, end)
                start = lead.end() if lead else start
                stretch = text[start:end].rstrip()
                end = start + len(stretch)
                if _CANDIDATE.search(stretch) and (font := detect(stretch)) is not None:
                    yield self._finding(text, start, end, font)

    def _finding(self, text: str, start: int, end: int, font: str) -> Diagnostic:
        converted = convert(text[start:end], font)
        message = self.meta.message.format(font=_NAMES[font], option=font, converted=clip(converted))
        return self.replace(start, end, converted, message)


def clip(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters for a message."""
    return text if len(text) <= width else text[: width - 1] + "…"


_MACRON = regex.compile(r"(?<=\p{Devanagari})¯|¯(?=\p{Devanagari})")


class LegacyResidue(WordPattern):
    """Half-converted words (the word pattern) plus a "¯" glued to Devanagari (for हि).

    A word's residue is repaired (the ``repairs`` option: each residue's possible
    readings) when exactly one reading of the whole word is a word the lexicon knows and
    the written form is not: पत्रिाका is पत्रिका, पूफल फूल."""

    def __init__(self, meta: RuleMeta, options: Mapping[str, Any]) -> None:
        super().__init__(meta, options)
        given = options.get("repairs") or {}
        self.repairs = {str(k): tuple([v] if isinstance(v, str) else v) for k, v in given.items()}

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for found in super().check(ctx):
            start, end = found.start, found.end
            before = _WORD_BEFORE.search(text[max(0, start - _REACH) : start])
            word = (before.group() if before else "") + text[start:end] + _WORD.match(text, end).group()
            pieces = self._repaired(word)
            if pieces is None:
                yield found
            else:
                piece = pieces[text[start:end]]
                yield self.replace(start, end, piece, found.message)
        if "¯" in text:
            for m in _MACRON.finditer(text):
                yield self.diagnostic(m.start(), m.end(), self.meta.message.format(match="¯"))

    def _repaired(self, word: str) -> dict[str, str] | None:
        """Each residue of ``word`` -> its repair, when one reading alone makes a known word."""
        residues = sorted({m.group() for m in self.pattern.finditer(word)})
        if not set(residues) <= self.repairs.keys() or lexicon.known(lexicon.plain(word)):
            return None
        known: dict[str, dict[str, str]] = {}
        for choice in product(*(self.repairs[r] for r in residues)):
            reading = dict(zip(residues, choice, strict=True))
            fixed = self.pattern.sub(partial(_piece, reading), word)
            if lexicon.known(lexicon.plain(fixed)):
                known[fixed] = reading
        return next(iter(known.values())) if len(known) == 1 else None


def _piece(reading: Mapping[str, str], match: re.Match[str] | regex.Match[str]) -> str:
    return reading[match.group()]


#: The letters of a word on either side of a residue, as far back as a word reaches.
_REACH = 60
_WORD = regex.compile(r"[\p{L}\p{M}\u200c\u200d]*")
_WORD_BEFORE = regex.compile(r"[\p{L}\p{M}\u200c\u200d]*$")


@lru_cache(maxsize=16384)
def misordered(word: str) -> str | None:
    """The repair of a word with a sign out of order ("" if the lexicon knows none), or
    None for a word in order. "ङ्क्ष" before a consonant is residue by itself; a reph after
    a vowel sign or half letter only in a word the lexicon does not recognise and whose
    repair it knows (पूर्व, कार्य and चार्ल्स are right as written)."""
    normal = lexicon.plain(word)
    if "ङ्क्ष" not in normal and normal in lexicon.vocabulary():
        return None  # a known word with a reph is written as it should be
    candidates = repairs(normal)
    known = [c for c in candidates if lexicon.known(c)]
    best = max(known, key=lexicon.zipf) if known else ""
    if candidates and GLYPH_I_NASAL.search(normal):
        return best
    return best if best and not lexicon.recognised(normal) else None


_SIGNS = regexcache.standard("र्|ङ्क्ष")


class LegacySignOrder(Rule):
    """U038: a reph or "िं" glyph left out of order by a legacy-font converter."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        index = ctx.document.word_index
        for word in words_matching(ctx, _SIGNS):  # a reph or "ङ्क्ष"
            repaired = misordered(word)
            if repaired is None:
                continue
            hint = f": write '{repaired}'" if repaired else ""
            message = self.meta.message.format(word=word, repair=hint)
            for start in index[word]:
                end = start + len(word)
                if repaired:
                    yield self.replace(start, end, repaired, message)
                else:
                    yield self.diagnostic(start, end, message)
