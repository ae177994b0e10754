"""A test on words, answered for all the distinct words of a document at once.

A rule that visits the words a test accepts would ask the test once per distinct word
of every document, and most words of one document are words of the last one. A
:class:`Sieve` keeps the words it has judged in two sets and answers a document's words
with set operations, asking the test only about the words it has not met before.
"""

from __future__ import annotations

from collections.abc import Callable, Set

#: How many judged words a sieve keeps; past it, it starts afresh (a server that runs
#: for months meets ever new words).
LIMIT = 1 << 16


class Sieve:
    """The words a test accepts, remembered by word (the test must depend on the word
    alone)."""

    __slots__ = ("_accepted", "_rejected", "test")

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self._accepted: set[str] = set()
        self._rejected: set[str] = set()

    def select(self, words: Set[str]) -> set[str]:
        """The words of ``words`` the test accepts."""
        # one pair of sets throughout, even if another thread starts afresh meanwhile
        accepted, rejected = self._accepted, self._rejected
        new: Set[str] = words - accepted - rejected
        if new and len(accepted) + len(rejected) + len(new) > LIMIT:
            accepted, rejected = self._accepted, self._rejected = set(), set()
            new = set(words)
        for word in new:
            (accepted if self.test(word) else rejected).add(word)
        return accepted.intersection(words)
