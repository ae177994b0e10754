"""Family U beyond the documented examples: fixes, one-per-paragraph findings,
code pages, configuration, and quiet clean copy."""

from __future__ import annotations

import pytest

from qa import api
from qa.checks.mojibake import COMMON, _decoding, repair
from qa.config import Config
from qa.diagnostic import Severity
from qa.engine import registry
from qa.errors import ConfigError

from conftest import SEED, shared

U_CODES = sorted(c for c in registry.load_specs() if c.startswith("U"))
HINDI = "ज़्यादा राष्ट्रपति ने कहा कि हिंदी में ख़बर आई, Delhi 2020 एक्सप्रेस।"


def _codes(text: str, config: Config | None = None) -> list[str]:
    return [d.code for d in api.check(text, config=config, select=U_CODES)]


def _misdecode(text: str, codec: str) -> str:
    """UTF-8 bytes read with the wrong code page (undefined bytes kept as C1 controls)."""
    table = _decoding(codec)
    return "".join(table[b][0] if b >= 0x80 else chr(b) for b in text.encode("utf-8"))


@pytest.mark.parametrize("codec", ["cp1252", "cp1251", "cp866", "cp874", "mac_roman"])
def test_mojibake_is_repaired_for_every_code_page(codec: str) -> None:
    damaged = _misdecode(HINDI, codec)
    assert repair(damaged) == HINDI
    found = [d for d in api.check(damaged, select=["U032"])]
    assert len(found) == 1 and found[0].suggestions == (HINDI,)


def test_half_repaired_mojibake_keeps_its_real_marks() -> None:
    assert repair("เคช्เคฐเคถ्เคจ") == "प्रश्न"


def test_one_mojibake_finding_per_paragraph() -> None:
    paragraph = _misdecode("हिंदी में ख़बर। दूसरी पंक्ति भी।", "cp1252")
    text = "\n\n".join([paragraph, "साफ़ हिंदी पाठ।", paragraph])
    assert _codes(text).count("U032") == 2


@pytest.mark.parametrize(
    "text",
    [
        "Café à la carte, naïve résumé — “quotes” and Ça va?",
        "Привет, мир: рд and рдa are Russian syllables.",
        "สวัสดีครับ เคยไป เคน ไหม",
        "देखें https://example.com/à¤¹ और mail@example.com #हिंदी 10:30 बजे",
    ],
)
def test_other_languages_are_not_mojibake(text: str) -> None:
    assert "U032" not in _codes(f"ज़्यादा राष्ट्रपति ने कहा।\n\n{text}")


def test_legacy_paragraph_is_reported_once_with_its_conversion() -> None:
    kruti = (
        "Hkkjr ljdkj us vkt dgk fd ns'k esa ykWdMkmu ugha gksxkA ;g fu.kZ; jkT;ksa ls ckr ds ckn fy;k x;kA"
    )
    text = f"ज़्यादा राष्ट्रपति ने कहा।\n\n{kruti}\n\nThe minister said the lockdown will end soon."
    found = [d for d in api.check(text, select=U_CODES) if d.code.startswith("U")]
    assert [d.code for d in found] == ["U033"]
    assert found[0].suggestions[0].startswith("भारत सरकार ने आज कहा कि देश में लॉकडाउन नहीं होगा।")


def test_english_hashtags_and_urls_in_hindi_copy_are_quiet() -> None:
    text = (
        "प्रधानमंत्री ने #COVID19 पर ट्वीट किया: Stay home, stay safe. "
        "ज़्यादा जानकारी https://www.mohfw.gov.in पर या ncov2019@gov.in से मिलेगी। "
        "WHO के मुताबिक 2.5 लाख लोग ठीक हुए; Dr. Tedros ने कहा, We must act now."
    )
    assert _codes(text) == []


def test_seed_article_has_no_u_warning_or_error() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = [d for d in api.check(text, select=U_CODES) if d.severity >= Severity.WARNING]
    assert found == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("डाॅक्टर और लेाग आए।", "डॉक्टर और लोग आए।"),
        ("शकंुतला आईं।", "शकुंतला आईं।"),
        ("हल चिह् न लगाएं।", "हल चिह्न लगाएं।"),
        ("अत: नि:शुल्क सेवा।", "अतः निःशुल्क सेवा।"),
        ("बैठक होगी | फिर सब लौटे।", "बैठक होगी । फिर सब लौटे।"),
        ("मुंंबई में हैंं।", "मुंबई में हैं।"),
        ("डॉ° शर्मा और उ०प्र० पुलिस।", "डॉ॰ शर्मा और उ॰प्र॰ पुलिस।"),
        ("सं\u200dक्रमण और बच्\u200dचे।", "संक्रमण और बच्चे।"),
    ],
)
def test_unsafe_fixes(text: str, fixed: str) -> None:
    assert api.fix(text, select=U_CODES, unsafe=True).text == fixed


def test_safe_fixes_leave_unsafe_ones_alone() -> None:
    text = "सर\u200bकार ने\u00a0कहा, प\u095dाई और डाॅक्टर।"
    assert api.fix(text, select=U_CODES).text == "सरकार ने कहा, पढ़ाई और डाॅक्टर।"


def test_zero_width_space_beside_a_space_is_only_info() -> None:
    found = api.check("सरकार \u200bने कहा।", select=["U002"])
    assert [d.severity for d in found] == [Severity.INFO]


def test_special_spaces_are_one_finding_per_document() -> None:
    found = api.check("सरकार\u00a0ने\u00a0कहा\u00a0कि\u00a0हां।", select=["U009"])
    assert len(found) == 1 and "4 no-break" in found[0].message and len(found[0].fix.edits) == 4


def test_label_colons_times_and_ratios_are_not_visarga() -> None:
    text = "समय: 10:30 बजे। दिल्ली: नया मामला। अनुपात 2:1 रहा। उन्होंने कहा: ठीक है।"
    assert "U026" not in _codes(text)


def test_tatsam_final_virama_is_not_a_broken_conjunct() -> None:
    assert "U019" not in _codes("जगत् के कल्याण और विद्युत् प्रवाह पर भगवन् की कृपा।")


def test_pipes_outside_hindi_sentences_are_not_dandas() -> None:
    assert "U023" not in _codes("नाम | उम्र | शहर\nEdited By Naina Gupta | नवभारत | Updated\nI am here. और/या")


def test_digits_house_choice() -> None:
    config = Config()
    config.values["digits"] = {"require": "ascii"}
    assert _codes("बैठक १५ मार्च को हुई।", config) == ["U029"]
    config.values["digits"] = {"require": "devanagari"}
    assert _codes("बैठक 15 मार्च को हुई।", config) == ["U029"]
    assert _codes("बैठक १५ मार्च को हुई।", config) == []
    config.values["digits"] = {"require": "roman"}
    with pytest.raises(ConfigError):
        api.check("बैठक 15 मार्च को हुई।", config=config, select=["U029"])


def test_mixed_digits_point_at_the_rarer_system() -> None:
    text = "15 मार्च 2020 को १० लोग आए।"
    (found,) = api.check(text, select=["U029"])
    assert text[found.start] == "१"


def test_nukta_encodings_of_one_word_are_one_warning() -> None:
    text = "\u095bेलेंस्की, \u091c\u093cेलेंस्की, प\u095dाई, प\u0922\u093cाई।"
    found = api.check(text, select=["U031"])
    assert len(found) == 1 and "ज़ेलेंस्की" in found[0].message and "पढ़ाई" in found[0].message


def test_offsets_survive_markdown() -> None:
    text = "# शीर्षक\n\n**ज़्यादा** राष्ट्रपति ने कहा कि सर\u200bकार तैयार है।\n"
    (found,) = api.check(text, format="markdown", select=["U002"])
    assert text[found.start : found.end] == "\u200b"


def test_clean_corpus_sample_is_quiet() -> None:
    path = shared("ud-hindi-pud", "hi_pud_sentences.tsv")
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    text = "\n".join(row.split("\t")[1] for row in rows if "\t" in row)
    found = [d for d in api.check(text, select=U_CODES) if d.severity >= Severity.WARNING]
    # Every remaining finding is real damage in the source (see docs/unicode.md).
    assert {d.code for d in found} <= {"U010", "U014", "U021"} and len(found) <= 5


def test_science_and_compounds_are_not_anomalies() -> None:
    text = "विस्कन्सिन Hα मैपर से भगवद् गीता तक, देशांतर 88° पू.दे.।"
    assert _codes(text) == []


def test_chemical_names_are_not_kruti_dev() -> None:
    assert "U033" not in _codes("यौगिक का आकार छोटा हो या बड़ा। alkyl nitrate alkyl nitrite 4-pyridyl")


def test_nukta_after_virama_is_normalisation_not_misplacement() -> None:
    text = "फ\u094d\u093cरेंच"
    assert _codes(text) == ["U030"]
    assert api.fix(text, select=U_CODES).text == "फ़्रेंच"


def test_bad_rule_option_is_a_rule_data_error() -> None:
    from qa.errors import RuleDataError

    config = Config()
    config.values["rules"] = {"U026": {"min-zipf": "high"}}
    with pytest.raises(RuleDataError):
        api.check("अत: ठीक।", config=config, select=["U026"])


def _u037_edits(text: str) -> list[str]:
    return [e.replacement for d in api.check(text) if d.code == "U037" and d.fix for e in d.fix.edits]


@pytest.mark.parametrize("mark", list(COMMON + "°©«»é×™‹"))
def test_punctuation_read_as_cp1252_is_put_back(mark: str) -> None:
    garbled = mark.encode("utf-8").decode("cp1252", errors="ignore")  # a lost byte is dropped
    text = f"ज़्यादा राष्ट्रपति ने कहा {garbled} ठीक है {garbled} और क़दम उठाया।"
    assert [d.code for d in api.check(text) if d.code.startswith("U")] == ["U037"]
    # U fixes only: P010 would also take out the spaces inside the quotes once they are back
    assert api.fix(text, select=["U"]).text == f"ज़्यादा राष्ट्रपति ने कहा {mark} ठीक है {mark} और क़दम उठाया।"


@pytest.mark.parametrize(
    ("garbled", "mark"),
    [("â€‹", "\u200b"), ("â€¯", "\u202f"), ("â€Ž", "\u200e"), ("â€Œ", "\u200c"), ("\xe2\x80\x9c", "“")],
)
def test_marks_sharing_a_prefix_with_a_quote_come_back_as_themselves(garbled: str, mark: str) -> None:
    assert _u037_edits(f"ज़्यादा राष्ट्रपति ने कहा{garbled}ठीक") == [mark]


def test_a_bare_lost_byte_before_a_letter_is_left_alone() -> None:
    assert _u037_edits("ज़्यादा राष्ट्रपति ने कहा â€œठीकâ€ है और राज्â€य") == ["“", "”"]


def test_punctuation_mojibake_leaves_damaged_hindi_and_double_damage_alone() -> None:
    hindi = "बैठक\u200bशुरू हुई और “ठीक है”".encode().decode("cp1252", errors="replace")
    assert "U037" not in [d.code for d in api.check(hindi)]  # U032 repairs the paragraph whole
    twice = (
        "ज़्यादा राष्ट्रपति ने कहा “ठीक”".encode().decode("cp1252", "replace").encode().decode("cp1252", "replace")
    )
    assert "U037" not in [d.code for d in api.check(twice)]  # no half repair of text damaged twice


def test_stray_latin_letters_are_reported_where_no_code_page_damage_explains_them() -> None:
    codes = [d.code for d in api.check("ज़्यादा राष्ट्रपति ने कहा भारतâ आगे और œभारत पीछे।")]
    assert codes.count("U022") == 2
