"""G036: a titled person's verb in the singular (मुख्यमंत्री योगी आदित्यनाथ गोरखपुर पहुंचा).

News copy gives an office holder named by title and name the honorific plural, as it
gives वे: प्रधानमंत्री नरेंद्र मोदी वाराणसी पहुंचे, राज्यपाल आनंदीबेन पटेल … करेंगी. The
rule reads a clause that opens with an office's title (a day, आज or कल and पूर्व, केंद्रीय
… before it, or a portfolio before मंत्री: गृह मंत्री) and a name after it (words the names
registry knows, or words no word list has), up to the verb group that ends the clause, as
G026 reads one that opens with वे, with nothing but adjuncts between (:func:`_adjuncts_only`),
and reports a masculine group in the singular (or है alone). It is silent

- without a name (प्रधानमंत्री सरकार का मुखिया होता है: the office, not a person), or when a
  postposition or a genitive follows the name (मोदी का काफ़िला पहुंचा: another subject);
- when a genitive stands on the way, or what stops G026 (ने, a conjunction, a relative,
  another pronoun);
- on a feminine group: papers differ on women's honorific (पहुंची, पहुंचीं); a copula
  alone (भर्ती है) is read whoever holds the office.

Where the sentence refers to the office holder with the honorific after the clause
(उन्होंने, उनका, a plural future), that usage settles it: the first masculine singular
group ending the clause is reported whatever stands before it, after a bare title too
(:func:`_corroborated`).

The titles are those of offices (``_OFFICES``), not of roles papers write in the
singular (खिलाड़ी, अभिनेता, कप्तान).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from qa import gazetteer, lexicon
from qa.checks import agreement_words as aw
from qa.checks.agreement_pronoun import duty, perfective, plural_group, verb_after
from qa.checks.agreement_shown import MOTION_ROOTS
from qa.checks.clauses import (
    CLAUSE_ENDS,
    DAYS,
    NUMBER_WORDS,
    TIMES_OF_DAY,
    ClauseRule,
    Correction,
    Token,
    predicate,
    verb_group,
)
from qa.checks.consistency import context_registry
from qa.checks.date_postposition import MONTHS
from qa.checks.names_registry import Registry
from qa.checks.verb_forms import may_be_root
from qa.engine.rule import Context
from qa.text.normalize import key

#: Offices whose holder, named, takes the honorific plural.
_OFFICES = aw.word_set(
    """राष्ट्रपति उपराष्ट्रपति प्रधानमंत्री मुख्यमंत्री उपमुख्यमंत्री मंत्री राज्यपाल उपराज्यपाल
    सांसद विधायक न्यायाधीश जिलाधिकारी ज़िलाधिकारी कलेक्टर सीएम पीएम डीएम एसपी"""
)
#: Adverbs of time that may open the clause before the title (a day, with को or not, too).
_OPENING_TIMES = aw.word_set("आज कल फ़िलहाल फिलहाल अब इधर वहीं")
#: Words that may stand before an office's title in its phrase.
_BEFORE_OFFICE = aw.word_set("पूर्व केंद्रीय प्रदेश राज्य तत्कालीन कार्यवाहक")
#: The word that a portfolio stands before (गृह मंत्री, रक्षा मंत्री).
_MINISTER = aw.normal("मंत्री")
#: Words after a name that stay in its phrase.
_AFTER_NAME = aw.word_set("जी")
#: The most words of a name read after a title (नरेंद्र दामोदरदास मोदी).
MAX_NAME = 3


def _office(tokens: list[Token], start: int) -> int | None:
    """The title of an office that opens the clause at ``start`` (after a day or आज, कल …,
    and पूर्व, केंद्रीय …, or a portfolio before मंत्री), if one does."""
    k = start
    while k < len(tokens) and (tokens[k].normal in _OPENING_TIMES or tokens[k].normal in DAYS):
        k += 2 if k + 1 < len(tokens) and tokens[k + 1].normal == "को" else 1  # सोमवार को, आज
    while k < len(tokens) and tokens[k].normal in _BEFORE_OFFICE:
        k += 1
    word = tokens[k].normal if k < len(tokens) and tokens[k].kind == "word" else None
    if word in _OFFICES:
        return k
    following = tokens[k + 1].normal if k + 1 < len(tokens) else None
    return k + 1 if word is not None and following == _MINISTER else None


def _name_word(registry: Registry, word: str) -> bool:
    """A word of a person's name: one the names registry knows (no function word or
    postposition: के, of के चंद्रशेखर राव, is the genitive here), or one no word list or
    counted prose has, a name's rare word (not संवैधानिक, सीधे, जनधन: words)."""
    if word in aw.FUNCTION_WORDS or word in aw.POSTPOSITIONS:
        return False
    return key(word) in registry.token_people or (aw.is_candidate(word) and not lexicon.attested(word))


def _named(tokens: list[Token], k: int, name_word: Callable[[str], bool]) -> int | None:
    """The last word of the name after the title at ``k`` (and जी), if a name of at most
    :data:`MAX_NAME` words follows and no postposition (को too) makes the phrase oblique."""
    end = k
    while end + 1 < len(tokens) and tokens[end + 1].kind == "word" and name_word(tokens[end + 1].normal):
        end += 1
    if end == k or end - k > MAX_NAME:
        return None
    if end + 1 < len(tokens) and tokens[end + 1].normal in _AFTER_NAME:
        end += 1
    following = tokens[end + 1].normal if end + 1 < len(tokens) else None
    return None if following in aw.POSTPOSITIONS else end


def _adjuncts_only(tokens: list[Token], end: int, j: int, root: str | None) -> bool:
    """Only what leaves the name the subject stands between it (at ``end``) and the verb
    group at ``j``: times, numbers, adverbs, places as goals, postposition phrases,
    predicates (शुरू), and right before the verb group a predicate (भर्ती हैं, बीमार हो गए),
    a goal (गोरखपुर पहुंचे) or a transitive verb's object or conjunct noun (रैली करेंगे).
    Another bare noun may be another subject (आदित्यनाथ सरकार एक्शन मोड में है, प्रकरण में
    नया मोड़ आया)."""
    places = gazetteer.one_word_places()
    for k in range(end + 1, j):
        token, word = tokens[k], tokens[k].normal
        # a postposition phrase's noun (before a place in apposition: क्षेत्र वाराणसी में), or a
        # modifier of it (दो दिवसीय दौरे पर, अपने संसदीय क्षेत्र वाराणसी में): a noun of its own
        # would be another subject (आदित्यनाथ सरकार एक्शन मोड में है)
        apposed = k + 1 < j and tokens[k + 1].normal in places
        reach = k + 5 if modifier(word) else k + 3 if apposed else k + 2
        following = {tokens[n].normal for n in range(k + 1, min(reach, j))}
        if absolutive(word) or (k + 1 < j and absolutive(tokens[k + 1].normal)):
            continue  # लेह पहुंचकर: the absolutive and its goal or object, the subject's own clause
        if (
            token.kind == "number"
            or word in ADJUNCTS
            or word in DAYS
            or word in TIMES_OF_DAY
            or aw.key(word) in MONTHS
            or word in aw.POSTPOSITIONS
            or word in places
            or predicate(word)
            or not following.isdisjoint(aw.POSTPOSITIONS)
            or (k == j - 1 and (root is None or root in _BEFORE_VERB_ROOTS or root in aw.TRANSITIVE_ROOTS))
        ):
            continue
        return False
    return True


def absolutive(word: str) -> bool:
    """A verb's absolutive in -कर (पहुंचकर, देखकर)."""
    return len(word) > 3 and word.endswith("कर") and may_be_root(word[:-2])


def modifier(word: str) -> bool:
    """A number word or an adjective: an inflecting one, an invariable one, or one derived in
    -ईय or -इक (दिवसीय, आर्थिक)."""
    return (
        word in NUMBER_WORDS
        or aw.agreeing(word) is not None
        or word in aw.INVARIABLE_ADJECTIVES
        or word.endswith(("ीय", "िक"))
    )


#: Verbs a bare word right before may be the predicate or goal of (a copula is root None):
#: होना, रहना, the past auxiliary, verbs of motion.
_BEFORE_VERB_ROOTS = aw.word_set("हो रह थ") | MOTION_ROOTS
#: Adverbs that may stand between a subject and its verb.
ADJUNCTS = aw.word_set("आज कल भी ही फिर अब यहां यहाँ वहां वहाँ जल्द अचानक तुरंत नहीं न दोबारा पहली बार सामने बजे")


def _judge(registry: Registry, view: str, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
    office = _office(tokens, start)
    if office is None:
        return None
    end = _named(tokens, office, partial(_name_word, registry))
    found = None if end is None else _read(view, tokens, end)
    if found is None:
        found = _corroborated(view, tokens, office if end is None else end)
    if found is None:
        return None
    title = tokens[office].text + ("" if end is None else " and a name")
    return found, f"'{found.written}' after {title}: the honorific plural is '{found.right}'"


#: Words that refer back to a person with the honorific (… पहुंचा, जहां उन्होंने …).
_HONORIFIC_BACK = aw.word_set("उन्होंने उनका उनकी उनके उन्हें")
#: What ends the search for the title's verb: ने (another subject) or a clause boundary.
_BEFORE_GROUP_STOPS = CLAUSE_ENDS | aw.ERGATIVE_PRONOUNS | {aw.normal("ने")}
#: Words after a bare title that leave it the subject: a time or a number word (not a
#: noun: मुख्यमंत्री आवास).
_BEFORE_BARE_TITLE_VERB = DAYS | _OPENING_TIMES | NUMBER_WORDS | TIMES_OF_DAY
#: How many tokens after the clause the honorific is looked for.
_BACK_REACH = 12


def _corroborated(view: str, tokens: list[Token], end: int) -> Correction | None:
    """The first verb group after the title (and name) at ``end``, a masculine one in the
    singular that ends its clause, when the sentence goes on to refer to the office holder
    with the honorific (निरीक्षण करने पहुंचा, जहां उन्होंने …; लोकार्पण करेगा और … संबोधित
    करेंगे): the writer's own usage settles what the clause reader cannot. A bare title must
    be followed by a time or a number, not a noun (मुख्यमंत्री आवास पर …: another subject)."""
    following = tokens[end + 1] if end + 1 < len(tokens) else None
    if following is None or following.kind == "other" or following.normal in aw.POSTPOSITIONS:
        return None
    bare = tokens[end].normal in _OFFICES or tokens[end].normal == _MINISTER
    if bare and not (following.kind == "number" or following.normal in _BEFORE_BARE_TITLE_VERB):
        return None
    for j in range(end + 1, len(tokens)):
        token = tokens[j]
        if (
            token.kind == "other"
            or token.normal in _BEFORE_GROUP_STOPS
            or token.normal.startswith(aw.RELATIVE_STEMS)
        ):
            return None  # ने, a boundary or a relative: the verb may be another subject's
        group = verb_group(tokens, j)
        if group is None:
            continue
        if group.gendered[0][1].gender != "m":
            return None
        found = plural_group(view, tokens, j)
        back = {t.normal for t in tokens[group.end : group.end + _BACK_REACH]}
        plural_future = any(t.normal.endswith("ेंगे") for t in tokens[group.end : group.end + _BACK_REACH])
        return found if found is not None and (back & _HONORIFIC_BACK or plural_future) else None
    return None


def _read(view: str, tokens: list[Token], end: int) -> Correction | None:
    """The group the clause reader finds after the name at ``end``, in the plural, if it
    is a masculine one in the singular with only adjuncts before it."""
    read = verb_after(tokens, end, objects=True)
    if read is None:
        return None
    j, objected = read
    group = verb_group(tokens, j)
    if group is not None and group.gendered[0][1].gender != "m":
        return None  # a woman's honorific: papers write पहुंची and पहुंचीं
    genitives = [k for k in range(end + 1, j) if tokens[k].normal in aw.GENITIVE]
    conjunct = genitives == [j - 2] and group is not None and group.root in aw.TRANSITIVE_ROOTS
    if genitives and not conjunct:  # परियोजनाओं का लोकार्पण करेंगे: the object's genitive
        return None  # मोदी के स्वागत में भीड़ उमड़ी: the genitive's noun may be the subject
    if not _adjuncts_only(tokens, end, j, group.root if group else None):
        return None
    if objected and (perfective(tokens, j) or duty(tokens[j - 1].normal)):
        return None  # after an object, only a future, habitual or progressive is sure
    return plural_group(view, tokens, j)


def _office_word(word: str) -> bool:
    return word in _OFFICES or word == _MINISTER


class HonorificPlural(ClauseRule):
    """G036: a masculine verb group in the singular after an office's title and a name."""

    wanted = needed = staticmethod(_office_word)

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        return _judge(context_registry(ctx), ctx.document.view, tokens, start)
