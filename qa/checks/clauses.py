"""Clauses of a sentence read from their start, for the verb-agreement rules (G020, G022).

A sentence is cut into tokens (words, numbers, punctuation); a clause may start at the
sentence's start, after punctuation or after कि, जब, क्योंकि, लेकिन …. :class:`Clause`
reads one from there: noun phrases that end in a postposition (1920 में, सरकार द्वारा,
शहर के बीच में), adverbs (भी, यहाँ, बाद में), invariable predicates (शुरू, निर्धारित) and at
most one bare noun phrase, the subject, up to the verb group (bare nouns an invariable
predicate ends make one compound headed by the last: प्रवेश प्रक्रिया शुरू हुई); anything
else (a conjunction, a pronoun, an unknown word, a second bare noun) stops it, so the
rules built on it are silent there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, count, repeat
from operator import itemgetter
from typing import ClassVar, NamedTuple, TypedDict

from qa import regexcache
from qa.checks import agreement_words as aw
from qa.checks.agreement_lexicon import Genders, Noun
from qa.checks.date_postposition import MONTHS
from qa.checks.verb_forms import VerbWord, bare_root, follows_bare_root, infinitive, may_be_root, verb_word
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, JointCheck, Rule
from qa.text import native
from qa.text.ordinals import CARDINAL_WORDS
from qa.text.tokenize import occurrences, span_tokens

_SENTENCE = regexcache.standard(r"[^।!?\n|॥]+")
#: Words after which a clause starts afresh (besides punctuation).
_CLAUSE_STARTS = aw.word_set("कि जब क्योंकि लेकिन परंतु परन्तु किंतु किन्तु मगर तो यदि अगर जबकि बल्कि")
#: Words after a verb group that end its clause.
CLAUSE_ENDS = _CLAUSE_STARTS | aw.CONJUNCTIONS | aw.word_set("जो जिसमें जिससे जहाँ जहां")
#: Relative words (जिसमें, जहाँ, जो, जैसे …): a clause inside the clause.
RELATIVE_STEMS = (*aw.RELATIVE_STEMS, "जहाँ", "जहां")
_RELATIVES = aw.word_set("जो जब जैसे जैसा जैसी")
#: Pronouns in the direct case: before anything but a noun or adjective, the subject.
_DEMONSTRATIVES = aw.word_set("यह वह ये वे")
#: The singular demonstratives in the direct case (इस, उस are oblique).
_THIS_THAT = aw.word_set("यह वह")
#: The genitive of a masculine and of a feminine noun in the direct singular.
_KA, _KI, _SE = aw.normal("का"), aw.normal("की"), aw.normal("से")
#: Nouns that make postpositions (की ओर, के पश्चात, की भांति): never a subject.
_POSTPOSITION_NOUNS = aw.COMPOUND_POSTPOSITIONS | aw.word_set("पश्चात उपरांत उपरान्त भांति भाँति समेत सहित")
#: Words before a noun that makes a postposition (के बाद, की ओर, इस बारे में, इस दौरान, इसके साथ).
_BEFORE_POSTPOSITION_NOUN = (
    frozenset(aw.GENITIVE)
    | aw.OBLIQUE_DEMONSTRATIVES
    | frozenset(stem + ending for stem in aw.POSSESSIVE_STEMS for ending in ("े", "ी"))
)
#: Words of an era that a year follows (सन् 1935).
_ERA = aw.word_set("सन् सन संवत् संवत ईस्वी")
#: Words that may follow an invariable predicate in its verb group (शुरू नहीं हुई).
_BEFORE_VERB = aw.word_set("नहीं न भी ही")
#: The postpositions that close a noun phrase, besides the genitive, ने and को.
POSTPOSITIONS = aw.word_set("में से पर तक द्वारा सहित समेत")
#: Pronouns that take को in one word.
OBJECT_PRONOUNS = aw.word_set("इसे उसे इन्हें उन्हें मुझे हमें तुम्हें आपको")
#: The present copula in the singular, which has no gender (दुकानें बंद है).
COPULA = aw.normal("है")
#: The present copula in either number: alone, it ends a reading with ``copula``.
COPULAS = frozenset({COPULA, aw.normal("हैं")})
#: What takes agreement off the nominative (ने, को), and conjunctions (coordination).
_ABORT = aw.ERGATIVE_PRONOUNS | OBJECT_PRONOUNS | aw.CONJUNCTIONS | aw.word_set("ने को जिसे जिन्हें")
#: What marks a को object (को, उसे …), and with ने what the reader takes as a
#: postposition when asked for marked subjects too (``marked``).
DATIVE = OBJECT_PRONOUNS | {"को"}
_MARKED = DATIVE | aw.ERGATIVE_PRONOUNS | {"ने"}
#: ने or a pronoun with it (उसने).
ERGATIVE_MARKERS = aw.ERGATIVE_PRONOUNS | {"ने"}
#: Words after which a हुआ/हुई/हुए is the verb of its clause (हुई थी, हुआ और).
_AFTER_VERB = aw.AUXILIARY_VERBS | CLAUSE_ENDS
_ADVERBS = aw.word_set(
    """भी ही तो नहीं न अब तब फिर आज कल यहाँ यहां वहाँ वहां अभी पहले बाद लगभग करीब केवल सिर्फ सिर्फ़
    जल्द जल्दी अक्सर हमेशा कभी शायद धीरे फिलहाल फ़िलहाल इसमें उसमें इनमें उनमें इससे उससे इनसे उनसे इसपर उसपर
    अचानक तुरंत फौरन फ़ौरन अंततः आखिरकार आख़िरकार बिल्कुल बिलकुल लगातार निरंतर रोज रोज़ रोजाना रोज़ाना
    प्रतिदिन वहीं यहीं तभी कहीं"""
)
#: Nouns of time that stand without a postposition as adverbs after a modifier (इस साल, उस समय).
TIME_NOUNS = aw.word_set("साल वर्ष दिन रात सुबह शाम दोपहर बार समय वक्त वक़्त दौरान बीच महीने सप्ताह हफ्ते")
#: What the reader takes as a time: the nouns of time and the months, which after a number
#: make a date, no noun of the clause (तारीख़ दस जुलाई तय कर दी).
_TIMES = TIME_NOUNS | aw.word_set(" ".join(MONTHS))
#: Nouns of the time of day (देर रात, कल सुबह), which head no compound: a noun before them
#: ends its own phrase.
TIMES_OF_DAY = aw.word_set("रात सुबह शाम दोपहर देर")
#: Adverbs of time and place that a genitive may follow (कल की बैठक, यहां के लोग).
_GENITIVE_ADVERBS = aw.word_set("आज कल अब तब यहां यहाँ वहां वहाँ")
#: Days of the week, which make one expression of time with them (सोमवार शाम तक).
DAYS = aw.word_set("सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार")
#: Predicates with करना that take an object and its complement (झील पर्यटन क्षेत्र घोषित की).
COMPLEMENT_PREDICATES = aw.word_set("घोषित करार नियुक्त मनोनीत नामित साबित सिद्ध चयनित निर्वाचित")
#: Number words (सत्रह, ढाई, करोड़), which a clause reads as it reads a number (सात प्रतिशत पर).
NUMBER_WORDS = CARDINAL_WORDS - {"आधा"}
_MODIFIERS = NUMBER_WORDS | aw.word_set("यह वह ये वे इस उस इन उन सबसे बहुत कई सभी हर कुछ दोनों तीनों कोई किसी")
#: Invariable words before a verb that form its predicate (शुरू हुई, लागू की गई).
_PREDICATES = (
    aw.PREDICATES
    | aw.INVARIABLE_PREDICATES
    | aw.word_set(
        "नष्ट समाप्त प्राप्त आरंभ प्रारंभ आरम्भ प्रारम्भ रद्द स्वीकार नियुक्त गिरफ्तार गिरफ़्तार मंजूर मंज़ूर बर्खास्त तैनात रिहा बरी"
        " खारिज ख़ारिज तय हासिल दायर नामंजूर नामंज़ूर बहाल तलब जब्त ज़ब्त बरामद व्यक्त प्रकट उजागर अदा माफ माफ़"
        " वसूल कबूल क़बूल रवाना ग्रहण धारण मौजूद गायब ग़ायब लापता फरार फ़रार घायल बीमार नाराज नाराज़ परेशान"
        " बर्बाद तबाह ध्वस्त क्षतिग्रस्त सील कुर्क नीलाम दाखिल दाख़िल साझा निरस्त"
    )
)


class Token(NamedTuple):
    """A word, a number or another character (punctuation) of a sentence."""

    kind: str
    text: str
    normal: str
    start: int
    end: int


def word_at(tokens: list[Token], k: int) -> str | None:
    """The word at ``k``, or None for the end, a number or punctuation."""
    return tokens[k].normal if k < len(tokens) and tokens[k].kind == "word" else None


@dataclass(frozen=True, slots=True)
class Subject:
    """The subject a clause read: its token's index, its noun, whether it is plural, and
    the index of the first noun of the compound it heads, if it heads one."""

    index: int
    noun: Noun
    plural: bool
    first: int | None = None

    @property
    def start(self) -> int:
        """The index of the subject's first noun (its compound's, or its own)."""
        return self.index if self.first is None else self.first


#: A test of the token at a number (the second argument) among a sentence's tokens.
TokenTest = Callable[[list[Token], int], bool]
#: A token's ``normal``: the spelling the tables use (the compiled reader spells with it too).
spelling = aw.normal


def tokens(view: str, start: int, end: int) -> list[Token]:
    """The tokens of ``view[start:end]``: words (hyphenated or abbreviated compounds are
    one word that no table knows), numbers, and any other character (a clause boundary)."""
    return span_tokens(view, start, end, Token, spelling)


@lru_cache(maxsize=1 << 16)
def postposition_noun(word: str) -> bool:
    """A noun that makes postpositions (ओर, पश्चात), in any spelling (पश्चात्)."""
    return aw.key(word.removesuffix("्")) in _POSTPOSITION_NOUNS


@lru_cache(maxsize=1 << 16)
def _stops(word: str) -> bool:
    """A word before which a clause cannot be read: ने, को, a conjunction, a relative."""
    return word in _ABORT or word in _RELATIVES or word.startswith(RELATIVE_STEMS)


@lru_cache(maxsize=1 << 16)
def direct_form(word: str) -> bool:
    """A masculine direct form of an agreeing word (का, नया, अपना, पहला)."""
    return getattr(aw.agreeing(word), "form", None) == "direct"


#: The forms of -वाला, the oblique plural too (मरने वालों), which make one word with an
#: infinitive before them.
_WALA_FORMS = aw.word_set("वाला वाले वाली वालों वालीं")


def _wala(word: str) -> bool:
    """A form of -वाला (7.1 तीव्रता वाला भूकंप)."""
    return getattr(aw.agreeing(word), "stem", None) == "वाल"


def _before_noun(word: str) -> bool:
    """A word that shows a demonstrative before it qualifies a noun: a modifier, a noun or
    an adjective."""
    return (
        word in _MODIFIERS
        or (aw.is_candidate(word) and word not in _ADVERBS and word not in aw.MANNER_NOUNS)
        or getattr(aw.agreeing(word), "kind", None) == "adjective"
    )


@lru_cache(maxsize=1 << 16)
def predicate(word: str) -> bool:
    """An invariable predicate: listed, or a participle in -इत (निर्धारित, आधारित)."""
    return word in _PREDICATES or (word.endswith("ित") and len(word) > 3)


def _participle(word: str) -> bool:
    """``word`` is a participle: a perfective (जुड़ी, लिया, बने) or a Sanskrit one in -इत
    (संक्रमित, प्रभावित)."""
    found = verb_word(word)
    return (found is not None and found.perfective) or (word.endswith("ित") and len(word) > 3)


@lru_cache(maxsize=1 << 16)
def _conjunctive(word: str) -> bool:
    """The conjunctive participle of an intransitive verb of state or change (घटकर,
    बढ़कर, होकर), which shares its clause's subject and takes neither an object nor a
    bare goal (लौटकर, बनाकर are left out)."""
    return word.endswith("कर") and word[:-2] in aw.STATE_ROOTS


@lru_cache(maxsize=1 << 16)
def _plain_noun(word: str) -> bool:
    """A word :meth:`Clause.verb_start` takes for a bare noun wherever it stands: none of
    its other tests can hold for it, whatever its neighbours (most words of a clause)."""
    return (
        aw.is_candidate(word)  # no agreeing word either
        and word not in _MARKED
        and not _stops(word)
        and word not in _DEMONSTRATIVES
        and word not in _MODIFIERS
        and word not in aw.GENITIVE
        and word not in POSTPOSITIONS
        and not postposition_noun(word)
        and word not in _ADVERBS
        and not predicate(word)
        and word not in _TIMES
        and verb_word(word) is None
        and not may_be_root(word)
        and not infinitive(word)
        and not _conjunctive(word)
    )


@lru_cache(maxsize=1 << 16)
def subject_noun(lexicon: Genders, word: str) -> tuple[Noun, bool] | None:
    """The gender of a bare noun as a subject, and whether it is visibly plural:
    feminine plurals in -ें, -एं, -इयां (दुकानें, सेवाएं, चिट्ठियां), masculine -ए of an
    -आ noun that inflects (फ़ैसले: as a subject, no oblique) and लोग. A plural stays plural
    where the counts list the plural form too (टीमें, with टीम; फ़ैसले). Kept per genders
    table and word: a word recurs in every document."""
    if not aw.is_candidate(word):
        return None
    noun = lexicon.noun(word)
    if noun is not None and noun.gender == "f":
        return noun, _feminine_plural(lexicon, word) is not None
    if noun is not None:
        return noun, masculine_plural(lexicon, word)
    plural = _feminine_plural(lexicon, word)
    if plural is not None:
        return plural, True
    found = lexicon.inflected(word)
    return (found, True) if found is not None else None


#: Masculine nouns that are plural in every form.
_PLURAL_NOUNS = aw.word_set("लोग")


def masculine_plural(lexicon: Genders, word: str) -> bool:
    """``word`` (in the tables' spelling) is लोग or the -ए form of a masculine -आ noun
    that inflects (फ़ैसले, of फ़ैसला)."""
    if word in _PLURAL_NOUNS:
        return True
    if not word.endswith("े") or infinitive(word):
        return False  # गाने लगीं: an infinitive's oblique (began singing), whatever noun it spells
    singular = lexicon.noun(word[:-1] + "ा")
    return singular is not None and singular.gender == "m" and singular.inflects


def _feminine_plural(lexicon: Genders, word: str) -> Noun | None:
    """The feminine noun whose direct plural ``word`` is (दुकानें, सेवाएं, चिट्ठियां), if any."""
    singulars = []
    if word.endswith("ें"):
        singulars.append(word[:-2])
    if word.endswith(("एं", "एँ")):
        singulars.append(word[:-2])
    if word.endswith(("ियां", "ियाँ")):
        singulars += [word[:-4] + "ी", word[:-4] + "ि", word[:-1]]
    for singular in singulars:
        found = lexicon.noun(singular) if len(singular) > 1 else None
        if found is not None and found.gender == "f":
            return found
    return None


#: The tests of :meth:`Clause.verb_start` on a word alone, by the names of the compiled
#: core's ``WORD_CLASSES`` (its reading asks :func:`word_class` for their bits).
WORD_TESTS: dict[str, Callable[[str], object]] = {
    "plain": _plain_noun,
    "marked": _MARKED.__contains__,
    "dative": DATIVE.__contains__,
    "ergative": ERGATIVE_MARKERS.__contains__,
    "ne_ko": ("ने", "को").__contains__,
    "stops": _stops,
    "demonstrative": _DEMONSTRATIVES.__contains__,
    "modifier": _MODIFIERS.__contains__,
    "agreeing": lambda word: aw.agreeing(word) is not None,
    "genitive": aw.GENITIVE.__contains__,
    "hua": lambda word: word.startswith("हु"),
    "era": _ERA.__contains__,
    "wala": _wala,
    "postposition": POSTPOSITIONS.__contains__,
    "postposition_noun": postposition_noun,
    "before_postposition_noun": _BEFORE_POSTPOSITION_NOUN.__contains__,
    "adverb": _ADVERBS.__contains__,
    "predicate": predicate,
    "time_noun": _TIMES.__contains__,
    "verb": lambda word: verb_word(word) is not None,
    "may_be_root": may_be_root,
    "after_bare_root": follows_bare_root,
    "copula": COPULAS.__contains__,
    "infinitive": infinitive,
    "candidate": aw.is_candidate,
    "before_verb": _BEFORE_VERB.__contains__,
    "after_verb": _AFTER_VERB.__contains__,
    "direct_form": direct_form,
    "day": DAYS.__contains__,
    "time_of_day": TIMES_OF_DAY.__contains__,
    "genitive_adverb": _GENITIVE_ADVERBS.__contains__,
    "noun_follows": _before_noun,
    "this_that": _THIS_THAT.__contains__,
    "ka": _KA.__eq__,
    "ki": _KI.__eq__,
    "conjunctive": _conjunctive,
    "number_word": NUMBER_WORDS.__contains__,
    "complement": COMPLEMENT_PREDICATES.__contains__,
    "manner": aw.MANNER_NOUNS.__contains__,
    "se": _SE.__eq__,
    "participle": _participle,
    "wala_form": _WALA_FORMS.__contains__,
}
#: The compiled core's reading of clauses and the bit of each test, if it is built.
_VERB_STARTS = native.core.verb_starts if native.core else None
#: What it returns for a clause: aborted, the verb start, the subject's token and
#: (noun, plural) and its compound's first token, ने, a को object.
_Read = tuple[bool, int | None, tuple[int, tuple[Noun, bool], int | None] | None, bool, bool]
_CLASS_BITS: dict[str, int] = native.core.WORD_CLASSES if native.core else {}
_TESTS = [(_CLASS_BITS[name], test) for name, test in WORD_TESTS.items() if name in _CLASS_BITS]


def _look_ups() -> tuple[int, dict[str, int], list[tuple[int, Callable[[str], object]]]]:
    """The bits of the tests that are a look-up in a set (a ``__contains__`` or ``__eq__``
    of a set, dict, tuple or string), each word of those sets with its bits, and the
    other tests."""
    bits, table, others = 0, dict[str, int](), []
    for bit, test in _TESTS:
        holder, name = getattr(test, "__self__", None), getattr(test, "__name__", "")
        if name == "__contains__" and isinstance(holder, frozenset | set | dict | tuple):
            words = holder
        elif name == "__eq__" and isinstance(holder, str):
            words = (holder,)
        else:
            others.append((bit, test))
            continue
        bits |= bit
        for word in words:
            table[word] = table.get(word, 0) | bit
    return bits, table, others


_LOOK_UPS, _LOOKED_UP, _CALLED = _look_ups()
#: Each spelling's class (:func:`word_class`), started afresh when large.
_CLASSES: dict[str, int] = {}
_MOST_CLASSES = 1 << 16
_LOW = (1 << 64) - 1


def word_class(word: str, wanted: int) -> int:
    """The class of ``word`` (a spelling) with the :data:`WORD_TESTS` of the bits
    ``wanted`` asked: the bits of the tests asked so far, shifted by 64, and of those that
    hold. The look-ups in sets are answered with the first question, from one table.
    Kept for the next reading, which asks it from :data:`_CLASSES` (the compiled reader
    keeps it with its table's entry of the token too, and asks here when that has none)."""
    if len(_CLASSES) >= _MOST_CLASSES:
        _CLASSES.clear()
    known = _CLASSES.get(word)
    if known is None:
        asked, said = _LOOK_UPS, _LOOKED_UP.get(word, 0)
    else:
        asked, said = known >> 64, known & _LOW
    wanted &= ~asked
    for bit, test in _CALLED:
        if wanted & bit and test(word):
            said |= bit
    found = _CLASSES[word] = (asked | wanted) << 64 | said
    return found


def _subject_noun_of(
    lexicon: Genders, shown: Callable[[str, str], Noun | None] | None, text: str, word: str
) -> tuple[Noun, bool] | None:
    """:func:`subject_noun` of ``word`` (written ``text``), or the gender ``shown`` gives it."""
    found = subject_noun(lexicon, word)
    if found is None and shown is not None and aw.is_candidate(word):
        noun = shown(text, word)
        return None if noun is None else (noun, False)
    return found


def _dated(lexicon: Genders, before: str | None, word: str, after: str | None) -> bool:
    """The genitive ``word`` between ``before`` and ``after``: see :meth:`Clause._dated_genitive`."""
    if before not in _GENITIVE_ADVERBS or after is None or not aw.is_candidate(after):
        return False
    noun = lexicon.noun(after)
    form = aw.GENITIVE[word]
    return noun is not None and (noun.gender == "f") == (form == "feminine")


def _determined(tokens: list[Token], k: int, noun: Noun) -> bool:
    """का or की agreeing with ``noun`` (at ``k``) and यह or वह stand right before it."""
    if k < 2 or tokens[k - 1].normal not in _THIS_THAT:
        return False
    return tokens[k - 2].normal == (_KI if noun.gender == "f" else _KA)


def _marker_bits(marked: bool, dative: bool) -> int:
    """The class bit of the words a clause reads as markers (:attr:`Clause._markers`)."""
    return _CLASS_BITS.get("marked" if marked else "dative" if dative else "", 0)


class Abort(Exception):
    """The clause is not one the rule can read."""


class Clause:
    """One clause read from its start: the subject, then what stands before the verb.
    With ``marked``, phrases with ने and को (and उसने, उसे …) are read as postposition
    phrases, and ``ergative`` tells whether the clause has ने; with ``dative``, those
    with को (and उसे …) only, ने still stopping the reading. ``shown`` gives the gender of
    a noun the counts leave open (the word as written and in the tables' spelling), from
    the document's own agreeing words."""

    def __init__(
        self,
        tokens: list[Token],
        lexicon: Genders,
        *,
        marked: bool = False,
        dative: bool = False,
        shown: Callable[[str, str], Noun | None] | None = None,
        copula: bool = False,
    ) -> None:
        self.tokens, self.lexicon, self.marked, self.shown = tokens, lexicon, marked, shown
        #: the present copula (है, हैं) alone ends the reading as a verb group does
        self.copula = copula
        self._markers = _MARKED if marked else DATIVE if dative else frozenset()
        self._marker_bits = _marker_bits(marked, dative)
        self.ergative = False
        #: the clause has को or उसे, इन्हें …
        self.marked_object = False
        self.subject: Subject | None = None
        #: two bare nouns or more stood before ने: a compound subject (सुप्रीम कोर्ट ने), or an
        #: object put first (यह जानकारी पुलिस ने दी), which a bare phrase after ने rules out
        self.fronted = False
        self.nouns: list[int] = []  # bare nouns since the last postposition
        self.genitive = False  # a genitive waits for its noun

    def close(self, compound: bool = False, object_compound: bool = False) -> None:
        """A noun phrase has ended without a postposition: the subject, if first. With
        ``compound`` (an invariable predicate ends it: प्रवेश प्रक्रिया शुरू हुई), bare nouns
        make one compound whose head, the last, is the subject (:meth:`_head`); after ने, with
        ``object_compound`` too, the object (ज़मानत याचिका ख़ारिज कर दी)."""
        if self.nouns:
            if len(self.nouns) > 1 and self.subject is None and not self.marked and self._subject_first():
                self.nouns, self.genitive = [], False  # दुकानें रात दस बजे तक: the first is the subject
                return
            first = None
            after_ne = object_compound and self.ergative
            if compound and len(self.nouns) > 1 and self.subject is None and (after_ne or not self.marked):
                first, self.nouns = self.nouns[0], self._head()
            if self.subject is not None or len(self.nouns) > 1:
                raise Abort
            word = self.tokens[self.nouns[0]].normal
            found = self._subject_noun(self.nouns[0]) if word not in _TIMES else None
            if found is None:
                raise Abort  # a pronoun, a name, a noun of time (बार: the pub or the time)
            self.subject = Subject(self.nouns[0], *found, first)
        self.nouns, self.genitive = [], False

    def _head(self) -> list[int]:
        """The head of the compound the bare nouns make: the last, unless it is a day
        (बैठक सोमवार शुरू होगी), whose noun then ends no compound (:class:`Abort` follows)."""
        return self.nouns if self.tokens[self.nouns[-1]].normal in DAYS else self.nouns[-1:]

    def _subject_noun(self, j: int) -> tuple[Noun, bool] | None:
        """:func:`subject_noun` of the word at ``j``, or the gender ``shown`` gives it."""
        token = self.tokens[j]
        return _subject_noun_of(self.lexicon, self.shown, token.text, token.normal)

    def postposition(self) -> None:
        if self.subject is None and len(self.nouns) > 1 and not self.marked and not self._subject_first():
            raise Abort  # शिक्षा विभाग में: a compound, not a subject and a noun
        self.nouns, self.genitive = [], False

    def _plural_first(self) -> bool:
        """:meth:`_subject_first` for a visibly plural noun only (सड़कें बारिश के बाद): before
        a genitive, nouns of time make one (सोमवार शाम के आंकड़ों)."""
        first = self._subject_noun(self.nouns[0])
        if first is not None and first[1]:
            self.subject = Subject(self.nouns[0], *first)
            return True
        return False

    def _determined_first(self) -> bool:
        """:meth:`_subject_first` for a noun after का or की and यह or वह, the genitive
        agreeing with it (सरकार का यह फ़ैसला किसानों के हित में): the phrase is direct (an
        oblique one would have इस), so it ends before the next noun."""
        k = self.nouns[0]
        first = self._subject_noun(k)
        determined = first is not None and _determined(self.tokens, k, first[0])
        if first is not None and determined:
            self.subject = Subject(k, *first)
        return determined

    def _subject_first(self) -> bool:
        """Whether the first of the bare nouns before a postposition (or a number, an
        adverb …) ends a phrase of its own, and so is the subject (which it then becomes):
        a visibly plural noun, which is no compound's first part (दुकानें शाम तक, दुकानें
        रविवार को); a masculine noun after a masculine direct form, which a compound in a
        postposition phrase would take oblique (नया कानून सर्वसम्मति से, का फ़ैसला सोमवार
        को; नए, के); a noun that only nouns of the time of day follow (बैठक देर रात तक;
        not a day: सोमवार शाम तक).
        Not a noun after यह: यह may be the subject and the nouns a compound (यह [केंद्र
        सरकार द्वारा] शुरू की गई)."""
        first, k = self._subject_noun(self.nouns[0]), self.nouns[0]
        headed = first is not None and (
            first[1]
            or (first[0].gender == "m" and k > 0 and direct_form(self.tokens[k - 1].normal))
            or (
                self.tokens[k].normal not in DAYS
                and all(self.tokens[j].normal in TIMES_OF_DAY for j in self.nouns[1:])
            )
        )
        if first is not None and headed:
            self.subject = Subject(k, *first)
        return headed or self._determined_first()

    def _dated_genitive(self, j: int) -> bool:
        """का/की/के at ``j`` after आज, कल, अब, तब, यहां or वहां is a genitive when a noun it
        agrees with follows (कल की बैठक, आज का दिन, यहां की सरकार), not the verb की (बात कल की)."""
        before = self.tokens[j - 1].normal if j > 0 else None
        after = self.tokens[j + 1].normal if j + 1 < len(self.tokens) else None
        return _dated(self.lexicon, before, self.tokens[j].normal, after)

    def _possessor(self) -> bool:
        """After ने, the bare nouns before a genitive make its possessor when they start a
        phrase after a marker or postposition (ने पूर्व विधायक की ज़मानत याचिका, के तहत मुख्य
        बाज़ार की सत्रह दुकानें), not after a genitive, whose noun may be the object (बात की
        जानकारी कंपनी के लोगों को दी)."""
        if not (self.marked and self.ergative):
            return False
        before = self.tokens[self.nouns[0] - 1].normal
        return before in self._markers or before in POSTPOSITIONS or postposition_noun(before)

    def _predicative(self, k: int) -> bool:
        """An invariable predicate at ``k - 1`` stands before its verb (शुरू नहीं हुई), not
        before a noun it qualifies (कृषि आधारित समाज)."""
        while k < len(self.tokens) and self.tokens[k].normal in _BEFORE_VERB:
            k += 1
        word = self.tokens[k].normal if k < len(self.tokens) else None
        following = self.tokens[k + 1].normal if k + 1 < len(self.tokens) else None
        return word is not None and self._verb(word, following)

    def _verb(self, word: str, following: str | None) -> bool:
        """A verb group starts with ``word``: a verb word, a bare root, or (``copula``) है or हैं."""
        return verb_word(word) is not None or bare_root(word, following) or (self.copula and word in COPULAS)

    def _counted(self, j: int) -> bool:
        """A noun of time at ``j`` has a modifier or number before it (इस साल, पिछले दिनों,
        तीन बार): an adverb; bare (वक्त लगेगा) it may be the subject."""
        before = self.tokens[j - 1] if j > 0 else None
        return before is not None and (
            before.kind == "number" or before.normal in _MODIFIERS or aw.agreeing(before.normal) is not None
        )

    def _amount(self, k: int) -> bool:
        """A number or a number word stands at ``k`` (घटकर [सात] प्रतिशत)."""
        token = self.tokens[k] if k < len(self.tokens) else None
        return token is not None and (token.kind == "number" or token.normal in NUMBER_WORDS)

    def _noun_follows(self, k: int) -> bool:
        """A demonstrative at ``k - 1`` qualifies a noun: a noun, adjective or number follows."""
        token = self.tokens[k] if k < len(self.tokens) else None
        return token is not None and (token.kind == "number" or _before_noun(token.normal))

    def _finite_hua(self, j: int) -> bool:
        """हुआ/हुई/हुए at ``j`` is the verb (बैठक हुई।, हुए थे), not an attribute (पैदा हुई
        अनिश्चितता): an auxiliary, a clause end or punctuation follows."""
        if not self.tokens[j].normal.startswith("हु"):
            return False
        following = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        return following is None or following.kind != "word" or following.normal in _AFTER_VERB

    def _attributive(self, j: int) -> bool:
        """A participle between a postposition and a noun qualifies the noun (बॉन्ड से
        जुड़ी याचिका, बैठक में लिया फ़ैसला, देश में संक्रमित लोगों की संख्या): no verb of the clause. Not before a day,
        a noun of time (दिल्ली से लौटा सोमवार को) or a verb (समारोह पर लगी रहेगी)."""
        tokens = self.tokens
        if j == 0 or j + 1 >= len(tokens) or tokens[j - 1].normal not in POSTPOSITIONS:
            return False
        following = tokens[j + 1]
        after = tokens[j + 2].normal if j + 2 < len(tokens) else None
        return (
            _participle(tokens[j].normal)
            and following.kind == "word"
            and aw.is_candidate(following.normal)
            and following.normal not in DAYS
            and following.normal not in _TIMES
            and not self._verb(following.normal, after)
        )

    def verb_start(self, j: int) -> int | None:
        """Read up to the verb group: its first token, or None where the clause ends
        first or holds what the rule cannot read (raises :class:`Abort` for some). The
        compiled core reads a fresh clause where it is built (then only ``subject``,
        ``ergative`` and ``marked_object`` tell what was read); :meth:`python_verb_start`
        is the reference."""
        fresh = not (self.subject or self.nouns or self.genitive or self.ergative or self.marked_object)
        if _VERB_STARTS is None or not fresh:
            return self.python_verb_start(j)
        return self._took(self._compiled([j])[0])

    def _compiled(self, starts: list[int]) -> list[_Read]:
        """The compiled core's reading of a fresh clause from each of ``starts``."""
        assert _VERB_STARTS is not None
        return _VERB_STARTS(
            self.tokens,
            starts,
            (self._marker_bits, self.marked, self.copula),
            _questions(self.lexicon, self.shown),
        )

    def _took(self, read: _Read) -> int | None:
        """What a compiled reading found, as this clause's: its verb start (or :class:`Abort`)."""
        aborted, found, subject, self.ergative, self.marked_object = read
        if subject is not None:
            self.subject = Subject(subject[0], *subject[1], subject[2])
        if aborted:
            raise Abort
        return found

    def python_verb_start(self, j: int) -> int | None:
        """:meth:`verb_start` in Python."""
        tokens, start = self.tokens, j
        while j < len(tokens):
            token = tokens[j]
            word = token.normal
            if word in aw.MANNER_NOUNS and j + 1 < len(tokens) and tokens[j + 1].normal == _SE:
                self.close()  # अर्थव्यवस्था तेज़ी से: an adverb, which ends the phrase before it
                j += 2
                continue
            if token.kind == "word" and _plain_noun(word):
                self.nouns.append(j)
                self.genitive = False
                j += 1
                continue
            following = tokens[j + 1].normal if j + 1 < len(tokens) else None
            if token.kind == "other":
                return None
            if word in self._markers:
                self.ergative = self.ergative or word in ERGATIVE_MARKERS
                self.marked_object = self.marked_object or word in DATIVE
                if word in ("ने", "को"):
                    if len(self.nouns) > 1 and self.marked:
                        if word != "ने" or self.subject is not None:
                            raise Abort  # राज्य सरकार को: the object or another's dative?
                        self.fronted, self.nouns = True, []
                    if len(self.nouns) > 1 and (self.subject is not None or not self._subject_first()):
                        self.nouns = []  # विभिन्न अंग को: a dative phrase, never the subject
                    self.postposition()
                else:
                    self.close()
                j += 1
                continue
            if _stops(word):
                return None
            if word in _DEMONSTRATIVES and not self._noun_follows(j + 1):
                raise Abort  # a pronoun subject: वे अपनी रक्षा करेंगे
            if (
                token.kind == "number"
                or word in _MODIFIERS
                or (aw.agreeing(word) is not None and word not in aw.GENITIVE and not self._finite_hua(j))
                or self._attributive(j)
            ):
                if self.nouns and tokens[self.nouns[-1]].normal in _ERA and token.kind == "number":
                    self.nouns.pop()  # सन् 1935 से: the era word goes with its number
                if self.nouns and _wala(word):
                    self.nouns = []  # 7.1 तीव्रता वाला भूकंप: the noun is oblique, in the attribute
                elif self.nouns and not self.genitive:
                    self.close()
            elif word in aw.GENITIVE and (self.nouns or self.genitive or self._dated_genitive(j)):
                if (
                    len(self.nouns) > 1
                    and self.subject is None
                    and not self._possessor()
                    and (self.marked or not (self._plural_first() or self._determined_first()))
                ):
                    raise Abort  # ब्लूबेरी एंटीऑक्सीडैंट का: where the subject ends is unknown
                self.nouns, self.genitive = [], True
            elif word in POSTPOSITIONS:
                self.postposition()
            elif postposition_noun(word) and j > start and tokens[j - 1].normal in _BEFORE_POSTPOSITION_NOUN:
                self.nouns, self.genitive = [], False
            elif word in _ADVERBS or (
                word in _TIMES
                and following not in POSTPOSITIONS
                and following not in aw.GENITIVE  # चार सप्ताह के लिए: a noun of the phrase
                and self._counted(j)
            ):
                self.close()
            elif (predicate(word) and self.lexicon.noun(word) is None and self._predicative(j + 1)) or (
                _conjunctive(word) and self._amount(j + 1)
            ):
                # प्रवेश प्रक्रिया शुरू हुई, बेरोज़गारी दर घटकर सात प्रतिशत पर; not झील पर्यटन क्षेत्र
                # घोषित की, an object and its complement
                self.close(compound=True, object_compound=word not in COMPLEMENT_PREDICATES)
            elif self._verb(word, following):
                self.close()
                if self.fronted and self.subject is None:
                    raise Abort  # यह जानकारी पुलिस ने दी: the object stood before ने
                return j
            elif infinitive(word) and following in _WALA_FORMS:
                pass  # मरने वालों की संख्या: the infinitive and -वाला make one word, read at -वाला
            elif infinitive(word) and (following in POSTPOSITIONS or following in aw.GENITIVE):
                # शिक्षा पूरी करने के बाद उन्होंने …: what came before belongs to the
                # infinitive's clause, which is a noun phrase of this one
                self.subject, self.nouns, self.genitive = None, [j], False
            elif aw.is_candidate(word) and not postposition_noun(word):
                self.nouns.append(j)
                self.genitive = False
            else:
                return None
            j += 1
        return None


def _questions(lexicon: Genders, shown: Callable[[str, str], Noun | None] | None) -> tuple[object, ...]:
    """What the compiled reading asks of a clause's side: the classes kept, a word's
    class, a subject's noun, a dated genitive, a word's noun."""
    return (
        _CLASSES,
        word_class,
        partial(_subject_noun_of, lexicon, shown),  # subject_noun and shown_noun keep theirs
        partial(_dated, lexicon),
        lexicon.noun,
    )


class _Options(TypedDict):
    """How a :class:`Clause` reads (its keyword arguments)."""

    marked: bool
    dative: bool
    shown: Callable[[str, str], Noun | None] | None
    copula: bool


def verb_starts(
    tokens: list[Token],
    starts: list[int],
    lexicon: Genders,
    *,
    marked: bool = False,
    dative: bool = False,
    shown: Callable[[str, str], Noun | None] | None = None,
    copula: bool = False,
) -> list[tuple[Clause, int] | None]:
    """A fresh :class:`Clause` (with these options) read from each of ``starts`` to its
    verb group: the clause and :meth:`Clause.verb_start`, or None where the reading
    aborted or found no verb. The compiled core reads them all in one call."""
    options = _Options(marked=marked, dative=dative, shown=shown, copula=copula)
    fresh = partial(Clause, tokens, lexicon, **options)
    if _VERB_STARTS is None:
        return [_reached(fresh(), start) for start in starts]
    return [
        None if read[1] is None else (_compiled_clause(tokens, lexicon, read, **options), read[1])
        for read in fresh()._compiled(starts)
    ]


def _compiled_clause(
    tokens: list[Token],
    lexicon: Genders,
    read: _Read,
    *,
    marked: bool,
    dative: bool,
    shown: Callable[[str, str], Noun | None] | None,
    copula: bool,
) -> Clause:
    """A :class:`Clause` (with these options) as the compiled core read it (``read``)."""
    clause = Clause(tokens, lexicon, marked=marked, dative=dative, shown=shown, copula=copula)
    clause._took(read)
    return clause


def _reached(clause: Clause, start: int) -> tuple[Clause, int] | None:
    try:
        j = clause.verb_start(start)
    except Abort:
        return None
    return None if j is None else (clause, j)


@dataclass(frozen=True, slots=True)
class VerbGroup:
    """A verb group: its gendered words (slot, analysis), the slot after it, the root of
    its main verb, and whether it is a passive (बनाई गई, की जा रही)."""

    gendered: list[tuple[int, VerbWord]]
    end: int
    root: str
    passive: bool


@dataclass(frozen=True, slots=True)
class Correction:
    """A verb group's gendered words rewritten: the span they cover and its right text."""

    start: int
    end: int
    written: str
    right: str


def rewrite(view: str, tokens: list[Token], group: VerbGroup, gender: aw.Gender, plural: bool) -> Correction:
    """The group's gendered words in ``gender``; with ``plural``, every masculine word
    plural, or the feminine group's last word if it ends the group (की गईं, आती हैं), and
    है ending the group हैं (बढ़ रहे हैं)."""
    pieces, at = [], tokens[group.gendered[0][0]].start
    for k, verb in group.gendered:
        pieces += [
            view[at : tokens[k].start],
            verb.inflect(gender, plural and (gender == "m" or k == group.end - 1)),
        ]
        at = tokens[k].end
    last = tokens[group.end - 1]
    if plural and last.normal == COPULA and group.gendered[-1][0] < group.end - 1:
        pieces += [view[at : last.start], "हैं"]
        at = last.end
    start = tokens[group.gendered[0][0]].start
    return Correction(start, at, view[start:at], "".join(pieces))


def disagreement(view: str, tokens: list[Token], group: VerbGroup, subject: Subject) -> Correction | None:
    """The correction of a group that does not agree with ``subject`` (the noun it
    agrees with): in gender, or a feminine plural noun with a group that ends in a
    singular. When the group's own words differ in gender, the subject settles which are
    wrong if the words after the first are forms of रहना and था (दुकानें … खुला रहेंगी →
    खुली रहेंगी, इमारत बनी था); not otherwise: a passive is G005's business, the habitual's
    perfective stays masculine singular (पढ़ा करती थी), and a word in -आ before देना,
    लेना … may be a root (रोक लगा दी गई)."""
    gendered = group.gendered
    first, last = gendered[0][1], gendered[-1]
    mixed = len({verb.gender for _, verb in gendered}) > 1
    if mixed and (group.passive or any(verb.root not in _STATIVE_ROOTS for _, verb in gendered[1:])):
        return None
    if not mixed and first.gender == "m" and len({verb.plural for _, verb in gendered}) > 1:
        return None
    gender = subject.noun.gender
    closing = tokens[group.end - 1].normal
    number_slip = (
        gender == "f"
        and subject.plural
        and not last[1].plural
        and (
            # नलियां मांसपेशियों से बनी: an attribute
            (last[0] == group.end - 1 and (len(gendered) > 1 or not last[1].perfective))
            or (last[0] == group.end - 2 and closing == COPULA)  # दुकानें बंद हो गई है: हैं
        )
    )
    if first.gender == gender and not number_slip and not mixed:
        return None
    return rewrite(view, tokens, group, gender, subject.plural or any(verb.plural for _, verb in gendered))


#: रहना and the past auxiliary, after a participle whose gender they share (खुली रहेंगी, बनी थी).
_STATIVE_ROOTS = frozenset({"रह", "थ"})


#: Closing brackets, read across back to a day (कल (बुधवार) को).
_CLOSING = frozenset(")]")


def dated_ko(tokens: list[Token], k: int) -> bool:
    """The को at ``k`` follows a day, a month or a date's numbers after its month: a time
    (सोमवार को, (बुधवार) को, 8 फरवरी को, 2 अप्रैल, 1990 को, जनवरी 25, 2009 को), not an
    object (पांच को: five people)."""
    if tokens[k].normal != "को":
        return False
    j = k - 1
    while j > 0 and (
        tokens[j].kind == "number"
        or tokens[j].text in _CLOSING
        or (tokens[j].text == "," and tokens[j + 1].kind == "number")
    ):
        j -= 1  # 1990, 25, ) of कल (बुधवार) को
    before = tokens[j].normal if j >= 0 else ""
    return before in DAYS or aw.key(before) in MONTHS


def modal_root(word: str, following: str | None) -> bool:
    """``word`` is a bare root before सकना, पाना, रहना or चुकना (मिला सका: मिलाना's root,
    not मिलना's perfective)."""
    after = verb_word(following) if following else None
    return after is not None and after.root in ("सक", "पा", "रह", "चुक") and bare_root(word, following)


def verb_group(tokens: list[Token], j: int) -> VerbGroup | None:
    """The verb group that starts at ``j``; None unless punctuation, the end or a clause
    boundary follows it, and when हुआ/हुई/हुए stands after its verb (करते हुए, घोषित की
    हुई: an adverb or an attribute, not a verb group)."""
    gendered: list[tuple[int, VerbWord]] = []
    k = j
    while k < len(tokens) and tokens[k].kind == "word":
        word = tokens[k].normal
        following = tokens[k + 1].normal if k + 1 < len(tokens) else None
        found = None if modal_root(word, following) else verb_word(word)
        if found is not None:
            if gendered and found.root == "हो" and found.perfective:
                return None
            gendered.append((k, found))
        elif not bare_root(word, following) and word not in ("है", "हैं", "हो"):
            break
        k += 1
    if not gendered or (k < len(tokens) and tokens[k].kind == "word" and tokens[k].normal not in CLAUSE_ENDS):
        return None
    after = tokens[j + 1].normal if j + 1 < k else None
    main = None if modal_root(tokens[j].normal, after) else verb_word(tokens[j].normal)
    passive = (
        main is not None
        and main.perfective
        and main.root not in ("जा", "हो")
        and after is not None
        and ja_form(after)
    ) or (main is None and _vector_passive(tokens, j, k))
    return VerbGroup(gendered, k, main.root if main else tokens[j].normal, passive)


def ja_form(word: str) -> bool:
    """``word`` is जा or a form of जाना (गया, जाती, जाएगी)."""
    return word == "जा" or getattr(verb_word(word), "root", None) == "जा"


#: Vectors whose perfective makes a compound's passive with जाना (कर ली गई, रद्द कर दिए गए).
_PASSIVE_VECTORS = frozenset({"दे", "ले", "डाल"})


def _vector_passive(tokens: list[Token], j: int, k: int) -> bool:
    """The group from ``j`` to ``k`` is a bare root, a vector's perfective and a form of
    जाना: a compound's passive (दर्ज कर ली गई, रद्द कर दिए गए)."""
    if j + 2 >= k:
        return False
    vector = verb_word(tokens[j + 1].normal)
    return (
        vector is not None
        and vector.perfective
        and vector.root in _PASSIVE_VECTORS
        and ja_form(tokens[j + 2].normal)
    )


def clause_spans(tokens: list[Token], after: Collection[str] = _CLAUSE_STARTS) -> list[tuple[int, int]]:
    """Each clause start and the punctuation (or the end) after it: no clause is read
    past that, so a clause without a word a rule needs there is never read. A clause
    starts after the words ``after`` holds, too."""
    spans: list[tuple[int, int]] = []
    starts: list[int] = []  # the clause starts since the last punctuation
    fresh = True  # the next word starts a clause
    for i, (kind, _, normal, _, _) in enumerate(tokens):
        if kind == "other":
            spans += zip(starts, repeat(i))
            starts, fresh = [], True
        else:
            if fresh:
                starts.append(i)
            fresh = normal in after
    spans += zip(starts, repeat(len(tokens)))
    return spans


_NORMAL = itemgetter(2)  # Token.normal


class _Reader:
    """The sentences of one view read in Python, the reference of the compiled core's
    ``ClauseReader``: ``tokenise`` cuts a span into its tokens."""

    def __init__(self, view: str) -> None:
        self.view = view

    def tokenise(self, start: int, end: int) -> _SentenceTokens:
        return _SentenceTokens(tokens(self.view, start, end))


class _SentenceTokens:
    """One sentence cut into its :func:`tokens`, the reference of the compiled core's
    ``SentenceTokens``: ``records`` gives the tokens, ``clauses`` their :func:`clause_spans`,
    ``marks`` the numbers of the tokens whose spelling ``needed`` accepts."""

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens

    def records(self) -> list[Token]:
        return self._tokens

    def clauses(self) -> list[tuple[int, int]]:
        return clause_spans(self._tokens)

    def marks(self, needed: Callable[[str], object]) -> list[int]:
        # C loops: ``needed`` is a C call for most rules
        return list(compress(count(), map(needed, map(_NORMAL, self._tokens))))


class Sentence:
    """One sentence as the clause rules of a pass read it (:class:`_ClausePass`): cut into
    tokens once, its :class:`Token` records and clause spans made when a rule first asks
    for them and the clause starts each rule's test accepts (:meth:`starts`) found once
    per test; all of it let go with the sentence."""

    __slots__ = ("_clauses", "_records", "_starts", "cut")

    def __init__(self, cut: _SentenceTokens) -> None:
        #: the sentence cut into tokens (the compiled core's ``SentenceTokens`` where it is built)
        self.cut = cut
        self._records: list[Token] | None = None
        self._clauses: list[tuple[int, int]] | None = None
        self._starts: dict[Callable[[str], object], list[int]] = {}

    @property
    def tokens(self) -> list[Token]:
        """The sentence's tokens, made once."""
        if self._records is None:
            self._records = self.cut.records()
        return self._records

    def starts(self, needed: Callable[[str], object], where: TokenTest | None = None) -> list[int]:
        """The clause starts with a word ``needed`` accepts before the punctuation after
        them (:func:`judged`), found once per test: rules often share theirs. With
        ``where``, only the words ``needed`` accepts that it holds of too count (a rule's
        test of the word among its neighbours, asked of those words alone)."""
        if where is not None:
            marks = self.cut.marks(needed)
            return self._judged([k for k in marks if where(self.tokens, k)] if marks else marks)
        found = self._starts.get(needed)
        if found is None:
            found = self._starts[needed] = self._judged(self.cut.marks(needed))
        return found

    def _judged(self, marks: list[int]) -> list[int]:
        """:func:`judged` of the sentence's clauses (made when first needed) and ``marks``."""
        if not marks:
            return []
        if self._clauses is None:
            self._clauses = self.cut.clauses()
        return judged(self._clauses, marks)


class Sentences:
    """A document's sentences (runs of text between ।, ?, !, | and line breaks), found
    once per document and shared by its rules; :class:`_ClausePass` cuts each into tokens
    and clauses when it reads it (:meth:`sentence`), and lets it go after."""

    def __init__(self, view: str) -> None:
        self.view = view
        self.spans = [m.span() for m in _SENTENCE.finditer(view)]
        self.starts = [start for start, _ in self.spans]
        self._reader: _Reader | None = None

    def number(self, offset: int) -> int:
        """The sentence (numbered from 0) that holds ``offset``, -1 before the first."""
        return bisect_right(self.starts, offset) - 1

    def numbers(self, offsets: Iterable[int]) -> list[int]:
        """The sentences (numbered from 0) that hold one of ``offsets`` (in order), each once."""
        return [n - 1 for n in dict.fromkeys(map(bisect_right, repeat(self.starts), offsets)) if n > 0]

    @property
    def reader(self) -> _Reader:
        """The reader of the view, made when a sentence is first read (many documents read none)."""
        if self._reader is None:
            self._reader = _reader(self.view)
        return self._reader

    def sentence(self, k: int) -> Sentence:
        """The sentence numbered ``k``, cut into tokens."""
        return Sentence(self.reader.tokenise(*self.spans[k]))


def reaching(
    needed: Callable[[str], object],
    lexicon: Genders,
    *,
    marked: bool = False,
    dative: bool = False,
    shown: Callable[[str, str], Noun | None] | None = None,
    copula: bool = False,
) -> Callable[[Sentence], list[tuple[int, Clause, int]]]:
    """The clauses of a :class:`Sentence` that a :class:`ClauseRule` would judge (with
    ``needed``) read up to a verb group, each its start, a :class:`Clause` (with these
    options) and its verb start (:func:`verb_starts`); those that reach none are left out.
    The compiled core reads a sentence without making its tokens' records unless a clause
    reaches a verb."""
    how, questions = (_marker_bits(marked, dative), marked, copula), _questions(lexicon, shown)
    options = _Options(marked=marked, dative=dative, shown=shown, copula=copula)

    def reached(sentence: Sentence) -> list[tuple[int, Clause, int]]:
        if _VERB_STARTS is None:
            starts = sentence.starts(needed)
            found = verb_starts(sentence.tokens, starts, lexicon, **options) if starts else []
            return [(start, *read) for start, read in zip(starts, found, strict=True) if read]
        read = sentence.cut.verb_starts(needed, how, questions)  # type: ignore[attr-defined]
        if not read:
            return []
        made = partial(_compiled_clause, sentence.tokens, lexicon, **options)
        return [(start, made((False, j, *state)), j) for start, j, *state in read]

    return reached


#: What the compiled readers of a process share: the token texts met, their spellings and
#: the rules' verdicts on them.
_TOKEN_TABLE = native.core.TokenTable(Token, spelling, _CLAUSE_STARTS) if native.core else None


def _reader(view: str) -> _Reader:
    """The reader of ``view``'s sentences, the compiled core's where it is built."""
    if native.core is None:
        return _Reader(view)
    return native.core.ClauseReader(view, _TOKEN_TABLE)


def sentences(ctx: Context) -> Sentences:
    """The document's :class:`Sentences`, shared by the rules of a document."""
    return ctx.shared("sentences", lambda ctx: Sentences(ctx.document.view))


def judged(spans: list[tuple[int, int]], marks: list[int]) -> list[int]:
    """The starts of the clause ``spans`` with a mark before the punctuation after them."""
    m, starts = 0, []
    for start, end in spans:
        while m < len(marks) and marks[m] < start:
            m += 1
        if m == len(marks):
            break
        if marks[m] < end:
            starts.append(start)
    return starts


def once(found: Iterable[tuple[Correction, str]]) -> Iterator[tuple[Correction, str]]:
    """The corrections of ``found`` but those at a start already corrected."""
    reported = set[int]()
    for correction in found:
        if correction[0].start not in reported:
            reported.add(correction[0].start)
            yield correction


#: How a clause rule reads a sentence: what it finds there (see :meth:`ClauseRule.sentence_reader`).
SentenceReader = Callable[[Sentence], Iterable[tuple[Correction, str]]]


class _Plan:
    """One clause rule's part of a :class:`_ClausePass`: the sentences it reads (those
    that hold a word its :meth:`~ClauseRule.wanted` accepts), how it reads one, and the
    corrections it found there."""

    def __init__(self, ctx: Context, rule: ClauseRule) -> None:
        self.rule, self.read = rule, rule.sentence_reader(ctx)
        offsets = rule.offsets(ctx)  # first: the analyses it builds peak before the sentences are found
        self.numbers = sentences(ctx).numbers(offsets)
        self.found: list[tuple[Correction, str]] = []


class _ClausePass:
    """:attr:`ClauseRule.joint`: the clause rules of a document in one pass over the
    sentences any of them reads, in order. Each sentence is cut into tokens once
    (:class:`Sentence`), read by every rule that reads it and let go: a document's
    readings (tokens and clauses, about 60 MB for 5 MB of copy) are never held all at
    once, and nothing of a sentence is made twice."""

    def __call__(self, ctx: Context, rules: Sequence[Rule], /) -> list[list[Diagnostic]]:
        plans = [_Plan(ctx, rule) for rule in rules if isinstance(rule, ClauseRule)]
        if len(plans) != len(rules):
            raise TypeError("a clause pass checks clause rules only")
        readers: dict[int, list[_Plan]] = {}  # the plans that read each sentence, in the rules' order
        for plan in plans:
            for k in plan.numbers:
                readers.setdefault(k, []).append(plan)
        read = sentences(ctx)
        for k in sorted(readers):
            sentence = read.sentence(k)
            for plan in readers[k]:
                plan.found.extend(plan.read(sentence))
        return [list(plan.rule.report(plan.found)) for plan in plans]


class ClauseRule(Rule):
    """A rule that reads the clauses of the sentences holding a word :meth:`wanted`
    accepts and reports what :meth:`judge` finds in them, fixed (unsafely). :meth:`needed`
    accepts at least one word of every clause where :meth:`judge` can find something.
    The clause rules of a document read its sentences together (:class:`_ClausePass`); a
    rule that reads a sentence otherwise (G020, through the compiled core) says how in
    :meth:`sentence_reader`."""

    joint: ClassVar[JointCheck | None] = _ClausePass()

    @staticmethod
    def wanted(word: str, /) -> bool:
        raise NotImplementedError

    @staticmethod
    def needed(word: str, /) -> bool:
        raise NotImplementedError

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        raise NotImplementedError

    def offsets(self, ctx: Context) -> list[int]:
        """Where the sentences to read are: the words :meth:`wanted` accepts."""
        return occurrences(ctx.document.word_index, self.wanted)

    def sentence_reader(self, ctx: Context) -> SentenceReader:
        """How this rule reads a sentence of ``ctx``'s document: :meth:`judge` each clause
        that holds a word :meth:`needed` accepts before the punctuation after its start."""
        judge, needed = partial(self.judge, ctx), self.needed

        def read(sentence: Sentence) -> Iterator[tuple[Correction, str]]:
            return filter(None, (judge(sentence.tokens, start) for start in sentence.starts(needed)))

        return read

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        return _ClausePass()(ctx, [self])[0]

    def report(self, found: Iterable[tuple[Correction, str]]) -> Iterator[Diagnostic]:
        """The findings of the corrections ``found``, one per start."""
        for correction, message in once(found):
            yield self.replace(correction.start, correction.end, correction.right, message)
