"""The place gazetteer: Indian states, districts and cities and frequent world places.

``data/gazetteer/places.tsv`` lists each place with the script its name comes from and
its accepted Hindi spellings (``kind<TAB>origin<TAB>spelling<TAB>other spellings``; a
spelling may have several words). The words of every spelling are known words
(:func:`words`), and :func:`near_index` finds the place words a misspelt word is close
to (T040). Both come from the start-up cache.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import regex

from qa import datacache, datatables
from qa.data import data_dir, read_lines
from qa.errors import RuleDataError
from qa.text import akshara
from qa.text.akshara import NearIndex, aksharas

KINDS = frozenset(("state", "union-territory", "district", "city", "country", "capital", "world-city"))
#: Scripts whose names Hindi spells one settled way (Devanagari itself, the scripts that
#: map letter for letter, and Urdu's established Hindi forms); names from the others
#: (Dravidian, Odia, the North-East, the world) are transliterated, and their vowels vary
#: between papers (कोट्टायम/कोट्टयम, बोलीविया/बोलिविया).
SETTLED = frozenset(("Deva", "Gujr", "Guru", "Beng", "Arab"))
ORIGINS = SETTLED | {"Knda", "Taml", "Telu", "Mlym", "Orya", "Latn"}
#: Words of names are split at spaces and hyphens (जम्मू-कश्मीर); only Devanagari words count.
_WORD = regex.compile(r"[\u0900-\u097f]+")
#: Place words shorter than this many aksharas are never correction targets: too many
#: ordinary words and names lie one slip from a short name (कंटक/कटक, पटला/पटना).
MIN_AKSHARAS = 4


#: Endings of Indian place names made from a personal name (रामपुर, भरतपुर, अलीगढ़,
#: फिरोजाबाद): thousands of villages and towns are so named, so another first part is
#: most likely another place (रमापुर, भरतीपुर, जसपुर), and only a slip that makes no new
#: name (two letters swapped, a nasal sign or nukta dropped) is reported in it.
PRODUCTIVE = ("पुर", "पुरा", "पुरी", "गढ़", "नगर", "गंज", "ाबाद", "गांव", "गाँव")


def path() -> Path:
    return data_dir() / "gazetteer" / "places.tsv"


def read_places(source: Path) -> list[tuple[str, str, list[str]]]:
    """(kind, origin, spellings) per place; entries must be NFC, of a known kind and origin."""
    places = []
    for number, line in enumerate(read_lines(source, "the gazetteer"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, origin, *spellings = [field.strip() for field in line.split("\t")] + [""] * 2
        spellings = [s for s in spellings if s]
        if kind not in KINDS or origin not in ORIGINS or not spellings:
            raise RuleDataError(
                f"{source}:{number}: expected kind<TAB>origin<TAB>spelling "
                f"(kinds: {', '.join(sorted(KINDS))}; origins: {', '.join(sorted(ORIGINS))})"
            )
        if not all(unicodedata.is_normalized("NFC", s) for s in spellings):
            raise RuleDataError(f"{source}:{number}: {line!r} is not NFC")
        places.append((kind, origin, spellings))
    return places


@cache
def _settled() -> dict[str, bool]:
    """Every word of every accepted spelling -> whether a place of settled spelling has it."""
    return datacache.cached("gazetteer", [path(), Path(__file__)], _read_words)


def _read_words() -> dict[str, bool]:
    settled: dict[str, bool] = {}
    for _, origin, spellings in read_places(path()):
        for word in (w for s in spellings for w in _WORD.findall(s)):
            settled[word] = settled.get(word, False) or origin in SETTLED
    return settled


@cache
def words() -> frozenset[str]:
    """Every word of every accepted spelling of a place (known words for the lexicon)."""
    return frozenset(_settled())


@cache
def one_word_places() -> frozenset[str]:
    """The spellings of places named in one word (आगरा, तेहरान; not उत्तर of उत्तर प्रदेश)."""
    return frozenset(datacache.cached("gazetteer-one-word", [path(), Path(__file__)], _one_word_places))


def _one_word_places() -> list[str]:
    return sorted({s for _, _, spellings in read_places(path()) for s in spellings if _WORD.fullmatch(s)})


@cache
def transliterated() -> frozenset[str]:
    """The words of places whose names come from a script of unsettled Hindi spelling."""
    return frozenset(w for w, settled in _settled().items() if not settled)


@cache
def near_index() -> NearIndex:
    """Place words of at least :data:`MIN_AKSHARAS` aksharas, by their near-miss keys."""
    sources = [path(), Path(__file__), Path(akshara.__file__)]
    return NearIndex.from_table(datatables.lazy("place-index", sources, _near_table))


def _near_table() -> dict[str, str]:
    return NearIndex(w for w in words() if len(aksharas(w)) >= MIN_AKSHARAS).table
