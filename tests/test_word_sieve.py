"""The word sieve: the words a test accepts, the test asked once per word."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

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


def _panel_of(count: int) -> tuple[word_sieve.Panel, list[Sieve], list[list[str]]]:
    """A panel and ``count`` sieves (words ending in ा, ी, े …), each recording what it is asked."""
    asked: list[list[str]] = [[] for _ in range(count)]

    def test(n: int, word: str) -> bool:
        asked[n].append(word)
        return word.endswith("ाीेोू"[n])

    return word_sieve.Panel(), [Sieve(lambda word, n=n: test(n, word)) for n in range(count)], asked


def test_a_panel_sorts_words_as_each_sieve_selects_them() -> None:
    panel, sieves, _ = _panel_of(3)
    words = {"बड़ा", "बड़ी", "बड़े", "घर", "नई", "ला", "दी"}
    sorted_ = panel.sort(words, sieves[1])
    assert list(sorted_) == [sieves[1]]  # only the sieves asked for so far
    for sieve in sieves:
        sorted_ = panel.sort(words, sieve)
    assert {sieve: set(found) for sieve, found in sorted_.items()} == {
        sieve: Sieve(sieve.test).select(words) for sieve in sieves
    }


def test_a_panel_asks_each_test_once_per_word_and_sieves_may_join_late() -> None:
    panel, sieves, asked = _panel_of(3)
    panel.sort({"बड़ा", "घर"}, sieves[0])
    panel.sort({"बड़ा", "घर", "नई"}, sieves[0])
    assert sorted(asked[0]) == sorted(["बड़ा", "घर", "नई"])
    found = panel.sort({"बड़ी", "घर"}, sieves[2])  # joins: it judges the words it is shown
    assert (found[sieves[0]], found[sieves[2]], sorted(asked[2])) == ([], [], sorted(["बड़ी", "घर"]))
    assert panel.sort({"बड़ा", "बड़े"}, sieves[2]) == {sieves[0]: ["बड़ा"], sieves[2]: ["बड़े"]}
    assert sorted(asked[0]) == sorted(["बड़ा", "घर", "नई", "बड़ी", "बड़े"])


def test_a_panel_starts_afresh_past_its_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_sieve, "LIMIT", 3)
    panel, sieves, asked = _panel_of(2)
    panel.sort({"बड़ा", "घर", "नया", "छोटा"}, sieves[0])  # 4 words > 3
    asked[0].clear()
    assert panel.sort({"बड़ा"}, sieves[0]) == {sieves[0]: ["बड़ा"]}
    assert asked[0] == ["बड़ा"]  # forgotten
    monkeypatch.setattr(word_sieve, "MOST_SIEVES", 1)
    assert panel.sort({"बड़ी"}, sieves[1]) == {sieves[1]: ["बड़ी"]}  # the first sieve left


def test_a_panel_gives_threads_the_same_answers() -> None:
    panel, sieves, _ = _panel_of(5)
    words = [f"{stem}{end}" for stem in ("बड़", "छोट", "घर", "नय", "अच्छ") for end in "ाीेोूं"]
    documents = [set(words[n : n + 9]) for n in range(0, len(words), 2)] * 20
    expected = [{sieve: {w for w in doc if sieve.test(w)} for sieve in sieves} for doc in documents]

    def sort(doc: set[str]) -> dict[Sieve, set[str]]:
        found: dict[Sieve, list[str]] = {}
        for sieve in sieves:
            found.update(panel.sort(doc, sieve))
        return {sieve: set(found[sieve]) for sieve in sieves}

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(sort, documents)) == expected


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
