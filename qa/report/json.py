"""``--format json``: the stable machine-readable shape (version 1)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from json.encoder import encode_basestring as _string
from typing import Any

from qa.diagnostic import Severity
from qa.engine.rule import RuleMeta
from qa.report import FileResult

_SEVERITY = {severity: str(severity) for severity in Severity}


def records(results: list[FileResult]) -> list[dict[str, Any]]:
    """One dict per diagnostic; ``start``/``end`` are code-point offsets, lines 1-based."""
    return list(_records(results))


def _records(results: list[FileResult]) -> Iterator[dict[str, Any]]:
    for result in results:
        position, source = result.lines.position, result.source
        for d in result.diagnostics:
            line, column = position(d.start)
            end_line, end_column = position(d.end)
            record: dict[str, Any] = {
                "path": result.path,
                "code": d.code,
                "name": d.name,
                "severity": _SEVERITY[d.severity],
                "message": d.message,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "start": d.start,
                "end": d.end,
                "text": source[d.start : d.end],
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
    """The bytes of ``json.dumps(report, ensure_ascii=False, indent=2)``, written out directly.

    The standard encoder with ``indent`` is pure Python and holds millions of small
    chunks for a big run; this writes one record at a time with the C string escaper.
    """
    parts = [_record(record) for record in _records(results)]
    if not parts:
        return '{\n  "version": 1,\n  "diagnostics": []\n}\n'
    return '{\n  "version": 1,\n  "diagnostics": [\n    ' + ",\n    ".join(parts) + "\n  ]\n}\n"


def _record(record: dict[str, Any]) -> str:
    """One record at nesting level 2; its keys are plain ASCII names."""
    items = []
    for name, value in record.items():
        kind = type(value)
        if kind is str:
            text = _string(value)
        elif kind is int:
            text = int.__repr__(value)
        else:
            text = _dump(value, 3)
        items.append(f'"{name}": {text}')
    return "{\n      " + ",\n      ".join(items) + "\n    }"


def _dump(value: Any, level: int) -> str:
    """One value as ``json.dumps(..., indent=2)`` lays it out at nesting ``level``."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{_string(str(k))}: {_dump(v, level + 1)}" for k, v in value.items())
    elif isinstance(value, list):
        if not value:
            return "[]"
        items = (_dump(v, level + 1) for v in value)
    else:
        return json.dumps(value)
    body = ("," + inner).join(items)
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    return f"{opening}{inner}{body}\n{'  ' * level}{closing}"
