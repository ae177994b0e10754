"""HTML: the body of a story. Tags, comments and attributes are skipped, entities decoded.

Built on the standard library's :mod:`html.parser`: it is maintained with Python,
tolerant of the broken markup CMSes produce, and (unlike the fast C parsers on
PyPI) tells where each token starts, so every diagnostic maps back to an exact
offset in the HTML source. Inline elements (``b``, ``a``, ``span`` …) vanish
without splitting words; block elements (``p``, ``div``, ``h1`` …) end a
paragraph; ``<script>``/``<style>`` are dropped and code is stood in for by U+FFFC.
An entity becomes a decoded, non-verbatim piece, so no fix ever rewrites it.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape as html_unescape
from html.parser import HTMLParser
from typing import Protocol

import regex

from qa.document import OBJECT, Document, ViewBuilder
from qa.formats.masking import entity_text, objects

#: Elements that end a paragraph (HTML's block-level and list/table structure).
BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    }
)  # fmt: skip
#: Elements whose content is not prose at all.
SKIP = frozenset({"script", "style", "template", "svg", "math", "noscript"})
#: Elements whose content is code: one U+FFFC stands in for it.
CODE = frozenset({"code", "pre", "kbd", "samp", "var"})
_BREAK = frozenset({"br", "wbr"})
#: A run of source whitespace that renders as one space (group ``layout``: it holds a line
#: break or a tab); a run of plain spaces is matched whole too, so that it is passed over
#: once instead of being tried again from each of its spaces.
_LAYOUT_SPACE = regex.compile(r"(?P<layout>[ ]*+[\r\n\t][ \t\r\n]*+)|[ ]++")
_NEWLINE = regex.compile(r"\n")
_COMMENT_CLOSE = regex.compile(r"--\s*>")
#: An ISO date at the start of a value ("2025-08-15T09:30:00+05:30" counts by its day).
DATE = regex.compile(r"\s*+(\d{4}-\d{2}-\d{2})(?![0-9])")
#: A ``<meta>`` or ``<time>`` tag (stopping at the next ``<``: one pass over any input).
_DATED_TAG = regex.compile(r"<(meta|time)\s[^<>]*+>", regex.I)
_ATTRIBUTE = regex.compile(r"""([\w:.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
#: Where a page states its publication date, best first: Open Graph's
#: ``article:published_time``, schema.org's ``datePublished``, a ``<time pubdate>``,
#: then the first ``<time datetime>``.
_DATE_SOURCES = (
    ("meta", "property", "article:published_time", "content"),
    ("meta", "itemprop", "datepublished", "content"),
    ("time", "itemprop", "datepublished", "datetime"),
    ("time", "pubdate", None, "datetime"),
    ("time", None, None, "datetime"),
)
_LOOKS_LIKE_HTML = regex.compile(
    r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!--)[^<>]*>|&(?:[A-Za-z]+\d*|#\d+|#x[0-9A-Fa-f]+);"
)


class Sink(Protocol):
    """What :func:`emit` writes to: a :class:`~qa.document.ViewBuilder` or an adapter of one."""

    def keep(self, start: int, end: int) -> None: ...

    def replace(self, start: int, end: int, text: str) -> None: ...


def looks_like_html(text: str) -> bool:
    """True if ``text`` holds a tag, a comment or an entity (CMS fields may be either)."""
    return _LOOKS_LIKE_HTML.search(text) is not None


def read(source: str, path: str | None = None) -> Document:
    builder = ViewBuilder(source)
    emit(builder, source)
    view, source_map = builder.build()
    date = article_date(source)
    metadata = {"date": date} if date else {}
    return Document(source, view, source_map, path=path, format="html", metadata=metadata)


def article_date(source: str) -> str | None:
    """The page's publication date, YYYY-MM-DD, from its ``<meta>`` and ``<time>`` tags."""
    tags = []
    for m in _DATED_TAG.finditer(source):
        attributes = {
            a.group(1).lower(): a.group(2) or a.group(3) or a.group(4) or ""
            for a in _ATTRIBUTE.finditer(source, m.end(1), m.end())
        }
        tags.append((m.group(1).lower(), attributes))
    for tag, key, value, holder in _DATE_SOURCES:
        for name, attributes in tags:
            if name != tag or (key is not None and key not in attributes):
                continue
            if value is not None and attributes[key].strip().lower() != value:
                continue
            found = DATE.match(html_unescape(attributes.get(holder, "")))
            if found:
                return found.group(1)
    return None


def emit(builder: Sink, source: str) -> None:
    """Add the view of the HTML ``source`` to ``builder`` (whose offsets are into ``source``)."""
    for start, end, text in spans(source):
        if text is None:
            _keep_prose(builder, source, start, end)
        else:
            builder.replace(start, end, text)


def spans(source: str) -> Iterator[tuple[int, int, str | None]]:
    """Cover ``source`` with (start, end, view text) spans; ``None`` means "prose, keep it"."""
    parser = _Scanner(source)
    parser.feed(_dangling_as_text(source))
    parser.close()
    events = parser.events
    for index, (start, kind, value) in enumerate(events):
        end = events[index + 1][0] if index + 1 < len(events) else len(source)
        if end > start:
            yield start, end, _view_text(source, start, end, kind, value)


def _dangling_as_text(source: str) -> str:
    """What the parser reads: ``source`` with each ``<`` after the last ``>`` made a letter.

    No tag, comment or declaration can close there, so those are text; the standard
    parser would search to the end again from each of them (quadratic). Only the parser
    sees the change: the view is copied from ``source`` by offset, and the length is kept.
    """
    last = source.rfind(">")
    if "<" not in source[last + 1 :]:
        return source
    return source[: last + 1] + source[last + 1 :].replace("<", "x")


def _view_text(source: str, start: int, end: int, kind: str, value: str) -> str | None:
    if kind == "data":
        return None
    if kind == "entity":
        return entity_text(source[start:end])
    return value


def _keep_prose(builder: Sink, source: str, start: int, end: int) -> None:
    """Copy prose verbatim, except layout whitespace (-> one space) and URLs (-> U+FFFC)."""
    position = start
    spaces = _LAYOUT_SPACE.finditer(source, start, end)
    replaced = [(m.start(), m.end(), " ") for m in spaces if m.group("layout")]
    replaced += list(objects(source, start, end))
    for span_start, span_end, text in sorted(replaced):
        if span_start < position:  # a URL that swallowed a line break
            continue
        builder.keep(position, span_start)
        builder.replace(span_start, span_end, text)
        position = span_end
    builder.keep(position, end)


class _Scanner(HTMLParser):
    """Records (source offset, kind, view text) for every token, in source order."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]
        self.events: list[tuple[int, str, str]] = []
        self._skipping: list[str] = []  # open SKIP/CODE elements, innermost last
        self._unclosed: tuple[str, int] = ("", 0)  # (source, offset): no comment closes from there on

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _event(self, kind: str, value: str = "") -> None:
        offset = self._offset()
        if self.events and self.events[-1][0] == offset:  # a zero-width token (e.g. at EOF)
            self.events.pop()
        self.events.append((offset, kind, value))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, opening=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, opening=False)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag) :]
        self._event("tag", self._separator(tag))

    def _tag(self, tag: str, *, opening: bool) -> None:
        self._event("tag", self._separator(tag))
        if opening and (tag in SKIP or tag in CODE):
            self._skipping.append(tag)
            if tag in CODE and not self._in(SKIP):
                self.events[-1] = (self.events[-1][0], "tag", self.events[-1][2] + OBJECT)

    def _in(self, kinds: frozenset[str]) -> bool:
        return any(tag in kinds for tag in self._skipping)

    def _separator(self, tag: str) -> str:
        if self._skipping:
            return ""
        if tag in BLOCK:
            return "\n\n"
        return "\n" if tag in _BREAK else ""

    def handle_data(self, data: str) -> None:
        self._event("skip" if self._skipping else "data")

    def handle_entityref(self, name: str) -> None:
        self._event("skip" if self._skipping else "entity")

    handle_charref = handle_entityref

    def parse_comment(self, i: int, report: int = 1) -> int:
        """The comment at ``i`` up to its ``-->`` (-1: unclosed); Python 3.11's rule, with a memo.

        The standard parser searches to the end of the source again for each unclosed
        ``<!--`` (quadratic on ``<!--<b>`` repeated); once a search from some offset has
        failed, every later one fails too.
        """
        rawdata = self.rawdata
        if rawdata is self._unclosed[0] and i + 4 >= self._unclosed[1]:
            return -1
        match = _COMMENT_CLOSE.search(rawdata, i + 4)
        if match is None:
            self._unclosed = (rawdata, i + 4)
            return -1
        if report:
            self.handle_comment(rawdata[i + 4 : match.start()])
        return match.end()

    def handle_comment(self, data: str) -> None:
        self._event("skip")

    def handle_decl(self, decl: str) -> None:
        self._event("skip")

    def handle_pi(self, data: str) -> None:
        self._event("skip")

    def unknown_decl(self, data: str) -> None:
        self._event("skip")
