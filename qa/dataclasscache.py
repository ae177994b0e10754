"""The generated methods of qa's dataclasses, kept compiled between runs.

``@dataclass`` writes the source of each method it adds (``__init__``, ``__repr__``,
``__eq__``, ``__setattr__`` of a frozen class …) and compiles it with ``exec``: about a
millisecond per class, and a ``qa check`` creates some fifty classes before it reads a
line. The code object compiled from a text depends only on that text and the Python
version, so it is kept in a :class:`qa.datacache.Store` and later runs ``exec`` the
stored code instead of compiling the text again. Only classes of qa's own modules are
served; anything else ``exec`` s as before. ``QA_DATA_CACHE=off`` turns the store off.
"""

from __future__ import annotations

import builtins
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import CodeType

    from qa.datacache import Store

_store: list[Store] = []


def install() -> None:
    """Serve qa's dataclass methods from the store from now on (once per process)."""
    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before builtins.exec


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    if type(source) is str and type(globals) is dict and str(globals.get("__name__", "")).startswith("qa."):
        source = _code(source)
    builtins.exec(source, globals, locals)


def _code(source: str) -> CodeType:
    if not _store:
        from qa import datacache  # not at import: it needs qa.__version__, set after this module

        _store.append(datacache.Store("dataclasses", [Path(__file__)]))
    code: CodeType | None = _store[0].get(source)
    if code is None:
        # what exec(source) compiles: no future flags (dataclasses has none to inherit)
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _store[0].add(source, code)
    return code
