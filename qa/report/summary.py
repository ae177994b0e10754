"""The closing line every human-facing format prints."""

from __future__ import annotations

from collections import Counter

from qa.families import FAMILIES
from qa.report import FileResult


def plural(count: int, word: str) -> str:
    if count == 1:
        return f"{count} {word}"
    return f"{count} {word}{'es' if word.endswith(('s', 'x', 'ch', 'sh')) else 's'}"


def summary_line(results: list[FileResult], unread: int = 0) -> str:
    """Totals over the files checked; ``unread``: how many inputs could not be read."""
    severities = Counter(str(d.severity) for r in results for d in r.diagnostics)
    total = sum(severities.values())
    files = plural(len(results), "file")
    fixed = sum(r.fixed for r in results)
    fixed_note = f" ({plural(fixed, 'fix')} applied)" if fixed else ""
    if unread:
        files += f"; {plural(unread, 'file')} could not be read"
    if not total:
        return f"{'No' if unread else 'All clear: no'} problems in {files}.{fixed_note}"
    parts = [
        f"{severities[s]} info" if s == "info" else plural(severities[s], s)
        for s in ("error", "warning", "info")
        if severities[s]
    ]
    fixable = sum(1 for r in results for d in r.diagnostics if d.fix and d.fix.applicability == "safe")
    fixable_note = f" {fixable} fixable with --fix." if fixable else ""
    return f"Found {plural(total, 'problem')} ({', '.join(parts)}) in {files}.{fixable_note}{fixed_note}"


_SEVERITIES = ("error", "warning", "info")


def family_table(results: list[FileResult]) -> str:
    """Findings per family and severity, one row per family that has any."""
    counts = Counter((d.code[:1], str(d.severity)) for r in results for d in r.diagnostics)
    letters = sorted({letter for letter, _ in counts})
    if not letters:
        return ""
    rows = [f"{'family':<16}" + "".join(f"{s:>9}" for s in _SEVERITIES) + f"{'total':>9}"]
    for letter in letters:
        cells = [counts[(letter, s)] for s in _SEVERITIES]
        family = FAMILIES.get(letter)
        name = f"{letter} {family.name if family else ''}".rstrip()
        rows.append(f"{name:<16}" + "".join(f"{c:>9}" for c in cells) + f"{sum(cells):>9}")
    return "\n".join(rows)


def statistics(results: list[FileResult], unread: int = 0) -> str:
    """Counts per rule, most frequent first, the way ruff's --statistics prints them."""
    counts = Counter((d.code, d.name) for r in results for d in r.diagnostics)
    fixable = {d.code for r in results for d in r.diagnostics if d.fix and d.fix.applicability == "safe"}
    width = len(str(max(counts.values(), default=0)))
    lines = [
        f"{n:>{width}}\t{code}\t{'[*]' if code in fixable else '[ ]'} {name}"
        for (code, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return "".join(f"{line}\n" for line in lines) + summary_line(results, unread) + "\n"
