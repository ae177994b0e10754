"""``qa config --show``: every resolved setting and where it came from."""

from __future__ import annotations

import json

import click

from qa.commands.base import Command, option
from qa.commands.options import load_config


@click.command(cls=Command)
@option(
    "--show", is_flag=True, expose_value=False, help="Print the resolved settings (what the command does)."
)
@option("--config", "config_path", type=click.Path(dir_okay=False))
@click.argument("path", required=False, default=".")
def config(config_path: str | None, path: str) -> None:
    """Show the configuration qa would use for PATH (a file or a folder)."""
    resolved = load_config(config_path, [path])
    click.echo(f"# config file: {resolved.path or '(none: defaults)'}")
    if ignored := resolved.ignores_for(path):
        click.echo(f"# per-file-ignores for {path}: {', '.join(ignored)}")
    for key in sorted(resolved.values):
        value = resolved.values[key]
        shown = json.dumps(value, ensure_ascii=False, default=str)
        click.echo(f"{key} = {shown}  # {resolved.origins.get(key, 'default')}")
