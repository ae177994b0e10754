"""Precision per rule code from a hand-judged audit TSV (bench/spelling_audit_news.tsv).

Rows: file, start, code, word, first suggestion, verdict, suggestion-ok, note. A header
comment ``# words: N`` (the words checked) adds false alarms per 1,000 words.

Usage: python bench/audit_precision.py [audit.tsv]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).with_name("spelling_audit_news.tsv")


def summarise(path: Path) -> None:
    if not path.is_file():
        print(f"audit_precision: no such file: {path}", file=sys.stderr)
        sys.exit(2)
    words = 0
    errors: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    suggestions: Counter[tuple[str, str]] = Counter()  # (verdict, suggestion-ok)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# words:"):
            words = int(line.split(":")[1])
        if line.startswith("#") or not line.strip():
            continue
        _, _, code, _, _, verdict, suggestion_ok, _ = line.split("\t")
        findings[code] += 1
        errors[code] += verdict == "error"
        suggestions[verdict, suggestion_ok] += 1
    print("| code | findings | errors | false alarms | precision |\n|---|---:|---:|---:|---:|")
    for code in sorted(findings):
        print(
            f"| {code} | {findings[code]} | {errors[code]} | {findings[code] - errors[code]} | "
            f"{errors[code] / findings[code]:.3f} |"
        )
    total, right = findings.total(), errors.total()
    print(f"| all | {total} | {right} | {total - right} | {right / max(total, 1):.3f} |")
    if words:
        print(f"\nfalse alarms per 1,000 words: {1000 * (total - right) / words:.3f} ({words} words)")
    good, bad = suggestions["error", "yes"], suggestions["error", "no"]
    offered = sum(n for (_, ok), n in suggestions.items() if ok != "n/a")
    print(
        f"first suggestion right: {good}/{good + bad} errors with a suggestion "
        f"({good}/{offered} of all findings with one)"
    )


if __name__ == "__main__":
    summarise(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
