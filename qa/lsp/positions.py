"""Code-point offsets <-> LSP positions (0-based line, character in the negotiated encoding).

LSP counts characters in UTF-16 code units unless client and server agree on UTF-8 or
UTF-32. Devanagari is in the Basic Multilingual Plane (one unit), but an emoji or other
astral character before a finding counts two, so every conversion measures the line's
text up to the offset in the encoding's units.
"""

from __future__ import annotations

from collections.abc import Callable

from qa.text.lines import LineIndex

#: Units of a piece of text, per LSP position encoding.
_UNITS: dict[str, Callable[[str], int]] = {
    "utf-16": lambda text: len(text.encode("utf-16-le")) // 2,
    "utf-8": lambda text: len(text.encode("utf-8")),
    "utf-32": len,
}


class Positions:
    """Positions in one text, for one encoding (``utf-16`` by default, as LSP's)."""

    __slots__ = ("_lines", "_text", "_units")

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self._text = text
        self._lines = LineIndex(text)
        self._units = _UNITS[encoding]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a code-point offset."""
        line = self._lines.line_of(offset)
        return line, self._units(self._text[self._lines.line_start(line) : offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of (line, character); past a line's end is its end (LSP's rule)."""
        if line >= self._lines.line_count:
            return len(self._text)
        start, end = self._lines.line_span(max(line, 0))
        taken = 0
        for index in range(start, end):  # a line is short: walk it
            if taken >= character:
                return index
            taken += self._units(self._text[index])
        return end
