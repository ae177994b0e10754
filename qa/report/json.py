"""``--output-format json``: the stable machine-readable shape (version 1)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
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
    """The text of ``json.dumps(report, ensure_ascii=False, indent=2)`` and a newline
    (:func:`encode`'s bytes, a file name that is not UTF-8 read back as lone surrogates)."""
    return b"".join(encode(results, rules, options)).decode("utf-8", "surrogateescape")


def encode(
    results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT
) -> Iterator[bytes]:
    """:func:`render`'s text as UTF-8, made a file's :data:`_CHUNK` findings at a time as
    it is written: a big run's report is never held whole, as text or bytes, nor a list of
    every record (which would hold its findings twice). A file name that is not UTF-8 is
    written back as the bytes it was read from. Each chunk of records is laid out by
    :func:`_listed` one level deep; a record sits two levels deep, so its lines are
    indented by two more spaces (a line break inside a JSON string is always escaped)."""
    yield b'{\n  "version": 1,\n  "diagnostics": ['
    separator = b"\n    "
    for result in results:
        for at in range(0, len(result.diagnostics), _CHUNK):
            chunk = _file_records(result, result.diagnostics[at : at + _CHUNK])
            # "[\n  {...},\n  {...}\n]": the records one level deep; they sit two deep
            yield separator + _listed(chunk)[4:-2].replace(b"\n", b"\n  ")
            separator = b",\n    "
    yield b"\n  ]\n}\n" if separator != b"\n    " else b"]\n}\n"


def _listed(chunk: list[dict[str, Any]]) -> bytes:
    """``chunk`` laid out as ``json.dumps(chunk, ensure_ascii=False, indent=2)``, by orjson
    where it can; by the standard encoder where orjson refuses a lone surrogate (a file name
    that is not UTF-8)."""
    try:
        return orjson.dumps(chunk, option=orjson.OPT_INDENT_2)
    except orjson.JSONEncodeError:
        import json  # only here: the standard encoder costs a run 3 ms to import

        return utf8(json.dumps(chunk, ensure_ascii=False, indent=2))
