"""Tests and functions of words, answered for all the distinct words of a document at once.

A rule that visits the words a test accepts would ask the test once per distinct word
of every document, and most words of one document are words of the last one. A
:class:`Sieve` keeps the words its test accepts and answers a document's words with set
operations, the test asked once per word: the sieves asked so far judge together the
words none has met, found by one look-up per word of the document for all of them, and
each sieve then answers with an intersection that costs as many look-ups as the smaller
of the two sets. A :class:`Ledger` keeps a function's values by word, and
:func:`shared_keys` finds the few values that two or more words share, both in C loops:
a document's words cost set operations and C loops, not a Python step each.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import gt, is_
from typing import Generic, TypeVar

#: How many words a sieve or ledger keeps; past it, it starts afresh (a server that runs
#: for months meets ever new words).
LIMIT = 1 << 16
#: How many sieves are kept; past it, they start afresh with the one asking (a server that
#: meets ever new genders tables makes a sieve for each).
MOST_SIEVES = 64
#: How many sets of words the sieves remember having judged (a document's words, and
#: some rules' subsets of them, each asked about by several sieves).
RECENT = 4


class Sieve:
    """The words a test accepts, remembered by word (the test must depend on the word
    alone)."""

    __slots__ = ("test",)

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test

    def select(self, words: set[str] | frozenset[str]) -> set[str]:
        """The words of ``words`` the test accepts (a frozenset of them is judged once for
        every sieve: pass the same one to each, such as ``Document.word_set``)."""
        return _SIEVES.accepted(self, words).intersection(words)


@dataclass(frozen=True, slots=True)
class _Verdicts:
    """What the sieves know, made anew when they start afresh or one joins, so that a
    thread holding one never sees another's half-made change."""

    #: the words each sieve accepts, of the words met
    accepted: dict[Sieve, set[str]]
    #: the words every one of the sieves has judged
    met: set[str]


class _Sieves:
    """Every sieve asked so far and the words each accepts."""

    def __init__(self) -> None:
        self._verdicts = _Verdicts({}, set())
        self._changing = threading.Lock()
        #: (words, the verdicts that have met them all): the frozensets judged lately
        self._recent: tuple[tuple[frozenset[str], _Verdicts], ...] = ()

    def accepted(self, sieve: Sieve, words: set[str] | frozenset[str]) -> set[str]:
        """The words ``sieve`` accepts, among them each of ``words`` it accepts."""
        verdicts = self._verdicts
        while True:  # again only if another thread let ``sieve`` go meanwhile
            if sieve not in verdicts.accepted:
                verdicts = self._join(sieve)
            for seen, known in self._recent:  # a loop, not any(): asked some 50 times a document
                if seen is words and known is verdicts:
                    break
            else:
                verdicts = self._judge(words, verdicts)
            accepted = verdicts.accepted.get(sieve)
            if accepted is not None:
                return accepted

    def _judge(self, words: set[str] | frozenset[str], verdicts: _Verdicts) -> _Verdicts:
        """Put the words of ``words`` not met yet to every sieve; the verdicts that hold
        them all (new ones if the sieves had to start afresh)."""
        new = words.difference(verdicts.met)
        if new:
            if len(verdicts.met) + len(new) > LIMIT:
                verdicts, new = self._afresh(verdicts), set(words)
            for sieve, accepted in verdicts.accepted.items():
                accepted.update(filter(sieve.test, new))
            verdicts.met.update(new)  # last: a word met is in each set that accepts it
        if isinstance(words, frozenset):
            self._recent = ((words, verdicts), *self._recent[: RECENT - 1])
        return verdicts

    def _join(self, sieve: Sieve) -> _Verdicts:
        """The verdicts with ``sieve`` among the sieves: it judges the words met so far
        (few, as the sieves join in the first document; a word met by another thread
        meanwhile is met again)."""
        with self._changing:
            verdicts = self._verdicts
            if sieve in verdicts.accepted:
                return verdicts
            if len(verdicts.accepted) >= MOST_SIEVES:
                verdicts = _Verdicts({}, set())
            met = set(verdicts.met)
            accepted = {**verdicts.accepted, sieve: set(filter(sieve.test, met))}
            self._verdicts = verdicts = _Verdicts(accepted, met)
            return verdicts

    def _afresh(self, old: _Verdicts) -> _Verdicts:
        """The verdicts of ``old``'s sieves started afresh (unless another thread has)."""
        with self._changing:
            if self._verdicts is old:
                self._verdicts = _Verdicts({sieve: set() for sieve in old.accepted}, set())
            return self._verdicts


_SIEVES = _Sieves()


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
    counts = Counter(keys)
    shared = set(compress(counts, map(gt, counts.values(), repeat(1))))
    shared.discard(None)
    grouped: dict[K, list[T]] = {}
    for item, k in compress(zip(items, keys, strict=True), map(shared.__contains__, keys)):
        grouped.setdefault(k, []).append(item)  # type: ignore[arg-type]  # not None: shared
    return grouped
