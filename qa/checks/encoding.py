"""Checks on how the file was encoded."""

from __future__ import annotations

from collections.abc import Iterator

from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

BOM = "\ufeff"


class LeadingBom(Rule):
    """A byte order mark at the start: removed by the reader, or still in the text."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if ctx.document.metadata.get("bom"):
            yield self.diagnostic(0, 0)
        elif ctx.document.source.startswith(BOM) and ctx.text.startswith(BOM):
            yield self.diagnostic(0, 1, suggestions=("",))  # kept by --fix (see the doc)
