"""The generated methods of qa's dataclasses, kept compiled between runs.

``@dataclass`` writes the source of each method it adds (``__init__``, ``__repr__``,
``__eq__``, ``__setattr__`` of a frozen class …) and compiles it with ``exec``: about a
millisecond per class, and a ``qa check`` creates some fifty classes before it reads a
line. The code object compiled from a text depends only on that text and the Python
version, so it is kept in a :class:`qa.datacache.Store` and later runs ``exec`` the
stored code instead of compiling the text again. Only classes of qa's own modules are
served; anything else ``exec`` s as before. ``QA_DATA_CACHE=off`` turns the store off.

``dataclasses`` imports :mod:`inspect` (with ``ast``, ``dis`` and ``tokenize``: about 14 ms
of CPU) only to write a signature into a class without a docstring, and each of qa's has
one; so unless something imported it before, ``inspect`` is a module whose code runs in it
when an attribute is first asked of it (``import inspect`` asks none): a check needs none
(:mod:`qa.commands.base`).
"""

from __future__ import annotations

import sys
import threading
from importlib.util import find_spec, module_from_spec
from types import ModuleType


class _OnFirstUse(ModuleType):
    """A standard module whose code has not run yet: it runs in this very module (so every
    holder of it holds the real thing) when an attribute it lacks is first asked for."""

    def __getattr__(self, name: str) -> object:
        with _running:  # another thread waits for the code to have run
            spec = self.__spec__
            if type(self) is _OnFirstUse and spec and spec.loader and spec.name not in _started:
                _started.add(spec.name)  # its own code asks while it runs: as of a module importing
                spec.loader.exec_module(self)
                self.__class__ = ModuleType  # type: ignore[assignment]
        return ModuleType.__getattribute__(self, name)


_running = threading.RLock()
_started: set[str] = set()


def _defer(name: str) -> None:
    """Make the standard module ``name`` one whose code runs on first use."""
    spec = None if name in sys.modules else find_spec(name)
    if spec is not None and spec.loader is not None:
        module = sys.modules[name] = module_from_spec(spec)
        module.__class__ = _OnFirstUse


_defer("inspect")

import builtins  # noqa: E402
import dataclasses  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

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
