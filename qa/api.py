"""The one entry point the CLI, the server and the hooks call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from qa import formats
from qa.config import Config
from qa.diagnostic import Diagnostic
from qa.document import Document
from qa.engine.fixes import FixResult, fix_until_stable
from qa.engine.runner import Linter

_LINTERS: dict[tuple[int, tuple[str, ...] | None, tuple[str, ...]], Linter] = {}


def linter(
    config: Config | None = None, *, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
) -> Linter:
    """A compiled linter, cached per configuration object and selection."""
    config = config or _default_config()
    key = (id(config), tuple(select) if select is not None else None, tuple(ignore))
    if key not in _LINTERS:
        _LINTERS[key] = Linter(config, select=select, ignore=ignore)
    return _LINTERS[key]


_DEFAULT: list[Config] = []


def _default_config() -> Config:
    if not _DEFAULT:
        _DEFAULT.append(Config())
    return _DEFAULT[0]


def document(
    text: str,
    *,
    path: str | None = None,
    format: str | None = None,
    bom: bool = False,
    config: Config | None = None,
) -> Document:
    doc = formats.read(text, format=format, path=path, config=config)
    if bom:
        doc.metadata["bom"] = "utf-8"
    return doc


def check(
    text: str,
    *,
    path: str | None = None,
    config: Config | None = None,
    date: dt.date | str | None = None,
    format: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> list[Diagnostic]:
    """Lint ``text``; spans are code-point offsets into ``text``."""
    return linter(config, select=select, ignore=ignore).check(
        document(text, path=path, format=format, config=config), date=date
    )


def fix(
    text: str,
    *,
    path: str | None = None,
    config: Config | None = None,
    date: dt.date | str | None = None,
    format: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    unsafe: bool = False,
) -> FixResult:
    """Apply fixes until none applies; returns the new text and what is left."""
    lint = linter(config, select=select, ignore=ignore)
    return fix_until_stable(
        text,
        lambda t: lint.check(document(t, path=path, format=format, config=config), date=date),
        unsafe=unsafe,
    )
