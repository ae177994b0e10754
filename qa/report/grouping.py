"""A house habit repeated all through a story, as one group in the human reports.

From ``threshold`` findings of one rule in one file on, the text and HTML reports show
them as one group ("91 × P002 space-before-punctuation, all fixable with --fix") after
the file's other findings, so a story's few spelling slips are not buried under its
habits. Only mechanical findings fold: a safe fix that touches no letter, digit or
vowel sign (spaces, invisible characters, punctuation). A word-level finding is always
listed on its own, since the subeditor must see the word. Machine formats keep every
finding.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from qa.diagnostic import Diagnostic, Edit, apply_edits


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

    def changes(self, source: str) -> Counter[tuple[str, str]]:
        """How often each change occurs: (the flagged text with what its fix touches, fixed)."""
        counted: Counter[tuple[str, str]] = Counter()
        for d in self.diagnostics:
            edits = d.fix.edits if d.fix else ()
            lo = min([d.start, *(e.start for e in edits)])
            hi = max([d.end, *(e.end for e in edits)])
            moved = tuple(Edit(e.start - lo, e.end - lo, e.replacement) for e in edits)
            counted[source[lo:hi], apply_edits(source[lo:hi], moved)] += 1
        return counted

    def title(self) -> str:
        """``91 × P002 space-before-punctuation, all fixable with --fix``."""
        fixes = self.fixability()
        return f"{len(self.diagnostics)} × {self.code} {self.name}" + (f", {fixes}" if fixes else "")


def _wordless(text: str) -> bool:
    """No letter, vowel sign or digit in ``text``."""
    return not any(unicodedata.category(c)[0] in "LMN" for c in text)


def mechanical(d: Diagnostic, source: str) -> bool:
    """A safe fix on spaces, invisible characters or punctuation only: safe to fold."""
    if d.fix is None or d.fix.applicability != "safe" or not _wordless(source[d.start : d.end]):
        return False
    return all(_wordless(source[e.start : e.end] + e.replacement) for e in d.fix.edits)


def split(
    diagnostics: list[Diagnostic], threshold: int, source: str
) -> tuple[list[int], list[tuple[Group, list[int]]]]:
    """(indices of the findings shown one by one, the groups with their findings' indices).

    Indices point into ``diagnostics``, so a report can keep each finding's own anchor.
    """
    if not threshold:
        return list(range(len(diagnostics))), []
    foldable = [mechanical(d, source) for d in diagnostics]
    counts = Counter(d.code for d, fold in zip(diagnostics, foldable, strict=True) if fold)
    grouped = {code for code, n in counts.items() if n >= threshold}
    folded = [fold and d.code in grouped for d, fold in zip(diagnostics, foldable, strict=True)]
    singles = [i for i, fold in enumerate(folded) if not fold]
    groups = []
    for code in sorted(grouped, key=lambda c: (-counts[c], c)):
        members = [i for i, d in enumerate(diagnostics) if folded[i] and d.code == code]
        groups.append((Group(code, tuple(diagnostics[i] for i in members)), members))
    return singles, groups
