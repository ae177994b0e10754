"""Output formats: one module each, each a pure function of the results.

Every formatter is ``render(results, rules, options) -> str`` (see :mod:`qa.report.options`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from qa.diagnostic import FileResult
from qa.meta import RuleMeta

__all__ = ["FORMATS", "Encoder", "FileResult", "Formatter", "encoder", "formatter", "own_encoder", "utf8"]

if TYPE_CHECKING:
    from qa.report.options import ReportOptions

FORMATS = ("full", "concise", "json", "sarif", "github", "gitlab", "junit", "html")
#: Older names that still work: ``--format text`` is ``full``.
ALIASES = {"text": "full"}
_MODULES = {"full": "text"}


class Formatter(Protocol):
    def __call__(
        self, results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = ...
    ) -> str: ...


class Encoder(Protocol):
    def __call__(
        self, results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions
    ) -> Iterable[bytes]: ...


def encoder(name: str) -> Encoder:
    """The format's report as UTF-8, in pieces to write one after the other: its module's
    own (:func:`own_encoder`), else the formatter's text encoded in one piece."""
    own = own_encoder(name)
    if own is not None:
        return own
    render = formatter(name)
    return lambda results, rules, options: (utf8(render(results, rules, options)),)


def own_encoder(name: str) -> Encoder | None:
    """The format module's own ``encode``, which makes its report's bytes a piece at a
    time (JSON: a big run's report is never held whole, as text or bytes), if it has one."""
    return getattr(import_module(formatter(name).__module__), "encode", None)


def utf8(report: str) -> bytes:
    """A report's text as UTF-8, a file name that is not UTF-8 (read as lone surrogates)
    written back as the bytes it was read from."""
    return report.encode("utf-8", "surrogateescape")


def formatter(name: str) -> Formatter:
    name = ALIASES.get(name, name)
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    render: Formatter = import_module(f"qa.report.{_MODULES.get(name, name)}").render
    return render
