"""The word-scan rule types are engine types: their options are declared and checked
when a rule file loads, so a misspelt option is an error, never silently ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import api
from qa.config import Config
from qa.engine import registry
from qa.engine.words import OPTIONS
from qa.errors import RuleDataError

ENTRY = """rules:
  - code: U900
    name: test-rule
    type: {kind}
    severity: warning
    summary: A test rule.
    message: "found {{match}}"
    examples: {{fail: ["x"], pass: ["y"]}}
{options}
"""


def _load(tmp_path: Path, kind: str, options: str) -> list[registry.RuleSpec]:
    path = tmp_path / "rules.yaml"
    path.write_text(ENTRY.format(kind=kind, options=options), encoding="utf-8")
    return registry.load_file(path)


@pytest.mark.parametrize(
    ("kind", "options", "error"),
    [
        ("guarded-pattern", '    pattern: "x"\n    gaurd: "x"', "unknown keys gaurd"),
        ("guarded-pattern", '    pattern: "x"', "need a 'guard' string"),
        ("word-pattern", '    pattern: "x"\n    unless_when: "x"', "unknown keys unless_when"),
        ("word-pattern", "    whole: true", "need a 'pattern' string"),
        ("mapped-sequence", '    map: {"a": "b"}\n    pattern: "x"', "unknown keys pattern"),
        ("mapped-sequence", "    map: {}", "need 'map'"),
    ],
)
def test_bad_options_are_refused_at_load(tmp_path: Path, kind: str, options: str, error: str) -> None:
    with pytest.raises(RuleDataError, match=error):
        _load(tmp_path, kind, options)


def test_every_type_runs_from_a_rule_file(tmp_path: Path) -> None:
    """A desk's rule file may use the types; each finds the error after a conjunct,
    a matra and a nukta."""
    rules = tmp_path / "desk.yaml"
    rules.write_text(
        """rules:
  - code: U901
    name: guarded-test
    type: guarded-pattern
    severity: warning
    summary: A guarded pattern.
    message: "found {match}"
    guard: "\\u00a0"
    pattern: "\\u00a0"
    examples: {fail: ["क\\u00a0ख"], pass: ["क ख"]}
  - code: U902
    name: word-test
    type: word-pattern
    severity: warning
    summary: A word pattern.
    message: "found {word}"
    pattern: "ाा"
    replacement: "ा"
    fix: safe
    examples: {fail: ["राजाा"], pass: ["राजा"]}
  - code: U903
    name: mapped-test
    type: mapped-sequence
    severity: warning
    summary: A mapped sequence.
    message: "found {wrong} ({codes})"
    map: {"ेे": "े", "ंं": null}
    examples: {fail: ["केे"], pass: ["के"]}
""",
        encoding="utf-8",
    )
    config = Config()
    config.values["rule-files"] = [str(rules)]
    config.values["select"] = ["U901", "U902", "U903"]
    text = "ज़्यादा\u00a0लोग ज़्यादा राजाा और ज़्यादा केे साथ ज़्यादा संंग\n"
    found = {(d.code, text[d.start : d.end]) for d in api.check(text, config=config)}
    assert found == {("U901", "\u00a0"), ("U902", "ाा"), ("U903", "ेे"), ("U903", "ंं")}
    assert set(OPTIONS) <= set(registry._TYPE_KEYS)
