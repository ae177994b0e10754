"""The generated methods of qa's dataclasses, kept compiled between runs.

``@dataclass`` writes the source of each method it adds (``__init__``, ``__repr__``,
``__eq__``, ``__setattr__`` of a frozen class …) and compiles it with ``exec``: about a
millisecond per class, and a ``qa check`` creates some fifty classes before it reads a
line. The code object compiled from a text depends only on that text and the Python
version, so it is stored with :mod:`marshal` in the start-up cache (one file per Python
version and copy of qa) and later runs ``exec`` the stored code instead of compiling the
text again. Only classes of qa's own modules are served; anything else ``exec`` s as
before. New code is added to the store when the process exits; ``QA_DATA_CACHE=off``
turns the store off.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

#: A store holding more texts than this (old versions of edited classes) starts afresh.
_LIMIT = 4000
_codes: dict[str, CodeType] = {}
_new: dict[str, CodeType] = {}
_path: list[Path | None] = []


def install() -> None:
    """Serve qa's dataclass methods from the store from now on (once per process)."""
    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before builtins.exec


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    if type(source) is str and type(globals) is dict and str(globals.get("__name__", "")).startswith("qa."):
        source = _code(source)
    builtins.exec(source, globals, locals)


def _code(source: str) -> CodeType:
    if not _path:
        _load()
    code = _codes.get(source)
    if code is None:
        # what exec(source) compiles: no future flags (dataclasses has none to inherit)
        code = _codes[source] = _new[source] = compile(source, "<string>", "exec", dont_inherit=True)
        if len(_new) == 1 and _path[0] is not None:
            atexit.register(_save)
    return code


def _load() -> None:
    from qa import datacache

    _path.append(None)
    where = datacache.folder()
    if where is None:
        return
    name = f"dataclasses-{sys.implementation.cache_tag}"  # code objects are version-specific
    try:  # one store per copy of qa and Python
        _path[0] = path = where / f"{datacache.entry(name, [Path(__file__)])}.marshal"
        stored = marshal.loads(datacache.read(path))
        if stored.get("python") == sys.version:
            _codes.update(stored["codes"])
    except (OSError, EOFError, ValueError, TypeError, AttributeError, KeyError):
        pass


def _save() -> None:
    from qa import datacache

    path = _path[0]
    assert path is not None
    codes = _codes if len(_codes) <= _LIMIT else _new  # _codes holds the new ones too
    datacache.save(path, marshal.dumps({"python": sys.version, "codes": codes}))
