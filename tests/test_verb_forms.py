"""T028: future forms with a second nasal, and the plural nouns that look like them."""

from __future__ import annotations

import pytest

from qa import api
from qa.checks.verb_forms import intended


@pytest.mark.parametrize(
    ("word", "right"),
    [
        ("करेंगें", "करेंगे"),
        ("जाएंगें", "जाएंगे"),
        ("जायेंगें", "जायेंगे"),
        ("होंगें", "होंगे"),
        ("लेंगें", "लेंगे"),  # ले is its own root
        ("देंगें", "देंगे"),
        ("करेंगीं", "करेंगी"),
        ("मिलेंगीं", "मिलेंगी"),
    ],
)
def test_future_forms_with_a_second_nasal(word: str, right: str) -> None:
    assert intended(word) == right


@pytest.mark.parametrize(
    "word",
    ["करेंगे", "होंगी", "मांगें", "तरंगें", "छलांगें", "टांगें", "उमंगें", "रेंगें", "पेंगें", "बातें", "में"],
)
def test_nouns_and_correct_forms_are_left_alone(word: str) -> None:
    assert intended(word) is None


def test_one_finding_per_slip_not_a_second_from_the_spelling_rule() -> None:
    text = "ज़्यादा छात्राएं परीक्षा में शामिल होंगीं और वे प्रश्न हल कर सकेंगें।"
    found = [(d.code, text[d.start : d.end]) for d in api.check(text) if d.code.startswith("T")]
    assert found == [("T028", "होंगीं"), ("T028", "सकेंगें")]
