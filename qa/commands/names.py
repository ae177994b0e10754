"""``qa names PATH...``: spelling clusters across a copy repository.

Every word of every file is mapped to its matching key (and the name registry's
groups); keys written in two or more ways across the files are printed with a count
per spelling and example locations, so a desk can build its house list.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import click

from qa import api
from qa.checks import names_registry as reg
from qa.checks.consistency import pooled_kind, spellings
from qa.commands.options import load_config
from qa.files import discover
from qa.sources import read_file
from qa.text.lines import LineIndex

EXAMPLES = 3


@dataclass
class Pooled:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)


def collect(paths: tuple[str, ...], config_path: str | None) -> tuple[list[dict[str, Any]], int]:
    """The clusters (most frequent first) and the number of files read."""
    config = load_config(config_path, paths)
    registry = reg.registry(config.section("names"), config.resolve_path)
    pooled: dict[Any, Pooled] = {}
    files = 0
    for path in discover(paths, include=config["include"], exclude=config["exclude"]):
        files += 1
        source = read_file(path, max_size=config["max-file-size"]).text
        document = api.document(source, path=str(path))
        lines = LineIndex(source)
        for cid, forms in spellings(document, registry).items():
            entry = pooled.setdefault(cid, Pooled())
            for form, raws in forms.items():
                starts = sorted(s for raw in raws for s in document.word_index[raw])
                entry.counts[form] += len(starts)
                entry.files.add(str(path))
                examples = entry.examples.setdefault(form, [])
                for start in starts[: EXAMPLES - len(examples)]:
                    line, column = lines.position(document.source_map.to_source(start))
                    examples.append(f"{path}:{line}:{column}")
    clusters = []
    for cid, entry in pooled.items():
        if len(entry.counts) < 2:
            continue
        forms = [form for form, _ in entry.counts.most_common()]
        kind = pooled_kind(cid, forms, registry)
        if kind is None:
            continue
        person = registry.people[cid[0]].id if isinstance(cid, tuple) else None
        clusters.append(
            {
                "kind": kind,
                "person": person,
                "total": sum(entry.counts.values()),
                "files": len(entry.files),
                "spellings": [
                    {"form": f, "count": entry.counts[f], "examples": entry.examples[f]} for f in forms
                ],
            }
        )
    clusters.sort(key=lambda c: (c["kind"] != "name", -c["total"], c["spellings"][0]["form"]))
    return clusters, files


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--names-only", is_flag=True, help="Only names (registry, rare words), not ordinary words.")
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Config file (qa.toml or pyproject)."
)
def names(paths: tuple[str, ...], output_format: str, names_only: bool, config_path: str | None) -> None:
    """Print words and names spelled more than one way across PATHS."""
    clusters, files = collect(paths, config_path)
    if names_only:
        clusters = [c for c in clusters if c["kind"] == "name"]
    if output_format == "json":
        click.echo(json.dumps({"files": files, "clusters": clusters}, ensure_ascii=False, indent=2))
        return
    for cluster in clusters:
        label = f"{cluster['kind']}" + (f" ({cluster['person']})" if cluster["person"] else "")
        forms = " / ".join(f"{s['form']} {s['count']}" for s in cluster["spellings"])
        click.echo(f"{label}: {forms}  [{cluster['total']} in {cluster['files']} files]")
        for spelling in cluster["spellings"]:
            click.echo(f"    {spelling['form']}: {', '.join(spelling['examples'])}")
    click.echo(f"{len(clusters)} clusters in {files} files.")
