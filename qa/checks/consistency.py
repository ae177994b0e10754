"""Spelling consistency within a document: variant clusters by matching key.

Every distinct word is mapped to its matching key (:mod:`qa.text.normalize`); registry
spellings of one name part that differ by more than a key (बाइडन/बाइडेन) share a
cluster too. A cluster with two or more spellings is an inconsistency: the house form,
else the majority, else the first spelling is preferred, and every other occurrence is
reported with it as an unsafe fix. Names (registry words, rare words, words next to a
title) are warnings (N001); ordinary words (गए/गये) are reported only with evidence that
the spellings are variants and not two words (जरा/ज़रा), at info level (N002), or as a
warning when a one-off spelling is no known word beside a common known one used more
often (कोरोना/क़ोरोना): the known one is preferred.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from qa.checks import names_registry as reg
from qa.checks.consistency_style import ANY, HouseStyle, house_style
from qa.checks.word_sieve import Ledger, shared_keys
from qa.diagnostic import Diagnostic, Severity
from qa.document import Document
from qa.engine.rule import Context, Rule
from qa.lexicon import plain, recognised, zipf
from qa.text.normalize import difference, features, key, without
from qa.text.tokenize import DEVANAGARI

#: A word rarer than this (Zipf) is treated as a name when it varies.
NAME_ZIPF = 3.0
#: Classes whose spellings can be two different words (जरा/ज़रा, काल/कॉल).
RISKY = frozenset({"nukta", "o"})

Span = tuple[int, int]


@dataclass
class Cluster:
    """The spellings of one word or name part in a document."""

    forms: dict[str, list[Span]]  # NFC spelling -> spans, in order of first occurrence
    preferred: str
    name_like: bool
    evidence: bool

    def minority(self) -> Iterator[tuple[str, Span]]:
        for form, spans in self.forms.items():
            if form != self.preferred:
                for span in spans:
                    yield form, span


@lru_cache(maxsize=100_000)
def nfc(word: str) -> str:
    return unicodedata.normalize("NFC", word)


def devanagari_key(raw: str) -> str | None:
    """The matching key of a Devanagari word of two or more letters, else None."""
    return key(raw) if len(raw) > 1 and DEVANAGARI.match(raw) else None


_KEYS = Ledger(devanagari_key)


@dataclass
class WordIndex:
    """Per-document lookups shared by the N rules (built once per document)."""

    document: Document
    by_key: dict[str, Sequence[str]]  # key -> the raw Devanagari words with that key
    mixed: dict[str, None]  # the keys with two or more raw words (an ordered set)

    def number(self, start: int) -> int:
        """The number of the word starting at ``start`` (in ``document.word_texts``)."""
        return bisect_left(self.document.word_starts, start)


def index_words(document: Document) -> WordIndex:
    """The document's Devanagari words grouped by matching key, in order of first use (the
    keys of words met before are looked up, and only a key two words share is grouped in
    Python)."""
    raws = list(document.word_index)
    keys = _KEYS.values(raws)
    mixed = shared_keys(raws, keys)
    by_key: dict[str | None, Sequence[str]] = dict(zip(keys, zip(raws), strict=True))
    by_key.update(mixed)
    by_key.pop(None, None)
    return WordIndex(document, by_key, dict.fromkeys(mixed))  # type: ignore[arg-type]  # no None key


def word_index(ctx: Context) -> WordIndex:
    """The document's word index, built once per document for every N rule."""
    return ctx.shared("word-index", lambda c: index_words(c.document))


def spellings(
    index: WordIndex, registry: reg.Registry, *, mixed_only: bool = False
) -> dict[Any, dict[str, list[str]]]:
    """Cluster id -> NFC spelling -> the raw words written that way. ``mixed_only``
    skips keys written one way that no registry group joins to another."""
    groups = registry.groups
    keys: Iterable[str] = index.by_key
    if mixed_only:
        keys = {**index.mixed, **{k: None for k in groups if k in index.by_key}}
    by_id: dict[Any, dict[str, list[str]]] = {}
    for k in keys:
        forms = by_id.setdefault(groups.get(k) or k, {})
        for raw in index.by_key[k]:
            forms.setdefault(nfc(raw), []).append(raw)
    return by_id


def _spans(document: Document, raws: list[str]) -> list[Span]:
    return sorted((s, s + len(raw)) for raw in raws for s in document.word_index[raw])


#: A word next to a title counts as a name only if it is no commoner than this (Zipf).
TITLED_ZIPF = 4.5


def titled(index: WordIndex, spans: list[Span]) -> bool:
    """True if a rare-enough word follows a title or role (राष्ट्रपति पुतिन, मंत्री रमेश
    अग्निहोत्री) or precedes जी."""
    document = index.document
    words = document.word_texts
    titles = reg.titles()
    word = nfc(document.view[spans[0][0] : spans[0][1]])
    if key(word) in titles or zipf(word) >= TITLED_ZIPF:
        return False
    number = index.number
    for start, _ in spans:
        i = number(start)
        if i > 0 and key(words[i - 1]) in titles:
            return True
        # a title, a first name, then the word: "क्रिकेटर सुरेश रैना"
        if i > 1 and key(words[i - 2]) in titles and zipf(nfc(words[i - 1])) < TITLED_ZIPF:
            return True
        if i + 1 < len(words) and words[i + 1] == "जी":
            return True
    return False


def find(index: WordIndex, pattern: tuple[str, ...]) -> Iterator[tuple[int, Span]]:
    """(word number, span) of every run of words whose keys are ``pattern``."""
    document = index.document
    words, starts = document.word_texts, document.word_starts
    for raw in index.by_key.get(pattern[0], ()):
        for start in document.word_index[raw]:
            i = index.number(start)
            run = words[i : i + len(pattern)]
            if len(run) == len(pattern) and all(key(w) == k for w, k in zip(run, pattern, strict=True)):
                yield i, (start, starts[i + len(run) - 1] + len(run[-1]))


def _has_evidence(forms: list[str], classes: frozenset[str]) -> bool:
    keys = {key(f) for f in forms}
    if not classes & RISKY:
        return True
    if any(k.startswith(v) for k in keys for v in reg.variant_words()):
        return True
    return min(zipf(f) for f in forms) < NAME_ZIPF


def _classes(forms: list[str]) -> frozenset[str]:
    """The variation classes that tell the spellings apart."""
    return frozenset().union(*(difference(forms[0], other) for other in forms[1:]))


def _different_words(forms: list[str]) -> bool:
    """Spellings of two different words (जान/जॉन), not of one."""
    return bool({key(f) for f in forms} & reg.distinct_keys())


def _cluster(
    cid: Any, forms: dict[str, list[Span]], index: WordIndex, registry: reg.Registry, style: HouseStyle
) -> Cluster | None:
    ordered = dict(sorted(forms.items(), key=lambda item: min(item[1])))
    names = list(ordered)
    classes = _classes(names)
    if (classes and all(style.choice(c) == ANY for c in classes)) or _different_words(names):
        return None
    person = cid[0] if isinstance(cid, tuple) else None
    known_name = person is not None or key(names[0]) in registry.token_people
    spans = [s for spellings in ordered.values() for s in spellings]
    name_like = known_name or max(map(zipf, names)) < NAME_ZIPF or titled(index, spans)
    candidates = style.preferred(names, classes)
    if not name_like:  # of a word's spellings, a known one wins over an unknown one
        candidates = [f for f in candidates if recognised(plain(f))] or candidates
    preferred = max(candidates, key=lambda f: (len(ordered[f]), -min(ordered[f])[0]))
    if person is not None and person in style.names:
        house = reg.tokens_of(style.names[person])
        if len(house) == len(registry.people[person].name):
            preferred = house[cid[1]]
    return Cluster(ordered, preferred, name_like, name_like or _has_evidence(names, classes))


def pooled_kind(cid: Any, forms: list[str], registry: reg.Registry) -> str | None:
    """ "name" or "word" for spellings pooled across files (no title context); None if
    the spellings may be two different words."""
    if _different_words(forms):
        return None
    if isinstance(cid, tuple) or key(forms[0]) in registry.token_people or max(map(zipf, forms)) < NAME_ZIPF:
        return "name"
    return "word" if _has_evidence(forms, _classes(forms)) else None


def clusters(ctx: Context, registry: reg.Registry, style: HouseStyle) -> list[Cluster]:
    """Every cluster with two or more spellings (computed once per document, registry and style)."""
    computed: list[tuple[reg.Registry, HouseStyle, list[Cluster]]] = ctx.shared("clusters", lambda c: [])
    for known_registry, known_style, found in computed:
        if known_registry is registry and known_style == style:
            return found
    index, found = word_index(ctx), []
    for cid, forms in spellings(index, registry, mixed_only=True).items():
        if len(forms) > 1 or (isinstance(cid, tuple) and cid[0] in style.names):
            spans = {form: _spans(index.document, raws) for form, raws in forms.items()}
            cluster = _cluster(cid, spans, index, registry, style)
            if cluster is not None and (len(cluster.forms) > 1 or cluster.preferred not in forms):
                found.append(cluster)
    computed.append((registry, style, found))
    return found


def context_registry(ctx: Context) -> reg.Registry:
    return reg.registry(ctx.config.section("names"), ctx.config.resolve_path)


def context_style(ctx: Context, options: Mapping[str, Any]) -> HouseStyle:
    return house_style(ctx.config.section("house-style"), options)


def severity_option(rule: Rule) -> Severity | None:
    """The severity a house gave the rule (``[tool.qa.rules.N002] severity = "warning"``),
    which the linter checked and set as the rule's own; None if it gave none."""
    return rule.meta.severity if "severity" in rule.options else None


class _ClusterRule(Rule):
    names: bool

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        severity = severity_option(self)
        style = context_style(ctx, self.options)
        for cluster in clusters(ctx, context_registry(ctx), style):
            if cluster.name_like != self.names or not cluster.evidence:
                continue
            count = len(cluster.forms.get(cluster.preferred, ()))
            for form, (start, end) in cluster.minority():
                message = self.meta.message.format(form=form, preferred=cluster.preferred, count=count)
                if not count:  # a house name form the document never uses
                    message = f"the house spelling is '{cluster.preferred}', not '{form}'"
                yield self.replace(
                    start,
                    end,
                    cluster.preferred,
                    message,
                    severity=severity or self._severity(cluster, style),
                )

    def _severity(self, cluster: Cluster, style: HouseStyle) -> Severity | None:
        """The severity of this cluster's findings where the house sets none (None: the rule's)."""
        return None


#: A known spelling this common (Zipf) makes a rarer unknown one beside it a slip.
SLIP_ZIPF = 3.5


def unknown_spelling(cluster: Cluster) -> bool:
    """True if a one-off spelling of a word is no known word while a common known one is
    used more often (क़ोरोना once beside कोरोना): a slip, not a house's choice of variant."""
    known_forms = [f for f in cluster.forms if recognised(plain(f))]
    common = max((len(cluster.forms[f]) for f in known_forms if zipf(plain(f)) >= SLIP_ZIPF), default=0)
    return any(len(spans) < common for f, spans in cluster.forms.items() if f not in known_forms)


class InconsistentNameSpelling(_ClusterRule):
    names = True


class InconsistentSpelling(_ClusterRule):
    """N002: info for two accepted spellings (the house may raise it), a warning when
    one of them is no known word."""

    names = False

    def _severity(self, cluster: Cluster, style: HouseStyle) -> Severity | None:
        if unknown_spelling(cluster):
            return Severity.WARNING
        return Severity.parse(style.word_mix) if style.word_mix else None


class HouseStyleForm(Rule):
    """Words whose only spelling in the document is not the house form."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        style = context_style(ctx, self.options)
        plain = [c for c in style.classes if style.plain_required(c)]
        if not plain:
            return
        registry = context_registry(ctx)
        mixed = {form for cluster in clusters(ctx, registry, style) for form in cluster.forms}
        required = frozenset(plain)
        for raw, starts in ctx.document.word_index.items():
            found = features(raw)  # most words have no variation: the cheapest test first
            if required.isdisjoint(found):
                continue
            word = nfc(raw)
            if word in mixed or not DEVANAGARI.match(word):
                continue
            present = [c for c in plain if c in found]
            fixed = word
            for name in present:
                fixed = without(fixed, name)
            message = self.meta.message.format(form=word, preferred=fixed, classes=", ".join(present))
            for start in starts:
                end = start + len(raw)
                yield self.replace(start, end, fixed, message)
