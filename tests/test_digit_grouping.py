"""U039: Indian and international digit grouping mixed in one document; U040: grouped neither way."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qa import api
from qa.checks.digit_grouping import _INDIAN, _INTERNATIONAL, malformed, regrouped
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


@given(st.integers(min_value=1_000, max_value=10**12), st.sampled_from(["Indian", "international"]))
def test_a_number_grouped_either_way_is_well_formed(value: int, system: str) -> None:
    assert not malformed(regrouped(str(value), system))


def test_u040_reads_only_what_grouping_wrote() -> None:
    assert malformed("1,00,00") and malformed("41,00000") and malformed("5,07,72,63") and malformed("36,05")
    assert not malformed("12,14,15")  # a list: no group opens with 0
    assert not malformed("1,00,000") and not malformed("100,000") and not malformed("1,000")
    text = "ज़िले में 1,00,00 रुपये, 28,01.2021 की तारीख़ और वार्ड 12,14,15।"
    assert [text[d.start : d.end] for d in api.check(text) if d.code == "U040"] == ["1,00,00"]
