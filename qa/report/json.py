"""``--output-format json``: the stable machine-readable shape (version 1)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

import orjson

from qa.diagnostic import Diagnostic, Edit, Severity
from qa.meta import RuleMeta
from qa.report import FileResult, utf8
from qa.report.options import DEFAULT, ReportOptions

_SEVERITY = {severity: str(severity) for severity in Severity}


def records(results: list[FileResult]) -> list[dict[str, Any]]:
    """One dict per diagnostic; ``start``/``end`` are code-point offsets, lines 1-based."""
    return [record for result in results for record in _file_records(result, result.diagnostics)]


#: Findings encoded together: one orjson call each, and a bounded list of records.
_CHUNK = 512


def _file_records(result: FileResult, diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    """The records of ``diagnostics``, findings in ``result`` (line and column read from its
    line starts directly)."""
    path, source, starts = result.path, result.source, result.lines.starts
    records = []
    for d in diagnostics:
        start, end, fix = d.start, d.end, d.fix
        line = bisect_right(starts, start)
        end_line = bisect_right(starts, end)
        record: dict[str, Any] = {
            "path": path,
            "code": d.code,
            "name": d.name,
            "severity": _SEVERITY[d.severity],
            "message": d.message,
            "line": line,
            "column": start - starts[line - 1] + 1,
            "end_line": end_line,
            "end_column": end - starts[end_line - 1] + 1,
            "start": start,
            "end": end,
            "text": source[start:end],
            "suggestions": list(d.suggestions),
            "fix": None if fix is None else {"applicability": fix.applicability, "edits": _edits(fix.edits)},
        }
        if d.field is not None:
            record["field"] = d.field
        records.append(record)
    return records


def _edits(edits: tuple[Edit, ...]) -> list[dict[str, Any]]:
    if len(edits) == 1:  # most fixes: no comprehension to set up
        (e,) = edits
        return [{"start": e.start, "end": e.end, "replacement": e.replacement}]
    return [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in edits]


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
    import json  # only here: the standard encoder costs a run 3 ms to import

    return json.dumps({"version": 1, "diagnostics": records(results)}, ensure_ascii=False, indent=2) + "\n"


def _built(results: list[FileResult]) -> bytearray | None:
    """The report's bytes, or None when orjson refuses a lone surrogate.

    The records are written by orjson's C encoder as soon as they are made, a file's
    :data:`_CHUNK` at a time (the standard encoder with ``indent`` is pure Python, and a
    list of every record would hold a big run's findings twice), into one buffer; orjson
    lays a list out one level deep, and a record sits two levels deep, so its lines are
    indented by two more spaces (a line break inside a JSON string is always escaped).
    """
    out = bytearray(b'{\n  "version": 1,\n  "diagnostics": [')
    separator = b"\n    "
    try:
        for result in results:
            for at in range(0, len(result.diagnostics), _CHUNK):
                chunk = _file_records(result, result.diagnostics[at : at + _CHUNK])
                # "[\n  {...},\n  {...}\n]": the records one level deep; they sit two deep
                listed = orjson.dumps(chunk, option=orjson.OPT_INDENT_2)
                out += separator
                out += listed[4:-2].replace(b"\n", b"\n  ")
                separator = b",\n    "
    except orjson.JSONEncodeError:
        return None
    out += b"\n  ]\n}\n" if separator != b"\n    " else b"]\n}\n"
    return out
