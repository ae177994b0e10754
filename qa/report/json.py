"""``--output-format json``: the stable machine-readable shape (version 1)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import orjson

from qa.diagnostic import Severity
from qa.meta import RuleMeta
from qa.report import FileResult, utf8
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
    """The text of ``json.dumps(report, ensure_ascii=False, indent=2)`` and a newline."""
    built = _built(results)
    return _standard(results) if built is None else built.decode()


def encode(
    results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT
) -> bytes | bytearray:
    """:func:`render`'s text as UTF-8, built as bytes: a big run's report written to a file
    is never held as text too (a Devanagari report's text takes twice its bytes). A file
    name that is not UTF-8 is written back as the bytes it was read from."""
    built = _built(results)
    return utf8(_standard(results)) if built is None else built


def _standard(results: list[FileResult]) -> str:
    """The report by the standard encoder: orjson refuses lone surrogates (a file name
    that is not UTF-8)."""
    return json.dumps({"version": 1, "diagnostics": records(results)}, ensure_ascii=False, indent=2) + "\n"


def _built(results: list[FileResult]) -> bytearray | None:
    """The report's bytes, or None when orjson refuses a lone surrogate.

    Each record is written by orjson's C encoder as soon as it is made (the standard
    encoder with ``indent`` is pure Python, and a list of every record would hold a big
    run's findings twice), into one buffer; a record sits two levels deep, so its lines
    are indented by four more spaces (a line break inside a JSON string is always escaped).
    """
    out = bytearray(b'{\n  "version": 1,\n  "diagnostics": [')
    separator = b"\n    "
    try:
        for record in _records(results):
            out += separator
            out += orjson.dumps(record, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n    ")
            separator = b",\n    "
    except orjson.JSONEncodeError:
        return None
    out += b"\n  ]\n}\n" if separator != b"\n    " else b"]\n}\n"
    return out
