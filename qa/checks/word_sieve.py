"""A test on words, answered for all the distinct words of a document at once.

A rule that visits the words a test accepts would ask the test once per distinct word
of every document, and most words of one document are words of the last one. A
:class:`Sieve` keeps its verdicts by word and answers a document's words with set
operations, asking the test only about the words it has not met before.
"""

from __future__ import annotations

from collections.abc import Callable

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
