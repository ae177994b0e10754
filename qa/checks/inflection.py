"""Inflected forms with a nasal too many (करेंगें) or too few (गांवो में).

Web text is full of both slips, so the lexicon knows these forms and T002 cannot see
them; each rule asks instead whether the form with one nasal more or less is a clearly
commoner word, and where the form stands in a structure that settles the question.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

import regex

from qa import lexicon
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text.akshara import VIRAMA
from qa.text.ordinals import CARDINAL_WORDS

#: How much commoner (Zipf) the corrected form must be, by default.
MIN_ZIPF_GAIN = 1.0
#: T029: the plural with its bindu must be this much commoner, and the word itself no
#: commoner than this: a word met once in 10,000 (लोगो, "logo") is a word in its own right.
PLURAL_GAIN, PLURAL_MAX_ZIPF = 0.5, 5.0

# The future plural: a subjunctive form, which ends in े, ए or ो (करे, जाए, जाये, हो, ले),
# a nasal, ग, the ending vowel (े masculine, ी feminine) and the stray second nasal.
# Plural nouns (मांगें, तरंगें, छलांगें) have no such form before their nasal.
_DOUBLED = regex.compile(r"(?P<subjunctive>\p{Devanagari}*[ेएो])[ंँ]ग[ेी][ंँ]")
# What the subjunctive adds to the verb's root: करे -> कर, जाए/जाये -> जा (हो, ले and
# दे are roots themselves).
_SUBJUNCTIVE_ENDING = regex.compile(r"(?:ये|े|ए)$")
# A postposition after a word puts it in the oblique case (गांवों में, किसानों को).
_POSTPOSITION = regex.compile(
    r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)(?:में|से|को|के|की|का|ने|पर|तक|द्वारा)(?![\p{L}\p{M}])"
)


#: Words that make the noun after them plural, besides a number above one (कई लोगों, इन
#: गांवों): after them a common word in -ो (लोगो, "logo") is the plural slip too.
_PLURAL_COUNTERS = (CARDINAL_WORDS - {"एक"}) | {
    *("कई", "सभी", "सारे", "अनेक", "तमाम", "इन", "उन", "जिन", "किन", "दोनों", "तीनों", "चारों"),
    *("सैकड़ों", "सैकडों", "हजारों", "हज़ारों", "लाखों", "करोड़ों"),
}
#: The word or number right before a word (read backwards from its start).
_BEFORE = regex.compile(
    r"(?:(?P<digits>[0-9०-९][0-9०-९,]*)|(?P<word>[\p{L}\p{M}]+))[ \t\u00a0]+", regex.REVERSE
)
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789", ",")


def counter_before(text: str, start: int) -> int | str | None:
    """What stands right before ``start``: a number in digits (its value), a word, or
    neither (None)."""
    m = _BEFORE.match(text, 0, start)
    if m is None:
        return None
    return int(m["digits"].translate(_DIGITS)) if m["digits"] is not None else m["word"]


def after_plural_counter(text: str, start: int) -> bool:
    """A number above one or a plural quantifier (कई, सभी, इन …) stands right before
    ``start`` (5 लोगो की मौत, कई लोगो को)."""
    return _plural_counter(counter_before(text, start))


def _plural_counter(before: int | str | None) -> bool:
    """``before`` (:func:`counter_before`'s) is a number above one or a plural quantifier."""
    return before > 1 if isinstance(before, int) else before in _PLURAL_COUNTERS


def after_numeral(text: str, start: int) -> bool:
    """A number in digits or words stands right before ``start`` (5 मील, ढाई सेर)."""
    before = counter_before(text, start)
    return isinstance(before, int) or before in CARDINAL_WORDS


def commoner(right: str, word: str, min_gain: float) -> bool:
    return lexicon.zipf(right) >= lexicon.zipf(word) + min_gain


def future(word: str, min_gain: float = MIN_ZIPF_GAIN) -> str | None:
    """The future form ``word`` means, if it has a second nasal and the form without
    it is a clearly commoner word of a known verb (करेंगें -> करेंगे, चाहेंगें -> चाहेंगे).

    The verb test keeps nouns and other verbs out: पेंगें (swings) and रेंगें
    (may crawl) have no verb *पना/*रना behind them.
    """
    m = _DOUBLED.fullmatch(word)
    if m is None:
        return None
    subjunctive = m.group("subjunctive")
    roots = {subjunctive, _SUBJUNCTIVE_ENDING.sub("", subjunctive)} - {""}  # ले is its own root
    if not any(lexicon.known(root + "ना") or lexicon.known(root + "ता") for root in roots):
        return None  # a verb: its infinitive or its participle (चाहता) is a word
    single = word[:-1]
    return single if commoner(single, word, min_gain) else None


def oblique_plural(word: str, min_gain: float = PLURAL_GAIN, max_zipf: float = PLURAL_MAX_ZIPF) -> str | None:
    """गांवो -> गांवों: a known word of three letters or more ending in ो/ओ, not common in
    its own right (unless ``max_zipf`` is raised), or no word the lists know (मुद्दो),
    whose nasalised form is commoner. The register's (दोनो, क्यो) are T001's; लोगो (logo),
    करो and वीडियो stay."""
    if len(word) < 3 or not word.endswith(("ो", "ओ")):
        return None
    plain = lexicon.plain(word)  # बच्‍चो with a joiner, लड़को with a precomposed ड़
    if plain in lexicon.misspelt() or lexicon.zipf(plain) > max_zipf:
        return None
    return word + "ं" if commoner(plain + "ं", plain, min_gain) else None


#: A word this common in -त is a noun whose plural in -तें is a word (बात: बातें, चाहत: चाहतें).
NOUN_IN_T_ZIPF = 4.0


def imperfective(word: str, min_gain: float = MIN_ZIPF_GAIN) -> str | None:
    """The imperfective participle ``word`` means, if a nasal follows its -ते and the form
    without it is a clearly commoner word of a known verb (करतें -> करते, देखतें -> देखते):
    the participle ends in -ता, -ते, -ती or -तीं, never -तें. Not a noun's plural in -तें
    (बातें, रातें, चाहतें: a common word in -त before it)."""
    if not word.endswith(("तें", "तेँ")):
        return None
    stem = word[:-3]
    if not stem or stem.endswith(VIRAMA) or not (lexicon.known(stem + "ना") or lexicon.known(stem + "ता")):
        return None  # a conjunct before त makes a noun's -ता (रास्ता: रास्तें is रास्ते's slip), no verb's
    if lexicon.zipf(stem + "त") >= NOUN_IN_T_ZIPF:
        return None
    single = stem + "ते"
    return single if commoner(single, word, min_gain) else None


@lru_cache(maxsize=8)
def _futures(min_gain: float) -> Sieve:
    """The words :func:`future` corrects at ``min_gain`` (a sieve for each gain a house sets)."""
    return Sieve(lambda word: word.endswith(("ें", "ीं", "ेँ", "ीँ")) and future(word, min_gain) is not None)


@lru_cache(maxsize=8)
def _oblique_plurals(min_gain: float) -> Sieve:
    """The words :func:`oblique_plural` corrects at ``min_gain``, whatever their own
    frequency (a sieve for each gain a house sets)."""
    return Sieve(lambda word: oblique_plural(word, min_gain, math.inf) is not None)


class DoubledFutureNasal(Rule):
    """T028: करेंगें, जाएंगें, होंगीं: the future tense nasalises its first vowel only."""

    #: The words read (a sieve per minimum gain) and the form each means.
    sieve = staticmethod(_futures)
    forms = staticmethod(future)

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        min_gain, index = float(self.options.get("min-zipf-gain", MIN_ZIPF_GAIN)), ctx.document.word_index
        for word in sorted(self.sieve(min_gain).select(ctx.document.word_set)):
            right = cast(str, self.forms(word, min_gain))  # a form: the sieve took the word
            message = self.meta.message.format(word=word, intended=right)
            for start in index[word]:
                if self.placed(word, ctx.text, start + len(word)):
                    yield self.replace(start, start + len(word), right, message)

    def placed(self, word: str, text: str, end: int) -> bool:
        """``word``, ending at ``end``, stands where the form belongs (a future: anywhere)."""
        return True


@lru_cache(maxsize=8)
def _imperfectives(min_gain: float) -> Sieve:
    """The words :func:`imperfective` corrects at ``min_gain``."""
    return Sieve(lambda word: word.endswith(("तें", "तेँ")) and imperfective(word, min_gain) is not None)


class NasalImperfective(DoubledFutureNasal):
    """T042: करतें, देखतें, सकतें: the imperfective participle takes no nasal after -ते."""

    sieve = staticmethod(_imperfectives)
    forms = staticmethod(imperfective)

    def placed(self, word: str, text: str, end: int) -> bool:
        """Where the lists know a word in -त (जमात, and the dialect's करत, होत), the word in
        -तें may be its plural: it is read only where it goes on to an auxiliary, होना,
        जाना, रहना or a clause's end (करतें हैं, करतें हुए, कर सकतें।), never before a noun
        (तबलीगी जमातें देश में, of जमात)."""
        return lexicon.zipf(word[:-2]) == 0 or _GOES_ON.match(text, end) is not None


#: What follows an imperfective participle: an auxiliary, a form of होना, जाना or रहना, a
#: clause's boundary, punctuation or the end.
_GOES_ON = regex.compile(
    r"[ \t]*(?:$|[^\p{L}\p{M}\p{N} \t]|(?:है|हैं|था|थे|थी|थीं|हो|होंगे|होंगी|होगा|होगी|हुए|हुई|हुईं"
    r"|जा|जाते|जाती|जाता|जाएंगे|रहे|रहें|रहा|रही|रहीं|रहते|रहती|रहेंगे|तो|और|कि|लेकिन|जब)(?![\p{L}\p{M}]))"
)


#: The oblique plural demonstratives and relatives: the noun after one is an oblique
#: plural with a postposition or without one (इन दिनों, उन बातों पर).
_OBLIQUE_PLURALS = frozenset({"इन", "उन", "जिन", "किन"})


class DroppedPluralNasal(Rule):
    """T029: गांवो में, किसानो को, इन दिनो: an oblique plural, before a postposition or
    after इन, उन, जिन, किन, ends in -ों."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        min_gain = float(self.options.get("min-zipf-gain", PLURAL_GAIN))
        max_zipf = float(self.options.get("max-word-zipf", PLURAL_MAX_ZIPF))
        text, index = ctx.text, ctx.document.word_index
        for word in sorted(_oblique_plurals(min_gain).select(ctx.document.word_set)):
            right = cast(str, oblique_plural(word, min_gain, math.inf))  # a form: the sieve took the word
            # a word common in its own right (लोगो, "logo"): only after a plural counter
            counted = lexicon.zipf(lexicon.plain(word)) > max_zipf
            for start in index[word]:
                end = start + len(word)
                before = counter_before(text, start)
                if _POSTPOSITION.match(text, end):
                    where = "before a postposition"
                elif before in _OBLIQUE_PLURALS:
                    where = f"after '{before}'"
                else:
                    continue
                if not counted or _plural_counter(before):
                    message = self.meta.message.format(word=word, intended=right, where=where)
                    yield self.replace(start, end, right, message)
