"""Compiled regular expressions kept between runs, in the start-up cache.

The ``regex`` module parses and compiles every pattern in Python; the default rules
and the text helpers compile several hundred of them, a large part of ``qa check``'s
start-up. What the parser finally hands the module's C core is plain data (the
pattern, flags, a list of opcodes, group names, a required string), so it is stored
with :mod:`marshal` beside the other start-up data, keyed by the versions of
``regex``, Python and this file. Later runs rebuild a stored pattern from it directly
(a few microseconds) when it is first asked for.

Only patterns compiled with plain flags and no named lists are stored; any other call
goes to ``regex`` as before. :func:`standard` does the same for the standard library's
``re`` (whose parser and compiler are Python too), for the patterns qa compiles with
it. New patterns are added to the store when the process exits. ``QA_DATA_CACHE=off``
turns the store off.
"""

from __future__ import annotations

import atexit
import copyreg
import marshal
import re
import sys
import threading
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

import regex
from regex import _main

from qa import datacache

_UNCACHED_FLAGS = regex.LOCALE | regex.DEBUG
#: (pattern, flags, regex's default version) -> the arguments of the C core's compile.
_stored: dict[tuple[str, int, int], tuple[Any, ...]] = {}
_built: dict[tuple[str, int, int], Any] = {}
_new: dict[tuple[str, int, int], tuple[Any, ...]] = {}
#: (pattern, flags) -> the arguments of the standard library's ``_sre.compile`` after the pattern.
_standard: dict[tuple[str, int], tuple[Any, ...]] = {}
_new_standard: dict[tuple[str, int], tuple[Any, ...]] = {}
_path: list[Path] = []


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


def install() -> None:
    """Answer ``regex.compile`` from the store from now on (once per process)."""
    if _path or isinstance(_main._regex, _Core):
        return
    where = datacache.folder()
    if where is None:
        return
    versions = f"regex-{regex.__version__}-{sys.version_info[0]}.{sys.version_info[1]}"
    try:  # one store per copy of qa (checkouts and installs side by side do not take turns)
        _path.append(where / f"{datacache.entry(versions, [Path(__file__)])}.marshal")
    except OSError:
        return
    try:
        stored = marshal.loads(datacache.read(_path[0]))
        if stored.get("source") == _stamp():
            _stored.update(stored["programs"])
            _standard.update(stored["standard"])
    except (OSError, EOFError, ValueError, TypeError, AttributeError, KeyError):
        pass
    core = _Core(_main._regex)
    original = _main._compile

    def compile_(pattern: Any, flags: int, ignore_unused: bool, kwargs: Any, cache_it: bool) -> Any:
        if kwargs or type(pattern) is not str or flags & _UNCACHED_FLAGS:
            return original(pattern, flags, ignore_unused, kwargs, cache_it)
        key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
        compiled = _built.get(key)
        if compiled is not None:
            return compiled
        args = _stored.get(key)
        if args is not None:
            compiled = _built[key] = core._core.compile(*args)
            return compiled
        core.last.args = None
        compiled = original(pattern, flags, ignore_unused, kwargs, cache_it)
        args = core.last.args
        if args is not None and _main._locale_sensitive.get((str, pattern)) is False:
            _note_new()
            _new[key] = (args[0], int(args[1]), *args[2:])  # marshal stores no enums
            _built[key] = compiled
        return compiled

    _main._regex = core
    _main._compile = compile_
    copyreg.pickle(_main.Pattern, _pickle)  # regex's own reducer names the C module's compile


def standard(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its program from the store when it is there."""
    install()
    if flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    args = _standard.get(key)
    if args is None:  # what re._compiler.compile hands _sre (the same from Python 3.11 to 3.13)
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        names = parsed.state.groupdict
        index: list[str | None] = [None] * parsed.state.groups
        for name, number in names.items():
            index[number] = name
        args = _standard[key] = (
            int(flags | parsed.state.flags),
            [int(op) for op in code],  # the opcodes are int subclasses marshal refuses
            parsed.state.groups - 1,
            dict(names),
            tuple(index),
        )
        if _path:
            _note_new()
        _new_standard[key] = args
    compiled: re.Pattern[str] = _compiler._sre.compile(pattern, *args)
    return compiled


def _note_new() -> None:
    """Save the store when the process exits (called before the first new program is noted)."""
    if not _new and not _new_standard:
        atexit.register(_save)


def _pickle(pattern: Any) -> tuple[Any, Any]:
    """A pattern pickled as ``regex`` pickles it: the C core's compile and its data."""
    return _main._regex._core.compile, pattern._pickled_data


def _stamp() -> list[object]:
    """What the stored programs depend on besides the versions in the file name."""
    here = Path(__file__).stat()
    return [regex.__version__, here.st_size, here.st_mtime_ns]


def _save() -> None:
    try:
        programs = {**_stored, **_new}
        data = marshal.dumps({"source": _stamp(), "programs": programs, "standard": _standard})
    except ValueError:  # something marshal cannot store: keep what there was
        return
    datacache.save(_path[0], data)
