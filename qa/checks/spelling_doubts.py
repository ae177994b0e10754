"""Reasons to doubt that a word the spelling rules suspect is a slip (family T's precision).

Each test is evidence that the written form is what the writer meant, or that another
family owns the word: a name's place after a title (प्रधानमंत्री मे, हाजी नेब), before a
noun that says what it names (पँवार वंश), as the subject of a sentence defining a village
(सकार, ... का एक गाँव है) or beside another name (बाड कोनिग्शोफ़न), a reading
of the function word that grammar forbids (मे ने is not में ने), a spelling that says the
same as its candidate once Hindi drops the inherent vowel (मरजी/मर्जी, मिलिटरी/मिलिट्री),
a short word that reads as a common English word (हील "heel", हैच "hatch"), two
transliterations of one English word that differ in vowels (सिरीज़/सीरीज़) or by a halant
more (डेन्मार्क), a Sanskrit ending (प्रथमं, महानतम्), part of a
hyphenated loan (प्री-पेड), and vowel signs typed in a legacy font's order (काे), which
the Unicode family repairs. :func:`doubt` is what the non-word rule asks; the
function-word rule asks the tests one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path

import regex

from qa import datatables, gazetteer, lexicon
from qa.checks.agreement_words import CASE_MARKERS, CONJUNCTIONS
from qa.checks.names_registry import classifiers, titles
from qa.text.akshara import (
    ANUSVARA,
    CONSONANTS,
    NUKTA,
    VIRAMA,
    WORD_LETTERS,
    aksharas,
    dropped_one,
    letters,
    light_slip,
    nfd_nukta,
    sign_slip,
    transposed,
)
from qa.text.normalize import key

# --- another family's word ------------------------------------------------------------

#: Two vowel signs typed for one (ा + े for ो): U015 repairs the word; a T rule that
#: suggested another word (के for काे) would be wrong.
_TWO_SIGNS = "\u093e[\u0945\u0947\u0948]|[\u0947\u0948]\u093e"
_SIGNS_FOR_ONE = regex.compile(_TWO_SIGNS)
#: … or a virama carrying a vowel sign, a nasal or another virama (बुद््ध, मंत्ालय with its
#: र lost): U016 says only that the sequence is invalid, so T002's word, when it has one
#: (मंत्रालय), is the finding, and covers U016's.
_DAMAGED_SIGNS = regex.compile(_TWO_SIGNS + "|\u094d[\u093e-\u094d\u0901-\u0903]")


def damaged_signs(word: str) -> bool:
    """True if ``word`` has two vowel signs standing for one (काे, कोरेाना) or a virama
    carrying a sign (बुद््ध): the Unicode family's word (U015, U016)."""
    return _DAMAGED_SIGNS.search(word) is not None


def signs_for_one(word: str) -> bool:
    """True if ``word`` has two vowel signs standing for one (काे, कोरेाना): U015's exact
    repair, not a guess at another word."""
    return _SIGNS_FOR_ONE.search(word) is not None


# --- a name's place -----------------------------------------------------------------------

_PREVIOUS = regex.compile(r"([\p{L}\p{M}\u200c\u200d]+)[.\u0970]?[ \u00a0]*", regex.REVERSE)
_NEXT = regex.compile(r"[ \u00a0]*([\p{L}\p{M}\u200c\u200d]+)")


def after_title(text: str, start: int, only: Callable[[str], bool] | None = None) -> bool:
    """True if the word at ``start`` follows a title or role (श्रीमती, मिसेज़, हाजी),
    and one that ``only`` accepts if given: the word is a name, whose spelling is its own."""
    m = _PREVIOUS.match(text, max(0, start - 40), start)
    return m is not None and key(m.group(1)) in titles() and (only is None or only(m.group(1)))


def after_initials(text: str, start: int) -> bool:
    """True if the word at ``start`` follows a name's initials, written solid (यूपीएस मदान,
    केपी ओली) or dotted (आर. के. रवत): it is a surname, whose spelling is its own."""
    m = _PREVIOUS.match(text, max(0, start - 40), start)
    if m is None:
        return False
    dotted = m.group(0).rstrip(" \u00a0")[-1] in ".\u0970"
    return initialism(m.group(1)) or (dotted and letter_names(m.group(1)))


def before_classifier(text: str, end: int) -> bool:
    """True if the word ending at ``end`` stands before a noun that says what it names
    (पँवार वंश, पचार गोत्र, नापुर गाँव: ``classifiers.txt``)."""
    m = _NEXT.match(text, end, min(len(text), end + 40))
    return m is not None and key(m.group(1)) in classifiers()


#: How far back a sentence's start and ahead its end are looked for.
_SENTENCE_REACH = 400
_SENTENCE_BREAK = regex.compile(r"[\n।॥!?]")
_PREVIOUS_BREAK = regex.compile(r"[\n।॥!?]", regex.REVERSE)
#: A defining sentence's end: "... (का) एक गाँव है।", "... एक जाट गोत्र है।".
_DEFINITION = regex.compile(r"\sएक\s+(?:[\p{L}\p{M}]+\s+)?([\p{L}\p{M}]+)\s+(?:है|था|थी)\s*\Z")


def defined_as_name(text: str, start: int, end: int) -> bool:
    """True if the word at ``start`` opens a sentence that defines it as a village, clan
    or river ("सकार, गंगोलीहाट तहसील में ... का एक गाँव है।"): the word is that name."""
    before = _PREVIOUS_BREAK.search(text, max(0, start - _SENTENCE_REACH), start)
    if text[before.end() if before else max(0, start - _SENTENCE_REACH) : start].strip(" \t\"'‘“"):
        return False
    after = _SENTENCE_BREAK.search(text, end, min(len(text), end + _SENTENCE_REACH))
    m = _DEFINITION.search(text, end, after.start() if after else min(len(text), end + _SENTENCE_REACH))
    return m is not None and key(m.group(1)) in classifiers()


_NEXT_WORD = regex.compile(rf"[ \u00a0]*([{WORD_LETTERS}]+)")
_PREVIOUS_WORD = regex.compile(rf"([{WORD_LETTERS}]+)[ \u00a0]*", regex.REVERSE)
#: How far a neighbouring word is looked for (a longer "word" is a pasted run).
_NEIGHBOUR_REACH = 60


def lookup_form(word: str) -> str:
    """The spelling to look up: :func:`lexicon.plain`, no visarga used as a colon (other
    families report those)."""
    word = lexicon.plain(word)
    return word[:-1] if word.endswith("\u0903") and lexicon.recognised(word[:-1]) else word


def in_name(text: str, start: int, end: int, slip: Callable[[str], bool] | None = None) -> bool:
    """True if a neighbouring word is in no word list: the two are likely parts of one
    foreign or rare name (मंत्री अलेक्सांद्र नोवाक, बाड कोनिग्शोफ़न), whose spelling is the
    name's own — unless ``slip`` takes the neighbour for a slip of a word (कोरोनो वायसर:
    two slips side by side). A visarga typed as a colon (पढ़ेंः) does not make a word unknown."""
    after = _NEXT_WORD.match(text, end, min(len(text), end + _NEIGHBOUR_REACH))
    before = _PREVIOUS_WORD.match(text, max(0, start - _NEIGHBOUR_REACH), start)
    return any(
        m is not None and _unknown(form := lookup_form(m.group(1))) and not (slip and slip(form))
        for m in (after, before)
    )


def _unknown(word: str) -> bool:
    """In no word list, no inflection of a word in one (फैलना is a word, not a name's), and
    no initialism (पीजीआई, एसएआर: an institution's or a region's letters, not a name's part)."""
    return not lexicon.listed(word) and not lexicon.parsed(word) and not initialism(word)


_LETTER_NAME = "(?:एस|एम|एन|एल|एफ|एच|एक्स|ए|आर|आई|ओ|बी|सी|डी|ई|जी|जे|के|क्यू|पी|टी|यू|वी|डब्ल्यू|वाई|जेड)"
#: Two or more English letter names written solid (एमजीएम, पीजीआई, एसएआर).
_INITIALISM = regex.compile(f"{_LETTER_NAME}{{2,}}")
#: English letter names, one or more.
_LETTER_NAMES = regex.compile(f"{_LETTER_NAME}+")


def initialism(word: str) -> bool:
    """``word`` is English letter names written solid (पीजीआई, एसएआर)."""
    return _INITIALISM.fullmatch(word) is not None


def letter_names(word: str) -> bool:
    """``word`` is one English letter's name or more (टी, एस, पीजीआई)."""
    return _LETTER_NAMES.fullmatch(word) is not None


_JOINED_AFTER = regex.compile(rf"[ \u00a0]*(?:,|([{WORD_LETTERS}]+))[ \u00a0]*([{WORD_LETTERS}]+)")
_JOINED_BEFORE = regex.compile(
    rf"([{WORD_LETTERS}]+)[ \u00a0]*(?:,|([{WORD_LETTERS}]+))[ \u00a0]*", regex.REVERSE
)


def beside_place(text: str, start: int, end: int) -> bool:
    """True if the word is joined to a place the gazetteer names in one word by a
    conjunction or a comma (तेहरान और शिराज, शिराज, तेहरान; not उत्तर, a direction and part of
    उत्तर प्रदेश): a name of a place too, whatever word it resembles."""
    return any(lexicon.plain(word) in gazetteer.one_word_places() for word in _joined(text, start, end))


def beside_place_name(text: str, start: int, end: int) -> bool:
    """True if the word is joined by a conjunction or a comma to a word with the ending of
    an Indian place's name (अमीनाबाद, खदरा; रामपुर और ...: :data:`gazetteer.PRODUCTIVE`),
    whether or not the gazetteer lists it: the word is most likely a place's name too."""
    return any(word.endswith(gazetteer.PRODUCTIVE) for word in _joined(text, start, end))


def _joined(text: str, start: int, end: int) -> Iterator[str]:
    """The words joined to the word at ``start:end`` by a conjunction or a comma, after it
    and before it."""
    after = _JOINED_AFTER.match(text, end, min(len(text), end + _NEIGHBOUR_REACH))
    before = _JOINED_BEFORE.match(text, max(0, start - _NEIGHBOUR_REACH), start)
    for m, joiner, name in ((after, 1, 2), (before, 2, 1)):
        if m is not None and (m.group(joiner) is None or m.group(joiner) in CONJUNCTIONS):
            yield m.group(name)


def _sign_dropped(word: str, candidate: str) -> bool:
    """``word`` is a word of Zipf :data:`SIGN_SLIP_ZIPF` or more less a halant or nasal
    (संपनन, सटोर, मरीजो): a name beside it is no excuse, names do not differ from words so
    (a name's ड without its nukta, गौड, is T006's to spare)."""
    plain, full = nfd_nukta(word), nfd_nukta(candidate)
    return (
        light_slip(word, candidate)
        and len(plain) < len(full)
        and plain.count(NUKTA) == full.count(NUKTA)
        and lexicon.zipf(candidate) >= SIGN_SLIP_ZIPF
    )


#: A word this common missing a sign beside an unknown word is still a slip (:func:`_sign_dropped`).
SIGN_SLIP_ZIPF = 4.0


def _letter_slipped(word: str, candidate: str) -> bool:
    """``word`` is a damaged spelling (:func:`damaged`: निजामुदद्ीन), or a word of Zipf
    :data:`SIGN_SLIP_ZIPF` or more of :data:`LETTER_SLIP_LENGTH` aksharas or more with one
    character dropped or two neighbours swapped, in a form of that many letters that
    spells no other English word (मासचिव, पर्करण, पसपोर्ट): a name beside it is no excuse,
    names are not spelled so and are seldom a whole letter from so long and common a
    word; a shorter form is (अनाया for अपनाया), and so is a loan (कलेक्ट, "collect")."""
    if damaged(word):
        return True
    return (
        (dropped_one(word, candidate) or transposed(word, candidate))
        and len(aksharas(candidate)) >= LETTER_SLIP_LENGTH
        and letters(word) >= LETTER_SLIP_LENGTH
        and lexicon.zipf(candidate) >= SIGN_SLIP_ZIPF
        and not english_readings(word) - english_readings(candidate)
    )


#: The shortest word (aksharas) and form (letters) of :func:`_letter_slipped`.
LETTER_SLIP_LENGTH = 4

#: A virama on a vowel sign, or after a vowel or a vowel sign: no word or name is spelled so.
_DAMAGED = regex.compile("\u094d[\u093e-\u094c\u0962\u0963]|[\u093e-\u094c\u0905-\u0914]\u094d")


def damaged(word: str) -> bool:
    """``word`` has a virama no spelling puts there (on a vowel sign or a vowel, or before one)."""
    return _DAMAGED.search(word) is not None


def _named_apart(word: str, candidate: str) -> bool:
    """``word`` differs from ``candidate``, no place itself, by more than a sign: a place's
    name beside another (शिराज, देवनगरी); a dropped nukta, nasal or halant or an i or u of
    the wrong length is a slip even in a list of places (मेवाड, वेस्टइडीज़, युरोप)."""
    return candidate not in gazetteer.words() and not sign_slip(word, candidate)


def place_without_nukta(word: str, candidate: str) -> bool:
    """True if ``word`` is the gazetteer's place ``candidate`` without its nukta (रायगढ,
    खेडा): a place's spelling is settled, so a name beside it is no excuse."""
    return candidate in gazetteer.words() and nfd_nukta(candidate).replace(NUKTA, "") == nfd_nukta(word)


def hyphenated(text: str, start: int, end: int) -> bool:
    """True if the word at ``start:end`` is joined by a hyphen to the next or the last word
    (an invisible zero-width character beside the hyphen changes nothing)."""
    return bool(_HYPHEN_AFTER.match(text, end) or _HYPHEN_BEFORE.search(text[max(0, start - 2) : start]))


def quoted_alone(text: str, start: int, end: int) -> bool:
    """True if the word at ``start:end`` stands alone between quotation marks ("अज" शब्द,
    'अज' कहा गया): a word named or a title, not running prose."""
    return text[start - 1 : start] in _QUOTES and text[end : end + 1] in _QUOTES


#: Quotation marks, straight and curly.
_QUOTES = frozenset("\"'\u2018\u2019\u201c\u201d")
_HYPHEN_AFTER = regex.compile("[\u200b-\u200d]?-")
_HYPHEN_BEFORE = regex.compile("-[\u200b-\u200d]?$")


def in_hyphenated_loan(text: str, start: int, end: int) -> bool:
    """True if the word is hyphenated to a word no list names (प्री-पेड, मरात-सेड):
    a part of a foreign compound or name."""
    parts = []
    if text[end : end + 1] == "-":
        m = _NEXT.match(text, end + 1, min(len(text), end + 41))
        parts.append(m.group(1) if m else "")
    if text[start - 1 : start] == "-":
        m = _PREVIOUS.match(text, max(0, start - 41), start - 1)
        parts.append(m.group(1) if m else "")
    return any(p and (not lexicon.listed(lexicon.plain(p)) or english_reading(p)) for p in parts)


# --- grammar ----------------------------------------------------------------------------

#: Case markers that follow a noun phrase only (की, का, के are also forms of करना, and
#: से, में follow postpositions: में से, पर से).
_CASE_ONLY = frozenset(("ने", "को", "द्वारा"))
#: What cannot follow each kind of function word: a postposition takes no case marker
#: after it, an auxiliary ends its clause (है के, था से; है की is the कि slip, है पर "but").
_NOT_AFTER = {
    **dict.fromkeys(("के", "की", "का", "को", "से", "में", "ने", "पर"), _CASE_ONLY),
    **dict.fromkeys(("है", "हैं", "था", "थी", "थे"), _CASE_ONLY | {"के", "का", "से", "में"}),
}


def postposition_after(text: str, end: int) -> bool:
    """True if the word ending at ``end`` is followed by a postposition (सरकारों को)."""
    m = _NEXT_WORD.match(text, end, min(len(text), end + _NEIGHBOUR_REACH))
    return m is not None and m.group(1) in CASE_MARKERS


def reading_ungrammatical(intended: str, following: str) -> bool:
    """True if the function word ``intended`` cannot stand before ``following`` (मे ने is
    May, not में; हैच के is Hatch, not है)."""
    return following in _NOT_AFTER.get(intended, ())


# --- schwa variants -----------------------------------------------------------------------

#: The inherent vowel written out where Hindi drops it: C + vowel-bearing र, or र + C,
#: inside a word after a vowel (मर्जी/मरजी, अग्रवाल/अगरवाल, मिलिट्री/मिलिटरी).
_SIGNS_OR_VOWEL = "\u0900-\u0903\u093e-\u094c\u0905-\u0914"


def schwa_variant(word: str, candidate: str) -> bool:
    """True if ``word`` is ``candidate`` with one halant of an r-cluster left out where
    the inherent vowel is silent anyway (the consonant before follows a vowel and the one
    after carries its own): the two spellings are pronounced alike. A variant only where
    both are attested (:func:`doubt`): संकरमित says संक्रमित too, but no one writes it."""
    return _silent_halant(nfd_nukta(candidate), nfd_nukta(word), r_cluster=True)


def halant_transliteration(word: str, candidate: str) -> bool:
    """True if ``word`` spells the English word ``candidate`` spells (:func:`transliteration_variant`)
    with one halant more, where the inherent vowel is silent anyway (डेन्मार्क for डेनमार्क,
    इक़्बाल for इक़बाल): papers write a transliterated name's cluster either way. A halant
    less is the common typing slip (डेलटा for डेल्टा) and stays one."""
    return _silent_halant(nfd_nukta(word), nfd_nukta(candidate), r_cluster=False) and transliteration_variant(
        word, candidate
    )


def _silent_halant(longer: str, shorter: str, *, r_cluster: bool) -> bool:
    """``longer`` is ``shorter`` with one halant more, between two consonants (one of them र
    if ``r_cluster``), the first after a vowel and the second carrying its own (NFD text)."""
    if len(longer) != len(shorter) + 1:
        return False
    for i, ch in enumerate(longer):
        if ch != VIRAMA or longer[:i] + longer[i + 1 :] != shorter:
            continue
        first = i - 2 if longer[i - 1 : i] == NUKTA else i - 1  # क़्ब: the consonant before its nukta
        before, after = longer[first : first + 1], longer[i + 1 : i + 2]
        if not (before in CONSONANTS and after in CONSONANTS and (not r_cluster or "र" in (before, after))):
            return False
        return _after_vowel(longer, first) and _vowel_follows(longer, i + 1)
    return False


def _after_vowel(text: str, consonant: int) -> bool:
    """The consonant at ``consonant`` follows a syllable with a vowel (not a cluster)."""
    j = consonant - 1
    while j >= 0 and text[j] == NUKTA:
        j -= 1
    if j < 0:
        return False
    prev = text[j]
    return prev in CONSONANTS or regex.match(f"[{_SIGNS_OR_VOWEL}]", prev) is not None


def _vowel_follows(text: str, consonant: int) -> bool:
    """The consonant at ``consonant`` carries a vowel (a sign or the inherent one, not
    at the word's end)."""
    j = consonant + 1
    while j < len(text) and text[j] == NUKTA:
        j += 1
    if j >= len(text):
        return False
    return text[j] != VIRAMA


# --- Sanskrit and Dravidian endings ---------------------------------------------------------


def sanskrit_ending(word: str, candidate: str) -> bool:
    """True if ``word`` ends as a Sanskrit stem where ``candidate`` ends in a bare consonant:
    a final anusvara reads "-am", Sanskrit (प्रथमं पीठं) or a Dravidian name's (अंकुशं), never a
    Hindi ending (Hindi nasalises a final vowel sign: में, कहां); and a final halant on त, न,
    म or ट is the tatsam spelling the norms accept as a variant (अर्थात्/अर्थात, महानतम्,
    विराट्, कीर्तिमान्), unlike one on a Hindi or foreign word's र, स or द (सुनकर्, मस्जिद्)."""
    last = candidate[-1:]
    return last in CONSONANTS and (
        word == candidate + ANUSVARA or (word == candidate + VIRAMA and last in _SANSKRIT_STEM_ENDS)
    )


#: The consonants a Sanskrit stem that Hindi borrows with its halant ends in.
_SANSKRIT_STEM_ENDS = frozenset("तनमट")


# --- English readings -------------------------------------------------------------------

#: Latin spellings of each Devanagari letter or sign, as English loans are written.
_LATIN: dict[str, tuple[str, ...]] = {
    "क": ("k", "c", "ck", "q"), "ख": ("kh", "k"), "ग": ("g",), "घ": ("gh",), "च": ("ch", "tch"),
    "छ": ("ch",), "ज": ("j", "g", "z"), "झ": ("jh",), "ट": ("t", "tt"), "ठ": ("th",), "ड": ("d", "dd"),
    "ढ": ("dh",), "ण": ("n",), "त": ("th",), "थ": ("th",), "द": ("th",), "ध": ("dh",),
    "न": ("n", "nn"), "प": ("p", "pp"), "फ": ("ph", "f"), "ब": ("b",), "भ": ("bh",), "म": ("m",),
    "य": ("y", ""), "र": ("r",), "ल": ("l", "ll"), "व": ("v", "w"), "श": ("sh",), "ष": ("sh",),
    "स": ("s", "ss", "c"), "ह": ("h",), "ज़": ("z", "s"), "फ़": ("f", "ph"), "क़": ("q", "k"),
    "ड़": ("r", "d"),
    "ा": ("a", "ar"), "ि": ("i", "e", "y", "ee"), "ी": ("ee", "i", "ea", "ie", "e", "y"), "ु": ("u", "oo"),
    "ू": ("oo", "u", "ew", "ou"), "े": ("e", "a", "ai", "ay"), "ै": ("a", "ai", "e"),
    "ो": ("o", "oa", "ow", "oe"), "ौ": ("au", "ou", "aw"), "ॉ": ("o", "a", "au"),
    "ं": ("n", "m"), "ँ": ("n",), "ृ": ("ri",),
    "अ": ("a", "u"), "आ": ("a", "ar"), "इ": ("i", "e"), "ई": ("ee", "e"), "उ": ("u", "oo"),
    "ऊ": ("oo",), "ए": ("a", "e", "ai"), "ऐ": ("a", "ai"), "ओ": ("o",), "औ": ("au",), "ऑ": ("o",),
}  # fmt: skip
#: The inherent vowel inside a word, and after its last consonant (silent, or an English "e").
_INHERENT, _FINAL, _HIDDEN = ("a", "u", "e", "o", ""), ("", "e"), ("", "a", "e", "o")
#: English words at least this common (wordfreq's English list) count as a reading.
ENGLISH_ZIPF = 3.0
#: Short words are read so for T003 (a longer one is no function word's slip).
MAX_READ_LETTERS = 5
#: The ाई of a one-syllable word, read as one unit: its letters' spellings, or English's
#: long i at a word's end (ट्राई: try, हाई: high, टाई: tie).
_FINAL_AI = {"ाई": ("aee", "ae", "aree", "are", "y", "igh", "ie", "ye", "uy")}
#: Letter clusters spelled as one English letter.
_CLUSTERS = {"क्स": ("x", "ks"), "क्व": ("qu",)}


def _units(word: str) -> list[str] | None:
    """``word`` as letters (a nukta joined to its consonant, a cluster of
    :data:`_CLUSTERS` as one) and signs; None if a character has no Latin spelling."""
    units: list[str] = []
    for ch in nfd_nukta(word):
        if ch == NUKTA and units:
            units[-1] += NUKTA
        elif ch in _LATIN or ch == VIRAMA or ch in CONSONANTS:
            units.append(ch)
        else:
            return None
        if "".join(units[-3:]) in _CLUSTERS:
            units[-3:] = ["".join(units[-3:])]
    if units[-2:] == ["ा", "ई"] and _one_onset(units[:-2]):
        units[-2:] = ["ाई"]  # one syllable: the English long i of try, high, tie
    return units


def _one_onset(units: list[str]) -> bool:
    """``units`` are one consonant or a cluster joined by halants (ह, ट्र, स्क)."""
    return len(units) % 2 == 1 and all((u == VIRAMA) == (i % 2 == 1) for i, u in enumerate(units))


def _spellings(units: list[str]) -> list[tuple[str, ...]] | None:
    """The Latin spellings of each unit, with the inherent vowel's between and after
    consonants; None if a unit has none."""
    options: list[tuple[str, ...]] = []
    for i, unit in enumerate(units):
        if unit == VIRAMA:  # a cluster in a loan often hides a vowel (मिलिट्री: military)
            options.append(_HIDDEN if 0 < i < len(units) - 1 else ("",))
            continue
        spellings = _CLUSTERS.get(unit) or _FINAL_AI.get(unit) or _LATIN.get(unit)
        if spellings is None:
            return None
        last = i + 1 == len(units)
        options.append(spellings)
        if unit[0] in CONSONANTS and (last or units[i + 1][0] in CONSONANTS):
            options.append(_FINAL if last else _INHERENT)
    return options


@lru_cache(maxsize=16384)
def english_readings(word: str) -> frozenset[str]:
    """The common English words the Devanagari ``word`` spells as loans are
    transliterated (मिलिटरी and मिलिट्री: military; हील: heel)."""
    units = _units(lexicon.plain(word))
    options = None if units is None else _spellings(units)
    if not options:
        return frozenset()
    partial = {""}
    for option in options:  # spelled unit by unit, keeping only what begins an English word
        partial = {p + o for p in partial for o in option if _begins_english(p + o)}
        if not partial:
            return frozenset()
    return frozenset(filter(_english_word, partial))


def english_reading(word: str) -> bool:
    """True if the short ``word`` spells a common English word (हील "heel", हैच
    "hatch", सेव "save"): evidence that it was meant."""
    consonants = sum(ch in CONSONANTS for ch in word)
    return 1 < consonants <= MAX_READ_LETTERS and bool(english_readings(word))


_VOWEL_SIGNS = "\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c\u0949"
_NO_VOWEL_SIGNS = str.maketrans(dict.fromkeys([*_VOWEL_SIGNS, VIRAMA]))


def transliteration_variant(word: str, candidate: str) -> bool:
    """True if ``word`` and ``candidate`` spell the same English word and differ only in
    vowel signs or a halant (सिरीज़/सीरीज़, बॉलिवुड/बॉलीवुड, मिलिटरी/मिलिट्री): papers
    transliterate a rarer loan's vowels differently (:func:`doubt` takes it for a rare
    loan, or where edited prose attests both: मेडीकल is a slip); a dropped nasal or
    letter is still a slip."""
    if word.translate(_NO_VOWEL_SIGNS) != candidate.translate(_NO_VOWEL_SIGNS):
        return False
    return bool(english_readings(word) & english_readings(candidate))


def _wordfreq_english() -> Path:
    return lexicon.wordfreq_file("en")


@cache
def _english_prefixes() -> dict[str, bool]:
    """Every beginning of a common English word (wordfreq's English list, Zipf >=
    :data:`ENGLISH_ZIPF`, three letters or more) -> whether it is such a word itself. From
    the start-up cache a shard at a time: a cold run reads the few shards it asks about,
    not the 27,000 words."""
    path = _wordfreq_english()
    return datatables.lazy("english-prefixes", [path, Path(__file__)], lambda: _prefixes(_english(path)))


def _english_word(word: str) -> bool:
    """``word`` is one of the common English words (:func:`_english_prefixes`)."""
    return bool(_english_prefixes().get(word, False))


def _begins_english(prefix: str) -> bool:
    """True if a common English word (:func:`_english_prefixes`) begins with ``prefix``, so
    that :func:`english_readings` follows only spellings that can still become a word."""
    return prefix in _english_prefixes()


def _english(path: Path) -> list[str]:
    return [
        w
        for w, z in lexicon.read_cbpack(path).items()
        if z >= ENGLISH_ZIPF and len(w) >= 3 and w.isascii() and w.isalpha()
    ]


def _prefixes(words: list[str]) -> dict[str, bool]:
    """Each beginning of ``words`` (the empty one too) -> whether it is one of them."""
    table = {word[:end]: False for word in words for end in range(len(word))}
    table.update(dict.fromkeys(words, True))
    return table


# --- the non-word rule's question ----------------------------------------------------------


#: A candidate this common has one spelling a desk enforces: no variant, and a word after
#: a title that is a slip of it is a slip (प्रमुख उद्धेश्य).
FIXED_ZIPF = 4.5


def doubt(
    text: str,
    start: int,
    end: int,
    word: str,
    candidate: str,
    honorific: Callable[[str], bool],
    slip: Callable[[str], bool] | None = None,
) -> bool:
    """True if T002 or T006 should keep quiet about ``word`` (at ``start:end``) for
    ``candidate``; ``honorific`` says which titles stand before names only, ``slip`` which
    unknown words are slips (:func:`in_name`)."""
    if signs_for_one(word) or in_hyphenated_loan(text, start, end) or sanskrit_ending(word, candidate):
        return True
    if not place_without_nukta(word, candidate):  # a place's ड़ is part of its name
        if before_classifier(text, end) or defined_as_name(text, start, end):
            return True  # a village's, clan's or river's name, whatever common word it resembles
        if lexicon.zipf(candidate) < FIXED_ZIPF and (
            (
                not (_sign_dropped(word, candidate) or _letter_slipped(word, candidate))
                and in_name(text, start, end, slip)
            )
            or (_named_apart(word, candidate) and beside_place(text, start, end))
        ):
            return True  # a name's own spelling, near a rare word, another name or a place
    if lexicon.prior(candidate) >= FIXED_ZIPF:
        return False
    attested = lexicon.attested(word)
    return (
        (transliteration_variant(word, candidate) and (attested or _rare_loan(word, candidate)))
        or (schwa_variant(word, candidate) and attested)
        or halant_transliteration(word, candidate)
        or after_title(text, start, honorific)
    )


#: Below this a loan's transliteration is unsettled (टेक्सास/टैक्सास).
RARE_LOAN_ZIPF = 4.0


def _rare_loan(word: str, candidate: str) -> bool:
    """A rare loan spelled with other vowels (the same halants): papers disagree on those."""
    return lexicon.prior(candidate) < RARE_LOAN_ZIPF and word.count(VIRAMA) == candidate.count(VIRAMA)
