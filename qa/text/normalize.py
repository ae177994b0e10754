"""Matching keys: one spelling for every accepted orthographic variant of a word.

Two words with the same key differ only in accepted variation (CHD 2019 and the
register of the norms, §1.14): nukta, chandrabindu/anusvara, a nasal consonant +
virama before a consonant of its own class, the shruti glide (गये/गए), ऑ/आ, a final
halant, an optional doubled consonant (महत्त्व/महत्व) and the word-level register
(अंतर्राष्ट्रीय/अंतरराष्ट्रीय). Each variation is a named *class*; house styles choose
a form per class. ड़ and ढ़ are letters of their own, never optional: बिरला ≠ बिड़ला.

Keys are computed once per distinct word (cached): this runs on every document.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

import regex

from qa.data import data_dir
from qa.errors import RuleDataError

NUKTA, VIRAMA, ANUSVARA, CHANDRABINDU = "\u093c", "\u094d", "\u0902", "\u0901"

# Only the Perso-Arabic nukta letters; a nukta anywhere else (है़) is an error, not a variant.
_NUKTA = regex.compile(r"(?<=[कखगजफ])\u093c+")
# A nasal consonant + virama before a stop of its own class (वर्ग) is an anusvara.
_NASAL = regex.compile(r"ङ्(?=[कखगघ])|ञ्(?=[चछजझ])|ण्(?=[टठडढ])|न्(?=[तथदध])|म्(?=[पफबभ])")
# Shruti य after a vowel (or a consonant's inherent अ): गये → गए, नयी → नई, जायेगा → जाएगा.
# A य that belongs to the word stays: स्थायी, उत्तरदायी, अनुयायी, विजयी (स्थाई is an error).
_SHRUTI = regex.compile(
    r"(?<=[\u0915-\u0939\u093c\u093e-\u094c\u0905-\u0914])"
    r"(?:य(?P<v>े)|(?<!स्था|दा|या|विज)य(?P<v>ी))"
)
_SHRUTI_VOWEL = {"े": "ए", "ी": "ई"}
# The doubled consonant CHD lets go (तत्त्व → तत्व, महत्त्व → महत्व, अर्द्ध → अर्ध); other
# doubles are the spelling (उज्ज्वल, not उज्वल).
_DOUBLED = regex.compile(r"(त)्त्(?=व)|(?<=र्)द्ध")
_FINAL_HALANT = regex.compile(r"(?<=[\u0915-\u0939])\u094d$")


def _doubled(match: regex.Match[str]) -> str:
    return match.group(1) + VIRAMA if match.group(1) else "ध"


#: Variation classes in the order the key applies them; each maps a word to its
#: form without that variation. A regex runs only on words with the letter every
#: match needs (most words have none): this is the hot path of the key.
CLASSES: dict[str, Callable[[str], str]] = {
    "register": lambda w: _register_form(w),
    "nukta": lambda w: _NUKTA.sub("", w) if NUKTA in w else w,
    "chandrabindu": lambda w: w.replace(CHANDRABINDU, ANUSVARA),
    "nasal": lambda w: _NASAL.sub(ANUSVARA, w) if VIRAMA in w else w,
    "shruti": lambda w: _SHRUTI.sub(lambda m: _SHRUTI_VOWEL[m.group("v")], w) if "य" in w else w,
    "o": lambda w: w.replace("\u0949", "\u093e").replace("ऑ", "आ"),
    "halant": lambda w: _FINAL_HALANT.sub("", w) if VIRAMA in w[-2:] else w,  # $ or before a final \n
    "doubled": lambda w: _DOUBLED.sub(_doubled, w) if "त्त्व" in w or "र्द्ध" in w else w,
}


#: The characters some class after the register needs in a word to change it (most
#: words have none, and skip those classes).
_MARKED = frozenset((NUKTA, CHANDRABINDU, VIRAMA, "य", "\u0949", "ऑ"))
_REGISTER, *_MARKED_CLASSES = CLASSES.values()


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The matching key of ``word`` (NFC first, then every class removed)."""
    word = _REGISTER(unicodedata.normalize("NFC", word))
    if _MARKED.isdisjoint(word):
        return word
    for strip in _MARKED_CLASSES:
        word = strip(word)
    return word


@lru_cache(maxsize=200_000)
def features(word: str) -> frozenset[str]:
    """The variation classes present in ``word`` (those whose removal changes it)."""
    word = unicodedata.normalize("NFC", word)
    return frozenset(name for name, strip in CLASSES.items() if strip(word) != word)


def difference(a: str, b: str) -> frozenset[str]:
    """The classes that tell two same-key spellings apart (गये/गए → {"shruti"})."""
    fa, fb = features(a), features(b)
    return (fa ^ fb) or (fa | fb)


def without(word: str, name: str) -> str:
    """``word`` written without variation class ``name`` (ख़बर, "nukta" → खबर)."""
    return CLASSES[name](unicodedata.normalize("NFC", word))


# -- the word-level register (§1.14 pairs no generic step derives) ---------------------


def _register_form(word: str) -> str:
    if word[:2] not in _openings():
        return word
    table = register()
    for length in range(min(len(word), _longest()), 1, -1):
        target = table.get(word[:length])
        if target is not None:
            return target + word[length:]
    return word


@cache
def register() -> dict[str, str]:
    """Variant stem -> the stem the key uses (``data/names/register.tsv``)."""
    return read_register(data_dir() / "names" / "register.tsv")


@cache
def _longest() -> int:
    return max(map(len, register()), default=0)


@cache
def _openings() -> frozenset[str]:
    """The first two letters of every stem (a stem matches two or more letters)."""
    return frozenset(stem[:2] for stem in register() if len(stem) > 1)


def read_register(path: Path) -> dict[str, str]:
    """``variant<TAB>standard`` stems; ``#`` starts a comment; NFC only."""
    table: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuleDataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    for number, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise RuleDataError(f"{path}:{number}: expected variant<TAB>standard")
        variant, standard = (p.strip() for p in parts)
        if not all(unicodedata.is_normalized("NFC", p) for p in (variant, standard)):
            raise RuleDataError(f"{path}:{number}: not NFC")
        table[variant] = standard
    return table
