"""Name rules: similar spellings of an unknown name, forbidden forms, surname-first names.

Similar spellings (N003) compare the matching keys of name-like words (rare, unknown or
next to a title) by their edit operations (:mod:`qa.text.edits`); an edit counts only if
it is one of the slips Hindi spellers make with names (ि/ी, ु/ू, े/ै, श/स/ष, ण/न, व/ब,
ट/त, a dropped vowel sign) and the two words are not names of different people: both in
the registry as different people, both common words, or each always after its own first
names (रमेश अग्निहोत्री, सुरेश अग्नीहोत्री) keep them apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations, filterfalse

from qa.checks import names_registry as reg
from qa.checks.agreement_words import COMPOUND_POSTPOSITIONS, FUNCTION_WORDS, POSTPOSITIONS, is_candidate
from qa.checks.consistency import (
    NAME_ZIPF,
    TITLED_ZIPF,
    Span,
    WordIndex,
    clusters,
    context_registry,
    context_style,
    find,
    nfc,
    titled,
    word_index,
)
from qa.checks.verb_forms import verb_word
from qa.checks.word_sieve import Ledger, shared_keys
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.lexicon import known, zipf
from qa.text import edits
from qa.text.normalize import key

_CONFUSABLE = [set("िी"), set("ुू"), set("ेै"), set("ोौ"), set("शसष"), set("णन"), set("वब"), set("टत")]
#: An aspirate and its plain consonant (सिद्दारमैया for सिद्धारमैया): a slip weighed only
#: against a name the registry knows, since many names differ so (पेरिस, फेरिस).
_ASPIRATES = dict(zip("धथढठभघखझछफ", "दतडटबगकजचप", strict=True))
_WITH_ASPIRATES = [*_CONFUSABLE, *({aspirate, plain} for aspirate, plain in _ASPIRATES.items())]
_VOWEL_SIGNS = set("\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c")
_SKELETON = str.maketrans(
    {**dict.fromkeys(_VOWEL_SIGNS, None), "श": "स", "ष": "स", "ण": "न", "व": "ब", "ट": "त"}
)
#: An aspirate's plain consonant and a plain consonant's aspirate.
_SWAPS = {**_ASPIRATES, **{plain: aspirate for aspirate, plain in _ASPIRATES.items()}}
#: Shortest key compared, and the key length from which two edits are allowed.
MIN_LENGTH, TWO_EDITS = 4, 9
#: A word before a surname counts as a first name only if it is rarer than this (Zipf).
FIRST_NAME_ZIPF = 4.5
#: Shortest given name (in code points) looked for alone by the surname-first rule.
MIN_GIVEN = 3


@lru_cache(maxsize=16384)
def small_edit(a: str, b: str, aspirated: bool = False) -> bool:
    """True if keys ``a`` and ``b`` differ by one or two (length-aware) speller's slips,
    an aspirate for its plain consonant among them if ``aspirated`` (cached: the same word
    pairs meet in document after document)."""
    if min(len(a), len(b)) < MIN_LENGTH:
        return False
    limit = 2 if min(len(a), len(b)) >= TWO_EDITS else 1
    if edits.levenshtein(a, b, limit) > limit:
        return False
    ops = edits.editops(a, b)
    if len(ops) > 1 and any(tag != "replace" for tag, _, _ in ops):
        return False  # two slips: only two letter swaps (बोलीविया/बोलिविया + one more)
    for tag, source, destination in ops:
        if tag == "replace":
            pair = {a[source], b[destination]}
            if not any(pair <= group for group in (_WITH_ASPIRATES if aspirated else _CONFUSABLE)):
                return False
        else:
            position, word = (source, a) if tag == "delete" else (destination, b)
            if _final_h(word, position) and min(len(a), len(b)) >= 5:
                continue  # बुमराह/बुमरा: a final h after a long a, which transliterations drop
            # a dropped vowel sign inside the word; at the end it is an inflection (स्पेन/स्पेनी)
            if word[position] not in _VOWEL_SIGNS or position == len(word) - 1 or min(len(a), len(b)) < 5:
                return False
    return True


def _final_h(word: str, position: int) -> bool:
    """The letter at ``position`` is ``word``'s final ह after ा (बुमराह, शाह)."""
    return position == len(word) - 1 and word.endswith("\u093eह")


def _previous(index: WordIndex, spans: list[Span]) -> set[str]:
    """Keys of the words right before each occurrence ("" at the start)."""
    return _beside(index, spans, -1)


def _beside(index: WordIndex, spans: list[Span], step: int) -> set[str]:
    """Keys of the words ``step`` words from each occurrence ("" past either end)."""
    words = index.document.word_texts
    numbers = (index.number(start) + step for start, _ in spans)
    return {key(words[i]) if 0 <= i < len(words) else "" for i in numbers}


def _one_person(
    index: WordIndex, registry: reg.Registry, a: tuple[str, list[Span]], b: tuple[str, list[Span]]
) -> bool:
    """Both spellings stand beside the same name: the same first name before them (अमित
    शाह, अमित साह) or surname after them (द्रौपदी मुर्मू, द्रोपदी मुर्मू): a word of a name
    the registry knows that is no common word (के, of के चंद्रशेखर राव, is one)."""
    for step in (-1, 1):
        for partner in _beside(index, a[1], step) & _beside(index, b[1], step):
            if (
                partner in registry.token_people
                and zipf(partner) < TITLED_ZIPF
                and partner not in reg.titles()
            ):
                return True
    return False


def _different_people(
    index: WordIndex, registry: reg.Registry, a: tuple[str, list[Span]], b: tuple[str, list[Span]]
) -> bool:
    """Registry names of different people, a registry name's word beside a slip of it the
    registry lacks that has another's surname after it or its own first name or role
    before it somewhere (नीतीश कुमार / नितीश राणा, खिलाड़ी नितीश; a lone नितीश is a second
    reference's slip: :func:`_surnamed`, :func:`_introduced`), two common words that stand
    beside no name in common (:func:`_one_person`), or each spelling always after its own
    first names (रमेश अग्निहोत्री / सुरेश अग्नीहोत्री)."""
    people_a = registry.token_people.get(key(a[0]), set())
    people_b = registry.token_people.get(key(b[0]), set())
    if people_a and people_b and not people_a & people_b:
        return True
    if bool(people_a) != bool(people_b):  # a known person's name word, and a slip of it the registry lacks
        (_, known_spans), (_, spans) = (a, b) if people_a else (b, a)
        people = people_a or people_b
        if _their_surname_after(index, registry, spans, people):
            return False  # राष्ट्रपति ब्लादिमीर पुतिन: the person's own full name, a title before it
        return _surnamed(index, registry, spans, people) or _introduced(
            index, registry, spans, people, known_spans
        )
    if min(zipf(a[0]), zipf(b[0])) >= NAME_ZIPF and not (
        _one_person(index, registry, a, b) or _second_reference(index, a, b)
    ):
        return True
    firsts_a, firsts_b = _first_names(index, a[1]), _first_names(index, b[1])
    return bool(firsts_a and firsts_b and not firsts_a & firsts_b)


def _their_surname_after(
    index: WordIndex, registry: reg.Registry, spans: list[Span], people: set[str]
) -> bool:
    """Every occurrence has a word of one of ``people``'s names after it that is no common
    word (ब्लादिमीर पुतिन beside व्लादिमीर पुतिन): the slip stands in that person's full name."""
    after = _beside(index, spans, 1)
    return all(zipf(word) < TITLED_ZIPF and registry.token_people.get(word, set()) & people for word in after)


def _surnamed(index: WordIndex, registry: reg.Registry, spans: list[Span], people: set[str]) -> bool:
    """An occurrence has a surname after it, a word rarer than a common word that is none
    of ``people``'s, no verb's and no postposition, particle or conjunction: another person,
    introduced by a full name (नितीश राणा beside नीतीश कुमार), not only second references
    (नितीश ने, नितीश बोले, नितीश सरकार) or ``people``'s full name (पिनाराई विजयन)."""
    return any(
        word
        and word not in _AFTER_SECOND_REFERENCE
        and zipf(word) < TITLED_ZIPF
        and verb_word(word) is None
        and not registry.token_people.get(word, set()) & people
        for word in _beside(index, spans, 1)
    )


def _introduced(
    index: WordIndex, registry: reg.Registry, spans: list[Span], people: set[str], known: list[Span]
) -> bool:
    """An occurrence has a word before it that is no function word, none of ``people``'s
    and none that stands before their spelling (``known``) too: a first name or a role
    (मनोज बाजपेयी, छात्र पियूष, खिलाड़ी नितीश), another person introduced; a second reference
    follows a function word, a postposition's noun or the sentence's start (बाद में नितीश,
    धरने के दौरान बैनर्जी), and the person's own
    first name or title (or its short form) may stand before a slip of the name (हिमंत
    विस्वा सरमा, सीएम पिनाराई विजयन)."""
    theirs = {_SAME_TITLE.get(word, word) for word in _previous(index, known)}
    return any(
        not _no_name_word(word)
        and _SAME_TITLE.get(word, word) not in theirs
        and not registry.token_people.get(word, set()) & people
        for word in _previous(index, spans)
    )


#: Titles' short forms, read as the title (केरल के सीएम पिनाराई विजयन, मुख्यमंत्री पिनराई विजयन).
_SAME_TITLE = {
    key(short): key(title)
    for short, title in (("सीएम", "मुख्यमंत्री"), ("पीएम", "प्रधानमंत्री"), ("डीएम", "जिलाधिकारी"))
}


#: The doer's postposition, which follows a person's name.
_ERGATIVE = key("ने")
#: What follows a name used alone: postpositions, particles, conjunctions.
_AFTER_SECOND_REFERENCE = frozenset(
    key(word) for word in (*POSTPOSITIONS, "ही", "भी", "तो", "और", "व", "तथा", "एवं", "या", "जी")
)


def _first_names(index: WordIndex, spans: list[Span]) -> set[str] | None:
    """The first names before a surname, if every occurrence has one (else None)."""
    before = _previous(index, spans)
    firsts = {w for w in before if w and w not in reg.titles() and zipf(w) < FIRST_NAME_ZIPF}
    return firsts if len(firsts) == len(before) else None


def skeleton(word_key: str) -> str:
    """The key with vowel signs dropped and confusable consonants merged: two keys a
    speller's slip apart share a skeleton, so only words in one bucket are compared (a
    final ह after ा goes too: :func:`_final_h`)."""
    if _final_h(word_key, len(word_key) - 1):
        word_key = word_key[:-1]
    return word_key.translate(_SKELETON)


def _bucket(word_key: str) -> str | None:
    """The skeleton of a key long enough to compare, else None."""
    return skeleton(word_key) if len(word_key) >= MIN_LENGTH else None


_BUCKETS = Ledger(_bucket)


class SimilarNameSpelling(Rule):
    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        index, registry = word_index(ctx), context_registry(ctx)
        clustered = {key(f) for c in clusters(ctx, registry, context_style(ctx, {})) for f in c.forms}
        keys = list(filterfalse(clustered.__contains__, index.by_key))
        for bucket in shared_keys(keys, _BUCKETS.values(keys)).values():
            # keys a slip from no other key are never compared (most buckets' keys: inflections);
            # the keys in order of first use, so each pair is tested the same way round
            near = {k for pair in combinations(bucket, 2) if small_edit(*pair) for k in pair}
            if near:
                yield from self._compare(index, registry, near)
        for pair in _aspirate_pairs(registry, keys):
            yield from self._compare(index, registry, set(pair))

    def _compare(self, index: WordIndex, registry: reg.Registry, near: set[str]) -> Iterator[Diagnostic]:
        """Compare the words of the keys of one skeleton bucket that are a slip from another."""
        by_key, starts = index.by_key, index.document.word_index
        entries = []
        for k in near:
            raws = by_key[k]
            word = nfc(min(raws, key=lambda raw: starts[raw][0]))  # the spelling used first
            if zipf(word) < TITLED_ZIPF or key(word) in registry.token_people:
                entries.append((word, sorted((s, s + len(raw)) for raw in raws for s in starts[raw])))
        for (a, spans_a), (b, spans_b) in combinations(sorted(entries, key=lambda e: e[1][0]), 2):
            if (
                not small_edit(key(a), key(b), aspirated=_registered(registry, key(a), key(b)))
                or not _names_pair(index, registry, (a, spans_a), (b, spans_b))
                or _different_people(index, registry, (a, spans_a), (b, spans_b))
            ):
                continue
            (major, major_spans), (minor, minor_spans) = _preferred_first(
                registry, (a, spans_a), (b, spans_b)
            )
            message = self.meta.message.format(form=minor, preferred=major, count=len(major_spans))
            for start, end in minor_spans:
                yield self.replace(start, end, major, message)


def _aspirate_pairs(registry: reg.Registry, keys: list[str]) -> Iterator[tuple[str, str]]:
    """Pairs of the document's keys, one a word of a name the registry knows, that differ
    by an aspirate for its plain consonant or the reverse (सिद्धारमैया, सिद्दारमैया)."""
    present = set(keys)
    for k in keys:
        if len(k) < MIN_LENGTH or k not in registry.token_people:
            continue
        for i, letter in enumerate(k):
            if letter not in _SWAPS:
                continue
            variant = k[:i] + _SWAPS[letter] + k[i + 1 :]
            if variant in present and (variant not in registry.token_people or k < variant):
                yield k, variant


Entry = tuple[str, list[Span]]


def _preferred_first(registry: reg.Registry, a: Entry, b: Entry) -> tuple[Entry, Entry]:
    """The spelling to keep, then the other: the registry's where only one is (धनखड़ over
    धनकड़), else the one used more, else the one used first."""
    registered = {word: _registered(registry, key(word)) for word in (a[0], b[0])}
    mixed = len(set(registered.values())) > 1
    first, second = sorted((a, b), key=lambda e: (mixed and not registered[e[0]], -len(e[1]), e[1][0]))
    return first, second


def _registered(registry: reg.Registry, *keys: str) -> bool:
    """One of ``keys`` is a word of a name the registry knows."""
    return any(k in registry.token_people for k in keys)


def _names_pair(
    index: WordIndex, registry: reg.Registry, a: tuple[str, list[Span]], b: tuple[str, list[Span]]
) -> bool:
    """True if two words are names to compare. A name is known from the registry or a title
    before it; otherwise both words must be unknown to the lexicon, or both known and rare:
    an unknown word beside a known one is a typo of that word (कोरना/कोरोना), not a name."""
    for word, spans in (a, b):
        if key(word) in registry.token_people or titled(index, spans):
            return True
    return rare_pair(a[0], b[0]) or _one_person(index, registry, a, b) or _second_reference(index, a, b)


def _second_reference(index: WordIndex, a: Entry, b: Entry) -> bool:
    """One spelling is introduced first as a full name ends, a word of the name or a title
    before it and a postposition or particle after it (हार्दिक पंड्या ने), and the other
    stands only alone after that, as a second reference does (मैच के बाद पांड्या ने), a
    doer's ने after it at least once: both name one person."""
    for (_, full), (_, alone) in ((a, b), (b, a)):
        first = full[:1]
        if (
            first[0] < alone[0]
            and not all(map(_no_name_word, _previous(index, first)))
            and _beside(index, first, 1) <= _AFTER_SECOND_REFERENCE
            and _alone(index, alone)
            and _ERGATIVE in _beside(index, alone, 1)
        ):
            return True
    return False


def _alone(index: WordIndex, spans: list[Span]) -> bool:
    """Every occurrence stands alone: after no word of a name (:func:`_no_name_word`) and
    before a postposition, particle or conjunction."""
    after = _beside(index, spans, 1)
    return all(map(_no_name_word, _previous(index, spans))) and after <= _AFTER_SECOND_REFERENCE


def _no_name_word(word: str) -> bool:
    """``word`` (a key; "" at the start) is no word of a name: a function word, a
    postposition's noun, or no word a noun may be."""
    return not word or not is_candidate(word) or word in FUNCTION_WORDS or word in COMPOUND_POSTPOSITIONS


def rare_pair(a: str, b: str) -> bool:
    """Both words unknown to the lexicon, or both known and rare."""
    return known(a) == known(b) and max(zipf(a), zipf(b)) < NAME_ZIPF


class ForbiddenNameForm(Rule):
    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        index, registry = word_index(ctx), context_registry(ctx)
        reported: set[tuple[int, int]] = set()
        for pattern, (person, replacement) in sorted(registry.forbidden.items(), key=lambda p: -len(p[0])):
            for _, (start, end) in find(index, pattern):
                if any(s <= start and end <= e for s, e in reported):
                    continue  # a lone wrong word inside a longer wrong form is reported once
                reported.add((start, end))
                fixed = " ".join(replacement)
                message = self.meta.message.format(
                    form=ctx.text[start:end], preferred=fixed, person=person.id
                )
                yield self.replace(start, end, fixed, message)


class SurnameFirstSecondReference(Rule):
    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        index, registry = word_index(ctx), context_registry(ctx)
        words = index.document.word_texts
        for person, given, surnames in registry.given_first:
            if len("".join(given)) < MIN_GIVEN:
                continue  # यी (वांग यी) alone is too short to tell from other words
            for i, (start, end) in find(index, given):
                if i > 0 and key(words[i - 1]) in surnames:
                    continue
                message = self.meta.message.format(
                    form=ctx.text[start:end], surname=person.surname, person=person.id
                )
                yield self.replace(start, end, person.surname, message)
