"""G037: the verb group of a clause that a doer opens (सरकार, पुलिस, अदालत, मंत्रालय) agrees with it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from qa.checks import agreement_lexicon as al
from qa.errors import RuleDataError

from conftest import spans_of


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # objects, postposition phrases and an absolutive before the group
        ("ज़िला प्रशासन के निर्देश पर पुलिस ने नहीं, सेना पिछले हफ़्ते से राहत शिविरों में भोजन वितरण कर रहा है।", "रहा"),
        # an object before a verb the lists do not know as transitive
        ("बाढ़ के बाद से सेना पिछले हफ़्ते से शिविरों में भोजन बांट रहा है।", "रहा"),
        ("राज्य सरकार अगले शैक्षणिक सत्र से स्कूलों में मुफ़्त नाश्ता योजना लागू करेगा।", "करेगा"),
        ("मेज़बान टीम पहली पारी में महज़ एक सौ बीस रन पर सिमट गया।", "गया"),
        ("उच्चस्तरीय समिति पिछले सप्ताह घटनास्थल पर पहुंचा था।", "पहुंचा था"),
        ("आज स्वास्थ्य मंत्रालय सभी राज्यों को नई सलाह जारी करेगी।", "करेगी"),
        # before अगर, in the clause it opens
        ("विशेषज्ञों ने कहा कि सरकार अगर जल्द कार्रवाई करता तो संक्रमण रुक जाता।", "करता"),
        # right before an intransitive verb
        ("सोमवार को मेडिकल टीम पहुंचा और जांच शुरू हुई।", "पहुंचा"),
        # after postposition phrases that open the clause
        ("हादसे की जांच के लिए गठित तीन सदस्यीय समिति पिछले सप्ताह घटनास्थल पर पहुंचा।", "पहुंचा"),
        ("कंपनी अगले महीने से अपनी गाड़ियों की क़ीमतें बढ़ाकर नया मॉडल उतारेगा।", "उतारेगा"),
    ],
)
def test_reported(text: str, slip: str) -> None:
    assert spans_of(text, "G037") == [("G037", slip)]


@pytest.mark.parametrize(
    "text",
    [
        "स्थानीय पुलिस पिछले तीन दिनों से लापता बच्चे की तलाश में खोजबीन कर रही है।",
        # ने: the verb agrees with the object
        "अदालत ने दोनों पक्षों की दलीलें सुनने के बाद फ़ैसला सुनाया।",
        # a transitive perfective without ने is another slip
        "राज्य सरकार इस मामले में बड़ा फ़ैसला लिया।",
        # the doer is a modifier of the noun after it
        "पुलिस अधिकारी देर रात मौके पर पहुंचे।",
        "पुलिस बल शहर के चौराहों पर तैनात किया गया।",
        # the doer is the infinitive's subject, a later noun the clause's
        "सरकार बनने के बाद पहला फ़ैसला किसानों के हित में हुआ।",
        "तो सर्वोच्च न्यायालय सरकार बर्ख़ास्त करने के कारणों की समीक्षा कर सकता है।",
        "यद्यपि राजा भोज सेना तैयार कर फिर लौटा और उसने खोए हुए इलाक़े जीत लिए।",
        "अप्रैल 1398 में तैमूर स्वयं एक भारी सेना लेकर समरकंद से भारत के लिए रवाना हुआ।",
        # a bare noun the group agrees with may be its subject
        "सरकार की घोषणा के बाद बाज़ार में उछाल आया।",
        # the doer inside a postposition phrase, or coordinated
        "सरकार और विपक्ष के बीच बातचीत जारी रहेगी।",
        "सेना के जवान रात भर सीमा पर डटे रहे।",
        # a plural group may read the members
        "पुलिस मौके पर पहुंचे तो भीड़ छंट गई।",
        # को before a perfective: the object takes the default
        "पुलिस आरोपियों को गिरफ़्तार कर चुकी है।",
        # right before a transitive verb the doer may be its object
        "ख़बर है कि वह सरकार चलाता है।",
        "ख़बर है कि राहुल सरकार चलाता है।",
        # the copula alone may agree with a predicate noun after a name
        "ब्रिटिश राज के समय अमृत बाज़ार पत्रिका एक राष्ट्रवादी पत्र था।",
        # a pronoun on the way may be the subject
        "टीम के बाहर होने पर वह काफ़ी निराश हुआ।",
    ],
)
def test_silent(text: str) -> None:
    assert spans_of(text, "G037") == []


def test_doers_come_from_the_counts() -> None:
    """Institutions are doers with the counts' gender; persons' nouns never are."""
    genders = al.builtin()
    assert al.doer(genders, "सरकार") == al.Noun("f")
    assert al.doer(genders, "मंत्रालय") == al.Noun("m")
    assert al.doer(genders, "मंत्री") is None
    assert al.doer(genders, "किताब") is None


def test_a_damaged_table_of_counts_is_a_clear_error(tmp_path: Path) -> None:
    """Both grammar tables are read by one reader: a row short of counts is a one-line error."""
    path = tmp_path / "doers.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("# a comment\nword\tergative\toccurrences\nसरकार\t436\n")
    with pytest.raises(RuleDataError, match="unreadable doers: a row with fewer than 2 counts"):
        al._read_doers(path)
