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
(:mod:`qa.commands.base`). So is :mod:`ipaddress`, which :mod:`urllib.parse` (through
:mod:`pathlib`) imports for a bracketed host in a URL, about a millisecond of every run
(click's UUID type uses :mod:`uuid` as it is defined, so that one cannot wait).
"""

from __future__ import annotations

import _frozen_importlib  # importlib's core, always loaded (importlib.util costs an import)
import _thread
import builtins
import sys
from types import ModuleType

TYPE_CHECKING = False  # typing itself would cost ``import qa`` an import
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import CodeType
    from typing import Any

    from qa.datacache import Store


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
                for then in _then.pop(spec.name, ()):
                    then(self)
        return ModuleType.__getattribute__(self, name)


_running = _thread.RLock()
_started: set[str] = set()
#: What to do with a deferred module once its code has run.
_then: dict[str, list[Callable[[Any], None]]] = {}


def _defer(name: str, then: Callable[[Any], None] | None = None) -> None:
    """Make the standard module ``name`` one whose code runs on first use (``then`` is
    called with it after); if it is already imported, ``then`` is called at once."""
    module = sys.modules.get(name)
    if module is not None and type(module) is not _OnFirstUse:
        if then:
            then(module)
        return
    spec = _find_spec(name) if module is None else None
    if spec is not None and spec.loader is not None:
        module = sys.modules[name] = _frozen_importlib.module_from_spec(spec)
        module.__class__ = _OnFirstUse
    if then and module is not None:
        _then.setdefault(name, []).append(then)


def _find_spec(name: str) -> Any:
    """The spec of top-level module ``name``, as ``import`` would find it."""
    return _frozen_importlib._find_spec(name, None)  # type: ignore[attr-defined]


_defer("inspect")
_defer("ipaddress")

_store: list[Store] = []


def install() -> None:
    """Serve qa's dataclass methods from the store from now on (once per process): when
    :mod:`dataclasses` is first used, or at once if it has been."""
    _defer("dataclasses", _patch)


def _patch(dataclasses: Any) -> None:
    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # found before builtins.exec


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    if type(source) is str and type(globals) is dict and str(globals.get("__name__", "")).startswith("qa."):
        source = _code(source)
    builtins.exec(source, globals, locals)


def _code(source: str) -> CodeType:
    if not _store:
        from pathlib import Path

        from qa import datacache  # not at import: it needs qa.__version__, set after this module

        _store.append(datacache.Store("dataclasses", [Path(__file__)]))
    code: CodeType | None = _store[0].get(source)
    if code is None:
        # what exec(source) compiles: no future flags (dataclasses has none to inherit)
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _store[0].add(source, code)
    return code
