"""Spelling clusters pooled across many documents (``qa names``): every word is mapped to
its matching key (and the name registry's groups); keys written two or more ways across
the documents become clusters, with a count per spelling and example locations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from qa.checks import names_registry as reg
from qa.checks.consistency import NAME_ZIPF, index_words, pooled_kind, spellings
from qa.checks.names import MIN_LENGTH, rare_pair, skeleton, small_edit
from qa.config import Config
from qa.document import Document
from qa.lexicon import zipf
from qa.text.lines import LineIndex

EXAMPLES = 3


@dataclass
class Pooled:
    """Name spellings counted over many files, with examples and the files they came from."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)


class NameSurvey:
    """Spellings pooled over the documents added, for one config's name registry."""

    def __init__(self, config: Config) -> None:
        self.registry = reg.registry(config.section("names"), config.resolve_path)
        self.pooled: dict[Any, Pooled] = {}

    def add(self, path: str, document: Document) -> None:
        """Pool the spellings of one document; examples are located as ``path:line:column``."""
        lines = LineIndex(document.source)
        for cid, forms in spellings(index_words(document), self.registry).items():
            entry = self.pooled.setdefault(cid, Pooled())
            for form, raws in forms.items():
                starts = sorted(s for raw in raws for s in document.word_index[raw])
                entry.counts[form] += len(starts)
                entry.files.add(path)
                examples = entry.examples.setdefault(form, [])
                for start in starts[: EXAMPLES - len(examples)]:
                    line, column = lines.position(document.source_map.to_source(start))
                    examples.append(f"{path}:{line}:{column}")

    def clusters(self, *, similar: bool = False) -> list[dict[str, Any]]:
        """The clusters, most frequent first; ``similar`` adds pairs a speller's slip apart."""
        registry, clusters = self.registry, []
        for cid, entry in self.pooled.items():
            if len(entry.counts) < 2:
                continue
            kind = pooled_kind(cid, [form for form, _ in entry.counts.most_common()], registry)
            if kind is not None:
                person = registry.people[cid[0]].id if isinstance(cid, tuple) else None
                clusters.append(_cluster(kind, person, [entry]))
        if similar:
            clusters += _similar(self.pooled, registry)
        clusters.sort(key=lambda c: (KINDS.index(c["kind"]), -c["total"], c["spellings"][0]["form"]))
        return clusters


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
