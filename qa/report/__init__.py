"""Output formats: one module each, each a pure function of the results.

Every formatter is ``render(results, rules, *, color=False) -> str``.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Protocol

from qa.diagnostic import FileResult
from qa.meta import RuleMeta

__all__ = ["FORMATS", "FileResult", "Formatter", "formatter"]

FORMATS = ("text", "json", "sarif", "github", "html")


class Formatter(Protocol):
    def __call__(
        self, results: list[FileResult], rules: Mapping[str, RuleMeta], *, color: bool = False
    ) -> str: ...


def formatter(name: str) -> Formatter:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    render: Formatter = import_module(f"qa.report.{name}").render
    return render
