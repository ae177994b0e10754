"""``qa names PATH...``: spelling clusters across a copy repository.

Every word of every file is mapped to its matching key (and the name registry's
groups); keys written in two or more ways across the files are printed with a count
per spelling and example locations, so a desk can build its house list.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from qa.api import Session
from qa.checks.names_survey import NameSurvey
from qa.commands.base import Command, option
from qa.commands.options import resolver
from qa.errors import InputError
from qa.files import discover
from qa.sources import read_file


def collect(
    paths: tuple[str, ...], config_path: str | None, *, similar: bool = False
) -> tuple[list[dict[str, Any]], int, list[str]]:
    """The clusters (most frequent first), the number of files read and why others were not."""
    configs = resolver(config_path)
    session = Session(configs.config_for(next(iter(paths), ".")), resolver=configs)
    config = session.config
    survey = NameSurvey(config)
    files, errors = 0, []
    for path in discover(paths, configs):
        try:
            source = read_file(path, max_size=config["max-file-size"]).text
            survey.add(str(path), session.read(source, path=str(path)))
        except InputError as exc:
            errors.append(str(exc))
            continue
        files += 1
    return survey.clusters(similar=similar), files, errors


@click.command(cls=Command)
@click.argument("paths", nargs=-1, required=True)
@option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@option("--names-only", is_flag=True, help="Only names (registry, rare words), not ordinary words.")
@option("--similar", is_flag=True, help="Also pair rare names one speller's slip apart (रैना/रेना).")
@option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Config file (qa.toml or pyproject)."
)
def names(
    paths: tuple[str, ...], output_format: str, names_only: bool, similar: bool, config_path: str | None
) -> None:
    """Print words and names spelled more than one way across PATHS.

    A file that cannot be read is named on stderr and the others are still pooled;
    the exit code is then 2.
    """
    clusters, files, errors = collect(paths, config_path, similar=similar)
    for error in errors:
        click.echo(f"qa: error: {error}", err=True)
    if names_only:
        clusters = [c for c in clusters if c["kind"] != "word"]
    if output_format == "json":
        click.echo(json.dumps({"files": files, "clusters": clusters}, ensure_ascii=False, indent=2))
        sys.exit(2 if errors else 0)
    for cluster in clusters:
        label = f"{cluster['kind']}" + (f" ({cluster['person']})" if cluster["person"] else "")
        forms = " / ".join(f"{s['form']} {s['count']}" for s in cluster["spellings"])
        click.echo(f"{label}: {forms}  [{cluster['total']} in {cluster['files']} files]")
        for spelling in cluster["spellings"]:
            click.echo(f"    {spelling['form']}: {', '.join(spelling['examples'])}")
    click.echo(f"{len(clusters)} clusters in {files} files.")
    sys.exit(2 if errors else 0)
