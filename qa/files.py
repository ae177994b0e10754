"""Finding the files to lint: explicit paths as given, folders walked with include/exclude."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path

from qa.errors import InputError


def _excluded(path: Path, patterns: Iterable[str]) -> bool:
    return any(fnmatch(path.name, p) or fnmatch(path.as_posix(), p) for p in patterns)


def discover(paths: Iterable[str], *, include: list[str], exclude: list[str]) -> Iterator[Path]:
    """Each file once, in a stable order. Symlinked folders are not followed (no loops)."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(_walk(path, include, exclude))
        elif path.exists() or path.is_symlink():
            found = [path]
        else:
            raise InputError(f"{raw}: no such file or directory")
        for file in found:
            key = file.resolve() if not file.is_symlink() else file.absolute()
            if key not in seen:
                seen.add(key)
                yield file


def _walk(root: Path, include: list[str], exclude: list[str]) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not _excluded(here / d, exclude)]
        for name in files:
            file = here / name
            if any(fnmatch(name, p) for p in include) and not _excluded(file, exclude):
                yield file
