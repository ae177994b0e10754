"""Writing files without losing copy: fixed stories (``--fix``) and converted text.

A file is written through a temp file in its own folder: the whole new text is
written and synced first, and only then does it take the file's place. What makes
the file what it is stays: its mode and owner, its hard links (a file with several
names is overwritten in place once the temp write succeeded, so every name sees the
new text), and a read-only file is left alone unless ``force`` says otherwise.
Anything that cannot be written is an :class:`InputError` for that one file.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

from qa.cleanup import temp_file
from qa.errors import InputError
from qa.sources import encode

_WRITABLE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def write_fixed(path: Path, text: str, *, bom: bool, original: bytes, force: bool = False) -> None:
    """Replace ``path`` with ``text`` unless the file changed since it was read."""
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot re-read before writing: {exc.strerror or exc}") from None
    if current != original:
        raise InputError(f"{path}: changed while qa was fixing it; nothing written")
    write_file(path, encode(text, bom), force=force)


def write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """``path`` holds ``data`` afterwards, or it is as it was and an InputError says why."""
    target = path.resolve()
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file; nothing written")
    if info is not None and not info.st_mode & _WRITABLE and not force:
        raise InputError(f"{path}: read-only file; not written (--force writes it anyway)")
    try:
        with temp_file(target.parent, target.name) as temp:
            with temp.open("wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if info is not None and info.st_nlink > 1:
                _overwrite(target, data)
            else:
                _keep_identity(temp, info)
                os.replace(temp, target)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _overwrite(target: Path, data: bytes) -> None:
    """Write ``data`` into the existing file, so every hard link to it sees it."""
    with target.open("r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _keep_identity(temp: Path, info: os.stat_result | None) -> None:
    """The replaced file's mode and owner (where allowed); a new file gets the umask's mode."""
    if info is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        return
    os.chmod(temp, stat.S_IMODE(info.st_mode))
    if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
        with suppress(PermissionError):  # only root may give a file away; else it becomes the writer's
            os.chown(temp, info.st_uid, info.st_gid)
