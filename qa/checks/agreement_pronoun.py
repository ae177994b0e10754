"""Pronoun subjects and their verb: G026 (number) and G027 (a missing ने).

G026: a verb group in the singular after the plural pronoun वे, हम or आप as subject.

वे, हम and आप take a plural verb, whoever they stand for: वे कल आए थे, वे भाजपा के सांसद
हैं, हम वहीं रहते हैं, क्या आप सहमत हैं. Their verb group in the singular (वे कल आया था, वे सांसद है) is
wrong, and no honorific excuses it: the honorific goes the other way (वह आए). The rule
reads from the pronoun to the verb group that ends its clause, across postposition
phrases, adverbs, objects and predicates, and is silent when

- the pronoun stands before a noun or adjective with no postposition after it (वे लोग:
  the noun phrase is the subject), or right after a noun (कारण वे है);
- ने, a conjunction, a relative or another pronoun stands on the way (another subject,
  coordination, a clause inside the clause), or को or उसे/मुझे … before a perfective (a
  future, habitual or progressive after an object agrees with the pronoun: हम किसी को
  नहीं छोड़ेंगे), or को ends the pronoun's own phrase (हम सबको … लड़ना होगा);
- a genitive stands on the way, unless its noun makes a verb with the verb word after it
  and the group is no perfective (वे हादसे की जांच करेंगे);
- the group is a transitive perfective without ने (वे खाना खाया wants उन्होंने, not a
  plural) or of a verb that takes a clause (कहा गया है कि);
- the only singular word is है after a plural participle (रहे है, सकते है: T027's);
- the verb is होना's perfective with a genitive on the way (का निधन 1992 में हुआ).

ये is not read: copy often writes it for the singular यह (ये एक बड़ी समस्या है). Nor is
आप after अपने (अपने आप, by itself), nor in a document that names the Aam Aadmi Party
आप (आप नेता, आप की सरकार, आम आदमी पार्टी): the party takes a singular verb.

G027: मैं, हम, तुम, आप or वे (always subjects in the direct case) read the same way up to a
known transitive verb's perfective, alone, with है/हैं or with a past auxiliary after a
form other than the -ए one (किया था), or a transitive root or noun with लेना/देना (खा
लिया, भाग लिया): the subject takes ने (मैंने, उन्होंने). Not a modal or
an intransitive compound (जा पाए, चल दिए), a passive, a state with था (बंदूक लिए था),
जीतना/हारना, a masculine plural that is also a subjunctive (अगर हम देखे तो).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

from qa.checks import agreement_words as aw
from qa.checks.agreement import analysis
from qa.checks.agreement_lexicon import Genders
from qa.checks.clauses import (
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    ClauseRule,
    Correction,
    Token,
    dated_ko,
    occurrences,
    verb_group,
    word_at,
)
from qa.checks.verb_forms import VerbWord, bare_root, infinitive, may_be_root, verb_word
from qa.engine.rule import Context

#: Plural pronouns in the direct case.
_PLURAL_PRONOUNS = aw.word_set("वे हम आप")
#: What ends the reading: ने, coordination, relatives, other subjects, कि.
_STOPS = (
    aw.CLAUSE_BREAKS
    | aw.ERGATIVE_PRONOUNS
    | OBJECT_PRONOUNS
    | aw.word_set("ने को और तथा एवं व या जैसे जैसा जैसी जहाँ जहां मैं तुम आप वह यह ये")
    | _PLURAL_PRONOUNS
)
#: Copulas with nothing gendered: the singular and its plural.
COPULA_PLURAL = {"है": "हैं"}
_COPULAS = aw.word_set("है हैं हो")
#: The singular of a plural pronoun that colloquial copy writes for it (वे for वह).
_SINGULAR_PRONOUNS = {"वे": "वह"}
_CLAUSE_ENDS = aw.CLAUSE_BREAKS | aw.word_set("और तथा एवं व या")


#: Personal pronouns in the direct case, always a subject, and their form with ने.
_ERGATIVE_FORMS = {"मैं": "मैंने", "हम": "हमने", "तुम": "तुमने", "आप": "आपने", "वे": "उन्होंने"}
_DIRECT_PRONOUNS = frozenset(_ERGATIVE_FORMS)


#: A pronoun G026 or G027 reads from: one test for both, so that the words it marks in a
#: sentence are found once for the two rules (a C call: it runs on every word read).
_subject_pronoun: Callable[[str], bool] = _DIRECT_PRONOUNS.__contains__


@lru_cache(maxsize=1 << 12)
def reading_stops(word: str) -> bool:
    return word in _STOPS or word.startswith(aw.RELATIVE_STEMS)


def _stands_alone(tokens: list[Token], k: int, *, plural_phrase: bool = False) -> bool:
    """The pronoun at ``k`` is a pronoun, not a determiner: no noun or adjective follows
    it, or the noun has a postposition after it, which would need the oblique इन/उन.
    With ``plural_phrase``, हम or वे before a noun counts too: the phrase it opens is plural."""
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    if following is None or following.kind != "word":
        return following is None or following.kind == "other"
    if tokens[k].normal == "मैं":
        return True  # never a determiner (मैं किताब पढ़ा: the pronoun, before its object)
    word = following.normal
    after = tokens[k + 2].normal if k + 2 < len(tokens) else None
    if word in _OBLIQUE_AFTER or (word in _PHRASE_WORDS and after in _OBLIQUE_AFTER):
        return False  # हम में से, आप सभी के साथ: the pronoun's phrase takes a postposition
    if word in aw.FUNCTION_WORDS or verb_word(word) is not None:
        return True
    if plural_phrase and tokens[k].normal == "हम":
        # हम भारतीय, हम दोनों, unless a possessor whose noun may be the subject (हम
        # लोगों का मानना है, हम सबकी ज़िम्मेदारी है); another pronoun's (हम आपका ध्यान
        # रखेंगे) is no part of the phrase
        possessor = word.endswith(tuple(aw.GENITIVE)) and word[:-2] not in _OTHER_POSSESSORS
        # हम सबको, हम लोगों को … लड़ना होगा: the phrase takes को, no nominative
        dative = (word[:-2] if word.endswith("को") else word) in _PHRASE_WORDS and (
            word.endswith("को") or after == "को"
        )
        return not (possessor or dative or after in aw.GENITIVE)
    if word in _REFLEXIVE_POSSESSIVES:
        return True  # वे अपने घर में: the possessive opens the next phrase
    if aw.agreeing(word) is not None:
        return False
    # वे before a noun with a postposition would be उन (उन लोगों के), but हम and आप stay
    oblique_differs = tokens[k].normal == "वे"
    if not aw.is_candidate(word) or (oblique_differs and after in aw.POSTPOSITIONS):
        return True
    # with ``plural_phrase``, वे before a noun opens a plural phrase too (वे सांसद है,
    # वे अधिकारी था): the determiner or the pronoun, the verb group is plural either way
    return plural_phrase and oblique_differs


#: The reflexive possessive, which never qualifies the pronoun before it.
_REFLEXIVE_POSSESSIVES = aw.word_set("अपना अपने अपनी")
#: Words that make one phrase with the pronoun before them (हम सब, वे लोग, हम दोनों).
_PHRASE_WORDS = aw.word_set("सब सभी लोग लोगों दोनों तीनों चारों")
#: Postpositions and genitives, which make the phrase before them oblique: no subject.
_OBLIQUE_AFTER = (aw.POSTPOSITIONS | frozenset(aw.GENITIVE)) - {"को", "ने"}
#: Pronouns whose possessive (आपका, उनकी) after हम is another phrase, not the one हम opens.
_OTHER_POSSESSORS = aw.word_set("आप उन उस इन इस")


def _ends_clause(tokens: list[Token], k: int) -> bool:
    token = tokens[k] if k < len(tokens) else None
    return token is None or token.kind != "word" or token.normal in _CLAUSE_ENDS


def _verb_at(tokens: list[Token], k: int) -> bool:
    word = tokens[k].normal
    following = tokens[k + 1].normal if k + 1 < len(tokens) else None
    if word == _BAJE and k and (tokens[k - 1].kind == "number" or tokens[k - 1].normal in NUMBER_WORDS):
        return False  # 10 बजे: o'clock, no verb
    return verb_word(word) is not None or bare_root(word, following) or word in _COPULAS


_BAJE = aw.normal("बजे")


def _after_noun(tokens: list[Token], start: int, k: int) -> bool:
    """A noun stands right before the pronoun at ``k`` (कारण वे है: the noun may be the
    subject), not a compound postposition after a genitive (के मुताबिक़ वे) nor a noun an
    oblique demonstrative makes an adverb of time or place (उस समय वे, इस बार वे)."""
    before = tokens[k - 1].normal if k > start else ""
    second = tokens[k - 2].normal if k - 1 > start else ""
    postposition = aw.key(before) in aw.COMPOUND_POSTPOSITIONS and second in aw.GENITIVE
    return aw.is_candidate(before) and not postposition and second not in aw.OBLIQUE_DEMONSTRATIVES


def _pronoun(tokens: list[Token], start: int, pronouns: frozenset[str], plural_phrase: bool) -> int | None:
    """The first of ``pronouns`` in the clause at ``start``, if it stands alone."""
    for k in range(start, len(tokens)):
        token = tokens[k]
        if token.kind == "other":
            return None
        if token.normal in pronouns:
            alone = _stands_alone(tokens, k, plural_phrase=plural_phrase)
            return k if alone and not _after_noun(tokens, start, k) else None
        if reading_stops(token.normal) or _verb_at(tokens, k):
            return None
    return None


def _reading(
    tokens: list[Token],
    start: int,
    pronouns: frozenset[str],
    *,
    plural_phrase: bool = False,
    objects: bool = False,
) -> tuple[int, int, bool] | None:
    """The slot of a pronoun subject (one of ``pronouns``, or with ``plural_phrase`` a
    phrase हम opens) of the clause at ``start`` and of the first word of its verb group,
    when nothing on the way stops the reading. The reading goes on across a genitive whose
    noun makes a verb with the verb word after it (की जांच करेंगे), and with ``objects``
    across an object with को or an object pronoun; the third item says whether it went
    across either."""
    k = _pronoun(tokens, start, pronouns, plural_phrase)
    read = None if k is None else verb_after(tokens, k, objects=objects)
    return None if k is None or read is None else (k, *read)


def verb_after(tokens: list[Token], k: int, *, objects: bool = False) -> tuple[int, bool] | None:
    """The first word of the verb group of a subject at ``k`` (see :func:`_reading`) and
    whether the reading went across an object."""
    objected = False
    for j in range(k + 1, len(tokens)):
        token = tokens[j]
        if token.kind == "other":
            return None
        if reading_stops(token.normal):
            if objects and dated_ko(tokens, j):
                continue  # सोमवार को: a time, no object
            if not (objects and _object(tokens, k, j)):
                return None
            objected = True
            continue
        if infinitive(token.normal) and not _ends_clause(tokens, j + 1):
            continue  # वे खेलने जाते हैं
        if token.normal in aw.GENITIVE and _conjunct_noun(tokens, j + 1):
            objected = True  # की जांच करेंगे, की मदद करेगा: the noun of a verb, its object
            continue
        if _verb_at(tokens, j):
            if tokens[j - 1].normal in aw.GENITIVE:
                if objected and verb_word(token.normal) is None:
                    continue
                return None  # के लिए: a postposition, and what it ends may be a title
            if _genitive_subject(tokens, k, j):
                return None
            return j, objected
    return None


def _conjunct_noun(tokens: list[Token], k: int) -> bool:
    """The word at ``k``, after a genitive, is a noun that makes a verb with the verb word
    right after it (की जांच करेंगे, की मदद करेगा), not a verb word itself (की गई)."""
    if _ends_clause(tokens, k) or _ends_clause(tokens, k + 1) or verb_word(tokens[k].normal) is not None:
        return False
    following = word_at(tokens, k + 2)
    return verb_word(tokens[k + 1].normal) is not None or bare_root(tokens[k + 1].normal, following)


def _object(tokens: list[Token], k: int, j: int) -> bool:
    """The stop at ``j`` is an object the pronoun at ``k`` does not open: an object pronoun
    (उसे, उन्हें) or को after another noun (किसी को, सरकार को), not the pronoun's own
    phrase (हम सब को, हम लोगों को: a subject with को)."""
    word = tokens[j].normal
    if word in OBJECT_PRONOUNS:
        return True
    before = tokens[j - 1]
    own = j - 1 == k + 1 and before.normal in _PHRASE_WORDS
    return word == "को" and j - 1 > k and before.kind == "word" and not own


def plural_group(view: str, tokens: list[Token], j: int) -> Correction | None:
    """The verb group at ``j`` in the plural, if it is in the singular."""
    if tokens[j].normal in COPULA_PLURAL:
        before = tokens[j - 1].normal if j else ""
        if not _ends_clause(tokens, j + 1) or _unread_imperfective(before):
            return None  # रहता है: a verb form the analysis lacks, whose number it cannot mend
        token = tokens[j]
        return Correction(token.start, token.end, token.text, COPULA_PLURAL[token.normal])
    group = verb_group(tokens, j)
    if group is None:
        return None
    first, main = group.gendered[0]
    if (
        main.perfective and main.root in aw.TRANSITIVE_ROOTS and not group.passive
    ) or main.root in aw.CLAUSAL_ROOTS:
        return None  # वे खाना खाया: an ergative left out, not a number slip; वे कहा गया है कि
    last = tokens[group.end - 1]
    pieces, at, singular = [], tokens[first].start, False
    for k, verb in group.gendered:
        final = k == group.end - 1
        # a feminine word shows its number only at the end of the group (गई थीं)
        shows = verb.gender == "m" or final
        singular = singular or (shows and not verb.plural)
        pieces += [view[at : tokens[k].start], verb.inflect(verb.gender, verb.plural or shows)]
        at = tokens[k].end
    if last.normal in COPULA_PLURAL:
        if not singular and main.gender == "m":
            return None  # रहे है: T027's; रही है shows its number in है alone
        singular = True
        pieces += [view[at : last.start], COPULA_PLURAL[last.normal]]
        at = last.end
    if not singular:
        return None
    start = tokens[first].start
    return Correction(start, at, view[start:at], "".join(pieces))


def _unread_imperfective(word: str) -> bool:
    """``word`` is a verb's imperfective that :func:`verb_word` does not analyse (रहता,
    दिखती), not a noun in -ता (नेता, वक्ता)."""
    return word.endswith(("ता", "ती", "ते")) and verb_word(word) is None and may_be_root(word[:-2])


def _genitive_subject(tokens: list[Token], k: int, j: int) -> bool:
    """A genitive phrase between the pronoun at ``k`` and होना's perfective at ``j`` may
    be the subject (वे … हिदायतुल्लाह का निधन 1992 में हुआ: वे is a slip for व)."""
    verb = verb_word(tokens[j].normal)
    existential = verb is not None and verb.root == "हो" and verb.perfective
    return existential and any(token.normal in aw.GENITIVE for token in tokens[k + 1 : j])


def _judge(view: str, tokens: list[Token], start: int) -> tuple[Correction, str, str] | None:
    read = _reading(tokens, start, _PLURAL_PRONOUNS, plural_phrase=True, objects=True)
    found = plural_group(view, tokens, read[1]) if read else None
    if read is None or found is None:
        return None
    if read[2] and (perfective(tokens, read[1]) or duty(tokens[read[1] - 1].normal)):
        return None  # after an object, only a future, habitual or progressive: its subject is
        # sure (not after an infinitive: हम युवाओं को आगे आना होगा, a dative subject's duty)
    pronoun = tokens[read[0]]
    if pronoun.normal == "आप" and _reflexive(tokens, read[0]):
        return None
    singular = _SINGULAR_PRONOUNS.get(pronoun.normal)
    alternative = f" (or '{singular}' if one is meant)" if singular else ""
    message = f"'{found.written}' after the plural '{pronoun.text}': write '{found.right}'{alternative}"
    return found, message, pronoun.normal


#: Words before आप that make it the reflexive "self" (अपने आप, अपने-आप, आप ही आप).
_REFLEXIVE_BEFORE = _REFLEXIVE_POSSESSIVES | aw.word_set("आप")


def _reflexive(tokens: list[Token], k: int) -> bool:
    """आप at ``k`` is "self" (अपने आप, अपने - आप) or opens आपबीती written apart (आप बीती)."""
    before = [token.normal for token in tokens[max(0, k - 2) : k] if token.normal != "-"]
    return (bool(before) and before[-1] in _REFLEXIVE_BEFORE) or word_at(tokens, k + 1) == "बीती"


class _PronounRule(ClauseRule):
    """A rule that reads the clauses of the sentences with a pronoun of :data:`_DIRECT_PRONOUNS`."""

    wanted = needed = staticmethod(_subject_pronoun)

    def offsets(self, ctx: Context) -> list[int]:
        return occurrences(ctx.document.word_index, _DIRECT_PRONOUNS)


class PluralPronounAgreement(_PronounRule):
    """G026: a singular verb group after वे, हम or आप as subject."""

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        found = _judge(ctx.document.view, tokens, start)
        if found is not None and found[2] == "आप" and ctx.shared("names-aap", _names_party):
            return None
        return None if found is None else found[:2]


#: आप as the Aam Aadmi Party: its full name, or आप before (a genitive and) one of its
#: people or its government (आप नेता, आप के विधायक, आप सरकार).
_PARTY = regex.compile(
    r"आम आदमी पार्टी|(?<![\p{L}\p{M}])आप (?:(?:का|के|की) )?"
    r"(?:नेता|नेताओं|विधायक|विधायकों|सांसद|सांसदों|सरकार|प्रवक्ता|संयोजक|कार्यकर्ता|कार्यकर्ताओं|"
    r"उम्मीदवार|उम्मीदवारों|प्रत्याशी|प्रत्याशियों|पार्टी|प्रमुख|मंत्री)(?![\p{L}\p{M}])"
)


def _names_party(ctx: Context) -> bool:
    """The document names the party आप, which takes a singular verb (आप पंजाब में सत्ता में है)."""
    return _PARTY.search(ctx.text) is not None


#: Transitive verbs whose perfective also stands without ने: जीतना and हारना (वह चुनाव
#: जीता), and those of wearing and holding, whose participle is a state (कुर्ता पहने).
_WITHOUT_ERGATIVE = aw.word_set("जीत हार पहन")
#: Roots whose plural perfective (किए, दिए, लिए, पिए) is no subjunctive (करे, दे, ले, पिए).
_IRREGULAR_PERFECTIVES = aw.word_set("कर दे ले")


def _transitive_compound(lexicon: Genders, root: str, vector: VerbWord) -> bool:
    """A bare root or noun before लेना or देना that makes a transitive verb with it (खा
    लिया, बेच दिया, भाग लिया), not an intransitive one (चल दिए, रो दिया)."""
    return vector.root in ("ले", "दे") and (root in aw.TRANSITIVE_ROOTS or lexicon.noun(root) is not None)


def duty(word: str) -> bool:
    """An infinitive in -ना/-नी (आना होगा, करनी पड़ेगी): the group after it says what a
    subject with को must do."""
    return len(word) > 2 and word.endswith(("ना", "नी")) and may_be_root(word[:-2])


def perfective(tokens: list[Token], j: int) -> bool:
    """The verb group at ``j`` holds a perfective participle."""
    group = verb_group(tokens, j)
    return group is None or any(verb.perfective for _, verb in group.gendered)


def _missing_ergative(lexicon: Genders, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
    read = _reading(tokens, start, _DIRECT_PRONOUNS)
    if read is None:
        return None
    k, j, _ = read
    group = verb_group(tokens, j)
    if group is None or group.passive:
        return None
    first, verb = group.gendered[0]
    if first != j and not (first == j + 1 and _transitive_compound(lexicon, tokens[j].normal, verb)):
        return None  # a compound or a modal (चल दिए, जा पाए) takes its first verb's ने
    if not verb.perfective or verb.root not in aw.TRANSITIVE_ROOTS or verb.root in _WITHOUT_ERGATIVE:
        return None
    regular = verb.root not in _IRREGULAR_PERFECTIVES or verb.pattern == "plain"
    if verb.gender == "m" and verb.plural and regular:
        return None  # अगर हम देखे तो, कि वे मदद करे: also the subjunctive (देखें, करें without the nasal)
    if not _act(tokens, first, group.end, verb) or _phrase_follows(tokens, group.end):
        return None  # की स्थापना की 75वीं वर्षगांठ: a genitive, which a noun follows
    pronoun = tokens[k]
    right = _ERGATIVE_FORMS[pronoun.normal]
    written = " ".join(token.text for token in tokens[j : first + 1])
    message = f"'{pronoun.text}' before '{written}', a transitive perfective, takes ने: write '{right}'"
    return Correction(pronoun.start, pronoun.end, pronoun.text, right), message


def _phrase_follows(tokens: list[Token], k: int) -> bool:
    """A number or a word other than a conjunction or relative follows the group ending
    before ``k``: its last word may be a genitive (की 75वीं वर्षगांठ)."""
    return k < len(tokens) and tokens[k].kind != "other" and tokens[k].normal not in _CLAUSE_ENDS


def _act(tokens: list[Token], first: int, end: int, verb: VerbWord) -> bool:
    """The perfective at ``first`` and what follows it up to ``end`` tell an act: है/हैं
    alone, or a past auxiliary after a form other than the -ए one (किया था, पढ़ी थी; not
    लिए था, पहने थे: a state, holding or wearing)."""
    after = [t.normal for t in tokens[first + 1 : end]]
    if all(word in ("है", "हैं") for word in after):
        return True
    auxiliary = verb_word(after[0]) if len(after) == 1 else None
    return auxiliary is not None and auxiliary.root == "थ" and not tokens[first].normal.endswith(("ए", "े"))


class MissingErgative(_PronounRule):
    """G027: a pronoun subject without ने before a transitive verb's perfective."""

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        return _missing_ergative(analysis(ctx).genders, tokens, start)
