"""The closing line every human-facing format prints."""

from __future__ import annotations

from collections import Counter

from qa.report import FileResult


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(results: list[FileResult]) -> str:
    severities = Counter(str(d.severity) for r in results for d in r.diagnostics)
    total = sum(severities.values())
    files = _plural(len(results), "file")
    fixed = sum(r.fixed for r in results)
    fixed_note = f" ({_plural(fixed, 'fix')} applied)" if fixed else ""
    if not total:
        return f"All clear: no problems in {files}.{fixed_note}"
    parts = [
        f"{severities[s]} info" if s == "info" else _plural(severities[s], s)
        for s in ("error", "warning", "info")
        if severities[s]
    ]
    fixable = sum(1 for r in results for d in r.diagnostics if d.fix and d.fix.applicability == "safe")
    fixable_note = f" {fixable} fixable with --fix." if fixable else ""
    return f"Found {_plural(total, 'problem')} ({', '.join(parts)}) in {files}.{fixable_note}{fixed_note}"
