"""G030: a verb group in the singular after a subject that is plural by its words.

Many nouns do not show their number (यात्री, होटल, लोग, देश), but the words around them
do: सभी, सब, कई, अनेक, दोनों, तीनों, सारे, विभिन्न or a number above one before the noun
(सभी यात्री, कई होटल, 25 मज़दूर), or two nouns of persons joined by और (प्रधानमंत्री और
गृहमंत्री). Such a subject takes a plural verb group whatever the honorific: सभी यात्री
सुरक्षित थे, कई सड़कें बंद कर दी गई हैं. The rule reads a clause from its start: only
postposition phrases, adverbs and the like may stand before the plural phrase (a bare noun
there may be the subject, the phrase its object: सरकार कई योजनाएं चला रही है), and from
the phrase to the verb group the reading of G026 (postposition phrases, adverbs,
predicates), but no bare noun (कई जगह पानी भरा है: पानी is the subject). It is silent

- when the noun is followed by a postposition, a genitive or another noun (कई लोगों को,
  दो साल का बच्चा, तीन तलाक क़ानून), is a noun of time, measure or manner (दो दिन, 50
  फ़ीसदी, कई जगह, कई बार), a month (2 अक्टूबर) or a feminine noun in the singular (सभी
  जानकारी: a mass, the verb singular) or an -आ noun's direct singular;
- for a year (2020) and a number after which another follows;
- for a transitive perfective without ने (what is missing is ने, not a plural), a verb
  that takes a clause (बताया गया कि), and an infinitive on the way.

The group is rewritten in the subject's gender where the counts know it (कई सड़कें … कर
दिया गया है → कर दी गई हैं), else in its own: a feminine group is plural on its last word
(थी → थीं, रही है → रही हैं), a masculine one on each word (भरे हुए था → भरे हुए थे).
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.checks import agreement_words as aw
from qa.checks.agreement import analysis
from qa.checks.agreement_lexicon import Genders
from qa.checks.agreement_pronoun import reading_stops
from qa.checks.clauses import (
    POSTPOSITIONS,
    ClauseRule,
    Correction,
    Token,
    occurrences,
    predicate,
    subject_noun,
)
from qa.checks.date_postposition import MONTHS
from qa.checks.verb_forms import VerbWord, bare_root, infinitive, may_be_root, verb_word
from qa.engine.rule import Context

#: Words that make the noun after them plural.
_QUANTIFIERS = aw.word_set(
    """सभी सब कई अनेक दोनों तीनों चारों सारे विभिन्न तमाम दो तीन चार पांच पाँच छह छः सात आठ नौ दस
    बीस पचास सैकड़ों हजारों हज़ारों लाखों करोड़ों दर्जनों"""
)
#: Number words between a quantifier and its noun (25 लाख लोग, सभी दस यात्री).
_NUMBER_WORDS = aw.word_set("सौ हजार हज़ार लाख करोड़ दो तीन चार पांच पाँच दस")
#: Nouns of time, measure and manner, which make adverbs with a number (दो दिन बाद, 50
#: फ़ीसदी, कई जगह): never the plural subject.
_MEASURES = aw.word_set(
    """साल वर्ष दिन रात सुबह शाम दोपहर बार समय वक्त वक़्त महीने महीना सप्ताह हफ्ते हफ़्ते घंटे घंटा
    मिनट सेकंड किलोमीटर किमी मीटर किलो किलोग्राम ग्राम लीटर फुट फीट इंच एकड़ हेक्टेयर डिग्री
    फीसदी फ़ीसदी प्रतिशत गुना रुपये रुपए रुपया डॉलर बजे नंबर तरह प्रकार जगह तरफ तरफ़ ओर स्थान
    पल क्षण गज मील दशक सदी शताब्दी"""
)
#: Pronouns with ही, a predicate or another subject (शीर्ष पचास नाम यही था).
_EMPHATIC_PRONOUNS = aw.word_set("यही वही इसी उसी")
#: The conjunctions that join two persons into one plural subject.
_AND = aw.word_set("और तथा एवं")
_COPULA_PLURAL = {"है": "हैं"}
#: Verbs that agree with their nominative subject: intransitive ones, होना, रहना, था (and
#: passives); before a transitive verb the plural phrase may be the object of a subject
#: left out (वह उसे कई मास्क भेजेगा).
_AGREEING_ROOTS = aw.STATE_ROOTS | aw.INTRANSITIVE_ROOTS | aw.word_set("थ जा पहुंच पहुँच निकल लौट फंस फँस")
#: Verbs after which a bare word may be a predicate (घायल हुए, मौजूद थे, बंद रहे).
_PREDICATE_ROOTS = frozenset({"हो", "रह", "थ"})
_NUMBER = re.compile(r"[0-9०-९][0-9०-९,]*[ \t]+(?=[\u0900-\u097f])")


def _count(text: str) -> int | None:
    """The value of a number as written (25, १२, 1,000), if it is a whole one."""
    try:
        return int(text.replace(",", ""))
    except ValueError:
        return None


def _plural_number(token: Token) -> bool:
    """A number above one that is no year (a comma is never a year's: 2,000 लोग)."""
    value = _count(token.text)
    return value is not None and value > 1 and ("," in token.text or not 1000 <= value <= 2100)


@lru_cache(maxsize=1 << 14)
def _noun(word: str) -> bool:
    """A word the reading takes for a noun: no predicate, verb word, root or infinitive."""
    return (
        aw.is_candidate(word)
        and not predicate(word)
        and verb_word(word) is None
        and not may_be_root(word)
        and not infinitive(word)
    )


def _word(tokens: list[Token], k: int) -> str | None:
    """The word at ``k``, or None for the end, a number or punctuation."""
    return tokens[k].normal if k < len(tokens) and tokens[k].kind == "word" else None


def _ends_phrase(tokens: list[Token], k: int) -> bool:
    """The noun at ``k`` ends a bare noun phrase: neither a postposition nor another noun
    follows (बस के, शहर पुलिस के, यात्री सुरक्षित)."""
    following = _word(tokens, k + 1)
    if following is None:
        return True  # the end, punctuation or a number (संख्या 14,000 के पार)
    return following not in aw.POSTPOSITIONS and not _noun(following)


def _verb_at(tokens: list[Token], k: int) -> bool:
    """A verb group starts at ``k``; never at a genitive (की is also करना's)."""
    word, following = tokens[k].normal, _word(tokens, k + 1)
    if word in aw.GENITIVE or word in aw.PREDICATIVE_ADJECTIVES:
        return False  # सही हुए: an adjective, not सहना's
    return verb_word(word) is not None or bare_root(word, following) or word in _COPULA_PLURAL


def _person(lexicon: Genders, word: str) -> bool:
    """A noun of a person, or a compound whose last part is one (गृहमंत्री: मंत्री)."""
    parts = (word[k:] for k in range(len(word) - 2))
    return any(lexicon.ambigender(part) or lexicon.man(part) for part in parts if aw.is_candidate(part))


def _direct_form(word: str) -> bool:
    """A masculine direct singular of an agreeing word (का, अपना, बड़ा)."""
    return getattr(aw.agreeing(word), "form", None) == "direct"


def _closes(lexicon: Genders, tokens: list[Token], n: int) -> bool:
    """The plural noun at ``n`` ends its phrase: no postposition or number follows, and a
    noun after it has a postposition of its own (बैठक में, not दल मौके पर) or is a
    predicate (घायल हो गए); not a compound (तीन तलाक क़ानून)."""
    following = _word(tokens, n + 1)
    if following is None:
        return n + 1 >= len(tokens) or tokens[n + 1].kind == "other"
    if following in aw.POSTPOSITIONS:
        return False
    return not _noun(following) or _word(tokens, n + 2) in POSTPOSITIONS or _predicate(lexicon, tokens, n + 1)


def _plural_adjective(word: str) -> bool:
    """An adjective in its plural (oblique) form: सभी बड़े होटल."""
    found = aw.agreeing(word)
    return found is not None and found.kind == "adjective" and found.form == "oblique"


def _quantified(lexicon: Genders, tokens: list[Token], k: int) -> tuple[int, aw.Gender | None] | None:
    """The noun a quantifier or number at ``k`` makes plural, and its gender if known; a
    numeral's noun must be one the counts have met or a person's (not a unit: कैल्विन)."""
    n = k + 1
    while n < len(tokens) and (
        tokens[n].kind == "number"
        or tokens[n].normal in _NUMBER_WORDS
        or tokens[n].normal in aw.INVARIABLE_ADJECTIVES
        or _plural_adjective(tokens[n].normal)
    ):
        n += 1
    word = _word(tokens, n)
    if (
        word is None
        or not _noun(word)
        or word in _MEASURES
        or aw.key(word) in MONTHS
        or word.endswith(("ों", "ीय"))  # an oblique plural; तीन वर्षीय: an adjective
        or (word.endswith("कर") and not lexicon.known(word))  # दो बजकर पांच मिनट: a conjunctive
        or not _closes(lexicon, tokens, n)
    ):
        return None
    found = subject_noun(lexicon, word)
    person = lexicon.ambigender(word) or lexicon.man(word)
    if tokens[k].kind == "number" and found is None and not (person or lexicon.known(word)):
        return None
    if found is None:
        return n, "m" if lexicon.man(word) else None
    noun, plural = found
    if noun.gender == "f" and not plural:
        return None  # सभी जानकारी: a mass, singular
    if noun.inflects and word.endswith("ा"):
        return None  # the direct singular of an -आ noun
    return n, noun.gender


def _coordinated(lexicon: Genders, tokens: list[Token], k: int) -> tuple[int, aw.Gender | None] | None:
    """Two nouns of persons joined by और from ``k`` (प्रधानमंत्री और गृहमंत्री): the last,
    and masculine when both are nouns of male persons."""
    first, second = tokens[k].normal, _word(tokens, k + 2)
    if second is None or not _noun(second) or not _person(lexicon, first) or not _person(lexicon, second):
        return None
    if not _closes(lexicon, tokens, k + 2):
        return None
    return k + 2, "m" if lexicon.man(first) and lexicon.man(second) else None


def _subject(lexicon: Genders, tokens: list[Token], start: int) -> tuple[int, int, aw.Gender | None] | None:
    """The plural subject of the clause at ``start``: where it begins and ends, and its
    gender if known; only postposition phrases, adverbs and modifiers before it."""
    for k in range(start, len(tokens)):
        token = tokens[k]
        if token.kind == "other":
            return None
        word = token.normal
        joined = k > 0 and tokens[k - 1].end == token.start  # कोविड-19, एन-95: a name's part
        if (token.kind == "number" and _plural_number(token) and not joined) or word in _QUANTIFIERS:
            if k > start and _direct_form(tokens[k - 1].normal):
                return None  # जिले का 11 मरीज: a singular phrase (the 11th)
            found = _quantified(lexicon, tokens, k)
            return None if found is None else (k, *found)
        if _word(tokens, k + 1) in _AND and _noun(word):
            found = _coordinated(lexicon, tokens, k)
            return None if found is None else (k, *found)
        if token.kind == "word" and (reading_stops(word) or _verb_at(tokens, k)):
            return None
        if token.kind == "word" and _noun(word) and _ends_phrase(tokens, k):
            return None  # a bare noun before: the subject, or the object of one left out
    return None


def _verb_start(lexicon: Genders, tokens: list[Token], end: int) -> int | None:
    """The verb group after the subject that ends at ``end``, when only postposition
    phrases, adverbs and predicates stand between."""
    for j in range(end + 1, len(tokens)):
        token = tokens[j]
        if token.kind == "other":
            return None
        word = token.normal
        if reading_stops(word) or word in _EMPHATIC_PRONOUNS or infinitive(word):
            return None
        if _verb_at(tokens, j):
            return None if tokens[j - 1].normal in aw.GENITIVE else j
        if _conjunctive(word):
            return None  # वोट पा कर विजयी हुआ: another clause's verb
        if _noun(word) and _ends_phrase(tokens, j) and not _predicate(lexicon, tokens, j):
            return None  # another bare noun: the subject may be it (कई जगह पानी भरा)
    return None


def _conjunctive(word: str) -> bool:
    """कर or करके after a root, or a root with -कर (पाकर, जाकर): a clause of its own."""
    return word in ("कर", "करके") or (word.endswith("कर") and len(word) > 3 and may_be_root(word[:-2]))


def _predicate(lexicon: Genders, tokens: list[Token], j: int) -> bool:
    """The bare word at ``j``, of no certain gender, stands before a form of होना, रहना or
    था (or है): a predicate (मौजूद था, घायल हो गए), not another subject (फ्लाइट थी)."""
    if lexicon.noun(tokens[j].normal) is not None:
        return False
    word = _word(tokens, j + 1)
    verb = verb_word(word) if word else None
    return word in _COPULA_PLURAL or word == "हो" or (verb is not None and verb.root in _PREDICATE_ROOTS)


def _group(tokens: list[Token], j: int) -> tuple[list[tuple[int, VerbWord]], int] | None:
    """The gendered words of the verb group at ``j`` and the slot after it, the group
    ending its clause; a participle with हुआ and an auxiliary is one (भरे हुए था)."""
    gendered: list[tuple[int, VerbWord]] = []
    k = j
    while k < len(tokens) and tokens[k].kind == "word":
        word, following = tokens[k].normal, _word(tokens, k + 1)
        found = verb_word(word)
        if found is not None:
            gendered.append((k, found))
        elif not bare_root(word, following) and word not in ("है", "हैं", "हो"):
            break
        k += 1
    ends = k >= len(tokens) or tokens[k].kind != "word" or tokens[k].normal in aw.CLAUSE_BREAKS | _AND
    return (gendered, k) if gendered and ends else None


def _passive(tokens: list[Token], gendered: list[tuple[int, VerbWord]]) -> bool:
    """A perfective other than होना's or जाना's with a form of जाना right after it."""
    for k, verb in gendered:
        following = _word(tokens, k + 1)
        after = verb_word(following) if following else None
        by_ja = following == "जा" or getattr(after, "root", "") == "जा"
        if verb.perfective and verb.root not in ("जा", "हो") and by_ja:
            return True
    return False


def _plural_group(
    view: str, tokens: list[Token], j: int, gender: aw.Gender | None, *, other: bool = False
) -> Correction | None:
    """The verb group at ``j`` in the plural and in ``gender`` (if None, its own gender;
    with ``other``, the other one), if it is not."""
    read = _group(tokens, j)
    if read is None:
        return None
    gendered, end = read
    first = gendered[0][1]
    state = len(gendered) > 1 and tokens[gendered[1][0]].normal.startswith("हु")  # भरे हुए था
    main = verb_word(tokens[j].normal)
    root = main.root if main else tokens[j].normal
    if first.root in aw.CLAUSAL_ROOTS or not (root in _AGREEING_ROOTS or state or _passive(tokens, gendered)):
        return None  # कई मास्क भेजेगा: an object; कई लोग खाना खाया: ने is missing
    wanted = gender or gendered[-1][1].gender
    if other:
        wanted = "m" if wanted == "f" else "f"
    last = tokens[end - 1]
    copula = last.normal in _COPULA_PLURAL
    pieces, at, changed = [], tokens[gendered[0][0]].start, False
    for k, verb in gendered:
        plural = wanted == "m" or k == end - 1
        same = verb.gender == wanted and verb.plural == plural
        changed = changed or not same
        pieces += [view[at : tokens[k].start], tokens[k].text if same else verb.inflect(wanted, plural)]
        at = tokens[k].end
    if copula and not changed and wanted == "m":
        return None  # गए है: T027's, with its safe fix
    if copula:
        pieces += [view[at : last.start], _COPULA_PLURAL[last.normal]]
        at = last.end
    start = tokens[gendered[0][0]].start
    right = "".join(pieces)
    return None if right == view[start:at] else Correction(start, at, view[start:at], right)


def judge(lexicon: Genders, view: str, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
    """G030's finding in the clause at ``start``, if any."""
    subject = _subject(lexicon, tokens, start)
    j = _verb_start(lexicon, tokens, subject[1]) if subject else None
    if subject is None or j is None:
        return None
    found = _plural_group(view, tokens, j, subject[2])
    if found is None:
        return None
    phrase = view[tokens[subject[0]].start : tokens[subject[1]].end]
    alternative = None if subject[2] else _plural_group(view, tokens, j, None, other=True)
    other = f" (or '{alternative.right}')" if alternative else ""
    return found, f"'{found.written}' after the plural subject '{phrase}': write '{found.right}'{other}"


def _wanted(word: str) -> bool:
    return word in _QUANTIFIERS or word in _AND or word[:1].isdigit()


class PluralSubjectAgreement(ClauseRule):
    """G030: a singular verb group after a subject plural by its words (सभी यात्री … थी)."""

    wanted = needed = staticmethod(_wanted)

    def offsets(self, ctx: Context) -> list[int]:
        document = ctx.document
        numbers = [m.start() for m in _NUMBER.finditer(document.view)]
        return sorted(occurrences(document.word_index, _QUANTIFIERS | _AND) + numbers)

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        return judge(analysis(ctx).genders, ctx.document.view, tokens, start)
