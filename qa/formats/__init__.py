"""Format readers: source text -> :class:`~qa.document.Document`.

Each reader is a function ``read(source, path) -> Document``; they are imported
lazily so a plain-text run never loads an HTML parser.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import PurePath

from qa.document import Document
from qa.errors import InputError

READERS = {
    "text": "qa.formats.plain",
    "markdown": "qa.formats.markdown",
}

_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
}


def detect_format(path: str | None) -> str:
    """The format implied by a file name; plain text when unknown."""
    if not path:
        return "text"
    return _SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def read(source: str, *, format: str | None = None, path: str | None = None) -> Document:
    name = format or detect_format(path)
    try:
        module = READERS[name]
    except KeyError:
        raise InputError(f"unknown format {name!r} (known: {', '.join(sorted(READERS))})") from None
    document: Document = import_module(module).read(source, path)
    return document
