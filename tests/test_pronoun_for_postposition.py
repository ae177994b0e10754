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
    # a place: the gazetteer's, a noun of place, a place's -भर
    "ख़बर है कि पुणे मैं कोरोना वायरस के एक और मामले की पुष्टि हुई।",
    "प्रदूषण बढ़ने से शहर मैं धुंध छाई रही।",
    "कोविड-19 के डर से दुनियाभर मैं हड़कंप मचा।",
    # a noun phrase opened by an oblique genitive, read back over a noun
    "राहत शिविरों के बाद सेना के राहत अभियान मैं तेज़ी आई।",
    # a feminine thing after की
    "बाढ़ के बाद पूरा गांव बीमारी की चपेट मैं आ गया।",
    # the adverbs बाद में, हाल में ही and the compound postposition के रूप में
    "टीम ने पहला मैच जीता और बाद मैं ख़िताब भी अपने नाम किया।",
    "ज़ख़्मी मरीज़ हाल मैं ही इटली से लौटा था।",
    "उन्होंने सहायक निर्देशक के रूप मैं काम शुरू किया।",
    # ने before it in its clause, the verb past a comma
    "पुलिस ने मोहल्ले मैं, देर रात तक, तलाशी ली।",
    # और that means "more" does not end the clause
    "ख़बर के मुताबिक़ बस हादसे मैं एक और यात्री की मौत हो गई है।",
    # a plural in -ों after a number
    "ज़िले के 1932 गांवों मैं जागरूकता अभियान चला।",
    # a place before सामने आना (came to light) or a root that जाना follows: no going there
    "ख़बर है कि संक्रमण का एक मामला राजस्थान मैं सामने आया।",
    "ज़िले के अस्पताल से ख़बर है कि चीन मैं सौ साल का एक बुज़ुर्ग पूरी तरह ठीक हो गया।",
    # ऐसे, an oblique form
    "ऐसे मैं लोगों को घरों में रहने की सलाह दी गई है।",
    # के चलते is a postposition, no verb of motion
    "ख़बर है कि ईरान मैं कोरोना के चलते शनिवार को एक सांसद की मौत हो गई।",
    # और before a number after a place: "more"
    "कोरोना वायरस से ईरान मैं और 147 लोगों की मौत हो गई।",
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
    "इसके बाद मैं अपने दफ़्तर लौट गया।",  # बाद after a genitive is a postposition
    "दो साल बाद मैं फिर वहां गया।",  # and after a time
    "इस फ़िल्म की कहानी मैं ख़ुद लिखूंगी।",  # a feminine thing after की, and I's own future
    "ख़ुशी है कि मुंबई मैं पहली बार देखूंगा।",  # a place, and I's own future
    "पिछले हफ़्ते गांव मैं गया था।",  # a place before a verb of motion; a time is a phrase of its own
    "ख़ुशी है कि दिल्ली मैं कल ही पहुंच गया।",  # a verb of motion's root before जाना
    "उन्होंने कहा कि ऐसे मैं कभी नहीं करूंगा।",  # ऐसे and I's own future
    "ज़िले की बेटी मैं ही थी।",  # a person after की
    "सरकार ने वह योजना जिसको मैं बेहतर मानता था, बंद कर दी।",  # ने before a relative clause
    "हमेशा की तरह मैं इस बार भी मैदान पर उतरा।",  # a compound postposition's noun after की
    "ग़ज़ल गायक ने कहा, इंदौर मैं पहली बार उन्नीस सौ नब्बे में आया था।",  # a verb of motion further on
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
