"""Whether a daemon may answer a client: it runs the same files, under the same settings
that a process reads when it starts.

A daemon never answers with old code or data: every request compares the size and mtime
of qa's source and data files (and the compiled core), and of the folders on the module
path (an install in site-packages), with those it started with, and a change makes it
refuse and exit. A client whose module path or start-up environment differ (``QA_PURE``,
``QA_DATA_CACHE``, ``XDG_CACHE_HOME``, ``HOME``, ``PYTHON*``, the locale, ``LD_*``,
``FAKETIME``) is refused too, and runs the command itself; the daemon stays for the
clients it fits. Settings read during a run (config files, ``NO_COLOR``,
the result cache's folder, a LanguageTool URL, ``TZ``: the child calls ``tzset``) come
with each request and need no check. :mod:`qa.resident.process` compares the rest of a
process's start (groups, mount namespace, affinity, the interpreter's options, …).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

import qa
from qa.cache import source_files
from qa.config import stamps

#: Environment variables qa or Python read when a process starts (or whose effect a
#: warm process keeps): the start-up data cache, the pure-Python switch, the locale, the
#: dynamic loader's settings and a faked clock (``LD_PRELOAD=libfaketime.so``).
WATCHED = ("QA_PURE", "QA_DATA_CACHE", "XDG_CACHE_HOME", "HOME", "LANG", "FAKETIME")
WATCHED_PREFIXES = ("PYTHON", "LC_", "LD_")
#: Watched by prefix but without effect on a run.
UNWATCHED = ("PYTHONDONTWRITEBYTECODE",)

#: Files at the root of a Python project's checkout.
PROJECT_FILES = ("pyproject.toml", "setup.py", "setup.cfg")

Stamps = list[tuple[str, int, int]]


def watched(environ: dict[str, str]) -> dict[str, str]:
    return {
        key: value
        for key, value in environ.items()
        if (key in WATCHED or key.startswith(WATCHED_PREFIXES)) and key not in UNWATCHED
    }


@dataclass(frozen=True)
class Snapshot:
    """What the daemon started with."""

    files: Stamps
    environment: dict[str, str]
    path: list[str]
    #: (folder, mtime, size) of each folder of ``path``.
    folders: tuple[tuple[str, int, int], ...]

    @classmethod
    def now(cls) -> Snapshot:
        path = sys.path[1:]
        return cls(source_files(), watched(dict(os.environ)), path, stamps(_installs(path)))

    def stale(self) -> bool:
        """Whether a file of qa's code or data changed, came or went since (the daemon must
        go): the result cache's key of qa's own files; or a folder of the module path gained
        or lost an entry (a package installed or removed in site-packages)."""
        return source_files() != self.files or stamps(_installs(self.path)) != self.folders

    def mismatch(self, request: dict[str, Any]) -> str | None:
        """Why this daemon cannot run the client's command as the client would, or None."""
        if request.get("path") != self.path:
            return "another module path"
        environment = watched(request.get("env") or {})
        if environment != self.environment:
            changed = sorted(set(environment.items()) ^ set(self.environment.items()))
            return f"another environment ({', '.join(dict(changed))})"
        return None


def _installs(path: list[str]) -> list[str]:
    """The folders of the module ``path`` where an install shows, but the one that holds
    qa itself (the source key covers qa's files) and a project's checkout (on the path in
    an editable install: its root gains and loses files as it is worked in, a test run's
    caches among them)."""
    home = os.path.dirname(os.path.dirname(os.path.abspath(qa.__file__)))
    return [
        folder
        for folder in path
        if os.path.abspath(folder or os.curdir) != home and not _checkout(folder or os.curdir)
    ]


def _checkout(folder: str) -> bool:
    """Whether ``folder`` is a Python project's root rather than a place packages go."""
    return any(os.path.isfile(os.path.join(folder, name)) for name in PROJECT_FILES)
