"""Invisible and special characters that need context: ZWSP, special spaces, joiners."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qa.diagnostic import Diagnostic, Edit, Severity
from qa.engine.rule import Context, Rule
from qa.engine.words import rare_characters


class ZeroWidthSpace(Rule):
    """U+200B: an error inside a word or number (it splits it for search), info beside a space."""

    _ZWSP = regex.compile("\u200b+")
    _INSIDE = regex.compile(r"(?<=[\p{L}\p{M}\p{Nd}])\u200b+(?=[\p{L}\p{M}\p{Nd}])")  # words and numbers

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        if "\u200b" not in rare_characters(ctx):
            return
        for m in self._ZWSP.finditer(text):
            start, end = m.span()
            inside = self._INSIDE.match(text, start) is not None
            message = self.meta.message if inside else "zero-width space (U+200B) beside a space or mark"
            yield self.diagnostic(
                start,
                end,
                message,
                suggestions=("",),
                edits=(Edit(start, end, ""),),
                severity=None if inside else Severity.INFO,
            )


class PerDocument(Rule):
    """Every match of ``PATTERN`` in one diagnostic at the first, with one edit per match.

    For marks that pasted copy carries by the dozen (no-break spaces, joiners after a
    virama): one finding per document tells the subeditor, and one fix cleans it all.
    """

    PATTERN: regex.Pattern[str]
    #: The rule runs only if one of these (rare) characters occurs in the document.
    GUARD: frozenset[str]

    def replacement(self, text: str, start: int, end: int) -> str:
        return ""

    def matches(self, ctx: Context) -> list[regex.Match[str]]:
        return list(self.PATTERN.finditer(ctx.text))

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if not self.GUARD & rare_characters(ctx):
            return
        matches = self.matches(ctx)
        if not matches:
            return
        first = matches[0]
        word = _word_at(ctx.text, first.start())
        message = self.meta.message.format(count=len(matches), word=word)
        edits = [Edit(m.start(), m.end(), self.replacement(ctx.text, *m.span())) for m in matches]
        yield self.diagnostic(first.start(), first.end(), message, edits=edits)


def _word_at(text: str, at: int) -> str:
    """The whitespace-delimited stretch around ``at`` (for quoting in a message)."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(" ", at + 1), text.find("\n", at + 1)) if i >= 0]
    return text[start : min(ends, default=len(text))].strip()[:40]


_SPECIAL_SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000"


class SpecialSpaces(PerDocument):
    """No-break and typographic spaces between words of Hindi text, replaced by plain spaces."""

    GUARD = frozenset(
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    )
    # Between two words (not padding beside ordinary whitespace), next to Devanagari.
    PATTERN = regex.compile(
        rf"(?<=\p{{Devanagari}}[\p{{P}}]?)[{_SPECIAL_SPACES}](?=[^\s{_SPECIAL_SPACES}])"
        rf"|(?<=[^\s{_SPECIAL_SPACES}])[{_SPECIAL_SPACES}](?=[\p{{P}}]?\p{{Devanagari}})"
    )

    def replacement(self, text: str, start: int, end: int) -> str:
        return " "


class JoinerAfterVirama(PerDocument):
    """ZWJ/ZWNJ after a virama inside a Hindi word: invisible, but it breaks search."""

    GUARD = frozenset("\u200c\u200d")
    PATTERN = regex.compile(r"(?<=\p{Devanagari}\u094d)[\u200c\u200d]+(?=\p{Devanagari})")
