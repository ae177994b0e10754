"""Configuration: ``[tool.qa]`` in the nearest ``pyproject.toml``, or ``qa.toml``.

Each file gets the config file closest to it (``qa.toml`` before ``pyproject.toml`` in
the same folder; :class:`ConfigResolver`); command-line options override it. A
``qa.toml`` holds the settings at its top level or under ``[tool.qa]``, so one example
fits both files. Every resolved value remembers where it came from, so ``qa config
--show`` can explain a run. Unknown keys are errors with a "did you mean".
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.diagnostic import Severity
from qa.errors import ConfigError, InputError
from qa.globs import Globs, absolute
from qa.sources import read_data

#: Folders never walked unless named (``exclude`` replaces them, ``extend-exclude`` adds).
DEFAULT_EXCLUDE = [
    ".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".tox", ".nox", ".direnv", ".eggs",
    "node_modules", "site-packages", "__pycache__", ".mypy_cache", ".pytest_cache",
    ".ruff_cache", ".qa_cache", "build", "dist", "_build",
]  # fmt: skip

#: Core settings, their defaults and their expected types.
DEFAULTS: dict[str, Any] = {
    "select": [],
    "extend-select": [],
    "ignore": [],
    "fail-level": "warning",
    "date": None,
    "include": ["*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.cms.json"],
    "exclude": DEFAULT_EXCLUDE,
    "extend-exclude": [],
    "respect-gitignore": True,
    "force-exclude": False,
    "per-file-ignores": {},
    "rule-files": [],
    "max-file-size": 64 * 1024 * 1024,
}
_TYPES: dict[str, type | tuple[type, ...]] = {
    "select": list,
    "extend-select": list,
    "ignore": list,
    "fail-level": str,
    "date": (str, dt.date),
    "include": list,
    "exclude": list,
    "extend-exclude": list,
    "respect-gitignore": bool,
    "force-exclude": bool,
    "per-file-ignores": dict,
    "rule-files": list,
    "max-file-size": int,
}
#: Tables that rule families read for themselves (``[tool.qa.<section>]``).
SECTIONS = (
    "rules",
    "lexicon",
    "names",
    "house-style",
    "digits",
    "facts",
    "languagetool",
    "cms",
    "server",
    "grammar",
    "report",
)
#: The keys of family tables that name files (relative to the config's folder).
_FILE_KEYS = (("lexicon", "accept-files"), ("names", "files"))
#: The keys each ``[tool.qa.<section>]`` may hold (``rules`` is checked against the rules;
#: a house style also takes its variation classes).
SECTION_KEYS: dict[str, tuple[str, ...]] = {
    "lexicon": ("accept", "accept-files", "reject"),
    "names": ("files",),
    "house-style": ("profile", "names", "word-mix"),
    "digits": ("require",),
    "facts": ("paths",),
    "languagetool": ("url", "language", "min-words", "min-lowercase", "disabled-rules"),
    "cms": ("fields", "date-fields"),
    "server": (
        "max-body-bytes", "max-text-length", "timeout", "concurrency", "queue", "header-timeout",
        "body-timeout", "keep-alive", "max-connections", "cors-origins", "allowed-hosts",
    ),
    "grammar": ("masculine", "inflecting", "feminine", "ambigender", "men", "women"),
}  # fmt: skip


@dataclass
class Config:
    """Resolved settings: the values, where each came from, and the config file."""

    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    origins: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    _globs: dict[str, list[Globs]] = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def section(self, name: str) -> Mapping[str, Any]:
        """A family's own table, e.g. ``[tool.qa.names]``; empty if absent."""
        value = self.values.get(name)
        return value if isinstance(value, dict) else {}

    def rule_options(self, code: str) -> Mapping[str, Any]:
        value = self.section("rules").get(code)
        return value if isinstance(value, dict) else {}

    @property
    def fail_level(self) -> Severity:
        return Severity.parse(self.values["fail-level"])

    @property
    def date(self) -> dt.date | None:
        value = self.values.get("date")
        return value if isinstance(value, dt.date) else None

    def override(self, key: str, value: Any, origin: str) -> None:
        if value is None:
            return
        self.values[key] = _validated(key, value, origin)
        self.origins[key] = origin

    def resolve_path(self, value: str) -> str:
        """A path from the config file, relative to that file's folder."""
        if self.path is None:
            return value
        return str((self.path.parent / value).resolve())

    def setting_files(self) -> list[str]:
        """Every file a setting names (``rule-files``, ``[tool.qa.lexicon] accept-files``,
        ``[tool.qa.names] files``), resolved against the config's folder; a malformed
        value names none (its family reports it)."""
        named = (self.values["rule-files"], *(self.section(s).get(k) for s, k in _FILE_KEYS))
        lists = [value for value in named if isinstance(value, list)]
        return [
            self.resolve_path(f.strip()) for value in lists for f in value if isinstance(f, str) and f.strip()
        ]

    @property
    def anchor(self) -> Path:
        """Where the config's globs are anchored: its file's folder, or the cwd without one."""
        return absolute(self.path.parent if self.path else Path.cwd())

    def excluded(self, path: Path, *, folder: bool = False) -> bool:
        """Whether ``exclude`` or ``extend-exclude`` names ``path``."""
        if "exclude" not in self._globs:
            self._globs["exclude"] = [Globs(self.anchor, [*self["exclude"], *self["extend-exclude"]])]
        (globs,) = self._globs["exclude"]
        return globs.matches(absolute(path), folder=folder)

    def ignores_for(self, path: str | None) -> tuple[str, ...]:
        """The codes ``per-file-ignores`` turns off for ``path`` (globs relative to the config)."""
        table = self.values["per-file-ignores"]
        if not table or path is None:
            return ()
        if "per-file-ignores" not in self._globs:
            self._globs["per-file-ignores"] = [Globs(self.anchor, [pattern]) for pattern in table]
        whole = absolute(Path(path))
        return tuple(
            code
            for globs, codes in zip(self._globs["per-file-ignores"], table.values(), strict=True)
            if globs.matches(whole)
            for code in codes
        )


#: The names of config files, in the order they count within one folder.
CONFIG_NAMES = ("qa.toml", "pyproject.toml")


def _config_in(directory: Path) -> Path | None:
    """The folder's ``qa.toml``, else its ``pyproject.toml`` if that has a ``[tool.qa]`` table."""
    candidate = directory / "qa.toml"
    if candidate.is_file():
        return candidate
    candidate = directory / "pyproject.toml"
    if candidate.is_file() and "qa" in _tool_table(_read_toml(candidate), candidate):
        return candidate
    return None


Override = tuple[str, object, str]  #: (setting, value or None, origin such as "--ignore")
#: A file's state on disk: (modification time in ns, size), or None when it is absent.
Stamp = tuple[int, int] | None


def stamps(paths: Iterable[str]) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime in ns, size) of each file, (path, -1, -1) for one that cannot be read:
    what a memo of the files' contents is keyed on, so that an edit is seen."""
    return tuple((path, *(_stamp(path) or (-1, -1))) for path in paths)


def _stamp(path: Path | str) -> Stamp:
    try:
        status = os.stat(path)  # not Path.stat: a resident qa states hundreds of files per check
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class ConfigResolver:
    """The config of each file: the nearest config file above it (or one ``explicit`` file
    for every file), with command-line ``overrides`` on top. Cached per folder and file.

    A long-running process (the language server) passes ``watch``: then each lookup first
    looks at the config files that could apply (two names in every folder up to the root,
    a few ``stat`` calls) and forgets what it read from any that was added, changed or
    removed since, so an edit to a config applies from the next check on.
    """

    def __init__(
        self, explicit: Path | None = None, overrides: Iterable[Override] = (), *, watch: bool = False
    ) -> None:
        self.explicit = explicit
        self.overrides = tuple(overrides)
        self.watch = watch
        self._file_of: dict[Path, Path | None] = {}
        self._configs: dict[Path | None, Config] = {}
        self._stamps: dict[Path, Stamp] = {}

    def config_for(self, path: str | Path) -> Config:
        """The config for a file or folder (a folder's own config file counts for it)."""
        given = Path(path)
        folder = absolute(given if given.is_dir() else given.parent)
        if self.watch:
            self._notice_changes(folder)
        file = self.explicit if self.explicit is not None else self._nearest(folder)
        if file not in self._configs:
            config = load(file)
            for key, value, origin in self.overrides:
                if key in ("exclude", "extend-exclude") and isinstance(value, list):
                    value = anchored(value, config.anchor)
                    value = [*config[key], *value] if key == "extend-exclude" else value
                config.override(key, value, origin)
            self._configs[file] = config
        return self._configs[file]

    def _notice_changes(self, folder: Path) -> None:
        """Forget the configs, and which file is nearest, wherever a config file that could
        apply in ``folder`` has changed on disk since it was last looked at."""
        if self.explicit is not None:
            candidates = [self.explicit]
        else:
            candidates = [here / name for here in (folder, *folder.parents) for name in CONFIG_NAMES]
        for file in candidates:
            stamp = _stamp(file)
            if file not in self._stamps:  # first seen: nothing was read from it yet
                self._stamps[file] = stamp
            elif self._stamps[file] != stamp:
                self._stamps[file] = stamp
                self._configs.pop(file, None)
                here = file.parent
                self._file_of = {f: c for f, c in self._file_of.items() if not f.is_relative_to(here)}

    def _nearest(self, folder: Path) -> Path | None:
        if folder not in self._file_of:
            found = _config_in(folder)
            if found is None and folder.parent != folder:
                found = self._nearest(folder.parent)
            self._file_of[folder] = found
        return self._file_of[folder]


def load(path: Path | None = None) -> Config:
    """Defaults, then the config file ``path`` (see :class:`ConfigResolver` for finding it)."""
    config = Config()
    for key in DEFAULTS:
        config.origins[key] = "default"
    if path is None:
        return config
    table, prefix = _qa_table(_read_toml(path), path)
    config.path = path
    for key, value in table.items():
        reject_unknown(key, [*DEFAULTS, *SECTIONS], path, f"[{prefix.rstrip('.')}]" if prefix else "")
        if key in SECTIONS and not isinstance(value, dict):
            raise ConfigError(f"{path}: {key!r} must be a table")
        _check_shape(value, path, prefix + key)
        if key in SECTION_KEYS:
            for inner in value:
                reject_unknown(inner, section_keys(key), path, f"[{prefix}{key}]", "key")
        config.values[key] = _validated(key, value, str(path))
        config.origins[key] = str(path)
    config.values["rule-files"] = [config.resolve_path(p) for p in config.values["rule-files"]]
    return config


def anchored(patterns: Iterable[str], folder: Path) -> list[str]:
    """Globs given relative to the cwd, rewritten relative to ``folder`` (a config's folder).
    A glob without a slash names a file or folder anywhere and stays as it is."""
    try:
        where = absolute(Path.cwd()).relative_to(folder).as_posix()
    except ValueError:
        where = "."  # outside the config's folder: only names can match there
    result = []
    for pattern in patterns:
        negated, body = pattern.startswith("!"), pattern.removeprefix("!")
        if where != "." and "/" in body.rstrip("/"):
            body = f"/{where}/{body.lstrip('/')}"
        result.append("!" * negated + body)
    return result


def _qa_table(data: dict[str, Any], path: Path) -> tuple[dict[str, Any], str]:
    """qa's table and how its keys are named: ``[tool.qa]`` of a pyproject.toml; a qa.toml's
    top level, or its ``[tool.qa]`` when it has nothing else (the same text as in pyproject)."""
    tool = _tool_table(data, path)
    if path.name == "pyproject.toml" or set(data) == {"tool"}:
        others = sorted(set(tool) - {"qa"}) if path.name != "pyproject.toml" else []
        if others:
            raise ConfigError(f"{path}: [tool.{others[0]}] is not qa's; a qa.toml holds qa's settings only")
        table = tool.get("qa", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.qa] must be a table")
        return table, "tool.qa."
    return data, ""


def section_keys(section: str) -> list[str]:
    keys = list(SECTION_KEYS[section])
    if section == "house-style":  # its variation classes, from the house-style module
        from qa.checks.consistency_style import FORMS

        keys += FORMS
    return keys


def reject_unknown(
    key: str, known: Collection[str], path: Path | str, where: str, what: str = "setting"
) -> None:
    """An unknown key is an error that names the closest known one (or all, if few)."""
    if key in known:
        return
    import difflib  # only for a mistake

    close = difflib.get_close_matches(key, list(known), n=1)
    if close:
        hint = f" (did you mean {close[0]!r}?)"
    else:
        hint = f" (known: {', '.join(sorted(known))})" if len(known) <= 20 else " (see 'qa rules')"
    raise ConfigError(f"{path}: unknown {what} {key!r}{' in ' + where if where else ''}{hint}")


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a config file

    try:
        return tomllib.loads(read_data(path, "config"))
    except InputError as exc:
        raise ConfigError(str(exc)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any]:
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table ([tool.qa] holds qa's settings)")
    return tool


def _check_shape(value: Any, path: Path, where: str) -> None:
    """What any setting may be: text, a finite number, true/false, a date, a list of
    those, or a table of these. Each setting's own type is checked where it is read."""
    if isinstance(value, dict):
        for key, item in value.items():
            _check_shape(item, path, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, list | dict):
                raise ConfigError(f"{path}: {where} must be a list of plain values, not of lists or tables")
            _check_shape(item, path, where)
    elif isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{path}: {where} must be a finite number, not {value}")


def _validated(key: str, value: Any, origin: str) -> Any:
    expected = _TYPES.get(key)
    if expected is not None and not isinstance(value, expected):
        raise ConfigError(f"{origin}: {key!r} has the wrong type ({type(value).__name__})")
    if expected is list and not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{origin}: {key!r} must be a list of strings")
    if expected is dict and not all(
        isinstance(codes, list) and all(isinstance(c, str) for c in codes) for codes in value.values()
    ):
        raise ConfigError(f"{origin}: {key!r} must map each glob to a list of rule codes")
    if key == "fail-level":
        try:
            Severity.parse(value)
        except ValueError as exc:
            raise ConfigError(f"{origin}: {exc}") from None
    if key == "date":
        return parse_date(value, origin)
    return value


def parse_date(value: str | dt.date, origin: str = "--date") -> dt.date:
    """An article's date from "YYYY-MM-DD" or a date (a datetime counts by its day)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{origin}: date {value!r} is not YYYY-MM-DD") from None
