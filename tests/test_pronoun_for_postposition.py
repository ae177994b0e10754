"""T041: मैं after a noun where its clause's verb cannot go with I."""

from __future__ import annotations

import pytest

from qa import api
from qa.config import Config
from tests.conftest import spans_of

SLIPS = [
    # a number on the way to the copula (T022's pattern reads words only)
    "ताज़ा आंकड़ों के मुताबिक़ इंदौर मैं कोरोना से मरने वालों की संख्या 39 हो गई है।",
    # a plural perfective ending the clause, before और
    "चुनाव प्रचार के आख़िरी दिन बड़े नेता राजधानी मैं पहुंचे और रोड शो किया।",
    # a transitive perfective with no ने
    "ज़िला प्रशासन की बैठक मैं अधिकारियों को निर्देश दिया।",
    # a subject marked with ने after a participle
    "राज्य स्तरीय प्रतियोगिता के समारोह मैं शामिल हुए खिलाड़ियों ने मशाल जलाई।",
    # a number before it (a year)
    "ज़िले की ख़बर है कि 2008 मैं इसे बीटा वर्ल्ड सिटी घोषित किया गया है।",
    # a future of the third person
    "फ़िलहाल अगले सत्र मैं सरकार नया विधेयक लाएगी।",
]

READINGS_OF_I = [
    "ख़ुशी की बात है कि दिल्ली मैं कल ही पहुंचा।",  # an intransitive singular
    "पिछले साल मैं वहां गया था और लोगों से मिला।",  # after a noun of time
    "उन्होंने कहा मैं इस्तीफ़ा दूंगा क्योंकि यह ज़रूरी है।",  # after a verb of saying
    "दोस्तों मैं आपसे कहना चाहता हूं कि देश आगे बढ़ रहा है।",  # हूं comes first
    "ज़ख़्मी बेटा बोला, पापा मैं भेजा गया था।",  # a passive
    "ख़बर है कि पिछले साल मैं और मेरे साथी वहां गए थे।",  # a compound subject
    "फ़िल्म के सेट पर दोस्त मैं थके हुए लोगों से मिला।",  # a participle before its noun
    "उस दिन के बाद मैं अकेला रहा, जबकि बाक़ी लोग लौट गए।",  # the clause ends at the comma
]


@pytest.mark.parametrize("text", SLIPS)
def test_mai_whose_verb_cannot_be_is_reported(text: str) -> None:
    assert spans_of(text, "T041") == [("T041", "मैं")]


@pytest.mark.parametrize("text", READINGS_OF_I)
def test_mai_that_may_be_i_is_left_alone(text: str) -> None:
    assert spans_of(text, "T041") == []


def test_the_fix_writes_the_postposition_and_nothing_else() -> None:
    text = SLIPS[0]
    fixed = api.fix(text, config=Config(), select=["T041"]).text
    assert fixed == text.replace("इंदौर मैं", "इंदौर में")


def test_where_t022_reads_the_clause_it_alone_reports() -> None:
    text = "ज़्यादा राष्ट्रपति का दफ़्तर दिल्ली मैं है।"
    assert spans_of(text, "T") == [("T022", "मैं")]
