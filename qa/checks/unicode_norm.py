"""Normalisation and document-wide consistency: NFC, nukta encodings, digit systems."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

import regex

from qa import regexcache
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.engine.words import words_matching
from qa.errors import ConfigError

_PRECOMPOSED = regexcache.standard(r"[\u0958-\u095f]")


#: Where non-NFC text comes from in practice: precomposed nukta letters, a nukta on
#: न र ळ (NFC composes those), a nukta typed after the virama, decomposed Latin accents.
_NOT_NFC = regexcache.standard(r"[\u0958-\u095f\u0300-\u036f]|[\u0928\u0930\u0933\u094d]\u093c")


class NonNfc(Rule):
    """Words not in NFC (mostly precomposed nukta letters क़-य़); the fix normalises them."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for word in words_matching(ctx, _NOT_NFC):
            if unicodedata.is_normalized("NFC", word):
                continue
            normal = unicodedata.normalize("NFC", word)
            message = self.meta.message.format(word=word, codes=_odd_codes(word))
            for start in ctx.document.word_index[word]:
                yield self.replace(start, start + len(word), normal, message)


def _odd_codes(word: str) -> str:
    odd = [c for c in word if not unicodedata.is_normalized("NFC", c)]
    return ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(odd)) or "combining-mark order"


class MixedNuktaEncoding(Rule):
    """The same word spelt with both nukta encodings in one document: search finds only one.

    One finding per document, at the first word whose other encoding also occurs.
    """

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        index = ctx.document.word_index
        twins = {}
        for word in words_matching(ctx, _PRECOMPOSED):
            normal = unicodedata.normalize("NFC", word)
            if normal in index:
                twins[word] = normal
        if twins:
            first = min(twins, key=lambda w: index[w][0])
            at = index[first][0]
            words = ", ".join(sorted(set(twins.values())))
            yield self.diagnostic(at, at + len(first), self.meta.message.format(words=words))


# Digits glued to Latin letters belong to a name or code ("Covid-19", "G20", "5G", "H1N1"),
# which keeps its digits whatever system the story uses. A match is a whole run of digits,
# so the look-arounds are tried once per run, not once per digit (linear on long runs);
# the look-ahead lets the engine skip to the next digit instead of trying the look-behinds
# at every position (stdlib ``re``: three times faster here than ``regex``).
_ASCII = regexcache.standard(r"(?=[0-9])(?<![A-Za-z])(?<![A-Za-z]-)(?<![0-9])[0-9]++(?!-?[A-Za-z])")
_DEVANAGARI = regexcache.standard(r"[०-९]")
_DEVANAGARI_RUN = regexcache.standard(r"[०-९]+")
_NUMBER = regexcache.standard(r"(?:[0-9०-९]+[.,:])*[0-9०-९]+")
#: The characters a number is made of, read back from a digit and on from it: a number
#: never reaches past them, so the numbers in one such run are those of the whole text.
_RUN_BEFORE = regex.compile(r"[0-9०-९.,:]*", regex.REVERSE)
_RUN_AFTER = regex.compile(r"[0-9०-९.,:]*")
_ASCII_DIGIT = regexcache.standard(r"[0-9]")


def _mixed_numbers(text: str) -> Iterator[re.Match[str]]:
    """The numbers of ``text`` typed in both systems ("5०", "3.३"), in order: only the runs of
    number characters around a Devanagari digit are read (each once), not every number."""
    done = 0
    for digit in _DEVANAGARI.finditer(text):
        if digit.start() < done:
            continue
        start = _RUN_BEFORE.match(text, 0, digit.start()).start()
        done = _RUN_AFTER.match(text, digit.start()).end()
        if _ASCII_DIGIT.search(text, start, done) is not None:
            yield from (m for m in _NUMBER.finditer(text, start, done) if _mixed(m[0]))


def _mixed(number: str) -> bool:
    return _ASCII.search(number) is not None and _DEVANAGARI.search(number) is not None


def _without_mixed_numbers(text: str) -> str:
    """``text`` with each number typed in both systems ("5०") blanked: U035 reports it."""
    pieces, at = [], 0
    for number in _mixed_numbers(text):
        pieces += [text[at : number.start()], " " * len(number[0])]
        at = number.end()
    return "".join([*pieces, text[at:]]) if pieces else text


def _numbers(found: Iterable[re.Match[str]], text: str, limit: int | None = None) -> int:
    """How many numbers the digit runs ``found`` write, runs joined by one comma, point or
    colon making one (७४,२१०; 12:30), counted only as far as ``limit``."""
    count, end = 0, -2
    for run in found:
        if not (run.start() == end + 1 and text[end] in ",.:"):
            count += 1
            if count == limit:
                break
        end = run.end()
    return count


_SYSTEMS = {"ascii": (_ASCII, "0-9"), "devanagari": (_DEVANAGARI, "०-९")}


class MixedDigits(Rule):
    """Devanagari and ASCII digits in one document, or the one the house does not use.

    Without a house choice the finding points at the first digit of the system that
    writes fewer numbers (where the document departs from itself), the Devanagari one on
    a tie: news copy prints 0–9.
    """

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = _without_mixed_numbers(ctx.text)
        require = ctx.config.section("digits").get("require")
        if require is not None:
            if require not in _SYSTEMS:
                raise ConfigError(
                    f"[tool.qa.digits] require must be 'ascii' or 'devanagari', not {require!r}"
                )
            other = "devanagari" if require == "ascii" else "ascii"
            found = _SYSTEMS[other][0].search(text)
            if found is not None:
                digits = _SYSTEMS[require][1]
                message = f"the house uses {digits} digits ([tool.qa.digits] require = {require!r})"
                yield self.diagnostic(found.start(), found.start() + 1, message)
            return
        devanagari = _DEVANAGARI.search(text)
        if devanagari is None or (ascii_ := _ASCII.search(text)) is None:
            return
        devanagari_numbers = _numbers(_DEVANAGARI_RUN.finditer(text), text)
        ascii_numbers = _numbers(_ASCII.finditer(text), text, devanagari_numbers)
        rarer = devanagari if ascii_numbers >= devanagari_numbers else ascii_
        yield self.diagnostic(rarer.start(), rarer.start() + 1)


_TO_ASCII = str.maketrans("०१२३४५६७८९", "0123456789")
_TO_DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")


class MixedDigitNumber(Rule):
    """One number typed with both digit systems ("5०", "3.३"); the fix follows its first digit."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for m in _mixed_numbers(ctx.text):
            number = m.group()
            table = _TO_ASCII if number[0] in "0123456789" else _TO_DEVANAGARI
            right = number.translate(table)
            yield self.replace(m.start(), m.end(), right, self.meta.message.format(wrong=number, right=right))
