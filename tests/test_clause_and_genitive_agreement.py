"""G038 (a verb whose object is a clause takes the masculine singular) and G039 (the noun a
genitive shows is the subject of होना's perfective, मिलना, आना or a passive)."""

from __future__ import annotations

import pytest

from conftest import spans_of


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("स्वास्थ्य मंत्रालय के अधिकारियों ने शनिवार को यहां बताई कि सभी ज़िलों में जांच जारी है।", "बताई"),
        ("प्रधानमंत्री ने ट्वीट कर कही, ‘घबराने की ज़रूरत नहीं है।’", "कही"),
        ("ज़िलाधिकारी ने अस्पतालों को थर्मल स्कैनर की व्यवस्था करने को कही थी।", "कही थी"),
        ("आदेश में यह भी कही गई है कि उल्लंघन पर कार्रवाई होगी।", "कही गई"),
        ("श्री महतो ने बताया कि रेलवे विभाग ने उनसे कही है कि ट्रेन रात दस बजे चलेगी।", "कही"),
    ],
)
def test_a_clause_object_takes_the_default(text: str, slip: str) -> None:
    assert spans_of(text, "G038") == [("G038", slip)]


@pytest.mark.parametrize(
    "text",
    [
        "स्वास्थ्य मंत्रालय ने बताया कि सभी ज़िलों में जांच जारी है।",
        # a bare noun on the way is the object the verb agrees with
        "उन्होंने पत्रकारों को यह बात बताई कि जांच जारी है।",
        "मंत्री ने सरकार से मांग की कि मुआवज़ा जल्द मिले।",
        # no कि or quotation after it: a fronted object may be what it agrees with
        "यह जानकारी स्वास्थ्य मंत्री ने बताई।",
        # a passive before a quotation may be a title's attribute
        "याज्ञवल्क्य स्मृति पर लिखी गई ‘मिताक्षरा’ टीका प्रसिद्ध है।",
        # a compound or a modal reads otherwise
        "उन्होंने कहा कि वह अपनी बात कह सकती है।",
    ],
)
def test_a_clause_object_is_not_read_otherwise(text: str) -> None:
    assert spans_of(text, "G038") == []


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("राज्य में संक्रमितों की संख्या रविवार को बढ़कर 39 हो गया है।", "गया"),
        ("अस्पताल में इलाज के दौरान किसी की मौत नहीं हुआ है।", "हुआ"),
        ("हवाई अड्डे पर यात्रियों की थर्मल स्क्रीनिंग किया जा रहा है।", "किया जा रहा"),
        ("इसकी स्थापना वर्ष 1870 में किया गया था।", "किया गया था"),
        ("राजधानी में संक्रमण का पहला मामला सामने आई।", "आई"),
    ],
)
def test_the_noun_a_genitive_shows_is_the_subject(text: str, slip: str) -> None:
    assert spans_of(text, "G039") == [("G039", slip)]


@pytest.mark.parametrize(
    "text",
    [
        "राज्य में संक्रमितों की संख्या रविवार को बढ़कर 39 हो गई है।",
        # a predicate noun of होना's non-perfective, or of बनना
        "छाती का दर्द इस रोग का मुख्य लक्षण होती है।",
        "यह फ़ैसला सरकार की मजबूरी बन गया।",
        # the noun opens a phrase: the subject is elsewhere
        "उनका जन्म भारत की राजधानी दिल्ली में हुआ था।",
        # the counts give the noun the other gender: the genitive may be the slip
        "पूंजी की समस्याओं की विश्लेषणात्मक विवेचन किया गया है।",
        # a complement of a verb that names, or को in the clause
        "माँ लक्ष्मी को धन की देवी माना गया है।",
        "इस शहर को देश की राजधानी बनाया गया।",
        # के: the noun may be plural
        "राज्य के मामले सामने आए।",
    ],
)
def test_the_shown_noun_is_not_read_otherwise(text: str) -> None:
    assert spans_of(text, "G039") == []
