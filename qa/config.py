"""Configuration: ``[tool.qa]`` in the nearest ``pyproject.toml``, or ``qa.toml``.

The closest file wins (``qa.toml`` before ``pyproject.toml`` in the same folder);
command-line options override it. Every resolved value remembers where it came
from, so ``qa config --show`` can explain a run.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.diagnostic import Severity
from qa.errors import ConfigError, InputError
from qa.sources import read_data

#: Core settings, their defaults and their expected types.
DEFAULTS: dict[str, Any] = {
    "select": [],
    "extend-select": [],
    "ignore": [],
    "fail-level": "warning",
    "date": None,
    "include": ["*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.cms.json"],
    "exclude": [".git", ".venv", "node_modules", "__pycache__", ".qa_cache"],
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
    "english",
    "grammar",
)


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    origins: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

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


def find_config_file(start: Path) -> Path | None:
    """The closest ``qa.toml`` or ``pyproject.toml`` with a ``[tool.qa]`` table."""
    folder = start if start.is_dir() else start.parent
    for directory in (folder.resolve(), *folder.resolve().parents):
        candidate = directory / "qa.toml"
        if candidate.is_file():
            return candidate
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and "qa" in _tool_table(_read_toml(candidate), candidate):
            return candidate
    return None


def load(path: Path | None = None, *, discover_from: Path | None = None) -> Config:
    """Defaults, then the given or discovered config file."""
    config = Config()
    for key in DEFAULTS:
        config.origins[key] = "default"
    if path is None and discover_from is not None:
        path = find_config_file(discover_from)
    if path is None:
        return config
    data = _read_toml(path)
    table = _tool_table(data, path).get("qa", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.qa] must be a table")
    config.path = path
    prefix = "tool.qa." if path.name == "pyproject.toml" else ""
    for key, value in table.items():
        if key not in DEFAULTS and key not in SECTIONS:
            raise ConfigError(f"{path}: unknown setting {key!r}")
        if key in SECTIONS and not isinstance(value, dict):
            raise ConfigError(f"{path}: {key!r} must be a table")
        _check_shape(value, path, prefix + key)
        config.values[key] = _validated(key, value, str(path))
        config.origins[key] = str(path)
    config.values["rule-files"] = [config.resolve_path(p) for p in config.values["rule-files"]]
    return config


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
