"""Documents: the text rules read (the *view*) and a map back to the source.

A format reader turns source text into pieces: spans copied verbatim and spans
replaced (markup removed, an entity decoded, a code span stood in for by U+FFFC).
Rules only ever see the view; the engine maps every span back to the source, so
reports point at the file the user opened.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from qa.text import tokenize

#: Stands in the view for an object the rules must not read (a code span, a URL, a comment).
OBJECT = "\ufffc"


@dataclass(frozen=True, slots=True)
class Piece:
    """``view[view_start:view_start+len(text)]`` came from ``source[src_start:src_end]``."""

    view_start: int
    src_start: int
    src_end: int
    verbatim: bool


class SourceMap:
    """Maps view offsets to source offsets. The identity map costs nothing."""

    def __init__(self, pieces: list[Piece] | None = None) -> None:
        self._pieces = pieces
        self._starts = [p.view_start for p in pieces] if pieces else []

    @property
    def is_identity(self) -> bool:
        return self._pieces is None

    def _piece(self, offset: int) -> Piece:
        assert self._pieces is not None
        return self._pieces[max(bisect_right(self._starts, offset) - 1, 0)]

    def to_source(self, offset: int, *, end: bool = False) -> int:
        """Source offset of a view offset; ``end`` maps an exclusive end."""
        if self._pieces is None:
            return offset
        if end and offset > 0:
            return self._to_source_inclusive(offset - 1, end=True)
        if not self._pieces:
            return 0
        return self._to_source_inclusive(offset, end=False)

    def _to_source_inclusive(self, offset: int, *, end: bool) -> int:
        piece = self._piece(offset)
        if piece.verbatim:
            position = piece.src_start + (offset - piece.view_start)
            return min(position + 1, piece.src_end) if end else min(position, piece.src_end)
        return piece.src_end if end else piece.src_start

    def shift(self, start: int, end: int) -> int | None:
        """``source offset - view offset`` when ``view[start:end]`` lies inside one verbatim
        piece (an empty span strictly inside it): there :meth:`to_source` is that shift."""
        if self._pieces is None:
            return 0
        index = bisect_right(self._starts, start) - 1
        if index < 0:
            return None
        piece = self._pieces[index]
        if not piece.verbatim or end - piece.view_start >= piece.src_end - piece.src_start + (start < end):
            return None
        return piece.src_start - piece.view_start

    def is_verbatim(self, start: int, end: int) -> bool:
        """True if ``view[start:end]`` was copied unchanged from one stretch of source."""
        if self._pieces is None:
            return True
        if start == end:
            piece = self._piece(start)
            return piece.verbatim or start == piece.view_start
        first, last = self._piece(start), self._piece(end - 1)
        return first is last and first.verbatim


class ViewBuilder:
    """Accumulates pieces while a reader walks the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0

    def keep(self, start: int, end: int) -> None:
        if end > start:
            self._add(self.source[start:end], start, end, verbatim=True)

    def replace(self, start: int, end: int, text: str) -> None:
        self._add(text, start, end, verbatim=False)

    def _add(self, text: str, start: int, end: int, *, verbatim: bool) -> None:
        self._pieces.append(Piece(self._length, start, end, verbatim))
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> tuple[str, SourceMap]:
        return "".join(self._parts), SourceMap(self._pieces)


@dataclass
class Document:
    """A decoded source and the view of it that rules read."""

    source: str
    view: str
    source_map: SourceMap = field(default_factory=SourceMap)
    path: str | None = None
    format: str = "text"
    metadata: dict[str, str] = field(default_factory=dict)
    #: Named parts of the source, e.g. the fields of a CMS payload: (start, end, name).
    fields: list[tuple[int, int, str]] = field(default_factory=list)

    @cached_property
    def tokens(self) -> list[tokenize.Token]:
        return tokenize.tokens(self.view)

    @cached_property
    def _words(self) -> tokenize.Words:
        """The words, their starts and their index (:func:`tokenize.words`), in one pass;
        no (word, start) pair per word (pairs held 23 MB of a 5 MB document), no
        int object per offset (they held 15 MB)."""
        return tokenize.words(self.view)

    @property
    def word_texts(self) -> list[str]:
        """Each word of the view in order (a word that recurs is one string object)."""
        return self._words[0]

    @property
    def word_starts(self) -> array[int]:
        """The view offset where each of :attr:`word_texts` starts."""
        return self._words[1]

    @property
    def word_index(self) -> dict[str, array[int]]:
        """Each distinct word and the view offsets where it starts."""
        return self._words[2]

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The distinct words, as a set (for set operations on them, once per document)."""
        return frozenset(self.word_index)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return tokenize.sentences(self.view, self.paragraphs)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return tokenize.paragraphs(self.view)
