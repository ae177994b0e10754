"""T028: future forms with a second nasal, and the plural nouns that look like them."""

from __future__ import annotations

import pytest

from qa import api
from qa.checks import inflection
from qa.checks.inflection import future, oblique_plural


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
        ("चाहेंगें", "चाहेंगे"),  # चाहना is not in the lexicon, चाहता is
    ],
)
def test_future_forms_with_a_second_nasal(word: str, right: str) -> None:
    assert future(word) == right


@pytest.mark.parametrize(
    "word",
    ["करेंगे", "होंगी", "मांगें", "तरंगें", "छलांगें", "टांगें", "उमंगें", "रेंगें", "पेंगें", "बातें", "में"],
)
def test_nouns_and_correct_forms_are_left_alone(word: str) -> None:
    assert future(word) is None


def test_one_finding_per_slip_not_a_second_from_the_spelling_rule() -> None:
    text = "ज़्यादा छात्राएं परीक्षा में शामिल होंगीं और वे प्रश्न हल कर सकेंगें।"
    found = [(d.code, text[d.start : d.end]) for d in api.check(text) if d.code.startswith("T")]
    assert found == [("T028", "होंगीं"), ("T028", "सकेंगें")]


@pytest.mark.parametrize(
    ("word", "right"),
    [
        ("गांवो", "गांवों"),
        ("किसानो", "किसानों"),
        ("महिलाओ", "महिलाओं"),
        ("राज्यो", "राज्यों"),
        ("वर्षो", "वर्षों"),
        ("बच्\u200dचो", "बच्\u200dचों"),  # a joiner inside the word
        ("ल\u095cको", "ल\u095cकों"),  # a precomposed ड़
    ],
)
def test_oblique_plurals_without_their_nasal(word: str, right: str) -> None:
    assert oblique_plural(word) == right


@pytest.mark.parametrize("word", ["लोगो", "करो", "दो", "गांवों", "वीडियो", "कलमकारो"])
def test_words_that_keep_their_ending(word: str) -> None:
    assert oblique_plural(word) is None  # logo; an imperative; too short; right; a loanword; unknown


def test_the_plural_is_reported_only_before_a_postposition() -> None:
    text = "ज़्यादा भाइयो और बहनो, गांवो की हालत सुनो। ख़बर है कि शहरो से लोग लौटे।"
    found = [(d.code, text[d.start : d.end]) for d in api.check(text) if d.code == "T029"]
    assert found == [("T029", "गांवो"), ("T029", "शहरो")]


def test_register_words_are_left_to_t001_and_a_line_break_is_a_space() -> None:
    text = "ज़्यादा हजारो की भीड़ थी और कई वर्षो\nसे सड़क नहीं बनी, बच्चो\u00a0को छुट्टी।"
    found = sorted((d.code, text[d.start : d.end]) for d in api.check(text) if d.code in ("T001", "T029"))
    assert found == [("T001", "हजारो"), ("T029", "बच्चो"), ("T029", "वर्षो")]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("हादसे में 5 लोगो", True),
        ("कुल १२ लोगो", True),
        ("कुल 1,200 लोगो", True),
        ("कई लोगो", True),
        ("इन लोगो", True),
        ("कुल 1 लोगो", False),
        ("एक लोगो", False),
        ("कंपनी के नए लोगो", False),
        ("लोगो", False),
    ],
)
def test_a_plural_counter_before_a_word(text: str, counted: bool) -> None:
    assert inflection.after_plural_counter(text, text.rindex("लोगो")) is counted
