"""Finding the files to lint, as ruff does.

Folders are walked with each folder's own config (``include``, ``exclude``,
``extend-exclude``) and, unless ``respect-gitignore = false``, the ``.gitignore``
files of a git repository, its ``.git/info/exclude`` and any ``.ignore`` file. A file
named on the command line is checked even when those would skip it, unless
``force-exclude`` (for hooks, which name every file) applies ``exclude`` to it too.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path

from qa.config import Config, ConfigResolver
from qa.errors import InputError
from qa.globs import Globs, absolute
from qa.sources import read_data


def discover(paths: Iterable[str], resolver: ConfigResolver) -> Iterator[Path]:
    """Each file once, in a stable order. Symlinked folders are not followed (no loops)."""
    seen: set[Path] = set()
    ignores = _Ignores()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(_walk(path, resolver, ignores))
        elif path.exists() or path.is_symlink():
            found = [] if _forced_out(path, resolver.config_for(path)) else [path]
        else:
            raise InputError(f"{raw}: no such file or directory")
        for file in found:
            key = file.resolve() if not file.is_symlink() else file.absolute()
            if key not in seen:
                seen.add(key)
                yield file


def _walk(root: Path, resolver: ConfigResolver, ignores: _Ignores) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        config = resolver.config_for(here)
        gitignore = config["respect-gitignore"]
        dirs[:] = [
            d
            for d in dirs
            if not config.excluded(here / d, folder=True)
            and not (gitignore and ignores.ignored(here / d, folder=True))
        ]
        for name in files:
            file = here / name
            if (
                any(fnmatch(name, p) for p in config["include"])
                and not config.excluded(file)
                and not (gitignore and ignores.ignored(file))
            ):
                yield file


def _forced_out(file: Path, config: Config) -> bool:
    """With ``force-exclude``, a named file that ``exclude`` names, or lies in a folder it
    names (up to the config's folder, or the cwd without one)."""
    if not config["force-exclude"]:
        return False
    top = absolute(config.path.parent if config.path else Path.cwd())
    whole = absolute(file)
    if config.excluded(whole):
        return True
    return any(config.excluded(folder, folder=True) for folder in whole.parents if top in folder.parents)


class _Ignores:
    """The ignore files that speak for each folder, shallowest first (deeper ones win).

    ``.gitignore`` and ``.git/info/exclude`` count inside a git repository only (as in git
    and ruff); ``.ignore`` counts everywhere (as in ripgrep and ruff)."""

    def __init__(self) -> None:
        self._chains: dict[Path, tuple[tuple[Globs, ...], bool]] = {}

    def ignored(self, path: Path, *, folder: bool = False) -> bool:
        whole = absolute(path)
        chain, _ = self._chain(whole.parent)
        for globs in reversed(chain):
            verdict = globs.verdict(whole, folder=folder)
            if verdict is not None:
                return verdict
        return False

    def _chain(self, folder: Path) -> tuple[tuple[Globs, ...], bool]:
        """(the ignore files for ``folder``, whether it is inside a git repository)."""
        if folder not in self._chains:
            if (folder / ".git").exists():
                inherited: tuple[Globs, ...] = ()
                in_repo = True
                own = [_globs(folder, folder / ".git" / "info" / "exclude")]
            else:
                inherited, in_repo = self._chain(folder.parent) if folder.parent != folder else ((), False)
                own = []
            if in_repo:
                own.append(_globs(folder, folder / ".gitignore"))
            own.append(_globs(folder, folder / ".ignore"))
            self._chains[folder] = (inherited + tuple(g for g in own if g is not None), in_repo)
        return self._chains[folder]


def _globs(folder: Path, file: Path) -> Globs | None:
    if not file.is_file():
        return None
    try:
        text = read_data(file, "ignore file")
    except (InputError, UnicodeDecodeError):
        return None  # an unreadable ignore file is skipped, as git skips it
    return Globs(folder, text.splitlines())
