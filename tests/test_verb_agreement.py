"""Verb agreement (G020-G023, G026-G029): the verb-form analyser, the clause reader, and the rules
through the real CLI on the misses they were built for and on the hard passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa import api
from qa.checks import clauses
from qa.checks.agreement_lexicon import builtin
from qa.checks.verb_forms import bare_root, perfective_form, subjunctive_root, verb_word
from qa.text import tokenize

from conftest import run_qa, spans_of


def _findings(text: str) -> list[tuple[str, str]]:
    return spans_of(text, "G")


@pytest.mark.parametrize(
    ("word", "root", "gender", "plural", "perfective", "feminine_plural"),
    [
        ("बना", "बन", "m", False, True, "बनीं"),
        ("खुले", "खुल", "m", True, True, "खुलीं"),
        ("रहेंगे", "रह", "m", True, False, "रहेंगी"),
        ("जायेगा", "जा", "m", False, False, "जायेंगी"),
        ("किया", "कर", "m", False, True, "कीं"),
        ("गईँ", "जा", "f", True, True, "गईं"),
        ("खुलती", "खुल", "f", False, False, "खुलतीं"),
        ("थे", "थ", "m", True, False, "थीं"),
    ],
)
def test_verb_words_and_their_forms(
    word: str, root: str, gender: str, plural: bool, perfective: bool, feminine_plural: str
) -> None:
    found = verb_word(word)
    assert found is not None
    assert (found.root, found.gender, found.plural, found.perfective) == (root, gender, plural, perfective)
    assert found.inflect("f", True) == feminine_plural


def test_nouns_and_other_words_are_no_verb_forms() -> None:
    # लड़ाई/पढ़ाई are nouns of certain gender; इमारत, राजा, आईना have no verb root
    assert [verb_word(w) for w in ("लड़ाई", "पढ़ाई", "इमारत", "राजा", "आईना")] == [None] * 5


def test_bare_roots_and_subjunctives() -> None:
    assert bare_root("खुल", "रहा") and bare_root("हो", "गया") and not bare_root("इमारत", "गया")
    assert [subjunctive_root(w) for w in ("रखें", "बनाएं", "बनायें", "दें", "लें", "बातें")] == [
        "रख",
        "बना",
        "बना",
        "दे",
        None,
        None,
    ]
    assert [perfective_form("रख", "m", True), perfective_form("दे", "f", False)] == ["रखे", "दी"]


def _clause(text: str, *, marked: bool = False) -> clauses.Clause:
    tokens = clauses.tokens(text, 0, len(text))
    clause = clauses.Clause(tokens, builtin(), marked=marked)
    clause.verb_start(0)
    return clause


def test_the_clause_reader_finds_the_subject_across_postposition_phrases() -> None:
    clause = _clause("शहर की यह इमारत 1920 में बाद में भी बनी थी।")
    assert clause.subject is not None and clause.tokens[clause.subject.index].text == "इमारत"
    plural = _clause("दुकानें शाम तक खुली रहेंगी।")
    assert plural.subject is not None and plural.subject.plural


def test_with_dative_the_reader_passes_ko_phrases_but_stops_at_ne() -> None:
    text = "सोमवार को शरीर के विभिन्न अंग को मदद मिली।"
    tokens = clauses.tokens(text, 0, len(text))
    clause = clauses.Clause(tokens, builtin(), dative=True)
    assert clause.verb_start(0) is not None and clause.marked_object
    assert clause.subject is not None and tokens[clause.subject.index].text == "मदद"
    ergative = "राम ने किताब पढ़ी।"
    tokens = clauses.tokens(ergative, 0, len(ergative))
    assert clauses.Clause(tokens, builtin(), dative=True).verb_start(0) is None


def test_tokens_are_the_token_pattern_matches() -> None:
    text = "डॉ॰ राम-श्याम ने\t1,234.5 रु. ENG\u00a0शब्द\u200d, \u200bकहा ?\n(नया)"
    kinds = (None, None, "word", "number", "other")  # the pattern's groups: space, then one of these
    expected = [
        (kinds[m.lastindex], m.group(m.lastindex), m.start(m.lastindex), m.end())
        for m in tokenize._SPAN_TOKEN.finditer(text, 3, len(text))
    ]
    found = [(token.kind, token.text, token.start, token.end) for token in clauses.tokens(text, 3, len(text))]
    assert found == expected and len(found) > 10


def test_clause_spans_start_after_punctuation_or_a_conjunction_and_end_at_punctuation() -> None:
    text = "बाद में, उसने कहा कि सड़क बनी थी। (यह)"
    tokens = clauses.tokens(text, 0, len(text))
    spans = [
        (tokens[start].text, tokens[end].text if end < len(tokens) else None)
        for start, end in clauses.clause_spans(tokens)
    ]
    assert spans == [("बाद", ","), ("उसने", "।"), ("सड़क", "।"), ("यह", ")")]


@pytest.mark.parametrize(
    "text",
    [
        "शिक्षा विभाग में बदलाव हुआ।",  # two nouns: where the subject ends is unknown
        "वे अपनी रक्षा करेंगे।",  # a pronoun subject, the noun is the object
        "राम और सीता वन गए।",  # coordination
    ],
)
def test_the_clause_reader_gives_up_where_it_cannot_read(text: str) -> None:
    tokens = clauses.tokens(text, 0, len(text))
    clause = clauses.Clause(tokens, builtin())
    try:
        verb = clause.verb_start(0)
    except clauses.Abort:
        verb = None
    assert verb is None or clause.subject is None


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("यह इमारत 1920 में बना था।", "G020", "बना था"),
        ("दुकानें शाम तक खुले रहेंगे।", "G020", "खुले रहेंगे"),
        ("दुकानें शाम तक खुली रहेगी।", "G020", "खुली रहेगी"),
        ("नियम रखें गये।", "G021", "रखें"),
        ("उसने पार्क में लड़की को देखी।", "G022", "देखी"),
        ("उन्होंने 1935 से वकालत शुरू किया।", "G023", "किया"),
        ("सोमवार को पार्टी की बैठक हुआ।", "G020", "हुआ"),
        ("इससे मरीज़ों को मदद मिलता है।", "G020", "मिलता"),
        ("शहर के आस-पास के इलाके कोयले में प्रचुर मात्रा में है।", "G020", "है"),  # a masculine plural
        ("ज़िले के लड़के खुश था।", "G020", "था"),  # before the copula
        ("ज़िले के लोग इस फ़ैसले से नाराज़ है।", "G020", "है"),  # a copula with no verb word of a gender
        ("वर्तमान में वे भाजपा के सांसद है।", "G026", "है"),
        ("वे कल शाम दिल्ली पहुंचा था।", "G026", "पहुंचा था"),
        ("मैं फिर घर जाकर रोटी खाई।", "G027", "मैं"),
        ("उन्होंने 45 वैज्ञानिक पुस्तकों लिखी हैं।", "G028", "पुस्तकों"),
        ("इसप की कहानियां को अनुवाद किया।", "G029", "कहानियां"),
    ],
)
def test_each_miss_alone_is_found(text: str, code: str, span: str) -> None:
    assert (code, span) in _findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "प्रधानमंत्री शाम को आए।",  # honorific plural
        "माँ भी कल आईं।",  # honorific plural, feminine
        "उसने लड़की को देखा।",  # a को object: masculine singular
        "उसने लड़की को किताब दी।",  # the verb agrees with the bare object
        "मकान और दुकान शाम तक खुले रहेंगे।",  # coordination
        "किरण बेदी 1972 में पुलिस सेवा में आईं।",  # a name
        "वह इमारत, जो 1920 में बनी थी, गिर गई।",  # a relative clause
        "यह बात उन्होंने पत्रकारों को बताई।",  # the object put first
        "इसे राष्ट्रीय धरोहर घोषित किया गया।",  # a complement with को
        "बार अब पड़ोस के लिविंग रूम की तरह नहीं रह गए हैं।",  # बार: the pub, not the time
        "नलियां मांसपेशियों से बनी, तथा इनके अंदर रक्त है।",  # an attribute, not a verb
        "महामारी अभी दूर होने में वक्त लगेगा।",  # time takes, the noun of time is the subject
        "यदि यह वाणिज्यिक हो जाता है, तो ठीक है।",  # a predicate after a pronoun subject
        "यह फल विटामिन का अच्छा स्रोत होता है।",  # a predicate noun, the subject before it
        "रुचि सोया 1920 में बना था।",  # a name right before its verb
        "ब्लूबेरी एंटीऑक्सीडेंट का अच्छा स्रोत होती हैं।",  # a predicate right before होना
        "वह कल शाम दिल्ली पहुंचे थे।",  # वह with a plural verb: honorific
        "ये एक बड़ी समस्या है।",  # ये for यह: which word slipped does not show
        "वे हाथ में बंदूक लिए थे।",  # a state, not an act: no ने
        "अगर हम समाचार में देखे तो ऐसा लगता है।",  # देखे: a subjunctive
        "वह वर्षों रहा और न्यूज़ चैनलों को आड़े हाथों लिया।",  # adverbial oblique plurals
        "उन्होंने कई कोशिशें की और गर्भ निरोधक दवाएं तक दे दीं।",  # की the verb, तक "even"
        "उसके बेटे का नाम राम है।",  # the -ए noun before a genitive is no subject
        "गंगा के किनारे एक मंदिर है।",  # किनारे makes a postposition with के
        "इस हिस्से में पानी कम है।",  # an -ए noun after इस is oblique
    ],
)
def test_hard_passes_are_silent(text: str) -> None:
    assert [code for code, _ in _findings(text) if code >= "G020"] == []


def test_cli_fixes_verb_agreement_with_unsafe_fixes(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("यह इमारत 1920 में बना था। दुकानें शाम तक खुले रहेंगे। नियम रखें गये।\n", encoding="utf-8")
    report = run_qa("check", "--select", "G020,G021", "--format", "json", "copy.txt", cwd=tmp_path)
    assert report.returncode == 1
    assert sorted(f["code"] for f in json.loads(report.stdout)["diagnostics"]) == ["G020", "G020", "G021"]
    assert run_qa("check", "--select", "G020,G021", "--fix", "copy.txt", cwd=tmp_path).returncode == 1
    assert "बना था" in path.read_text(encoding="utf-8")  # unsafe fixes need --unsafe-fixes
    fixed = run_qa("check", "--select", "G020,G021", "--fix", "--unsafe-fixes", "copy.txt", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout.decode()
    assert path.read_text(encoding="utf-8") == "यह इमारत 1920 में बनी थी। दुकानें शाम तक खुली रहेंगी। नियम रखे गये।\n"


def test_ki_after_an_auxiliary_is_fixed_safely(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("माना जाता है की क़िला पुराना है। जांच की गई है की नहीं?\n", encoding="utf-8")
    assert run_qa("check", "--select", "G025", "--fix", "copy.txt", cwd=tmp_path).returncode == 0
    assert path.read_text(encoding="utf-8") == "माना जाता है कि क़िला पुराना है। जांच की गई है कि नहीं?\n"


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("दुकानें रविवार को भी खुला रहेंगी।", "खुली रहेंगी"),  # a plural noun before को; a mixed group
        ("कल शाम की बैठक देर रात तक चला।", "चली"),  # a verb of motion after a postposition phrase
        ("सड़क शाम तक टूटी रहेगा।", "टूटी रहेगी"),
        ("ख़बर है कि बारिश अचानक रुक गया।", "गई"),  # an adverb between: no second noun
    ],
)
def test_the_subject_settles_a_group_and_ends_before_a_time_of_day(line: str, right: str) -> None:
    found = [d for d in api.check(line) if d.code == "G020"]
    assert [d.fix.edits[0].replacement if d.fix else None for d in found] == [right]


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("ख़बर है कि वह लड़की कल आया था।", "आई थी"),  # a verb of motion, no postposition before
        ("ख़बर है कि दुर्घटना के बाद महिला देर तक रो रहा था।", "रही थी"),  # a person's doing
        ("ज़िले में चर्चा है कि भाई जल्दी सो गई।", "गया"),
        ("ज़िले में चर्चा है कि लड़की हंस रहा था।", "रही थी"),  # right after the noun: no name
        ("ज़िले में चर्चा है कि भाई उस समय घर पर थी।", "था"),  # the copula after a place
        ("ख़बर है कि बेटी बहुत रोया।", "रोई"),
    ],
)
def test_a_noun_of_persons_of_its_own_gender_settles_its_verbs(line: str, right: str) -> None:
    """लड़की, बहन, भाई are no bare goal of आना or जाना and no object of रोना or सोना, and a
    name they would be has their gender: the verb agrees with them."""
    found = [d for d in api.check(line) if d.code == "G020"]
    assert [d.fix.edits[0].replacement if d.fix else None for d in found] == [right]


@pytest.mark.parametrize(
    "line",
    [
        "ख़बर है कि बहन कल रात दिल्ली से आई।",
        "ख़बर है कि दुर्घटना के बाद महिला देर तक रोती रही।",
        "ख़बर है कि महिला आयोग की टीम कल आई।",  # the commission's team, not the woman
        "ज़िले में मां-बाप कल गांव लौट आए।",  # two persons
        "ख़बर है कि पति-पत्नी दोनों घर लौट आए।",
        "ख़बर है कि लड़की के पिता कल आए थे।",  # a genitive: the father comes
        "ख़बर है कि पत्नी के साथ पति भी आया।",
        "ज़िले में महिला मोर्चा की अध्यक्ष आईं।",  # अध्यक्ष takes the person's gender
        "ख़बर है कि उसकी बहन भी कल आईं।",  # the honorific
        "ख़बर है कि पड़ोस की बच्ची देर तक रो रही थी।",
    ],
)
def test_persons_with_verbs_that_agree_stay_silent(line: str) -> None:
    assert not [d for d in api.check(line) if d.code.startswith("G")]


_PERSON_CASES = Path(__file__).resolve().parent.parent / "bench" / "person_agreement_cases.tsv"


def _person_cases(expect: str) -> list[str]:
    rows = [line.split("\t") for line in _PERSON_CASES.read_text(encoding="utf-8").splitlines()]
    return [text for wanted, text in rows if wanted == expect]


@pytest.mark.parametrize("text", _person_cases("pass"))
def test_the_blind_set_of_persons_keeps_its_hard_passes_silent(text: str) -> None:
    assert _findings(text) == []


def test_the_blind_set_of_persons_finds_what_it_found_when_read() -> None:
    """Read once blind, 4 of its 23 slips were found (2 before persons settled their
    verbs); what is left needs the clause reader (a noun of time or a goal between the
    person and the verb, two nouns before a postposition, a conjunctive participle)."""
    slips = _person_cases("fail")
    assert len(slips) == 23
    assert sum(any(code == "G020" for code, _ in _findings(text)) for text in slips) >= 4


@pytest.mark.parametrize(
    "line",
    [
        "रात में अस्पताल चली गई।",  # a bare goal before a verb of motion
        "उसकी बेटी रोज़ वहां पढ़ा करती थी।",  # the habitual
        "यह केंद्र सरकार द्वारा शुरू की गई थी।",  # यह may be the subject, the nouns a compound
        "इस दौरान 7.1 तीव्रता वाला भूकंप सेंट्रल मैक्सिको में आया था।",  # the noun before वाला
        "चुनाव प्रचार शाम तक थमा।",  # a compound before the time of day
    ],
)
def test_goals_habituals_and_compounds_stay_silent(line: str) -> None:
    assert not [d for d in api.check(line) if d.code == "G020"]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("ख़बर है कि एक लंबी चिट्ठी कल डाक से आया।", "G020"),
        ("फ़िलहाल उसकी पुरानी रसीद मिली। उसने रसीद जल्द ही जमा किया।", "G023"),
    ],
)
def test_the_clause_rules_take_an_open_nouns_gender_from_the_document(line: str, code: str) -> None:
    assert [d.code for d in api.check(line) if d.code.startswith("G")] == [code]


@pytest.mark.parametrize(
    "line",
    [
        "वह शिव के धनुष की डोर बना था।",  # right before बनना, the noun may be the predicate
        "अस्थि कलश की क्यों बढ़ी मांग? चीन में क्यों बंद हुए फोन?",  # क्यों is no noun
        "मुलाक़ात पर भी रोक लगा दी गई है।",  # लगा is a root before दी
    ],
)
def test_a_gender_the_document_shows_stays_out_of_predicates_and_compounds(line: str) -> None:
    assert not [d for d in api.check(line) if d.code.startswith("G")]


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("बैठक में नया कानून सर्वसम्मति से पारित की गई।", "किया गया"),  # नया: the phrase is direct
        ("पहला मैच बारिश से रद्द हुई।", "हुआ"),
        ("बाज़ार की दुकानें रात दस बजे तक खुला रहेंगी।", "खुली रहेंगी"),  # a number after the nouns
    ],
)
def test_a_direct_form_or_a_plural_makes_the_first_noun_the_subject(line: str, right: str) -> None:
    found = [d for d in api.check(line) if d.code == "G020"]
    assert [d.fix.edits[0].replacement if d.fix else None for d in found] == [right]


@pytest.mark.parametrize(
    ("line", "right"),
    [
        # a compound before an invariable predicate: its head, the last noun, is the subject
        ("ज़िले में पेयजल आपूर्ति बहाल नहीं, मरम्मत कार्य शुरू हुई।", "हुआ"),
        ("फ़िलहाल गांव की सिंचाई परियोजना पूरी तरह तैयार नहीं हैं।", None),  # पूरी: no compound
        ("ख़बर है कि शहर की सफ़ाई व्यवस्था लागू नहीं हैं।", "है"),
        # का/की and यह/वह before a noun that the genitive agrees with
        ("फ़िलहाल मंत्रालय का यह इलाक़ा दंगों के बाद से चर्चा में थे।", "था"),
        ("ख़बर है कि आयोग की वह सिफ़ारिश किसानों के पक्ष में हैं।", "है"),
        # a clause after और right after a verb
        ("ज़िले में बिजली गुल रही और पानी की कमी बनी रहीं।", "रही"),
        # a feminine group whose last word alone is plural, after a conjunctive and an amount
        ("फ़िलहाल राज्य में धान की ख़रीद घटकर आठ लाख टन पर आ गई हैं।", "है"),
    ],
)
def test_more_singular_subjects_are_read(line: str, right: str | None) -> None:
    found = [d for d in api.check(line) if d.code == "G020"]
    assert [d.fix.edits[0].replacement if d.fix else None for d in found] == ([right] if right else [])


@pytest.mark.parametrize(
    "line",
    [
        "ज़िले में मरम्मत कार्य शुरू हुआ और पानी की कमी बनी रही।",
        "फ़िलहाल मंत्रालय के ये इलाक़े दंगों के बाद से चर्चा में थे।",  # ये and a plural -े noun
        "ख़बर है कि आयोग की सभी सिफ़ारिशें किसानों के पक्ष में हैं।",
        "फ़िलहाल थाने की दोनों जांच रिपोर्ट तैयार नहीं हैं।",  # दोनों before the compound
        "ज़िले में 3 निरीक्षण रिपोर्ट तैयार नहीं हैं।",  # a number
        "ज़िले में उनकी बहन शाम तक घर पहुंच गई हैं।",  # a person: the honorific
        "फ़िलहाल गांव के लोग राहत शिविरों में हैं और उनकी मदद जारी है।",  # लोग takes the plural
        "ख़बर है कि उपाधि शुरू हुई और पहले डॉक्टरेट के समान होती थी।",  # a shared subject
        "फ़िलहाल उनके माता-पिता दिल्ली स्थानांतरित हुए।",  # उनके: दिल्ली heads no compound
    ],
)
def test_plural_twins_honorifics_and_shared_subjects_stay_silent(line: str) -> None:
    assert not [d for d in api.check(line) if d.code == "G020"]
