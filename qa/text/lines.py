"""Line index: offsets <-> 1-based (line, column) in code points.

Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` only (never ``str.splitlines``, which also
breaks at U+2028, form feeds and others that editors and SARIF viewers do not).
"""

from __future__ import annotations

from bisect import bisect_right

import regex

_NEWLINE = regex.compile(r"\r\n|\r|\n")


class LineIndex:
    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def line_of(self, offset: int) -> int:
        """0-based line number containing ``offset``."""
        return bisect_right(self._starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        line = self.line_of(offset)
        return line + 1, offset - self._starts[line] + 1

    @property
    def starts(self) -> list[int]:
        """The offset at which each line starts (the first is 0)."""
        return self._starts

    def line_start(self, line: int) -> int:
        return self._starts[line]

    def line_span(self, line: int) -> tuple[int, int]:
        """(start, end) of 0-based ``line`` without its line break."""
        start = self._starts[line]
        if line + 1 < len(self._starts):
            end = self._starts[line + 1]
            while end > start and self._text[end - 1] in "\r\n":
                end -= 1
        else:
            end = len(self._text)
        return start, end

    @property
    def line_count(self) -> int:
        return len(self._starts)
