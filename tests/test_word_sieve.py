"""The word sieve: the words a test accepts, the test asked once per word."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest

from qa.checks import word_sieve
from qa.checks.word_sieve import Sieve


@pytest.fixture(autouse=True)
def _own_sieves(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The sieves of each test alone (not the rules' of an earlier test)."""
    monkeypatch.setattr(word_sieve, "_SIEVES", word_sieve._Sieves())
    yield


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
    assert sieve.select(frozenset({"बड़ा", "घर", "नया"})) == {"बड़ा", "नया"}
    assert sieve.select(frozenset({"बड़ा", "घर", "नया"})) == {"बड़ा", "नया"}
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


def _sieves_of(count: int) -> tuple[list[Sieve], list[list[str]]]:
    """``count`` sieves (words ending in ा, ी, े …), each recording what it is asked."""
    asked: list[list[str]] = [[] for _ in range(count)]

    def test(n: int, word: str) -> bool:
        asked[n].append(word)
        return word.endswith("ाीेोू"[n])

    return [Sieve(partial(test, n)) for n in range(count)], asked


def test_the_sieves_asked_so_far_judge_a_documents_new_words_together() -> None:
    sieves, asked = _sieves_of(2)
    document = frozenset({"बड़ा", "बड़ी", "घर"})
    assert sieves[0].select(document) == {"बड़ा"}
    assert sieves[1].select(document) == {"बड़ी"}  # joins: it judges the words it is shown
    later = frozenset({"बड़ा", "नयी", "ला"})
    assert sieves[1].select(later) == {"नयी"}
    assert sorted(asked[0]) == sorted(["बड़ा", "बड़ी", "घर", "नयी", "ला"])  # judged with the other
    asked[0].clear()
    assert sieves[0].select(later) == {"बड़ा", "ला"}
    assert asked[0] == []  # no word new to it


def test_a_sieve_that_joins_late_judges_the_words_it_had_not_met() -> None:
    sieves, asked = _sieves_of(2)
    sieves[0].select(frozenset({"बड़ा", "घर"}))
    assert sieves[1].select({"बड़ी", "घर"}) == {"बड़ी"}
    assert sieves[0].select(frozenset({"बड़ा", "नई"})) == {"बड़ा"}
    assert sorted(asked[1]) == sorted(["बड़ी", "घर", "बड़ा", "नई"])
    assert sorted(asked[0]) == sorted(["बड़ा", "घर", "बड़ी", "नई"])  # each word once


def test_past_the_most_sieves_they_start_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_sieve, "MOST_SIEVES", 1)
    sieves, asked = _sieves_of(2)
    sieves[0].select({"बड़ा"})
    assert sieves[1].select({"बड़ी"}) == {"बड़ी"}  # the first sieve left
    asked[0].clear()
    assert sieves[0].select({"बड़ा"}) == {"बड़ा"}
    assert asked[0] == ["बड़ा"]  # forgotten


def test_sieves_give_threads_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_sieve, "LIMIT", 12)  # threads start afresh under one another
    sieves, _ = _sieves_of(5)
    words = [f"{stem}{end}" for stem in ("बड़", "छोट", "घर", "नय", "अच्छ") for end in "ाीेोूं"]
    documents = [frozenset(words[n : n + 9]) for n in range(0, len(words), 2)] * 20
    expected = [[{w for w in doc if sieve.test(w)} for sieve in sieves] for doc in documents]

    def select(doc: frozenset[str]) -> list[set[str]]:
        return [sieve.select(doc) for sieve in sieves]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(select, documents)) == expected


def _ledger() -> tuple[word_sieve.Ledger[str | None], list[str]]:
    asked: list[str] = []

    def stem(word: str) -> str | None:
        asked.append(word)
        return word[:-1] if word.endswith("ा") else None

    return word_sieve.Ledger(stem), asked


def test_a_ledger_gives_each_words_value_in_order_asking_once_per_word() -> None:
    ledger, asked = _ledger()
    assert ledger.values(["बड़ा", "घर", "नया"]) == ["बड़", None, "नय"]
    assert ledger.values(["नया", "घर", "छोटा", "नया"]) == ["नय", None, "छोट", "नय"]
    assert sorted(asked) == sorted(["बड़ा", "घर", "नया", "छोटा"])


def test_a_ledger_starts_afresh_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_sieve, "LIMIT", 3)
    ledger, asked = _ledger()
    ledger.values(["बड़ा", "घर"])
    assert ledger.values(["नया", "छोटा"]) == ["नय", "छोट"]  # 4 words > 3: afresh
    asked.clear()
    assert ledger.values(["बड़ा", "नया"]) == ["बड़", "नय"]
    assert asked == ["बड़ा"]  # forgotten when it started afresh; नया kept


def test_a_ledger_gives_threads_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_sieve, "LIMIT", 7)  # threads start afresh under one another
    ledger, _ = _ledger()
    words = [f"{stem}{end}" for stem in ("बड़", "छोट", "घर", "नय") for end in "ाीे"]
    documents = [words[n : n + 5] for n in range(0, len(words), 2)] * 20
    expected = [[w[:-1] if w.endswith("ा") else None for w in doc] for doc in documents]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(ledger.values, documents)) == expected


def test_shared_keys_groups_the_items_of_keys_met_twice_in_order() -> None:
    items = ["गए", "घर", "गये", "ज़रा", "जरा", "गयें", "नया"]
    keys = ["गए", None, "गए", "जरा", "जरा", "गए", None]
    assert word_sieve.shared_keys(items, keys) == {"गए": ["गए", "गये", "गयें"], "जरा": ["ज़रा", "जरा"]}
    first_met = word_sieve.shared_keys(["गए", "ज़रा", "जरा", "गये"], ["गए", "जरा", "जरा", "गए"])
    assert list(first_met) == ["गए", "जरा"]  # in the order of their first items, not their second
    assert word_sieve.shared_keys(["घर", "नया"], ["घ", "न"]) == {}
