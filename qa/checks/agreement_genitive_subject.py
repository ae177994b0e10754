"""G039: a verb group that does not agree with the noun a genitive shows as its subject
(मामलों की पुष्टि हुआ है, संक्रमितों की संख्या 20 हो गया है, यात्रियों की स्क्रीनिंग किया जा रहा है).

A genitive or possessive agrees with the noun after it: की shows a feminine noun, का a
masculine one in the singular direct case (उनकी मौत, कर्फ़्यू का पालन). When that noun
is in the direct case (no postposition after it) and only adjuncts stand between it and
a verb group of होना, मिलना or आना (their perfective, completive or progressive), or a
passive, it is the group's subject, and the group agrees with it: चार लोगों की मौत हुई
है, संक्रमितों की संख्या रविवार को 39 हो गई, यात्रियों की स्क्रीनिंग की जा रही है, इस
बात की जानकारी मिली, संक्रमण का पहला मामला सामने आया. Adjectives of the genitive's form
may stand before the noun (की अहम बैठक), and one word before a noun the genitive agrees
with (की थर्मल स्क्रीनिंग). The rule reports a group of one gender, in the singular,
that has the other, when the noun's own gender (the counts, its ending) is the one the
genitive shows: where they differ the genitive may be the slip (विवेचन की). It is silent
on a compound postposition's noun (के बाद हुआ), a person's noun, a copula alone and the
verbs that take a predicate noun (बनना, रहना), after के (the noun may be plural), on the
passive of a verb that names or takes a complement (देवी माना जाता, को राजधानी बनाया
गया) or with को in the clause, and where G020 reports the same group (it reads the
subject from the noun itself).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from itertools import chain

import regex

from qa.checks import agreement_words as aw
from qa.checks import clauses
from qa.checks.agreement import analysis
from qa.checks.agreement_doer import STANDS_ALONE, time_word, verb_here, verb_start
from qa.checks.agreement_honorific import ADJUNCTS, absolutive
from qa.checks.agreement_lexicon import Genders
from qa.checks.agreement_pronoun import duty
from qa.checks.clauses import (
    DATIVE,
    NUMBER_WORDS,
    Correction,
    Token,
    VerbGroup,
    postposition_noun,
    predicate,
    rewrite,
    verb_group,
)
from qa.checks.verb_forms import infinitive, verb_word
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

#: The genitive's forms that show the gender of the noun after them in the direct case.
_SHOWN = {"feminine": "f", "direct": "m"}
#: Verbs whose subject a genitive's noun before them is (उनकी मौत हुई, जानकारी मिली, मामला सामने आया).
_EXISTENTIAL_ROOTS = aw.word_set("हो मिल आ")


def _noun_after(lexicon: Genders, tokens: list[Token], k: int, form: str) -> int | None:
    """The noun the genitive at ``k`` (of ``form``) agrees with, in the direct case: after
    adjectives of its form, the first word with a gender, or the one after a word without
    (की थर्मल स्क्रीनिंग); None when a postposition follows it."""
    n = k + 1
    while n < len(tokens) and (
        tokens[n].normal in _ONE or getattr(aw.agreeing(tokens[n].normal), "form", None) == form
    ):
        n += 1  # की एक अहम बैठक, का एक भी केस
    if (
        n + 1 < len(tokens)
        and tokens[n + 1].kind == "word"
        and lexicon.guess(tokens[n].normal) is None
        and lexicon.guess(tokens[n + 1].normal) is not None
    ):
        n += 1  # की थर्मल स्क्रीनिंग: a word of the noun's compound
    if n + 1 >= len(tokens) or tokens[n].kind != "word" or tokens[n + 1].kind == "other":
        return None
    word, following = tokens[n].normal, tokens[n + 1].normal
    if not aw.is_candidate(word) or verb_word(word) is not None or predicate(word) or postposition_noun(word):
        return None
    return None if following in aw.POSTPOSITIONS and not verb_here(tokens, n + 1) else n


#: "One" and the particle after it, between a genitive and its noun (का एक भी केस).
_ONE = aw.word_set("एक भी")
#: Verbs whose passive takes a complement noun (कहा जाता, माना गया, बनाया गया): the noun
#: before it may be the complement, not the subject.
_NAMING_ROOTS = aw.CLAUSAL_ROOTS | aw.word_set("बुला पुकार बना घोषित")


def _read(group: VerbGroup) -> bool:
    """A group whose subject a genitive's noun in the direct case before it is: a passive,
    or होना's, मिलना's or आना's, of one gender and in the singular."""
    verbs = [verb for _, verb in group.gendered]
    if len({verb.gender for verb in verbs}) > 1 or any(verb.plural for verb in verbs):
        return False
    if any(verb.root == "कर" for verb in verbs[1:]):
        return False  # हुआ करता था: the habitual keeps the perfective masculine
    if group.passive:  # चली गई is no passive: an intransitive verb's compound with जाना
        return group.root not in STANDS_ALONE
    # what happened (मौत हुई), has happened or is happening (मौत हो चुकी, जांच हो रही); not
    # होता है, होता गया, होगा: a copula
    return group.root in _EXISTENTIAL_ROOTS and (verbs[0].perfective or verbs[0].root in _ASPECTS)


#: The aspect verbs after a bare root: the completive and the progressive (हो चुकी, हो रही).
_ASPECTS = frozenset({"चुक", "रह"})


def _adjuncts_after(lexicon: Genders, tokens: list[Token], noun: int, group: VerbGroup, j: int) -> bool:
    """Only numbers, times, adverbs and particles stand between the noun at ``noun`` and the
    ``group`` at ``j`` (संख्या रविवार को बढ़कर 39 हो गई, स्थापना वर्ष 1870 में की गई, मामला सामने
    आया), and a postposition only after a number or a time: a noun or a place after the noun
    may open a phrase of which it is a part (की राजधानी दिल्ली में हुआ था). A transitive
    verb's absolutive right after the noun takes it for its object, which only a passive
    shares as its subject (तारीख बढ़ाकर 30 जून कर दी गई; not उम्मीद लेकर सामने आया). Right
    before होना, मिलना or आना a :func:`_complement` may stand (रिपोर्ट पॉज़िटिव आई)."""
    for k in range(noun + 1, j):
        token, word = tokens[k], tokens[k].normal
        if k == noun + 1 and not group.passive and absolutive(word) and word[:-2] in aw.TRANSITIVE_ROOTS:
            return False
        if _amount(token) or word in ADJUNCTS or time_word(word) or absolutive(word):
            continue
        if word in _TIME_POSTPOSITIONS and (_amount(tokens[k - 1]) or time_word(tokens[k - 1].normal)):
            continue
        if k == j - 1 and not group.passive and _complement(lexicon, word):
            continue  # रिपोर्ट पॉज़िटिव आई, हालत गंभीर हो गई: what the subject came to be
        return False
    return True


def _complement(lexicon: Genders, word: str) -> bool:
    """``word`` may be what the subject comes to be before होना or आना: no noun, verb,
    infinitive (जानकारी देना हुआ: the infinitive's phrase is the subject), postposition or
    agreeing word (पॉज़िटिव, गंभीर)."""
    return (
        aw.is_candidate(word)
        and lexicon.guess(word) is None
        and verb_word(word) is None
        and not (infinitive(word) or duty(word))
        and word not in aw.POSTPOSITIONS
        and not postposition_noun(word)
    )


def _amount(token: Token) -> bool:
    """A number, in digits or words (39, सात)."""
    return token.kind == "number" or token.normal in NUMBER_WORDS


#: Postpositions after a number or a time (वर्ष 1870 में, सोमवार को, 39 तक, 100 पर).
_TIME_POSTPOSITIONS = aw.word_set("में से तक को पर")


def _findings(lexicon: Genders, view: str, tokens: list[Token]) -> Iterator[tuple[Correction, str]]:
    """The groups of a stretch of ``tokens`` between two breaks that do not agree with the
    noun a genitive shows as their subject."""
    for k, token in enumerate(tokens):
        if token.kind != "word" or not _shows(token.normal):
            continue
        form = aw.agreeing(token.normal).form  # type: ignore[union-attr]
        noun = _noun_after(lexicon, tokens, k, form)
        j = verb_start(tokens, noun) if noun is not None else None
        group = verb_group(tokens, j) if j is not None else None
        if noun is None or j is None or group is None or not _read(group):
            continue
        gender, word = _SHOWN[form], tokens[noun].normal
        known = lexicon.guess(word)
        if group.gendered[0][1].gender == gender or known is None or known.gender != gender:
            continue  # agrees, or the genitive may be the slip (विवेचन की), or no gender is known
        if lexicon.person(word) or not _adjuncts_after(lexicon, tokens, noun, group, j):
            continue  # a person's noun, or a phrase the noun may open (राजधानी दिल्ली में)
        if group.passive and (group.root in _NAMING_ROOTS or any(t.normal in DATIVE for t in tokens[:j])):
            continue  # देवी माना जाता, को राजधानी बनाया गया: a complement, not the subject
        right = rewrite(view, tokens, group, gender, False)
        what = aw.GENDER_NAMES[gender]
        message = f"'{right.written}' does not agree with '{tokens[noun].text}', {what} by its genitive"
        yield right, f"{message}: write '{right.right}'"


def _shows(word: str) -> bool:
    """``word`` is a genitive or possessive that shows its noun's gender (की, का, उसकी)."""
    found = aw.agreeing(word)
    return found is not None and found.kind in ("genitive", "possessive") and found.form in _SHOWN


_SHOWING = Sieve(_shows)
#: The most words from a showing genitive's noun to a verb word of the group after it.
_REACH = 7


#: What breaks a stretch of words: anything but spaces, digits and letters.
_BREAK = regex.compile(r"[^\s\d\p{L}\p{M}\p{Cf}]")
_BREAK_BEFORE = regex.compile(r"(?r)[^\s\d\p{L}\p{M}\p{Cf}]")


class _Words:
    """The document's words as written, their starts, and the text between them."""

    def __init__(self, view: str, words: list[str], starts: Sequence[int]) -> None:
        self.view, self.words, self.starts = view, words, starts

    def candidate(self, k: int) -> bool:
        """The genitive at word ``k`` may show the subject of a group after it that does not
        agree with it: its noun (the next word, or the one after an adjective) has no
        postposition after it, and the first gendered verb word within :data:`_REACH` words
        has the other gender, with no break from the genitive to it."""
        words = self.words
        n = k + 2 if k + 2 < len(words) and aw.agreeing(words[k + 1]) is not None else k + 1
        if n + 1 >= len(words):
            return False
        following = aw.normal(words[n + 1])
        if following in aw.POSTPOSITIONS and following not in aw.GENITIVE:
            return False
        shown = _SHOWN[aw.agreeing(words[k]).form]  # type: ignore[union-attr]
        for m in range(n + 1, min(n + 1 + _REACH, len(words))):
            found = verb_word(words[m])
            if found is not None:  # the group's first gendered word (किया of किया जा रहा)
                disagrees = found.gender != shown
                return disagrees and _BREAK.search(self.view, self.starts[k], self.starts[m]) is None
        return False

    def stretch(self, k: int) -> tuple[int, int]:
        """The span of the unbroken stretch of text around word ``k``."""
        view, at = self.view, self.starts[k]
        before = _BREAK_BEFORE.search(view, 0, at)
        after = _BREAK.search(view, at)
        return (before.end() if before else 0), (after.start() if after else len(view))


class GenitiveShownSubject(Rule):
    """G039: a verb group that does not agree with the noun a genitive shows right before it.
    It reads only the stretches between two breaks where a genitive's noun has a verb word
    of the other gender after it (:meth:`_Words.candidate`)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = ctx.document
        view, index = document.view, document.word_index
        words = _Words(view, document.word_texts, document.word_starts)
        genders = analysis(ctx).genders
        read: set[int] = set()
        number = partial(bisect_left, words.starts)

        def numbers(found: Iterable[str]) -> Iterator[int]:
            return map(number, chain.from_iterable(map(index.__getitem__, found)))

        # the word after the genitive's noun is no postposition (most are: की जांच में)
        marked = set(numbers((aw.POSTPOSITIONS - aw.GENITIVE.keys()) & index.keys()))
        for k in numbers(_SHOWING.select(document.word_set)):
            if k + 2 in marked or not words.candidate(k):
                continue
            start, end = words.stretch(k)
            if start in read:
                continue  # a stretch is read once
            read.add(start)
            tokens = clauses.tokens(view, start, end)
            for correction, message in _findings(genders, view, tokens):
                yield self.replace(correction.start, correction.end, correction.right, message)
