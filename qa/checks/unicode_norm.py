"""Normalisation and document-wide consistency: NFC, nukta encodings, digit systems."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from qa.checks.unicode_scan import distinct_words
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.errors import ConfigError

_PRECOMPOSED = regex.compile(r"[\u0958-\u095f]")


#: Where non-NFC text comes from in practice: precomposed nukta letters, a nukta on
#: न र ळ (NFC composes those), and decomposed Latin accents.
_NOT_NFC = regex.compile(r"[\u0958-\u095f\u0300-\u036f]|[\u0928\u0930\u0933]\u093c")


class NonNfc(Rule):
    """Words not in NFC (mostly precomposed nukta letters क़-य़); the fix normalises them."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        joined, _ = distinct_words(ctx.document)
        suspects = {_line_at(joined, m.start()) for m in _NOT_NFC.finditer(joined)}
        for word in sorted(suspects):
            if unicodedata.is_normalized("NFC", word):
                continue
            normal = unicodedata.normalize("NFC", word)
            message = self.meta.message.format(word=word, codes=_odd_codes(word))
            for start in ctx.document.word_index[word]:
                yield self.replace(start, start + len(word), normal, message)


def _line_at(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)]


def _odd_codes(word: str) -> str:
    odd = [c for c in word if not unicodedata.is_normalized("NFC", c)]
    return ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(odd)) or "combining-mark order"


class MixedNuktaEncoding(Rule):
    """The same word spelt with both nukta encodings in one document: search finds only one.

    One finding per document, at the first word whose other encoding also occurs.
    """

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        joined, _ = distinct_words(ctx.document)
        index = ctx.document.word_index
        twins = {}
        for m in _PRECOMPOSED.finditer(joined):
            word = _line_at(joined, m.start())
            normal = unicodedata.normalize("NFC", word)
            if normal in index:
                twins[word] = normal
        if twins:
            first = min(twins, key=lambda w: index[w][0])
            at = index[first][0]
            words = ", ".join(sorted(set(twins.values())))
            yield self.diagnostic(at, at + len(first), self.meta.message.format(words=words))


_ASCII = regex.compile(r"[0-9]")
_DEVANAGARI = regex.compile(r"[०-९]")
_CHOICES = {"ascii": "0-9", "devanagari": "०-९"}


class MixedDigits(Rule):
    """Devanagari and ASCII digits in one document (or the wrong one for the house)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        devanagari = _DEVANAGARI.search(text)
        if devanagari is None and "require" not in ctx.config.section("digits"):
            return
        ascii_ = _ASCII.search(text)
        require = ctx.config.section("digits").get("require")
        if require is not None and require not in _CHOICES:
            raise ConfigError(f"[tool.qa.digits] require must be 'ascii' or 'devanagari', not {require!r}")
        if require is None:
            if devanagari is None or ascii_ is None:
                return
            minority = self._minority(text, devanagari, ascii_)
            message = self.meta.message
        else:
            minority = devanagari if require == "ascii" else ascii_
            if minority is None:
                return
            message = f"the house uses {_CHOICES[require]} digits ([tool.qa.digits] require = {require!r})"
        yield self.diagnostic(minority.start(), minority.end(), message)

    @staticmethod
    def _minority(text: str, devanagari: regex.Match[str], ascii_: regex.Match[str]) -> regex.Match[str]:
        """The first digit of the rarer system (where the document departs from itself)."""
        rare_devanagari = len(_DEVANAGARI.findall(text)) <= len(_ASCII.findall(text))
        return devanagari if rare_devanagari else ascii_
