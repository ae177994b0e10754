"""Conjunct verbs (a noun and करना) whose noun governs the verb: after a postposition
phrase with ने (G023) and in a passive (G005), and की ending a ने clause read as the
verb, not the genitive (G001, G004)."""

from __future__ import annotations

import pytest

from qa.checks.agreement import after_postposition

from conftest import spans_of


def _findings(text: str) -> list[tuple[str, str]]:
    return spans_of(text, "G")


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("सरकार ने इस क़ानून पर चर्चा किया।", "G023", "किया"),
        ("प्रधानमंत्री ने ज़िले के अफ़सरों के साथ भी बातचीत किया था।", "G023", "किया था"),
        ("उन्होंने दिल्ली में राष्ट्रपति से मुलाक़ात किया।", "G023", "किया"),
        ("उन्होंने सोमवार को ज़िले के अफ़सरों से मुलाक़ात किया।", "G023", "किया"),  # को after a day: a time
        ("उन्होंने 8 फ़रवरी को इस मुद्दे पर चर्चा किया।", "G023", "किया"),
        ("बैठक में नए क़ानून पर चर्चा किया गया।", "G005", "किया गया"),
        ("विश्वविद्यालय में इस विषय पर भी चर्चा किया जाएगा।", "G005", "किया जाएगा"),
        ("ज़िले में प्रदर्शनी आयोजित किया जाएगा।", "G020", "किया जाएगा"),
        ("मुख्यमंत्री ने नए पुल का उद्घाटन की।", "G004", "की"),
    ],
)
def test_a_conjuncts_noun_governs_its_verb(text: str, code: str, span: str) -> None:
    assert (code, span) in _findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "सरकार ने इस क़ानून पर चर्चा की।",  # the right form
        "बैठक में नए क़ानून पर चर्चा की गई।",
        "सरकार ने इस मुद्दे पर विचार किया।",  # a masculine noun
        "बैठक में इस मुद्दे पर विचार किया गया।",
        "उन्होंने इस मौक़े पर शहीदों को याद किया।",  # a को object: masculine singular
        "उन्होंने सोमवार को शहीदों को याद किया।",  # a time and an object with को
        "पुलिस ने इस मामले में पांच को पूछताछ के बाद रिहा किया।",  # पांच को: five people
        "इस मौक़े पर शहीदों को याद किया गया।",
        "उन्होंने चर्चा पर ज़ोर दिया।",  # the noun before a postposition
        "चैनल ने इस बारे में रिपोर्ट किया कि सेना लौटी।",  # a conjunct that takes a clause
        "यह मामला ज़िले के थाने में रिपोर्ट किया गया।",  # another bare noun is the subject
        "प्रधानमंत्री ने इस प्रतियोगिता में भाग लिया।",  # not करना
        "भारत में जांच किए गए लोगों की संख्या कम है।",  # an attribute, not a verb group
        "उन्हें इस पद पर, परंपरानुसार, वरिष्ठता के आधार पर नियुक्ति किया गया।",  # उन्हें before a comma
    ],
)
def test_conjuncts_that_agree_or_are_not_the_verbs_noun_stay_silent(text: str) -> None:
    assert [code for code, _ in _findings(text) if code in ("G004", "G005", "G020", "G023")] == []


@pytest.mark.parametrize(
    "text",
    [
        "प्रधानमंत्री ने नदी पर बने पुल का उद्घाटन की।",
        "विधायक ने स्कूल का उद्घाटन की थी।",
    ],
)
def test_ki_ending_an_ergative_clause_is_the_verb_not_the_genitive(text: str) -> None:
    found = _findings(text)
    assert [code for code, _ in found if code == "G001"] == []
    assert any(code == "G004" for code, _ in found)


def test_the_genitive_before_a_noun_with_a_postposition_is_still_read() -> None:
    assert ("G001", "का") in _findings("ख़बर है कि उन्होंने धर्म का भी साधना की।")
    assert ("G001", "की") in _findings("उन्होंने भारत की इतिहास में नया अध्याय जोड़ा।")


@pytest.mark.parametrize(
    ("words", "j", "expected"),
    [
        (["इस", "मुद्दे", "पर", "चर्चा"], 3, True),
        (["इस", "मुद्दे", "पर", "भी", "चर्चा"], 4, True),
        (["अफ़सरों", "के", "साथ", "बातचीत"], 3, True),
        (["साथ", "बातचीत"], 1, False),  # साथ alone is no postposition
        (["नई", "योजना", "की", "घोषणा"], 3, False),  # a genitive, G004's
        (["भी", "चर्चा"], 1, False),
        (["चर्चा"], 0, False),
    ],
)
def test_after_postposition(words: list[str | None], j: int, expected: bool) -> None:
    assert after_postposition(words, j) is expected
