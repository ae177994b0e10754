"""T002's candidates and evidence: the slips of long words, rarer words both sources know,
forms the suffix model parses by coincidence, and the names that must stay quiet."""

from __future__ import annotations

import pytest

from qa import api, lexicon
from qa.checks.spelling import corrections
from qa.config import Config
from qa.text.akshara import ending_slip


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("लॉकाडउन", "लॉकडाउन"),  # two neighbours swapped in a word both sources know
        ("गौतरलब", "गौरतलब"),
        ("लॉडाउन", "लॉकडाउन"),  # a dropped inner letter
        ("लॉकडउन", "लॉकडाउन"),  # or long a
        ("डिस्चारज", "डिस्चार्ज"),  # a dropped halant of a rarer word both sources know
        ("बुजुरगों", "बुजुर्गों"),
        ("उम्मीद्वारी", "उम्मीदवारी"),  # a stray halant
        ("इशारै", "इशारे"),  # an ending's e/ai or o/au
        ("धारकौं", "धारकों"),
        ("लॉकडाउ", "लॉकडाउन"),  # a cut final consonant leaves a stem no word ends in
        ("संक्रमि", "संक्रमित"),
        ("जिलाधकारी", "जिलाधिकारी"),  # a long word's dropped i sign
        ("लाभार्थयों", "लाभार्थियों"),
        ("लकडाउन", "लॉकडाउन"),  # a long loan's open o: written ा or ो, never left out
        ("हर्षवर्न", "हर्षवर्धन"),  # a long form: the letter margin falls with its length
    ],
)
def test_slips_of_rarer_words_both_sources_know_are_corrected(wrong: str, right: str) -> None:
    assert not lexicon.attested(wrong)
    assert lexicon.web_zipf()[right] < 4.5
    assert right in lexicon.corpus_zipf()
    assert corrections(wrong)[0] == right


@pytest.mark.parametrize(
    ("wrong", "right"),
    [("भारीय", "भारतीय"), ("राधानी", "राजधानी"), ("जानकरी", "जानकारी"), ("लैकर", "लेकर")],
)
def test_a_coincidental_parse_does_not_hide_a_slip_of_a_far_commoner_word(wrong: str, right: str) -> None:
    assert lexicon.parsed(wrong) and wrong not in lexicon.corpus_zipf()
    assert corrections(wrong)[0] == right


@pytest.mark.parametrize(
    "word",
    [
        "निपटे",  # a real form the suffix model parses, near a word not far commoner (निपटने)
        "मैंडल",  # a name with a nasal its rarer twin lacks (मैडल): only dropped signs count
        "कैरोलिन",  # a cut ending (कैरोलिना)
        "इकनॉमिक",  # a transliteration's vowel (इकोनॉमिक)
        "आयर",  # a short word a letter from a rarer one (आयकर)
        "कीरन",  # a name's vowel length, the twin not well known to both sources (किरन)
        "ईएसआई",  # a cut first letter makes another word or acronym (आईएसआई)
        "टाइलर",  # a name a letter from a rare word (टाइटलर)
        "कारर",  # three letters that spell an English word ("carr"; कारगर)
        "वायल",  # ("vial"; वायरल)
        "गुरमत",  # a short i or u dropped leaves another word too often (गुरमीत)
        "आईएमए",  # an initialism less its last letter spells another (आईएमएफ)
    ],
)
def test_names_and_real_forms_near_rarer_words_are_left_alone(word: str) -> None:
    assert corrections(word) == ()


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("पेशवरों", "पेशेवरों"),  # a native word's e or o sign dropped
        ("शधकर्ता", "शोधकर्ता"),
        ("अमृसर", "अमृतसर"),  # a whole letter dropped from a rarer place name
        ("श्रीनर", "श्रीनगर"),
    ],
)
def test_a_native_vowel_sign_or_a_places_letter_dropped(wrong: str, right: str) -> None:
    assert corrections(wrong) == (right,)


def test_an_oblique_plural_never_stands_on_a_noun_in_i() -> None:
    assert not lexicon.parsed("जनवरों")  # जनवरी's plural is जनवरियों
    assert corrections("जनवरों") == ("जानवरों",)
    assert lexicon.parsed("लड़कों") and lexicon.parsed("किताबों") and lexicon.parsed("निपटे")


@pytest.mark.parametrize(("wrong", "right"), [("फिलाल", "फिलहाल"), ("दहत", "दहशत"), ("जागूक", "जागरूक")])
def test_a_three_letter_form_is_a_slip_of_a_rarer_word_a_whole_letter_away(wrong: str, right: str) -> None:
    assert corrections(wrong)[0] == right


def test_a_three_letter_form_written_twice_is_the_writers() -> None:
    config = Config()
    config.values["select"] = ["T002"]
    once = "ली कुआन यू सिंगापुर के प्रधानमंत्री थे।"
    assert [once[d.start : d.end] for d in api.check(once, config=config)] == ["कुआन"]
    assert api.check(f"{once} ली कुआन यू के बेटे ने पद सँभाला।", config=config) == []
    twice = "बढ़ने की आंशका है। आंशका के मद्देनजर बैठक हुई।"  # a nasal one place off is still a slip
    assert [twice[d.start : d.end] for d in api.check(twice, config=config)] == ["आंशका", "आंशका"]


def test_the_slip_is_reported_in_running_copy_with_its_fix() -> None:
    config = Config()
    config.values["select"] = ["T002"]
    text = "प्रशासन ने लॉकाडउन बढ़ा दिया और बुजुरगों को घर में रहने को कहा।"
    found = [(text[d.start : d.end], d.suggestions) for d in api.check(text, config=config)]
    assert [word for word, _ in found] == ["लॉकाडउन", "बुजुरगों"]


def test_a_parsed_neighbour_is_a_word_not_part_of_a_name() -> None:
    config = Config()
    config.values["select"] = ["T002"]
    text = "उन्होंने कहा कि इससे कोरोना का सक्रमण फैलना बंद नहीं होगा।"
    assert not lexicon.listed("फैलना") and lexicon.parsed("फैलना")
    assert [text[d.start : d.end] for d in api.check(text, config=config)] == ["सक्रमण"]
    quiet = "रूसी ऊर्जा मंत्री अलेक्सांद्र नोवाक ने बयान दिया।"
    assert api.check(quiet, config=config) == []


def test_an_ending_slip_is_e_for_ai_or_o_for_au_in_the_last_vowel_only() -> None:
    assert ending_slip("इशारै", "इशारे") and ending_slip("धारकौं", "धारकों")
    assert not ending_slip("कौरोना", "कोरोना")  # inside the word: transliterations vary so
    assert not ending_slip("धारकौ", "धारकों")  # and the nasal must agree
    assert not ending_slip("", "")


def test_the_letter_margin_falls_with_the_length_of_the_form() -> None:
    from qa.checks.spelling import LETTER_MARGIN, letter_margin
    from qa.text.akshara import letters

    assert letters("हर्षवर्न") == 6 and letters("शिराज") == 3
    assert letter_margin("शिराज") == letter_margin("लॉकाउन") == LETTER_MARGIN
    assert letter_margin("हर्षवर्न") < letter_margin("अर्धैनिक") < LETTER_MARGIN


@pytest.mark.parametrize(
    ("wrong", "right"), [("दसवी", "दसवीं"), ("इसमे", "इसमें"), ("कंपनिया", "कंपनियां"), ("तस्वीरे", "तस्वीरें")]
)
def test_a_listed_word_lacking_the_final_nasal_of_a_far_commoner_twin_is_t030s(
    wrong: str, right: str
) -> None:
    from qa.checks.spelling import twins

    assert lexicon.listed(wrong)  # the web lists count the slip
    assert twins()[wrong][0] == right


@pytest.mark.parametrize("word", ["भागो", "खेलो", "गांवो", "सकतीं", "करे", "रहे"])
def test_imperatives_plurals_and_verb_forms_are_no_nasal_twins(word: str) -> None:
    from qa.checks.spelling import twins

    assert word not in twins() or twins()[word][0] != word + "ं"


def test_t030_reports_the_nasal_twin_in_running_copy() -> None:
    config = Config()
    config.values["select"] = ["T030"]
    text = "वह दसवी कक्षा में है, खेलो इंडिया में भी है।"
    assert [(text[d.start : d.end], d.suggestions) for d in api.check(text, config=config)] == [
        ("दसवी", ("दसवीं",))
    ]


@pytest.mark.parametrize(
    ("wrong", "right"),
    [("आयौजनों", "आयोजनों"), ("फायदैमंद", "फायदेमंद"), ("नेदानिक", "नैदानिक"), ("ध्रुविकरण", "ध्रुवीकरण")],
)
def test_a_native_words_vowel_slip_counts_for_a_rarer_word(wrong: str, right: str) -> None:
    assert lexicon.prior(right) < 4.0
    assert corrections(wrong)[0] == right


@pytest.mark.parametrize("word", ["विनित", "कुरेशी", "अपार्टमैंट", "टैक्सास"])
def test_short_names_and_loans_keep_their_vowels(word: str) -> None:
    """A name of three letters (विनीत, कुरैशी) or a loan read as English (apartment)."""
    assert corrections(word) == ()


def test_a_neighbour_with_a_visarga_for_a_colon_is_no_name() -> None:
    from qa.checks.spelling_doubts import in_name

    text = "ये भी पढ़ेंः लॉकाउन में फिटनेस एप का सहारा"
    start = text.index("लॉकाउन")
    assert not in_name(text, start, start + len("लॉकाउन"))
    name = "रूसी ऊर्जा मंत्री अलेक्सांद्र नोवाक ने"
    start = name.index("नोवाक")
    assert in_name(name, start, start + len("नोवाक"))


@pytest.mark.parametrize(
    ("wrong", "right"),
    [("पड़ोसीयों", "पड़ोसियों"), ("मुख्यमंत्रीयों", "मुख्यमंत्रियों"), ("सतापुर", "सीतापुर")],
)
def test_a_solid_compound_reading_is_no_evidence_against_a_slip(wrong: str, right: str) -> None:
    assert lexicon.compound(wrong) and not lexicon.parsed(wrong)  # पड़ोसी + यों, सता + पुर
    assert corrections(wrong)[0] == right


@pytest.mark.parametrize("word", ["मुख्यमंत्रीजी", "जांचकर्ता"])
def test_real_solid_compounds_stay_quiet(word: str) -> None:
    assert corrections(word) == ()


@pytest.mark.parametrize(("wrong", "right"), [("खतरना", "खतरनाक"), ("फेलता", "फैलता"), ("बाटने", "बांटने")])
def test_a_verbs_ending_on_a_noun_is_no_evidence_against_a_slip(wrong: str, right: str) -> None:
    assert lexicon.parsed(wrong) and not lexicon.parsed(wrong, typed=True)  # खतरा + ना
    assert corrections(wrong)[0] == right


@pytest.mark.parametrize("word", ["घिरने", "संभलने", "बरतने", "निपटे"])
def test_verb_forms_of_verbs_known_by_their_forms_stay_quiet(word: str) -> None:
    """घिरा/घिरी/घिरे, संभलकर, बरतते: a verb is known by its forms, not only its infinitive."""
    assert lexicon.parsed(word, typed=True)
    assert corrections(word) == ()


def _t030(text: str) -> list[tuple[str, tuple[str, ...]]]:
    config = Config()
    config.values["select"] = ["T030", "T002"]
    return [(text[d.start : d.end], d.suggestions) for d in api.check(text, config=config)]


def test_a_sibilant_slip_the_web_lists_but_edited_prose_never_uses_is_t030s() -> None:
    from qa.checks.spelling import sibilant_twin, twins

    assert lexicon.listed("प्रशाशन") and "प्रशाशन" not in lexicon.corpus_zipf()
    assert twins()["प्रशाशन"][0] == "प्रशासन"
    assert sibilant_twin("कोशिस", "कोशिश") and not sibilant_twin("कोशिस", "कोशिशें")
    assert not sibilant_twin("शासन", "शासक")
    text = "ज़िला प्रशाशन ने कोशिस की, विकाश कुमार ने शव देखा और शाल ओढ़ी।"
    assert _t030(text) == [("प्रशाशन", ("प्रशासन",)), ("कोशिस", ("कोशिश",))]


@pytest.mark.parametrize("word", ["शव", "शाल", "सहर", "विकाश", "क्रिस्चियन", "शांत", "देस"])
def test_short_words_words_edited_prose_uses_and_loans_are_no_sibilant_slips(word: str) -> None:
    from qa.checks.spelling import sibilant_twin, twins

    assert word not in twins() or not sibilant_twin(word, twins()[word][0])


def test_a_final_short_independent_vowel_is_a_slip_of_the_long_one_whatever_the_counts() -> None:
    from qa.checks.spelling import final_long_twin

    assert lexicon.attested("हुइ") and lexicon.attested("लखनउ")  # the counts have both
    assert final_long_twin("हुइ") == "हुई" and final_long_twin("लखनउ") == "लखनऊ"
    assert final_long_twin("बुलाइ") == "बुलाई"  # no list names it, both know बुलाई
    assert final_long_twin("पोम्पेइ") is None and final_long_twin("इ") is None
    text = "कल लखनउ में बारिश हुइ, बैठक बुलाइ गई और पोम्पेइ की चर्चा हुई।"
    assert _t030(text) == [("लखनउ", ("लखनऊ",)), ("हुइ", ("हुई",)), ("बुलाइ", ("बुलाई",))]


def test_t030_covers_t002_on_an_unlisted_final_vowel_slip() -> None:
    text = "वे कोरोना के खिलाफ लड़ाइ जीतेंगे।"
    assert _t030(text) == [("लड़ाइ", ("लड़ाई",))]


def test_a_final_short_vowel_in_a_loan_an_initialism_or_a_name_stays_quiet() -> None:
    """हाई reads as English (high), so हाइ needs the loan margin (2.0) it lacks; पीटीआइ is a
    house's letter name; गाइ stands beside a name's unlisted part (Guy Cecil)."""
    text = "समाचार एजेंसी पीटीआइ के अनुसार हाइ परफॉरमेंस कंप्यूटर पर निदेशक गाइ सेसिल ने कहा।"
    assert [w for w, _ in _t030(text) if w in ("पीटीआइ", "हाइ", "गाइ")] == []
    assert _t030("बारिश के बाद भाइ घर आया।") == [("भाइ", ("भाई",))]  # भाई is no English word


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ज़िले में कोरोना से हुई मौते चिंता का विषय हैं।", ("मौते", "मौतें")),
        ("स्वास्थ्य विभाग ने 793 लोगों की मौते के आंकड़े जारी किए।", ("मौते", "मौतों")),
        ("ज़्यादातर शहरों में लोकल ट्रेने, बसें चलेंगी।", ("ट्रेने", "ट्रेनें")),
    ],
)
def test_a_feminine_nouns_plural_without_its_nasal(text: str, found: tuple[str, str]) -> None:
    """सड़क/ट्रेन/मौत have no form in -े: the plural lost its nasal (oblique before के)."""
    config = Config()
    config.values["select"] = ["T030", "T002"]
    assert [(text[d.start : d.end], d.suggestions[0]) for d in api.check(text, config=config)] == [found]


@pytest.mark.parametrize("word", ["मांगे", "बहने", "पतंगे", "जांचे", "पहुंचे"])
def test_a_verbs_or_an_a_words_form_is_no_feminine_plural(word: str) -> None:
    from qa.checks.spelling import feminine_plural_twin

    assert feminine_plural_twin(word) is None


@pytest.mark.parametrize(
    ("wrong", "right", "moved"),
    [
        ("सहिंता", "संहिता", True),  # past a consonant and its sign
        ("आकंड़ों", "आंकड़ों", True),  # past a consonant
        ("सेटरं", "सेंटर", True),
        ("संत", "सत", False),  # dropped, not moved
        ("हंसी", "हंसा", False),
        ("संवाददाता", "सवांददाता", True),
        ("संवाददाता", "सवादंदाता", False),  # two aksharas on
    ],
)
def test_a_nasal_typed_an_akshara_off_is_one_slip(wrong: str, right: str, moved: bool) -> None:
    from qa.text.akshara import moved_nasal

    assert moved_nasal(wrong, right) is moved
    assert moved_nasal(right, wrong) is moved


@pytest.mark.parametrize(
    ("wrong", "right", "slip"),
    [
        ("म्रत्यु", "मृत्यु", True),  # ृ typed as a conjunct with र
        ("क्रपया", "कृपया", True),
        ("रितिक", "ऋतिक", False),  # an initial ऋ as रि: names are spelled both ways
        ("रिर्पोट", "रिपोर्ट", True),  # a reph on the wrong akshara
        ("प्रर्दशन", "प्रदर्शन", True),
        ("आर्शीवाद", "आशीर्वाद", True),
        ("ग्रह", "गृह", True),  # one slip, though both are words (T002 weighs unlisted ones only)
        ("प्रमाण", "पृथ्वी", False),
        ("कर्म", "क्रम", False),  # र after the consonant is no reph moved
        ("वर्षा", "वर्षा", False),
    ],
)
def test_a_misspelt_r_is_one_slip(wrong: str, right: str, slip: bool) -> None:
    from qa.text.akshara import LENGTH_SWAP, distance, r_slip

    assert r_slip(wrong, right) is slip and r_slip(right, wrong) is slip
    if slip:
        assert distance(wrong, right) == distance(right, wrong) == LENGTH_SWAP


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("म्रत्यु", "मृत्यु"),
        ("प्रथ्वी", "पृथ्वी"),
        ("रिर्पोट", "रिपोर्ट"),
        ("वतर्मान", "वर्तमान"),
        ("अर्थिक", "आर्थिक"),
        ("अवश्यक", "आवश्यक"),
    ],
)
def test_a_misspelt_r_or_a_short_initial_a_is_corrected(wrong: str, right: str) -> None:
    assert corrections(wrong)[:1] == (right,)


def test_the_negating_prefix_before_a_known_participle_is_a_word() -> None:
    assert corrections("अरक्षित") == ()  # "unprotected", beside आरक्षित


def _t002(text: str) -> list[str]:
    return [text[d.start : d.end] for d in api.check(text, config=Config(), select=["T002"])]


#: An article that uses कोरोना, a word of 2020 the lists count as only fairly common.
_STORY = "ज़िले में कोरोना के मामले बढ़े। राज्य में कोरोना से दो मौतें हुईं।\n"


def test_a_slip_of_a_word_the_document_uses_nearby_is_reported() -> None:
    assert corrections("कोरना") == ()  # कोरना parses as कोर + ना: the lists alone leave it
    assert _t002(_STORY + "भारत में कोरना वायरस से एक और मौत हो गई है।") == ["कोरना"]
    story = "बच्चे खेलते रहे। ख़ैर, मैदान पर खिलाड़ी खेलतें रहे और लोग उन्हें खेलते देखते रहे।"
    assert _t002(story) == ["खेलतें"]


@pytest.mark.parametrize(
    "text",
    [
        "भारत में कोरना वायरस से एक और मौत हो गई है।",  # the document does not use कोरोना
        _STORY + "कोरना कोरना कोरना ख़ैर।",  # the writer's own word, used more often than the other
        _STORY + "ज़िले " * 700 + "भारत में कोरना वायरस से मौत हो गई है।",  # an article away
        "कनाडा और न्यूज़ीलैंड के सांसदों ने कहा कि दोनों देशों की संसदों में बहस हुई।",  # संसद's plural
        "ज़िले की सड़कें बहती रहीं, नदियां बहतीं रहीं और नाले बहती धार से भरे।",  # a feminine plural
        "ज़्यादा मैग्नीशियम वाली मिट्टी में मैगनीशियम की मात्रा जांची गई।",  # a halant's spelling
        "ज़िले के फिरोजाबाद में नौ और फीरोजाबाद ज़िले में दो मामले मिले।",  # a rarer place's vowels, once each
    ],
)
def test_a_document_use_is_no_evidence_against_a_form_or_spelling_of_its_own(text: str) -> None:
    assert _t002(text) == []
