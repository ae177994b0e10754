"""G036: a titled person's verb in the singular (मुख्यमंत्री योगी आदित्यनाथ गोरखपुर पहुंचा).

News copy gives an office holder named by title and name the honorific plural, as it
gives वे: प्रधानमंत्री नरेंद्र मोदी वाराणसी पहुंचे, राज्यपाल आनंदीबेन पटेल … करेंगी. The
rule reads a clause that opens with an office's title (पूर्व, केंद्रीय … before it, or a
portfolio before मंत्री: गृह मंत्री) and at least one word of a name after it, up to the
verb group that ends the clause, as G026 reads one that opens with वे, and reports a
masculine group in the singular. It is silent

- without a name (प्रधानमंत्री सरकार का मुखिया होता है: the office, not a person), or when a
  postposition or a genitive follows the name (मोदी का काफ़िला पहुंचा: another subject);
- when a genitive stands on the way, or what stops G026 (ने, a conjunction, a relative,
  another pronoun);
- on a feminine group: papers differ on women's honorific (पहुंची, पहुंचीं).

The titles are those of offices (``_OFFICES``), not of roles papers write in the
singular (खिलाड़ी, अभिनेता, कप्तान).
"""

from __future__ import annotations

from collections.abc import Callable

from qa import gazetteer
from qa.checks import agreement_words as aw
from qa.checks.agreement import analysis
from qa.checks.agreement_lexicon import MIN_EVIDENCE, Genders
from qa.checks.agreement_pronoun import duty, perfective, plural_group, verb_after
from qa.checks.clauses import DAYS, OBJECT_PRONOUNS, TIMES_OF_DAY, ClauseRule, Correction, Token, verb_group
from qa.checks.consistency import context_registry
from qa.checks.date_postposition import MONTHS
from qa.checks.names_registry import Registry
from qa.checks.verb_forms import infinitive, verb_word
from qa.engine.rule import Context

#: Offices whose holder, named, takes the honorific plural.
_OFFICES = aw.word_set(
    """राष्ट्रपति उपराष्ट्रपति प्रधानमंत्री मुख्यमंत्री उपमुख्यमंत्री मंत्री राज्यपाल उपराज्यपाल
    सांसद विधायक न्यायाधीश मुख्य-न्यायाधीश जिलाधिकारी ज़िलाधिकारी कलेक्टर सीएम पीएम डीएम एसपी
    पुलिस-अधीक्षक प्रधान-न्यायाधीश"""
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


def _name_word(lexicon: Genders, registry: Registry, word: str) -> bool:
    """A word of a person's name: no function word, postposition or infinitive (के, of के
    चंद्रशेखर राव, is the genitive here), and one the names registry knows, or one that is
    no noun the counts know, verb word, time or place."""
    if word in aw.FUNCTION_WORDS or word in aw.POSTPOSITIONS or infinitive(word) or duty(word):
        return False
    if aw.key(word) in registry.token_people:
        return True
    return (
        aw.is_candidate(word)
        and lexicon.noun(word) is None
        and lexicon.evidence(word) < MIN_EVIDENCE  # अस्पताल: a noun the counts met, of either gender
        and verb_word(word) is None
        and word not in DAYS
        and word not in TIMES_OF_DAY
        and aw.key(word) not in MONTHS
        and word not in gazetteer.one_word_places()
    )


def _named(tokens: list[Token], k: int, name_word: Callable[[str], bool]) -> int | None:
    """The last word of the name after the title at ``k`` (and जी), if a name follows and
    nothing that makes the phrase oblique or another's (a postposition, a genitive)."""
    end = k
    while end + 1 < len(tokens) and end - k < MAX_NAME and tokens[end + 1].kind == "word":
        if not name_word(tokens[end + 1].normal):
            break
        end += 1
    if end == k:
        return None
    if end + 1 < len(tokens) and tokens[end + 1].normal in _AFTER_NAME:
        end += 1
    following = tokens[end + 1].normal if end + 1 < len(tokens) else None
    return None if following in aw.POSTPOSITIONS or following == "को" else end


def _judge(
    lexicon: Genders, registry: Registry, view: str, tokens: list[Token], start: int
) -> tuple[Correction, str] | None:
    office = _office(tokens, start)
    end = None if office is None else _named(tokens, office, lambda word: _name_word(lexicon, registry, word))
    read = None if end is None else verb_after(tokens, end, objects=True)
    if office is None or end is None or read is None:
        return None
    j = read[0]
    if any(token.normal in aw.GENITIVE for token in tokens[end + 1 : j]):
        return None  # मोदी के स्वागत में भीड़ उमड़ी: the genitive's noun may be the subject
    if _object(tokens, end, j) and (perfective(tokens, j) or duty(tokens[j - 1].normal)):
        return None  # after an object, only a future, habitual or progressive is sure
    group = verb_group(tokens, j)
    if group is not None and group.gendered[0][1].gender != "m":
        return None
    found = plural_group(view, tokens, j)
    if found is None:
        return None
    title = tokens[office].text
    return (
        found,
        f"'{found.written}' after {title} and a name: the honorific plural is '{found.right}'",
    )


def _object(tokens: list[Token], end: int, j: int) -> bool:
    """An object with को or an object pronoun stands between the name at ``end`` and the
    verb at ``j``; को after a day, a month or a number is a time (सोमवार को, 5 मई को)."""
    for k in range(end + 1, j):
        word, before = tokens[k].normal, tokens[k - 1]
        if word in OBJECT_PRONOUNS:
            return True
        dated = before.kind == "number" or before.normal in DAYS or aw.key(before.normal) in MONTHS
        if word == "को" and not dated:
            return True
    return False


def _office_word(word: str) -> bool:
    return word in _OFFICES or word == _MINISTER


class HonorificPlural(ClauseRule):
    """G036: a masculine verb group in the singular after an office's title and a name."""

    wanted = needed = staticmethod(_office_word)

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        return _judge(analysis(ctx).genders, context_registry(ctx), ctx.document.view, tokens, start)
