"""What a process starts with, beyond its environment, that a check run in it depends on:
its mount namespace and root folder (which files its paths name), its groups (what it may
read and write, and the group of files it creates), its CPU affinity (the default ``-j``),
its nice level and the interpreter's options (``sys.flags``, warning and ``-X`` options).
The client sends its own; the daemon refuses a client whose state differs from its own.
Read by the thin client before anything else is imported, so only ``os`` and ``sys``."""

from __future__ import annotations

import os
import sys


def identity(path: str) -> tuple[int, int] | None:
    """(device, inode) of ``path``, None if it cannot be read."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def state() -> dict[str, object]:
    """This process's state (marshal types only: it travels in a request)."""
    return {
        "namespace": identity("/proc/self/ns/mnt"),
        "root": identity("/"),
        "groups": sorted(os.getgroups()),
        "affinity": sorted(os.sched_getaffinity(0)),
        "nice": os.getpriority(os.PRIO_PROCESS, 0),
        "flags": list(sys.flags),
        "warnoptions": list(sys.warnoptions),
        "xoptions": dict(sys._xoptions),
    }


def difference(theirs: object) -> str | None:
    """Which part of this process's state ``theirs`` (a client's) differs in, or None."""
    ours = state()
    if not isinstance(theirs, dict):
        return "no process state"
    changed = [key for key, value in ours.items() if theirs.get(key) != value]
    return f"another {', '.join(changed)}" if changed else None
