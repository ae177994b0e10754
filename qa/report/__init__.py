"""Output formats: one module each, each a pure function of the results.

Every formatter is ``render(results, rules, options) -> str`` (see :mod:`qa.report.options`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from qa.diagnostic import Diagnostic
from qa.engine.rule import RuleMeta
from qa.text.lines import LineIndex

if TYPE_CHECKING:
    from qa.report.options import ReportOptions

FORMATS = ("full", "concise", "json", "sarif", "github", "gitlab", "junit", "html")
#: Older names that still work: ``--format text`` is ``full``.
ALIASES = {"text": "full"}
_MODULES = {"full": "text"}


@dataclass
class FileResult:
    """What one file (or stdin) produced."""

    path: str
    source: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: int = 0

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)


class Formatter(Protocol):
    def __call__(
        self, results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = ...
    ) -> str: ...


def formatter(name: str) -> Formatter:
    name = ALIASES.get(name, name)
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    render: Formatter = import_module(f"qa.report.{_MODULES.get(name, name)}").render
    return render
