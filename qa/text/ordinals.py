"""Hindi ordinals: digits + suffix (ASCII or Devanagari digits), words and Sanskrit forms.

``find(text, start, end)`` returns every ordinal in a span with its value, its
surface form and its inflection:

- ``direct``  — masculine direct singular: 47वां, पहला, पांचवाँ
- ``oblique`` — masculine oblique / plural / honorific: 47वें, पहले
- ``fem``     — feminine: 21वीं, पहली
- ``none``    — forms that do not inflect: प्रथम, द्वितीय, 47th
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import regex

from qa.text.tokenize import NOT_WORD_AFTER, matches_at, occurrences

if TYPE_CHECKING:
    from qa.document import Document

_DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")

#: Irregular ordinals by value: (direct, oblique, feminine).
IRREGULAR = {
    1: ("पहला", "पहले", "पहली"),
    2: ("दूसरा", "दूसरे", "दूसरी"),
    3: ("तीसरा", "तीसरे", "तीसरी"),
    4: ("चौथा", "चौथे", "चौथी"),
    6: ("छठा", "छठे", "छठी"),
}
#: The digit suffix of regular ordinals per inflection (the nasal is obligatory).
REGULAR_SUFFIX = {"direct": "वां", "oblique": "वें", "fem": "वीं"}
INFLECTIONS = ("direct", "oblique", "fem")

SANSKRIT = {
    "प्रथम": 1,
    "द्वितीय": 2,
    "तृतीय": 3,
    "चतुर्थ": 4,
    "पंचम": 5,
    "पञ्चम": 5,
    "षष्ठ": 6,
    "षष्ठम": 6,
    "सप्तम": 7,
    "अष्टम": 8,
    "नवम": 9,
    "दशम": 10,
    "एकादश": 11,
    "द्वादश": 12,
}

# Cardinals 5..100 whose ordinal is cardinal + वां/वें/वीं (with common spelling variants).
_CARDINALS = [
    "पांच",
    "पाँच",
    "छह",
    "छः",
    "सात",
    "आठ",
    "नौ",
    "दस",
    "ग्यारह",
    "बारह",
    "तेरह",
    "चौदह",
    "पंद्रह",
    "सोलह",
    "सत्रह",
    "अठारह",
    "उन्नीस",
    "बीस",
    "इक्कीस",
    "बाईस",
    "तेईस",
    "चौबीस",
    "पच्चीस",
    "छब्बीस",
    "सत्ताईस",
    "अट्ठाईस",
    "उनतीस",
    "तीस",
    "इकतीस",
    "बत्तीस",
    "तैंतीस",
    "चौंतीस",
    "पैंतीस",
    "छत्तीस",
    "सैंतीस",
    "अड़तीस",
    "उनतालीस",
    "चालीस",
    "इकतालीस",
    "बयालीस",
    "तैंतालीस",
    "चवालीस",
    "पैंतालीस",
    "छियालीस",
    "सैंतालीस",
    "अड़तालीस",
    "उनचास",
    "पचास",
    "इक्यावन",
    "बावन",
    "तिरपन",
    "चौवन",
    "पचपन",
    "छप्पन",
    "सत्तावन",
    "अट्ठावन",
    "उनसठ",
    "साठ",
    "इकसठ",
    "बासठ",
    "तिरसठ",
    "चौंसठ",
    "पैंसठ",
    "छियासठ",
    "सड़सठ",
    "अड़सठ",
    "उनहत्तर",
    "सत्तर",
    "इकहत्तर",
    "बहत्तर",
    "तिहत्तर",
    "चौहत्तर",
    "पचहत्तर",
    "छिहत्तर",
    "सतहत्तर",
    "अठहत्तर",
    "उन्यासी",
    "अस्सी",
    "इक्यासी",
    "बयासी",
    "तिरासी",
    "चौरासी",
    "पचासी",
    "छियासी",
    "सत्तासी",
    "अट्ठासी",
    "नवासी",
    "नब्बे",
    "इक्यानवे",
    "बानवे",
    "तिरानवे",
    "चौरानवे",
    "पचानवे",
    "छियानवे",
    "सत्तानवे",
    "अट्ठानवे",
    "निन्यानवे",
    "सौ",
]
_VALUES = [5, 5, 6, 6, *range(7, 101)]
#: Number words a measure follows (दो सेर, ढाई मील): the cardinals, the fractions and
#: the large units.
CARDINAL_WORDS = frozenset(
    [
        "एक",
        "दो",
        "तीन",
        "चार",
        *_CARDINALS,
        "सौ",
        "हजार",
        "हज़ार",
        "लाख",
        "करोड़",
        "आधा",
        "डेढ़",
        "ढाई",
        "सवा",
        "साढ़े",
    ]
)
_WORD_SUFFIX = {"वां": "direct", "वाँ": "direct", "वें": "oblique", "वीं": "fem", "वीँ": "fem"}


@dataclass(frozen=True, slots=True)
class Ordinal:
    """An ordinal in the text: its value, span, how it is written and its inflection."""

    value: int
    start: int
    end: int
    text: str
    #: "digits", "word", "sanskrit" or "english".
    kind: str
    #: "direct", "oblique", "fem" or "none".
    inflection: str
    #: For digit forms: the digits as written and the suffix after them.
    digits: str = ""
    suffix: str = ""
    #: True when a space separates the digits from the suffix ("47 वें").
    spaced: bool = False

    @property
    def gender(self) -> str | None:
        """ "m", "f", or None for forms that do not show gender."""
        return {"direct": "m", "oblique": "m", "fem": "f"}.get(self.inflection)


def correct_form(value: int, inflection: str, digits: str | None = None) -> str:
    """The standard written form: a word for 1–4 and 6, digits + वां/वें/वीं otherwise."""
    index = INFLECTIONS.index(inflection)
    if value in IRREGULAR:
        return IRREGULAR[value][index]
    return f"{digits or value}{REGULAR_SUFFIX[inflection]}"


def inflection_of_suffix(suffix: str) -> str:
    """The inflection a digit suffix shows by its last vowel sign (ा / े / ी)."""
    stem = suffix.rstrip("\u0902\u0901")
    return {"ा": "direct", "े": "oblique", "ी": "fem"}.get(stem[-1:], "none")


@cache
def _words() -> dict[str, tuple[int, str]]:
    words: dict[str, tuple[int, str]] = {}
    for value, forms in IRREGULAR.items():
        for inflection, form in zip(INFLECTIONS, forms, strict=True):
            words[form] = (value, inflection)
    for cardinal, value in zip(_CARDINALS, _VALUES, strict=True):
        for suffix, inflection in _WORD_SUFFIX.items():
            words.setdefault(cardinal + suffix, (value, inflection))
    for suffix, inflection in _WORD_SUFFIX.items():  # नवां, छठवां
        words.setdefault("न" + suffix, (9, inflection))
        words.setdefault("छठ" + suffix, (6, inflection))
    return words


_NUMBER = r"(?P<digits>[0-9०-९]{1,3}(?:,[0-9०-९]{2,3})+|[0-9०-९]+)"
_HINDI_SUFFIX = r"वां|वाँ|वें|वीं|वीँ|वा|वे|वी|ला|ले|ली|रा|रे|री|था|थे|थी|ठा|ठे|ठी"
_DIGIT_ORDINAL = regex.compile(
    # not inside a longer number or word ("1,000", "G20"); a comma or stop after a word
    # is only punctuation ("अनुसार,21वी सदी")
    rf"(?=[0-9०-९])(?<![0-9०-९/:\p{{L}}\p{{M}}])(?<![0-9०-९][.,]){_NUMBER}"
    rf"(?:(?P<suffix>{_HINDI_SUFFIX})|(?P<space> )(?P<suffix2>वां|वाँ|वें|वीं)|(?P<english>th|st|nd|rd))"
    rf"{NOT_WORD_AFTER}"
)


_LETTERS = regex.compile(r"[\p{L}\p{M}\u200c\u200d]+")
#: The words a digit ordinal's suffix is (the word its number's digits run up to, or
#: are a space from): every one a match can end with.
_SUFFIX_WORDS = frozenset([*_HINDI_SUFFIX.split("|"), "th", "st", "nd", "rd"])
_DIGIT_CHARS = frozenset("0123456789०१२३४५६७८९")
#: The number characters before a number's end, read back from it (where a match begins).
_NUMBER_BEFORE = regex.compile(r"[0-9०-९,]*", regex.REVERSE)


def digit_matches(text: str, index: Mapping[str, Sequence[int]]) -> list[regex.Match[str]]:
    """What ``_DIGIT_ORDINAL.finditer(text)`` finds, ``index`` being the text's word index:
    the pattern is tried only at a number whose digits run up to a suffix word (or a space
    before one), as every match's do (a number is digits and commas, a suffix a whole word,
    and the look-behinds see before where the pattern is tried)."""
    return list(matches_at(_DIGIT_ORDINAL, text, _number_starts(text, index)))


def _number_starts(text: str, index: Mapping[str, Sequence[int]]) -> Iterator[int]:
    """Every position of each number whose digits run up to a suffix word of ``index``
    (or a space before one), in order: where a digit ordinal may begin."""
    for at in occurrences(index, _SUFFIX_WORDS):
        end = at - 1 if text[at - 1 : at] == " " else at
        if text[end - 1 : end] in _DIGIT_CHARS:
            yield from range(_NUMBER_BEFORE.match(text, 0, end).start(), end)


def find(text: str, start: int = 0, end: int | None = None, *, words: bool = True) -> list[Ordinal]:
    """Every ordinal in ``text[start:end]`` in order of position."""
    end = len(text) if end is None else end
    found = [_digit_ordinal(m) for m in _DIGIT_ORDINAL.finditer(text, start, end)]
    if words:
        found += [
            o for m in _LETTERS.finditer(text, start, end) if (o := _word_ordinal(m.group(), m.start()))
        ]
        found.sort(key=lambda o: o.start)
    return found


def in_document(document: Document) -> tuple[Ordinal, ...]:
    """Every ordinal of a document's view; word forms are looked up per distinct word.

    Rules share one scan per document through :func:`qa.checks.analyses.ordinals`.
    """
    index = document.word_index
    found = [_digit_ordinal(m) for m in digit_matches(document.view, index)]
    for word in index.keys() & _ordinal_words():  # in C: few words of a text are ordinals
        found += [o for at in index[word] if (o := _word_ordinal(word, at))]
    return tuple(sorted(found, key=lambda o: o.start))


@cache
def _ordinal_words() -> frozenset[str]:
    """Every word form :func:`_word_ordinal` reads."""
    return frozenset(_words()) | frozenset(SANSKRIT)


def _word_ordinal(word: str, at: int) -> Ordinal | None:
    if word in SANSKRIT:
        return Ordinal(SANSKRIT[word], at, at + len(word), word, "sanskrit", "none")
    entry = _words().get(word)
    return Ordinal(entry[0], at, at + len(word), word, "word", entry[1]) if entry else None


#: More digits than this are no ordinal any rule checks (and Python refuses int() of
#: more than 4,300): such a run counts as this value.
_MAX_DIGITS = 18
_HUGE = 10**_MAX_DIGITS


def _digit_ordinal(m: regex.Match[str]) -> Ordinal:
    digits = m.group("digits")
    plain = digits.replace(",", "").translate(_DEVANAGARI_DIGITS).lstrip("0")
    value = int(plain or "0") if len(plain) <= _MAX_DIGITS else _HUGE
    if m.group("english"):
        return Ordinal(value, m.start(), m.end(), m.group(), "english", "none", digits, m.group("english"))
    suffix = m.group("suffix") or m.group("suffix2")
    return Ordinal(
        value,
        m.start(),
        m.end(),
        m.group(),
        "digits",
        inflection_of_suffix(suffix),
        digits,
        suffix,
        spaced=bool(m.group("space")),
    )


#: One word (letters and marks of any script) or one other non-space character.
_NEXT = regex.compile(r"[ \t\u00a0]*(?P<w>[\p{L}\p{M}\u200c\u200d]+|[^\s\p{L}\p{M}])")


def words_after(text: str, position: int, count: int = 1) -> list[tuple[str, int, int]]:
    """Up to ``count`` words (or single marks) after ``position`` on the same line."""
    found = []
    for _ in range(count):
        m = _NEXT.match(text, position)
        if m is None:
            break
        found.append((m.group("w"), m.start("w"), m.end("w")))
        position = m.end()
    return found


def word_before(text: str, position: int) -> tuple[str, int, int] | None:
    """The word (or mark) just before ``position`` on the same line."""
    end = position
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    if end == 0 or text[end - 1] in "\n\r":
        return None
    start = end
    while start > 0 and _is_letter(text[start - 1]):
        start -= 1
    if start == end:
        start = end - 1
    return text[start:end], start, end


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d"


class Phrases:
    """A set of phrases of one to three words, with their first words for a quick miss."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = frozenset(phrases)
        self.firsts = frozenset(p.split(" ")[0] for p in self.phrases)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self.phrases


def phrase_at(text: str, position: int, phrases: Phrases) -> tuple[str, int] | None:
    """The longest of ``phrases`` (up to three words) at the next word, and where it ends."""
    first = words_after(text, position, 1)
    if not first or first[0][0] not in phrases.firsts:
        return None
    words = first + words_after(text, first[0][2], 2)
    for size in range(len(words), 0, -1):
        candidate = " ".join(w for w, _, _ in words[:size])
        if candidate in phrases:
            return candidate, words[size - 1][2]
    return None
