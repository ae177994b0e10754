"""A test on words, answered for all the distinct words of a document at once.

A rule that visits the words a test accepts would ask the test once per distinct word
of every document, and most words of one document are words of the last one. A
:class:`Sieve` keeps its verdicts by word and answers a document's words with set
operations, asking the test only about the words it has not met before. A :class:`Panel`
answers for several sieves at once, with one look-up per word of the document.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

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
