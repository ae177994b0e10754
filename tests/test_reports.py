"""Golden reports of the seed article in every format, and of a story with a house habit.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_reports.py``
and read the diff before committing it. The folder qa ran in (SARIF's ``%SRCROOT%``) is
written as ``file:///project/`` in the golden files, and the HTML page's constant style
sheet and script as ``…``.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from conftest import ROOT, run_qa

GOLDEN = ROOT / "fixtures" / "reports"
SEED_ARG = "fixtures/articles/putin-xi-call.txt"
HABIT_ARG = "fixtures/articles/house-habit.txt"
SEED_DATE = "2025-01-21"
FORMATS = ("full", "concise", "json", "sarif", "github", "gitlab", "junit", "html")


#: The HTML page's style sheet and script are constants of qa/report/html.py: left out here.
_CONSTANT = re.compile(r"(<style>|<script>).*?(</style>|</script>)", re.DOTALL)


def _check_golden(output: str, name: str) -> None:
    output = output.replace(ROOT.as_uri() + "/", "file:///project/")
    output = _CONSTANT.sub(r"\1…\2", output)
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_report_matches_golden(fmt: str) -> None:
    chosen = [] if fmt == "full" else ["--output-format", fmt]  # full is the default
    result = run_qa("check", "--exit-zero", "--date", SEED_DATE, *chosen, SEED_ARG)
    assert result.returncode == 0, result.stderr.decode()
    _check_golden(result.stdout.decode(), f"putin-xi-call.{fmt}")


@pytest.mark.parametrize("fmt", ["full", "html"])
def test_house_habit_report_matches_golden(fmt: str) -> None:
    result = run_qa("check", "--exit-zero", "--date", SEED_DATE, "--output-format", fmt, HABIT_ARG)
    assert result.returncode == 0, result.stderr.decode()
    _check_golden(result.stdout.decode(), f"house-habit.{fmt}")


def test_format_is_an_alias_and_text_is_full() -> None:
    """``--format text`` (the old spelling) gives the default report, the ``full`` golden."""
    old = run_qa("check", "--exit-zero", "--date", SEED_DATE, "--format", "text", SEED_ARG).stdout
    assert old == (GOLDEN / "putin-xi-call.full").read_bytes()


def test_json_records_follow_the_contract() -> None:
    result = run_qa("check", "--exit-zero", "--date", SEED_DATE, "--format", "json", SEED_ARG)
    report = json.loads(result.stdout)
    source = (ROOT / SEED_ARG).read_text(encoding="utf-8")
    assert report["version"] == 1 and report["diagnostics"]
    keys = {
        "path",
        "code",
        "name",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "text",
        "suggestions",
        "fix",
    }
    for record in report["diagnostics"]:
        assert keys <= record.keys()
        assert record["text"] == source[record["start"] : record["end"]]
        assert record["column"] == record["start"] + 1  # the seed is one line
        assert record["severity"] in ("error", "warning", "info")
