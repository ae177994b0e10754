"""``qa facts check``: validate the fact base (schema, overlapping terms, ordinals in order)."""

from __future__ import annotations

import click

from qa.checks import facts_data
from qa.checks.facts_index import extra_paths
from qa.commands.options import load_config


@click.group()
def facts() -> None:
    """The dated fact base behind the F rules (offices, holders, anniversaries)."""


@facts.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def check(paths: tuple[str, ...], config_path: str | None) -> None:
    """Validate the built-in fact files, the desk's ([tool.qa.facts] paths) and PATHS.

    Exits 1 when a problem is found, listing each on its own line.
    """
    extra = (*extra_paths(load_config(config_path, ["."])), *paths)
    problems = facts_data.problems(extra)
    for problem in problems:
        click.echo(problem)
    files = facts_data.fact_files(extra)
    if problems:
        click.echo(f"{len(problems)} problem(s) in {len(files)} fact file(s)", err=True)
        raise SystemExit(1)
    base = facts_data.load(tuple(extra))
    holders = sum(len(o.tenures) for o in base.offices)
    click.echo(
        f"ok: {len(files)} fact files, {len(base.offices)} offices, {holders} tenures, "
        f"{len(base.people) + len(base.events) + len(base.days)} dated entries"
    )
