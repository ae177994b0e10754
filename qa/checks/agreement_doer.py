"""G037: a verb group that does not agree with a doer that opens its clause (पुलिस … तलाश कर रहा है).

Nouns of institutions and groups that act (सरकार, पुलिस, अदालत, टीम, सेना, कंपनी, समिति,
मंत्रालय) are, when they open a clause bare, its subject: without ने, the verb group agrees
with them whatever objects stand before it (पुलिस आसपास के गांवों में छापेमारी कर रही है,
अदालत अगले सोमवार को अपना फ़ैसला सुनाएगी). The doers are the nouns the counts show
before ने in a good share of their occurrences (:func:`agreement_lexicon.doer`), with a
gender the counts are sure of, and no person's noun. G020 stays silent here by design: it
reads a clause's first bare noun only when nothing but adjuncts stands before an
intransitive verb, since a second bare noun may be the subject.

The rule reads a clause that opens (after times: सोमवार को, आज, शुक्रवार रात) with a noun
phrase whose last word is a doer (modifiers before it: विशेष अदालत, भारतीय महिला क्रिकेट
टीम, राज्य सरकार), up to the first verb group, which must end the clause, and reports a
group in the singular whose gender is not the doer's. Between them may stand only what
leaves the doer the subject (:func:`adjuncts_between`): postposition phrases (the nouns of a
phrase are followed by its postposition or genitive, or are oblique plurals), times,
numbers, adverbs, modifiers, an infinitive with its postposition, an absolutive, a
noun after अपना (the subject's own), before a future, habitual or progressive any
object or predicate noun (भोजन बांट रही है: the doer is the subject whatever the verb),
and before a perfective only a predicate, goal or noun the group does not agree with: a
noun the group agrees with may be its subject (सरकार बनने के बाद पहला फ़ैसला हुआ).
It is silent when ने stands in the clause, when को marks an object of a perfective or a
passive, on a transitive perfective without ने (another slip), on verbs that take a
clause (कहा गया), on plural groups (a plural doer's, or one reading the doer's members),
and where a name, pronoun, conjunction, relative or punctuation stands on the way.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from qa import gazetteer
from qa.checks import agreement_words as aw
from qa.checks.agreement import analysis
from qa.checks.agreement_honorific import ADJUNCTS, absolutive, modifier
from qa.checks.agreement_lexicon import Genders, Noun, doer, doers
from qa.checks.agreement_pronoun import duty, reading_stops
from qa.checks.agreement_shown import MOTION_ROOTS
from qa.checks.clauses import (
    DAYS,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    TIME_NOUNS,
    TIMES_OF_DAY,
    ClauseRule,
    Correction,
    Token,
    dated_ko,
    predicate,
    rewrite,
    verb_group,
)
from qa.checks.date_postposition import MONTHS
from qa.checks.verb_forms import bare_root, infinitive, verb_word
from qa.checks.word_sieve import Sieve
from qa.engine.rule import Context
from qa.lexicon import attested

#: Adverbs of time that may open the clause before the doer (a day, with को or not, too).
_OPENING_TIMES = aw.word_set("आज कल अब फिर फ़िलहाल फिलहाल इस बार")
#: करना's absolutive, which makes one with the noun before it (ट्वीट कर, बातचीत करके).
_DOING = aw.word_set("कर करके")
#: Pronouns with a postposition written as one word (उनसे, इसमें, उसको): postposition phrases.
_PRONOUN_PHRASES = frozenset(
    stem + postposition
    for stem in ("उन", "इन", "उस", "इस", "मुझ", "हम", "तुम", "आप")
    for postposition in ("से", "में", "पर", "को", "तक")
)
#: Conditionals a subject may stand before, in the clause they open (सरकार अगर … करती तो).
_CONDITIONALS = aw.word_set("अगर यदि")
#: Reflexives, which follow the subject they stand for (तैमूर स्वयं).
_REFLEXIVES = aw.word_set("स्वयं खुद ख़ुद")
#: The reflexive possessive: the noun after it is the subject's own, never the subject.
_OWN = aw.word_set("अपना अपनी अपने")
#: The past copula's root (था, थी).
_COPULA = "थ"
#: Verbs without an object (and होना, रहना, verbs of motion): a doer right before one is its subject.
STANDS_ALONE = aw.INTRANSITIVE_ROOTS | aw.STATE_ROOTS | MOTION_ROOTS


def _doer_word(word: str) -> bool:
    """A word the doers' table holds (in the tables' spelling): the clauses to read."""
    return aw.key(word) in doers()


#: Words that count or limit the noun after them (सभी राज्यों को, महज़ एक सौ रन पर).
_QUANTIFIERS = NUMBER_WORDS | aw.word_set(
    "सभी सब कई हर कुछ दोनों तीनों चारों अनेक विभिन्न महज़ महज सिर्फ़ सिर्फ केवल क़रीब करीब लगभग"
)


def time_word(word: str) -> bool:
    """``word`` is a time: an adverb of time, a day, a time of day, a noun of time or a month."""
    return (
        word in _OPENING_TIMES
        or word in DAYS
        or word in TIMES_OF_DAY
        or word in TIME_NOUNS
        or aw.key(word) in MONTHS
    )


def _opening(lexicon: Genders, tokens: list[Token], start: int) -> tuple[int, Noun] | None:
    """The doer that ends the noun phrase of the clause at ``start`` that its first verb
    follows, and its noun. The phrase (modifiers and nouns before the doer: भारतीय महिला
    क्रिकेट टीम) opens the clause or follows postposition phrases and times
    (:func:`adjuncts_between`: दूसरे दिन तेज़ गेंदबाज़ों के आगे मेज़बान टीम); a word of
    :func:`_after_doer` follows the doer (पुलिस पिछले, अदालत इस), not a postposition, ने or
    a word of no known class (सेना मैडल से: a compound's first noun)."""
    for d in range(start, len(tokens)):
        token = tokens[d]
        if token.kind == "other" or verb_here(tokens, d):
            return None
        following = tokens[d + 1] if d + 1 < len(tokens) else None
        if not _doer_word(token.normal) or (
            following is not None and following.kind == "word" and lexicon.noun(following.normal) is not None
        ):
            continue  # no doer, or the first noun of a compound (पुलिस अधिकारी)
        noun = doer(lexicon, token.normal)
        after = tokens[d + 2].normal if d + 2 < len(tokens) else None
        if noun is None or not (
            following is None or following.kind != "word" or _after_doer(following.normal, after)
        ):
            return None
        first = d
        while first > start and tokens[first].normal not in _QUANTIFIERS and _in_phrase(tokens, first - 1):
            first -= 1  # a quantifier opens the phrase (एक भारी सेना)
        fronted = adjuncts_between(lexicon, tokens, start - 1, first, None, False)
        return (d, noun) if fronted is False else None
    return None


def _in_phrase(tokens: list[Token], k: int) -> bool:
    """The word at ``k`` may be a modifier or noun in the phrase of the doer after it (भारतीय
    महिला क्रिकेट टीम, स्वास्थ्य मंत्रालय), not a reflexive, which follows its subject
    (तैमूर स्वयं एक भारी सेना लेकर)."""
    token = tokens[k]
    word = token.normal
    return (
        token.kind == "word"
        and word not in _REFLEXIVES
        and (
            word in _QUANTIFIERS
            or (aw.is_candidate(word) and verb_word(word) is None and not _compound_postposition(tokens, k))
        )
    )


def _compound_postposition(tokens: list[Token], k: int) -> bool:
    """The word at ``k`` is a compound postposition's noun after its genitive or a
    possessive (के लिए, की ओर, उसके बाद)."""
    if k == 0 or aw.key(tokens[k].normal) not in aw.COMPOUND_POSTPOSITIONS:
        return False
    before = aw.agreeing(tokens[k - 1].normal)
    return before is not None and before.kind in ("genitive", "possessive")


def verb_here(tokens: list[Token], k: int) -> bool:
    """The word at ``k`` is a verb word, not a genitive before a noun (की जांच) nor a
    compound postposition (के लिए)."""
    word = tokens[k].normal
    following = tokens[k + 1].normal if k + 1 < len(tokens) else None
    after = tokens[k + 2].normal if k + 2 < len(tokens) else None
    if word in aw.GENITIVE and not (following and (verb_word(following) or bare_root(following, after))):
        return False  # की जांच, not की जा रही
    return verb_word(word) is not None and not _compound_postposition(tokens, k)


def _after_doer(word: str, following: str | None) -> bool:
    """``word`` (before ``following``) may follow a doer that ends its phrase: a modifier
    of the next phrase, a time, an adverb, a verb word, a predicate or an absolutive."""
    if word in aw.POSTPOSITIONS:
        return False  # सरकार के तहत, पुलिस ने: the doer is in a phrase of its own
    return (
        word in _QUANTIFIERS
        or word in _CONDITIONALS
        or word in aw.OBLIQUE_DEMONSTRATIVES
        or word in ADJUNCTS
        or word in _OWN
        or aw.agreeing(word) is not None
        or time_word(word)
        or predicate(word)
        or absolutive(word)
        or verb_word(word) is not None
        or bare_root(word, following)
    )


def _phrase_noun(tokens: list[Token], k: int, j: int, *, strict: bool = False) -> bool:
    """The word at ``k`` is in a postposition phrase that ends before the verb at ``j``:
    a postposition or genitive follows it, or an oblique plural (गांवों, that no
    subject is), or modifiers and an oblique plural (आसपास के गांवों और खेतों में), or
    the first of two words before a genitive."""
    word = tokens[k].normal
    following = tokens[k + 1].normal if k + 1 < j else None
    if word.endswith(("ों", "ओं")) or following in aw.POSTPOSITIONS:
        return True
    if strict:
        return False
    # a compound before a genitive (स्वास्थ्य विभाग की रिपोर्ट)
    after = tokens[k + 2].normal if k + 2 < j else None
    return following is not None and tokens[k + 1].kind == "word" and after in aw.GENITIVE


def adjuncts_between(
    lexicon: Genders,
    tokens: list[Token],
    d: int,
    j: int,
    group_gender: str | None,
    objects: bool,
    *,
    strict: bool = False,
) -> bool | None:
    """Whether only what leaves the doer at ``d`` the subject stands between it and the
    verb group at ``j`` (see the module's doc); None when something stops the reading,
    else whether an object with को stands there. ``strict`` (after ने, where any bare
    noun may be the object) takes neither a noun after अपना (अपनी रिपोर्ट सौंप दी) nor two
    nouns before a genitive (जानकारी कंपनी के लोगों को दी) for parts of a phrase. Without
    ``group_gender``, ``j`` is where the doer's phrase starts and ``d`` the slot before the
    clause: what opens the clause before the doer (हादसे की जांच के लिए गठित समिति) must be
    postposition phrases and times."""
    places = gazetteer.one_word_places()
    objected = False
    for k in range(d + 1, j):
        token, word = tokens[k], tokens[k].normal
        if token.kind == "number":
            continue
        if token.kind != "word":
            return None
        if word == "को" or word in OBJECT_PRONOUNS:
            # सोमवार को, 8 मार्च को; after ने also 1975 को (a passive's को after a number may be
            # an object's, which the clause cut at the comma left out: इसे 2 अगस्त, 1996 को …
            # कंपनी बनाया गया)
            time = strict if tokens[k - 1].kind == "number" else dated_ko(tokens, k)
            if not time:
                objected = True  # an object with को, or उसे, इन्हें
            continue
        if (
            word in aw.POSTPOSITIONS
            or word in ADJUNCTS
            or word in _PRONOUN_PHRASES
            or time_word(tokens[k].normal)
        ):
            continue
        if _compound_postposition(tokens, k):
            continue  # के बाद, की ओर
        if word in aw.CONJUNCTIONS:
            # between oblique plurals or inside a phrase (गांवों और खेतों में), not a subject's
            if k == d + 1 or not _phrase_noun(tokens, k - 1, j):
                return None
            continue
        if k == d + 1 and word in _CONDITIONALS:
            continue  # सरकार अगर जल्द कार्रवाई करती तो: the subject before the conditional
        if reading_stops(word) or verb_word(word) is not None:
            return None
        if k == d + 1 and (_nonfinite(word) or (predicate(word) and _nonfinite(tokens[k + 1].normal))):
            return None  # सरकार बनने के बाद, सेना लेकर, सरकार बर्ख़ास्त करने, सेना तैयार कर: the
            # doer is the infinitive's subject, or the infinitive's or absolutive's object
        if infinitive(word):
            continue
        if absolutive(word) or word in _OWN or word in _QUANTIFIERS or modifier(word) or predicate(word):
            continue
        if word in _DOING and k > d + 1:  # ट्वीट कर, बातचीत करके: a noun's absolutive with करना
            continue
        following = tokens[k + 1].normal
        if (
            _phrase_noun(tokens, k, j, strict=strict)
            or (not strict and tokens[k - 1].normal in _OWN)
            or infinitive(following)
            or absolutive(following)
            or (following in _DOING and k + 1 < j)
        ):
            continue  # in a phrase, the subject's own, or an infinitive's or absolutive's object
        noun = lexicon.noun(word)
        if noun is None and word in places:
            continue  # a goal: ऑस्ट्रेलिया रवाना हुआ
        if objects and (noun is not None or attested(word)) and not lexicon.person(word):
            continue  # an object (मुफ़्त नाश्ता योजना लागू करेगा) or a predicate, no subject
        if k == j - 1 and group_gender is not None and noun is not None and noun.gender != group_gender:
            continue  # a predicate or goal the group does not agree with
        return None
    return objected


def _nonfinite(word: str) -> bool:
    """An infinitive or an absolutive (करने, कर, करके, देखकर)."""
    return infinitive(word) or word in _DOING or absolutive(word)


def verb_start(tokens: list[Token], d: int) -> int | None:
    """The first word after the doer at ``d`` that may start a verb group, before
    punctuation."""
    for j in range(d + 1, len(tokens)):
        token = tokens[j]
        if token.kind == "other":
            return None
        word = token.normal
        following = tokens[j + 1].normal if j + 1 < len(tokens) else None
        if verb_here(tokens, j) or bare_root(word, following) or word in ("है", "था", "थी"):
            return j
    return None


def _judge(lexicon: Genders, view: str, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
    opening = _opening(lexicon, tokens, start)
    if opening is None:
        return None
    d, noun = opening
    j = verb_start(tokens, d)
    group = verb_group(tokens, j) if j is not None else None
    if group is None or j is None:
        return None
    if j == d + 1 and not (group.passive or group.root in STANDS_ALONE):
        return None  # सरकार चलाता है: right before a transitive verb, the doer may be its object
    verbs = [verb for _, verb in group.gendered]
    if any(verb.plural for verb in verbs) or len({verb.gender for verb in verbs}) > 1:
        return None  # a plural group may read the doer's members; a mixed one is G005's
    if group.root in aw.CLAUSAL_ROOTS or tokens[group.end - 1].normal == "हैं":
        return None
    perfective = verbs[0].perfective and not group.passive
    transitive = group.root in aw.TRANSITIVE_ROOTS
    if perfective and (transitive or group.root not in STANDS_ALONE):
        return None  # सरकार फ़ैसला लिया: a ने left out, or a verb whose kind is unknown
    # before a future, habitual or progressive the subject is the doer whatever the verb:
    # a bare noun there is its object or predicate (भोजन बांट रही है, चैंपियन बनेगी); not
    # before the copula alone, which may agree with its predicate after a name (अमृत बाज़ार
    # पत्रिका एक राष्ट्रवादी पत्र था)
    objects = not perfective and group.root != _COPULA
    objected = adjuncts_between(lexicon, tokens, d, j, verbs[0].gender, objects)
    if objected is None or (objected and (group.passive or perfective or duty(tokens[j - 1].normal))):
        return None
    if verbs[0].gender == noun.gender:
        return None
    found = rewrite(view, tokens, group, noun.gender, False)
    what = aw.GENDER_NAMES[noun.gender]
    return (
        found,
        f"'{found.written}' does not agree with its {what} subject '{tokens[d].text}': write '{found.right}'",
    )


_DOERS = Sieve(_doer_word)
_DIGIT = regex.compile(r"\d")


class DoerAgreement(ClauseRule):
    """G037: a verb group that does not agree with a doer that opens its clause."""

    wanted = needed = staticmethod(_doer_word)

    def offsets(self, ctx: Context) -> list[int]:
        """The doers that a word of :func:`_after_doer` or another doer follows (सरकार ने,
        पुलिस के, पुलिस अधिकारी are read by no clause of this rule)."""
        document = ctx.document
        index, words, starts = document.word_index, document.word_texts, document.word_starts
        found: list[int] = []
        for word in _DOERS.select(document.word_set):
            for offset in index[word]:
                k = bisect_left(starts, offset) + 1
                end = offset + len(word)
                if k >= len(words) or (starts[k] > end + 1 and _DIGIT.search(document.view, end, starts[k])):
                    found.append(offset)  # the end, or a number after the doer (समिति 1934 में)
                    continue
                following, after = (
                    aw.normal(words[k]),
                    aw.normal(words[k + 1]) if k + 1 < len(words) else None,
                )
                if _after_doer(following, after) or _doer_word(following):
                    found.append(offset)  # पुलिस टीम: the doer after it heads the phrase
        return found

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        return _judge(analysis(ctx).genders, ctx.document.view, tokens, start)
