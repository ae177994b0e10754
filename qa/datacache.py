"""A start-up cache for data that is slow to parse (rule YAML, the lexicon).

``cached(name, sources, build)`` returns ``build()``, stored with :mod:`marshal` in
the user cache folder (``$QA_DATA_CACHE``, else ``$XDG_CACHE_HOME/qa`` or
``~/.cache/qa``) and reused while the qa version and every source file's size and
mtime are unchanged. Anything marshal cannot store, or a folder that cannot be
written, just means no caching. ``QA_DATA_CACHE=off`` disables it.

The folder stays bounded: whenever an entry is written, entries not used for
:data:`MAX_AGE` seconds are removed (an entry's mtime is its last use, refreshed at
most once a day so that reads stay cheap), then the least recently used until the
entries take at most :data:`MAX_SIZE` bytes. Entries are replaced by renaming, so a
process reading one that is removed keeps its open file.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import time
from collections.abc import Callable, Iterable
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


def folder() -> Path | None:
    setting = os.environ.get("QA_DATA_CACHE")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "qa"


def entry(name: str, sources: list[Path]) -> str:
    """``name-<which sources>-<their state>``: one live entry per set of sources (by
    absolute path: resolving links would cost a system call per folder on every run)."""
    stamps: list[object] = [_FORMAT, __version__]
    for path in sources:
        stat = path.stat()
        stamps.append((stat.st_size, stat.st_mtime_ns))
    which = hashlib.sha256(repr(list(map(os.path.abspath, sources))).encode("utf-8")).hexdigest()[:12]
    state = hashlib.sha256(repr(stamps).encode("utf-8")).hexdigest()[:20]
    return f"{name}-{which}-{state}"


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
    """Write the entry ``path``, then drop its stale states and prune the folder."""
    if not _write(path, data):
        return False
    _remove_stale(path)
    prune(path.parent, keep=path)
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
