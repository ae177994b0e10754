"""U039: Indian and international digit grouping mixed in one document."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qa import api
from qa.checks.digit_grouping import _INDIAN, _INTERNATIONAL, regrouped
from qa.config import Config
from qa.diagnostic import Severity


@given(st.integers(min_value=100_000, max_value=10**15))
def test_regrouping_keeps_the_digits_and_shows_the_system(value: int) -> None:
    indian, international = regrouped(str(value), "Indian"), regrouped(str(value), "international")
    assert indian.replace(",", "") == international.replace(",", "") == str(value)
    assert _INDIAN.fullmatch(indian) and not _INTERNATIONAL.fullmatch(indian)
    assert _INTERNATIONAL.fullmatch(international) and not _INDIAN.fullmatch(international)
    assert regrouped(international, "Indian") == indian


def test_numbers_both_systems_read_alike_show_neither() -> None:
    for number in ("1,000", "12,345", "99,999"):
        assert not _INDIAN.fullmatch(number) and not _INTERNATIONAL.fullmatch(number)


def test_the_rarer_system_is_reported_each_time_with_its_regrouping() -> None:
    text = "ज़िले में 1,00,000 रुपये, 3,50,000 रुपये और 12,00,000 रुपये मिले; ठेके के 250,000 और 1,500,000 रुपये।"
    found = [(d.start, d.fix.edits[0].replacement) for d in api.check(text) if d.code == "U039" and d.fix]
    assert found == [(text.index("250,000"), "2,50,000"), (text.index("1,500,000"), "15,00,000")]


def test_two_systems_as_common_report_the_one_the_document_turns_to_later() -> None:
    text = "ख़बर है कि 1,00,000 रुपये मिले और बाद में 250,000 रुपये।"
    assert [text[d.start : d.end] for d in api.check(text) if d.code == "U039"] == ["250,000"]


def test_a_house_severity_applies_to_any_rule() -> None:
    """``severity`` in [tool.qa.rules.X] is a key of every rule: U039 (info) raised to a
    warning, U029 (a warning) to an error."""
    text = "ज़िले में 1,00,000 रुपये और 250,000 रुपये मिले, ५०० लोग आए।"
    config = Config()
    config.values["rules"] = {"U039": {"severity": "warning"}, "U029": {"severity": "error"}}
    found = {d.code: d.severity for d in api.check(text, config=config) if d.code in ("U029", "U039")}
    assert found == {"U039": Severity.WARNING, "U029": Severity.ERROR}
    plain = {d.code: d.severity for d in api.check(text) if d.code in ("U029", "U039")}
    assert plain == {"U039": Severity.INFO, "U029": Severity.WARNING}
