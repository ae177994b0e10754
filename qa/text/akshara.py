"""Devanagari-aware spelling distance: aksharas, variant keys and a near-miss index.

Typing slips in Hindi are mostly cheap, near-invisible edits: a short vowel sign for
a long one (ि/ी, ु/ू), a dropped nukta or nasal sign, a halant, an aspirate for its
plain consonant. :func:`distance` weights rapidfuzz's edit operations by these
classes, so "पुरुस्कार" is close to "पुरस्कार" while two unrelated consonants are
far apart. :func:`variant_key` folds the *accepted* spelling variants (chandrabindu
and anusvara, half nasal, the Perso-Arabic nukta, shruti य, ऑ) that are a matter of
house style, never a typo. :class:`NearIndex` finds candidates by symmetric deletes
over a folded skeleton, so a lookup costs a few dict probes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import regex

from qa.text import edits

VIRAMA, NUKTA, ANUSVARA, CANDRABINDU, VISARGA = "\u094d", "\u093c", "\u0902", "\u0901", "\u0903"
CONSONANTS = frozenset(chr(c) for c in range(0x0915, 0x093A))
VOWEL_SIGNS = frozenset(chr(c) for c in range(0x093E, 0x094D))
INDEPENDENT_VOWELS = frozenset(chr(c) for c in range(0x0904, 0x0915))
#: The characters of a Devanagari word (letters and signs, no digits or dandas, ZWNJ and
#: ZWJ), as the body of a regular-expression character class.
WORD_LETTERS = "\u0900-\u0963\u0971-\u097f\u200c\u200d"


def ends_in_consonant(word: str) -> bool:
    """``word`` ends in a consonant letter (with a nukta or not) and no sign: रख, पढ़."""
    return word[-1:] in CONSONANTS or word.endswith(NUKTA)


_AKSHARA = regex.compile(
    r"(?:[\u0915-\u0939]\u093C?\u094D[\u200C\u200D]?)*[\u0915-\u0939]\u093C?"
    r"(?:[\u093E-\u094C\u0962\u0963]|\u094D(?![\u0915-\u0939]))?[\u0900-\u0903]*"
    r"|[\u0904-\u0914][\u0900-\u0903]*|.",
    regex.S,
)

# Pairs whose substitution is a cheap slip (vowel length, aspirates, sibilants, ड/ड़,
# the retroflex and dental nasals, which most speakers say alike: घोषना for घोषणा).
_CHEAP_PAIRS = [
    "िी", "ुू", "ेै", "ोौ", "इई", "उऊ", "एऐ", "ओऔ", "ंँ", "ाॉ", "आऑ",
    "कख", "गघ", "चछ", "जझ", "टठ", "डढ", "तथ", "दध", "पफ", "बभ", "शष", "शस", "षस",
    "ड़ढ़", "रऋ", "्ृ", "णन",
]  # fmt: skip
_CHEAP = {frozenset(p) for p in _CHEAP_PAIRS}
#: Signs whose insertion or deletion is a cheap slip.
_LIGHT = frozenset((NUKTA, ANUSVARA, CANDRABINDU, VIRAMA, VISARGA, "\u0943", "\u200c", "\u200d"))

# The skeleton forgets everything a cheap edit changes.
_SKELETON = str.maketrans(
    {
        "ी": "ि", "ू": "ु", "ै": "े", "ौ": "ो", "ई": "इ", "ऊ": "उ", "ऐ": "ए", "औ": "ओ",
        "ॉ": "ा", "ऑ": "आ", "ख": "क", "घ": "ग", "छ": "च", "झ": "ज", "ठ": "ट", "ढ": "ड",
        "थ": "त", "ध": "द", "फ": "प", "भ": "ब", "ष": "श", "स": "श", "ऋ": "र", "ृ": "्", "ण": "न",
        NUKTA: None, ANUSVARA: None, CANDRABINDU: None, VIRAMA: None, VISARGA: None,
        "\u200c": None, "\u200d": None,
    }
)  # fmt: skip

# Accepted variants (house style, §1.14 of the norms): folded by variant_key.
_NASAL_CLUSTER = regex.compile(r"[ङञणनम]\u094D(?=[\u0915-\u0939])")
_SHRUTI = regex.compile(r"(?<=[\u0915-\u0939\u093C\u093E-\u094C\u0905-\u0914])य([ेी])")
_PERSO_NUKTA = regex.compile(r"(?<=[कखगजफ])\u093C")
#: र् in a short word of bare consonants (बर्फ/बरफ, गर्म/गरम, बर्तन/बरतन): a colloquial variant.
_REPH_BEFORE_BARE = regex.compile(r"^([\u0915-\u0939]\u093C?)र\u094D(?=(?:[\u0915-\u0939]\u093C?){1,2}$)")


_SPLIT_NUKTA = {c: unicodedata.normalize("NFD", chr(c)) for c in range(0x0958, 0x0960)}
#: :data:`_SKELETON` after :func:`nfd_nukta`, as one table (a translation per character).
_NFD_SKELETON = {**_SKELETON, **{c: split.translate(_SKELETON) for c, split in _SPLIT_NUKTA.items()}}


#: A precomposed nukta letter (NFC has none: a search finds that faster than a translation).
_NUKTA_LETTER = re.compile("[\u0958-\u095f]")


def nfd_nukta(word: str) -> str:
    """NFC except that precomposed nukta letters (क़, ड़ …) are split into letter + nukta."""
    return word.translate(_SPLIT_NUKTA) if _NUKTA_LETTER.search(word) else word


@lru_cache(maxsize=4096)
def akshara_count(word: str) -> int:
    """How many :func:`aksharas` ``word`` has (several tests of one new word ask)."""
    return len(aksharas(word))


def aksharas(word: str) -> list[str]:
    """Orthographic syllables: "राष्ट्रपति" -> ["रा", "ष्ट्र", "प", "ति"]."""
    return _AKSHARA.findall(nfd_nukta(word))


def skeleton(word: str) -> str:
    """The word with every cheap distinction forgotten (matra length, nukta, nasal, aspirate)."""
    return word.translate(_NFD_SKELETON)


def without_perso_nukta(word: str) -> str:
    """NFC ``word`` without the nukta of क़ ख़ ग़ ज़ फ़ (दिक़्क़त -> दिक्कत): an accepted variant."""
    return unicodedata.normalize("NFC", _PERSO_NUKTA.sub("", nfd_nukta(word)))


@lru_cache(maxsize=65536)
def variant_key(word: str) -> str:
    """Equal for two spellings that are accepted variants of one another (गए/गये, यहाँ/यहां)."""
    word = nfd_nukta(word)
    word = _PERSO_NUKTA.sub("", word).replace(CANDRABINDU, ANUSVARA)
    word = _NASAL_CLUSTER.sub(ANUSVARA, word)
    word = word.replace("ॉ", "ा").replace("ऑ", "आ").replace("त्त्व", "त्व").replace("र्द्ध", "र्ध")
    word = _REPH_BEFORE_BARE.sub(lambda m: m[1] + "र", word)  # not आर्थिक/आरथिक, रिपोर्ट/रिपोरट
    return _SHRUTI.sub(lambda m: "ए" if m.group(1) == "े" else "ई", word)


#: Forgets the signs whose slips native words show and transliterations do not vary in:
#: the light signs and the length of the i and u vowel signs (ए/ऐ, ओ/औ and initial vowels
#: do vary in transliterated names: टेक्सास/टैक्सास, इवनिंग/ईवनिंग).
_SIGN_SLIPS = str.maketrans({**dict.fromkeys(_LIGHT), "ी": "ि", "ू": "ु"})


_DHHA, _DDDHA = "ढ" + NUKTA, "ड" + NUKTA


def sign_slip(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ only by a dropped or stray light sign (nukta, nasal,
    halant, ृ), by the length of an i or u vowel sign, by ड़ for ढ़ (बड़कर), or by e/ai or
    o/au in the ending (इशारै, मकानौं: Hindi endings, unlike transliterated stems, never
    vary so)."""
    if a == b:
        return False
    a, b = (nfd_nukta(w).replace(_DHHA, _DDDHA).translate(_SIGN_SLIPS) for w in (a, b))
    return a == b or _ending_pair(a, b)


def ending_slip(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ only by e/ai or o/au in the last vowel sign, before
    any nasal (इशारै, धारकौं): a Hindi ending, where a transliteration's vowels do not vary."""
    stem_a, stem_b = a.rstrip(ANUSVARA + CANDRABINDU), b.rstrip(ANUSVARA + CANDRABINDU)
    return a[len(stem_a) :] == b[len(stem_b) :] and _ending_pair(stem_a, stem_b)


def _ending_pair(a: str, b: str) -> bool:
    """The same but for e/ai or o/au as the last character."""
    return len(a) == len(b) > 0 and a[:-1] == b[:-1] and {a[-1], b[-1]} in _ENDING_PAIRS


_NO_LIGHT = str.maketrans(dict.fromkeys(_LIGHT))


def light_slip(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ only by dropped or stray light signs (nukta, nasal,
    halant, ृ)."""
    return a != b and nfd_nukta(a).translate(_NO_LIGHT) == nfd_nukta(b).translate(_NO_LIGHT)


def letters(word: str) -> int:
    """The consonants and vowels of ``word`` (its length with the signs left out)."""
    return sum(ch in CONSONANTS or ch in INDEPENDENT_VOWELS for ch in word)


def dropped_one(word: str, longer: str) -> bool:
    """True if ``word`` is ``longer`` with one character left out (वायस, वायरस)."""
    return len(longer) == len(word) + 1 and any(
        longer[:i] + longer[i + 1 :] == word for i in range(len(longer))
    )


def doubled_consonant(word: str, shorter: str) -> bool:
    """True if ``word`` is ``shorter`` with one consonant letter typed twice, the first
    copy bare (कंपननी, पुलिसस: a key struck twice; Hindi writes a geminate with a halant,
    क्क, so a bare doubled letter is rarely a spelling)."""
    return len(word) == len(shorter) + 1 and any(
        "\u0915" <= word[i] <= "\u0939" and word[i + 1] == word[i] and word[:i] + word[i + 1 :] == shorter
        for i in range(len(word) - 1)
    )


def differences(a: str, b: str) -> list[int]:
    """The positions where ``a`` and ``b``, of one length, differ (none for two lengths):
    what the tests of a slip that changes signs in place look at."""
    if len(a) != len(b):
        return []
    return [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]


def vowel_swap(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ only in one vowel sign's length or quality: ि/ी,
    ु/ू, े/ै or ो/ौ (आयौजनों, फायदैमंद, अदायगि)."""
    diff = differences(a, b)
    return len(diff) == 1 and {a[diff[0]], b[diff[0]]} in _VOWEL_PAIRS


_VOWEL_PAIRS = ({"ि", "ी"}, {"ु", "ू"}, {"े", "ै"}, {"ो", "ौ"})


#: Vowel signs of an ending typed for each other (after light signs are forgotten).
_ENDING_PAIRS = ({"े", "ै"}, {"ो", "ौ"})


def _op_cost(kind: str, a: str, b: str) -> float:
    if kind == "replace":
        if frozenset((a, b)) in _CHEAP:
            return 0.4
        if a in VOWEL_SIGNS and b in VOWEL_SIGNS:
            return 0.9  # another vowel quality (ा/ि): often another word (परावर्तित/परिवर्तित)
        if {a, b} == {"अ", "आ"}:
            return 0.7  # the initial vowel's ा, as a dropped sign costs (अर्थिक for आर्थिक)
        return 1.0
    char = a if kind == "delete" else b
    if char in _LIGHT:
        return 0.4
    return 0.7 if char in VOWEL_SIGNS else 1.0


#: Two neighbouring characters typed in the wrong order (जानाकरी); a nasal or other light
#: sign typed one place off (आकंड़ों for आंकड़ों) costs no more than one dropped.
TRANSPOSITION, LIGHT_TRANSPOSITION = 0.6, 0.4
#: Two i or u signs whose lengths swapped (निती for नीति) cost one length slip; so do two or
#: more sibilants written wrong in one word (विसेस for विशेष), a vowel sign typed on the
#: other side of a conjunct (शिक्त for शक्ति) and ृ or a reph misspelt (:func:`r_slip`),
#: whatever the word: the rules judge the word (T002 asks for a native one past its edit
#: bound and for any swapped lengths, T040 leaves transliterated names out).
LENGTH_SWAP = 0.4


def transposed(a: str, b: str, diff: list[int] | None = None) -> bool:
    """True if ``b`` is ``a`` with one pair of neighbouring characters swapped, the first
    letter kept (a swap there makes another word too often: रसदार/सरदार). ``diff``, here
    and in the tests below, is their :func:`differences` if already found."""
    diff = differences(a, b) if diff is None else diff
    return (
        a[:1] == b[:1]
        and len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def length_swap(a: str, b: str, diff: list[int] | None = None) -> bool:
    """True if ``a`` and ``b`` differ only in that two i (or two u) signs swapped their
    lengths (निती for नीति, स्थीति for स्थिति): one slip, the writer put the long sign on
    the wrong syllable."""
    diff = differences(a, b) if diff is None else diff
    if len(diff) != 2:
        return False
    first, second = diff
    return a[first] == b[second] and a[second] == b[first] and {a[first], b[first]} in _VOWEL_PAIRS[:2]


#: The sibilants, which many writers do not tell apart.
SIBILANTS = "शसष"
_FOLD_SIBILANTS = str.maketrans(dict.fromkeys(SIBILANTS, "स"))
_SIBILANT_SET = frozenset(SIBILANTS)


def sibilants_apart(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` are one spelling but for their sibilants (श, ष, स)."""
    return a.translate(_FOLD_SIBILANTS) == b.translate(_FOLD_SIBILANTS)


def sibilant_slips(a: str, b: str, diff: list[int] | None = None) -> bool:
    """True if ``a`` and ``b`` differ only in two or more sibilants (विसेस for विशेष,
    विस्लेसण for विश्लेषण): one slip, a writer who does not tell श, ष and स apart writes
    every sibilant of the word the same wrong way."""
    diff = differences(a, b) if diff is None else diff
    return len(diff) >= 2 and sibilants_apart(a, b)


def moved_sign(a: str, b: str, diff: list[int] | None = None) -> bool:
    """True if ``b`` is ``a`` with one vowel sign moved across a run of consonants that
    holds a conjunct: one slip, the sign typed before or after the whole cluster
    (प्रेक्षपण for प्रक्षेपण, शिक्त for शक्ति), after the bare consonants beside it too
    (ओंकारश्वरे for ओंकारेश्वर, परम्पारिक for पारम्परिक), or inside it, after its first
    letter, as text from legacy fonts has it (के्रडिट for क्रेडिट). Across bare consonants
    alone a moved sign makes another form of the word too often (निकालन is निकालने, not
    निकलना)."""
    diff = differences(a, b) if diff is None else diff
    if not diff:
        return False
    first, last = diff[0], diff[-1]
    for shorter, longer in ((a, b), (b, a)):
        sign = shorter[first]
        if (
            sign in VOWEL_SIGNS
            and shorter[first + 1 : last + 1] == longer[first:last]
            and longer[last] == sign
            and VIRAMA in longer[first:last]
            and all(ch in CONSONANTS or ch in (VIRAMA, NUKTA) for ch in longer[first:last])
        ):
            return True
    return False


#: The most letters a nasal is typed past as one slip: a consonant and its vowel sign.
MAX_NASAL_SHIFT = 2


def moved_nasal(a: str, b: str, diff: list[int] | None = None) -> bool:
    """True if ``b`` is ``a`` with its anusvara or chandrabindu typed after the next
    akshara or before the last (सहिंता for संहिता, मंहगाई for महंगाई): one slip."""
    diff = differences(a, b) if diff is None else diff
    if len(diff) < 2:
        return False
    first, last = diff[0], diff[-1]
    for shorter, longer in ((a, b), (b, a)):
        sign = shorter[first]
        if (
            sign in (ANUSVARA, CANDRABINDU)
            and last - first <= MAX_NASAL_SHIFT
            and shorter[first + 1 : last + 1] == longer[first:last]
            and longer[last] == sign
        ):
            return True
    return False


#: A reph: र with a halant before a consonant.
_REPH = regex.compile("र\u094d(?=[\u0915-\u0939])")


def r_slip(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` are one slip of the letter र apart: ृ typed as a conjunct
    with र (म्रत्यु for मृत्यु, क्रपया for कृपया), or a reph typed on another akshara
    (रिर्पोट for रिपोर्ट, प्रर्दशन for प्रदर्शन, आर्शीवाद for आशीर्वाद). Not an initial ऋ
    written रि: names are spelled both ways (ऋतिक/रितिक)."""
    if len(a) == len(b):
        return "र\u094d" in a and "र\u094d" in b and _moved_reph(a, b)
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return "\u0943" in shorter and _ri_spelt(shorter, longer)


def _ri_spelt(word: str, other: str) -> bool:
    """``other`` is ``word`` with one ृ after a consonant spelled with र."""
    return len(other) == len(word) + 1 and any(
        word[:at] + VIRAMA + "र" + word[at + 1 :] == other
        for at, sign in enumerate(word)
        if sign == "\u0943" and at > 0
    )


def _moved_reph(a: str, b: str) -> bool:
    """``a`` and ``b``, as long and both with र and a halant, are one word with its reph on
    two different aksharas."""
    if a == b:
        return False
    rests = {a[: m.start()] + a[m.end() :]: m.start() for m in _REPH.finditer(a)}
    return any(rests.get(b[: m.start()] + b[m.end() :], m.start()) != m.start() for m in _REPH.finditer(b))


def may_be_one_slip(a: str, b: str, diff: list[int]) -> bool:
    """A cheap test each one slip of several signs passes, to put before theirs: ``a`` and
    ``b`` differ (``diff``) in two places or more, and the first differing character of one
    is the last of the other (a sign moved, two swapped) or all four are sibilants."""
    if len(diff) < 2:
        return False
    first, last = diff[0], diff[-1]
    return (
        a[first] == b[last] or b[first] == a[last] or {a[first], b[first], a[last], b[last]} <= _SIBILANT_SET
    )


def one_slip_of_many_signs(a: str, b: str, diff: list[int] | None = None) -> bool:
    """Two or more changed signs that are one slip: swapped i/u lengths, the sibilants, a
    vowel sign on the wrong consonant or a nasal an akshara off."""
    diff = differences(a, b) if diff is None else diff
    return may_be_one_slip(a, b, diff) and (
        length_swap(a, b, diff)
        or sibilant_slips(a, b, diff)
        or moved_sign(a, b, diff)
        or moved_nasal(a, b, diff)
    )


def distance(a: str, b: str) -> float:
    """Weighted edit distance: cheap for the slips typists make, 1.0 for a real change."""
    a, b = nfd_nukta(a), nfd_nukta(b)
    diff = differences(a, b)
    if one_slip_of_many_signs(a, b, diff) or r_slip(a, b):
        return LENGTH_SWAP
    if transposed(a, b, diff):
        return LIGHT_TRANSPOSITION if {a[diff[0]], a[diff[1]]} & _LIGHT else TRANSPOSITION
    cost = 0.0
    for tag, source, destination in edits.editops(a, b):
        x = a[source] if source < len(a) else ""
        y = b[destination] if destination < len(b) else ""
        cost += _op_cost(tag, x, y)
    return cost


#: The longest skeleton :meth:`NearIndex.candidates` looks up: no word of a list is longer.
MAX_KEY = 64


def _deletes(key: str) -> tuple[str, ...]:
    """``key`` and every string one character shorter (one twice where a letter repeats)."""
    return (key, *[key[:i] + key[i + 1 :] for i in range(len(key))])


@lru_cache(maxsize=512)
def _probes(word: str) -> tuple[str, ...]:
    """The keys :meth:`NearIndex.candidates` looks up for ``word``, the same in every index
    (T002's and T040's look up one new word each: worked out once). Kept for a document's
    worth of unknown words: a word's keys are a dozen strings, and 4,096 words of them
    took a 5 MB file's peak memory past 200 MB."""
    bare = skeleton(word)
    return () if len(bare) > MAX_KEY else _deletes(bare)


class NearIndex:
    """Words by their skeleton's one-deletion neighbourhood (symmetric delete, edit 1).

    :attr:`table` maps a key to its words joined by spaces: one string per key loads from
    the start-up cache about twice as fast as a list of words."""

    def __init__(self, words: Iterable[str]) -> None:
        lists: dict[str, list[str]] = {}
        for word in words:
            for key in set(_deletes(skeleton(word))):
                lists.setdefault(key, []).append(word)
        self.table: dict[str, str] = {key: " ".join(found) for key, found in lists.items()}

    @classmethod
    def from_table(cls, table: dict[str, str]) -> NearIndex:
        """An index from a stored :attr:`table`."""
        index = cls(())
        index.table = table
        return index

    def candidates(self, word: str) -> set[str]:
        """Indexed words within one edit of ``word`` once cheap distinctions are forgotten
        (none for a run longer than any word: its deletions alone would cost its length
        squared)."""
        found: set[str] = set()
        get = self.table.get
        for key in _probes(word):
            words = get(key)
            if words is not None:
                found.update(words.split(" "))
        found.discard(word)
        return found
