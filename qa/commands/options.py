"""Options and config loading shared by the subcommands."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from qa.config import Config, ConfigResolver, Override


def split_codes(values: Iterable[str]) -> list[str] | None:
    """``--select P001,T --select N`` -> ["P001", "T", "N"]; None when not given."""
    codes = [c.strip() for v in values for c in v.split(",") if c.strip()]
    return codes or None


def resolver(config_path: str | None, overrides: Iterable[Override] = ()) -> ConfigResolver:
    """Each file's config: the explicit ``--config`` file, or the one closest to the file."""
    return ConfigResolver(Path(config_path) if config_path else None, overrides)


def load_config(config_path: str | None, paths: Iterable[str]) -> Config:
    """The explicit config file, or the one closest to the first path (or the cwd)."""
    return resolver(config_path).config_for(next((p for p in paths if p != "-"), "."))
