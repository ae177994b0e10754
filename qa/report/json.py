"""``--output-format json``: the stable machine-readable shape (version 1)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from json.encoder import encode_basestring as _string
from typing import Any

from qa.diagnostic import Severity
from qa.meta import RuleMeta
from qa.report import FileResult
from qa.report.options import DEFAULT, ReportOptions

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


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT) -> str:
    """The bytes of ``json.dumps(report, ensure_ascii=False, indent=2)``, written out directly.

    The standard encoder with ``indent`` is pure Python and slow on a big run; the
    records have a fixed shape, so each is laid out directly with the C string escaper.
    """
    parts = [_record(record) for record in _records(results)]
    if not parts:
        return '{\n  "version": 1,\n  "diagnostics": []\n}\n'
    return '{\n  "version": 1,\n  "diagnostics": [\n    ' + ",\n    ".join(parts) + "\n  ]\n}\n"


def _record(record: dict[str, Any]) -> str:
    """One record at nesting level 2 (its keys are plain ASCII names)."""
    items = []
    for name, value in record.items():
        kind = type(value)
        if kind is str:
            text = _string(value)
        elif kind is int:
            text = int.__repr__(value)
        elif value is None:
            text = "null"
        elif kind is list:  # the suggestions
            text = "[\n        " + ",\n        ".join(map(_string, value)) + "\n      ]" if value else "[]"
        else:
            text = _fix(value)
        items.append(f'"{name}": {text}')
    return "{\n      " + ",\n      ".join(items) + "\n    }"


def _fix(fix: dict[str, Any]) -> str:
    edits = ",\n          ".join(
        f'{{\n            "start": {e["start"]:d},\n            "end": {e["end"]:d},\n'
        f'            "replacement": {_string(e["replacement"])}\n          }}'
        for e in fix["edits"]
    )
    return (
        f'{{\n        "applicability": {_string(fix["applicability"])},\n        "edits": '
        + (f"[\n          {edits}\n        ]" if edits else "[]")
        + "\n      }"
    )
