"""Options and config loading shared by the subcommands."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from qa import config as config_module
from qa.config import Config


def split_codes(values: Iterable[str]) -> list[str] | None:
    """``--select P001,T --select N`` -> ["P001", "T", "N"]; None when not given."""
    codes = [c.strip() for v in values for c in v.split(",") if c.strip()]
    return codes or None


def load_config(config_path: str | None, paths: Iterable[str]) -> Config:
    """The explicit config file, or the one closest to the first path (or the cwd)."""
    if config_path:
        return config_module.load(Path(config_path))
    first = next((p for p in paths if p != "-"), ".")
    return config_module.load(discover_from=Path(first))
