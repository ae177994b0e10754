"""The typed records every rule produces and every formatter consumes: findings, their
fixes, and what one file produced."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from operator import attrgetter
from typing import Literal

from qa.text.lines import LineIndex

Applicability = Literal["safe", "unsafe"]


class Severity(IntEnum):
    """Ordered so that ``severity >= fail_level`` means "fails the run"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class _Record:
    """Pickled as a constructor call: workers send findings back to the parent, and
    the default path for frozen slotted classes is several times slower."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), tuple(map(self.__getattribute__, self.__slots__))


@dataclass(frozen=True, slots=True)
class Edit(_Record):
    """Replace ``text[start:end]`` with ``replacement`` (code-point offsets)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix(_Record):
    """The edits that correct a finding, and whether applying them unasked is safe."""

    edits: tuple[Edit, ...]
    applicability: Applicability = "safe"


@dataclass(frozen=True, slots=True)
class Diagnostic(_Record):
    """One finding. ``start``/``end`` are 0-based code-point offsets, end exclusive."""

    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    field: str | None = field(default=None, compare=False)

    def shifted(self, start: int, end: int, fix: Fix | None) -> Diagnostic:
        """This finding at another span (``dataclasses.replace`` is several times slower)."""
        return Diagnostic(
            self.code, self.name, self.severity, self.message, start, end, self.suggestions, fix, self.field
        )

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return SORT_KEY(self)


#: ``Diagnostic.sort_key`` in C, for sorting many findings.
SORT_KEY = attrgetter("start", "end", "code")


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    parts: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


@dataclass
class FileResult:
    """What one file (or stdin) produced: its name, its text, the findings in it and,
    after ``--fix``, how many fixes were applied to reach that text."""

    path: str
    source: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: int = 0

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        return self.lines.position(offset)
