"""P014's solid ने before the verb that takes it (हर्षवर्धनने … बताया)."""

from __future__ import annotations

import pytest

from qa.checks.solid_postposition import solid_ergative
from tests.conftest import spans_of


def test_the_word_before_a_solid_ne_is_no_pronoun_or_infinitive() -> None:
    assert solid_ergative("संक्रमितोंने") == "संक्रमितों"  # rare, but a word
    assert solid_ergative("उन्होने") is None  # a slip of the pronoun, T001's
    assert solid_ergative("करने") is None  # a word: the infinitive


def test_a_word_no_source_has_counts_where_the_document_writes_it_alone() -> None:
    text = "ईरान के प्रवक्ता कियानोश जहांपोर रोज़ बोलते हैं। रविवार को जहांपोरने नए आंकड़े बताए।"
    assert [word for _, word in spans_of(text, "P014")] == ["जहांपोरने"]
    assert spans_of("ईरान में रविवार को प्रवक्ता जहांपोरने नए आंकड़े बताए।", "P014") == []


@pytest.mark.parametrize(
    "text",
    [
        "ज़िले के दरोगा हरविंदर कुमारने बताया कि युवती गांव की रहने वाली है।",
        "ख़बर है कि दिल्ली के पहले मरीज़ समेत छह संक्रमितोंने डॉक्टरों का आभार जताया।",
        "केंद्रीय मंत्री हर्षवर्धनने गुरुवार को संसद में बताया कि मामले बढ़े।",
        # the verb first, its group ending there (no infinitive's की or दी before a noun)
        "ज़िले में 24 लोगों की स्क्रीनिंग भी डॉ. जोशीने की है।",
        "ख़बर है कि यह नाम विश्व स्वास्थ्य संगठनने दिया है।",
        # a conjunction between two nouns ends no clause
        "ख़बर है कि डिज़्नीने कोरोना के डर से रिसॉर्ट और पार्क को बंद कर दिया था।",
        # लिए as लेना's perfective, with no genitive before it
        "ख़बर है कि अस्पताल में डॉक्टरोंने उसके ब्लड सैंपल लिए।",
        # the verb fifteen words on
        "ख़बर है कि म्यांमारने चीन में आए संकट को देखते हुए मानवीय आधार पर सीमा पर यह पहल की है।",
    ],
)
def test_a_solid_ne_before_its_verb_is_reported(text: str) -> None:
    assert [code for code, _ in spans_of(text, "P014")] == ["P014"]


@pytest.mark.parametrize(
    "text",
    [
        "फ़िलहाल मॉस्कोने सेंटर की छत पर निर्माण किया गया।",  # a passive takes no ने
        "ख़बर है कि हर्षवर्धनने के बारे में कुछ नहीं लिखा गया।",  # a postposition follows
        "ज़्यादा जानकारी के लिए नडीने डोरिस से बात की।",  # no source has नडी
        "फ़िल्म में स्टीफ़न डिलने और रोनाल्ड पिकअप ने भी अभिनय किया।",  # the phrase's own ने
        "फ़िलहाल मॉस्कोने सेंटर और दफ़्तर की छत पर मरम्मत की गई।",  # की गई: a passive
    ],
)
def test_without_the_verb_that_takes_ne_it_is_left_alone(text: str) -> None:
    assert spans_of(text, "P014") == []
