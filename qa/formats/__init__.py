"""Format readers: source text -> :class:`~qa.document.Document`.

Each reader is a function ``read(source, path) -> Document``; they are imported
lazily so a plain-text run never loads an HTML parser.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import PurePath
from typing import TYPE_CHECKING

from qa.errors import InputError

if TYPE_CHECKING:  # the readers import them (`qa check` lists READERS before it reads anything)
    from qa.config import Config
    from qa.document import Document

#: The formats a file may be read as (``--input-format``).
READERS = {
    "text": "qa.formats.plain",
    "markdown": "qa.formats.markdown",
    "html": "qa.formats.html",
    "cms-json": "qa.formats.cmsjson",
}
#: Readers of request payloads whose document source is not the payload itself (LanguageTool's
#: ``data``): the servers read them, files never are.
_PAYLOADS = {"annotation": "qa.formats.annotation"}

_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
}
#: Compound suffixes, checked first: a plain ``.json`` file is not assumed to be a CMS payload.
_COMPOUND_SUFFIXES = {".cms.json": "cms-json"}


def detect_format(path: str | None) -> str:
    """The format implied by a file name; plain text when unknown."""
    if not path:
        return "text"
    name = PurePath(path).name.lower()
    for suffix, format in _COMPOUND_SUFFIXES.items():
        if name.endswith(suffix):
            return format
    return _SUFFIXES.get(PurePath(name).suffix, "text")


def read(
    source: str, *, format: str | None = None, path: str | None = None, config: Config | None = None
) -> Document:
    """Read ``source``; a reader with ``OPTIONS = "<section>"`` also gets ``[tool.qa.<section>]``."""
    name = format or detect_format(path)
    try:
        module = import_module(READERS.get(name) or _PAYLOADS[name])
    except KeyError:
        raise InputError(f"unknown format {name!r} (known: {', '.join(sorted(READERS))})") from None
    section = getattr(module, "OPTIONS", None)
    if section is None:
        document: Document = module.read(source, path)
    else:
        document = module.read(source, path, options=config.section(section) if config else {})
    return document
