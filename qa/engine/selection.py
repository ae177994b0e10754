"""Choosing rules by code, prefix or name (``--select``, ``--ignore``, ``--extend-select``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from qa.engine.registry import RuleSpec
from qa.errors import ConfigError
from qa.meta import RuleMeta


class Named(Protocol):
    """A rule's metadata or one of its diagnostics: what a selector is matched against."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


def ignored_by(selectors: Iterable[str], item: Named) -> bool:
    """Whether any of ``selectors`` (codes, prefixes, names, "ALL") picks ``item``."""
    return any(_matches(s, item) for s in selectors)


def _matches(selector: str, meta: Named, *, exact_only: bool = False) -> bool:
    if selector == "ALL":
        return True
    if selector in (meta.code, meta.name):
        return True
    return not exact_only and meta.code.startswith(selector)


def select(
    specs: Mapping[str, RuleSpec],
    *,
    select: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[RuleSpec]:
    """The rules to run, in code order.

    Without ``select`` the default rules run. A prefix ("P", "T1") picks only default
    rules; opt-in rules are picked by their exact code or name, or by "ALL".
    """
    chosen_by = [s.strip() for s in [*select, *extend_select] if s.strip()]
    ignored = [s.strip() for s in ignore if s.strip()]
    for selector in [*chosen_by, *ignored]:
        if not any(_matches(selector, spec.meta) for spec in specs.values()):
            raise ConfigError(f"unknown rule selector {selector!r} (see 'qa rules')")
    base = [s.strip() for s in select if s.strip()]
    extra = [s.strip() for s in extend_select if s.strip()]
    result = []
    for code in sorted(specs):
        meta = specs[code].meta
        wanted = _wanted(meta, base) if base else meta.default
        wanted = wanted or _wanted(meta, extra)
        if wanted and not any(_matches(s, meta) for s in ignored):
            result.append(specs[code])
    return result


def _wanted(meta: RuleMeta, selectors: list[str]) -> bool:
    if meta.default:
        return any(_matches(s, meta) for s in selectors)
    return any(s == "ALL" or _matches(s, meta, exact_only=True) for s in selectors)
