"""The typed records every rule produces and every formatter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from operator import attrgetter
from typing import Literal

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
        return type(self), tuple(map(self.__getattribute__, self.__slots__))  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Edit(_Record):
    """Replace ``text[start:end]`` with ``replacement`` (code-point offsets)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix(_Record):
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
        return SORT_KEY(self)  # type: ignore[no-any-return]


#: ``Diagnostic.sort_key`` in C, for sorting many findings.
SORT_KEY = attrgetter("start", "end", "code")
