"""P014's solid ने before the verb that takes it (हर्षवर्धनने … बताया)."""

from __future__ import annotations

import pytest

from qa.checks.solid_postposition import solid_ergative
from tests.conftest import spans_of


def test_the_word_before_a_solid_ne_must_be_a_word_the_sources_have() -> None:
    assert solid_ergative("संक्रमितोंने") == "संक्रमितों"  # rare, but a word
    assert solid_ergative("नडीने") is None  # a name of its own that ends so
    assert solid_ergative("उन्होने") is None  # a slip of the pronoun, T001's
    assert solid_ergative("करने") is None  # a word: the infinitive


@pytest.mark.parametrize(
    "text",
    [
        "ज़िले के दरोगा हरविंदर कुमारने बताया कि युवती गांव की रहने वाली है।",
        "ख़बर है कि दिल्ली के पहले मरीज़ समेत छह संक्रमितोंने डॉक्टरों का आभार जताया।",
        "केंद्रीय मंत्री हर्षवर्धनने गुरुवार को संसद में बताया कि मामले बढ़े।",
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
    ],
)
def test_without_the_verb_that_takes_ne_it_is_left_alone(text: str) -> None:
    assert spans_of(text, "P014") == []
