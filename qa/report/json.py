"""``--format json``: the stable machine-readable shape (version 1)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from qa.engine.rule import RuleMeta
from qa.report import FileResult


def records(results: list[FileResult]) -> list[dict[str, Any]]:
    """One dict per diagnostic; ``start``/``end`` are code-point offsets, lines 1-based."""
    out = []
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
            out.append(record)
    return out


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], *, color: bool = False) -> str:
    return json.dumps({"version": 1, "diagnostics": records(results)}, ensure_ascii=False, indent=2) + "\n"
