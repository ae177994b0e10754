"""Where a daemon listens: one socket per user and per copy of qa (its folder, the Python
that runs it), in a private folder. Read by the thin client before anything else is
imported, so only ``os`` and ``sys``."""

from __future__ import annotations

import os
import stat
import sys

#: Under ``$XDG_RUNTIME_DIR`` (else the user's cache folder) this folder holds the sockets.
FOLDER = "qa"
#: An ``AF_UNIX`` path longer than this cannot be bound (Linux: 108 bytes with the NUL).
MAX_PATH = 107


def folder(environ: os._Environ[str] | dict[str, str] = os.environ) -> str:
    """``$XDG_RUNTIME_DIR/qa``, else ``daemon`` in qa's cache folder (``$XDG_CACHE_HOME/qa``
    or ``~/.cache/qa``)."""
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime:
        return os.path.join(runtime, FOLDER)
    cache = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "qa", "daemon")


def install_id() -> str:
    """Sixteen hex digits naming this copy of qa and the interpreter running it (FNV-1a:
    hashlib or zlib would cost the client an import)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    value = 0xCBF29CE484222325
    for byte in f"{package}\0{sys.executable}\0{sys.version}".encode():
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def socket_path(environ: os._Environ[str] | dict[str, str] = os.environ) -> str:
    return os.path.join(folder(environ), f"daemon-{install_id()}.sock")


def private_folder(path: str) -> bool:
    """Whether ``path`` is a folder of this user that no one else may enter (0700)."""
    try:
        status = os.stat(path)
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode) and status.st_uid == os.getuid() and status.st_mode & 0o077 == 0
