"""Suppression comments in copy.

``<!-- qa: disable P001,T -->`` … ``<!-- qa: enable -->`` silences codes (or prefixes)
from the comment on; ``<!-- qa: disable-line P001 -->`` silences the line it stands on
(anywhere on it, usually at its end); ``<!-- qa: disable-next-line P001 -->`` silences the
next line. No codes means every rule. A comment that silenced nothing is itself reported.
The same comment works in plain text, Markdown, HTML and CMS JSON fields: the readers
never lint it, and HTML and Markdown never publish it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text.lines import LineIndex

_COMMENT = regex.compile(
    r"<!--\s*qa:\s*(?P<action>disable-next-line|disable-line|disable|enable)(?P<codes>[^>]*?)\s*-->",
)
_SPLIT = regex.compile(r"[\s,]+")


@dataclass
class Region:
    """The text where a ``qa:`` comment turns rules off (every rule when ``codes`` is empty)."""

    codes: tuple[str, ...]  # empty: every rule
    start: int
    end: int
    comment: tuple[int, int]
    used: bool = False

    def covers(self, diagnostic: Diagnostic) -> bool:
        if not self.start <= diagnostic.start < self.end:
            return False
        return not self.codes or any(diagnostic.code.startswith(c) for c in self.codes)


def regions(source: str, lines: LineIndex) -> list[Region]:
    """The suppressed regions of ``source`` (offsets into the source)."""
    found: list[Region] = []
    open_regions: list[Region] = []
    for m in _COMMENT.finditer(source):
        codes = tuple(c for c in _SPLIT.split(m.group("codes").strip().upper()) if c)
        action, comment = m.group("action"), m.span()
        if action in ("disable-line", "disable-next-line"):
            line = lines.line_of(m.start()) if action == "disable-line" else lines.line_of(m.end()) + 1
            if line < lines.line_count:
                start, end = lines.line_span(line)
                found.append(Region(codes, start, max(end, start + 1), comment))
        elif action == "disable":
            region = Region(codes, m.end(), len(source), comment)
            open_regions.append(region)
            found.append(region)
        else:
            for region in [r for r in open_regions if not codes or set(r.codes) <= set(codes)]:
                region.end = m.start()
                open_regions.remove(region)
    return found


def apply(diagnostics: list[Diagnostic], found: list[Region]) -> list[Diagnostic]:
    """The diagnostics no region covers; marks the regions that were used."""
    if not found:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        covering = [r for r in found if r.covers(diagnostic)]
        for region in covering:
            region.used = True
        if not covering:
            kept.append(diagnostic)
    return kept


class UnusedSuppression(Rule):
    """Reports suppression comments that silenced nothing (the runner feeds it)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        return iter(())

    def unused(self, found: list[Region]) -> Iterator[Diagnostic]:
        for region in found:
            if not region.used:
                start, end = region.comment
                codes = ", ".join(region.codes) or "all rules"
                yield self.diagnostic(start, end, self.meta.message.format(codes=codes))
