"""Lookup structures over the fact base: office nouns, places and name mentions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import regex

from qa import datacache
from qa.checks.facts_data import Dated, FactBase, Office, load
from qa.text import tokenize
from qa.text.ordinals import Phrases
from qa.text.tokenize import NOT_WORD, NOT_WORD_AFTER

#: A possessive or place word that names no particular country.
GENERIC_PLACES = frozenset({"देश"})
_DOTS = regex.compile(r"[.\s]+")


def normal(name: str) -> str:
    """A name with dots and runs of space folded, so "जे. डी. वेंस" = "जे डी वेंस"."""
    return _DOTS.sub(" ", name).strip()


def _longest_first(word: str) -> tuple[int, str]:
    """Longer alternatives first; the same pattern in every process (a set's order is not),
    so its compiled program is found in the start-up cache."""
    return -len(word), word


def names_pattern(names: Iterable[str]) -> str:
    """An alternation that matches each name with or without its dots, on word boundaries
    (kept in the start-up cache: escaping the fact base's few hundred names costs a run a
    few milliseconds)."""
    ordered = tuple(sorted(set(names), key=_longest_first))
    store = _patterns()
    pattern = store.get(ordered)
    if pattern is None:
        parts = []
        for name in ordered:
            words = [regex.escape(w) for w in normal(name).split(" ")]
            parts.append(r"\.?\s*".join(words))
        pattern = rf"{NOT_WORD}(?:{'|'.join(parts)})\.?{NOT_WORD_AFTER}"
        store.add(ordered, pattern)
    return pattern


@cache
def _patterns() -> datacache.Store:
    """The name patterns made so far, by their names (the code that makes them is the source)."""
    return datacache.Store("name-patterns", [Path(__file__), Path(tokenize.__file__)])


@dataclass(frozen=True)
class Mention:
    """A name in the text and the (office, holder) pairs it may refer to."""

    start: int
    end: int
    #: (office id, holder id) pairs the name may refer to.
    holders: frozenset[tuple[str, str]]


class FactIndex:
    """The fact base arranged for matching text."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.offices = {o.id: o for o in base.offices}
        self.by_noun: dict[str, list[Office]] = {}
        for office in base.offices:
            for noun in office.nouns:
                self.by_noun.setdefault(noun, []).append(office)
        self.nouns = Phrases(self.by_noun)
        self.place_words = {p for o in base.offices for p in o.places}
        self._aliases: dict[str, set[tuple[str, str]]] = {}
        for office in base.offices:
            for tenure in office.tenures:
                for alias in tenure.aliases:
                    self._aliases.setdefault(normal(alias), set()).add((office.id, tenure.holder))

    @cached_property
    def _mentions(self) -> regex.Pattern[str] | None:
        return regex.compile(names_pattern(self._aliases)) if self._aliases else None

    @cached_property
    def _places(self) -> regex.Pattern[str]:
        places = "|".join(sorted(map(regex.escape, self.place_words), key=_longest_first))
        return regex.compile(rf"(?P<place>{places}){NOT_WORD_AFTER}(?:\s+\S+)?\s*$")

    def mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """Every holder name in ``text[start:end]``."""
        if self._mentions is None:
            return []
        return [
            Mention(m.start(), m.end(), frozenset(self._aliases[normal(m.group())]))
            for m in self._mentions.finditer(text, start, end)
        ]

    def place_before(self, text: str, position: int, floor: int) -> str | None:
        """A place word ending within one word before ``position`` ("अमेरिका के", "अमेरिका केक")."""
        m = self._places.search(text, max(floor, position - 50), position)
        return m.group("place") if m else None


@dataclass(frozen=True)
class DatedIndex:
    """Name patterns for the anniversary base: who or what a count is of."""

    people: list[tuple[regex.Pattern[str], Dated]]
    events: list[tuple[regex.Pattern[str], Dated]]
    days: dict[str, Dated]
    day_names: Phrases
    short: dict[str, Dated]


@cache
def index(extra: tuple[str, ...] = ()) -> FactIndex:
    return FactIndex(load(extra))


@cache
def dated_index(extra: tuple[str, ...] = ()) -> DatedIndex:
    base = load(extra)
    possessive = r"\s+(?:जी\s+)?(?:की|के|का)\s*$"
    return DatedIndex(
        people=[(regex.compile(names_pattern(p.names) + possessive), p) for p in base.people],
        events=[(regex.compile(names_pattern(e.names) + possessive), e) for e in base.events],
        days={name: d for d in base.days for name in d.names},
        day_names=Phrases(name for d in base.days for name in d.names),
        short={name: p for p in base.people for name in (*p.short, *p.names)},
    )
