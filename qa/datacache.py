"""A start-up cache for data that is slow to parse (rule YAML, the lexicon).

``cached(name, sources, build)`` returns ``build()``, stored with :mod:`marshal` in
the user cache folder (``$QA_DATA_CACHE``, else ``$XDG_CACHE_HOME/qa`` or
``~/.cache/qa``) and reused while the qa version and every source file's size and
mtime are unchanged. Anything marshal cannot store, or a folder that cannot be
written, just means no caching. ``QA_DATA_CACHE=off`` disables it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from qa import __version__

T = TypeVar("T")
_FORMAT = 1


def folder() -> Path | None:
    setting = os.environ.get("QA_DATA_CACHE")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "qa"


def entry(name: str, sources: list[Path]) -> str:
    """``name-<which sources>-<their state>``: one live entry per set of sources."""
    stamps: list[object] = [_FORMAT, __version__]
    for path in sources:
        stat = path.stat()
        stamps.append((stat.st_size, stat.st_mtime_ns))
    which = hashlib.sha256(repr([str(p.resolve()) for p in sources]).encode("utf-8")).hexdigest()[:12]
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
        return marshal.loads(path.read_bytes()), lambda value: None
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
    if write(path, data):
        remove_stale(path)


def remove_stale(path: Path) -> None:
    """Delete the entries for the same sources in another state than ``path``'s."""
    name, suffix = path.name.rsplit("-", 1)[0], path.suffix
    for stale in path.parent.glob(f"{name}-*{suffix}"):
        if stale != path:
            stale.unlink(missing_ok=True)


def write(path: Path, data: bytes) -> bool:
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
