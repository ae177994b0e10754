"""``--format json``: the stable machine-readable shape (version 1)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from qa.engine.rule import RuleMeta
from qa.report import FileResult


def records(results: list[FileResult]) -> list[dict[str, Any]]:
    """One dict per diagnostic; ``start``/``end`` are code-point offsets, lines 1-based."""
    return list(_records(results))


def _records(results: list[FileResult]) -> Iterator[dict[str, Any]]:
    for result in results:
        for d in result.diagnostics:
            line, column = result.position(d.start)
            end_line, end_column = result.position(d.end)
            record: dict[str, Any] = {
                "path": result.path,
                "code": d.code,
                "name": d.name,
                "severity": str(d.severity),
                "message": d.message,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "start": d.start,
                "end": d.end,
                "text": result.source[d.start : d.end],
                "suggestions": list(d.suggestions),
                "fix": None
                if d.fix is None
                else {
                    "applicability": d.fix.applicability,
                    "edits": [
                        {"start": e.start, "end": e.end, "replacement": e.replacement} for e in d.fix.edits
                    ],
                },
            }
            if d.field is not None:
                record["field"] = d.field
            yield record


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], *, color: bool = False) -> str:
    # The same bytes as json.dumps(report, indent=2), one record at a time: encoding the whole
    # report at once holds millions of small string chunks (over 100 MB for a big run).
    parts = ['{\n  "version": 1,\n  "diagnostics": [\n']
    for record in _records(results):
        parts.append(
            ("" if len(parts) == 1 else ",\n") + _indented(json.dumps(record, ensure_ascii=False, indent=2))
        )
    if len(parts) == 1:
        return json.dumps({"version": 1, "diagnostics": []}, indent=2) + "\n"
    parts.append("\n  ]\n}\n")
    return "".join(parts)


def _indented(text: str) -> str:
    return "    " + text.replace("\n", "\n    ")  # JSON strings never hold a raw line break
