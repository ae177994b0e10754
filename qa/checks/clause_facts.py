"""Which sentences a clause rule may report in, decided from cheap facts about their
words, before any sentence is cut into tokens (:mod:`qa.checks.clauses`).

Each distinct word gets its facts once per process and genders table:
what it may be to the clause reader (a subject of each gender and number, a verb word of
each, a marker of a को object, a word after which a noun is never the subject). A rule
then skips the sentences whose words lack the facts every finding of it needs. The facts
are read from the words of the document's list, which hold every word the clause reader
sees (a Devanagari run of one), except compounds joined by a hyphen, full stop or the
abbreviation sign: a sentence with one of those is always read. The facts mirror what
:class:`clauses.Clause` accepts; ``tests/test_clause_facts.py`` compares every rule that
uses them with the same rule reading every sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import partial, reduce
from itertools import compress, filterfalse, islice, repeat
from operator import or_, sub
from weakref import WeakKeyDictionary

from qa.checks.agreement import analysis, shown_nouns
from qa.checks.agreement_lexicon import Genders, Noun
from qa.checks.agreement_words import GENITIVE, normal
from qa.checks.clauses import COPULA, DATIVE, POSTPOSITIONS, sentences, subject_noun
from qa.checks.verb_forms import verb_word
from qa.engine.rule import Context
from qa.text import native
from qa.text.akshara import WORD_LETTERS

#: What a word may be to the clause reader, one bit each: a subject of each gender (and
#: a feminine plural one), a verb word of each gender (and a feminine singular one, and a
#: plural one), को or a pronoun with it (उसे); and a word right before which a noun is
#: never the subject (bit 8: it is read from the word's next word).
NOUN_M, NOUN_F, NOUN_F_PLURAL, VERB_M, VERB_F, VERB_F_SINGULAR, VERB_PLURAL, OBJECT, BEFORE_NO_SUBJECT = (
    1 << n for n in range(9)
)
_NOUNS = NOUN_M | NOUN_F | NOUN_F_PLURAL
#: Words that end a noun phrase the clause reader never takes for the subject: a noun
#: right before one is in a postposition phrase or a genitive (शहर में, सरकार की).
_NO_SUBJECT_BEFORE = frozenset(GENITIVE) | POSTPOSITIONS | {"ने", "को"}
_DEVANAGARI_RUN = re.compile(f"[{WORD_LETTERS}]+")
#: Where the clause reader may see a compound the word list splits (a superset).
_JOINER = re.compile(f"[-‐‑–.॰](?=[{WORD_LETTERS}])|॰")
#: Turns 1 into 1 and any other byte into 0.
_ONE = bytes(int(n == 1) for n in range(256))


def _facts(lexicon: Genders, word: str) -> int:
    """The facts of ``word`` (a word of the document's list, any script): those of each
    Devanagari run it holds, in the tables' spelling, as the clause reader reads it."""
    found = 0
    for part in _DEVANAGARI_RUN.findall(word):
        spelt = normal(part)
        noun = subject_noun(lexicon, spelt)
        if noun is not None:
            found |= NOUN_M if noun[0].gender == "m" else NOUN_F | NOUN_F_PLURAL if noun[1] else NOUN_F
        verb = verb_word(spelt)
        if verb is not None:
            found |= VERB_M if verb.gender == "m" else VERB_F if verb.plural else VERB_F | VERB_F_SINGULAR
            found |= VERB_PLURAL if verb.plural else 0
        if spelt == COPULA:  # singular, and of no gender: it may disagree with a feminine plural
            found |= VERB_F_SINGULAR
        if spelt in DATIVE:
            found |= OBJECT
        if spelt in _NO_SUBJECT_BEFORE and part == word:  # the reader's next token is this word
            found |= BEFORE_NO_SUBJECT
    return found


#: Each genders table's facts of every word met so far in the process, as two bytes
#: (little-endian: a document's are joined, not packed word by word), started afresh when large.
_MET: WeakKeyDictionary[Genders, dict[str, bytes]] = WeakKeyDictionary()
_MET_MOST = 1 << 18


def _two_bytes(facts: int) -> bytes:
    return facts.to_bytes(2, "little")


def _known(lexicon: Genders, words: Collection[str]) -> dict[str, bytes]:
    """The facts of the ``words`` and of others met before, with this genders table."""
    met = _MET.setdefault(lexicon, {})
    new = list(filterfalse(met.__contains__, words))
    if len(met) + len(new) > _MET_MOST:  # a new dict: another thread may still read the old one
        met = _MET[lexicon] = {}
        new = list(words)
    met.update(zip(new, map(_two_bytes, map(partial(_facts, lexicon), new)), strict=True))
    return met


def python_kept_spans(
    view: str, facts: bytes, starts: Sequence[int], spans: list[tuple[int, int]], accept: bytes
) -> list[int]:
    """The numbers (from 0) of the ``spans`` of ``view`` whose words' ``facts`` (a byte
    per word, the words starting at ``starts``) OR-ed together ``accept`` has a nonzero
    byte for, or that hold a compound the word list splits (:data:`_JOINER`). The
    compiled core's ``kept_spans`` returns the same."""
    kept = []
    for number, (start, end) in enumerate(spans):
        bits = reduce(or_, facts[bisect_left(starts, start) : bisect_left(starts, end)], 0)
        if accept[bits] or _JOINER.search(view, start, end):
            kept.append(number)
    return kept


kept_spans: Callable[[str, bytes, Sequence[int], list[tuple[int, int]], bytes], list[int]] = (
    native.core.kept_spans if native.core else python_kept_spans
)


def python_word_facts(
    words: list[str], facts: Mapping[str, bytes], slot_of: Sequence[int], nouns: int
) -> bytes:
    """A byte per word of ``words`` (in order): the low byte of its two in
    ``facts``, without the bits ``nouns`` where the next word's high byte is 1 (a word
    of :data:`_NO_SUBJECT_BEFORE`) and the next slot (``slot_of``) holds it: nothing but
    spaces between. The compiled core's ``word_facts`` returns the same."""
    raw = b"".join(map(facts.__getitem__, words))
    low, high, size = raw[0::2], raw[1::2], len(words)
    after = high.translate(_ONE)[1:] + b"\0"  # the next word is one of _NO_SUBJECT_BEFORE
    spaced = bytes(map(sub, islice(slot_of, 1, None), slot_of)).translate(_ONE) + b"\0"
    ones = int.from_bytes(b"\1" * size, "little")
    no_subject = int.from_bytes(after, "little") & int.from_bytes(spaced, "little")  # 1 or 0 a word
    keep = (ones * 0xFF) ^ (no_subject * nouns)  # each word's bits but the nouns' where no_subject
    return (int.from_bytes(low, "little") & keep).to_bytes(size, "little")


word_facts: Callable[[list[str], Mapping[str, bytes], Sequence[int], int], bytes] = (
    native.core.word_facts if native.core else python_word_facts
)


class _Document:
    """The facts of every word of a document, a byte per word (:data:`BEFORE_NO_SUBJECT`
    applied: a noun right before one of those words, nothing but spaces between, has no
    subject's bits)."""

    def __init__(self, ctx: Context) -> None:
        document = ctx.document
        index = document.word_index
        shared = analysis(ctx)
        slots = shared.slots
        facts = _known(shared.genders, index)
        self.facts = _with_shown(
            word_facts(slots.texts, facts, slots.slot_of, _NOUNS), shown_nouns(shared), index, slots.starts
        )
        self.view, self.starts, self.sentences = document.view, slots.starts, sentences(ctx)

    def kept(self, offsets: list[int], accept: bytes) -> list[int]:
        """The ``offsets`` whose sentence's facts (its words' bits together) ``accept``
        has a 1 for, or that hold a compound the word list splits."""
        read = self.sentences
        numbers = list(map(bisect_right, repeat(read.starts), offsets))  # each offset's sentence, from 1
        distinct = list(dict.fromkeys(numbers))
        spans = [read.spans[k - 1] for k in distinct]
        kept = set(map(distinct.__getitem__, kept_spans(self.view, self.facts, self.starts, spans, accept)))
        return list(compress(offsets, map(kept.__contains__, numbers)))


def _with_shown(
    facts: bytes, shown: dict[str, Noun], index: Mapping[str, Sequence[int]], starts: Sequence[int]
) -> bytes:
    """``facts`` with the subject's bit of the gender the document's own agreeing words
    give a noun the counts leave open (:func:`agreement.shown_nouns`) at each of its words."""
    if not shown:
        return facts
    marked = bytearray(facts)
    for text, noun in shown.items():
        bit = NOUN_M if noun.gender == "m" else NOUN_F
        for offset in index[text]:
            marked[bisect_left(starts, offset)] |= bit
    return bytes(marked)


def possible(ctx: Context, offsets: list[int], accept: bytes) -> list[int]:
    """The ``offsets`` in sentences whose facts ``accept`` (see :func:`table`) takes."""
    return ctx.shared("clause-facts", _Document).kept(offsets, accept)


def table(accept: Callable[[int], object]) -> bytes:
    """``accept`` (of a sentence's bits) for every value of the bits."""
    return bytes(bool(accept(bits)) for bits in range(256))


def may_disagree(bits: int) -> bool:
    """A verb group and a subject of the sentence may disagree (:func:`clauses.disagreement`):
    a verb word of one gender and a subject of the other, or a feminine singular verb word
    and a feminine plural subject."""
    return any(bits & verb and bits & noun for verb, noun in _DISAGREEING)


_DISAGREEING = ((VERB_M, NOUN_F), (VERB_F, NOUN_M), (VERB_F_SINGULAR, NOUN_F_PLURAL))
#: :func:`may_disagree` as a :func:`table`.
MAY_DISAGREE = table(may_disagree)


def may_leave_default(bits: int) -> bool:
    """A verb the default binds may leave it: a को object (or उसे, इन्हें …) and a verb word
    that is not masculine singular (G022, G040)."""
    return bool(bits & OBJECT and bits & (VERB_F | VERB_PLURAL))


#: :func:`may_leave_default` as a :func:`table`.
MAY_LEAVE_DEFAULT = table(may_leave_default)
#: A sentence with a word that may be a subject (its copula is read apart).
HAS_SUBJECT = table(lambda bits: bits & (NOUN_M | NOUN_F))
#: A sentence with a word that may be a feminine subject.
HAS_FEMININE = table(lambda bits: bits & NOUN_F)
#: A sentence with a word that may be a masculine subject and a masculine verb word.
HAS_MASCULINE = table(lambda bits: bits & NOUN_M and bits & VERB_M)
