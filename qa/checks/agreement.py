"""Family G: gender and number agreement, where the words themselves settle it.

Each rule looks at a few neighbouring words through the analyser
(:mod:`qa.checks.agreement_words`) and the noun genders
(:mod:`qa.checks.agreement_lexicon`), and stays silent whenever a piece is unknown: a
noun without a certain gender, a noun phrase it cannot delimit, a coordination, a person
noun whose gender is the person's. The sentence's words are analysed once per document
and shared through the rule context.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

import regex

from qa import gazetteer
from qa import lexicon as lexicon_words
from qa.checks import agreement_words as aw
from qa.checks.agreement_lexicon import Genders, Noun, genders
from qa.checks.clauses import (
    DATIVE,
    NUMBER_WORDS,
    POSTPOSITIONS,
    reaching,
    sentences,
    subject_noun,
    verb_group,
)
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.document import Document
from qa.engine.rule import Context, Rule
from qa.text.slots import layout as slot_layout

#: Words a genitive may stand before its noun's modifiers with (राज्य का सबसे बड़ा शहर).
_MODIFIERS = aw.word_set("सबसे बहुत एक इस उस इन उन यह वह ये वे") | aw.INVARIABLE_ADJECTIVES
#: Particles that may stand between a genitive and its noun (धर्म की भी साधना).
_FOCUS = aw.word_set("भी ही")
#: सा/से/सी after an adjective in each form (छोटा सा, बड़ी सी).
_LIKE = {"direct": "सा", "oblique": "से", "feminine": "सी"}
#: Particles and negation that may stand between a postposition phrase and what follows.
_PARTICLES = aw.word_set("नहीं न भी ही तो")
_AUXILIARY_GENDER = {"था": "m", "थे": "m", "थी": "f", "थीं": "f"}
#: Singular auxiliaries: after one, a masculine noun with एक before it is singular.
_SINGULAR = aw.word_set("है था")


class Word(NamedTuple):
    """A word of the text: as written, in the tables' spelling, and where it is."""

    text: str
    normal: str
    start: int
    end: int


class Slots:
    """The document as a sequence of slots: a :class:`Word`, or None where anything but
    spaces separates two words (punctuation, a number, a line break) and at both ends.
    Words joined by a hyphen or full stop without spaces, or followed by the
    abbreviation sign, read as the whole compound, which no rule knows: कविता-संग्रह,
    माँ-बाप, एम॰ए॰, के॰ (an initial, not the postposition). Words are built on demand."""

    def __init__(self, document: Document) -> None:
        self.view, self.texts, self.starts = document.view, document.word_texts, document.word_starts
        # the few words the tables spell otherwise
        respelt = {word: aw.normal(word) for word in _RESPELT.select(document.word_set)}
        #: each slot's word in the tables' spelling (None for a break); each word's slot,
        #: packed (an int object per word held 16 MB of a 5 MB document's peak)
        self.words, slot_of = slot_layout(self.view, self.texts, self.starts, respelt)
        self.slot_of = array("L", slot_of)

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, k: int) -> Word | None:
        if not 0 <= k < len(self.words) or self.words[k] is None:
            return None
        return self.word(k)

    def word(self, k: int) -> Word:
        """The word in slot ``k``, which must hold one (a visited word's slot, or one whose
        :attr:`words` entry was seen to be a word)."""
        number = bisect_left(self.slot_of, k)
        text, start = self.texts[number], self.starts[number]
        return Word(text, self.words[k] or "", start, start + len(text))


def _respelt(word: str) -> bool:
    return aw.normal(word) != word


_RESPELT = Sieve(_respelt)


class Shown(NamedTuple):
    """What the agreeing words that may show a gender (no oblique form) show of the word
    right after them: the genders of those that show one (:func:`shown_gender`), and the
    word's spellings in those slots (a compound's where it is one's part)."""

    genders: set[aw.Gender]
    spellings: set[str]


@dataclass(frozen=True, slots=True)
class Analysis:
    """One document as G's rules read it: its slots and the genders in force. Rules
    visit only the words that concern them (an agreeing word, a verb form)."""

    slots: Slots
    word_index: Mapping[str, Sequence[int]]
    genders: Genders
    #: the document's words (as written), the set the sieves judge once (``Document.word_set``)
    word_set: frozenset[str]
    #: the gender the document's own agreeing words show, per noun asked (:func:`shown_gender`)
    shown: dict[str, Noun | None] = field(default_factory=dict)
    #: :func:`_after_agreeing`, made when first asked (:meth:`after_agreeing`)
    _after_agreeing: list[dict[str, Shown]] = field(default_factory=list)

    def after_agreeing(self) -> dict[str, Shown]:
        """What the agreeing words right before each word show (:func:`_after_agreeing`), made once."""
        if not self._after_agreeing:
            self._after_agreeing.append(_after_agreeing(self))
        return self._after_agreeing[0]

    def occurrences(self, wanted: Sieve) -> list[int]:
        """The slots of the words :meth:`numbers` gives, in order."""
        return list(map(self.slots.slot_of.__getitem__, self.numbers(wanted)))

    def numbers(self, wanted: Sieve) -> list[int]:
        """The numbers in the document's word list of the words ``wanted`` accepts (as
        written) that :func:`_may_visit` lets through, in order (their slots too:
        :meth:`occurrences`)."""
        words = filter(_may_visit, wanted.select(self.word_set))  # the few it accepts, not every word
        # C loops: no Python frame per word or occurrence; the numbers by bisection (a map
        # of every word's offset to its slot held 20 MB of a 5 MB document's peak)
        at = partial(bisect_left, self.slots.starts)
        return sorted(map(at, chain.from_iterable(map(self.word_index.__getitem__, words))))


#: The last letter, in the tables' spelling, of every word a rule visits: agreeing words
#: and perfectives end in a vowel or nasal sign, inflecting nouns in -आ (joiners and nukta
#: after it vanish from the genders' key).
_VISITED_ENDINGS = frozenset("ाेीआएईं\u200c\u200d\u093c")


def _may_visit(word: str) -> bool:
    """Whether any rule may visit ``word`` (as written), by its last letter."""
    return aw.normal(word)[-1:] in _VISITED_ENDINGS


def _analyse(ctx: Context) -> Analysis:
    document = ctx.document
    grammar = genders(ctx.config.section("grammar"))
    return Analysis(Slots(document), document.word_index, grammar, document.word_set)


def analysis(ctx: Context) -> Analysis:
    """The document as G reads it, once per document."""
    return ctx.shared("agreement", _analyse)


def shown_gender(document: Analysis, k: int) -> Noun | None:
    """The gender of the noun in slot ``k`` that the document's own agreeing words show,
    for a noun the counts leave open (:meth:`Genders.open_to`): every occurrence of it
    (as written) right after a feminine or a masculine direct form (लंबी चिट्ठी, एक नया
    पुर्ज़ा, उसकी चिट्ठी) and ending its phrase there shows one gender, and at least one
    does. Not a direct form or a genitive before a postposition (which may qualify a noun
    further on: का [चिट्ठी से] मतलब), nor anything before a genitive (छोटी [चिट्ठी की]
    बात); the oblique -े form is no evidence (के before a feminine noun is a common slip).
    Only the verb rules use it: the same agreeing words are what G001–G003 check."""
    slot = document.slots[k]
    return None if slot is None else shown_noun(document, slot.text, slot.normal)


def shown_nouns(document: Analysis) -> dict[str, Noun]:
    """Every word (as written) right after an agreeing word that takes a gender from the
    document's own agreeing words (:func:`shown_gender`)."""
    found: dict[str, Noun] = {}
    lexicon = document.genders
    for text, shown in document.after_agreeing().items():
        if len(shown.genders) != 1:
            continue  # no gender shown, whatever the spelling
        for word in sorted(shown.spellings):  # in one order whatever the hashes
            if word.endswith("ों") or not aw.is_candidate(word) or lexicon.guess(word):
                continue
            noun = shown_noun(document, text, word)  # one answer per text: the first spelling's
            if noun is not None:
                found[text] = noun
            break
    return found


def shown_noun(document: Analysis, text: str, word: str) -> Noun | None:
    """:func:`shown_gender` of the word ``text`` (as written; ``word`` in the tables'
    spelling), once per document."""
    if text not in document.shown:
        document.shown[text] = _shown(document, text, word)
    return document.shown[text]


def _evidence(word: str) -> bool:
    """An agreeing word whose form may show a noun's gender: not an oblique one."""
    found = aw.agreeing(word)
    return found is not None and found.form != "oblique"


_EVIDENCE = Sieve(_evidence)
#: Adverbs after a noun, which no compound goes on past (एक लंबी चिट्ठी [कल] आई).
_ADVERBS_AFTER = aw.word_set("आज कल अब तब फिर अभी यहां यहाँ वहां वहाँ नहीं")


def _shown(document: Analysis, text: str, word: str) -> Noun | None:
    lexicon = document.genders
    if word.endswith("ों") or not aw.is_candidate(word):
        return None  # an oblique plural is no bare noun (nor is क्यों, after की in की क्यों बढ़ी)
    if lexicon.guess(word) is not None or lexicon.ambigender(word):
        return None  # the counts decide, or the gender is the person's
    shown = document.after_agreeing().get(text)
    if shown is None or len(shown.genders) != 1:
        return None
    (gender,) = shown.genders
    return Noun(gender) if lexicon.open_to(word, gender) else None


def _after_agreeing(document: Analysis) -> dict[str, Shown]:
    """Each word (as written) right after an agreeing word that may show a gender, and
    what those show of it (:class:`Shown`): one that does is a feminine or masculine
    direct form after which the word ends its phrase (:func:`shown_gender`). Made in one
    pass over the agreeing words, not one over each noun's occurrences (a frequent noun
    has thousands)."""
    slots, lexicon = document.slots, document.genders
    words, slot_of, texts = slots.words, slots.slot_of, slots.texts
    last = len(texts) - 1
    found: dict[str, Shown] = {}
    for i in document.numbers(_EVIDENCE):
        k = slot_of[i]
        if i == last or slot_of[i + 1] != k + 1:
            continue  # a break after the agreeing word
        text = texts[i + 1]  # the word in slot k + 1
        shown = found.get(text)
        if shown is None:
            shown = found[text] = Shown(set(), set())
        shown.spellings.add(words[k + 1] or "")
        attribute = aw.attributive(words, k)
        if attribute is None or attribute.form == "oblique" or after_name(words, k, attribute):
            continue
        following = _at(words, k + 2)
        if following in aw.GENITIVE or not (ends_phrase(following, lexicon) or following in _ADVERBS_AFTER):
            continue
        if (following in aw.POSTPOSITIONS or _bare_postposition(following)) and (
            attribute.form == "direct" or attribute.kind in ("genitive", "possessive")
        ):
            continue
        shown.genders.add(attribute.gender)
    return found


def _oblique(noun: str, following: str | None) -> bool:
    """The noun (in the tables' spelling) is in the oblique case: a postposition
    follows, or it is an oblique plural."""
    return following in aw.POSTPOSITIONS or _bare_postposition(following) or noun.endswith("ों")


@dataclass(frozen=True, slots=True)
class Head:
    """The noun an agreeing word modifies, and what the words between show of it."""

    index: int
    noun: Noun
    following: str | None
    #: modifiers stood between (सबसे, इस, an adjective)
    skipped: bool
    #: one of them shows a singular direct noun (एक, बड़ा)
    singular: bool
    #: कि follows the auxiliary after the noun: the noun is the subject whose content the
    #: clause gives (इनकी मान्यता थी कि …), not a predicate
    before_clause: bool


class AttributeAgreement(Rule):
    """G001-G003: a genitive, possessive or adjective/participle vs the noun it modifies.

    Options: ``kinds``, which agreeing words this rule checks (genitive, possessive,
    adjective, participle)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        kinds = frozenset(self.options.get("kinds", ()))
        document = analysis(ctx)
        positions = document.occurrences(of_kinds(kinds))
        headless = _headless(document.genders, kinds)
        if headless is not None:  # C loops but for the word after each position
            words = document.slots.words
            following = [(words[k + 1] if k + 1 < len(words) else None) or "" for k in positions]
            dead, lexicon = set(filter(headless, set(following))), document.genders
            positions = [
                k
                for k, word in zip(positions, following, strict=True)
                if word not in dead and not _agrees(lexicon, words[k] or "", word)
            ]
        for position in positions:
            found = _attribute_finding(document, position, kinds)
            if found is None:
                continue
            yield correction(self, *found)


_ATTRIBUTES = frozenset({"adjective", "participle"})


@lru_cache(maxsize=64)
def _headless(lexicon: Genders, kinds: frozenset[str]) -> Callable[[str], bool] | None:
    """Whether a word (in the tables' spelling, or "" for a break) is one after which an
    agreeing word of ``kinds`` has no head :func:`_head` takes, whatever stands around:
    none passed over to reach another (:func:`head_slot`), and it is no noun of a known
    gender (remembered by word: only the words after the agreeing words are asked, not
    every word as a sieve would). None when ``kinds`` mixes adjectives or participles with
    genitives or possessives."""
    if kinds <= _ATTRIBUTES:
        return lru_cache(maxsize=1 << 16)(partial(_headless_after_attribute, lexicon))
    if kinds.isdisjoint(_ATTRIBUTES):
        return lru_cache(maxsize=1 << 16)(partial(_headless_after_genitive, lexicon))
    return None


def _no_head(lexicon: Genders, word: str) -> bool:
    return not aw.is_candidate(word) or _head_noun(lexicon, word) is None


def _head_noun(lexicon: Genders, word: str) -> Noun | None:
    """The noun a head word is: its guessed gender, or an inflecting -आ noun's -ए form (गड्ढे)."""
    return lexicon.guess(word) or lexicon.inflected(word)


def _stays_after_attribute(lexicon: Genders, word: str) -> bool:
    """:func:`head_slot` does not pass over ``word`` after an adjective or participle."""
    passed = word in aw.INVARIABLE_ADJECTIVES or _derived_adjective(word, lexicon)
    return not passed or lexicon.ambigender(word)


def _stays_after_genitive(lexicon: Genders, word: str) -> bool:
    """:func:`head_slot` does not pass over ``word`` after a genitive or possessive."""
    return word not in _FOCUS and (word in aw.GENITIVE or _no_modifier(lexicon, word))


def _headless_after_attribute(lexicon: Genders, word: str) -> bool:
    return _stays_after_attribute(lexicon, word) and _no_head(lexicon, word)


def _headless_after_genitive(lexicon: Genders, word: str) -> bool:
    return _stays_after_genitive(lexicon, word) and _no_head(lexicon, word)


@lru_cache(maxsize=1 << 16)
def _agrees(lexicon: Genders, word: str, following: str) -> bool:
    """Whether the agreeing ``word`` agrees with the noun ``following`` it whatever stands
    around (:func:`_expected` gives no form): that noun is its head (:func:`head_slot`
    passes over nothing) and has a known gender, and ``word`` is feminine before a
    feminine noun, or oblique (an adjective's excepted) before a masculine one that does
    not inflect. False where the two words do not settle it."""
    attribute = aw.agreeing(word)
    if attribute is None:
        return False
    stays = _stays_after_attribute if attribute.kind in _ATTRIBUTES else _stays_after_genitive
    if not stays(lexicon, following) or _no_head(lexicon, following):
        return False
    noun = lexicon.guess(following)
    if noun is None:
        return False
    if noun.gender == "f":
        return attribute.form == "feminine"
    return attribute.form == "oblique" and attribute.kind != "adjective" and not noun.inflects


def correction(rule: Rule, slot: Word, forms: tuple[str, ...], message: str) -> Diagnostic:
    """The finding on ``slot``: a fix to the one right form, or the forms to choose from
    when which one depends on what the text does not show."""
    if len(forms) == 1:
        return rule.replace(slot.start, slot.end, forms[0], message)
    return rule.diagnostic(slot.start, slot.end, message, suggestions=forms)


@cache
def of_kinds(kinds: frozenset[str]) -> Sieve:
    """The words (as written) that are agreeing words of one of ``kinds``."""

    def wanted(word: str) -> bool:
        found = aw.agreeing(word)
        return found is not None and found.kind in kinds

    return Sieve(wanted)


def _attribute_finding(
    document: Analysis, position: int, kinds: frozenset[str]
) -> tuple[Word, tuple[str, ...], str] | None:
    """(the agreeing word, its right forms, the message) if the word in slot
    ``position`` disagrees with its noun."""
    slots, words, i, lexicon = document.slots, document.slots.words, position, document.genders
    attribute = aw.attributive(words, i)
    if attribute is None or attribute.kind not in kinds:
        return None
    if attribute.kind == "possessive" and after_name(words, i, attribute):
        return None
    head = _head(words, i, attribute, lexicon)
    if head is None:
        return None
    head = _split_compound_head(words, i, attribute, head, lexicon) or head
    noun = words[head.index] or ""
    if not _expected(attribute, head, noun, pinned=True) or not (
        _ends_there(words, head, lexicon, attribute) or _before_light_verb(words, i, attribute, head)
    ):
        return None  # it agrees even with a pinned noun, which asks the most of it
    pinned = _pinned(words, attribute, head, lexicon)
    if pinned is None and (
        _stranded(words, i, attribute, head, lexicon) or _feminine_before(words, i, attribute, head)
    ):
        pinned = False
    forms = _expected(attribute, head, noun, pinned=pinned) if pinned is not None else ()
    if not forms or _listed(slots, head.index):
        return None
    slot, noun_slot = slots[i], slots[head.index]
    if slot is None or noun_slot is None or slots.view.startswith("-", noun_slot.end):
        return None  # पुलिस- प्रशासन: a compound's first word, its hyphen spaced off
    gender = aw.GENDER_NAMES[head.noun.gender]
    return (
        slot,
        forms,
        f"'{slot.text}' before {gender} '{noun_slot.text}': write {' or '.join(map(repr, forms))}",
    )


def _split_compound_head(
    words: list[str | None], i: int, attribute: aw.Agreeing, head: Head, lexicon: Genders
) -> Head | None:
    """A genitive or possessive and the adjective right after it disagree in gender (का
    नई खेल नीति, की नया शिक्षा नीति), so one is a slip: the bare nouns after them make a
    compound, whose last noun, before a postposition or verb, is the head both qualify
    (for the word at ``i``, one of the two). Not when the adjective and the noun after it
    name a place (का नई दिल्ली दौरा)."""
    g = i if attribute.kind in ("genitive", "possessive") else i - 1
    if g < 0 or head.index != g + 2:
        return None
    first, second = aw.attributive(words, g), aw.attributive(words, g + 1)
    if (
        first is None
        or second is None
        or first.kind not in ("genitive", "possessive")
        or second.kind != "adjective"
        or first.gender == second.gender
        or words[g + 2] in gazetteer.one_word_places()
    ):
        return None
    k = head.index
    while (following := _at(words, k + 1)) is not None and not ends_phrase(following, lexicon):
        if not aw.is_candidate(following) or _head_noun(lexicon, following) is None:
            return None  # not a compound of nouns the tables know
        k += 1
    noun = _head_noun(lexicon, words[k] or "")
    if k == head.index or noun is None:  # a break (None) ends the compound too
        return None
    return Head(k, noun, following, True, head.singular, _at(words, k + 2) == "कि")


def _feminine_before(words: list[str | None], i: int, attribute: aw.Agreeing, head: Head) -> bool:
    """The adjective or participle at ``i`` stands between a feminine genitive or
    possessive and its feminine ``head`` (सरकार की [नया] नीति में बदलाव): the phrase the
    genitive opens ends at that noun, so the word qualifies it, not a noun further on."""
    before = aw.agreeing(words[i - 1] or "") if i > 0 else None
    return (
        attribute.kind in _ATTRIBUTES
        and head.noun.gender == "f"
        and before is not None
        and before.kind in ("genitive", "possessive")
        and before.form == "feminine"
    )


def _listed(slots: Slots, j: int) -> bool:
    """The noun at ``j`` is followed by a comma and a list that a conjunction closes
    (के मॉडलिंग, सिमुलेशन एवं विश्लेषण): agreement with a list is a matter of style."""
    noun = slots[j]
    if noun is None or not slots.view[noun.end : noun.end + 2].lstrip().startswith(","):
        return False
    return any(_at(slots.words, k) in aw.CONJUNCTIONS for k in range(j + 2, j + 7))


#: Possessives of the first and second person, whose forms are also names (मेरी: Mary).
_NAME_LIKE_STEMS = aw.word_set("मेर तेर")


def after_name(words: list[str | None], i: int, attribute: aw.Agreeing) -> bool:
    """A possessive that may be a name, after a word that may be a noun or name: संत
    मेरी चर्च is Mary's church. A third-person possessive is a pronoun after any word
    (पत्रकारिता के जरिए उनके उल्लेखनीय सेवाओं)."""
    before = words[i - 1] if i > 0 else None
    return attribute.stem in _NAME_LIKE_STEMS and before is not None and aw.is_candidate(before)


def head_slot(words: list[str | None], i: int, attribute: aw.Agreeing, lexicon: Genders) -> tuple[int, bool]:
    """Where the noun the word at ``i`` modifies may stand: the next slot, or for a
    genitive or possessive the first after सबसे, एक, इस or adjectives (derived ones
    too: :func:`_derived_adjective`), for an adjective or participle the first after
    invariable adjectives (सबसे बड़ा निजी विश्वविद्यालय); and whether a word passed over
    shows a singular direct noun (एक, बड़ा)."""
    j, singular = i + 1, False
    if attribute.kind in ("adjective", "participle"):
        while (
            (between := _at(words, j)) is not None
            and (between in aw.INVARIABLE_ADJECTIVES or _derived_adjective(between, lexicon))
            and not lexicon.ambigender(between)  # पहला प्रमुख थे: the chief
        ):
            j += 1
    else:
        if _at(words, j) in _FOCUS:
            j += 1  # धर्म की भी साधना
        while j < len(words) and (between := words[j]) is not None and between not in aw.GENITIVE:
            if _no_modifier(lexicon, between):
                break
            modifier = aw.attributive(words, j)
            if (
                between not in _MODIFIERS
                and (modifier is None or modifier.kind == "possessive")
                and not _derived_adjective(between, lexicon, participles=True)
            ):
                break
            singular = singular or between == "एक" or (modifier is not None and modifier.form == "direct")
            j += 1
            like = _LIKE[modifier.form] if modifier is not None and modifier.kind == "adjective" else None
            if like is not None and _at(words, j) == like:
                j += 1  # एक छोटा सा नगर: सा agrees with its adjective
    return j, singular


@lru_cache(maxsize=1 << 16)
def _no_modifier(lexicon: Genders, word: str) -> bool:
    """A word :func:`head_slot` never passes over after a genitive or possessive,
    whatever stands before it: no modifier, agreeing word (but a possessive) or derived
    adjective. (हुआ/हुई/हुए are not decided here: they modify only after a participle.)"""
    found = aw.agreeing(word)
    return (
        word not in _MODIFIERS
        and (found is None or found.kind == "possessive")
        and not _derived_adjective(word, lexicon, participles=True)
    )


def _head(words: list[str | None], i: int, attribute: aw.Agreeing, lexicon: Genders) -> Head | None:
    """The noun the word at ``i`` modifies: the next word, or for a genitive or
    possessive the first after सबसे, एक, इस or adjectives; only if its gender is known
    (whether it ends its phrase, :func:`_ends_there` tells, and whether it is pinned,
    :func:`_pinned` reads on to tell)."""
    j, singular = head_slot(words, i, attribute, lexicon)
    word = words[j] if j < len(words) else None
    if word is None or not aw.is_candidate(word) or aw.nasal_slipped_postposition(word):
        return None
    following = words[j + 1] if j + 1 < len(words) else None
    if _ergative_ki(words, j + 1):
        following = None  # पुल का उद्घाटन की।: की is the verb, and the noun ends its phrase before it
    noun = _head_noun(lexicon, word)
    adverb = word in _TIMES_AS_ADVERBS and following not in aw.POSTPOSITIONS
    if noun is None or (adverb and not (attribute.kind == "adjective" and j == i + 1)):
        # मंत्रालय के [शाम] जारी आंकड़ों: a time of day without a postposition is an adverb,
        # which an adjective right before it still qualifies (तीसरा बार → तीसरी बार)
        return None
    if attribute.kind in ("adjective", "participle") and _infinitive(word):
        return None  # स्थिति अच्छी रहने पर: a predicate adjective before an infinitive
    return Head(j, noun, following, j > i + 1, singular, _at(words, j + 2) == "कि")


def _ergative_ki(words: list[str | None], k: int) -> bool:
    """की or कीं at ``k`` is करना's perfective, not the genitive: it ends a verb group
    (punctuation, an auxiliary or a clause break follows) in a clause with ने."""
    return (
        _at(words, k) in _VERB_KI
        and _ends_verb_group(_at(words, k + 1))
        and _ergative_before(words, k) is not None
    )


#: की and कीं, which are also the genitive.
_VERB_KI = aw.word_set("की कीं")


def _ends_there(words: list[str | None], head: Head, lexicon: Genders, attribute: aw.Agreeing) -> bool:
    """Whether the noun phrase ends at ``head``'s noun: asked only of a head the agreeing
    word may disagree with (most agree, and the question costs more than the answer)."""
    j, following = head.index, head.following
    ends = (
        ends_phrase(following, lexicon)
        or _compound_verb(words, j + 1, lexicon)
        or _after_direct_determiner(words, j, following)
        or _adjective_after(following)
        or (attribute.kind == "adjective" and following is not None and _infinitive(following))
        or (words[j] in _TIMES_AS_ADVERBS and not head.skipped)  # तीसरी बार [ख़िताब]: an adverb
        or _approximate_amount(words, j + 1)  # पूरी घोटाला [क़रीब चार सौ करोड़] का है
    )
    # उनके जेल चले जाने पर: चले begins a compound verb
    return (ends or _predicate_adjective(words, j + 1, lexicon)) and not (
        aw.intransitive_perfective(following or "") and not _ends_verb_group(_at(words, j + 2))
    )


#: Words of approximation before an amount (क़रीब चार सौ, लगभग 400).
_APPROXIMATELY = aw.word_set("करीब लगभग तकरीबन")


def _approximate_amount(words: list[str | None], k: int) -> bool:
    """An amount given roughly begins at ``k`` (क़रीब चार सौ, लगभग 400: a number is no
    word, a break in the slots): a phrase of its own."""
    if _at(words, k) not in _APPROXIMATELY:
        return False
    amount = _at(words, k + 1)
    return amount is None or amount in NUMBER_WORDS


def _adjective_after(following: str | None) -> bool:
    """An adjective after a noun opens a phrase of its own or is a predicate (किसानों का
    आंदोलन [पिछले] साल से, फ़सल [पूरी] तरह): one comes before the noun it qualifies."""
    found = aw.agreeing(following) if following else None
    return found is not None and found.kind == "adjective"


#: Demonstratives only in the direct case: the phrase they open is direct (यह फैसला).
_DIRECT_DETERMINERS = aw.word_set("यह वह")


def _after_direct_determiner(words: list[str | None], j: int, following: str | None) -> bool:
    """The noun at ``j`` follows यह or वह and an oblique noun follows it (की यह फैसला
    किसानों के हित में): that noun heads no compound with it, which would want इस or उस."""
    return (
        _at(words, j - 1) in _DIRECT_DETERMINERS
        and following is not None
        and aw.is_candidate(following)
        and _oblique(following, _at(words, j + 2))
    )


#: Roots whose imperfective makes one verb with the noun before it (कोशिश करती है).
_LIGHT_ROOTS = aw.word_set("कर रख दे ले हो")
#: Words after an imperfective that make it a participle's clause, whose subject takes के
#: (सरकार के घोषणा करते ही, उसके काम करते हुए).
_PARTICIPLE_CLAUSE = aw.word_set("ही हुए")
#: Words after a light verb's imperfective that go on its verb group (करती हूँ, करती रहती).
_IMPERFECTIVE_GOES_ON = aw.word_set("हूँ हूं रहा रही रहे रहता रहती रहते")


def _before_light_verb(words: list[str | None], i: int, attribute: aw.Agreeing, head: Head) -> bool:
    """Whether the genitive or possessive at ``i`` qualifies a noun that makes one verb with
    the imperfective of a light verb after it, which ends the verb group (का भविष्यवाणी
    [करता है], का मदद [करती है], की प्रतिनिधित्व [करती है]): the noun is its head and ends
    its phrase. के not before ही or हुए (सरकार के घोषणा करते ही: the genitive is the
    participle's subject, which का and की never are: जनता का कद्र करते हुए → की), nor a
    verb's root (के समझ [लेता है] is समझ लेना), nor after बिना (बिना
    किसी अनुवादक के), nor an adjective, which may stand for a noun (एक …, दूसरा डयूएलिंग
    होता है)."""
    if (
        attribute.kind not in ("genitive", "possessive")
        or words[head.index] in _ROOTS
        or _after_bina(words, i)
    ):
        return False
    split = aw.gendered(head.following or "")
    if split is None or not split[0].endswith("त") or split[0][:-1] not in _LIGHT_ROOTS:
        return False
    after = _at(words, head.index + 2)
    if after in _PARTICIPLE_CLAUSE:
        return attribute.form != "oblique"  # जनता का कद्र करते हुए: only के is a subject's
    return (
        after is None
        or after in aw.AUXILIARY_VERBS
        or after in aw.CLAUSE_BREAKS
        or after in _IMPERFECTIVE_GOES_ON
    )


#: Forms of होना and रहना after a predicate adjective (गलत होगा, सही रहा), besides है, था ….
_COPULAS = aw.AUXILIARY_VERBS | aw.word_set("होगा होगी होंगे होंगी रहा रही रहे रहेगा रहेगी रहेंगे रहेंगी")


#: Adverbs of degree before a predicate adjective (बिल्कुल गलत, बेहद अहम).
_INTENSIFIERS = aw.word_set("बिल्कुल बिलकुल बहुत काफी काफ़ी बेहद अत्यंत अत्यन्त पूरी")


def _predicate_adjective(words: list[str | None], k: int, lexicon: Genders) -> bool:
    """An invariable adjective at ``k`` that is the predicate of a copula after it (फ़ैसला
    [गलत] है, [सही] नहीं था): it ends the noun phrase before it, as the copula would. A
    predicative or invariable adjective or a derived one (:func:`_derived_adjective`); not
    a person's noun (विभाग [प्रमुख] है: the chief)."""
    while _at(words, k) in _INTENSIFIERS:
        k += 1  # [बिल्कुल] गलत है
    word, m = _at(words, k), k + 1
    while _at(words, m) in _PARTICLES:
        m += 1
    if word is None or _at(words, m) not in _COPULAS or lexicon.ambigender(word):
        return False
    return (
        word in aw.PREDICATIVE_ADJECTIVES
        or word in aw.INVARIABLE_ADJECTIVES
        or _derived_adjective(word, lexicon, participles=True)
    )


#: Nouns of the time of day and बार, which stand as adverbs without a postposition.
_TIMES_AS_ADVERBS = aw.word_set("सुबह शाम रात दोपहर बार")

#: Verbs whose perfective after a bare root completes a compound verb (बन गई, बेच दी).
_VECTORS = aw.word_set("जा दे ले")
#: Aspect words after a bare root that make a verb group with it (बढ़ रही, बन चुकी, हो
#: सकती), by gender.
_ASPECT_GENDERS = {
    aw.normal(word): gender
    for gender, words in (("m", "रहा रहे चुका चुके सकता सकते"), ("f", "रही रहीं चुकी चुकीं सकती सकतीं"))
    for word in words.split()
}


def _compound_verb(words: list[str | None], k: int, lexicon: Genders) -> bool:
    """Whether a compound verb begins at ``k``: a bare verb root that is no noun, then a
    perfective of जाना, देना or लेना or an aspect word (रही, चुकी, सकती) of the gender of
    the noun before ``k`` (समस्या [बन गई], इमारत [गिर गई], अर्थव्यवस्था [बढ़ रही]); it ends
    that noun's phrase as the perfective alone would. Not when its gender differs: the
    noun may name a woman (पहली एथलीट बन गईं)."""
    root, after = _at(words, k), _at(words, k + 1) or ""
    vector = aw.perfective(after)
    gender = vector.gender if vector is not None and vector.root in _VECTORS else _ASPECT_GENDERS.get(after)
    noun = lexicon.guess(_at(words, k - 1) or "")
    return (
        root is not None
        and (root in aw.INTRANSITIVE_ROOTS or root in aw.TRANSITIVE_ROOTS)
        and lexicon.noun(root) is None
        and gender is not None
        and noun is not None
        and gender == noun.gender
    )


def _pinned(words: list[str | None], attribute: aw.Agreeing, head: Head, lexicon: Genders) -> bool | None:
    """Whether a genitive of another form after ``head``'s noun makes it the head
    (:func:`_before_other_genitive`), as the words after it settle it; None if the
    agreeing word may belong to a noun further on."""
    j = head.index
    reaches = _may_reach_past(words, j, attribute, lexicon)
    pinned = reaches and _before_other_genitive(words, j, attribute, lexicon)
    if reaches and not pinned and _may_belong_further(words, j + 2, attribute, lexicon):
        return None
    return pinned


#: Case markers after which a feminine noun may end the one phrase के could qualify.
_SIMPLE_CASES = aw.word_set("से में पर को तक")
#: Words before a genitive that make its के a compound postposition's (बिना अनुमति के).
_COMPOUND_OPENERS = aw.word_set("बिना बगैर बग़ैर")
#: Verb roots, which stand bare before a light verb.
_ROOTS = aw.TRANSITIVE_ROOTS | aw.INTRANSITIVE_ROOTS | aw.CLAUSAL_ROOTS
#: Light verbs and auxiliaries that go on a verb group after its root (आ गया, ले लिया, दिख रहा).
_VERB_GROUP = aw.AUXILIARY_VERBS | aw.word_set(
    """गया गई गए गईं लिया ली लिए दिया दी दिए रहा रही रहे चुका चुकी चुके सकता सकती सकते
    जाता जाती जाते हो होगा होगी होंगे"""
)


def _after_bina(words: list[str | None], i: int) -> bool:
    """The genitive at ``i`` closes a compound postposition that बिना opens (बिना अनुमति के)."""
    return any(word in _COMPOUND_OPENERS for word in words[max(0, i - 3) : i])


def _stranded(words: list[str | None], i: int, attribute: aw.Agreeing, head: Head, lexicon: Genders) -> bool:
    """Whether the oblique genitive, possessive or adjective at ``i`` (के, अपने, दूसरे)
    before a feminine noun and a case marker can qualify nothing further on, so that the
    noun is its head (वायरस के [चपेट] में आ गया, अपने [चपेट] में ले लिया): from the case
    marker to the end of the clause stand only particles, feminine nouns and adjectives and
    one verb group (a root and the light verbs and auxiliaries after it), or a direct
    pronoun and the subject phrase it opens (समाधान के [दृष्टि] से यह अत्यन्त उपादेय है).
    A noun of another or no known gender, an infinitive, a participle before a noun, a
    genitive or a conjunction before the verb may be what the word qualifies (ग्राहकों के
    [दुकान में] घुसने से पहले, कोरोना के [गर्मी के] मौसम में) and leave it alone, as do
    बिना before it (बिना परीक्षा के [अगली कक्षा] में), a place for the noun and a time
    (के बार में is a slip for के बारे में)."""
    further = _further_gender(attribute, head)
    if further is None or head.following not in _SIMPLE_CASES:
        return False
    if words[head.index] in _TIMES_AS_ADVERBS or words[head.index] in gazetteer.one_word_places():
        return False  # इसके बार (बारे) में; अधिनियम 1935 के [तहत] दिल्ली में: a place is no genitive's noun
    if _after_bina(words, i) or (i > 0 and words[i - 1] in aw.AUXILIARIES):
        return False  # बिना अनुमति के; हैं के (कि)
    verb = subject = False
    for k in range(head.index + 2, head.index + 10):
        word = _at(words, k)
        if word is None or word in aw.CLAUSE_BREAKS or (verb and word in aw.CONJUNCTIONS):
            return verb
        if word in _PARTICLES:
            continue
        if word in _VERB_GROUP or _finite_verb(word, lexicon):
            verb = True
            continue
        if verb or _infinitive(word) or _attributive_participle(words, k):
            return False  # a participle before its noun (रैली में पहुंचे लोग), an infinitive's clause
        if subject or word in _PRONOUNS:
            subject = True  # a direct pronoun opens the clause's subject (दृष्टि से [यह …] है)
            continue
        if _at(words, k + 1) in _VERB_GROUP and (word in _ROOTS or not lexicon.known(word)):
            continue  # a verb's root (आ गया, ले लिया, दिख रहा)
        found = aw.agreeing(word)
        if found is not None and found.kind == "adjective" and (found.form == "feminine") == (further == "f"):
            continue
        noun = lexicon.guess(word) if aw.is_candidate(word) else None
        if noun is None or noun.gender != further or _at(words, k + 1) in aw.GENITIVE:
            return False
    return False


def _further_gender(attribute: aw.Agreeing, head: Head) -> aw.Gender | None:
    """The gender of the nouns after ``head``'s case marker that ``attribute`` cannot
    qualify, for a form that does not fit the head: the head's own. An oblique form
    before a feminine noun (के [चपेट] में) or a feminine one right before a masculine noun
    (की [नाम] से) might qualify a noun of the other gender further on, but not one of the
    head's."""
    if attribute.form == "oblique" and head.noun.gender == "f":
        return "f"
    if attribute.form == "feminine" and head.noun.gender == "m" and not head.skipped:
        return "m"  # right before it: past a skipped word (की अनुमित इस आधार पर) it may be that word's
    return None


#: Endings of adjectives derived from nouns (आर्थिक, भारतीय) and of superlatives
#: (नवीनतम), which do not inflect; and of participles in -इत (निर्वासित, अखंडित), which
#: a genitive or possessive reaches past (after an adjective or participle, one may open
#: a phrase of its own: लगी हुई [अनियमित आकार की] दो आकाशगंगाएं).
_DERIVED_ADJECTIVE_ENDINGS = ("िक", "ीय", "तम")
_PARTICIPLE_ENDING = "ित"


def _derived_adjective(word: str, lexicon: Genders, participles: bool = False) -> bool:
    """A derived adjective (आर्थिक नीति, सर्वाधिक, पवित्रतम; with ``participles`` also
    निर्वासित) between a genitive and its noun: its ending says so, and the counts give
    it no gender of its own (सैनिक, मालिक and उत्तम are nouns or persons, never skipped)."""
    return (
        len(word) > 3
        and (word.endswith(_DERIVED_ADJECTIVE_ENDINGS) or (participles and word.endswith(_PARTICIPLE_ENDING)))
        and lexicon.noun(word) is None
        and not lexicon.ambigender(word)
        and not lexicon.known(word)
    )


def _at(words: list[str | None], k: int) -> str | None:
    return words[k] if k < len(words) else None


def _infinitive(word: str) -> bool:
    """An oblique infinitive (रहने, आने)."""
    return word.endswith("ने") and lexicon_words.known(word[:-1] + "ा")


#: Nouns that form compound postpositions after के/की and are nouns without them.
_POSTPOSITION_NOUNS = aw.word_set("साथ तरह जगह ओर तरफ तरफ़ वजह रूप कारण")
#: Ordinals, which in -आ also enumerate (पहला …, दूसरा …).
_ORDINALS = aw.word_set("पहल दूसर तीसर चौथ")


def _may_reach_past(words: list[str | None], j: int, attribute: aw.Agreeing, lexicon: Genders) -> bool:
    """Whether the agreeing word may qualify a noun beyond the postposition after its
    noun at ``j``: a genitive or possessive past any postposition phrase (जिनका [रोगी से]
    संपर्क), an adjective or participle past a genitive phrase (छोटी [गांव की] लड़की) or
    into a participle's phrase (सच्चा, [दिल को] सुकून देने वाला), but not past से, में or
    को otherwise (पैदा हुई [अनिश्चितता] से बाज़ार गिरा). A possessive also past अनुसार or
    मुताबिक without के (उसका [नियम अनुसार] काम)."""
    following = words[j + 1] if j + 1 < len(words) else None
    if attribute.kind == "possessive" and _bare_postposition(following):
        return True  # उसका [नियम अनुसार] काम
    if following not in aw.POSTPOSITIONS:
        return False
    if following == "ने" and attribute.kind in ("genitive", "possessive"):
        # a subject with ने is reached past only to a noun that agrees (उसकी [केंद्र ने] भी
        # तारीफ की); otherwise it is the head (उनकी पिता ने काम किया: उनके)
        return _agreeing_noun_follows(words, j + 2, attribute, lexicon) or _participle_follows(words, j + 2)
    if attribute.kind in ("genitive", "possessive") or following in aw.GENITIVE:
        return True
    if attribute.stem in _ORDINALS and attribute.form == "direct":
        return True  # पहला, दुनिया से …; दूसरा, हाथों को …: an enumeration
    return _participle_follows(words, j + 2)


def _agreeing_noun_follows(words: list[str | None], k: int, attribute: aw.Agreeing, lexicon: Genders) -> bool:
    """Whether the first noun from ``k``, past particles, modifiers and adjectives, is one
    whose gender the counts know and the agreeing word's is."""
    while (word := _at(words, k)) is not None and (
        word in _PARTICLES or word in _MODIFIERS or aw.attributive(words, k) is not None
    ):
        k += 1
    noun = lexicon.noun(word) if word is not None and aw.is_candidate(word) else None
    return noun is not None and noun.gender == attribute.gender


def _participle_follows(words: list[str | None], start: int) -> bool:
    """Whether a participle before a noun stands within four words from ``start``,
    before a break: it may open a phrase the agreeing word reaches into (सच्चा, [दिल को]
    सुकून देने वाला). Without one, a noun with ने after it is the clause's subject, which
    nothing before it reaches past (उनकी पिता ने काम किया: उनके)."""
    for k in range(start, start + 4):
        word = _at(words, k)
        if word is None:
            return False
        if _attributive_participle(words, k):
            return True
    return False


#: How far after a genitive that follows the noun a participle or infinitive is sought.
_NESTED_REACH = 6


def _before_other_genitive(words: list[str | None], j: int, attribute: aw.Agreeing, lexicon: Genders) -> bool:
    """Whether a genitive or possessive can only qualify its noun at ``j`` because a
    genitive of another form follows that noun (शत्रुघ्न के [पत्नी का] नाम): that genitive
    agrees with the noun after it, which the first would agree with too. Not when a
    participle or infinitive follows, which may make the phrase a modifier of a noun
    further on (उनके [पत्नी का नाम बदलने] पर, not स्थापना, a noun), nor before a compound
    postposition (राम के [बहन की तरह] बाल)."""
    inner = _at(words, j + 1)
    if inner not in aw.GENITIVE or aw.GENITIVE[inner] == attribute.form or inner == "के":
        return False
    for k in range(j + 2, j + 2 + _NESTED_REACH):
        word = _at(words, k)
        if word is None or word in aw.AUXILIARIES or word in aw.CLAUSE_BREAKS:
            return True
        if aw.key(word) in aw.COMPOUND_POSTPOSITIONS or word in _POSTPOSITION_NOUNS:
            return False
        if _infinitive(word) or (word.endswith("ना") and lexicon.noun(word) is None):
            return False
        if _attributive_participle(words, k):
            return False
        if aw.perfective(word) is not None or aw.intransitive_perfective(word):
            return True  # a finite verb ends the clause
    return False


def _attributive_participle(words: list[str | None], k: int) -> bool:
    """The word at ``k`` is a participle before a noun, which may open a phrase that
    qualifies a noun further on (देने वाला काम, बात पर आए प्रश्न), not a finite verb."""
    word = words[k] or ""
    found = aw.agreeing(word)
    if found is not None and found.kind == "participle":
        return True
    verb = aw.perfective(word) is not None or aw.intransitive_perfective(word)
    return verb and not _ends_verb_group(_at(words, k + 1))


def _may_belong_further(words: list[str | None], k: int, attribute: aw.Agreeing, lexicon: Genders) -> bool:
    """Whether the agreeing word may modify a noun after the postposition phrase that
    follows its noun (जिनका [रोगी से] संपर्क, अपनी [हमले की] योजना, आने वाले [गर्मी के]
    मौसम, उन के [सत्ता में] आने, का [हाथ से बुना हुआ] कपड़ा, का [एक भाषा से दूसरी भाषा
    में] अनुवाद): yes unless, past particles, modifiers and further postposition phrases,
    what comes at ``k`` ends the matter: the end, punctuation, a closed-class word, a
    finite verb, a compound postposition (which a possessive may reach past: उसका
    [सरकार के ख़िलाफ़] बयान; a genitive only to a noun that agrees with it,
    :func:`_agreeing_head_follows`), or a noun of the other gender."""
    for _ in range(4):
        while (
            k < len(words)
            and (word := words[k]) is not None
            and word not in aw.GENITIVE
            and (
                word in _PARTICLES
                or word in _MODIFIERS
                or word in aw.CONJUNCTIONS
                or aw.attributive(words, k) is not None
            )
        ):
            k += 1
        word = words[k] if k < len(words) else None
        if word is None:
            return False
        if (
            words[k - 1] in aw.GENITIVE
            and _infinitive(_at(words, k + 1) or "")
            and _at(words, k + 2) in aw.CASE_MARKERS
            and _at(words, k + 2) not in aw.GENITIVE
        ):
            k += 3  # की [दिल का दौरा पड़ने से] मौत: an infinitive's clause with a genitive of its own
            continue
        if word in _POSTPOSITION_NOUNS and words[k - 1] not in aw.GENITIVE:
            return True  # a noun without के (का [एक्टिंग में] साथ देना), no postposition
        if aw.intransitive_perfective(word) and lexicon.noun(word) is None:
            return _attributive_participle(words, k)  # के [बात पर आए] प्रश्न
        if _finite_verb(word, lexicon):
            after = words[k + 1] if k + 1 < len(words) else None
            return after is not None and (
                aw.agreeing(after) is not None or aw.passive_auxiliary(words, k + 1) is not None
            )
        compound = aw.key(word) in aw.COMPOUND_POSTPOSITIONS
        if compound and attribute.kind in ("genitive", "possessive") and words[k - 1] in aw.GENITIVE:
            k += 2 if _at(words, k + 1) in aw.POSTPOSITIONS else 1
            if attribute.kind == "genitive":
                # का [बीमारी के बाद] निधन; but के अनुसार names a source for the whole clause, not
                # for a noun (वाशिंगटन की [एक अख़बार के अनुसार] बात: के)
                return not _bare_postposition(word) and _agreeing_head_follows(words, k, attribute, lexicon)
            if _opens_phrase(_at(words, k)):
                return False  # इनका देहांत के बाद [इनके] भतीजे, उसके मर्जी के बिना [वो]
            continue  # इसका [भाषा के रूप में] इस्तेमाल: look past the compound postposition
        if compound or word in aw.FUNCTION_WORDS:
            return False
        if _direct_form(attribute) and (last := _before_postposition(words, k)) is not None:
            if _infinitive(words[last] or ""):
                return True  # कपूर का [पार्टी में] शामिल होने के बाद: the infinitive's, not a noun's
            k = last + 2  # का, अपना or बड़ा never agree with a noun before a postposition: look past it
            if _at(words, k) in _POSTPOSITION_NOUNS and words[k - 1] in aw.GENITIVE:
                k += 1  # [रिंगटोन की जगह]: a compound postposition, not a noun to agree with
            continue
        oblique = _at(words, k + 1) in aw.POSTPOSITIONS
        candidate = aw.is_candidate(word)
        if candidate and _direct_form(attribute) and not oblique and _plural_predicate(words, k + 1):
            return False  # का [कार्रवाई से] लोग नाराज़ हैं: का qualifies no plural noun
        noun = lexicon.noun(word) if candidate else None
        if noun is None or noun.gender == attribute.gender:
            return True
        if not oblique:
            return False
        k += 2  # a noun of the other gender in another postposition phrase: look past it
    return False


#: Auxiliaries in the masculine plural (or honorific): a noun they follow is not singular.
_PLURAL_AUXILIARIES = aw.word_set("हैं थे")


def _plural_predicate(words: list[str | None], k: int) -> bool:
    """Whether the noun before ``k`` is the subject of a plural verb: within three words,
    before a break, a postposition or a conjunction, हैं, थे or a masculine plural
    perfective that ends its verb group (लोग नाराज़ [हैं], लोग घर [आए]; not जाने वाला)."""
    for m in range(k, k + 3):
        word = _at(words, m)
        if word is None or word in aw.POSTPOSITIONS or word in aw.CONJUNCTIONS:
            return False
        if word in _PLURAL_AUXILIARIES:
            return True
        verb = aw.perfective(word)
        plural = (verb is not None and verb.gender == "m" and verb.plural) or (
            aw.intransitive_perfective(word) and word.endswith(("ए", "े"))
        )
        if plural and _ends_verb_group(_at(words, m + 1)):
            return True
    return False


def _agreeing_head_follows(words: list[str | None], k: int, attribute: aw.Agreeing, lexicon: Genders) -> bool:
    """Whether a genitive, read past an adverbial postposition phrase, meets a noun at
    ``k`` that it agrees with (का [लंबी बीमारी के बाद] निधन, की [इलाज के दौरान] मौत):
    past particles and modifiers, a noun of its gender whose gender the counts know, in
    the direct case for का; nouns of the other gender in further postposition phrases
    (any noun there, for का) are passed over, but nothing else (a verb, a closed-class
    word, a noun of no known gender but an infinitive) is. Agreement is the evidence that the genitive may
    belong there, not to the noun before."""
    for _ in range(3):
        while (word := _at(words, k)) is not None and (
            word in _PARTICLES
            or word in _MODIFIERS
            or aw.attributive(words, k) is not None
            or _attributive_participle(words, k)  # की [सोमवार को … के साथ] हुई बैठक
        ):
            k += 1
        if word is None or not aw.is_candidate(word) or _finite_verb(word, lexicon):
            return False
        noun, following = lexicon.noun(word) or _verbal_noun(word), _at(words, k + 1)
        direct = attribute.form == "direct"
        if (
            noun is not None
            and noun.gender == attribute.gender
            and not (direct and _oblique(word, following))
        ):
            return True
        if following not in aw.POSTPOSITIONS or following in aw.GENITIVE or (noun is None and not direct):
            return False
        k += 2  # अस्पताल में: a noun in another postposition phrase (का agrees with none), look past it
    return False


#: What an infinitive is as a noun: masculine, inflecting (रहना, रहने).
_VERBAL_NOUN = Noun("m", inflects=True)


def _verbal_noun(word: str) -> Noun | None:
    """An infinitive as a noun (का [बीमारी के बाद] घर पर रहना), if ``word`` is one."""
    infinitive = _infinitive(word) or (word.endswith("ना") and lexicon_words.known(word))
    return _VERBAL_NOUN if infinitive else None


def _direct_form(attribute: aw.Agreeing) -> bool:
    """का, अपना, बड़ा: a masculine direct form, not an ordinal's (which may stand alone:
    पहला, दुनिया से …)."""
    return attribute.form == "direct" and attribute.stem not in _ORDINALS


def _before_postposition(words: list[str | None], k: int) -> int | None:
    """The last word of the noun or compound (मलेरिया बुखार) at ``k`` if a postposition
    follows it."""
    last = k + 1 if aw.is_candidate(_at(words, k + 1) or "") else k
    return last if _at(words, last + 1) in aw.POSTPOSITIONS else None


def _opens_phrase(word: str | None) -> bool:
    """A direct pronoun or a possessive, which begins a noun phrase of its own."""
    found = aw.agreeing(word) if word else None
    return word in _PRONOUNS or (found is not None and found.kind == "possessive")


@lru_cache(maxsize=1 << 16)
def ends_phrase(following: str | None, lexicon: Genders) -> bool:
    """:func:`agreement_words.ends_phrase`, or a finite verb (:func:`_finite_verb`)."""
    return (
        aw.ends_phrase(following)
        or following in _PRONOUNS
        or _bare_postposition(following)
        or (following is not None and _finite_verb(following, lexicon))
    )


#: Compound postpositions that may follow a noun without के (जनगणना अनुसार, रिपोर्ट
#: मुताबिक): the noun before them ends its phrase, in the oblique.
_BARE_POSTPOSITIONS = frozenset(map(aw.key, aw.word_set("अनुसार मुताबिक")))


def _bare_postposition(word: str | None) -> bool:
    """Whether ``word`` is one of :data:`_BARE_POSTPOSITIONS`, in any spelling."""
    return word is not None and aw.key(word) in _BARE_POSTPOSITIONS


#: Pronouns in the direct case: one after a noun begins a new phrase (की ख़ास चीज़ यह है).
_PRONOUNS = aw.word_set("यह वह ये वे वो")


def _finite_verb(word: str, lexicon: Genders) -> bool:
    """A perfective verb that is not also a noun (कमाई): of a transitive (नीति रखी) or an
    intransitive verb (नीति बनी, जांच हुई; the counts meet these after की, as in की बनी)."""
    if aw.intransitive_perfective(word):
        return lexicon.noun(word) is None
    return aw.perfective(word) is not None and not lexicon.known(word)


def _expected(attribute: aw.Agreeing, head: Head, noun: str, *, pinned: bool) -> tuple[str, ...]:
    """The forms ``attribute`` may take before the head ``noun`` (in the tables'
    spelling): one, or the masculine two when the noun's number does not show; empty
    when it may be right as it is (with a ``pinned`` head at least as often as without)."""
    if attribute.form == "oblique" and head.skipped and head.following in aw.AUXILIARY_VERBS:
        return ()  # उनके एक बहन है: the के of having, as in उसके दो बेटे हैं
    if (attribute.kind, attribute.form, head.noun.gender) == ("adjective", "oblique", "m") and (
        head.following == "था"
    ):
        return (attribute.inflect("direct"),)  # अच्छे योद्धा था: था shows one, not the honorific
    if _AUXILIARY_GENDER.get(head.following or "") == attribute.gender and not head.before_clause:
        return ()  # प्रेरणा की स्रोत थीं: a predicate that the writer made agree with its subject
    if head.noun.gender == "f":
        return () if attribute.form == "feminine" else (attribute.inflect("feminine"),)
    oblique = _oblique(noun, head.following)
    # a singular direct noun: an -आ noun like हिस्सा, or एक/बड़ा before it (not उनके एक भाई थे)
    direct = not oblique and (head.noun.inflects or (head.singular and head.following in _SINGULAR))
    if attribute.form == "feminine":
        if oblique or noun.endswith("े"):
            return (attribute.inflect("oblique"),)
        if direct:
            return (attribute.inflect("direct"),)
        return (attribute.inflect("direct"), attribute.inflect("oblique"))  # number unseen
    if attribute.form == "oblique":
        return (attribute.inflect("direct"),) if direct else ()
    if not oblique or (head.skipped and not pinned and not noun.endswith("ों")):
        return ()  # उसका इस मामले में कहना: the genitive may belong further on
    return (attribute.inflect("oblique"),)


#: Nouns used as adverbs of time or manner (पहली बार, इस तरह, रात): never a verb's subject
#: or object, whatever their gender.
_ADVERBIAL_NOUNS = aw.word_set("बार दफा दफ़ा तरह प्रकार रात सुबह शाम दोपहर तारीख तारीख़ सदी साल वर्ष दिन")
#: Auxiliaries and their forms in the other gender, carried along when a verb is corrected.
_AUX_GENDER = {"था": "थी", "थी": "था", "थे": "थीं", "थीं": "थे"}
#: Words after which a verb group has ended (लिखी और, लिखी कि).
_VERB_GROUP_ENDS = aw.CLAUSE_BREAKS | aw.word_set("और तथा एवं व")
#: Verbs whose bare goal noun stands right before them (जेल भेजा गया): left alone.
_GOAL_ROOTS = aw.word_set("भेज ले")


def _starts_phrase(words: list[str | None], j: int) -> bool:
    """The word at ``j`` begins its noun phrase: nothing, punctuation, a closed-class
    word, a postposition or an agreeing word stands before it."""
    before = words[j - 1] if j > 0 else None
    return before is None or before in aw.FUNCTION_WORDS or aw.agreeing(before) is not None


def _controller(
    words: list[str | None],
    j: int,
    verb: aw.Perfective,
    lexicon: Genders,
    shown: Callable[[int], Noun | None] | None = None,
) -> Noun | None:
    """The gender of the bare noun at ``j`` that the verb right after it agrees with.

    None with करना: a noun before it often makes one verb with it (याद किया, रिपोर्ट किया)
    whose agreement goes elsewhere, unless a genitive or possessive before the noun
    makes it a noun phrase of its own (इसका प्रयोग किया, उनकी मदद की); and None when
    the "noun" is a verb's root in a compound verb (पहचान लिया, जीत लिया, सोच रखा).
    None for what is no bare noun: an oblique plural or infinitive (इन दिनों खोजी जा रही,
    आने दी जाएगी), an -ए noun after के (के हवाले दी: a postposition), a noun after another
    noun before a verb that takes a bare goal (एम्स दिल्ली भेजा: a place).
    ``shown`` gives the gender of a noun the counts leave open (:func:`shown_gender`)."""
    word = words[j] if 0 <= j < len(words) else None
    if word is None or word in _ADVERBIAL_NOUNS or aw.key(word) in aw.COMPOUND_POSTPOSITIONS:
        return None
    if word.endswith("ों") or _infinitive(word) or (word.endswith("े") and _at(words, j - 1) == "के"):
        return None
    if verb.root in _GOAL_ROOTS and not _starts_phrase(words, j):
        return None
    alone = verb.root == "कर" and not _noun_phrase_verb(words, j)
    if (alone and not _object_alone(words, j)) or not aw.is_candidate(word):
        return None
    if verb.root != "कर" and lexicon_words.known(word + "ना"):
        return None  # पहचान लिया: a root; not before करना (मांग किया, of मांगना)
    counted = lexicon.noun(word) or _feminine_plural(lexicon, word)
    if alone:  # a feminine noun may make one verb with किया (पुलिस ने रिपोर्ट किया, याद किया)
        return counted if counted is not None and counted.gender == "m" else None
    return counted or (shown(j) if shown is not None else None)


def _feminine_plural(lexicon: Genders, word: str) -> Noun | None:
    """The feminine noun whose direct plural ``word`` is (दुकानें, सेवाएं), which the counts
    list under its singular."""
    found = subject_noun(lexicon, word) if word.endswith(_FEMININE_PLURAL_ENDINGS) else None
    return found[0] if found is not None and found[1] and found[0].gender == "f" else None


#: The endings of a feminine direct plural (दुकानें, सेवाएं, चिट्ठियां).
_FEMININE_PLURAL_ENDINGS = ("ें", "एं", "एँ", "ां", "ाँ")


def _noun_phrase_verb(words: list[str | None], j: int) -> bool:
    """करना after a noun a genitive or possessive opens (इसका प्रयोग किया), where the
    feminine की also ends its clause: before that, की is the genitive (बचाव के उपायों
    [की] भी चर्चा)."""
    verb, after = _at(words, j + 1), _at(words, j + 2)
    ends = after is None or after in aw.AUXILIARY_VERBS or after.startswith(("गई", "गयी", "जा"))
    return _after_genitive(words, j) and (verb not in ("की", "कीं") or ends)


def _object_alone(words: list[str | None], j: int) -> bool:
    """The noun at ``j`` stands right after ने (or उन्होंने …) and right before करना, whose
    only object it is (उन्होंने विरोध की → किया, सांसद ने दावा की कि → किया); not before
    की भी, a genitive's (उसने दर्शन की भी अभिव्यक्ति की). Read only for a masculine noun
    the counts know (:func:`_controller`): a feminine one may make one verb with किया,
    which then takes the default (पुलिस ने रिपोर्ट किया, उन्होंने याद किया), and the
    document's own agreeing words may be another noun's (सज़ा स्वीकार की)."""
    before, after = words[j - 1] if j > 0 else None, _at(words, j + 2)
    genitive = _at(words, j + 1) == "की" and after in _FOCUS
    return (before == "ने" or before in aw.ERGATIVE_PRONOUNS) and not genitive


def _after_genitive(words: list[str | None], j: int) -> bool:
    """A genitive or possessive stands right before the word at ``j``."""
    found = aw.agreeing(words[j - 1] or "") if j > 0 else None
    return found is not None and found.kind in ("genitive", "possessive")


def _plural(noun: str) -> bool:
    """The noun (in the tables' spelling) is in a plural form."""
    return noun.endswith(("ें", "एं", "ां", "ए", "े"))


def _ends_verb_group(following: str | None) -> bool:
    return following is None or following in aw.AUXILIARIES or following in _VERB_GROUP_ENDS


def _ergative_before(words: list[str | None], k: int) -> str | None:
    """How ने marks a subject earlier in the clause of the verb at ``k``: "own" with no
    other clause-ending verb between (उसने खाना खाया और …), "shared" where that verb is a
    transitive perfective joined to this one by और, तथा or एवं (a transitive perfective
    with no ने of its own shares the first one's: अदालत ने उसे दोषी करार दिया और सजा
    सुनाई); else None."""
    found = "own"
    for j in range(k - 1, -1, -1):
        word = words[j]
        if word is None or word in aw.CLAUSE_BREAKS:
            return None
        if word == "ने" or word in aw.ERGATIVE_PRONOUNS:
            return found
        verb = aw.perfective(word)
        if verb is not None and verb.root not in aw.CLAUSAL_ROOTS and _ends_verb_group(words[j + 1]):
            if verb.root == "जा" or words[j + 1] not in _JOINING:
                return None
            found = "shared"
    return None


#: Conjunctions that join two verb groups of one subject (खाना खाया और पानी पिया).
_JOINING = aw.word_set("और तथा एवं")
#: Verbs of making and choosing: with a को object, the bare noun is its complement and the
#: verb takes the default (श्रीनगर को राजधानी बनाया, उन्हें अध्यक्ष चुना).
_FACTITIVE_ROOTS = aw.word_set("बना चुन")


def _dative_before(words: list[str | None], k: int) -> bool:
    """A को phrase (or उसे, उन्हें …) stands between the verb at ``k`` and its ने."""
    for j in range(k - 1, -1, -1):
        word = words[j]
        if word is None or word == "ने" or word in aw.ERGATIVE_PRONOUNS:
            return False
        if word in DATIVE:
            return True
    return False


def _object_verb(word: str) -> bool:
    """A perfective that may agree with its object: not जाना's, not a clausal verb's."""
    verb = aw.perfective(word)
    return verb is not None and verb.root not in aw.CLAUSAL_ROOTS and verb.root != "जा"


def _perfectives_at(document: Analysis, wanted: Sieve) -> Iterator[tuple[int, aw.Perfective]]:
    """(slot, perfective) for each perfective verb form ``wanted`` accepts."""
    words = document.slots.words
    for k in document.occurrences(wanted):
        verb = aw.perfective(words[k] or "")
        if verb is not None:
            yield k, verb


class ErgativeObjectAgreement(Rule):
    """G004: with ने, a perfective transitive verb agrees with its unmarked object."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        slots, words, lexicon = document.slots, document.slots.words, document.genders
        for k, verb in _perfectives_at(document, _OBJECT_VERBS):
            following = words[k + 1]
            if not _ends_verb_group(following):
                continue  # a participle (लिखी गई किताब) or a compound verb
            noun = _controller(words, k - 1, verb, lexicon, partial(shown_gender, document))
            if noun is None or noun.gender == verb.gender:
                continue
            ergative = _ergative_before(words, k)
            if ergative is None or (ergative == "shared" and verb.root in _GOAL_ROOTS):
                continue  # a shared ने's object may be left out before a goal (… और विधानसभा भेजा)
            if verb.root in _FACTITIVE_ROOTS and _dative_before(words, k):
                continue  # a complement (श्रीनगर को राजधानी बनाया), not the object
            noun_slot, slot = slots[k - 1], slots[k]
            if noun_slot is None or slot is None:
                continue
            if following is None and _NUMBER_AFTER.match(ctx.text, slot.end):
                continue  # राज्य की 80 सीटों: a number after की makes it the genitive
            right = verb.inflect(noun.gender, _plural(noun_slot.normal))
            end, replacement = slot.end, right
            aux = slots[k + 1] if following in _AUX_GENDER else None
            if aux is not None:
                end, replacement = (
                    aux.end,
                    f"{right}{ctx.text[slot.end : aux.start]}{_AUX_GENDER[aux.normal]}",
                )
            gender = aw.GENDER_NAMES[noun.gender]
            message = f"'{slot.text}' after {gender} object '{noun_slot.text}' (with ने): write '{right}'"
            yield self.replace(slot.start, end, replacement, message)


_OBJECT_VERBS = Sieve(_object_verb)
#: Spaces and a digit (any script's) at the start of a match.
_NUMBER_AFTER = regex.compile(r"[ \t]*\d")


def _passive_participle(word: str) -> bool:
    """A perfective that may begin a passive: not जाना's, not लिए or कहीं (:data:`_NOT_PARTICIPLES`)."""
    verb = aw.perfective(word)
    return verb is not None and verb.root != "जा" and aw.normal(word) not in _NOT_PARTICIPLES


#: Perfectives that are commoner as other words: the genitive की (read apart: see
#: :func:`_ki_passives`), के लिए, the adverb कहीं.
_NOT_PARTICIPLES = aw.word_set("की लिए कहीं")
#: Participles that are also the genitive: one is read only before a form of जाना (की
#: जा रही, की गई), where no genitive stands.
_GENITIVE_PARTICIPLES = aw.word_set("की")
_PASSIVE_PARTICIPLES = Sieve(_passive_participle)
#: की before a word that may be a form of जाना (जा, जाती, गया): the genitive stands before
#: every word, so its few passives are found in the text, not by visiting each की.
_KI_BEFORE_JA = regex.compile(r"(?<![\p{L}\p{M}])की(?=[ \t]+[जग])")
_KI = aw.perfective("की")


def _ki_passives(document: Analysis) -> list[tuple[int, aw.Perfective]]:
    """(slot, perfective) for each की that may begin a passive (:data:`_KI_BEFORE_JA`)."""
    slots = document.slots
    assert _KI is not None
    return [
        (slots.slot_of[bisect_left(slots.starts, match.start())], _KI)
        for match in _KI_BEFORE_JA.finditer(slots.view)
    ]


def _passive_controller(
    words: list[str | None],
    k: int,
    verb: aw.Perfective,
    lexicon: Genders,
    shown: Callable[[int], Noun | None] | None = None,
) -> Noun | None:
    """The bare noun right before the passive at ``k`` that it agrees with, if any."""
    if (
        words[k - 1] is None
        or verb.root in _GOAL_ROOTS
        or verb.root in aw.CLAUSAL_ROOTS
        or not _starts_phrase(words, k - 1)
    ):
        return None
    return _controller(words, k - 1, verb, lexicon, shown)


def _conjunct_before(words: list[str | None], k: int, verb: aw.Perfective, lexicon: Genders) -> bool:
    """A passive of करना at ``k`` right after a noun of certain gender that a postposition
    (भी or ही between) stands before: नीति पर चर्चा किया गया, which may make one verb
    with करना whose subject the noun is (see :func:`_clause_subject`)."""
    noun = _at(words, k - 1)
    if verb.root != "कर" or noun is None or not aw.is_candidate(noun) or lexicon.noun(noun) is None:
        return False
    return after_postposition(words, k - 1)


def after_postposition(words: Sequence[str | None], j: int) -> bool:
    """A postposition phrase ends right before the word at ``j`` (भी or ही may stand
    between): में, से, पर, तक, द्वारा, or a compound one after के or की (के साथ)."""
    before = j - 1
    while before > 0 and words[before] in _FOCUS:
        before -= 1
    word = words[before] if before >= 0 else None
    if word is None:
        return False
    compound = before > 0 and words[before - 1] in aw.GENITIVE and aw.key(word) in aw.COMPOUND_POSTPOSITIONS
    return word in POSTPOSITIONS or compound


def _made_by_karna(word: str) -> bool:
    """A perfective of करना (किया, की, किए), which may begin a passive."""
    return getattr(aw.perfective(word), "root", None) == "कर"


def _clause_subject(ctx: Context, document: Analysis, k: int) -> Noun | None:
    """The noun right before the passive at ``k`` when its clause, read from its start
    (:func:`clauses.reaching`), takes it for its subject: the clause holds no other bare
    noun, only postposition phrases and adverbs stand before it, and the passive ends the
    clause (not जांच किए गए लोगों, an attribute). Not after को or उसे, उन्हें … anywhere
    before in the sentence: a comma may part the passive from its object (उन्हें इस पद
    पर, परंपरानुसार, … नियुक्त किया गया)."""
    slot = document.slots[k]
    read = sentences(ctx)
    numbers = read.numbers([slot.start]) if slot is not None else []
    if slot is None or not numbers:
        return None
    reached = ctx.shared(
        "passive-conjunct-clauses",
        lambda ctx: reaching(
            _made_by_karna, document.genders, dative=True, shown=partial(shown_noun, document)
        ),
    )
    sentence = read.sentence(numbers[0])
    tokens = sentence.tokens
    for _, clause, j in reached(sentence):
        subject = clause.subject
        if tokens[j].start == slot.start and subject is not None and subject.index == j - 1:
            dative = any(token.normal in DATIVE for token in tokens[:j])
            return None if dative or verb_group(tokens, j) is None else subject.noun
    return None


class PassiveAgreement(Rule):
    """G005: the parts of a passive (सुनाया गया, की जाती, किया जा सकता) agree with each
    other and with the bare noun right before them."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        slots, words, lexicon = document.slots, document.slots.words, document.genders
        found = chain(_perfectives_at(document, _PASSIVE_PARTICIPLES), _ki_passives(document))
        for k, verb in sorted(found, key=itemgetter(0)):
            auxiliary = aw.passive_auxiliary(words, k + 1)
            if auxiliary is None:
                continue
            noun = _passive_controller(words, k, verb, lexicon, partial(shown_gender, document))
            if noun is None and _conjunct_before(words, k, verb, lexicon):
                noun = _clause_subject(ctx, document, k)
            slot, aux_slot = slots[k], slots[auxiliary.index]
            if slot is None or aux_slot is None:
                continue
            if words[k] in _GENITIVE_PARTICIPLES:
                # की is read only where its जाना disagrees: a noun before it may be a
                # postposition's (के अंतर्गत की गई), a predicate's (प्रदान की गई)
                if verb.gender == auxiliary.gender:
                    continue
                if noun is None or noun.gender != verb.gender:
                    yield self._mixed(ctx.text, slot, aux_slot, verb, auxiliary)
                    continue
            if noun is not None:
                gender, plural = noun.gender, _plural(words[k - 1] or "")
                slip = _plural_slip(words, lexicon, words[k - 1], auxiliary)
                if verb.gender == auxiliary.gender == gender and not slip:
                    continue
            elif verb.gender != auxiliary.gender:
                gender, plural = auxiliary.gender, auxiliary.plural
            else:
                continue
            noun_slot = slots[k - 1] if noun is not None else None
            what = (
                f"'{aux_slot.text}'" if noun_slot is None else f"{aw.GENDER_NAMES[gender]} '{noun_slot.text}'"
            )
            between = ctx.text[slot.end : aux_slot.start]
            # a feminine plural shows its number on the last word alone (खोली गईं)
            participle = verb.inflect(gender, plural and gender == "m")
            right = participle + between + aw.regender(aux_slot.text, gender, plural)
            message = f"'{ctx.text[slot.start : aux_slot.end]}' does not agree with {what}: write '{right}'"
            yield self.replace(slot.start, aux_slot.end, right, message)

    def _mixed(
        self, text: str, slot: Word, aux_slot: Word, verb: aw.Perfective, auxiliary: aw.Marked
    ) -> Diagnostic:
        """की before a masculine form of जाना with no noun to settle it (पूछताछ की जा रहा):
        either word may be the slip, so both passives are offered and nothing is fixed."""
        between = text[slot.end : aux_slot.start]
        readings: tuple[tuple[aw.Gender, bool], ...] = (("f", False), (auxiliary.gender, auxiliary.plural))
        forms = tuple(
            verb.inflect(gender, plural) + between + aw.regender(aux_slot.text, gender, plural)
            for gender, plural in readings
        )
        written = text[slot.start : aux_slot.end]
        mixed = "a feminine participle and a masculine जाना"
        message = f"'{written}' mixes {mixed}: write '{forms[0]}' or '{forms[1]}'"
        return self.diagnostic(slot.start, aux_slot.end, message, suggestions=forms)


def _plural_slip(words: list[str | None], lexicon: Genders, noun: str | None, auxiliary: aw.Marked) -> bool:
    """A feminine noun in its direct plural (दुकानें, सेवाएं) before a passive whose last
    word is singular (खोली जाएगी, खोली जा सकेगी; not खोली जा रही है, whose number is है's):
    the passive's number is the slip."""
    last = _at(words, auxiliary.index + 1) not in aw.AUXILIARY_VERBS
    return last and noun is not None and _feminine_plural(lexicon, noun) is not None and not auxiliary.plural


def _after_feminine(slots: Slots, k: int, lexicon: Genders) -> bool:
    """A feminine noun or title right before: the -आ word is a name in apposition
    (बेटी सपना से, श्रीमती वंदना का)."""
    before = slots[k - 1] if k > 0 else None
    if before is None:
        return False
    noun = lexicon.noun(before.normal) if aw.is_candidate(before.normal) else None
    return before.normal in ("श्रीमती", "सुश्री", "कुमारी") or (noun is not None and noun.gender == "f")


@lru_cache(maxsize=1 << 16)
def _inflecting_noun(lexicon: Genders, word: str) -> bool:
    """An -आ noun that inflects like लड़का, not in -ना (only a noun counted under a key
    in -आ inflects: the rest are not looked up)."""
    word = aw.normal(word)
    if word.endswith("ना") or not aw.key(word).endswith("ा"):
        return False
    noun = lexicon.noun(word) if aw.is_candidate(word) else None
    return noun is not None and noun.inflects


@lru_cache(maxsize=32)
def _inflecting_nouns(lexicon: Genders) -> Sieve:
    """The words (as written) :func:`_inflecting_noun` accepts, per table of genders."""
    return Sieve(partial(_inflecting_noun, lexicon))


class ObliqueNounForm(Rule):
    """G006: an -आ noun that inflects (हिस्सा, जिला) keeps its direct form before a
    postposition: हिस्सा का -> हिस्से का. Not -ना words: infinitives and titles
    (मियाँ कल आना से) and names (सपना)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        lexicon = document.genders
        for position in document.occurrences(_inflecting_nouns(lexicon)):
            slots, k = document.slots, position
            if slots.words[k + 1] not in aw.POSTPOSITIONS or _ergative_ki(slots.words, k + 1):
                continue  # ने दावा की कि: करना's perfective, no genitive
            slot, following = slots.word(k), slots.word(k + 1)
            if not _inflecting_noun(lexicon, slot.normal) or _after_feminine(slots, k, lexicon):
                continue
            right = slot.normal[:-1] + "े"
            message = f"'{slot.text}' before '{following.text}' is oblique: write '{right}'"
            yield self.replace(slot.start, slot.end, right, message)
