"""Reading copy from files and streams: UTF-8 only, a clear error for anything else."""

from __future__ import annotations

import codecs
import stat
from dataclasses import dataclass
from pathlib import Path

from qa.errors import InputError

_BINARY_SNIFF = 8192
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


@dataclass(frozen=True)
class SourceText:
    """Decoded text and what decoding removed (so ``--fix`` can put it back)."""

    text: str
    bom: bool = False


def decode(data: bytes, name: str) -> SourceText:
    """UTF-8 with an optional BOM; anything else is an :class:`InputError`."""
    if data.startswith(_WIDE_BOMS) and not data.startswith(codecs.BOM_UTF8):
        raise InputError(f"{name}: file is UTF-16 or UTF-32; save it as UTF-8")
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return SourceText(data.decode("utf-8"), bom)
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        raise InputError(f"{name}: invalid UTF-8 at byte offset {offset} (0x{data[exc.start]:02x})") from None


def read_file(path: Path, *, max_size: int) -> SourceText:
    return decode(read_bytes(path, max_size=max_size, limit="max-file-size"), str(path))


def read_bytes(path: Path, *, max_size: int, limit: str, what: str = "file") -> bytes:
    """A regular file's bytes. A FIFO or device would block or never end and a huge file
    would exhaust memory: both are an :class:`InputError` (``limit`` names the limit)."""
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: {what} is not a regular file")
        size = info.st_size
        if size > max_size:
            raise InputError(f"{path}: {what} is {size:,} bytes, over the limit of {max_size:,} ({limit})")
        return path.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None


#: The most a configuration or data file (rules, names, facts, word lists) may hold.
DATA_FILE_LIMIT = 16 * 1024 * 1024


def read_data(path: Path, what: str) -> str:
    """A configuration or data file as UTF-8 text (UnicodeDecodeError if it is not)."""
    return read_bytes(path, max_size=DATA_FILE_LIMIT, limit="data files", what=what).decode("utf-8")


def encode(text: SourceText | str, bom: bool = False) -> bytes:
    body = text.text if isinstance(text, SourceText) else text
    return (codecs.BOM_UTF8 if bom else b"") + body.encode("utf-8")
