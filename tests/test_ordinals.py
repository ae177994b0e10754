"""Ordinal parsing (qa/text/ordinals.py) and the grammar rules F001–F007 beyond their examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from qa import api, config
from qa.errors import RuleDataError
from qa.text import ordinals, tokenize
from qa.text.ordinals import correct_form


def _one(text: str) -> ordinals.Ordinal:
    found = ordinals.find(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "kind", "inflection"),
    [
        ("47वें", 47, "digits", "oblique"),
        ("४७वें", 47, "digits", "oblique"),
        ("21वीं", 21, "digits", "fem"),
        ("106वाँ", 106, "digits", "direct"),
        ("1,000वां", 1000, "digits", "direct"),
        ("47वा", 47, "digits", "direct"),
        ("21वी", 21, "digits", "fem"),
        ("1ला", 1, "digits", "direct"),
        ("2री", 2, "digits", "fem"),
        ("4थे", 4, "digits", "oblique"),
        ("6ठा", 6, "digits", "direct"),
        ("47th", 47, "english", "none"),
        ("21st", 21, "english", "none"),
        ("पहली", 1, "word", "fem"),
        ("दूसरे", 2, "word", "oblique"),
        ("छठा", 6, "word", "direct"),
        ("छठवें", 6, "word", "oblique"),
        ("पंद्रहवें", 15, "word", "oblique"),
        ("पाँचवाँ", 5, "word", "direct"),
        ("पांचवीं", 5, "word", "fem"),
        ("नौवां", 9, "word", "direct"),
        ("नवां", 9, "word", "direct"),
        ("सौवां", 100, "word", "direct"),
        ("प्रथम", 1, "sanskrit", "none"),
        ("द्वितीय", 2, "sanskrit", "none"),
        ("दशम", 10, "sanskrit", "none"),
    ],
)
def test_parses_every_form(text: str, value: int, kind: str, inflection: str) -> None:
    o = _one(f"वह {text} था")
    assert (o.value, o.kind, o.inflection, o.text) == (value, kind, inflection, text)
    assert o.start == 3


def test_spaced_suffix_is_one_ordinal() -> None:
    o = _one("अमेरिका के 47 वें राष्ट्रपति")
    assert (o.value, o.spaced, o.suffix, o.text) == (47, True, "वें", "47 वें")


@pytest.mark.parametrize("text", ["12:30वें", "2.5वें", "x47th", "कुल 5 वे लोग", "पहलवान", "A47वें"])
def test_not_ordinals(text: str) -> None:
    assert ordinals.find(text) == []


def test_document_scan_matches_span_scan() -> None:
    text = "ज़्यादातर लोग 21वीं सदी में पहली बार प्रथम श्रेणी में 47th स्थान पर रहे।"
    doc = api.document(text)
    assert list(ordinals.in_document(doc)) == ordinals.find(text)


@pytest.mark.parametrize(
    ("value", "inflection", "form"),
    [(1, "direct", "पहला"), (2, "oblique", "दूसरे"), (3, "fem", "तीसरी"), (4, "direct", "चौथा"),
     (6, "fem", "छठी"), (5, "direct", "5वां"), (21, "fem", "21वीं"), (47, "oblique", "47वें")],
)  # fmt: skip
def test_correct_form(value: int, inflection: str, form: str) -> None:
    assert correct_form(value, inflection) == form


def _codes(text: str, code: str) -> list[str]:
    return [text[d.start : d.end] for d in api.check(text, select=[code])]


def test_fix_keeps_devanagari_digits() -> None:
    result = api.fix("ज़्यादातर लोग २१वी सदी की बात करते हैं।", select=["F002"])
    assert result.text == "ज़्यादातर लोग २१वीं सदी की बात करते हैं।"


def test_six_is_a_warning_and_one_to_four_errors() -> None:
    found = {d.message.split("'")[1]: str(d.severity) for d in api.check("2वें और 6वें चरण", select=["F001"])}
    assert found == {"2वें": "error", "6वें": "warning"}


def test_woman_office_holder_may_take_either_agreement() -> None:
    for text in ("मुर्मू भारत की 15वीं राष्ट्रपति हैं।", "मुर्मू भारत के 15वें राष्ट्रपति हैं।"):
        assert _codes(text, "F005") == [] and _codes(text, "F006") == []
    assert _codes("मुर्मू भारत की 15वें राष्ट्रपति हैं।", "F005") == ["की 15वें"]


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("21वां सदी में", "21वीं"), ("75वां वर्षगांठ पर", "75वीं"), ("106वीं संशोधन के", "106वें"),
     ("का 79वीं स्वतंत्रता दिवस है", "79वां")],
)  # fmt: skip
def test_head_gender_suggestion(text: str, suggestion: str) -> None:
    found = api.check(text, select=["F006"])
    assert [d.suggestions for d in found] == [(suggestion,)]


def test_head_gender_leaves_compound_heads() -> None:
    assert _codes("17वें लोकसभा चुनाव में और 150वें जयंती समारोह में", "F006") == []


def test_month_ordinal_but_not_the_march() -> None:
    assert _codes("15वीं अगस्त और 5वें मार्च को", "F007") == ["15वीं अगस्त", "5वें मार्च"]
    assert _codes("किसानों का 5वां मार्च दिल्ली पहुंचा", "F007") == []


@pytest.mark.parametrize(
    ("table", "message"),
    [('[rules.F006]\nfeminine = "पारी"\n', "[tool.qa.rules.F006] feminine must be a list"),
     ('[rules]\nF006 = "पारी"\n', "[tool.qa.rules.F006] must be a table")],
)  # fmt: skip
def test_a_misshapen_rule_option_is_a_rule_data_error(tmp_path: Path, table: str, message: str) -> None:
    (tmp_path / "qa.toml").write_text(table, encoding="utf-8")
    with pytest.raises(RuleDataError, match=regex.escape(message)):
        api.check("यह 21वां पारी है।", config=config.load(tmp_path / "qa.toml"))


def test_a_rule_option_list_replaces_the_default(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text('[rules.F006]\nfeminine = ["पारी"]\n', encoding="utf-8")
    found = api.check("यह 21वां पारी है।", config=config.load(tmp_path / "qa.toml"), select=["F006"])
    assert [d.suggestions for d in found] == [("21वीं",)]


@given(st.text(alphabet="0159०१५९,.:/ - वांलेरीथठtshndकa\u093e\u0902\n", max_size=24))
@example("5वां और 1,00,000वें")
@example(",5वीं")
@example("5.5वां")
@example("21 वीं")
@example("5वां6वां 12th")
@example("1st, 2nd, 3rd और 4th")
def test_digit_matches_are_the_full_patterns_matches(text: str) -> None:
    """The ordinals tried only at a number before a suffix word are those of a scan of the
    whole text."""
    expected = [m.span() for m in ordinals._DIGIT_ORDINAL.finditer(text)]
    index = tokenize.python_words(text)[2]
    assert [m.span() for m in ordinals.digit_matches(text, index)] == expected
