"""Compiled regular expressions kept between runs, in the start-up cache.

The ``regex`` module parses and compiles every pattern in Python; the default rules
and the text helpers compile several hundred of them, a large part of ``qa check``'s
start-up. What the parser finally hands the module's C core is plain data (the
pattern, flags, a list of opcodes, group names, a required string), so it is kept in a
:class:`qa.datacache.Store`, keyed on this file and the C core's, and later runs
rebuild a stored pattern from it directly (a few microseconds) when it is first asked
for.

Only patterns compiled with plain flags and no named lists are stored; any other call
goes to ``regex`` as before. :func:`standard` does the same for the standard library's
``re`` (whose parser and compiler are Python too), for the patterns qa compiles with
it. ``QA_DATA_CACHE=off`` turns the store off.

:func:`defer` goes further for a process of qa's own (the command line): importing
``regex`` imports its parser module, a tenth of a one-line check, although a run whose
patterns are all stored never parses one. It puts a stand-in for the package in
``sys.modules`` that compiles stored patterns with the C core alone and imports the
real package the first time anything else is asked of it.
"""

from __future__ import annotations

import copyreg
import re
import sys
import threading
from importlib import import_module, machinery, util
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

from qa import datacache

#: ``regex.RegexFlag``'s values, for the stand-in (a test holds them to regex's).
FLAGS = {
    **dict.fromkeys(("A", "ASCII"), 0x80),
    **dict.fromkeys(("B", "BESTMATCH"), 0x1000),
    **dict.fromkeys(("D", "DEBUG"), 0x200),
    **dict.fromkeys(("E", "ENHANCEMATCH"), 0x8000),
    **dict.fromkeys(("F", "FULLCASE"), 0x4000),
    **dict.fromkeys(("I", "IGNORECASE"), 0x2),
    **dict.fromkeys(("L", "LOCALE"), 0x4),
    **dict.fromkeys(("M", "MULTILINE"), 0x8),
    **dict.fromkeys(("P", "POSIX"), 0x10000),
    **dict.fromkeys(("R", "REVERSE"), 0x400),
    **dict.fromkeys(("S", "DOTALL"), 0x10),
    **dict.fromkeys(("T", "TEMPLATE"), 0x1),
    **dict.fromkeys(("U", "UNICODE"), 0x20),
    **dict.fromkeys(("V0", "VERSION0"), 0x2000),
    **dict.fromkeys(("V1", "VERSION1"), 0x100),
    **dict.fromkeys(("W", "WORD"), 0x800),
    **dict.fromkeys(("X", "VERBOSE"), 0x40),
}
_UNCACHED_FLAGS = FLAGS["LOCALE"] | FLAGS["DEBUG"]
#: What ``regex.escape`` escapes besides white space.
_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")
#: ``regex``'s programs by (pattern, flags, default version) and ``re``'s by (pattern, flags).
_store: list[datacache.Store | None] = []
#: Patterns kept per process before the memos below start afresh, as ``re``'s own cache
#: does (a server meets ever new patterns in users' rule files).
MAX_KEPT = 512
#: ``regex``'s patterns rebuilt or compiled in this process, by the store's key.
_built: dict[tuple[str, int, int], Any] = {}
#: ``re``'s patterns compiled in this process, by (pattern, flags).
_standard: dict[tuple[str, int], re.Pattern[str]] = {}
#: The C core, ``regex._regex``.
_core: list[Any] = []
_importing = threading.Lock()


class _Core:
    """Stands in for ``regex``'s C module inside ``regex._main``: notes the arguments of
    the compile that ``regex`` runs in this thread."""

    def __init__(self, core: Any) -> None:
        self._core = core
        self.last = threading.local()

    def compile(self, *args: Any) -> Any:
        self.last.args = args
        return self._core.compile(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._core, name)


class _Deferred(ModuleType):
    """The ``regex`` package until something other than a stored pattern is asked of it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") and not name.startswith("__"):  # a submodule being imported
            raise AttributeError(name)
        return getattr(_import_regex(), name)


def _open(core_file: str) -> datacache.Store | None:
    """The store (once per process), None if the start-up cache is off."""
    if not _store:
        where = datacache.folder()
        _store.append(None if where is None else datacache.Store("regex", [Path(__file__), Path(core_file)]))
    return _store[0]


def _stored(pattern: Any, flags: int, version: int) -> Any:
    """The compiled pattern from the store, or None."""
    if type(pattern) is not str or flags & _UNCACHED_FLAGS:
        return None
    key = (pattern, int(flags), int(version))
    compiled = _built.get(key)
    if compiled is None and _store and _store[0] is not None:
        args = _store[0].get(key)
        if args is not None:
            compiled = _core[0].compile(*args)
            _keep(_built, key, compiled)
            copyreg.pickle(type(compiled), _pickle)  # regex's own reducer names _main._regex: a _Core
    return compiled


def defer() -> None:
    """Put the stand-in for ``regex`` in ``sys.modules`` (before anything imports it)."""
    if "regex" in sys.modules or datacache.folder() is None:
        return
    package = util.find_spec("regex")
    folders = package.submodule_search_locations if package else None
    spec = machinery.PathFinder.find_spec("regex._regex", list(folders)) if folders else None
    if package is None or spec is None or spec.loader is None or spec.origin is None:
        return
    core = util.module_from_spec(spec)
    spec.loader.exec_module(core)
    sys.modules["regex._regex"] = core  # the package finds it there when it is imported
    _core.append(core)
    _open(spec.origin)
    stand_in = util.module_from_spec(package)  # the C core imports regex._main for a template
    stand_in.__class__ = _Deferred
    stand_in.__dict__.update(FLAGS, DEFAULT_VERSION=FLAGS["VERSION0"])

    def compile_stored(
        pattern: Any, flags: int = 0, ignore_unused: bool = False, cache_pattern: Any = None, **kwargs: Any
    ) -> Any:
        compiled = None if kwargs else _stored(pattern, flags, stand_in.DEFAULT_VERSION)
        if compiled is None:
            return _import_regex().compile(pattern, flags, ignore_unused, cache_pattern, **kwargs)
        return compiled

    stand_in.compile = compile_stored  # type: ignore[attr-defined]
    stand_in.escape = _escape  # type: ignore[attr-defined]
    sys.modules["regex"] = stand_in


def _escape(pattern: Any, special_only: bool = True, literal_spaces: bool = False) -> Any:
    """``regex.escape`` for the stand-in: its default, on text, done here; the rest by regex."""
    if type(pattern) is not str or not special_only:
        return _import_regex().escape(pattern, special_only, literal_spaces)
    escaped = (
        c if (c == " " and literal_spaces) or not (c in _METACHARS or c.isspace()) else "\\" + c
        for c in pattern
    )
    return "".join(escaped)


def _import_regex() -> ModuleType:
    """The real ``regex`` package, answering from the store: the stand-in is made the package
    (its code run in it), so every module that imported the stand-in holds the package."""
    with _importing:
        package: ModuleType | None = sys.modules.get("regex")
        if isinstance(package, _Deferred) and package.__spec__ and package.__spec__.loader:
            package.__class__ = ModuleType  # type: ignore[assignment]  # the package from now on
            package.__spec__.loader.exec_module(package)
    install()
    return import_module("regex")


def install() -> None:
    """Answer ``regex.compile`` from the store from now on (once per process; under
    :func:`defer`, when the package is first needed)."""
    if isinstance(sys.modules.get("regex"), _Deferred):
        return
    import regex
    from regex import _main

    if isinstance(_main._regex, _Core):
        return
    if not _core:
        _core.append(_main._regex)
    store = _open(_core[0].__file__)
    core = _Core(_main._regex)
    original = _main._compile

    def compile_(pattern: Any, flags: int, ignore_unused: bool, kwargs: Any, cache_it: bool) -> Any:
        compiled = None if kwargs else _stored(pattern, flags, regex.DEFAULT_VERSION)
        if compiled is not None:
            return compiled
        core.last.args = None
        compiled = original(pattern, flags, ignore_unused, kwargs, cache_it)
        args = core.last.args
        if args is not None and store is not None and _main._locale_sensitive.get((str, pattern)) is False:
            key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
            store.add(key, (args[0], int(args[1]), *args[2:]))  # marshal stores no enums
            _keep(_built, key, compiled)
        return compiled

    _main._regex = core
    _main._compile = compile_
    copyreg.pickle(_main.Pattern, _pickle)  # regex's own reducer names _main._regex: a _Core


def standard(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, once per process, its program from the store when it is there."""
    install()
    if flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    if key in _standard:
        return _standard[key]
    store = _store[0] if _store else None
    args = store.get(key) if store is not None else None
    if args is None:  # what re._compiler.compile hands _sre (the same from Python 3.11 to 3.13)
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        names = parsed.state.groupdict
        index: list[str | None] = [None] * parsed.state.groups
        for name, number in names.items():
            index[number] = name
        args = (
            int(flags | parsed.state.flags),
            [int(op) for op in code],  # the opcodes are int subclasses marshal refuses
            parsed.state.groups - 1,
            dict(names),
            tuple(index),
        )
        if store is not None:
            store.add(key, args)
    compiled: re.Pattern[str] = _compiler._sre.compile(pattern, *args)
    _keep(_standard, key, compiled)
    return compiled


def _keep(memo: dict[Any, Any], key: Any, value: Any) -> None:
    """``memo[key] = value``, the memo emptied first once it holds :data:`MAX_KEPT` entries."""
    if len(memo) >= MAX_KEPT:
        memo.clear()
    memo[key] = value


def _pickle(pattern: Any) -> tuple[Any, Any]:
    """A pattern pickled as ``regex`` pickles it: the C core's compile and its data."""
    return _core[0].compile, pattern._pickled_data
