"""One family table: every listing and report takes a family's name, section, category,
colour and tag from ``qa.families``, and a rule code must start with one of its letters."""

from __future__ import annotations

import json

import pytest

from qa.engine import registry
from qa.errors import RuleDataError
from qa.families import FAMILIES, LETTERS

from conftest import ROOT, run_qa


def test_every_builtin_rule_belongs_to_a_family() -> None:
    assert {spec.meta.family for spec in registry.load_specs().values()} <= set(FAMILIES)


def test_a_code_outside_the_families_is_refused(tmp_path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "rules:\n  - {code: Q001, name: q, type: pattern, pattern: x,"
        " severity: info, summary: s, message: m}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleDataError, match=f"family letter \\({LETTERS}\\)"):
        registry.load_file(path)


def test_reports_and_listings_read_the_table() -> None:
    sarif = json.loads(
        run_qa("check", "--exit-zero", "--format", "sarif", "fixtures/articles/putin-xi-call.txt").stdout
    )
    for rule in sarif["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["properties"]["tags"] == [FAMILIES[rule["id"][0]].sarif_tag]
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for family in FAMILIES.values():
        if any(spec.meta.family == family.letter for spec in registry.load_specs().values()):
            assert f"## {family.letter} — {family.title}" in reference
