"""Tokens, words, sentences and paragraphs, with the ``regex`` module.

Stdlib ``re`` treats Devanagari vowel signs, virama and nukta as non-word characters,
so ``\\w+`` splits "राष्ट्रपति" into pieces. Every class here is explicit instead:
a word is a run of letters, combining marks and ZWJ/ZWNJ.

The ``python_*`` functions are the reference. Where the compiled core is built
(:mod:`qa.text.native`), :func:`words`, :func:`sentences`,
:func:`paragraphs` and :func:`span_tokens` are its versions, which return exactly the same.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import chain
from typing import Any, Protocol, TypeVar

import regex

from qa import regexcache
from qa.text import native
from qa.text.akshara import WORD_LETTERS

#: Characters that belong inside a word (any script).
WORD_CHARS = r"\p{L}\p{M}\u200c\u200d"
#: A character class matching one word character, and its negation as a boundary.
WORD_CLASS = f"[{WORD_CHARS}]"
NOT_WORD = f"(?<![{WORD_CHARS}\\p{{Nd}}])"
NOT_WORD_AFTER = f"(?![{WORD_CHARS}\\p{{Nd}}])"

DEVANAGARI = regex.compile(r"\p{Devanagari}")

# The order of alternatives matters: an ordinal ("47वें", "21st") before a number.
_TOKEN = regex.compile(
    rf"(?P<ordinal>\p{{Nd}}+[{WORD_CHARS}]+)"
    r"|(?P<number>\p{Nd}+(?:[.,:/]\p{Nd}+)*)"
    rf"|(?P<word>[{WORD_CHARS}]+)"
    r"|(?P<punct>[^\s\p{L}\p{M}\p{Nd}\u200c\u200d])",
)
_WORD = regex.compile(f"{WORD_CLASS}+")
#: The class of ``regex``'s matches, whose methods :func:`python_words` maps over them.
_MATCH = type(_WORD.match("a"))
_GRAPHEME = regex.compile(r"\X")

# Sentence ends: danda, double danda, ? and ! (with closing quotes/brackets after them),
# and a full stop that is not a decimal point, an initial or a known abbreviation.
_ABBREVIATIONS = (
    "डॉ|डा|श्री|श्रीमती|सु|कु|प्रो|पं|मो|ले|जन|कर्नल|मेजर|कैप्टन|लेफ्टि|सं|ई|पू|"
    "Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|No|vs|etc|Rs|Lt|Col|Gen|Capt|Hon|approx|Inc|Ltd|Co"
)
# One-letter words are initials ("एम. के. स्टालिन") except these common sentence ends.
_SHORT_FINAL_WORDS = "(?:है|था|थी|थे|हो|दो|लो)" + NOT_WORD_AFTER
_INITIAL = (
    r"(?:[\u0915-\u0939\u0958-\u095F]\u093C?[\u093E-\u094C]?|[\u0905-\u0914]"
    r"|ए[मसनलफ]|आर|एच|एक्स|डब्ल्यू|वाई|जेड|\p{Lu})"
)
_SENTENCE_END = regex.compile(
    r"[।॥?!]+[\"'”’)\]]*"
    rf"|(?<!{NOT_WORD}(?:{_ABBREVIATIONS}|(?!{_SHORT_FINAL_WORDS}){_INITIAL}))"
    r"(?<!\p{Nd})\.+[\"'”’)\]]*(?=\s|$)",
)
_PARAGRAPH_BREAK = regex.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*")

#: A span's tokens, each with the white space before it (stdlib ``re``): a Devanagari word
#: (hyphenated or abbreviated compounds are one word), a number in either script, a run of
#: Latin letters, or any other character.
_SPAN_TOKEN = regexcache.standard(
    rf"(\s*)(?:([{WORD_LETTERS}]+(?:[-‐‑–.॰][{WORD_LETTERS}]+)*॰?)|([0-9०-९]+(?:[.,:/-][0-9०-९]+)*)|([A-Za-z]+|\S))"
)


class Kind(Enum):
    WORD = "word"
    NUMBER = "number"
    ORDINAL = "ordinal"
    PUNCT = "punct"


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the text: its kind, text and span."""

    kind: Kind
    text: str
    start: int
    end: int


_KINDS = {"ordinal": Kind.ORDINAL, "number": Kind.NUMBER, "word": Kind.WORD, "punct": Kind.PUNCT}


def tokens(text: str) -> list[Token]:
    """All non-space tokens of ``text`` in order."""
    return [Token(_KINDS[m.lastgroup], m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


#: A document's words: each word (letters and marks of any script, no digits) in order,
#: the offset where each starts, and each distinct word with the offsets where it starts.
#: The offsets are ``array('I')``s: an int object per offset held 15 MB of a 5 MB document.
Words = tuple[list[str], "array[int]", dict[str, "array[int]"]]


def python_words(text: str) -> Words:
    """The words of ``text`` (:data:`Words`). A word that recurs is one string object: a long
    document has far fewer distinct words than words."""
    found = list(_WORD.finditer(text))
    texts = list(map(_MATCH.group, found))
    one = dict[str, str]().setdefault  # one string object per distinct word, however often it occurs
    texts = list(map(one, texts, texts))  # C loops: no Python frame per word
    starts = array("I", map(_MATCH.start, found))
    index: dict[str, array[int]] = {}
    get = index.get
    for word, start in zip(texts, starts, strict=True):
        at = get(word)
        if at is None:
            index[word] = array("I", (start,))
        else:
            at.append(start)
    return texts, starts, index


def occurrences(
    index: Mapping[str, Sequence[int]], wanted: Callable[[str], object] | Collection[str]
) -> list[int]:
    """The starts of the words of a word ``index`` (:func:`words`') that
    ``wanted`` accepts, in order; ``wanted`` may be the words themselves (a closed list,
    looked up rather than tested on every word)."""
    if isinstance(wanted, Collection):
        words: Iterable[str] = [word for word in wanted if word in index]
    else:
        words = filter(wanted, index)
    return sorted(chain.from_iterable(map(index.__getitem__, words)))


Record = TypeVar("Record", bound=tuple[Any, ...])


def python_span_tokens(
    view: str, start: int, end: int, record: type[Record], spelling: Callable[[str], str]
) -> list[Record]:
    """The tokens of ``view[start:end]``, each a ``record`` (a tuple type such as a NamedTuple)
    of kind ("word", "number" or "other"), text, ``spelling(text)``, start and end."""
    new = tuple.__new__  # record(...) would run a Python frame per token
    found, at = [], start
    for space, word, number, other in _SPAN_TOKEN.findall(view, start, end):
        kind, text = ("word", word) if word else ("number", number) if number else ("other", other)
        begin = at + len(space)
        at = begin + len(text)
        found.append(new(record, (kind, text, spelling(text), begin, at)))
    return found


def graphemes(text: str) -> list[str]:
    """Extended grapheme clusters (what a reader sees as one letter)."""
    return _GRAPHEME.findall(text)


def python_sentences(text: str, blocks: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of sentences; a paragraph break also ends a sentence.

    ``blocks`` are the text's paragraphs when the caller has them already.
    """
    spans: list[tuple[int, int]] = []
    for para_start, para_end in python_paragraphs(text) if blocks is None else blocks:
        start = para_start
        for m in _SENTENCE_END.finditer(text, para_start, para_end):
            spans.append(_strip(text, start, m.end()))
            start = m.end()
        if text[start:para_end].strip():
            spans.append(_strip(text, start, para_end))
    return spans


def python_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of blocks separated by blank lines."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start : m.start()].strip():
            spans.append(_strip(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _SpanTokens(Protocol):
    def __call__(
        self, view: str, start: int, end: int, record: type[Record], spelling: Callable[[str], str]
    ) -> list[Record]: ...


class _Sentences(Protocol):
    def __call__(self, text: str, blocks: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]: ...


_core = native.core
words: Callable[[str], Words] = _core.words if _core else python_words
sentences: _Sentences = _core.sentences if _core else python_sentences
paragraphs: Callable[[str], list[tuple[int, int]]] = _core.paragraphs if _core else python_paragraphs
span_tokens: _SpanTokens = _core.span_tokens if _core else python_span_tokens


def word_spans(text: str) -> list[tuple[str, int]]:
    """(word, start) for every word of ``text``: :func:`words` as pairs, for the evaluations
    that read a sentence word by word."""
    texts, starts, _ = words(text)
    return list(zip(texts, starts, strict=True))


def matches_at(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int], timeout: float | None = None
) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text)`` finds where every match begins at one of ``starts``
    (ascending; more places than the matches begin at are harmless): the pattern is tried
    only there, a start inside the previous match skipped (its look-behinds still see the
    text before)."""
    done, match = 0, pattern.match
    for at in starts:
        if at >= done and (m := match(text, at, timeout=timeout)) is not None:
            done = m.end()
            yield m
