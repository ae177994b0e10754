"""Shared masking of spans that are not prose: URLs, e-mail addresses, qa comments."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import regex

from qa.document import OBJECT, ViewBuilder

#: Matches a suppression comment in any format (``<!-- qa: disable P001 -->``).
QA_COMMENT = r"<!--\s*qa:[^>]{0,500}?-->"
URL = r"(?:https?://|ftp://|www\.)[^\s<>\"'“”‘’()\[\]{}]+(?<![.,;:!?।])"
EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});"
NBSP = "\u00a0"


def entity_text(raw: str) -> str:
    """The text an HTML entity stands for; "&nbsp;" is deliberate, visible markup: a space."""
    import html  # few documents have an entity

    text = html.unescape(raw)
    return " " if text == NBSP else text


#: Each alternative with the strings one of which it cannot match without.
_NEEDS = ((QA_COMMENT, ("<!--",)), (URL, ("://", "www.")), (EMAIL, ("@",)))


@lru_cache(maxsize=4)
def prose_objects(source: str) -> regex.Pattern[str] | None:
    """A pattern of the prose objects (qa comments, URLs, e-mail addresses) cut down to what
    ``source`` may contain (None: nothing).

    Most copy has no URL, e-mail or comment; a substring test is far cheaper than
    trying the alternation at every position. Readers ask once per span of the same
    source (every text run between HTML tags): the answer is kept for the last few
    sources, so the source is searched once, not once per span.
    """
    return _alternation(tuple(any(n in source for n in needs) for _, needs in _NEEDS))


@cache
def _alternation(present: tuple[bool, ...]) -> regex.Pattern[str] | None:
    parts = [pattern for (pattern, _), used in zip(_NEEDS, present, strict=True) if used]
    return regex.compile("|".join(parts)) if parts else None


def mask(builder: ViewBuilder, spans: Iterable[tuple[int, int, str]], start: int, end: int) -> None:
    """Copy ``source[start:end]`` into ``builder``, replacing each (s, e, text) span."""
    position = start
    for span_start, span_end, text in spans:
        builder.keep(position, span_start)
        builder.replace(span_start, span_end, text)
        position = span_end
    builder.keep(position, end)


def objects(source: str, start: int = 0, end: int | None = None) -> Iterable[tuple[int, int, str]]:
    """URLs, e-mail addresses and qa comments, each stood in for by U+FFFC.

    The same matches as ``finditer`` of :func:`prose_objects`, but the pattern is tried
    only where a match can begin (see :func:`_starts`), not at every position.
    """
    pattern = prose_objects(source)
    if pattern is None:
        return
    end = len(source) if end is None else end
    after = start
    for position in _starts(source, start, end):
        if position >= after and (m := pattern.match(source, position, end)):
            after = m.end()
            yield m.start(), after, OBJECT


#: Where an alternative of :data:`PROSE_OBJECTS` may begin: a comment or URL at its
#: marker; an address at the start of the run of address characters before its ``@``
#: (the run is greedy and ``@`` ends it, so no other start can match).
_OPENINGS = ("<!--", "http", "ftp://", "www.")
_ADDRESS_RUN = regex.compile(r"[\w.+-]*", regex.REVERSE)


def _starts(source: str, start: int, end: int) -> list[int]:
    found: list[int] = []
    for needle in _OPENINGS:
        found += _occurrences(source, needle, start, end)
    found += (_ADDRESS_RUN.match(source, start, at).start() for at in _occurrences(source, "@", start, end))
    return sorted(set(found))


def _occurrences(source: str, needle: str, start: int, end: int) -> Iterator[int]:
    at = source.find(needle, start, end)
    while at >= 0:
        yield at
        at = source.find(needle, at + 1, end)
