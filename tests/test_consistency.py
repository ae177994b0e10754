"""Matching keys, variant clusters (N001/N002) and house styles (N006)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa import api
from qa.checks.consistency_style import house_style
from qa.config import Config, load
from qa.errors import ConfigError
from qa.text.normalize import CLASSES, difference, features, key, without

from conftest import SEED, shared


@pytest.mark.parametrize(
    ("a", "b", "variation"),
    [
        ("गये", "गए", "shruti"),
        ("लिये", "लिए", "shruti"),
        ("नयी", "नई", "shruti"),
        ("जायेगा", "जाएगा", "shruti"),
        ("ज़्यादा", "ज्यादा", "nukta"),
        ("यहाँ", "यहां", "chandrabindu"),
        ("नरेन्द्र", "नरेंद्र", "nasal"),
        ("सम्बन्ध", "संबंध", "nasal"),
        ("पण्डित", "पंडित", "nasal"),
        ("डॉक्टर", "डाक्टर", "o"),
        ("अर्थात्", "अर्थात", "halant"),
        ("महत्त्व", "महत्व", "doubled"),
        ("अर्द्ध", "अर्ध", "doubled"),
        ("अंतर्राष्ट्रीय", "अंतरराष्ट्रीय", "register"),
        ("त्यौहारों", "त्योहारों", "register"),
    ],
)
def test_accepted_variants_share_a_key(a: str, b: str, variation: str) -> None:
    assert key(a) == key(b)
    assert difference(a, b) == {variation}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("बिरला", "बिड़ला"),  # ड़ is a letter, not an optional nukta
        ("है", "है़"),  # a nukta on ह is an error, not a variant
        ("स्थायी", "स्थाई"),  # the य belongs to the word
        ("सम्मेलन", "संमेलन"),  # म्म is not a nasal before its class
        ("अन्य", "अंय"),
        ("ये", "ए"),  # the pronoun has no vowel before the य
    ],
)
def test_different_spellings_keep_different_keys(a: str, b: str) -> None:
    assert key(a) != key(b)


def test_key_is_computed_on_nfc() -> None:
    decomposed, composed = "\u095b\u094d\u092f\u093e\u0926\u093e", "ज़्यादा"
    assert key(decomposed) == key(composed) and features(decomposed) == {"nukta"}


def _codes(text: str, config: Config | None = None, code: str = "N") -> list[tuple[str, str]]:
    return [
        (d.code, text[d.start : d.end]) for d in api.check(text, config=config) if d.code.startswith(code)
    ]


def test_three_way_cluster_reports_both_minorities_with_the_majority() -> None:
    text = (
        "राष्ट्रपति ज़ेलेंस्की ने कहा। ज़ेलेंस्की ने फ़ैसला किया। ज़ेलेंस्की ने दोहराया।\nबाद में जेलेंस्की ने कहा कि ज़ेलेन्स्की सरकार तैयार है।"
    )
    found = [d for d in api.check(text) if d.code == "N001"]
    assert [text[d.start : d.end] for d in found] == ["जेलेंस्की", "ज़ेलेन्स्की"]
    assert all(d.suggestions == ("ज़ेलेंस्की",) and d.fix and d.fix.applicability == "unsafe" for d in found)
    fixed = api.fix(text, unsafe=True).text
    assert fixed.count("ज़ेलेंस्की") == 5


def test_multi_word_name_and_headline_and_quotes() -> None:
    text = (
        "नरेन्द्र मोदी ने कहा\n\n"
        "प्रधानमंत्री नरेंद्र मोदी ने शुक्रवार को कहा, “नरेंद्र मोदी सरकार तैयार है।”\n"
        "ख़बर के मुताबिक “ट्रम्प” ने भी राष्ट्रपति ट्रंप के रूप में ट्रंप प्रशासन की बात की।"
    )
    assert _codes(text) == [("N001", "नरेन्द्र"), ("N001", "ट्रम्प")]


def test_tie_goes_to_the_first_spelling_unless_the_house_decides() -> None:
    text = "मंत्री अरविन्द ने कहा कि अरविंद सरकार तैयार है।"
    assert _codes(text) == [("N001", "अरविंद")]
    config = Config()
    config.values["house-style"] = {"nasal": "anusvara"}
    assert _codes(text, config) == [("N001", "अरविन्द")]


def test_ordinary_words_need_evidence() -> None:
    assert _codes("वह ज़रा रुका। जरा और मरण सत्य हैं।") == []
    assert _codes("यह काल का चक्र है, फ़ोन पर कॉल आया।") == []
    found = [(d.code, str(d.severity)) for d in api.check("लोग चले गए, सब गए पर वे नहीं गये।")]
    assert ("N002", "info") in found


def test_a_house_can_make_word_inconsistency_a_warning() -> None:
    config = Config()
    config.values["rules"] = {"N002": {"severity": "warning"}}
    found = [str(d.severity) for d in api.check("लोग चले गए, सब गए पर वे नहीं गये।", config=config)]
    assert found == ["warning"]
    loud = Config()
    loud.values["rules"] = {"N002": {"severity": "loud"}}
    with pytest.raises(ConfigError):
        api.check("लोग चले गए, सब गए पर वे नहीं गये।", config=loud)


def _n002(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    found = [d for d in api.check(text) if d.code == "N002"]
    return [(str(d.severity), text[d.start : d.end], d.suggestions) for d in found]


def test_a_one_off_spelling_that_is_no_word_is_a_warning() -> None:
    text = "कोरोना फैला, कोरोना से डर है, पर क़ोरोना का टीका नहीं।"
    assert _n002(text) == [("warning", "क़ोरोना", ("कोरोना",))]


def test_an_unknown_spelling_used_most_is_a_choice_but_the_known_one_is_the_fix() -> None:
    text = "क़ोरोना फैला, क़ोरोना से डर है, पर कोरोना का टीका नहीं।"
    assert _n002(text) == [("info", "क़ोरोना", ("कोरोना",))] * 2


def test_a_profile_can_raise_a_mix_of_accepted_spellings() -> None:
    config = Config()
    config.values["house-style"] = {"profile": "chd"}
    found = [(d.code, str(d.severity)) for d in api.check("हालांकि वह आया। हालाँकि वह गया।", config=config)]
    assert ("N002", "warning") in found
    assert house_style({"profile": "chd", "word-mix": "info"}).word_mix == "info"
    with pytest.raises(ConfigError):
        house_style({"word-mix": "loud"})


def test_nothing_is_reported_without_a_mix() -> None:
    assert _codes("ट्रम्प ने कहा कि ट्रम्प प्रशासन और हिन्दी सम्बन्ध गये।") == []


def test_house_style_profiles() -> None:
    daily = house_style({"profile": "daily"})
    assert daily.choice("chandrabindu") == "anusvara" and daily.choice("nukta") == "any"
    chd = house_style({"profile": "chd", "shruti": "glide"})
    assert chd.choice("chandrabindu") == "chandrabindu" and chd.choice("shruti") == "glide"
    config = Config()
    config.values["house-style"] = {"profile": "daily"}
    assert _codes("लोग यहाँ आए।", config) == [("N006", "यहाँ")]
    assert _codes("लोग ज़्यादा आए, ज्यादा नहीं।", config) == []  # nukta: any


def test_house_style_from_a_config_file(tmp_path) -> None:
    (tmp_path / "qa.toml").write_text('[house-style]\nprofile = "chd"\n', encoding="utf-8")
    config = load(tmp_path / "qa.toml")
    assert _codes("सरकार ने हिन्दी के लिये काम किया।", config) == [("N006", "हिन्दी"), ("N006", "लिये")]


@pytest.mark.parametrize(
    "table", [{"profile": "nope"}, {"nukta": "sometimes"}, {"colour": "anusvara"}, {"profile": 3}]
)
def test_bad_house_style_is_a_config_error(table: dict) -> None:
    with pytest.raises(ConfigError):
        house_style(table)


def test_seed_article_has_only_the_surname_first_findings() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert _codes(text) == [("N005", "जिनपिंग"), ("N005", "जिनपिंग")]


def test_false_alarms_on_real_newspaper_copy_stay_low() -> None:
    corpus = shared("hindi-news-covid2020", "corpus")
    words = alarms = 0
    for path in sorted(corpus.rglob("*.txt"))[::6]:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        alarms += sum(1 for d in api.check(text) if d.code.startswith("N") and d.severity >= 2)
    assert words > 50_000 and 1000 * alarms / words <= 0.5


DEVANAGARI_TEXT = st.text(
    alphabet=st.sampled_from([chr(c) for c in range(0x0900, 0x0970)] + list("गयेलिपंडत्")), max_size=12
)


@given(DEVANAGARI_TEXT)
def test_key_is_idempotent_and_removing_a_variation_keeps_the_key(word: str) -> None:
    k = key(word)
    assert key(k) == k
    for name in CLASSES:
        assert key(without(word, name)) == k
