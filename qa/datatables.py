"""Large look-up tables in the start-up cache, read a shard at a time.

``lazy(name, sources, build)`` returns ``build()`` as :func:`qa.datacache.cached` does,
except that every large string-keyed dict in it (at the top, or inside a dict of a
few large values) comes back as a :class:`Table`: a dict that reads, on the first
probe of a key, only the shard of the stored table that key hashes to. A one-line file
then costs a few shards of the lexicon instead of all of it. A table's value that is a
large dict itself (the neighbours counted after के) is a table of its own, so a probe
of one of its keys reads a shard of it, not all of it. Shards are small (a few
hundred bytes), so a 600-word article reads a tenth of the lexicon, not all of it.
Once half of the shards have been read (a long text, or many), iterating a table, or
:func:`load_all` (before forking workers), the whole table is read in one piece, and from
then on it answers as a plain dict does (a probe costs no Python call).

The entry is one file: a header (the small values and where each table's parts lie),
then per table its shards and the whole table, each a :mod:`marshal` dict with a
CRC. A damaged file is rebuilt from the sources, never an error.
"""

from __future__ import annotations

import marshal
import os
import threading
import weakref
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from qa import datacache

T = TypeVar("T")
_MAGIC = b"qa-tables-2\n"
#: A dict larger than this (marshalled) is stored in shards.
_TABLE_BYTES = 2048
#: A table's shards hold about this many bytes each.
_SHARD_BYTES = 256
_MAX_SHARDS = 1 << 12
#: After this share (1/N) of a table's shards, the rest is read at once (the whole table
#: is stored in one piece as well, which reads faster than its shards).
_WHOLE_AFTER = 2
#: A large dict with at most this many keys is a record: each of its values is stored apart.
_RECORD_KEYS = 16
#: A table's value that is a dict of more than this (marshalled) is a table of its own.
_NESTED_BYTES = 2 * _TABLE_BYTES
#: The tables not yet read whole, by the id of their weak reference (a nested table read
#: whole is dropped with its parent). Not a list: removing a reference from a list
#: compares it with the others, and comparing live references compares their tables,
#: which reads each of them whole.
_open: dict[int, weakref.ref[_PartTable]] = {}
#: Read a table whole on its first probe (a batch: most of it will be needed).
_whole_at_once = False
#: What a table read whole has for the shards it read: every one (a probe begun before,
#: outside the lock, may still look).
_EVERY_SHARD = b"\x01" * _MAX_SHARDS


class _Damaged(Exception):
    """The stored file is not what this module wrote."""


def shard_of(key: str, shards: int) -> int:
    """The shard a key is stored in (a hash that does not change between processes)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) & (shards - 1)


class Table(dict[str, Any]):
    """A read-only dict read from the stored shards; once every entry is in, a plain dict
    in all but name (its probes are the dict's own, with no Python layer in between)."""

    def load_all(self) -> None:
        """Every entry is in already."""

    def _ensure(self, key: object) -> None:
        """Nothing to read (a method bound, or a call begun, while the table was a
        :class:`_PartTable` may still ask)."""

    def __reduce__(self) -> Any:  # pickled (or copied) as the plain dict it stands for
        return dict, (dict(self.items()),)


class _PartTable(Table):
    """A :class:`Table` whose entries are read from the stored shards as keys are probed;
    it becomes a plain :class:`Table` once the whole table is in."""

    def __init__(
        self, read: Callable[[int], dict[str, Any]], shards: int, rebuild: Callable[[], Any]
    ) -> None:
        super().__init__()
        self._read, self._shards, self._rebuild = read, shards, rebuild
        self._loaded = bytearray(shards)
        self._left = shards  # shards not read yet; 0 once the whole table is in
        self._lock = threading.Lock()  # documents are checked in threads
        self._ref = weakref.ref(self, _forget)
        _open[id(self._ref)] = self._ref

    def _ensure(self, key: object) -> None:
        """Read the shard ``key`` belongs to, if it has not been read."""
        if not self._left or type(key) is not str:
            return
        shard = shard_of(key, self._shards)
        if self._loaded[shard]:
            return
        with self._lock:
            if not self._left or self._loaded[shard]:
                return
            if _whole_at_once or self._shards - self._left >= self._shards // _WHOLE_AFTER:
                self._read_whole()  # a long text or many: the table in one piece is cheaper
            elif self._read_part(shard):
                self._loaded[shard] = 1  # marked only once its entries are in
                self._left -= 1

    def _read_part(self, number: int) -> bool:
        """Add part ``number`` (the whole table for ``number == shards``); False if the file
        was damaged and the whole table was built from the sources instead."""
        try:
            self.update(self._read(number))
            return True
        except (_Damaged, OSError, EOFError, ValueError, TypeError):
            self.update(self._rebuild())
            self._whole()
            return False

    def _read_whole(self) -> None:
        if self._read_part(self._shards):
            self._whole()

    def _whole(self) -> None:
        """Every entry is in: from now on the table answers as the plain dict it is, and
        holds nothing to read with (the last table read whole closes the file)."""
        self._left = 0
        self._loaded = _EVERY_SHARD  # type: ignore[assignment]
        _forget(self._ref)
        del self._read, self._rebuild, self._ref
        self.__class__ = Table  # type: ignore[assignment]

    def load_all(self) -> None:
        if self._left:
            with self._lock:
                if self._left:
                    self._read_whole()

    def __missing__(self, key: str) -> Any:
        self._ensure(key)
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        if dict.__contains__(self, key):
            return True
        self._ensure(key)
        return dict.__contains__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        value = dict.get(self, key, _ABSENT)
        if value is not _ABSENT:
            return value
        self._ensure(key)
        return dict.get(self, key, default)

    def __iter__(self) -> Iterator[str]:
        self.load_all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self.load_all()
        return dict.__len__(self)

    def keys(self) -> Any:
        self.load_all()
        return dict.keys(self)

    def values(self) -> Any:
        self.load_all()
        return dict.values(self)

    def items(self) -> Any:
        self.load_all()
        return dict.items(self)

    def __eq__(self, other: object) -> bool:
        self.load_all()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def copy(self) -> dict[str, Any]:
        return dict(self.items())


#: What :meth:`_PartTable.get` finds for a key not read (yet).
_ABSENT = object()


def _forget(ref: weakref.ref[_PartTable], tables: dict[int, weakref.ref[_PartTable]] = _open) -> None:
    """Drop a table from :data:`_open` (read whole, or gone: perhaps at exit, after this
    module's names, which is why the dict is bound here)."""
    tables.pop(id(ref), None)


def load_all() -> None:
    """Read every shard of every table opened so far (before forking workers that would
    each read them again)."""
    for ref in list(_open.values()):
        table = ref()
        if table is not None:
            table.load_all()


def whole_at_once() -> None:
    """From now on a table is read whole on its first probe that misses (a batch of
    documents reads most of every table it opens: its shards one by one would cost more)."""
    global _whole_at_once
    _whole_at_once = True


def lazy(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, its large dicts read shard by shard from the cache while the sources
    are unchanged."""
    sources = [*sources, Path(__file__)]  # how the file is laid out counts too
    where = datacache.folder()
    try:
        path = where / f"{datacache.entry(name, sources)}.tables" if where else None
    except OSError:
        path = None
    if path is not None:
        try:
            return _open_file(path, build)
        except (OSError, _Damaged, EOFError, ValueError, TypeError, KeyError, IndexError):
            pass
    value = build()
    if path is not None:
        _store(path, value)
    return value


def _open_file(path: Path, build: Callable[[], Any]) -> Any:
    handle = path.open("rb")  # kept open: shards are read from it as they are asked for
    try:
        head = handle.read(len(_MAGIC) + 8)
        if head[: len(_MAGIC)] != _MAGIC:
            raise _Damaged
        header = marshal.loads(handle.read(int.from_bytes(head[len(_MAGIC) :], "little")))
        base = handle.tell()
        stat = os.fstat(handle.fileno())
        if type(header) is not tuple or header[0] != stat.st_size - base:
            raise _Damaged  # cut short, or grown
        datacache.mark_used(path, stat.st_mtime)
    except BaseException:
        handle.close()
        raise
    rebuilt: list[Any] = []
    entry = _Entry(handle, base)

    def rebuild(keys: tuple[str, ...]) -> Any:
        path.unlink(missing_ok=True)  # the next run stores it again
        if not rebuilt:
            rebuilt.append(build())
        value = rebuilt[0]
        for key in keys:
            value = value[key]
        return value

    return _decode(header[1], entry.read, rebuild, ())


class _Entry:
    """The open file that tables read their shards from; closed once no table can."""

    __slots__ = ("base", "handle")

    def __init__(self, handle: BinaryIO, base: int) -> None:
        self.handle, self.base = handle, base

    def read(self, start: int, end: int) -> bytes:
        return os.pread(self.handle.fileno(), end - start, self.base + start)

    def __del__(self) -> None:
        self.handle.close()


def _decode(
    node: tuple[Any, ...],
    read: Callable[[int, int], bytes],
    rebuild: Callable[[tuple[str, ...]], Any],
    at: tuple[str, ...],
) -> Any:
    kind = node[0]
    if kind == "plain":
        return node[1]
    if kind == "record":
        return {key: _decode(child, read, rebuild, (*at, key)) for key, child in node[1].items()}
    offsets, checks = memoryview(node[1]).cast("Q"), memoryview(node[2]).cast("I")
    nested, count = node[3], len(checks) - 1
    nested_in: dict[int, list[str]] = {}
    for key in nested:
        nested_in.setdefault(shard_of(key, count), []).append(key)

    def shard(number: int) -> dict[str, Any]:
        blob = read(offsets[number], offsets[number + 1])
        if zlib.crc32(blob) != checks[number]:
            raise _Damaged(f"shard {number}")
        part = marshal.loads(blob)
        if type(part) is not dict:
            raise _Damaged(f"shard {number}")
        for key in nested_in.get(number, ()) if number < count else ():  # the whole holds them
            part[key] = _decode(nested[key], read, rebuild, (*at, key))
        return part

    return _PartTable(shard, count, lambda: rebuild(at))


def _store(path: Path, value: Any) -> None:
    shards: list[bytes] = []
    try:
        tree = _encode(value, shards)
        header = marshal.dumps((sum(map(len, shards)), tree))
    except ValueError:  # not a marshal type: do without
        return
    body = b"".join([_MAGIC, len(header).to_bytes(8, "little"), header, *shards])
    datacache.save(path, body)


def _encode(value: Any, shards: list[bytes], whole: bytes | None = None) -> tuple[Any, ...]:
    """The header node for ``value`` (``whole``: its marshal, when already made); a table's
    shards are appended to ``shards``."""
    if not (isinstance(value, dict) and all(type(k) is str for k in value)):
        return ("plain", value)
    whole = marshal.dumps(value) if whole is None else whole
    size = len(whole)
    if size <= _TABLE_BYTES:
        return ("plain", value)
    if len(value) <= _RECORD_KEYS:  # a record of tables (and small values)
        return ("record", {k: _encode(v, shards) for k, v in value.items()})
    nested = {k: _encode(v, shards, data) for k, v in value.items() if (data := _nested(v))}
    count = 1
    while count * _SHARD_BYTES < size and count < min(len(value), _MAX_SHARDS):
        count *= 2
    parts: list[dict[str, Any]] = [{} for _ in range(count)]
    for key, item in value.items():
        if key not in nested:
            parts[shard_of(key, count)][key] = item
    offset = sum(map(len, shards))
    offsets, checks = [offset], []
    for blob in [*map(marshal.dumps, parts), whole]:  # the shards, then the whole
        shards.append(blob)
        offset += len(blob)
        offsets.append(offset)
        checks.append(zlib.crc32(blob))
    # as machine words: a header of plain bytes reads at once, however many shards
    return ("table", array("Q", offsets).tobytes(), array("I", checks).tobytes(), nested)


def _nested(value: Any) -> bytes | None:
    """The marshal of a value stored as a table of its own (a large dict keyed by strings)."""
    if not (isinstance(value, dict) and len(value) > _RECORD_KEYS and all(type(k) is str for k in value)):
        return None
    blob = marshal.dumps(value)
    return blob if len(blob) > _NESTED_BYTES else None
