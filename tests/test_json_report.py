"""The JSON report's bytes are those of ``json.dumps(..., indent=2)``, also where orjson
cannot write them (a file name that is not UTF-8 decodes to lone surrogates)."""

from __future__ import annotations

import json

import pytest

from qa.diagnostic import Diagnostic, Edit, Fix, Severity
from qa.report import FileResult, utf8
from qa.report import json as json_report
from qa.report.json import records, render

SOURCE = 'ज़्यादा राष्ट्रपति ने कहा ,बातचीत\n"जारी"\tहै।\n'
FINDING = Diagnostic(
    "P001",
    "comma-space",
    Severity.WARNING,
    'a "quoted"\nmessage',
    26,
    28,
    (", ",),
    Fix((Edit(26, 28, ", "),)),
)


def _expected(results: list[FileResult]) -> str:
    return json.dumps({"version": 1, "diagnostics": records(results)}, ensure_ascii=False, indent=2) + "\n"


def test_same_bytes_as_json_dumps() -> None:
    results = [
        FileResult("समाचार.txt", SOURCE, [FINDING, FINDING.shifted(0, 7, None)]),
        FileResult("b", "", []),
    ]
    assert render(results, {}) == _expected(results)
    assert render([], {}) == _expected([])


@pytest.mark.parametrize("chunk", [1, 2, 512])
def test_files_written_together_are_json_dumps_of_all_their_records(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Records are encoded a chunk at a time: files with and without findings, in any
    order, a fix of two edits, a finding on the last line, and a field."""
    monkeypatch.setattr(json_report, "_CHUNK", chunk)
    two = Fix((Edit(0, 3, ""), Edit(26, 28, ", ")), "unsafe")
    last = Diagnostic("U001", "n", Severity.INFO, "m", len(SOURCE) - 2, len(SOURCE), (), two, "body")
    results = [
        FileResult("empty", "", []),
        FileResult("a.txt", SOURCE, [FINDING, last, FINDING.shifted(3, 5, None)]),
        FileResult("b.txt", "", []),
        FileResult("c.txt", SOURCE, [FINDING.shifted(0, 7, None)]),
        FileResult("d.txt", SOURCE, []),
    ]
    assert render(results, {}) == _expected(results)
    assert render(results[:1], {}) == _expected(results[:1])


def test_a_name_that_is_not_utf8() -> None:
    results = [FileResult("caf\udce9.txt", SOURCE, [FINDING])]
    assert render(results, {}) == _expected(results)


@pytest.mark.parametrize("chunk", [1, 512])
def test_the_encoded_pieces_are_the_report_as_utf8(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """``encode`` (what ``qa check`` writes, a piece at a time) gives the bytes of
    ``json.dumps``'s report, also where one file's name makes orjson refuse its chunks only."""
    monkeypatch.setattr(json_report, "_CHUNK", chunk)
    results = [
        FileResult("a.txt", SOURCE, [FINDING, FINDING.shifted(0, 7, None)]),
        FileResult("caf\udce9.txt", SOURCE, [FINDING]),
        FileResult("b.txt", SOURCE, [FINDING]),
    ]
    for files in (results, results[:1], results[1:2], []):
        assert b"".join(json_report.encode(files, {})) == utf8(_expected(files))
