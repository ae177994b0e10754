"""The matching key's fast paths: a class skips a word only when its pattern cannot match."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from qa.text import normalize
from qa.text.normalize import CLASSES

#: The regex behind each guarded class.
PATTERNS = {
    "nukta": normalize._NUKTA,
    "nasal": normalize._NASAL,
    "shruti": normalize._SHRUTI,
    "halant": normalize._FINAL_HALANT,
    "doubled": normalize._DOUBLED,
}
#: Letters the patterns look at, a few others, and a newline (``$`` matches before a final one).
LETTERS = "कखगजफतदधनमरयसथङञणटडपबाीेोंँ़्\n"


@given(st.text(alphabet=LETTERS, max_size=10))
@example("अर्थात्\n")
@example("तत्त्व")
@example("अर्द्ध")
@example("सम्बन्ध")
@example("गये")
@example("ज़रा")
def test_a_guard_never_hides_a_match(word: str) -> None:
    for name, pattern in PATTERNS.items():
        assert (CLASSES[name](word) != word) == bool(pattern.search(word)), name


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("दुबारा", "दोबारा"),
        ("त्यौहारों", "त्योहारों"),  # a stem matches its inflected forms
        ("दु", "दु"),  # shorter than every stem
        ("द", "द"),
        ("दुकान", "दुकान"),  # opens like a stem but is none
    ],
)
def test_register_stems_are_found_behind_the_two_letter_filter(word: str, expected: str) -> None:
    assert CLASSES["register"](word) == expected


@given(st.text(alphabet=LETTERS + "ऑॉअउएदुबारात्यौह", max_size=10))
@example("दुबारा")
@example("गये")
@example("कॉलेज")
@example("महत्त्व")
def test_the_key_skips_the_classes_only_for_a_word_they_leave_alone(word: str) -> None:
    """A word without the marks the later classes need skips them (:func:`normalize.key`)."""
    expected = unicodedata.normalize("NFC", word)
    for strip in CLASSES.values():
        expected = strip(expected)
    assert normalize.key(word) == expected
