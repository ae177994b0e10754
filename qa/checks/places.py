"""T040: a misspelt place name (मुधुबनी for मधुबनी), corrected from the gazetteer.

Place names are mostly too rare for T002's "far more frequent word" test, so this
rule searches the gazetteer instead, with stricter conditions: the written word has
no evidence (a real word, an inflection of one or another place one slip away is never
"corrected"; two words written solid, अहमद+बाद, are no evidence), no frequent word is
as close (T002's business), it is no token of a registered person's name, is not the document's
repeated form, and exactly one place lies a cheap slip away (a vowel sign, nukta or
nasal, an aspirate, or two adjacent letters swapped: वडोदार for वडोदरा; and, as
:func:`qa.text.akshara.distance` prices them, every sibilant written the same wrong way,
a vowel sign typed across a conjunct or two i or u signs with swapped lengths: ऋसिकेस,
ओंकारश्वरे, गिरीडिह). World places
and Indian names from Dravidian, Odia and north-eastern languages are transliterations
whose vowels vary between papers (बोलिविया/बोलीविया, कोट्टायम/कोट्टयम): in their
names only two letters in the wrong order (वॉशिगंटन for वॉशिंगटन) or a dropped or stray
nasal sign or nukta (बर्मिघम for बर्मिंघम) are slips; so in the first part of Indian names
made from a personal name (रामपुर, फिरोजाबाद), where another spelling is most likely
another place (रमापुर, भरतीपुर).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import cast

import regex

from qa import gazetteer, lexicon
from qa.checks import spelling
from qa.checks.consistency import context_registry
from qa.checks.names_registry import Registry
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text.akshara import (
    ANUSVARA,
    CANDRABINDU,
    NUKTA,
    VIRAMA,
    akshara_count,
    distance,
    nfd_nukta,
    transposed,
    variant_key,
)
from qa.text.normalize import key

#: The largest weighted distance: one vowel sign dropped or added, or a cheaper slip.
LIMIT = 0.7
_MARKS = str.maketrans("", "", ANUSVARA + CANDRABINDU + NUKTA)


@lru_cache(maxsize=8192)
def correction(word: str) -> str | None:
    """The one place word a cheap slip from NFC ``word``, else None (none, or several)."""
    if akshara_count(word) < gazetteer.MIN_AKSHARAS:
        return None
    near = {c for c in gazetteer.near_index().candidates(word) if _slip(word, c)}
    groups = {_key(c) for c in near}
    if len(groups) != 1 or _key(word) in groups:
        return None  # no place, two places (ambiguous), or an accepted variant of one
    return min(near)


def _slip(word: str, place: str) -> bool:
    """A cheap slip inside the name: the first letter kept (पिरोजपुर is another place than
    फिरोजपुर) and not just a letter more or less at the end (धर्मपुर/धर्मपुरी, शिवपुर/शिवपुरी
    are other places; अज़रबैजानी is the adjective)."""
    if word[0] != place[0] or word[:-1] == place or place[:-1] == word:
        return False
    if place in gazetteer.transliterated() or any(
        word.endswith(s) and place.endswith(s) for s in gazetteer.PRODUCTIVE
    ):
        return transposed(word, place) or _unmarked(word) == _unmarked(place)
    return distance(word, place) <= LIMIT


def _unmarked(word: str) -> str:
    """The word without nasal signs and nukta (बर्मिघम for बर्मिंघम is a dropped sign)."""
    return nfd_nukta(word).translate(_MARKS)


def _key(word: str) -> str:
    """:func:`variant_key` without half letters: transliterated names vary in them
    (अफ़्ग़ानिस्तान/अफ़ग़ानिस्तान, लात्विया/लातविया)."""
    return variant_key(word).replace(VIRAMA, "")


_DEVANAGARI_WORD = regex.compile(r"[\u0900-\u097f\u200c\u200d]+")


def unattested(ctx: Context, sieve: Sieve) -> Iterator[tuple[str, str, Sequence[int]]]:
    """(word, its look-up form, starts) for the words ``sieve`` takes, which must be
    Devanagari words that neither the lexicon, the gazetteer nor the house knows and
    that are no inflection of a known stem (:func:`_unattested`)."""
    accept, index = lexicon.house(ctx.config).accept, ctx.document.word_index
    for word in sorted(sieve.select(ctx.document.word_set)):
        normal = cast(str, _without_evidence(word))  # a form: the sieve took the word
        if normal not in accept:
            yield word, normal, index[word]


def _unattested(word: str) -> bool:
    """Of the words wordfreq's list does not name (the lexicon holds its words), one the
    lexicon does not know either, with no evidence of its own."""
    return (
        spelling.unlisted_word(word)
        and word not in lexicon.vocabulary()
        and _without_evidence(word) is not None
    )


@lru_cache(maxsize=65536)
def _without_evidence(word: str) -> str | None:
    """The look-up form of a Devanagari word no dictionary knows and edited prose has not
    used, else None."""
    if not _DEVANAGARI_WORD.fullmatch(word):
        return None
    normal = lexicon.plain(word)
    if lexicon.attested(normal) or normal in gazetteer.words() or lexicon.inflected(normal):
        return None
    return normal


def _t002s(word: str, place: str) -> bool:
    """T002 reports the word, or a word that is no place is as close (ambiguous)."""
    others = spelling.suggestions(word)
    return bool(spelling.corrections(word)) or (bool(others) and others[0] != place)


def _misspelt_place(word: str) -> bool:
    """An unattested word whose look-up form is a cheap slip from exactly one place name,
    and not T002's (a few of a document's words: :class:`MisspeltPlace` weighs these)."""
    if not _unattested(word):
        return False
    normal = cast(str, _without_evidence(word))
    place = correction(normal)
    return place is not None and not _t002s(normal, place)


_MISSPELT_PLACES = Sieve(_misspelt_place)


class MisspeltPlace(Rule):
    """T040: an unknown word one cheap slip from exactly one place name of the gazetteer."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        max_uses = int(self.options.get("max-uses", 2))
        registry: Registry | None = None
        for word, normal, starts in unattested(ctx, _MISSPELT_PLACES):
            if len(starts) > max_uses:
                continue
            place = cast(str, correction(normal))  # a place: the sieve took the word
            registry = registry or context_registry(ctx)
            if key(normal) in registry.token_people:
                continue  # a registered person's name
            message = self.meta.message.format(word=word, suggestion=place)
            for start in starts:
                yield self.replace(start, start + len(word), place, message)
