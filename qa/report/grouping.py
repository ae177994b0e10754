"""A house habit repeated all through a story, as one group in the human reports.

From ``threshold`` findings of one rule in one file on, the text and HTML reports show
them as one group ("91 × P002 space-before-punctuation, all fixable with --fix") after
the file's other findings, so a story's few spelling slips are not buried under its
habits. Machine formats keep every finding.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from qa.diagnostic import Diagnostic


@dataclass(frozen=True, slots=True)
class Group:
    """The findings of one rule in one file, shown together."""

    code: str
    diagnostics: tuple[Diagnostic, ...]

    @property
    def name(self) -> str:
        return self.diagnostics[0].name

    def fixability(self) -> str:
        """ "all fixable with --fix", "7 fixable with --fix", … or "" when none is."""
        count = len(self.diagnostics)
        safe = sum(1 for d in self.diagnostics if d.fix and d.fix.applicability == "safe")
        unsafe = sum(1 for d in self.diagnostics if d.fix and d.fix.applicability == "unsafe")
        notes = []
        if safe:
            notes.append(f"{'all' if safe == count else safe} fixable with --fix")
        if unsafe:
            notes.append(f"{'all' if unsafe == count else unsafe} fixable with --fix --unsafe-fixes")
        return ", ".join(notes)

    def title(self) -> str:
        """``91 × P002 space-before-punctuation, all fixable with --fix``."""
        fixes = self.fixability()
        return f"{len(self.diagnostics)} × {self.code} {self.name}" + (f", {fixes}" if fixes else "")


def split(diagnostics: list[Diagnostic], threshold: int) -> tuple[list[int], list[tuple[Group, list[int]]]]:
    """(indices of the findings shown one by one, the groups with their findings' indices).

    Indices point into ``diagnostics``, so a report can keep each finding's own anchor.
    """
    counts = Counter(d.code for d in diagnostics)
    grouped = {code for code, n in counts.items() if threshold and n >= threshold}
    singles = [i for i, d in enumerate(diagnostics) if d.code not in grouped]
    groups = []
    for code in sorted(grouped, key=lambda c: (-counts[c], c)):
        members = [i for i, d in enumerate(diagnostics) if d.code == code]
        groups.append((Group(code, tuple(diagnostics[i] for i in members)), members))
    return singles, groups
