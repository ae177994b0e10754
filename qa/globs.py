"""Gitignore-style globs anchored at a folder (``exclude``, ``per-file-ignores``, ``.gitignore``).

A pattern without a slash matches a name at any depth (``drafts``, ``*.bak``); one with a
slash is relative to the folder (``archive/2019/*.md``); a trailing slash matches folders
only; ``!`` re-includes. These are git's rules, as ruff applies them to its ``exclude``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


class Globs:
    """Patterns read relative to ``base``; the last pattern that matches decides."""

    def __init__(self, base: Path, patterns: Iterable[str]) -> None:
        import pathspec  # only when a folder is walked or globs are configured (start-up time)

        self.base = base
        self.patterns = tuple(patterns)
        self._spec = pathspec.GitIgnoreSpec.from_lines(self.patterns)

    def verdict(self, path: Path, *, folder: bool = False) -> bool | None:
        """True if matched, False if re-included by ``!``, None if no pattern speaks.
        A path outside ``base`` is judged by its name alone."""
        try:
            relative = path.relative_to(self.base).as_posix()
        except ValueError:
            relative = path.name
        if relative in ("", "."):
            return None
        return self._spec.check_file(relative + "/" if folder else relative).include

    def matches(self, path: Path, *, folder: bool = False) -> bool:
        return bool(self.verdict(path, folder=folder))


def absolute(path: Path) -> Path:
    """``path`` made absolute and normalised without resolving symlinks."""
    return Path(os.path.normpath(path.absolute()))
