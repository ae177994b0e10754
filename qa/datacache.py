"""A start-up cache for data that is slow to parse (rule YAML, the lexicon).

``cached(name, sources, build)`` returns ``build()``, stored with :mod:`marshal` in
the user cache folder (``$QA_DATA_CACHE``, else ``$XDG_CACHE_HOME/qa`` or
``~/.cache/qa``) and reused while the qa version and every source file's size and
mtime are unchanged. Anything marshal cannot store, or a folder that cannot be
written, just means no caching. ``QA_DATA_CACHE=off`` disables it.

The folder stays bounded: when an entry is written and the folder was last pruned
over a day ago (the mtime of its ``.pruned`` marker), entries not used for
:data:`MAX_AGE` seconds are removed (an entry's mtime is its last use, refreshed at
most once a day so that reads stay cheap), then the least recently used until the
entries take at most :data:`MAX_SIZE` bytes. Entries are replaced by renaming, so a
process reading one that is removed keeps its open file.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
import time
import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from qa import __version__

T = TypeVar("T")
_FORMAT = 1
_DAY = 24 * 3600
#: Entries not used for this long (seconds) are removed when another entry is written.
MAX_AGE = 30 * _DAY
#: Past this many bytes of entries, the least recently used are removed (one copy of qa
#: with every rule on needs about 35 MB).
MAX_SIZE = 512 * 1024 * 1024
_SUFFIXES = (".marshal", ".tables")
#: Touched when the folder is pruned; a write prunes again once it is a day old.
_PRUNED = ".pruned"


def folder() -> Path | None:
    """``$QA_DATA_CACHE`` (``off``: none), else ``qa`` in the user's cache folder; a run asks
    a few dozen times, so the answer is kept per setting."""
    environ = os.environ
    return _folder(environ.get("QA_DATA_CACHE"), environ.get("XDG_CACHE_HOME"), environ.get("HOME"))


@lru_cache(maxsize=8)
def _folder(setting: str | None, xdg: str | None, home: str | None) -> Path | None:
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = xdg or Path.home() / ".cache"
    return Path(base) / "qa"


def entry(name: str, sources: list[Path]) -> str:
    """``name-<which sources>-<their state>``: one live entry per set of sources (by
    absolute path: resolving links would cost a system call per folder on every run)."""
    stamps: list[object] = [_FORMAT, __version__]
    for path in sources:
        stat = path.stat()
        stamps.append((stat.st_size, stat.st_mtime_ns))
    return f"{name}-{_digest(list(map(os.path.abspath, sources)))}-{_digest(stamps)}"


def _digest(value: object) -> str:
    """64 bits that tell ``repr(value)`` from another's (zlib's sums: importing hashlib
    loads OpenSSL, a few milliseconds of every run)."""
    data = repr(value).encode("utf-8")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def lookup(name: str, sources: Iterable[Path]) -> tuple[Any, Callable[[Any], None]]:
    """(the stored value or None, a function that stores a new value) for these sources."""
    where = folder()
    try:
        path = where / f"{entry(name, list(sources))}.marshal" if where else None
    except OSError:
        path = None
    if path is None:
        return None, lambda value: None
    try:
        return marshal.loads(read(path)), lambda value: None
    except (OSError, EOFError, ValueError, TypeError):
        return None, lambda value: _store(path, value)


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, from the cache when the sources have not changed."""
    sources = list(sources)
    value, store = lookup(name, sources)
    if value is None:
        value = build()
        store(value)
    return value


class Store:
    """A dict of values worked out by one process and kept for the next: one marshal
    entry per copy of ``sources`` (named ``name``, for the Python version running), read
    on the first :meth:`get`, written once when a process that added values exits. Past
    ``limit`` values (old versions of edited code) only those this process used are
    written back."""

    def __init__(self, name: str, sources: list[Path], limit: int = 4000) -> None:
        self._name, self._sources, self._limit = name, sources, limit
        self._values: dict[Any, Any] | None = None
        self._used: dict[Any, Any] = {}
        self._path: Path | None = None
        #: Values added by this process.
        self.added = 0
        #: Whether a save is due at exit (registered once per save: a warm daemon saves its
        #: warm-up's values, then its children register again for theirs).
        self._due = False

    def get(self, key: Any) -> Any:
        """The stored value of ``key``, or None."""
        values = self._load() if self._values is None else self._values
        value = values.get(key)
        if value is not None:
            self._used[key] = value
        return value

    def add(self, key: Any, value: Any) -> None:
        """Keep ``value`` for later processes (written when this one exits)."""
        values = self._load() if self._values is None else self._values
        if self._path is not None and not self._due:
            atexit.register(self._save)
            self._due = True
        values[key] = self._used[key] = value
        self.added += 1

    def _load(self) -> dict[Any, Any]:
        self._values = {}
        where = folder()
        if where is None:
            return self._values
        name = f"{self._name}-{sys.implementation.cache_tag}"  # marshal's code objects are per version
        try:
            self._path = where / f"{entry(name, self._sources)}.marshal"
            stored = marshal.loads(read(self._path))
            if stored.get("python") == sys.version:
                self._values.update(stored["values"])
        except (OSError, EOFError, ValueError, TypeError, AttributeError, KeyError):
            pass
        return self._values

    def _save(self) -> None:
        assert self._path is not None and self._values is not None
        self._due = False
        values = self._values if len(self._values) <= self._limit else self._used
        _store(self._path, {"python": sys.version, "values": values})


def _store(path: Path, value: Any) -> None:
    try:
        data = marshal.dumps(value)
    except ValueError:  # not a marshal type (e.g. a date in YAML): do without
        return
    save(path, data)


def read(path: Path) -> bytes:
    """The bytes of the entry ``path``, marking it used."""
    with path.open("rb") as handle:
        data = handle.read()
        mark_used(path, os.fstat(handle.fileno()).st_mtime)
    return data


def mark_used(path: Path, mtime: float) -> None:
    """Refresh the mtime of an entry last marked more than a day ago (its last use)."""
    if time.time() - mtime > _DAY:
        with contextlib.suppress(OSError):
            os.utime(path)


def save(path: Path, data: bytes) -> bool:
    """Write the entry ``path``, then drop its stale states and, once a day, prune the folder."""
    if not _write(path, data):
        return False
    _remove_stale(path)
    if _prune_due(path.parent):
        prune(path.parent, keep=path)
    return True


def _prune_due(where: Path) -> bool:
    """Whether ``where`` was last pruned over a day ago (if so, it is marked pruned now)."""
    marker = where / _PRUNED
    with contextlib.suppress(OSError):
        if time.time() - marker.stat().st_mtime < _DAY:
            return False
    with contextlib.suppress(OSError):
        marker.touch()
    return True


def _remove_stale(path: Path) -> None:
    """Delete the entries for the same sources in another state than ``path``'s."""
    name, suffix = path.name.rsplit("-", 1)[0], path.suffix
    for stale in path.parent.glob(f"{name}-*{suffix}"):
        if stale != path:
            _unlink(stale)


def prune(where: Path, keep: Path | None = None) -> None:
    """Remove from ``where`` the entries unused for :data:`MAX_AGE`, then the least
    recently used past :data:`MAX_SIZE` (never ``keep``); also temporary files that
    a killed writer left over a day ago. Other files and folders are left alone."""
    now = time.time()
    entries: list[tuple[float, int, Path]] = []
    try:
        with os.scandir(where) as found:
            for item in found:
                if not item.is_file(follow_symlinks=False):
                    continue
                path = Path(item.path)
                stat = item.stat(follow_symlinks=False)
                if item.name.endswith(".tmp"):
                    if now - stat.st_mtime > _DAY:
                        _unlink(path)
                elif path.suffix in _SUFFIXES and path != keep:
                    if now - stat.st_mtime > MAX_AGE:
                        _unlink(path)
                    else:
                        entries.append((stat.st_mtime, stat.st_size, path))
            total = sum(size for _, size, _ in entries) + (keep.stat().st_size if keep else 0)
    except OSError:
        return
    for _, size, path in sorted(entries):
        if total <= MAX_SIZE:
            break
        _unlink(path)
        total -= size


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):  # another user's file in a shared folder: leave it
        path.unlink(missing_ok=True)


def _write(path: Path, data: bytes) -> bool:
    """Replace ``path`` with ``data`` at once (a reader never sees half a file); False if
    the folder cannot be written (no caching)."""
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)
        return True
    except OSError:
        return False
    finally:
        temp.unlink(missing_ok=True)  # on every way out, a signal's too
