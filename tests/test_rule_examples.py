"""Every rule's documented examples run as tests (one generic test collects them all).

A failing example must produce the rule's code (at the ⟦marked⟧ spans, if marked),
a passing example must not, and a ``fixed`` text must be what ``--fix`` produces.
Each rule must also show one failing example with a conjunct, a vowel sign and a
nukta before the error on the same line: offsets and boundaries must survive them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from qa import api
from qa.config import Config
from qa.diagnostic import Diagnostic
from qa.engine import registry
from qa.engine.rule import Context, Example, RuleMeta

SPECS = registry.load_specs()
VIRAMA, NUKTA = "\u094d", "\u093c"
VOWEL_SIGNS = {chr(c) for c in range(0x093E, 0x094D)}


def _config(meta: RuleMeta, example: Example) -> Config:
    config = Config()
    config.values["extend-select"] = [meta.code]
    if example.options:
        config.values["rules"] = {meta.code: dict(example.options)}
    return config


def _date(example: Example) -> dt.date | None:
    return dt.date.fromisoformat(example.date) if example.date else None


def _cases(kind: str) -> list:
    cases = []
    for code, spec in sorted(SPECS.items()):
        examples = spec.meta.failing if kind == "fail" else spec.meta.passing
        cases += [pytest.param(spec.meta, ex, id=f"{code}-{kind}-{i}") for i, ex in enumerate(examples)]
    return cases


def _found(meta: RuleMeta, example: Example) -> list[tuple[int, int]]:
    diagnostics = api.check(example.plain, config=_config(meta, example), date=_date(example))
    return [(d.start, d.end) for d in diagnostics if d.code == meta.code]


@pytest.mark.parametrize(("meta", "example"), _cases("fail"))
def test_failing_example_is_reported(meta: RuleMeta, example: Example) -> None:
    found = _found(meta, example)
    assert found, f"{meta.code} did not fire on {example.plain!r}"
    if example.spans:
        assert sorted(found) == sorted(example.spans), [example.plain[s:e] for s, e in found]
    if example.fixed is not None:  # unsafe fixes too: the example shows what the fix does
        result = api.fix(
            example.plain, config=_config(meta, example), select=[meta.code], date=_date(example), unsafe=True
        )
        assert result.text == example.fixed
    if meta.fix == "none":
        assert not _edits(meta, example), f"{meta.code} emits an edit but is declared 'fix: none'"


def _edits(meta: RuleMeta, example: Example) -> list[Diagnostic]:
    """The rule's own findings before the linter drops the fixes of a ``fix: none`` rule."""
    linter = api.linter(_config(meta, example), select=[meta.code])
    document = api.document(example.plain)
    ctx = Context(document, linter.config, _date(example) or dt.date.today())
    return [d for rule in linter.rules for d in rule.check(ctx) if d.fix is not None]


@pytest.mark.parametrize(
    "meta", [s.meta for _, s in sorted(SPECS.items()) if s.meta.fix == "unsafe"], ids=lambda m: m.code
)
def test_unsafe_fix_says_why(meta: RuleMeta) -> None:
    assert "Fix safety: unsafe, because " in meta.doc, f"{meta.code}: say in its doc why the fix is unsafe"


@pytest.mark.parametrize(("meta", "example"), _cases("pass"))
def test_passing_example_is_quiet(meta: RuleMeta, example: Example) -> None:
    assert _found(meta, example) == [], f"{meta.code} fired on {example.plain!r}"


def _hard_context(example: Example, start: int) -> bool:
    text = example.plain
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    before = text[line_start:start]
    return VIRAMA in before and NUKTA in before and bool(VOWEL_SIGNS & set(before))


@pytest.mark.parametrize("meta", [s.meta for _, s in sorted(SPECS.items())], ids=lambda m: m.code)
def test_rule_is_tested_after_conjunct_matra_and_nukta(meta: RuleMeta) -> None:
    starts = []
    for example in meta.failing:
        spans = example.spans or [(s, e) for s, e in _found(meta, example)]
        starts += [(example, s) for s, _ in spans[:1]]
    if starts and all(s == 0 for _, s in starts):
        return  # a rule about the start of the file (a BOM) has no line before it
    assert any(_hard_context(ex, s) for ex, s in starts), (
        f"{meta.code}: add a failing example with a conjunct, a matra and a nukta before the error"
    )
