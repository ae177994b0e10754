"""A test on words, answered for all the distinct words of a document at once.

A rule that visits the words a test accepts would ask the test once per distinct word
of every document, and most words of one document are words of the last one. A
:class:`Sieve` keeps its verdicts by word and answers a document's words with set
operations, asking the test only about the words it has not met before. A :class:`Panel`
answers for several sieves at once, with one look-up per word of the document. A
:class:`Ledger` keeps a function's values by word as a sieve keeps verdicts, and
:func:`shared_keys` finds the few values that two or more words share, both in C loops:
a document's words cost set operations, not a Python step each.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import compress, repeat
from operator import is_
from typing import Generic, TypeVar

#: How many verdicts a sieve keeps; past it, it starts afresh (a server that runs for
#: months meets ever new words).
LIMIT = 1 << 16


class Sieve:
    """The words a test accepts, remembered by word (the test must depend on the word
    alone)."""

    __slots__ = ("_memo", "test")

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        #: (verdict by word, the words accepted): one attribute, so that a thread that
        #: starts afresh swaps both at once and another never sees half of a pair.
        self._memo: tuple[dict[str, bool], set[str]] = ({}, set())

    def select(self, words: set[str] | frozenset[str]) -> set[str]:
        """The words of ``words`` the test accepts."""
        verdicts, accepted = self._memo  # one pair throughout, even if another thread starts afresh
        new = words.difference(verdicts)
        if new and len(verdicts) + len(new) > LIMIT:
            self._memo = verdicts, accepted = {}, set()
            new = set(words)
        for word in new:
            if verdict := self.test(word):
                accepted.add(word)  # before the verdict: a word with one is in ``accepted``
            verdicts[word] = verdict
        return accepted.intersection(words)


#: How many sieves a panel holds; past it, it starts afresh (a server that meets ever new
#: genders tables makes a sieve for each).
MOST_SIEVES = 64
_UNMET = (0, 0)


class Panel:
    """Sieves whose tests the words of a document are put to together: each word's
    verdicts are the bits of one number, kept by word (as a :class:`Sieve` keeps them),
    so that the words every sieve accepts come out of one look-up per word, where each
    sieve alone would make two set operations over all of them. A sieve joins the panel
    when it is first asked for; its own verdicts are not used."""

    __slots__ = ("_joining", "_memo")

    def __init__(self) -> None:
        #: (the sieves, by bit; for each word met, how many of them judged it and their bits).
        #: The list only grows by a copy, under the lock: a thread holding an older one
        #: holds a prefix of it, whose bits mean the same.
        self._memo: tuple[list[Sieve], dict[str, tuple[int, int]]] = ([], {})
        self._joining = threading.Lock()

    def sort(self, words: Iterable[str], wanted: Sieve) -> dict[Sieve, list[str]]:
        """The words of ``words`` that each sieve of the panel accepts, ``wanted`` among
        the sieves."""
        sieves, met = self._memo
        if wanted not in sieves or len(met) > LIMIT:
            with self._joining:
                sieves, met = self._memo
                if len(sieves) >= MOST_SIEVES or len(met) > LIMIT:
                    sieves, met = [], {}
                if wanted not in sieves:
                    sieves = [*sieves, wanted]
                self._memo = sieves, met
        tests = [sieve.test for sieve in sieves]
        count = len(tests)
        accepted: list[list[str]] = [[] for _ in tests]
        for word in words:
            judged, bits = met.get(word, _UNMET)
            if judged < count:
                for n in range(judged, count):
                    if tests[n](word):
                        bits |= 1 << n
                met[word] = count, bits
            while bits:
                lowest = bits & -bits
                accepted[lowest.bit_length() - 1].append(word)
                bits ^= lowest
        return dict(zip(sieves, accepted, strict=True))


V = TypeVar("V")
#: What a ledger has for a word it has not met (no function's value).
_NEW = object()


class Ledger(Generic[V]):
    """A function's values, remembered by word (the function must depend on the word
    alone): the function is asked only about the words not met before, and every other
    word is looked up in a C loop."""

    __slots__ = ("_memo", "function")

    def __init__(self, function: Callable[[str], V]) -> None:
        self.function = function
        self._memo: dict[str, V] = {}

    def values(self, words: Sequence[str]) -> list[V]:
        """The value of each of ``words``, in their order."""
        memo = self._memo  # one memo throughout, even if another thread starts afresh
        values = list(map(memo.get, words, repeat(_NEW)))
        if _NEW not in values:
            return values  # type: ignore[return-value]  # every word met
        new = set(compress(words, map(is_, values, repeat(_NEW))))
        if len(memo) + len(new) > LIMIT:
            self._memo = memo = {}
            new = set(words)
        for word in new:
            memo[word] = self.function(word)
        return list(map(memo.__getitem__, words))


T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def shared_keys(items: Iterable[T], keys: Sequence[K | None]) -> dict[K, list[T]]:
    """The keys that two or more of ``items`` share (``keys[n]`` is the key of the n-th
    item; None is no key), each with its items in order, in the order of their first
    items. The keys are counted and the items picked out in C loops: only the items of a
    shared key take a Python step."""
    shared = {k for k, count in Counter(keys).items() if count > 1}
    shared.discard(None)
    grouped: dict[K, list[T]] = {}
    for item, k in compress(zip(items, keys, strict=True), map(shared.__contains__, keys)):
        grouped.setdefault(k, []).append(item)  # type: ignore[arg-type]  # not None: shared
    return grouped
