"""Objects with ने read further (G023) and noun phrases that end before an adjective or
an infinitive (G001, G002), through the public API on the misses they were built for and
on the hard passes they must leave alone."""

from __future__ import annotations

import pytest

from qa.checks import agreement_lexicon

from conftest import spans_of


def _findings(text: str) -> list[tuple[str, str]]:
    return spans_of(text, "G")


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        # after ने, two nouns before a genitive are its possessor, not the object
        ("सुप्रीम कोर्ट ने पूर्व विधायक की ज़मानत याचिका ख़ारिज कर दिया।", "G023", "दिया"),
        # a number word ends a noun phrase as digits do
        ("नगर निगम ने सत्रह दुकानें सील कर दिया।", "G023", "दिया"),
        # a root before a light verb is a transitive verb's with ने
        ("अदालत ने ज़मानत की सुनवाई टाल दिया।", "G023", "दिया"),
        # a noun of time before a genitive is a noun of the phrase, not an adverb
        ("हाई कोर्ट ने मामले की सुनवाई चार सप्ताह के लिए टाल दिया।", "G023", "दिया"),
        ("कंपनी ने बारह प्रतिशत की बढ़ोतरी दर्ज किया।", "G023", "किया"),
        # an adjective after the noun opens a phrase of its own
        ("ख़ुफ़िया रिपोर्ट में किसानों की आंदोलन पिछले बीस दिनों से जारी है।", "G001", "की"),
        # an infinitive after an adjective's noun ends its phrase
        ("इस साल प्रदेश में अच्छा बारिश होने से बांध भर गए हैं।", "G002", "अच्छा"),
        # the -ए form of an -आ noun whose plurals show it inflects
        ("सड़क के बीचोंबीच बने एक गहरी गड्ढे में बाइक गिर गई।", "G002", "गहरी"),
    ],
)
def test_each_miss_alone_is_found(text: str, code: str, span: str) -> None:
    assert (code, span) in _findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "सुप्रीम कोर्ट ने पूर्व विधायक की ज़मानत याचिका ख़ारिज कर दी।",
        "नगर निगम ने सत्रह दुकानें सील कर दीं।",
        "अदालत ने ज़मानत की सुनवाई दो सप्ताह के लिए टाल दी।",
        "कंपनी ने बारह प्रतिशत की बढ़ोतरी दर्ज की।",
        "दंपती ने अनाथालय से बच्चा गोद ले लिया।",  # लेना's idiom: गोद is no object
        "उन्होंने ख़ुद साफ़ कह दिया कि वे चुनाव नहीं लड़ेंगे।",  # a verb that takes a clause
        "उन्होंने आख़िरकार हामी भर दी।",
        "उनका बात करने का तरीका सबसे अलग है।",  # a genitive may qualify past an infinitive
        "उसकी पानी भरी बाल्टी ज़मीन पर गिर गई।",  # a participle after a noun: an attribute
        "किसानों का आंदोलन पिछले साल से जारी है।",
        "आतंकवाद के भी हादसे होते रहते हैं।",  # के before a plural
    ],
)
def test_hard_passes_are_silent(text: str) -> None:
    assert [code for code, _ in _findings(text) if code in {"G001", "G002", "G022", "G023"}] == []


def test_an_inflecting_nouns_e_form_is_masculine_whatever_its_number() -> None:
    lexicon = agreement_lexicon.builtin()
    found = lexicon.inflected("गड्ढे")
    assert found is not None and found.gender == "m" and not found.inflects
    assert lexicon.inflected("गड्ढा") is None  # only the -ए form
    assert lexicon.inflected("दुकाने") is None  # दुकान is feminine
