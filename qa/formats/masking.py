"""Shared masking of spans that are not prose: URLs, e-mail addresses, qa comments."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from qa.document import OBJECT, ViewBuilder

#: Matches a suppression comment in any format (``<!-- qa: disable P001 -->``).
QA_COMMENT = r"<!--\s*qa:[^>]*?-->"
URL = r"(?:https?://|ftp://|www\.)[^\s<>\"'“”‘’()\[\]{}]+(?<![.,;:!?।])"
EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

PROSE_OBJECTS = regex.compile(f"{QA_COMMENT}|{URL}|{EMAIL}")


def mask(builder: ViewBuilder, spans: Iterable[tuple[int, int, str]], start: int, end: int) -> None:
    """Copy ``source[start:end]`` into ``builder``, replacing each (s, e, text) span."""
    position = start
    for span_start, span_end, text in spans:
        builder.keep(position, span_start)
        builder.replace(span_start, span_end, text)
        position = span_end
    builder.keep(position, end)


def objects(source: str, start: int = 0, end: int | None = None) -> Iterable[tuple[int, int, str]]:
    """URLs, e-mail addresses and qa comments, each stood in for by U+FFFC."""
    for m in PROSE_OBJECTS.finditer(source, start, len(source) if end is None else end):
        yield m.start(), m.end(), OBJECT
