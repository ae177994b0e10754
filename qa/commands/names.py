"""``qa names PATH...``: spelling clusters across a copy repository.

Every word of every file is mapped to its matching key (and the name registry's
groups); keys written in two or more ways across the files are printed with a count
per spelling and example locations, so a desk can build its house list.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import click

from qa import api
from qa.checks import names_registry as reg
from qa.checks.consistency import NAME_ZIPF, pooled_kind, spellings
from qa.checks.names import MIN_LENGTH, rare_pair, skeleton, small_edit
from qa.commands.options import resolver
from qa.errors import InputError
from qa.files import discover
from qa.lexicon import zipf
from qa.sources import read_file
from qa.text.lines import LineIndex

EXAMPLES = 3


@dataclass
class Pooled:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)


def collect(
    paths: tuple[str, ...], config_path: str | None, *, similar: bool = False
) -> tuple[list[dict[str, Any]], int, list[str]]:
    """The clusters (most frequent first), the number of files read and why others were not."""
    configs = resolver(config_path)
    config = configs.config_for(next(iter(paths), "."))
    registry = reg.registry(config.section("names"), config.resolve_path)
    pooled: dict[Any, Pooled] = {}
    files, errors = 0, []
    for path in discover(paths, configs):
        try:
            source = read_file(path, max_size=config["max-file-size"]).text
            document = api.document(source, path=str(path))
        except InputError as exc:
            errors.append(str(exc))
            continue
        files += 1
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
        kind = pooled_kind(cid, [form for form, _ in entry.counts.most_common()], registry)
        if kind is not None:
            person = registry.people[cid[0]].id if isinstance(cid, tuple) else None
            clusters.append(_cluster(kind, person, [entry]))
    if similar:
        clusters += _similar(pooled, registry)
    clusters.sort(key=lambda c: (KINDS.index(c["kind"]), -c["total"], c["spellings"][0]["form"]))
    return clusters, files, errors


KINDS = ("name", "similar", "word")


def _cluster(kind: str, person: str | None, entries: list[Pooled]) -> dict[str, Any]:
    counts: Counter[str] = sum((e.counts for e in entries), Counter())
    examples = {form: ex for e in entries for form, ex in e.examples.items()}
    return {
        "kind": kind,
        "person": person,
        "total": sum(counts.values()),
        "files": len(set().union(*(e.files for e in entries))),
        "spellings": [{"form": f, "count": n, "examples": examples[f]} for f, n in counts.most_common()],
    }


def _similar(pooled: dict[Any, Pooled], registry: reg.Registry) -> list[dict[str, Any]]:
    """Pairs of rare or unknown words a speller's slip apart (N003's test, without context)."""
    buckets: dict[str, list[tuple[str, str, Pooled]]] = {}
    for cid, entry in pooled.items():
        if isinstance(cid, str) and len(cid) >= MIN_LENGTH:
            form = entry.counts.most_common(1)[0][0]
            if zipf(form) < NAME_ZIPF or cid in registry.token_people:
                buckets.setdefault(skeleton(cid), []).append((cid, form, entry))
    people = registry.token_people
    found = []
    for bucket in buckets.values():
        for (key_a, form_a, a), (key_b, form_b, b) in combinations(bucket, 2):
            if people.get(key_a) and people.get(key_b):
                if not people[key_a] & people[key_b]:
                    continue  # two different registry people
            elif not rare_pair(form_a, form_b):
                continue
            if small_edit(key_a, key_b):
                found.append(_cluster("similar", None, [a, b]))
    return found


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--names-only", is_flag=True, help="Only names (registry, rare words), not ordinary words.")
@click.option("--similar", is_flag=True, help="Also pair rare names one speller's slip apart (रैना/रेना).")
@click.option(
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
