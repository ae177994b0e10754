"""Golden reports of the seed article in every machine-readable and text format.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_reports.py``
and read the diff before committing it.
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import ROOT, run_qa

GOLDEN = ROOT / "fixtures" / "reports"
SEED_ARG = "fixtures/articles/putin-xi-call.txt"
SEED_DATE = "2025-01-21"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_seed_report_matches_golden(fmt: str) -> None:
    result = run_qa("check", "--exit-zero", "--no-color", "--date", SEED_DATE, "--format", fmt, SEED_ARG)
    assert result.returncode == 0, result.stderr.decode()
    output = result.stdout.decode()
    golden = GOLDEN / f"putin-xi-call.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


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


def test_sarif_declares_code_point_columns_and_rules() -> None:
    result = run_qa("check", "--exit-zero", "--date", SEED_DATE, "--format", "sarif", SEED_ARG)
    run = json.loads(result.stdout)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in run["results"]} <= rule_ids
