"""Family T's precision gates (qa.checks.spelling_doubts), alone and through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import api
from qa.checks import spelling_doubts
from qa.checks.confusion import context_counts
from qa.config import Config
from tests.conftest import run_qa


def t_findings(text: str) -> list[tuple[str, str]]:
    config = Config()
    config.values["select"] = ["T"]
    return [(d.code, text[d.start : d.end]) for d in api.check(text, config=config)]


@pytest.mark.parametrize(
    ("word", "candidate"),
    [("मरजी", "मर्जी"), ("अगरवाल", "अग्रवाल"), ("मिलिटरी", "मिलिट्री"), ("डिगरी", "डिग्री")],
)
def test_schwa_written_out_in_an_r_cluster_is_a_variant(word: str, candidate: str) -> None:
    assert spelling_doubts.schwa_variant(word, candidate)


@pytest.mark.parametrize(
    ("word", "candidate"),
    [
        ("संपरक", "संपर्क"),  # the inherent vowel is not silent before a final consonant
        ("उनहोंने", "उन्होंने"),  # not an r-cluster
        ("करम", "कर्म"),
        ("परकार", "प्रकार"),  # a word-initial cluster: nothing before it to carry the vowel
        ("मर्जी", "मरजी"),  # the other way round is not the variant
    ],
)
def test_other_halant_drops_are_not_schwa_variants(word: str, candidate: str) -> None:
    assert not spelling_doubts.schwa_variant(word, candidate)


def test_look_alike_vowel_signs_are_the_unicode_familys() -> None:
    assert spelling_doubts.damaged_signs("काे")
    assert spelling_doubts.damaged_signs("कोरेाना")
    assert not spelling_doubts.damaged_signs("को")
    assert not spelling_doubts.damaged_signs("केे")  # a doubled sign stays T003's


@pytest.mark.parametrize("word", ["बुद््ध", "क्ा", "रिपोटोर्ं"])
def test_a_virama_carrying_a_sign_is_the_unicode_familys(word: str) -> None:
    assert spelling_doubts.damaged_signs(word)


def test_a_damaged_virama_is_reported_once_with_the_word_it_stands_for() -> None:
    found = api.check("इसी काल में बुद््ध और महावीर जैसे महापुरुष हुए।")
    assert [(d.code, d.start, d.suggestions[:1]) for d in found] == [("T002", 12, ("बुद्ध",))]


def test_a_damaged_virama_no_word_explains_stays_the_unicode_rules() -> None:
    found = api.check("ज़िले में रिपोटोर्ं सामने आईं।")
    assert [d.code for d in found] == ["U016"]


def test_two_signs_for_one_stay_the_unicode_rules() -> None:
    assert spelling_doubts.signs_for_one("कोरेाना")
    assert not spelling_doubts.signs_for_one("बुद््ध")


@pytest.mark.parametrize("word", ["हील", "हैच", "सेव", "कोक", "केप"])
def test_short_words_that_spell_english_words(word: str) -> None:
    assert spelling_doubts.english_reading(word)


@pytest.mark.parametrize("word", ["के", "मजदूरों", "ज़्यादातर", "क्ष्म"])
def test_words_that_spell_no_english_word(word: str) -> None:
    assert not spelling_doubts.english_reading(word)


def test_two_transliterations_of_one_english_word_are_variants() -> None:
    assert spelling_doubts.transliteration_variant("टैक्सास", "टेक्सास")
    assert spelling_doubts.transliteration_variant("बॉलिवुड", "बॉलीवुड")
    assert not spelling_doubts.transliteration_variant("मजदूरों", "मज़दूरों")  # no English word
    assert not spelling_doubts.transliteration_variant("कंटोल", "कंट्रोल")  # a letter dropped


def test_case_markers_cannot_follow_a_postposition_or_auxiliary() -> None:
    assert spelling_doubts.reading_ungrammatical("में", "ने")
    assert spelling_doubts.reading_ungrammatical("है", "के")
    assert not spelling_doubts.reading_ungrammatical("में", "से")  # में से
    assert not spelling_doubts.reading_ungrammatical("है", "की")  # है की: the कि slip
    assert not spelling_doubts.reading_ungrammatical("और", "ने")


def test_a_title_before_the_word_makes_it_a_name() -> None:
    text = "ब्रिटिश प्रधानमंत्री मे और हाजी नेब"
    assert spelling_doubts.after_title(text, text.index("मे"))
    assert spelling_doubts.after_title(text, text.index("नेब"))
    assert not spelling_doubts.after_title(text, text.index("और"))


def test_honorifics_are_the_titles_seldom_followed_by_a_function_word() -> None:
    counts = context_counts()
    assert counts.honorific("श्रीमती")
    assert not counts.honorific("मंत्री")  # मंत्री के, मंत्री ने: a role noun


def test_hyphenated_loan_parts() -> None:
    text = "दुकान प्री-पेड फ़ोन"
    start = text.index("पेड")
    assert spelling_doubts.in_hyphenated_loan(text, start, start + 3)


@pytest.mark.parametrize(
    "text",
    [
        "पुरानी दिल्ली में हाजी नेब वाली मस्जिद के पास भीड़ थी।",
        "यूटा के दो सीनेटर माइक ली और ओरिन हैच के घर के पते छपे।",
        "ज़्यादा ऊँची हील के जूते पहनकर चलना मुश्किल है।",
        "ज़्यादातर दुकानों में प्री-पेड फ़ोन कार्ड मिलते हैं।",
        "ज़्यादा जानकारी श्रीमती सुनिता ने दी।",
        "ज़िला प्रशासन ने लोगों काे राहत दी।",
        "ज़्यादा बारिश अमेरिका के टैक्सास राज्य में हुई।",
    ],
)
def test_hard_passes_raise_no_t_finding(text: str) -> None:
    assert t_findings(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("ज़्यादातर मजदूरों काक किराया सरकार देगी।", "काक"),  # a real-word slip still found
        ("ख़बर है कि भारत केक प्रधानमंत्री ने बैठक बुलाई।", "केक"),
        ("स्वास्थ्य विभाग ने ज़िले में संकरमित लोगों की जानकारी दी।", "संकरमित"),  # unattested
        ("ख़ास बात यह है कि प्रमुख उद्धेश्य पूरा हुआ।", "उद्धेश्य"),  # common candidate after a title
        ("फ़िलहाल ज़िले के मेडीकल कॉलेज में जांच हुई।", "मेडीकल"),  # a common loan's spelling is settled
    ],
)
def test_gates_keep_real_slips(text: str, word: str) -> None:
    assert word in [w for _, w in t_findings(text)]


def test_cli_keeps_quiet_on_a_name_after_an_honorific(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("पुरानी दिल्ली में हाजी नेब वाली मस्जिद है, और भारत केक प्रधानमंत्री आए।\n", encoding="utf-8")
    run = run_qa("check", "--select", "T", "--format", "json", str(story))
    assert run.returncode == 1, run.stderr
    out = run.stdout.decode("utf-8")
    assert "केक" in out
    assert "नेब" not in out


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("इतिहासकारों के अनुसार पँवार वंश के राजा ने इन गढ़ों को एकीकृत किया।", "पँवार"),
        ("पचार गोत्र एक जाट गोत्र है।", "पचार"),
        ("सकार, गंगोलीहाट तहसील में भारत के उत्तराखण्ड राज्य के पिथौरागढ़ जिले का एक गाँव है।", "सकार"),
        ("नापुर में भारत के बिहार राज्य के अन्तर्गत औरंगाबाद जिले का एक गाँव है।", "नापुर"),
    ],
)
def test_a_name_the_sentence_says_is_a_village_or_clan(text: str, word: str) -> None:
    assert word not in [w for _, w in t_findings(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("सरकार ने कहा कि सकार के उपचार पर फ़ैसला होगा।", "सकार"),  # no frame: a slip of सरकार
        ("उन्होंने कहा कि पचार के लिए गाँव जाएंगे।", "पचार"),  # the classifier is not next to it
        ("ज़िले में सकार ने कहा कि यह एक गाँव है।", "सकार"),  # not the defining sentence's subject
    ],
)
def test_without_the_naming_frame_the_slip_is_reported(text: str, word: str) -> None:
    assert word in [w for _, w in t_findings(text)]


def test_defining_sentence_is_read_to_its_end_only() -> None:
    text = "सकार ने सब कहा। यह एक गाँव है।"
    start = text.index("सकार")
    assert not spelling_doubts.defined_as_name(text, start, start + 4)
    text = "सकार, पिथौरागढ़ जिले का एक गाँव है। और"
    assert spelling_doubts.defined_as_name(text, 0, 4)


@pytest.mark.parametrize(
    ("word", "candidate", "expected"),
    [
        ("प्रथमं", "प्रथम", True),  # -am
        ("अंकुशं", "अंकुश", True),
        ("मेंं", "में", False),  # a nasal typed twice on a vowel sign
        ("कहांं", "कहां", False),
        ("महानतम्", "महानतम", True),  # the tatsam halant, an accepted variant
        ("विराट्", "विराट", True),
        ("कीर्तिमान्", "कीर्तिमान", True),
        ("सुनकर्", "सुनकर", False),  # a stray halant on a Hindi word
        ("मस्जिद्", "मस्जिद", False),  # ... or a Perso-Arabic one
        ("कुछ्", "कुछ", False),
    ],
)
def test_sanskrit_stem_endings(word: str, candidate: str, expected: bool) -> None:
    assert spelling_doubts.sanskrit_ending(word, candidate) is expected


def test_flap_nukta_rule_spares_a_word_beside_an_unknown_name() -> None:
    """T006 asks the same neighbour question as T002: बाड कोनिग्शोफ़न is German "Bad"."""
    assert t_findings("जिसका नाम बाड कोनिग्शोफ़न के सम्मान में रखा गया।") == []
    assert ("T006", "बाड") in t_findings("जिसका नाम बाड के पास लगा बोर्ड पढ़कर रखा गया।")


def test_a_place_keeps_its_nukta_beside_a_name() -> None:
    """A village name beside रायगढ is no excuse: the district is spelled रायगढ़."""
    assert ("T006", "रायगढ") in t_findings("गुडगह्न रायगढ मण्डल में छत्तीसगढ़ के रायगढ़ जिले का एक गाँव है।")


@pytest.mark.parametrize(
    ("word", "candidate", "expected"),
    [
        ("डेन्मार्क", "डेनमार्क", True),  # denmark, with the schwa of न silent either way
        ("इक़्बाल", "इक़बाल", True),  # iqbal: a halant after a nukta letter
        ("डेलटा", "डेल्टा", False),  # a halant dropped: the typing slip
        ("संकरमित", "संक्रमित", False),  # no English word: a native word's cluster is fixed
        ("डिस्चारज", "डिस्चार्ज", False),  # the final consonant carries no vowel: not silent
        ("मेडीकल", "मेडिकल", False),  # a vowel, not a halant
    ],
)
def test_halant_variants_of_a_transliteration(word: str, candidate: str, expected: bool) -> None:
    assert spelling_doubts.halant_transliteration(word, candidate) is expected


def test_cli_keeps_quiet_on_a_transliterated_cluster(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("1833 में डेन्मार्क नरेश ने इनको धन दिया; डिस्चारज हुए मरीज़ घर गए।\n", encoding="utf-8")
    out = run_qa("check", "--select", "T", "--format", "json", str(story)).stdout.decode("utf-8")
    assert "डिस्चारज" in out and "डेन्मार्क" not in out


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("इन्हें तेहरान और शिराज से लाया गया।", "शिराज", True),
        ("इन्हें शिराज, तेहरान से लाया गया।", "शिराज", True),
        ("कर्नाटक के देवनगरी, उडुपी और टुमकुर ज़िले बंद रहे।", "देवनगरी", True),
        ("इन्हें शिराज से लाया गया।", "शिराज", False),  # no place beside it
        ("तेहरान में शिराज से लोग आए।", "शिराज", False),  # a postposition is no conjunction
        ("यूरोपीय फुटबॉ और उत्तर अमेरिकी लीग", "फुटबॉ", False),  # उत्तर is only part of a place's name
    ],
)
def test_a_word_joined_to_a_place_is_a_place(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert spelling_doubts.beside_place(text, start, start + len(word)) is expected


def test_an_anusvara_ending_before_a_postposition_is_an_oblique_plural() -> None:
    config = Config()
    config.values["select"] = ["T002"]
    text = "राज्य सरकारं को पत्र लिखा गया, उत्तर भारतीयं घर लौटे।"
    found = [(text[d.start : d.end], d.suggestions) for d in api.check(text, config=config)]
    assert found == [("सरकारं", ("सरकारों",))]  # no postposition after भारतीयं: a Sanskrit reading


def test_an_initialism_beside_a_word_is_no_part_of_a_name() -> None:
    config = Config()
    config.values["select"] = ["T002"]
    text = "ख़बर है कि हांकांग एसएआर में दो नए मामले आए।"
    assert [text[d.start : d.end] for d in api.check(text, config=config)] == ["हांकांग"]
    name = "रूसी ऊर्जा मंत्री अलेक्सांद्र नोवाक ने बयान दिया।"  # an unknown neighbour that is no initialism
    assert api.check(name, config=config) == []


def test_a_sign_slip_beside_places_is_still_a_slip() -> None:
    config = Config()
    config.values["select"] = ["T002"]
    text = "उन्होंने पूर्वी युरोप, इटली और अमरीका की यात्रा की।"
    assert [text[d.start : d.end] for d in api.check(text, config=config)] == ["युरोप"]


def test_two_slips_side_by_side_are_no_name() -> None:
    config = Config()
    config.values["select"] = ["T002"]
    text = "कुछ मिनटों की सावधनी महत्तवपूर्ण साबित हो सकती है।"
    assert [text[d.start : d.end] for d in api.check(text, config=config)] == ["सावधनी", "महत्तवपूर्ण"]
    start = text.index("सावधनी")
    assert spelling_doubts.in_name(text, start, start + len("सावधनी"))  # without the slip test: a name


@pytest.mark.parametrize(
    ("text", "word"),
    [("ज़्यादा भीड़ गुप्ता प्रोविजन सटोर पर दिखी।", "सटोर"), ("परीक्षाएं पूर्ववत संपनन होंगी।", "संपनन")],
)
def test_a_common_word_less_a_halant_is_a_slip_beside_an_unknown_word(text: str, word: str) -> None:
    config = Config()
    config.values["select"] = ["T002"]
    assert [text[d.start : d.end] for d in api.check(text, config=config)] == [word]


def test_a_virama_on_a_vowel_sign_or_a_vowel_is_damaged() -> None:
    for damaged in ("मजिस्ट्ेट", "निजामुदद्ीन", "वि्रेताओं", "इ्राइल"):
        assert spelling_doubts.damaged(damaged), damaged
    for whole in ("मजिस्ट्रेट", "निजामुद्दीन", "विक्रेताओं", "महानतम्"):
        assert not spelling_doubts.damaged(whole), whole


def test_a_letter_slip_of_a_long_common_word_beside_a_name_is_still_a_slip() -> None:
    text = "संयुक्त राष्ट्र के मासचिव गुटेरस ने कहा।"
    start = text.index("मासचिव")
    end = start + len("मासचिव")
    assert spelling_doubts.in_name(text, start, end)  # गुटेरस is in no list
    honorific = context_counts().honorific
    assert not spelling_doubts.doubt(text, start, end, "मासचिव", "महासचिव", honorific)
    name = "अलेजांद्रा गोंजालेज अनाया ने कहा।"  # a form of three letters: a name's
    start = name.index("अनाया")
    assert spelling_doubts.doubt(name, start, start + len("अनाया"), "अनाया", "अपनाया", honorific)


@pytest.mark.parametrize(
    ("word", "english"), [("ट्राई", "try"), ("हाई", "high"), ("टाई", "tie"), ("फ्लाई", "fly")]
)
def test_a_one_syllable_words_final_aai_reads_as_englishs_long_i(word: str, english: str) -> None:
    assert english in spelling_doubts.english_readings(word)


@pytest.mark.parametrize("word", ["लड़ाई", "बुलाई", "कराई", "तराई", "सफाई", "भाई"])
def test_a_longer_words_final_aai_is_no_english_long_i(word: str) -> None:
    """लड़ाई is no "lady", कराई no "cry": the long i of English ends a one-syllable word."""
    assert not spelling_doubts.english_readings(word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("लखनऊ के सआदतगंज, अमीनाबाद, खदरा में मामले मिले।", "खदरा", True),
        ("ज़िले के रामपुर और खदरा गांव में मामले मिले।", "खदरा", True),
        ("ज़िले के खदरा बाज़ार में रामपुर से लोग आए।", "खदरा", False),  # a postposition is no conjunction
    ],
)
def test_a_word_joined_to_a_place_name_by_its_ending_is_a_place(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert spelling_doubts.beside_place_name(text, start, start + len(word)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ज़िलाधिकारी आर. के. रवत ने कहा।", True), ("यूपीएस मदान ने कहा।", True), ("ज़िले के रवत ने कहा।", False)],
)
def test_a_word_after_initials_solid_or_dotted_is_a_surname(text: str, expected: bool) -> None:
    word = text.split()[-3]
    assert spelling_doubts.after_initials(text, text.index(word)) is expected
