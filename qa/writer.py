"""Writing fixed copy: atomically, keeping mode, BOM and every byte outside the edits."""

from __future__ import annotations

import os
from pathlib import Path

from qa.errors import InputError
from qa.sources import encode


def write_atomic(path: Path, text: str, *, bom: bool, original: bytes) -> None:
    """Replace ``path`` with ``text`` unless the file changed since it was read."""
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot re-read before writing: {exc.strerror or exc}") from None
    if current != original:
        raise InputError(f"{path}: changed while qa was fixing it; nothing written")
    data = encode(text, bom)
    target = path.resolve()
    mode = target.stat().st_mode & 0o7777
    import tempfile  # only when writing: it pulls in shutil, bz2 and lzma

    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".qa-tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
