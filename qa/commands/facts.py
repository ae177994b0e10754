"""``qa facts check``: validate the fact base (schema, overlapping terms, ordinals in order)."""

from __future__ import annotations

import click

from qa.checks import facts_data
from qa.commands.base import Group, option
from qa.commands.options import load_config


@click.group(cls=Group)
def facts() -> None:
    """The dated fact base behind the F rules (offices, holders, anniversaries)."""


@facts.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@option("--config", "config_path", type=click.Path(dir_okay=False))
def check(paths: tuple[str, ...], config_path: str | None) -> None:
    """Validate the built-in fact files, the desk's ([tool.qa.facts] paths) and PATHS.

    Exits 1 when a problem is found, listing each on its own line.
    """
    problems, summary = facts_data.review(load_config(config_path, ["."]), paths)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(summary, err=True)
        raise SystemExit(1)
    click.echo(summary)
