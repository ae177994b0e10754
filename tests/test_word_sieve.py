"""The word sieve: the words a test accepts, the test asked once per word."""

from __future__ import annotations

import pytest

from qa.checks import word_sieve
from qa.checks.word_sieve import Sieve


def _counted() -> tuple[Sieve, list[str]]:
    asked: list[str] = []

    def test(word: str) -> bool:
        asked.append(word)
        return word.endswith("ा")

    return Sieve(test), asked


def test_select_gives_the_accepted_words() -> None:
    sieve, _ = _counted()
    assert sieve.select({"बड़ा", "घर", "नया", "की"}) == {"बड़ा", "नया"}
    assert sieve.select({"घर"}) == set()


def test_each_word_is_tested_once_across_documents() -> None:
    sieve, asked = _counted()
    sieve.select({"बड़ा", "घर"})
    assert sieve.select({"बड़ा", "घर", "नया"}) == {"बड़ा", "नया"}
    assert sorted(asked) == sorted(["बड़ा", "घर", "नया"])


def test_a_frozenset_is_words_too() -> None:
    sieve, _ = _counted()
    assert sieve.select(frozenset({"बड़ा", "घर"})) == {"बड़ा"}


def test_past_the_limit_it_starts_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_sieve, "LIMIT", 3)
    sieve, asked = _counted()
    sieve.select({"बड़ा", "घर"})
    assert sieve.select({"नया", "छोटा"}) == {"नया", "छोटा"}  # 4 words > 3: afresh
    asked.clear()
    assert sieve.select({"बड़ा", "नया"}) == {"बड़ा", "नया"}
    assert asked == ["बड़ा"]  # forgotten when it started afresh; नया kept
