"""Markdown: lint the prose, skip code, URLs, link targets, HTML and markup.

A small scanner rather than a Markdown library: the parsers on PyPI report line
numbers at best, and the linter needs exact character offsets back into the file.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qa.document import OBJECT, Document, ViewBuilder
from qa.formats.masking import EMAIL, ENTITY, URL, entity_text, mask

_FRONT_MATTER = regex.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)(?:\r?\n|\r)---[ \t]*(?:\r\n|\r|\n|\Z)", regex.S)
_FRONT_DATE = regex.compile(r"^date:\s*['\"]?(\d{4}-\d{2}-\d{2})", regex.M)

_SCAN = regex.compile(
    r"(?P<fence>^[ ]{0,3}(?P<ticks>`{3,}+|~{3,}+)[^\n]*\n(?:.*?\n)??[ ]{0,3}(?P=ticks)[`~]*[ \t]*(?:\n|\Z)"
    r"|^[ ]{0,3}(?:`{3,}|~{3,}).*\Z)"
    r"|(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<code>(?P<bt>`+)(?!`).+?(?<!`)(?P=bt)(?!`))"
    r"|(?P<autolink><(?:https?|ftp|mailto):[^>\s]*>)"
    r"|(?P<image_or_link>!?\[)(?P<label>[^\[\]\n]*)(?P<target>\]\([^()\n]*\)|\]\[[^\[\]\n]*\])"
    r"|(?P<refdef>^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    rf"|(?P<url>{URL}|{EMAIL})"
    r"|(?P<table_rule>^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*(?:\|[ \t]*)?$)"
    r"|(?P<block_prefix>^[ ]{0,3}(?:>[ ]?)*"
    r"(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?(?=\S))"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    rf"|(?P<entity>{ENTITY})"
    r"|(?P<emphasis>\*{1,3}|(?<![\p{L}\p{M}\p{Nd}])_{1,3}|_{1,3}(?![\p{L}\p{M}\p{Nd}]))"
    r"|(?P<pipe>\|)",
    regex.M | regex.S,
)


def read(source: str, path: str | None = None) -> Document:
    builder = ViewBuilder(source)
    metadata: dict[str, str] = {}
    start = 0
    front = _FRONT_MATTER.match(source)
    if front:
        date = _FRONT_DATE.search(front.group("body"))
        if date:
            metadata["date"] = date.group(1)
        builder.replace(0, front.end(), "\n")
        start = front.end()
    mask(builder, _spans(source, start), start, len(source))
    view, source_map = builder.build()
    return Document(source, view, source_map, path=path, format="markdown", metadata=metadata)


def _spans(source: str, start: int) -> Iterator[tuple[int, int, str]]:
    in_table_row = False
    for m in _SCAN.finditer(source, start):
        kind = m.lastgroup
        if kind in ("bt", "ticks"):  # inner groups: report the outer alternative
            kind = "code" if m.group("code") else "fence"
        if kind == "block_prefix":
            line_end = source.find("\n", m.end())
            line = source[m.end() : len(source) if line_end < 0 else line_end]
            in_table_row = line.startswith("|")
            if m.end() > m.start():
                yield m.start(), m.end(), ""
        elif kind in ("image_or_link", "label", "target"):
            yield m.start(), m.start("label"), ""
            yield m.end("label"), m.end(), ""
        elif kind == "fence":
            yield m.start(), m.end(), "\n\n"
        elif kind in ("comment", "code", "autolink", "url"):
            yield m.start(), m.end(), OBJECT
        elif kind in ("refdef", "table_rule", "tag", "emphasis"):
            yield m.start(), m.end(), ""
        elif kind == "escape":
            yield m.start(), m.end(), source[m.start() + 1]
        elif kind == "entity" and (text := entity_text(m.group())) != m.group():
            yield m.start(), m.end(), text
        elif kind == "pipe" and in_table_row:
            yield m.start(), m.end(), OBJECT
