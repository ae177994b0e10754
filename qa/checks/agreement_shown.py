"""Subjects whose own words show their number or gender, and their verb group: G030
(plural by its words) and G032 (feminine by the की before it).

Many nouns do not show their number (यात्री, होटल, लोग, देश), but the words before them
do: सभी, सब, कई, अनेक, दोनों, तीनों, सारे, विभिन्न or a number above one (सभी यात्री, कई
होटल, 25 मरीज़), or two nouns of persons joined by और (प्रधानमंत्री और गृहमंत्री). Such a
subject takes a plural verb group whatever the honorific: सभी यात्री सुरक्षित थे, कई
सड़कें बंद कर दी गई हैं (G030). की before a noun the counts or its ending make feminine
(or a person's noun) shows the phrase feminine: चुनाव आयोग की टीम पहुंचेगी (G032).

A clause is read from its start: only postposition phrases, genitives, adverbs and the
like may stand before the subject (a bare noun there may be the subject, the phrase its
object: सरकार कई योजनाएं चला रही है), and between it and the verb group that ends the
clause postposition phrases (को of time), adverbs, predicates and a bare goal before a verb
of motion, but no other bare noun (कई जगह पानी भरा है: पानी is the subject), no second
quantified phrase, no infinitive or conjunctive. The group must agree with a nominative
subject: an intransitive verb, होना, रहना, था, a root with जाना, a state with its
auxiliary (भरे हुए थे) or a passive (not with को: इसे … भेजा गया takes the default). Not
read: a noun with a postposition, genitive or compound after it (कई लोगों को, तीन तलाक
क़ानून), nouns of time, measure or manner (दो दिन, 50 फ़ीसदी, कई जगह), a feminine singular
after a quantifier (सभी जानकारी: a mass), a year, a numeral's noun the counts never met.

G030 rewrites the group in the plural, in the subject's gender where the counts know it
(कई सड़कें … कर दिया गया है → कर दी गई हैं), else in its own: a feminine group is plural
on its last word (थी → थीं), a masculine one on each word (भरे हुए था → भरे हुए थे). G032
rewrites a group with a masculine word in the feminine.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import attrgetter

from qa.checks import agreement_words as aw
from qa.checks.agreement import analysis
from qa.checks.agreement_lexicon import Genders, Noun
from qa.checks.agreement_pronoun import COPULA_PLURAL, reading_stops
from qa.checks.clauses import (
    DAYS,
    POSTPOSITIONS,
    TIMES_OF_DAY,
    ClauseRule,
    Correction,
    Sentence,
    SentenceReader,
    Token,
    direct_form,
    modal_root,
    occurrences,
    predicate,
    sentences,
    subject_noun,
    word_at,
)
from qa.checks.date_postposition import MONTHS
from qa.checks.verb_forms import VerbWord, bare_root, follows_bare_root, infinitive, may_be_root, verb_word
from qa.checks.word_sieve import Sieve
from qa.engine.rule import Context

#: Words that make the noun after them plural.
_QUANTIFIERS = aw.word_set(
    """सभी सब कई अनेक दोनों तीनों चारों सारे विभिन्न तमाम दो तीन चार पांच पाँच छह छः सात आठ नौ दस
    बीस पचास सैकड़ों हजारों हज़ारों लाखों करोड़ों दर्जनों"""
)
#: Number words between a quantifier and its noun (25 लाख लोग, सभी दस यात्री).
_NUMBER_WORDS = aw.word_set("सौ हजार हज़ार लाख करोड़ दो तीन चार पांच पाँच दस")
#: The endings of an oblique plural (लोगों, शाखाओं).
_OBLIQUE_PLURAL = ("ों", "ओं")
#: Number words of amounts (860 करोड़ खर्च: the noun after them may be a mass).
_AMOUNTS = aw.word_set("सौ हजार हज़ार लाख करोड़")
#: Determiners between a quantifier and its noun (सारे ऐसे लोग, कई अन्य देश).
_DETERMINERS = aw.word_set("ऐसे वैसे ऐसी वैसी अन्य")
#: Nouns of time, measure and manner, which make adverbs with a number (दो दिन बाद, 50
#: फ़ीसदी, कई जगह): never the plural subject.
#: The endings of an inflected participle or adjective (फंसा, खड़े, भरी).
_INFLECTED = ("ा", "े", "ी", "ए", "ई")
#: States a postposition phrase gives the quantified noun after it (विमान में सवार सभी
#: यात्री, अस्पताल में भर्ती सभी मरीज़, बैठक में मौजूद सभी अधिकारी).
_STATES = aw.word_set("सवार मौजूद उपस्थित भर्ती तैनात शामिल फंसे फँसे कैद स्थित")
#: Adverbs of manner and time that stand between a subject and its verb (यात्रियों की संख्या
#: लगातार बढ़ रही है, सभी यात्री अचानक फंस गए): no noun, whatever the counts say.
_ADVERBS = aw.word_set("लगातार अचानक तुरंत फौरन फ़ौरन आखिरकार आख़िरकार अंततः बेहद बिल्कुल बिलकुल")
#: Units of measure, which a number or another word before them measures (4500 वर्ग मीटर).
_UNITS = aw.word_set(
    """किलोमीटर किमी मीटर किलो किलोग्राम ग्राम लीटर फुट फीट इंच एकड़ हेक्टेयर डिग्री फीसदी फ़ीसदी
    प्रतिशत गुना रुपये रुपए रुपया डॉलर गज मील अंश"""
)
_MEASURES = _UNITS | aw.word_set(
    """साल वर्ष माह दिन रात सुबह शाम दोपहर बार समय वक्त वक़्त महीने महीना सप्ताह हफ्ते हफ़्ते घंटे घंटा
    मिनट सेकंड बजे नंबर तरह प्रकार जगह तरफ तरफ़ ओर स्थान पल क्षण दशक सदी शताब्दी"""
)
#: Postpositions that end a noun phrase of its own after the subject (बैठक में, शुक्रवार को).
_PHRASE_ENDS = POSTPOSITIONS | {"को"}
#: Postpositions and genitives: after the word after the subject's noun, its phrase goes on.
_PHRASE_OR_GENITIVE = _PHRASE_ENDS | set(aw.GENITIVE)
#: Words between की and its noun (की सबसे बड़ी समस्या, की एक टीम).
_BEFORE_NOUN = aw.word_set("सबसे बहुत एक")
#: Modifiers that make a noun of time an adverb (इस साल, पिछले हफ़्ते).
_COUNTING = aw.word_set("इस उस इन उन हर पिछले अगले पिछली अगली कई दो तीन चार पांच पाँच दस")
#: Time adverbs a genitive may follow (कल की बैठक).
_DAYS_BEFORE = aw.word_set("आज कल")
#: Particles between a noun and a verb that may take it as predicate (राजधानी भी रहा).
_PARTICLES = aw.word_set("भी ही नहीं न तो")
#: Nouns that make postpositions with की (की ओर, की अपेक्षा): never the subject.
_GENITIVE_POSTPOSITIONS = aw.COMPOUND_POSTPOSITIONS | aw.word_set("अपेक्षा तुलना भांति भाँति बजाय जगह")
#: The genitive that shows a feminine noun after it.
_GENITIVE_FEMININE = frozenset({"की"})
#: A word of :data:`_GENITIVE_FEMININE` (one object: the compiled reader keeps verdicts by test).
_feminine_genitive: Callable[[str], bool] = _GENITIVE_FEMININE.__contains__
#: Verbs of motion, which take a bare goal right before them (होटल लौट गईं).
MOTION_ROOTS = aw.word_set("आ जा पहुंच पहुँच लौट निकल चल")
#: Verbs that place persons somewhere: before one, a bare place may follow persons who are
#: its object, with the subject left out (सरकार ने कहा कि सभी मज़दूर घर भेजेगी).
_PLACING_ROOTS = aw.word_set("भेज बुला पहुंचा पहुँचा छोड़ ला बिठा उतार रख")
#: करना and कराना, which make a verb with a predicate before them (खाली करा लिया गया).
_MAKING = aw.word_set("कर करा")
#: Verbs whose passive states a predicate (स्थिर बताया गया, दोषी पाया गया).
_STATING_ROOTS = aw.CLAUSAL_ROOTS | aw.word_set("पा")
#: Pronouns with ही, a predicate or another subject (शीर्ष पचास नाम यही था).
_EMPHATIC_PRONOUNS = aw.word_set("यही वही इसी उसी")
#: The conjunctions that join two persons into one plural subject.
_AND = aw.word_set("और तथा एवं")
#: Words before which a verb group ends its clause (a conjunction, a relative, और).
_GROUP_ENDS = aw.CLAUSE_BREAKS | _AND
#: Verbs that agree with their nominative subject: intransitive ones, होना, रहना, था (and
#: passives); before a transitive verb the plural phrase may be the object of a subject
#: left out (वह उसे कई मास्क भेजेगा).
_AGREEING_ROOTS = aw.STATE_ROOTS | aw.INTRANSITIVE_ROOTS | aw.word_set("थ जा पहुंच पहुँच निकल लौट फंस फँस")
#: Verbs after which a bare word may be a predicate (घायल हुए, मौजूद थे, बंद रहे).
_PREDICATE_ROOTS = frozenset({"हो", "रह", "थ"})
_NORMAL = attrgetter("normal")
#: A number and the word after it; tried only where a run of digits and commas begins (a
#: match from inside one would be part of the run's own), so a long run is read once. The
#: digit comes first and the look-behinds after it: a pattern that begins with a digit is
#: searched for by its first character, one that begins with a look-behind is tried at
#: every position of the text (four times slower on the news corpus).
_NUMBER = re.compile(r"[0-9०-९](?<![0-9०-९].)(?<![0-9०-९],.)[0-9०-९,]*[ \t]+([\u0900-\u097f]+)")


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
        and word not in _ADVERBS
        and verb_word(word) is None
        and not may_be_root(word)
        and not infinitive(word)
    )


def _ends_phrase(tokens: list[Token], k: int) -> bool:
    """The noun at ``k`` ends a bare noun phrase: neither a postposition nor another noun
    follows (बस के, शहर पुलिस के, यात्री सुरक्षित)."""
    following = word_at(tokens, k + 1)
    if following is None:
        return True  # the end, punctuation or a number (संख्या 14,000 के पार)
    return following not in aw.POSTPOSITIONS and not _noun(following)


def _verb_at(tokens: list[Token], k: int) -> bool:
    """A verb group starts at ``k``; never at a genitive (की is also करना's)."""
    alone = _verb_alone(tokens[k].normal)
    return _root_begins(tokens, k) if alone is None else alone


def _root_begins(tokens: list[Token], k: int) -> bool:
    """The root at ``k`` begins a verb group: a word that follows a bare root follows it."""
    following = word_at(tokens, k + 1)
    return following is not None and follows_bare_root(following)


@lru_cache(maxsize=1 << 16)
def _verb_alone(word: str) -> bool | None:
    """:func:`_verb_at` of ``word`` whatever follows it, or None for a root, which begins a
    group only before a word that follows a bare root (:func:`bare_root`: खुल रहा)."""
    if word in aw.GENITIVE or word in aw.PREDICATIVE_ADJECTIVES or word in aw.INVARIABLE_PREDICATES:
        return False  # सही हुए, जमा हो गई: a predicate, not सहना's or जमना's
    if verb_word(word) is not None or word in COPULA_PLURAL:
        return True
    return None if may_be_root(word) else False


@lru_cache(maxsize=1 << 16)
def _ends_subject(word: str) -> bool | None:
    """:func:`reading_stops` or :func:`_verb_alone` of ``word``: the reading of a subject
    ends there (None: where a root begins a verb group)."""
    return True if reading_stops(word) else _verb_alone(word)


#: How many characters longer a word as written may be than in the tables' spelling
#: (nukta, joiners).
_SPELLING_SLACK = 4


@lru_cache(maxsize=1 << 14)
def _person(lexicon: Genders, word: str) -> bool:
    """A noun of a person (a man's, a woman's or either's), or a compound whose last part is
    one (गृहमंत्री: मंत्री)."""
    return _person_part(lexicon, word) is not None


def _person_part(lexicon: Genders, word: str) -> str | None:
    """The noun of a person that ``word`` is or ends in (राजनेता: नेता); only the parts no
    longer than a person's noun are tried (a long run's would cost its length squared)."""
    first = max(0, len(word) - lexicon.longest_person - _SPELLING_SLACK)
    parts = (word[k:] for k in range(first, len(word) - 2))
    return next((part for part in parts if aw.is_candidate(part) and lexicon.person(part)), None)


def _closes(lexicon: Genders, tokens: list[Token], n: int) -> bool:
    """The subject's noun at ``n`` ends its phrase: no postposition follows, and a noun
    or number after it has a postposition of its own (बैठक में, 1920 में, इलाज के दौरान,
    देर रात तक, गंभीर रूप से; not दल मौके पर) or is a predicate (घायल हो गए) or a goal
    (होटल लौटे); not a compound (तीन तलाक क़ानून)."""
    following = word_at(tokens, n + 1)
    if following is None:
        after = n + 1 < len(tokens) and tokens[n + 1].kind == "number"
        return not after or word_at(tokens, n + 2) in _PHRASE_ENDS
    if following in aw.POSTPOSITIONS or following in _UNITS:
        return False  # 4500 वर्ग मीटर: a measure
    if following.endswith(_OBLIQUE_PLURAL):
        return _adverbial(following)  # घंटों: an adverb; कई पंजाबी गानों में: an adjective
    if not _noun(following):
        return True
    k = n + 2
    # देर रात तक; गंभीर रूप से (a word of no gender first: not दल मौके पर, a compound)
    describes = lexicon.noun(following) is None and not _person(lexicon, following)
    while k < n + 4 and (
        word_at(tokens, k) in TIMES_OF_DAY
        or (k == n + 2 and describes and _noun(word_at(tokens, k) or "") and not _oblique(tokens, k))
    ):
        k += 1
    ends = word_at(tokens, k)
    # इलाज के दौरान, बाढ़ की चपेट में: a genitive phrase inside a postposition phrase
    then = word_at(tokens, k + 1) or ""
    compound = ends in aw.GENITIVE and (
        aw.key(then) in aw.COMPOUND_POSTPOSITIONS or (_noun(then) and word_at(tokens, k + 2) in POSTPOSITIONS)
    )
    return ends in _PHRASE_ENDS or compound or _predicate(lexicon, tokens, n + 1) or _goal(tokens, n + 1)


def _adverbial(word: str) -> bool:
    """An oblique plural of a noun of time or measure, an adverb (कई यात्री घंटों फंसे रहे)."""
    stem = word[:-2] if word.endswith("ों") else word
    return stem in _MEASURES or stem + "ा" in _MEASURES


def _oblique(tokens: list[Token], k: int) -> bool:
    """The word at ``k`` is an oblique plural (गर्म देशों में)."""
    return (word_at(tokens, k) or "").endswith(_OBLIQUE_PLURAL)


def _adjective(word: str) -> bool:
    """An adjective in -आ/-ए/-ई: सभी बड़े होटल, दस नई बसें."""
    found = aw.agreeing(word)
    return found is not None and found.kind == "adjective"


def _quantified(lexicon: Genders, tokens: list[Token], k: int) -> tuple[int, aw.Gender | None] | None:
    """The noun a quantifier or number at ``k`` makes plural, and its gender if known; a
    numeral's noun must be one the counts have met or a person's (not a unit: कैल्विन)."""
    n = k + 1
    while n < len(tokens) and (
        tokens[n].kind == "number"
        or tokens[n].normal in _NUMBER_WORDS
        or tokens[n].normal in _DETERMINERS
        or tokens[n].normal in aw.INVARIABLE_ADJECTIVES
        or _adjective(tokens[n].normal)
    ):
        n += 1
    word = word_at(tokens, n)
    if (
        word is None
        or not _noun(word)
        or word in aw.PREDICATIVE_ADJECTIVES  # सब ठीक हो जाएगा: everything, a predicate after it
        or word in _MEASURES
        or aw.key(word) in MONTHS
        or word.endswith((*_OBLIQUE_PLURAL, "ीय"))  # an oblique plural; तीन वर्षीय: an adjective
        or (word.endswith("कर") and not lexicon.known(word))  # दो बजकर पांच मिनट: a conjunctive
        or not _closes(lexicon, tokens, n)
    ):
        return None
    found = subject_noun(lexicon, word)
    person = lexicon.ambigender(word) or lexicon.man(word)
    unknown = found is None and not (person or lexicon.known(word))
    if (unknown and tokens[k].kind == "number") or (word.endswith("िक") and not (found or person)):
        return None  # a unit after a numeral (4,590 कैल्विन); दो व्यावसायिक: an adjective
    amount = any(token.normal in _AMOUNTS for token in tokens[k + 1 : n])
    if amount and not (person or (found is not None and found[1])):
        return None  # 860 करोड़ खर्च: an amount of a mass; 25 लाख मज़दूर, 10 हज़ार सड़कें are read
    if found is None:
        return n, "m" if lexicon.man(word) else None
    noun, plural = found
    if noun.gender == "f" and not plural:
        return None  # सभी जानकारी: a mass, singular
    if noun.inflects and word.endswith("ा"):
        return None  # the direct singular of an -आ noun
    return n, noun.gender


def _coordinated(lexicon: Genders, tokens: list[Token], k: int) -> tuple[int, aw.Gender | None] | None:
    """Two nouns of persons joined by और from ``k`` (प्रधानमंत्री और गृहमंत्री; an agreeing
    word or two may stand before the second: मंत्री और स्थानीय सांसद, आरोपी और उसका भाई):
    the last, and the gender of the two (:func:`_joined_gender`)."""
    if k and tokens[k - 1].text == ",":
        return None  # the end of a list (लेखिका, प्रसारक, पत्रकार और अभिनेत्री थी): predicates, perhaps
    first, n = tokens[k].normal, k + 2
    while n < k + 4 and _describes(word_at(tokens, n)):
        n += 1
    second = word_at(tokens, n)
    if second is None or not _noun(second) or not _person(lexicon, first) or not _person(lexicon, second):
        return None
    if not _closes(lexicon, tokens, n):
        return None
    return n, _joined_gender(_sex(lexicon, first), _sex(lexicon, second))


def _describes(word: str | None) -> bool:
    """``word`` qualifies a noun after it: an agreeing word (उसका, बड़े) or an adjective in
    -ईय (स्थानीय, राष्ट्रीय)."""
    return word is not None and (aw.agreeing(word) is not None or (word.endswith("ीय") and len(word) > 3))


def _sex(lexicon: Genders, word: str) -> aw.Gender | None:
    """ "m" for a noun of a man (भाई), "f" for a woman's (पत्नी), None for either's (सांसद,
    राजनेता)."""
    part = _person_part(lexicon, word)
    if part is None or lexicon.ambigender(part):
        return None
    return "m" if lexicon.man(part) else "f"


def _joined_gender(first: aw.Gender | None, second: aw.Gender | None) -> aw.Gender | None:
    """The gender of two persons joined: feminine for two women, masculine for a man and
    anyone, unknown where a noun of either sex leaves it open (मंत्री और सचिव: थे or थीं)."""
    if "m" in (first, second):
        return "m"
    return "f" if first == second == "f" else None


@dataclass(frozen=True, slots=True)
class Subject:
    """A subject whose own words show its number or gender: where its phrase begins, its
    noun, the gender known, and whether it is plural by its words (सभी यात्री: G030) or
    feminine by the genitive before it (आयोग की टीम: G032)."""

    start: int
    noun: int
    gender: aw.Gender | None
    plural: bool
    by_genitive: bool = False


#: What :func:`_after_genitive` finds: a subject, nothing (read on: की वजह से), or a stop.
_READ_ON = "read on"


def _modifies(lexicon: Genders, tokens: list[Token], n: int) -> bool:
    """The word at ``n`` has no gender of its own and a feminine noun follows it: an
    invariable adjective (की लोकल ट्रेन)."""
    word, following = word_at(tokens, n), word_at(tokens, n + 1)
    if word is None or following is None or lexicon.guess(word) is not None or lexicon.ambigender(word):
        return False
    found = subject_noun(lexicon, following)
    return found is not None and found[0].gender == "f"


def _feminine_adjective(word: str | None) -> bool:
    """An adjective in its feminine form (नई, बड़ी) or an invariable one (प्रमुख)."""
    found = aw.agreeing(word) if word else None
    return word in aw.INVARIABLE_ADJECTIVES or (
        found is not None and found.kind == "adjective" and found.form == "feminine"
    )


def _after_genitive(lexicon: Genders, tokens: list[Token], n: int) -> Subject | str | None:
    """The noun after की at ``n - 1`` as a feminine subject: it ends its phrase (a noun
    after it only with को, or as a goal or predicate: not की पश्चिमी सीमा पर, where the
    word is an adjective), and the counts or its ending make it feminine, or it is a
    person's noun (की अध्यक्ष). A noun they leave open is left alone: its की may be the
    slip (की पुनरुत्थान हुआ, a slip for का), as it is before a masculine one (G001's). A
    postposition after the noun makes it a postposition phrase, and the reading goes on."""
    start = n - 1
    while (
        word_at(tokens, n) in _BEFORE_NOUN
        or _feminine_adjective(word_at(tokens, n))
        or _modifies(lexicon, tokens, n)
    ):
        n += 1  # की नई योजना, की सबसे बड़ी समस्या, की लोकल ट्रेन
    word = word_at(tokens, n)
    if word is None or not _noun(word) or aw.key(word) in _GENITIVE_POSTPOSITIONS:
        return _READ_ON if word is not None and aw.key(word) in _GENITIVE_POSTPOSITIONS else None
    following = word_at(tokens, n + 1)
    if following in aw.POSTPOSITIONS:
        return _READ_ON
    if (
        following is not None
        and _noun(following)
        and not _time(tokens, n + 1)
        and word_at(tokens, n + 2) in _PHRASE_OR_GENITIVE
        and not _masculine(lexicon, following)
    ):
        return None  # की जांच रिपोर्ट में: a compound in a postposition phrase (not की टीम मौके पर)
    if not _closes(lexicon, tokens, n) or word in _MEASURES:
        return None
    found = subject_noun(lexicon, word)
    if found is None:
        noun = lexicon.guess(word) or (Noun("f") if lexicon.ambigender(word) else None)
        found = None if noun is None else (noun, False)
    if found is None or found[0].gender == "m":
        return None
    return Subject(start, n, "f", found[1], by_genitive=True)


def _shows_plural(lexicon: Genders, tokens: list[Token], k: int) -> bool:
    """The token at ``k`` may begin G030's subject: a quantifier before a direct word, a
    number above one before a word that may be its noun (:func:`_may_be_counted`), or और
    after a person's noun; a cheap test, before the reading's."""
    token = tokens[k]
    word = token.normal
    if word in _QUANTIFIERS and _direct(tokens[k + 1].text if k + 1 < len(tokens) else ""):
        return True
    if token.kind == "number":
        following = word_at(tokens, k + 1)
        return following is not None and _plural_number(token) and _may_be_counted(lexicon, following)
    return word in _AND and k > 0 and _person(lexicon, tokens[k - 1].normal)


def _opens(lexicon: Genders, tokens: list[Token], k: int) -> bool:
    """की at ``k`` before a word that may open G032's subject, no postposition after that
    word; a cheap test, before the reading's."""
    word = word_at(tokens, k + 1)
    return (
        word is not None
        and _may_follow_ki(lexicon, tokens[k + 1].text)
        and word_at(tokens, k + 2) not in aw.POSTPOSITIONS
    )


def _subject(lexicon: Genders, tokens: list[Token], start: int) -> Subject | None:
    """The subject of the clause at ``start`` whose words show its number or gender; only
    postposition phrases, genitives, adverbs and modifiers stand before it."""
    for k in range(start, len(tokens)):
        token = tokens[k]
        kind = token.kind
        if kind == "other":
            return None
        word, noun = token.normal, _noun(token.normal)
        if (kind == "number" and _plural_number(token) and not _joined(tokens, k)) or word in _QUANTIFIERS:
            if k > start and direct_form(tokens[k - 1].normal):
                return None  # जिले का 11 मरीज: a singular phrase (the 11th)
            found = _quantified(lexicon, tokens, k)
            return None if found is None else Subject(k, *found, plural=True)
        if noun and word_at(tokens, k + 1) in _AND:
            found = _coordinated(lexicon, tokens, k)
            return None if found is None else Subject(k, *found, plural=True)
        if (
            word == "की"
            and k > start
            and (_noun(tokens[k - 1].normal) or tokens[k - 1].normal in _DAYS_BEFORE)
        ):
            following = tokens[k + 1] if k + 1 < len(tokens) else None
            if following is not None and (following.kind == "number" or following.normal in _QUANTIFIERS):
                continue  # शहर की सभी सड़कें: the quantifier's phrase
            after = _after_genitive(lexicon, tokens, k + 1)
            if after != _READ_ON:
                return after if isinstance(after, Subject) else None
            continue
        if word == "को":
            continue  # रविवार को: a time (or an experiencer: a passive is then left alone)
        if (
            word in _STATES
            and word_at(tokens, k - 1) in POSTPOSITIONS
            and word_at(tokens, k + 1) in _QUANTIFIERS
        ):
            continue  # विमान में सवार सभी यात्री: a state that qualifies the quantified noun
        if word in _MEASURES and _counted(tokens, k):
            continue  # इस साल, पूरी तरह: an adverb
        if kind != "word":
            continue
        ends = _ends_subject(word)
        if ends or (ends is None and _root_begins(tokens, k)):
            return None
        if noun and _ends_phrase(tokens, k):
            return None  # a bare noun before: the subject, or the object of one left out
    return None


def _joined(tokens: list[Token], k: int) -> bool:
    """The token at ``k`` follows the one before with no space: a name's part (कोविड-19, एन-95)."""
    return k > 0 and tokens[k - 1].end == tokens[k].start


def _verb_start(
    lexicon: Genders, tokens: list[Token], end: int, *, objects: bool = False
) -> tuple[int, bool, bool] | None:
    """The verb group after the subject whose noun is at ``end``, when only postposition
    phrases (with को too: a time or an experiencer before an intransitive verb), adverbs,
    predicates and a bare goal before a verb of motion stand between, and, with
    ``objects``, bare nouns; whether को did, and whether a bare noun did."""
    dative = objected = False
    for j in range(end + 1, len(tokens)):
        token = tokens[j]
        if token.kind == "other":
            return None
        word = token.normal
        if word == "को":
            dative = dative or not _time(tokens, j - 1)  # सोमवार को: a time, no object
            continue
        if (token.kind == "number" or word in _QUANTIFIERS) and _quantified(lexicon, tokens, j):
            return None  # कई स्थल मौजूद थे: another subject
        if word in _MEASURES and _counted(tokens, j):
            continue  # इस साल, अगले महीने (an infinitive's form too: महीने)
        if reading_stops(word) or word in _EMPHATIC_PRONOUNS or _infinitive(word):
            return None
        if (
            _noun(word)
            and word_at(tokens, j + 1) is not None
            and _noun(tokens[j + 1].normal)
            and not _in_phrase(tokens, j)
        ):
            return None  # मजदूर कोरोना वायरस के संक्रमण से: the first noun may be the subject
        if _verb_at(tokens, j):
            return None if tokens[j - 1].normal in aw.GENITIVE else (j, dative, objected)
        if _conjunctive(word):
            return None  # वोट पा कर विजयी हुआ: another clause's verb
        if (
            _noun(word)
            and _ends_phrase(tokens, j)
            and not _predicate(lexicon, tokens, j)
            and not _goal(tokens, j)
        ):
            if not objects:
                return None  # another bare noun: the subject may be it (कई जगह पानी भरा)
            objected = True  # after persons, an object (सभी छात्र परीक्षा देंगे)
    return None


def _masculine(lexicon: Genders, word: str) -> bool:
    """A masculine noun, which की cannot qualify: the noun before it ends its phrase (की
    टीम [मौके पर], की टीम [शहर में])."""
    found = subject_noun(lexicon, word)
    if found is None and word.endswith("े"):  # मौके: the oblique of a masculine -आ noun
        found = subject_noun(lexicon, word[:-1] + "ा")
    return found is not None and found[0].gender == "m"


def _infinitive(word: str) -> bool:
    """An oblique infinitive, short ones too (आने, जाने): another clause's verb."""
    return infinitive(word) or (len(word) == 3 and word.endswith("ने") and may_be_root(word[:-2]))


def _in_phrase(tokens: list[Token], j: int) -> bool:
    """The nouns from ``j`` end in a postposition other than a genitive (शिक्षा विभाग में,
    देर रात तक): a compound in a postposition phrase."""
    k = j
    while word_at(tokens, k) is not None and _noun(tokens[k].normal):
        k += 1
    return word_at(tokens, k) in _PHRASE_ENDS


def _time(tokens: list[Token], k: int) -> bool:
    """The token at ``k`` names a time: a day, a month, a noun of time or a number."""
    word = word_at(tokens, k)
    return (
        (k >= 0 and tokens[k].kind == "number")
        or word in DAYS
        or word in _MEASURES
        or aw.key(word or "") in MONTHS
    )


def _counted(tokens: list[Token], k: int) -> bool:
    """A noun of time or measure at ``k`` after a modifier, a number or an adjective: an
    adverb (इस साल, पूरी तरह, लंबे समय)."""
    before = tokens[k - 1] if k else None
    return before is not None and (
        before.kind == "number" or before.normal in _COUNTING or _adjective(before.normal)
    )


def _conjunctive(word: str) -> bool:
    """कर or करके after a root, or a root with -कर (पाकर, जाकर): a clause of its own."""
    return word in ("कर", "करके") or (word.endswith("कर") and len(word) > 3 and may_be_root(word[:-2]))


def _predicate(lexicon: Genders, tokens: list[Token], j: int) -> bool:
    """The bare word at ``j``, of no certain gender, stands before a form of होना, रहना or
    था (or है), or a passive of a verb that states (स्थिर बताया गया, दोषी पाया गया): a
    predicate (मौजूद था, घायल हो गए), not another subject (फ्लाइट थी)."""
    if lexicon.noun(tokens[j].normal) is not None:
        return False
    word = word_at(tokens, j + 1)
    verb = verb_word(word) if word else None
    if verb is not None and verb.perfective and verb.root in _STATING_ROOTS:
        return word_at(tokens, j + 2) in aw.JA_FORMS
    if word in _MAKING or (verb is not None and verb.root in _MAKING):
        return True  # खाली करा लिया गया, बंद कर दिया: a predicate of करना
    return word in COPULA_PLURAL or word == "हो" or (verb is not None and verb.root in _PREDICATE_ROOTS)


def _goal(tokens: list[Token], j: int) -> bool:
    """The bare noun at ``j`` stands right before a verb of motion: its goal (होटल लौट
    गईं, दिल्ली पहुंचेंगे), not another subject."""
    word = word_at(tokens, j + 1)
    verb = verb_word(word) if word else None
    root = verb.root if verb else word if word and bare_root(word, word_at(tokens, j + 2)) else None
    return root in MOTION_ROOTS


def _group(tokens: list[Token], j: int) -> tuple[list[tuple[int, VerbWord]], int] | None:
    """The gendered words of the verb group at ``j`` and the slot after it, the group
    ending its clause; a participle with हुआ and an auxiliary is one (भरे हुए था)."""
    gendered: list[tuple[int, VerbWord]] = []
    k = j
    while k < len(tokens) and tokens[k].kind == "word":
        word, following = tokens[k].normal, word_at(tokens, k + 1)
        found = None if modal_root(word, following) else verb_word(word)  # बचा सकती: बचाना's root
        if found is not None:
            gendered.append((k, found))
        elif not bare_root(word, following) and word not in ("है", "हैं", "हो"):
            break
        k += 1
    ends = k >= len(tokens) or tokens[k].kind != "word" or tokens[k].normal in _GROUP_ENDS
    return (gendered, k) if gendered and ends else None


def _passive(tokens: list[Token], gendered: list[tuple[int, VerbWord]]) -> bool:
    """A perfective other than होना's or जाना's with a form of जाना right after it."""
    for k, verb in gendered:
        following = word_at(tokens, k + 1)
        after = verb_word(following) if following else None
        by_ja = following == "जा" or getattr(after, "root", "") == "जा"
        if verb.perfective and verb.root not in ("जा", "हो") and by_ja:
            return True
    return False


def _main_verb(tokens: list[Token], j: int) -> tuple[VerbWord | None, str]:
    """The verb word at ``j`` that begins a group, if any, and its root (the word itself
    when it is a bare root: खुल रहा, हो गया)."""
    main = verb_word(tokens[j].normal)
    return main, main.root if main else tokens[j].normal


def _agrees(tokens: list[Token], j: int, read: tuple[list[tuple[int, VerbWord]], int], dative: bool) -> bool:
    """The group at ``j`` agrees with a nominative subject before it: an intransitive verb,
    होना, रहना, था, a state (भरे हुए था) or a passive (without को: इसे … भेजा गया takes the
    default); a verb that takes a clause only as a passive after a predicate and with no
    कि after it (हालत स्थिर बताया गया). Not a group that begins with हुआ after a word in
    -आ/-ए/-ई the verb lists lack (फंसा हुआ था): that participle would stay as it is."""
    gendered, end = read
    if tokens[j].normal.startswith("हु") and j > 0 and tokens[j - 1].normal.endswith(_INFLECTED):
        return False
    passive = _passive(tokens, gendered)
    if passive and dative:
        return False
    first = gendered[0][1]
    if first.root in aw.CLAUSAL_ROOTS:
        return passive and word_at(tokens, end) != "कि" and j > 0 and word_at(tokens, j - 1) is not None
    # भरे हुए था; not काटा हुआ alone, an attribute
    state = len(gendered) > 2 and tokens[gendered[1][0]].normal.startswith("हु")
    main, root = _main_verb(tokens, j)
    # a root with जाना after it (उखड़ गया, डूब जाएगा) agrees with its nominative subject
    compound = main is None and first.root == "जा" and gendered[0][0] == j + 1
    return root in _AGREEING_ROOTS or state or passive or compound  # not कई मास्क भेजेगा: an object


def _takes_object(tokens: list[Token], j: int, read: tuple[list[tuple[int, VerbWord]], int]) -> bool:
    """The group at ``j``, after a plural phrase of persons and a bare noun, is a transitive
    verb's future, habitual or progressive, which agrees with that phrase as its subject
    (सभी छात्र परीक्षा देंगे): not a perfective (without ने, what is missing is ने), nor a
    verb that may agree with the bare noun instead (कई जगह पानी भरा), nor करना or a verb
    that places persons, whose subject may be left out with the phrase its object (इस साल
    500 कर्मचारी भर्ती करेगी, सभी मज़दूर घर भेजेगी)."""
    gendered = read[0]
    _, root = _main_verb(tokens, j)
    return (
        not any(verb.perfective for _, verb in gendered)
        and root not in _AGREEING_ROOTS
        and root not in aw.CLAUSAL_ROOTS
        and root not in _PREDICATE_ROOTS
        and root not in _PLACING_ROOTS
        and root != "कर"
    )


def _rewrite(
    view: str,
    tokens: list[Token],
    read: tuple[list[tuple[int, VerbWord]], int],
    gender: aw.Gender,
    plural: bool,
) -> Correction | None:
    """The group in ``gender`` and number (a feminine plural on its last word, or on है),
    if it is not so already; None for है after a masculine plural (गए है: T027's)."""
    gendered, end = read
    last = tokens[end - 1]
    copula = last.normal in COPULA_PLURAL
    pieces, at, changed = [], tokens[gendered[0][0]].start, False
    for k, verb in gendered:
        number = plural and (gender == "m" or k == end - 1)
        same = verb.gender == gender and verb.plural == number
        changed = changed or not same
        pieces += [view[at : tokens[k].start], tokens[k].text if same else verb.inflect(gender, number)]
        at = tokens[k].end
    if copula and plural:
        if not changed and gender == "m":
            return None  # गए है: T027's, with its safe fix
        pieces += [view[at : last.start], COPULA_PLURAL[last.normal]]
        at = last.end
    start = tokens[gendered[0][0]].start
    right = "".join(pieces)
    return None if right == view[start:at] else Correction(start, at, view[start:at], right)


def _copula(view: str, tokens: list[Token], j: int, subject: Subject) -> tuple[Correction, str] | None:
    """है alone ending the clause after a plural subject, with words between (कई उम्मीदवार
    मैदान में है → हैं)."""
    token = tokens[j]
    ends = j + 1 >= len(tokens) or tokens[j + 1].kind != "word" or tokens[j + 1].normal in aw.CLAUSE_BREAKS
    if token.normal not in COPULA_PLURAL or not ends or j == subject.noun + 1:
        return None
    right = COPULA_PLURAL[token.normal]
    phrase = view[tokens[subject.start].start : tokens[subject.noun].end]
    message = f"'{token.text}' after the plural subject '{phrase}': write '{right}'"
    return Correction(token.start, token.end, token.text, right), message


def judge(
    lexicon: Genders, view: str, tokens: list[Token], start: int, *, by_genitive: bool
) -> tuple[Correction, str] | None:
    """G030's finding (G032's with ``by_genitive``) in the clause at ``start``, if any:
    one that holds a token :func:`_shows_plural` (:func:`_opens`) accepts before its
    punctuation."""
    subject = _subject(lexicon, tokens, start)
    if subject is None or subject.by_genitive != by_genitive:
        return None
    persons = not by_genitive and lexicon.person(tokens[subject.noun].normal)
    found = _verb_start(lexicon, tokens, subject.noun, objects=persons)
    read = _group(tokens, found[0]) if found else None
    if found is not None and read is None and not by_genitive and not found[2]:
        return _copula(view, tokens, found[0], subject)
    if found is None or read is None:
        return None
    if found[2]:
        if not _takes_object(tokens, found[0], read):
            return None
    elif not _agrees(tokens, found[0], read, found[1] or "को" in map(_NORMAL, tokens[start : subject.start])):
        return None
    phrase = view[tokens[subject.start].start : tokens[subject.noun].end]
    if by_genitive:
        if _genitive_left_alone(tokens, subject.noun, found[0], read):
            return None
        fixed = _rewrite(view, tokens, read, "f", subject.plural)
        what = "the feminine subject"
    else:
        fixed = _rewrite(view, tokens, read, subject.gender or read[0][-1][1].gender, True)
        what = "the plural subject"
    if fixed is None:
        return None
    other = ""
    if not by_genitive and subject.gender is None:
        alternative = _rewrite(view, tokens, read, "m" if read[0][-1][1].gender == "f" else "f", True)
        other = f" (or '{alternative.right}')" if alternative else ""
    return fixed, f"'{fixed.written}' after {what} '{phrase}': write '{fixed.right}'{other}"


def _genitive_left_alone(
    tokens: list[Token], noun: int, j: int, read: tuple[list[tuple[int, VerbWord]], int]
) -> bool:
    """G032 says nothing of a group that is feminine already (its number is G020's) or
    masculine plural (another subject: बलों की अपेक्षा अधिक शक्तिशाली होते हैं), nor of a
    form of होना, रहना or बनना right after the noun, which may be their predicate (कक्ष
    राहत कार्यों की रीढ़ होता है, देश की राजधानी भी रहा); the perfective of होना is the
    noun's (बैठक हुआ → हुई). Nor of the copula after a bare noun, which it may agree with
    (जयपाल की पूर्वी सीमा काँगड़ा था)."""
    verbs = [verb for _, verb in read[0]]
    if len(read[0]) > 1 and tokens[read[0][1][0]].normal.startswith("हु"):
        return True  # दिल्ली की यात्रा किया हुआ: a state whose noun is its object
    if all(verb.gender == "f" for verb in verbs) or any(verb.gender == "m" and verb.plural for verb in verbs):
        return True
    main, root = _main_verb(tokens, j)
    if root == "थ" and _noun(tokens[j - 1].normal):
        return True  # की पूर्वी सीमा काँगड़ा था: the copula may agree with its predicate noun
    between = {token.normal for token in tokens[noun + 1 : j]}
    predicative = root in ("हो", "रह", "बन", "थ", "है") and not (
        main is not None and main.root == "हो" and main.perfective
    )
    return predicative and between <= _PARTICLES


def _wanted(word: str) -> bool:
    return word in _QUANTIFIERS or word in _AND or word[:1].isdigit()


class PluralSubjectAgreement(ClauseRule):
    """G030: a singular verb group after a subject plural by its words (सभी यात्री … थी)."""

    needed = staticmethod(_wanted)

    def offsets(self, ctx: Context) -> list[int]:
        """Quantifiers, numbers before a word, and और after a person's noun."""
        document, lexicon = ctx.document, analysis(ctx).genders
        counted = partial(_may_be_counted, lexicon)
        numbers = [m.start() for m in _NUMBER.finditer(document.view) if counted(m[1])]
        persons = _beside(ctx, occurrences(document.word_index, _AND), -1, partial(_written_person, lexicon))
        quantifiers = _beside(ctx, occurrences(document.word_index, _QUANTIFIERS), 1, _direct)
        return sorted(quantifiers + numbers + persons)

    def sentence_reader(self, ctx: Context) -> SentenceReader:
        """:func:`judge` each clause with a word :func:`_shows_plural` accepts."""
        lexicon, view, needed = analysis(ctx).genders, ctx.document.view, self.needed
        shows = partial(_shows_plural, lexicon)

        def read(sentence: Sentence) -> Iterator[tuple[Correction, str]]:
            found = (
                judge(lexicon, view, sentence.tokens, start, by_genitive=False)
                for start in sentence.starts(needed, shows)
            )
            return filter(None, found)

        return read


def _beside(ctx: Context, offsets: list[int], step: int, accept: Callable[[str], bool]) -> list[int]:
    """The ``offsets`` (of words) whose word ``step`` places on (as written) ``accept``
    takes; after, only if the word after that one, with nothing but spaces between, is no
    postposition (की जांच में, सभी लोगों को: no subject)."""
    document = ctx.document
    texts, starts, view = document.word_texts, document.word_starts, document.view
    found = []
    for offset in offsets:
        k = bisect_left(starts, offset) + step
        if not (0 <= k < len(texts) and accept(texts[k])):
            continue
        end = starts[k] + len(texts[k])
        following = texts[k + 1] if step > 0 and k + 1 < len(texts) else None
        if (
            following is None
            or not view[end : starts[k + 1]].isspace()
            or aw.normal(following) not in aw.POSTPOSITIONS
        ):
            found.append(offset)
    return found


def _direct(text: str) -> bool:
    """A word after a quantifier that is no oblique plural (सभी लोगों को)."""
    return not text.endswith(_OBLIQUE_PLURAL)


@lru_cache(maxsize=1 << 14)
def _may_be_counted(lexicon: Genders, text: str) -> bool:
    """A word after a numeral that may be the plural noun G030 reads (or a number word
    before it: 25 लाख लोग): one the counts have met, or a person's noun."""
    word = aw.normal(text)
    if word in _MEASURES or aw.key(word) in MONTHS or word.endswith(_OBLIQUE_PLURAL):
        return False  # 24 घंटे, 25 मार्च, 5 लोगों
    return word in _NUMBER_WORDS or lexicon.known(word) or _person(lexicon, word)


@lru_cache(maxsize=1 << 14)
def _written_person(lexicon: Genders, text: str) -> bool:
    """A person's noun as written (the word before और of two persons)."""
    return _person(lexicon, aw.normal(text))


@lru_cache(maxsize=1 << 14)
def _may_follow_ki(lexicon: Genders, text: str) -> bool:
    """A word after की that may begin G032's subject: an adjective or a determiner, a word
    the counts never met (an invariable adjective: की लोकल ट्रेन), or a noun the counts,
    its ending or its being a person's make feminine."""
    word = aw.normal(text)
    if word in _BEFORE_NOUN or _feminine_adjective(word) or not lexicon.known(word):
        return True
    found = subject_noun(lexicon, word)
    noun = found[0] if found else lexicon.guess(word)
    return (noun is not None and noun.gender == "f") or lexicon.ambigender(word)


@lru_cache(maxsize=1 << 14)
def _masculine_verb(word: str) -> bool:
    """A masculine verb word of a verb that agrees with its nominative subject (पहुंचेगा,
    हुआ, रहा, था) or of जाना (a passive's गया): every clause G032 reports holds one (a
    passive whose participle alone is masculine, किया गई, is G005's)."""
    found = verb_word(word)
    return found is not None and found.gender == "m" and found.root in _AGREEING_ROOTS


_MASCULINE_VERBS = Sieve(_masculine_verb)


class GenitiveSubjectAgreement(ClauseRule):
    """G032: a masculine verb group after a subject that की shows feminine (आयोग की टीम
    पहुंचेगा)."""

    needed = staticmethod(_masculine_verb)

    def offsets(self, ctx: Context) -> list[int]:
        """की before a feminine noun or an adjective, in a sentence with a masculine verb word."""
        read, index = sentences(ctx), ctx.document.word_index
        masculine = _MASCULINE_VERBS.select(ctx.document.word_set)  # set operations, not a call per word
        verbs = frozenset(read.numbers(occurrences(index, masculine)))
        genitives = occurrences(index, _GENITIVE_FEMININE) if verbs else []
        in_verbs = [offset for offset in genitives if bisect_right(read.starts, offset) - 1 in verbs]
        return _beside(ctx, in_verbs, 1, partial(_may_follow_ki, analysis(ctx).genders))

    def sentence_reader(self, ctx: Context) -> SentenceReader:
        """:func:`judge` each clause with a masculine verb word and a की :func:`_opens` accepts."""
        lexicon, view, needed = analysis(ctx).genders, ctx.document.view, self.needed
        opens = partial(_opens, lexicon)

        def read(sentence: Sentence) -> Iterator[tuple[Correction, str]]:
            starts = sentence.starts(needed)
            opened = frozenset(sentence.starts(_feminine_genitive, opens) if starts else ())
            found = (
                judge(lexicon, view, sentence.tokens, start, by_genitive=True)
                for start in starts
                if start in opened
            )
            return filter(None, found)

        return read
