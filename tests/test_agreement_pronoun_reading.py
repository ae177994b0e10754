"""G026 reads across objects and a verb's genitive noun only where its subject is sure."""

from __future__ import annotations

import pytest

from qa import api
from qa.config import Config


def _codes(text: str) -> list[str]:
    config = Config()
    config.values["select"] = ["G026", "G027"]
    return [d.code for d in api.check(text, config=config)]


@pytest.mark.parametrize(
    "text",
    [
        "ग्रंथ में वे महावीर की तपस्या का बड़ा मार्मिक वर्णन पाया जाता है।",  # the genitive's noun is the subject
        "ज़िलाधिकारी के मुताबिक़ वे हादसे की जांच की जाएगी।",  # a passive after the genitive
        "संगठन ने आग्रह किया है कि वे कंपनियों की मदद करे।",  # करे: a subjunctive, not करना's perfective
        "प्रवक्ता ने कहा कि हम लोगों को जाना पड़ेगा।",  # को ends the pronoun's own phrase
        "प्रवक्ता ने कहा कि हम दोनों को बुलाया गया।",
        "प्रवक्ता ने कहा कि हम युवाओं को आगे आना होगा।",  # a dative subject's duty, not an object
    ],
)
def test_quiet_where_the_subject_is_not_sure(text: str) -> None:
    assert _codes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "अफ़सरों ने कहा कि वे मामले की जांच कर रहा है।",
        "प्रवक्ता ने कहा कि हम उसे किसी क़ीमत पर नहीं छोड़ेगा।",
        "ज़िले में हम हर साल बच्चों को मुफ़्त किताबें देता है।",
    ],
)
def test_reads_across_objects_to_a_future_habitual_or_progressive(text: str) -> None:
    assert _codes(text) == ["G026"]
