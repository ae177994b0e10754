"""The place gazetteer: Indian states, districts and cities and frequent world places.

``rules/gazetteer/places.tsv`` lists each place with its accepted Hindi spellings
(``kind<TAB>spelling<TAB>other spellings``; a spelling may have several words). The
words of every spelling are known words (:func:`words`), and :func:`near_index` finds
the place words a misspelt word is close to (T040). Both come from the start-up cache.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import regex

from qa import datacache
from qa.engine.registry import read_lines, rules_dir
from qa.errors import RuleDataError
from qa.text import akshara
from qa.text.akshara import NearIndex, aksharas

INDIAN_KINDS = frozenset(("state", "union-territory", "district", "city"))
KINDS = INDIAN_KINDS | {"country", "capital", "world-city"}
#: Words of names are split at spaces and hyphens (जम्मू-कश्मीर); only Devanagari words count.
_WORD = regex.compile(r"[\u0900-\u097f]+")
#: Place words shorter than this many aksharas are never correction targets: too many
#: ordinary words and names lie one slip from a short name (कंटक/कटक, पटला/पटना).
MIN_AKSHARAS = 4


def path() -> Path:
    return rules_dir() / "gazetteer" / "places.tsv"


def read_places(source: Path) -> list[tuple[str, list[str]]]:
    """(kind, spellings) per place; entries must be NFC and of a known kind."""
    places = []
    for number, line in enumerate(read_lines(source, "the gazetteer"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, *spellings = [field.strip() for field in line.split("\t")]
        if kind not in KINDS or not spellings or not all(spellings):
            raise RuleDataError(
                f"{source}:{number}: expected kind<TAB>spelling (kinds: {', '.join(sorted(KINDS))})"
            )
        if not all(unicodedata.is_normalized("NFC", s) for s in spellings):
            raise RuleDataError(f"{source}:{number}: {line!r} is not NFC")
        places.append((kind, spellings))
    return places


@cache
def _indian() -> dict[str, bool]:
    """Every word of every accepted spelling -> whether an Indian place has it."""
    return datacache.cached("gazetteer", [path(), Path(__file__)], _read_words)


def _read_words() -> dict[str, bool]:
    indian: dict[str, bool] = {}
    for kind, spellings in read_places(path()):
        for word in (w for s in spellings for w in _WORD.findall(s)):
            indian[word] = indian.get(word, False) or kind in INDIAN_KINDS
    return indian


@cache
def words() -> frozenset[str]:
    """Every word of every accepted spelling of a place (known words for the lexicon)."""
    return frozenset(_indian())


@cache
def foreign() -> frozenset[str]:
    """The words of world places only (transliterations, whose vowels vary between papers)."""
    return frozenset(w for w, indian in _indian().items() if not indian)


@cache
def near_index() -> NearIndex:
    """Place words of at least :data:`MIN_AKSHARAS` aksharas, by their near-miss keys."""
    sources = [path(), Path(__file__), Path(akshara.__file__)]
    return NearIndex.from_table(datacache.cached("place-index", sources, _near_table))


def _near_table() -> dict[str, list[str]]:
    return NearIndex(w for w in words() if len(aksharas(w)) >= MIN_AKSHARAS).table
