"""Non-word errors, a dropped ड़/ढ़ nukta, unknown words and the house reject list (family T).

Every check works per distinct word type (``doc.word_index``), so a long article
costs one lexicon probe per word it uses, and the suggestion search (a symmetric
delete index over folded skeletons, see :mod:`qa.text.akshara`) runs only for the
few types the lexicon does not recognise.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import cast

import regex

from qa import datacache, datatables, gazetteer, lexicon
from qa.checks import agreement_lexicon, inflection, spelling_doubts
from qa.checks import agreement_words as aw
from qa.checks.confusion import FUNCTION_WORDS, context_counts, neighbours
from qa.checks.consistency import context_registry
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text import akshara
from qa.text.akshara import (
    ANUSVARA,
    CONSONANTS,
    NUKTA,
    VIRAMA,
    VOWEL_SIGNS,
    NearIndex,
    akshara_count,
    aksharas,
    differences,
    distance,
    doubled_consonant,
    dropped_one,
    ending_slip,
    ends_in_consonant,
    length_swap,
    letters,
    light_slip,
    may_be_one_slip,
    moved_nasal,
    moved_sign,
    nfd_nukta,
    one_slip_of_many_signs,
    r_slip,
    sibilants_apart,
    sign_slip,
    transposed,
    variant_key,
    vowel_swap,
)
from qa.text.edits import osa
from qa.text.normalize import key

#: An oblique plural at least this common (by either source) is offered for a Sanskrit "-am"
#: (:func:`oblique_plural`).
MIN_OBLIQUE_PLURAL_ZIPF = 3.0
#: Candidates below this Zipf value are offered only as :func:`_rare_but_sure` allows
#: (curated news vocabulary from ``data/lexicon`` is always a candidate for long words).
MIN_CANDIDATE_ZIPF = 4.0
#: A rarer candidate must be at least this common in both sources.
MIN_RARE_ZIPF = 3.5
#: ... or, for a native word's vowel slip, this common in one of them (about five
#: sightings in the counted prose: a word both sources know, not a one-off).
MIN_NATIVE_ZIPF = 3.3
#: The largest weighted distance allowed, by word length in aksharas.
_LIMITS = {2: 0.4, 3: 0.4, 4: 0.7}
_LONG_LIMIT = 0.8
#: What a whole dropped letter costs at most: a slip only in a common word this long.
LETTER_SLIP = 1.0
MIN_LETTER_SLIP_AKSHARAS = 4
#: ... and, for a rarer word, only in a written form of this many letters (:func:`letters`).
MIN_SLIP_LETTERS = 4
#: ... or of this many, if it spells no English word and is used once (:func:`_short_cut`).
MIN_SHORT_SLIP_LETTERS = 3
#: A written form this long is a long word (:func:`_inner_letter_dropped`).
MIN_LONG_LETTERS = 5
#: The cheapest edit :func:`distance` charges, so a candidate more than ``limit / CHEAPEST_EDIT``
#: plain edits away is out of reach (NFC text has no precomposed nukta letters for
#: :func:`distance` to split, so plain and weighted edits count the same characters; a swap of
#: neighbours is one edit of each kind).
CHEAPEST_EDIT = 0.4


def _table_sources() -> list[Path]:
    """What the near index and the twin table are built from: the word lists and the code
    that reads and filters them (a checkout's edits count too)."""
    return [*lexicon.sources(), Path(__file__), Path(akshara.__file__), Path(lexicon.__file__)]


@cache
def near_index() -> NearIndex:
    """The candidates' index, kept in the start-up cache (building it takes a few dozen ms)."""
    return NearIndex.from_table(datatables.lazy("near-index", _table_sources(), _near_table))


def _near_table() -> dict[str, str]:
    words = {*lexicon.frequencies(), *lexicon.corpus_zipf()}
    return NearIndex(w for w in words if _may_be_offered(w)).table


def _may_be_offered(word: str) -> bool:
    """``word`` can pass :func:`near`'s tests as a candidate: curated news vocabulary, a
    word of :data:`MIN_CANDIDATE_ZIPF`, or one both sources know at :data:`MIN_NATIVE_ZIPF`
    (the least :func:`_known_to_both` asks for). The index holds these only: less than
    half the words of Zipf 3 or more, so it loads and answers faster. The twin table
    (:func:`twins`) draws its twins from this index too."""
    web = lexicon.web_zipf().get(word)
    if word in lexicon.additions() and web is None:
        return True
    if lexicon.prior(word) >= MIN_CANDIDATE_ZIPF:
        return True
    counted = lexicon.corpus_zipf().get(word)
    return web is not None and counted is not None and max(web, counted) >= MIN_NATIVE_ZIPF


#: A word of the Devanagari block only (ZWJ/ZWNJ allowed), starting with a Devanagari letter.
_DEVANAGARI_WORD = regex.compile(r"(?=\p{Devanagari})[\u0900-\u097f\u200c\u200d]+")


# A nukta after anything but a consonant is a damaged sequence (the Unicode family's).
_STRAY_NUKTA = regex.compile(r"(?<![\u0915-\u0939])\u093c")


#: Longer "words" are not words (pasted runs without spaces); their suggestions would cost
#: time quadratic in the length, so they are left alone.
MAX_WORD = 60


@lru_cache(maxsize=65536)
def _unlisted(word: str) -> str | None:
    """The normal form of a Devanagari word that no word list names (wordfreq's, the
    project's), else None: a word only the counted prose or the morphology vouches for."""
    if not _DEVANAGARI_WORD.fullmatch(word) or _STRAY_NUKTA.search(unicodedata.normalize("NFD", word)):
        return None
    normal = spelling_doubts.lookup_form(word)
    return None if lexicon.listed(normal) else normal


def unlisted_word(word: str) -> bool:
    """``word`` is not in wordfreq's list: one of the few words T002 and T040 weigh."""
    return word not in lexicon.web_zipf()


def _unlisted_devanagari(word: str) -> bool:
    """``word`` is a Devanagari word no word list names, short enough to weigh."""
    return len(word) <= MAX_WORD and unlisted_word(word) and _unlisted(word) is not None


_UNLISTED = Sieve(_unlisted_devanagari)


def unlisted(ctx: Context, sieve: Sieve = _UNLISTED) -> Iterator[tuple[str, str, Sequence[int]]]:
    """(word, its normal form, starts) for Devanagari words no word list and no house list
    names (of those, the words ``sieve`` takes: it must take only such words)."""
    accept, index = lexicon.house(ctx.config).accept, ctx.document.word_index
    for word in sorted(sieve.select(ctx.document.word_set)):
        normal = cast(str, _unlisted(word))  # a form: the sieve took the word
        if normal not in accept:
            yield word, normal, index[word]


#: A vowel sign left out inside a word of three aksharas (बतया, तैयर, दौरन) is a slip of a
#: word this common (Zipf) whatever else is near: a rarer one lies a sign from too many
#: names (मदान, मैदान) ...
MIN_DROPPED_SIGN_ZIPF = 5.0
#: ... and of a word this common where no word lies within the limit (आगमी, दबव, सलह): the
#: slip then has one reading, the commoner word's, rather than a choice between words.
MIN_LONE_DROPPED_SIGN_ZIPF = 4.0


def dropped_vowel_sign(word: str, candidate: str, min_zipf: float = MIN_DROPPED_SIGN_ZIPF) -> bool:
    """``word`` is ``candidate``, of Zipf ``min_zipf`` or more, with one vowel sign left out
    before its last letter (बताया -> बतया, चाहिए -> चाहए), or its initial आ written अ
    (अर्थिक, अवश्यक)."""
    if lexicon.prior(candidate) < min_zipf:
        return False
    return short_initial(word, candidate) or (
        len(candidate) == len(word) + 1
        and any(
            candidate[i] in VOWEL_SIGNS and candidate[:i] + candidate[i + 1 :] == word
            for i in range(len(candidate) - 1)
        )
    )


def _dropped_from_common(word: str, candidate: str, length: int) -> bool:
    """``word``, of ``length`` aksharas, is the very common ``candidate`` with a vowel sign
    left out (बतया, तैयर), or, if it has two, with its initial आ written अ (अया, अए): a
    short word's other dropped signs make words (कम, जल)."""
    if length == 2:
        return short_initial(word, candidate) and dropped_vowel_sign(word, candidate)
    return length == 3 and dropped_vowel_sign(word, candidate)


def short_initial(word: str, candidate: str) -> bool:
    """``word`` is ``candidate`` with its initial आ written अ (अर्थिक for आर्थिक)."""
    return word[:1] == "अ" and candidate[:1] == "आ" and word[1:] == candidate[1:]


def _negated(word: str, candidate: str) -> bool:
    """``word`` is the negating prefix अ before a known participle, which ``candidate``
    spells with आ (अरक्षित, "unprotected", beside आरक्षित): a word, not a slip."""
    return short_initial(word, candidate) and word.endswith("ित") and lexicon.known(word[1:])


def respelt(word: str, candidate: str) -> bool:
    """``word`` is ``candidate`` misspelt, not another word's form: a light sign or an i or
    u sign's length (:func:`sign_slip`), ृ or a reph (:func:`r_slip`), an initial आ written अ."""
    return sign_slip(word, candidate) or r_slip(word, candidate) or short_initial(word, candidate)


#: A word this common after a bare conjunct (रूप after प्र) makes a prefixed compound (:func:`prefixed`).
MIN_PREFIXED_ZIPF = 5.0


def prefixed(word: str) -> bool:
    """``word`` is a common word after a first akshara that is a bare conjunct, the form of
    a Sanskrit prefix (प्र + रूप, प्र + सर): a compound the lists may lack (प्ररूप, "a form"),
    not a slip of a word with a sign more (प्रारूप)."""
    first, *rest = aksharas(word)
    return (
        VIRAMA in first[:-1]
        and first[-1] not in VOWEL_SIGNS
        and lexicon.prior("".join(rest)) >= MIN_PREFIXED_ZIPF
    )


def lone_dropped_sign(word: str, candidate: str) -> bool:
    """``word``, of three aksharas, is ``candidate`` with a vowel sign left out, a slip by
    :data:`MIN_LONE_DROPPED_SIGN_ZIPF` only: a weaker reading, which a name's context outweighs."""
    return (
        dropped_vowel_sign(word, candidate, MIN_LONE_DROPPED_SIGN_ZIPF)
        and not dropped_vowel_sign(word, candidate)
        and len(aksharas(word)) == 3
    )


@lru_cache(maxsize=8192)
def near(word: str) -> tuple[tuple[float, str], ...]:
    """(cost, candidate) for the words a slip away from NFC ``word``, cheapest first, one
    spelling per accepted-variant group (empty if none is close)."""
    candidates = near_index().candidates(word)
    if not candidates:
        return ()  # as for most unknown words: no need to count the aksharas
    length = akshara_count(word)
    if length < 2:
        return ()
    limit = _LIMITS.get(length, _LONG_LIMIT)
    max_edits = int(limit / CHEAPEST_EDIT)
    additions, web = lexicon.additions(), lexicon.web_zipf()
    found, lone = [], []
    negating = word[:1] == "अ"  # only a word in अ may be the negating prefix's (अरक्षित)
    for candidate in candidates:
        if abs(len(candidate) - len(word)) > max_edits and not r_slip(word, candidate):
            continue  # too many edits, and no one slip (of several signs, of र)
        if negating and _negated(word, candidate):
            continue
        edits = osa(word, candidate, max_edits)
        # Too many edits for even the cheapest ones to stay within the limit, unless they are
        # one slip of several signs (which keeps the length) or of र.
        if edits > max_edits and not r_slip(word, candidate):
            if len(candidate) != len(word) or not _far_slip(word, candidate):
                continue
        elif length_swap(word, candidate) and not _settled(candidate):
            continue
        curated = candidate in additions and candidate not in web
        if curated and (length < 4 or not dropped_one(word, candidate)):
            continue  # transliterated terms vary in vowels: only a dropped letter is a slip
        if edits == 1 and _letter_slip(word, candidate):  # a letter slip is one edit
            found.append((distance(word, candidate), candidate))
            continue
        cost = distance(word, candidate)
        if cost <= limit and (
            curated or lexicon.prior(candidate) >= MIN_CANDIDATE_ZIPF or _rare_but_sure(word, candidate)
        ):
            found.append((cost, candidate))
        elif _dropped_from_common(word, candidate, length):
            found.append((limit, candidate))  # past the limit, but a very common word's
        elif (
            length == 3
            and dropped_vowel_sign(word, candidate, MIN_LONE_DROPPED_SIGN_ZIPF)
            and not prefixed(word)
        ):
            lone.append((limit, candidate))  # आगमी, दबव: a common word's, if nothing else is near
    found = found or lone
    if not found:
        return ()
    key = variant_key(word)
    scored = []
    for cost, candidate in found:
        group = variant_key(candidate)
        if group != key or stray_nukta(word, candidate):  # an accepted variant spelling is not a typo
            scored.append((cost, -lexicon.prior(candidate), candidate, group))
    scored.sort()
    seen: set[str] = set()
    best = []
    for cost, _, candidate, group in scored:  # one spelling per accepted-variant group
        if group not in seen:
            seen.add(group)
            best.append((cost, candidate))
    return tuple(best)


#: A Perso-Arabic nukta's spelling of a word this common without it is in the web list,
#: if papers write it: at a tenth of the plain form's frequency it would still pass the
#: list's floor (Zipf 3).
MIN_NUKTA_PLAIN_ZIPF = 4.5


def stray_nukta(word: str, plain: str) -> bool:
    """``word`` is the common ``plain`` with a nukta (ज़, फ़, …) that no
    source has seen (ज़ब for जब): the nukta is a house's choice only where papers write it
    (ज़्यादा/ज्यादा); a nukta on a word both sources know well without it, in a spelling
    neither has met, is a stray key."""
    return (
        nfd_nukta(word).replace(NUKTA, "") == nfd_nukta(plain)
        and not lexicon.attested(word)
        and min(lexicon.web_zipf().get(plain, 0.0), lexicon.corpus_zipf().get(plain, 0.0))
        >= MIN_NUKTA_PLAIN_ZIPF
    )


def _far_slip(word: str, candidate: str) -> bool:
    """Several changed signs in ``word`` that are one slip of ``candidate``'s, as long: a
    nasal typed an akshara off, which is no spelling of any word's (सेटरं, सहिंता), or a
    native word's vowels and sibilants (a loan's or a name's vary) or a common word's vowel
    sign moved."""
    diff = differences(word, candidate)
    if not may_be_one_slip(word, candidate, diff):
        return False
    if moved_nasal(word, candidate, diff):
        return True
    return one_slip_of_many_signs(word, candidate, diff) and (
        _settled(candidate)
        or (moved_sign(word, candidate, diff) and lexicon.prior(candidate) >= MIN_CANDIDATE_ZIPF)
    )


def _settled(word: str) -> bool:
    """``word``'s vowels are settled: a native word (:func:`_native`) both sources know
    well, so two of its signs with swapped lengths are one slip (निती for नीति), not
    another transliteration of a loan or name (वर्जिनीया/वर्जीनिया)."""
    return _native(word) and _known_to_both(word, MIN_CANDIDATE_ZIPF)


def _letter_slip(word: str, candidate: str) -> bool:
    """``word`` is a long word with one letter dropped (वायरस -> वायस) or two neighbours
    swapped (लॉकडाउन -> लॉकाडउन), of a word that is common or that both sources know, or
    a common word of three aksharas or more with a consonant typed twice (कंपननी, वायरसस;
    not a final न after न, the ending of southern names: मोहनन); another added or a
    changed letter is too often another word or a name (अनधिकार, इतिहाद), and so is a
    shorter word's doubled letter (ममेरे, तनन)."""
    if doubled_consonant(word, candidate):
        southern = word.endswith("नन")
        return (
            not southern
            and akshara_count(candidate) >= 3
            and (lexicon.prior(candidate) >= COMMON_ZIPF or _known_to_both(candidate, MIN_CANDIDATE_ZIPF))
        )
    swapped = transposed(word, candidate)
    if not (swapped or dropped_one(word, candidate)) or akshara_count(candidate) < MIN_LETTER_SLIP_AKSHARAS:
        return False
    if lexicon.prior(candidate) >= COMMON_ZIPF:
        return True
    return (
        _known_to_both(candidate, places=letters(candidate) > letters(word))
        and (letters(word) >= MIN_SLIP_LETTERS or _short_cut(word, candidate))
        and (swapped or _inner_letter_dropped(word, candidate))
    )


#: The vowel signs a Hindi word's gender and number endings write (तलवा, समावे, एकसा).
_WORD_ENDINGS = frozenset("ाेी")


def _short_cut(word: str, candidate: str) -> bool:
    """A form of :data:`MIN_SHORT_SLIP_LETTERS` letters that spells no English word (आयर
    reads "are", वायल "vial") and does not end in the vowel of a gender or number ending
    where ``candidate`` goes on (तलवा, एकसा are words, तलवार and एकसाथ others): it may
    still be a rarer word's slip (फिलाल, दहत, इजाज); one written twice in a document is
    the writer's (:func:`short_cut_repeated`)."""
    return (
        letters(word) >= MIN_SHORT_SLIP_LETTERS
        and not (word[-1] in _WORD_ENDINGS and candidate.startswith(word))
        and not spelling_doubts.english_readings(word)
    )


def short_cut_repeated(word: str, candidate: str, uses: int) -> bool:
    """``word``, a form shorter than :data:`MIN_SLIP_LETTERS` letters a whole letter from a
    rarer ``candidate``, is used more than once: a name (ली कुआन यू), not a one-off slip."""
    return (
        uses > 1
        and letters(word) < MIN_SLIP_LETTERS
        and lexicon.prior(candidate) < COMMON_ZIPF
        and (
            letters(candidate) > letters(word)
            or (transposed(word, candidate) and not light_slip(word, candidate))
        )
    )  # a letter, not a sign: a nasal one place off (आंशका for आशंका) is a sign's slip


def _inner_letter_dropped(word: str, longer: str) -> bool:
    """``word`` is ``longer`` less one letter or sign that is neither its first character,
    nor its last unless a consonant, nor a vowel sign other than ा (or, in a word of
    :data:`MIN_LONG_LETTERS` letters, an i, u or open o sign): transliterations vary in their
    other vowels (इकनॉमिक, सेक्रटरी) but keep a long a (लॉकडाउन, not लॉकडउन); a cut final
    vowel makes another word or name (कैरोलिन, सम्बोधि), and so does a cut start (ईएसआई),
    while a cut final consonant (लॉकडाउ, संक्रमि) leaves a stem no word ends in — but for
    an initialism's last letter name (आईएमएफ -> आईएमए spells another) — and a long
    word keeps its i and u (जिलाधकारी, लाभार्थयों) and a loan's open o, which papers
    write or change but do not leave out (लकडाउन), and a native one of :data:`MIN_SLIP_LETTERS`
    letters its e and o (सनानियों, शधकर्ता: :func:`_native`; a short i or u, गुरमत for
    गुरमीत, leaves another word too often)."""
    if not dropped_one(word, longer):
        return False
    signs = _KEPT_SIGNS_LONG if letters(word) >= MIN_LONG_LETTERS else "ा"
    if letters(word) >= MIN_SLIP_LETTERS and _native(longer):
        signs += _NATIVE_KEPT_SIGNS
    return any(
        longer[:i] + longer[i + 1 :] == word
        and (longer[i] in signs or longer[i] not in VOWEL_SIGNS)
        and (i < len(longer) - 1 or (longer[i] in CONSONANTS and longer[i - 1] != "ए"))
        for i in range(1, len(longer))
    )


#: The vowel signs a long word's letter slip may drop (``ा`` in any word; ``ॉ`` is a loan's
#: open o, spelled ा or ो in some papers but never left out), and those a
#: native word's may drop too.
_KEPT_SIGNS_LONG, _NATIVE_KEPT_SIGNS = "ािीुूॉ", "ेैोौ"


def _known_to_both(candidate: str, floor: float = MIN_RARE_ZIPF, *, places: bool = False) -> bool:
    """Both sources list ``candidate`` and the stronger one counts it at least ``floor``:
    a word two independent sources know is no one-off transliteration. A rarer place name
    is T040's, which weighs the gazetteer's places against each other, unless ``places``:
    a whole letter dropped (अमृसर, श्रीनर) is beyond T040's cheap slips."""
    web, counted = lexicon.web_zipf().get(candidate), lexicon.corpus_zipf().get(candidate)
    return (
        web is not None
        and counted is not None
        and max(web, counted) >= floor
        and (places or not _rare_place(candidate))
    )


def _rare_place(word: str) -> bool:
    """A word of the gazetteer's place names that is not common in its own right."""
    return word in gazetteer.words() and lexicon.prior(word) < COMMON_ZIPF


def _short_slip(word: str, candidate: str) -> bool:
    """A sign or sibilant slip (or a sign typed across a conjunct: शिक्त for शक्ति) in a
    two-akshara word the suffix model cannot parse, other
    than a nasal: short foreign words and names differ from Hindi ones just so (योंग is
    not योग, झाओ not जाओ, "आई ऐम" not एम, कौई not कोई). The suffix model's parse is no
    evidence against two signs that swapped their lengths (निती, नित + ी, for नीति) or a
    misspelt ृ (प्रथ्वी, प्रथ्व + ी, for पृथ्वी), nor against a very common word's initial आ
    written अ (अने, अन + े, for आने)."""
    return (
        (respelt(word, candidate) or sibilants_apart(word, candidate) or moved_sign(word, candidate))
        and word.translate(_NO_NASAL) != candidate.translate(_NO_NASAL)
        and (
            not lexicon.recognised(word)
            or length_swap(word, candidate)
            or tatsam_i(word, candidate)
            or r_slip(word, candidate)
            or dropped_vowel_sign(word, candidate)
        )
    )


def tatsam_i(word: str, candidate: str) -> bool:
    """``word`` is the tatsam -इ noun ``candidate`` (भक्ति, प्रगति, सर्वसम्मति, शांति)
    written with a long ी, and no verb's form: the suffix model reads भक्त + ी or
    सर्वसम्मत + ी, a parse that is no evidence for the -ी form when the -इ noun is the
    known word. A verb's perfective or imperfective in -ी whose infinitive and oblique
    infinitive the lexicon knows (जाती, of जाना, beside जाति) is another word."""
    if not (word.endswith("ी") and candidate == word[:-1] + "ि"):
        return False
    stems = (word[:-1], word[:-2]) if word.endswith("ती") else (word[:-1],)
    return not any(lexicon.known(stem + "ना") and lexicon.known(stem + "ने") for stem in stems)


_NO_NASAL = str.maketrans(dict.fromkeys("\u0901\u0902"))


def _extra_signs(word: str, candidate: str) -> set[str]:
    """The characters ``word`` has more of than ``candidate`` (a stray nasal, a halant)."""
    return set(Counter(nfd_nukta(word)) - Counter(nfd_nukta(candidate)))


def _rare_but_sure(word: str, candidate: str) -> bool:
    """A rarer candidate counts for a sign slip (:func:`sign_slip`) when both sources know it
    (:func:`_known_to_both`; for a vowel's length, well): rare words are often
    transliterations, whose vowels vary (टेक्सास/टैक्सास, कीरन/किरन) and which one source
    alone may spell either way; a misspelt र (:func:`r_slip`: म्रतकों, अर्लट) is no
    transliteration's."""
    slip = ending_slip(word, candidate) or (
        light_slip(word, candidate) and _extra_signs(word, candidate) <= {VIRAMA}
    )  # an ending's vowel, a dropped sign, a stray halant
    if _known_to_both(candidate) and (slip or r_slip(word, candidate)):
        return True  # transliterations vary in vowels, never in ृ or where the reph stands
    if _known_to_both(candidate, MIN_NATIVE_ZIPF) and _native_vowel_slip(word, candidate):
        return True  # a native word's vowels are fixed: that both sources know it is enough
    both = min(lexicon.web_zipf().get(candidate, 0.0), lexicon.corpus_zipf().get(candidate, 0.0))
    return both >= MIN_RARE_ZIPF and sign_slip(word, candidate)


def letter_margin(word: str) -> float:
    """How much commoner than an unseen ``word`` a word a whole letter away must be."""
    return LETTER_MARGIN - LETTER_MARGIN_PER_LETTER * max(0, letters(word) - MIN_SLIP_LETTERS)


def _native_vowel_slip(word: str, candidate: str) -> bool:
    """A vowel sign's length or quality slipped (:func:`vowel_swap`) in a word of four
    letters or more that spells no English word: a native word's vowels are fixed
    (आयोजनों, फायदेमंद), a loan's vary between papers (टेक्सास/टैक्सास, पॉजीटिव: a
    word with English's open o is a loan), and so do a short name's (विनित/विनीत,
    कुरेशी/कुरैशी)."""
    return letters(word) >= MIN_SLIP_LETTERS and vowel_swap(word, candidate) and _native(candidate)


def _native(word: str) -> bool:
    """``word`` spells no English word and has no letter only loans have (पॉजिटिव): its
    vowels are fixed, unlike a transliteration's."""
    return not _LOAN_LETTERS.search(word) and not spelling_doubts.english_readings(word)


#: Letters only loans have: the open o of English (पॉजिटिव, ऑफिस).
_LOAN_LETTERS = regex.compile("[\u0949\u0911]")


def suggestions(word: str) -> tuple[str, ...]:
    """Words a slip away from NFC ``word``, best first (empty if none is close)."""
    return tuple(candidate for _, candidate in near(word))


@lru_cache(maxsize=65536)
def corrections(word: str) -> tuple[str, ...]:
    """Suggestions for an unlisted NFC ``word`` when it is likelier a slip than a word.

    A noisy-channel decision: the best candidate must be commoner than the written form by
    a margin (:func:`lexicon.commoner_by`, in Zipf units) that grows with the evidence for
    the written form — none (a solid compound of known words counts as none), the
    morphology's guess (an unseen inflection of a known stem), or sightings in edited
    prose — and with the cost of the slip. The candidate weighed comes first (for a short
    word, its one sign slip, though another candidate may be as cheap: कुद is कूद, not खुद).
    """
    found = near(word)
    if not found:
        return ()
    cost, best = found[0]
    if word.startswith(best) and lexicon.recognised(word):
        return ()  # the morphology's own reading wins over its stem (मतलबी, मिलतीं)
    if _rare_place(best) and not (
        light_slip(word, best) or dropped_one(word, best) or _unlisted_variant(word, best)
    ):
        return ()  # a rarer place name's vowels vary between papers (फीरोजाबाद): T040 weighs those
    if akshara_count(word) < 3:  # a short word: only the one very common word a cheap slip away
        signs = [c for _, c in found if _short_slip(word, c)]
        if len(signs) != 1:
            margin = None
        else:
            best = signs[0]
            margin = (
                SHORT_LENGTH_MARGIN
                if _long_vowel_lost(word, best) or tatsam_i(word, best) or r_slip(word, best)
                else SHORT_MARGIN
            )
    elif word in lexicon.corpus_zipf():  # seen in edited prose (बरत, घिरने): a slip of spelling only
        # seen only twice, a very common word with a vowel sign left out: the prose's own slip
        # (सरकर); not a shorter word, which prose uses as a name or a word of its own (सगर, मलते)
        dropped = (
            _seen_twice(word)
            and akshara_count(word) >= MIN_SEEN_DROPPED_AKSHARAS
            and dropped_vowel_sign(word, best)
        )
        cheap = cost <= CHEAPEST_EDIT or short_initial(word, best) or dropped  # अयोजित: a dropped ा's cost
        # a sign slip, or e/ai or o/au in a native word's stem (समझोता), whose vowels are fixed
        slip = respelt(word, best) or _native_vowel_slip(word, best) or dropped
        margin = _seen_margin(word, best) if cheap and slip else None
    elif cost > _LONG_LIMIT or (not (respelt(word, best) or transposed(word, best)) and lexicon.parsed(word)):
        # a whole letter, or more than a sign in a form the morphology parses (भारीय, जानकरी)
        margin = GUESSED_LETTER_MARGIN if _vouched(word) else letter_margin(word)
    elif _vouched(word) and not tatsam_i(word, best):
        margin = GUESSED_MARGIN + (0.0 if cost <= CHEAPEST_EDIT else 0.5)
    else:
        margin = UNSEEN_MARGIN
    if margin is None or lexicon.commoner_by(best, word) < margin:
        return ()
    return (best, *(candidate for _, candidate in found if candidate != best))


#: A word seen only twice is read as a very common word with a vowel sign left out only
#: when it has this many aksharas (सरकर, not सगर or मलते).
MIN_SEEN_DROPPED_AKSHARAS = 4


def _seen_margin(word: str, best: str) -> float:
    """The margin for a word edited prose has and the web list lacks: seen only twice
    (the counts' floor) and a slip of spelling (:func:`_spelling_slip`), it is evidence
    no stronger than the morphology's guess (उपलब्धी, पुछताछ, सैकडों: the prose's own
    slips); seen more, or a name's sounds (चंदर, मिसर, सयम), it is a use (बरत, घिरने)."""
    return GUESSED_MARGIN if _seen_twice(word) and _spelling_slip(word, best) else SEEN_MARGIN


def _seen_twice(word: str) -> bool:
    """Edited prose has ``word`` (which it has) only as often as the counts' floor: twice."""
    return lexicon.corpus_zipf()[word] <= lexicon.counted_floor()


def _spelling_slip(word: str, best: str) -> bool:
    """``word`` is ``best`` with a vowel sign's length or quality changed (but a final short
    i, which Sanskrit names and vocatives keep: भगवति, बाहुबलि), ृ or a reph misspelt
    (म्रत्यु, रिर्पोट), an initial आ written अ (अर्थिक), a flap's nukta dropped (सैकडों) or
    an oblique plural's nasal dropped (विवादो)."""
    if vowel_swap(word, best):
        return not (word.endswith("ि") and best.endswith("ी"))
    if r_slip(word, best) or short_initial(word, best):
        return True
    flapped = nfd_nukta(best)
    plain = flapped.replace("ड" + NUKTA, "ड").replace("ढ" + NUKTA, "ढ")
    return (plain == nfd_nukta(word) and plain != flapped) or best == word + "\u0902"


def _long_vowel_lost(word: str, candidate: str) -> bool:
    """``word`` is ``candidate`` with one long ी or ू written short (चिज for चीज)."""
    return vowel_swap(word, candidate) and candidate.translate(_VOWEL_LENGTH) == word


def _unlisted_variant(word: str, common: str) -> bool:
    """``word`` is ``common`` with one vowel sign's length or quality changed (:func:`vowel_swap`),
    and no source has seen it although the web lists ``common`` at :data:`LISTED_VARIANT_ZIPF`
    or more: a spelling papers really use for a name that common on the web would be used
    often enough for the web list to count it (दूबई, श्रिनगर), unlike a rarer name's
    (फीरोजाबाद, सूरिनाम)."""
    return (
        vowel_swap(word, common)
        and word not in lexicon.corpus_zipf()
        and lexicon.web_zipf().get(common, 0.0) >= LISTED_VARIANT_ZIPF
    )


#: A name the web list counts at least this often (Zipf) has each spelling papers use in
#: the list: at a tenth of its frequency a variant would still reach the list's floor (Zipf 3).
LISTED_VARIANT_ZIPF = 4.0


def corrected(word: str) -> bool:
    """T002 corrects the look-up form ``word`` (no word list names it and a far commoner
    word is a slip away)."""
    return _unlisted(word) is not None and bool(corrections(word))


def _vouched(word: str) -> bool:
    """The morphology vouches for ``word``: a place name's word, or an inflection of a
    known stem, a verb's suffix on a verb's (:func:`lexicon.parsed`, typed). Two known
    words written solid (विदेश + यों, सता + पुर) or a verb's ending on a noun (खतर + ना)
    are a guess too weak to weigh against a slip of a known word."""
    return word in gazetteer.words() or lexicon.parsed(word, typed=True)


#: How much commoner (Zipf) the candidate must be than a word seen in edited prose, one
#: the morphology accepts although no source has seen it, one nothing vouches for, and
#: (for a whole letter) one nothing vouches for.
SEEN_MARGIN, GUESSED_MARGIN, UNSEEN_MARGIN, LETTER_MARGIN = 2.0, 1.5, 0.5, 1.25
#: The letter margin falls by this much per letter over :data:`MIN_SLIP_LETTERS`: the
#: longer the form, the less likely it is another word or a name that happens to be one
#: letter from a known word.
LETTER_MARGIN_PER_LETTER = 0.25
#: ... and for more than a sign (a whole letter, another vowel) in a form the morphology
#: accepts although no source has seen it: its parse is then likelier a coincidence.
GUESSED_LETTER_MARGIN = 2.5
#: A word of two aksharas is a slip only of a word this much commoner (दुध -> दूध).
SHORT_MARGIN = 2.5
#: ... or, for a long ी or ू written short, this much (चिज, हावि, आँसु: Hindi's short words
#: keep their vowels' length, and no list names the short form), and for a misspelt ृ (प्रथ्वी).
SHORT_LENGTH_MARGIN = 1.5
#: A correction this common is not taken for a name (पहले, संयुक्त).
COMMON_ZIPF = 4.5


def oblique_plural(text: str, end: int, word: str, candidate: str) -> tuple[str] | None:
    """The oblique plural (सरकारों) for ``word`` that is ``candidate`` with a final anusvara
    (सरकारं, a Sanskrit "-am" by its spelling) where a postposition follows: an o sign
    dropped before the nasal, since Hindi puts a postposition after a plural, not after
    Sanskrit (सरकारं को, दिशानिर्देशं के; प्रथमं पीठं stays Sanskrit)."""
    plural = candidate + "ों"
    if (
        not spelling_doubts.sanskrit_ending(word, candidate)
        or lexicon.prior(plural) < MIN_OBLIQUE_PLURAL_ZIPF
    ):
        return None
    return (plural,) if spelling_doubts.postposition_after(text, end) else None


def _weighed(word: str) -> bool:
    """``word`` is an unlisted Devanagari word that is neither T001's nor T028's business."""
    return _unlisted_devanagari(word) and word not in lexicon.misspelt() and not inflection.future(word)


def _slip(word: str) -> bool:
    """``word`` is a :func:`_weighed` word with corrections (:class:`NonWord` weighs these:
    a few of a document's words)."""
    return _weighed(word) and bool(corrections(cast(str, _unlisted(word))))


_SLIPS = Sieve(_slip)

#: How much commoner (Zipf) than an unknown word its one-sign slip's word must be where the
#: document itself uses that word nearby (:func:`echo`): the document is the evidence the
#: lists lack (कोरोना, a word of 2020, is no commoner than कोरना by the lists' 2.5).
ECHO_MARGIN = 1.0
#: How near (characters, either way) the document's use of the word must stand: an
#: article's length, so that a file of many articles is read article by article.
ECHO_REACH = 3000


@lru_cache(maxsize=65536)
def echo(word: str) -> str | None:
    """The word that an unlisted NFC ``word`` of three aksharas or more is one vowel sign or
    nasal away from, alone at that cost and :data:`ECHO_MARGIN` commoner, where
    :func:`corrections` names none: a slip if the document uses that word nearby."""
    if akshara_count(word) < 3 or word in lexicon.corpus_zipf() or lexicon.known_plural(word):
        return None  # short, seen in edited prose (वलय, सारथि), a known word's plural (संसदों)
    if corrections(word):
        return None  # T002's already
    found = near(word)
    if not found or found[0][0] > CHEAPEST_EDIT or (len(found) > 1 and found[1][0] <= found[0][0]):
        return None
    best = found[0][1]
    if _inflected_or_respelt(word, best) or lexicon.commoner_by(best, word) < ECHO_MARGIN:
        return None
    return best


def _inflected_or_respelt(word: str, best: str) -> bool:
    """``word`` differs from ``best`` as a form or a spelling of its own may: a halant (मैगनीशियम,
    जॉन्सन), a nasal that makes a plural or a number (बहतीं, चलातीं, स्टूडियों, सकेंगी), or a
    final short i Sanskrit keeps (सारथि). Not a plural's nasal dropped (इलाक़ो), nor one
    added after े (देखतें, दूसरें)."""
    if word.replace(VIRAMA, "") == best.replace(VIRAMA, ""):
        return True
    if word.endswith("ि") and best == word[:-1] + "ी":
        return True
    if word.translate(_NO_NASAL) != best.translate(_NO_NASAL):
        return False
    return best != word + ANUSVARA and not (word == best + ANUSVARA and best.endswith("े"))


def _echoed(word: str) -> bool:
    """``word`` is a :func:`_weighed` word with an :func:`echo` to look for."""
    return _weighed(word) and echo(cast(str, _unlisted(word))) is not None


_ECHOED = Sieve(_echoed)


class NonWord(Rule):
    """T002: an unknown word one cheap slip from a far more frequent word, or from a word the
    document uses nearby (:func:`echo`)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        max_uses = int(self.options.get("max-uses", 2))
        people = context_registry(ctx).token_people
        index = ctx.document.word_index
        for word, normal, starts in unlisted(ctx, _SLIPS):
            yield from self._reported(ctx, word, normal, starts, corrections(normal), max_uses, people)
        for word, normal, starts in unlisted(ctx, _ECHOED):
            best = cast(str, echo(normal))
            uses, rare_place = index.get(best, ()), _rare_place(best)
            # the document's own word, used as often as the slip or more; a rarer place more
            # often (फीरोजाबाद twice beside फिरोजाबाद twice: its vowels vary between papers)
            if len(starts) > max_uses:
                continue  # the writer's form, used again and again
            if len(uses) > len(starts) or (len(uses) == len(starts) and not rare_place):
                near_uses = [at for at in starts if any(abs(use - at) <= ECHO_REACH for use in uses)]
                yield from self._reported(ctx, word, normal, near_uses, (best,), max_uses, people)

    def _reported(
        self,
        ctx: Context,
        word: str,
        normal: str,
        starts: Sequence[int],
        found: tuple[str, ...],
        max_uses: int,
        people: Collection[str],
    ) -> Iterator[Diagnostic]:
        """The findings of ``word`` at ``starts``, whose corrections are ``found``."""
        if not starts or len(starts) > max_uses:
            return  # the writer's form, used again and again
        if key(normal) in people:
            return  # a person's name the registry knows (ऋषि सुनक): the N rules' business
        if short_cut_repeated(normal, found[0], len(starts)):
            return
        for start in starts:
            end = start + len(word)
            if stray_nukta(normal, found[0]) and spelling_doubts.hyphenated(ctx.text, start, end):
                continue  # a part of a compound name (ज़ैन-उल-अबिदीन), whose nukta is its own
            lone = lone_dropped_sign(normal, found[0])
            if (lone or dropped_vowel_sign(normal, found[0])) and spelling_doubts.after_initials(
                ctx.text, start
            ):
                continue  # a surname after initials (यूपीएस मदान), one sign from a word
            if lone and spelling_doubts.beside_place_name(ctx.text, start, end):
                continue  # a place's name beside another's (अमीनाबाद, खदरा)
            best = oblique_plural(ctx.text, end, normal, found[0]) or found[:3]
            if spelling_doubts.doubt(
                ctx.text, start, end, word, best[0], context_counts().honorific, slip=corrected
            ):
                continue  # a variant, a name (after a title, near another), a loan, or U015's word
            message = self.meta.message.format(word=word, suggestion=best[0])
            if len(best) == 1:
                yield self.replace(start, end, best[0], message)
            else:
                yield self.diagnostic(start, end, message, suggestions=best)


class UnknownWord(Rule):
    """T004 (opt-in): a word no dictionary knows and no close candidate explains."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for word, normal, starts in unlisted(ctx):
            if (
                len(aksharas(normal)) < 2
                or lexicon.attested(normal)
                or lexicon.recognised(normal)
                or suggestions(normal)
            ):
                continue
            message = self.meta.message.format(word=word)
            for start in starts:
                yield self.diagnostic(start, start + len(word), message)


# ड़/ढ़ stand between vowels and at the end of a syllable; a plain ड/ढ there is
# usually a dropped nukta (बडा, सडक, पीढी) — loanwords (मीडिया, रोड) have no ड़ twin.
_FLAP = regex.compile(r"(?<=[\u0905-\u0914\u0915-\u0939\u093E-\u094C])[डढ](?!\u093C)")


@lru_cache(maxsize=65536)
def flap_correction(word: str, margin: float) -> str | None:
    """The ड़/ढ़ spelling of ``word`` when that spelling is far more frequent (बडा -> बड़ा),
    for a known word, or an unknown one T002 has no correction for (होड -> होड़: its
    short-word path leaves a two-akshara word's signs alone, but a plain ड/ढ after a vowel
    is no sign a name or loan shows, and the nukta word must be common)."""
    if word in lexicon.misspelt():
        return None
    unknown = not (lexicon.attested(word) or lexicon.recognised(word))
    if unknown and corrections(word):
        return None  # T002's
    for m in _FLAP.finditer(word, 1):
        candidate = unicodedata.normalize("NFC", word[: m.end()] + "\u093c" + word[m.end() :])
        if unknown and lexicon.prior(candidate) < MIN_CANDIDATE_ZIPF:
            continue
        if lexicon.commoner_by(candidate, word) >= margin:
            return candidate
    return None


@lru_cache(maxsize=8)
def _flaps(margin: float) -> Sieve:
    """The words :func:`flap_correction` corrects at ``margin`` (a sieve for each margin
    a house sets)."""
    return Sieve(lambda word: ("ड" in word or "ढ" in word) and flap_correction(word, margin) is not None)


class MissingFlapNukta(Rule):
    """T006: ड/ढ for ड़/ढ़ in a known word whose nukta spelling is far more frequent."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        margin = float(self.options.get("min-frequency-ratio", 1.0))
        accept, index = lexicon.house(ctx.config).accept, ctx.document.word_index
        for word in sorted(_flaps(margin).select(ctx.document.word_set) - accept):
            right = cast(str, flap_correction(word, margin))  # a correction: the sieve took the word
            message = self.meta.message.format(word=word, suggestion=right)
            for start in index[word]:
                end = start + len(word)
                if not spelling_doubts.doubt(ctx.text, start, end, word, right, context_counts().honorific):
                    yield self.replace(start, end, right, message)


#: A listed word this much commoner (Zipf, by both sources) than its twin is kept in the table.
_TWIN_TABLE_MARGIN = 1.0
_VOWEL_LENGTH = str.maketrans({"ी": "ि", "ू": "ु"})
#: The long vowel letter Hindi writes at the end of a word for a short one (हुइ -> हुई, लखनउ -> लखनऊ).
_FINAL_LONG = {"इ": "ई", "उ": "ऊ"}


@cache
def twins() -> dict[str, tuple[str, float]]:
    """Listed word -> (its far commoner twin, by how much, in Zipf) for the words of web
    lists that are another word but for an i or u sign's length (सुचना -> सूचना), a final
    nasal or a sibilant (प्रशाशन -> प्रशासन), from the start-up cache."""
    table = datacache.cached("sign-twins", _table_sources(), _twin_table)
    return {word: (twin, by) for word, (twin, by) in table.items()}


def _twin_table() -> dict[str, tuple[str, float]]:
    index, additions, counted = near_index(), lexicon.additions(), lexicon.corpus_zipf()
    table: dict[str, tuple[str, float]] = {}
    for word in lexicon.web_zipf():
        if word in additions or "\u200c" in word or "\u200d" in word:
            continue
        length = len(aksharas(word))
        if length < 2:
            continue
        uncounted = length >= 3 and word not in counted
        best = max(
            (
                (lexicon.commoner_by(twin, word), twin)
                for twin in index.candidates(word)
                if _twin(word, twin, sibilant=uncounted)
            ),
            default=None,
        )
        if best is None:
            continue
        short = length == 2 and not (nasal_twin(word, best[1]) or moved_nasal(word, best[1]))
        if short and (word in counted or best[0] < _short_twin_margin(word, best[1])):
            continue  # a short word edited prose uses is a word (दीन, कुल), whatever its twin
        if best[0] >= _TWIN_TABLE_MARGIN:
            table[word] = (best[1], round(best[0], 2))
    return table


def _short_twin_margin(word: str, twin: str) -> float:
    """How much commoner a two-akshara word's twin must be: a tatsam -इ noun's -ी form is
    weighed as T002 weighs it (शांती), any other as a short word's slip."""
    return SHORT_LENGTH_MARGIN if tatsam_i(word, twin) else SHORT_MARGIN


def final_long_twin(word: str) -> str | None:
    """``word`` with its final short independent vowel long (हुइ -> हुई, लखनउ -> लखनऊ), where
    that is a common word or one both sources know (बुलाई): Hindi writes a final i or u
    after a vowel long, in native words and loans alike (हाई), so the short letter is a
    slip even in a form the web lists or edited prose count. Weighed for every word,
    listed or not (a few letters' test)."""
    long = _FINAL_LONG.get(word[-1:])
    if long is None or len(aksharas(word)) < 2:
        return None
    twin = word[:-1] + long
    return twin if lexicon.prior(twin) >= MIN_CANDIDATE_ZIPF or _known_to_both(twin, places=True) else None


def sibilant_twin(word: str, other: str) -> bool:
    """``other`` is ``word`` with one sibilant for another (श/स/ष: प्रशाशन/प्रशासन)."""
    return (
        len(word) == len(other)
        and sibilants_apart(word, other)
        and sum(a != b for a, b in zip(word, other, strict=True)) == 1
    )


#: An initial independent vowel and the other length it is misspelt for: i and u either
#: way; a, e and o only short for long (अधिकारिक, एतिहासिक), since the long forms before
#: a common word are words (आपने, आंचल) and a loan's long e varies (ऐक्शन/एक्शन).
INITIAL_LENGTH = {"इ": "ई", "ई": "इ", "उ": "ऊ", "ऊ": "उ", "अ": "आ", "ए": "ऐ", "ओ": "औ"}


def initial_vowel_twin(word: str, other: str) -> bool:
    """``other`` is ``word``, of three aksharas or more, with its initial independent vowel
    of the other length (उपर/ऊपर, इमानदार/ईमानदार, ईलाज/इलाज, अविष्कार/आविष्कार,
    एतिहासिक/ऐतिहासिक). Shorter words pair with words of their own (उन/ऊन), a place's
    name varies between papers (ईराक/इराक), and अ before a common word is its negation
    (असमान, unequal, beside आसमान)."""
    first = word[:1]
    return (
        first in INITIAL_LENGTH
        and other == INITIAL_LENGTH[first] + word[1:]
        and len(aksharas(word)) >= 3
        and other not in gazetteer.words()
        and not (first == "अ" and lexicon.prior(word[1:]) >= MIN_CANDIDATE_ZIPF)
    )


def _twin(word: str, other: str, *, sibilant: bool = False) -> bool:
    """A common word that ``word`` is, but for the length of an i or u sign (सूचना/सुचना), a
    final nasal it lacks (दसवी/दसवीं, इसमे/इसमें), a nasal typed an akshara off (एंव/एवं,
    तुंरत/तुरंत: no accepted spelling moves one) or, where ``sibilant``, one sibilant
    (प्रशाशन/प्रशासन). A nasal added, a nukta or a halant makes another word or an accepted
    form too often (सकतीं, आशिक़, परदेश, अहम्), and an -ो without its nasal is an
    imperative (भागो, खेलो) or T029's plural, so those are left to T006, T028 and T029."""
    return (
        word != other
        and (
            word.translate(_VOWEL_LENGTH) == other.translate(_VOWEL_LENGTH)
            or initial_vowel_twin(word, other)
            or nasal_twin(word, other)
            or moved_nasal(word, other)
            or (sibilant and sibilant_twin(word, other))
        )
        and lexicon.prior(other) >= MIN_CANDIDATE_ZIPF
        and variant_key(word) != variant_key(other)
    )


def nasal_twin(word: str, other: str) -> bool:
    """``other`` is ``word`` with the final nasal of a plural, pronoun or ordinal ending."""
    return other == word + "\u0902" and not word.endswith(("ो", "ओ"))


#: The endings of English loans: -tion (कमीशन, स्टेशन) and -ist, -st (कम्युनिस्ट, टेस्ट).
_LOAN_ENDING = regex.compile("[\u093e-\u094c]शन$|स्ट$")


def fixed_vowels(word: str, twin: str) -> bool:
    """``word``, of three aksharas or more, is a native word's slip, whose vowels are fixed
    (प्रदुषण, इत्यादी, जागरुकता): it spells no English word, has no English ending (-tion,
    -ist: कमिशन/कमीशन, कम्यूनिस्ट vary between papers) and is no other transliteration of its
    twin's (रीयल/रियल), nor a common word with a verb's or an adjective's ending (जीतना, to
    win, is no slip of जितना; अवधी, of Awadh, none of अवधि)."""
    return (
        len(aksharas(word)) >= 3
        and _native(word)
        and not _LOAN_ENDING.search(word)
        and not spelling_doubts.transliteration_variant(word, twin)
        and not any(
            word.endswith(ending) and lexicon.prior(word[: -len(ending)]) >= MIN_CANDIDATE_ZIPF
            for ending in (*lexicon.VERB_ENDINGS, "ी")
        )
    )


#: A long ई/ी before the य of a plural ending (दवाईयां, अधिकारीयों).
_LONG_BEFORE_PLURAL = regex.compile("([ीई])(य(?:ां|ाँ|ों))$")
#: The endings it needs (tested first: most words have none).
_PLURAL_ENDINGS = ("यां", "याँ", "यों")
#: A plural twin this common (Zipf, by either source) is a word papers use.
MIN_PLURAL_TWIN_ZIPF = 3.0


def plural_short_twin(word: str) -> str | None:
    """``word``, a plural in -यां/-यों of a noun in -ई or -ी, with its vowel long (दवाईयां,
    अधिकारीयों), made short as Hindi writes it before the plural's य (दवाइयां, अधिकारियों),
    where that form is a word; not an -ईय adjective's plural (भारतीयों: भारतीय is a word)."""
    m = _LONG_BEFORE_PLURAL.search(word) if word.endswith(_PLURAL_ENDINGS) else None
    if m is None or lexicon.known(word[: m.end(2) - 2]):
        return None
    twin = word[: m.start(1)] + ("ि" if m[1] == "ी" else "इ") + m[2]
    return twin if max(map(lexicon.prior, _nasal_spellings(twin))) >= MIN_PLURAL_TWIN_ZIPF else None


#: How often the agreement counts must have met a verb's stem as a noun for its -े to be
#: read as the noun's plural (मांग 98 times, जीत 57; देख, of देख-रेख, 12).
MIN_VERB_NOUN_EVIDENCE = 30


def feminine_plural_twin(word: str) -> str | None:
    """``word``, a feminine noun ending in a consonant with -े and no nasal (सड़के, ट्रेने,
    मौते): no form of that noun, whose direct plural is -ें (सड़कें), nor of another word,
    as neither an -आ word's oblique (पतंगे of पतंगा) nor a verb's form (मांगे of मांगना,
    बहने of बहना) spells it. The noun is feminine by the counted agreement evidence."""
    return _feminine_plural_of(word, verb=False)


def verb_noun_plural_twin(word: str) -> str | None:
    """:func:`feminine_plural_twin` for a feminine noun that is also a verb's stem (मांग,
    जीत): its -े spells the verb's form too (मांगे of मांगना), so only a feminine word
    before it (अपनी मांगे) shows the noun's plural."""
    return _feminine_plural_of(word, verb=True)


@lru_cache(maxsize=65536)
def _feminine_plural_of(word: str, *, verb: bool) -> str | None:
    stem, twin = word[:-1], word + "\u0902"
    if (
        not word.endswith("\u0947")
        or not ends_in_consonant(stem)
        or lexicon.prior(twin) < MIN_PLURAL_TWIN_ZIPF
    ):
        return None
    if len(aksharas(stem)) < 2 or lexicon.verb_stem(stem) != verb:
        return None
    if not verb and lexicon.known(stem + "ा"):
        return None  # an -आ word's oblique (पतंगे), or a verb's perfective beside it
    if verb and word.endswith("ने") and lexicon.verb_stem(word[:-2]):
        return None  # another verb's infinitive too (जाने of जाना: की जाने वाली)
    genders = agreement_lexicon.builtin()
    if verb and genders.evidence(stem) < MIN_VERB_NOUN_EVIDENCE:
        return None  # a verb's stem the counts met too seldom as a noun (की देख रेख)
    noun = genders.noun(stem)
    return twin if noun is not None and noun.gender == "f" else None


_NOUN_ATTRIBUTES = frozenset(("genitive", "possessive", "adjective"))


def _after_feminine(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` follows a feminine genitive, possessive or adjective
    (अपनी, सरकार की, नई): it heads a noun phrase, not a verb group."""
    found = aw.agreeing(neighbours(text, start, end)[0])
    return found is not None and found.form == "feminine" and found.kind in _NOUN_ATTRIBUTES


def _oblique_before_postposition(text: str, start: int, end: int, plural: str) -> str:
    """The feminine plural ``plural`` (सड़कें) as the word at ``start:end`` needs it: oblique
    before a postposition (दुकाने के रजिस्टर: दुकानों के)."""
    return plural[:-2] + "ों" if neighbours(text, start, end)[1] in aw.POSTPOSITIONS else plural


def _feminine_plural(word: str) -> tuple[str, float] | None:
    """(the plural with its nasal, by how much it is commoner) for a feminine noun's -े."""
    twin = feminine_plural_twin(word)
    return None if twin is None else (twin, lexicon.commoner_by(twin, word))


def _nasal_spellings(plural: str) -> tuple[str, str]:
    """A plural in -यां/-याँ in both spellings of its nasal (इकाइयां, इकाइयाँ): accepted
    variants, either of which the word lists may count."""
    nasal = {"ं": "ँ", "ँ": "ं"}.get(plural[-1:]) if plural.endswith(("ां", "ाँ")) else None
    return plural, plural[:-1] + nasal if nasal else plural


def _plural_short(word: str) -> tuple[str, float] | None:
    """(the short-vowel plural, by how much it is commoner) for a plural with a long ई/ी,
    in the writer's spelling of the nasal."""
    twin = plural_short_twin(word)
    if twin is None:
        return None
    return twin, max(
        lexicon.commoner_by(t, w) for t, w in zip(_nasal_spellings(twin), _nasal_spellings(word), strict=True)
    )


def _final_long(word: str) -> tuple[str, float] | None:
    """(the long-vowel twin, by how much it is commoner) for a word with a short final vowel."""
    twin = final_long_twin(word) if word[-1:] in _FINAL_LONG else None
    return None if twin is None else (twin, lexicon.commoner_by(twin, word))


#: A letter's name among dotted initials (आइ.ए.एस., आइ. आइ. टी.).
_DOTTED = regex.compile(r"\.\s?\p{Devanagari}")
_DOTTED_BEFORE = regex.compile(r"\p{Devanagari}\.\s?$")


def _initials(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` is a letter's name among initials, dotted or spaced
    (आइ.आइ.टी., आइ टी राजधानी): not a word."""
    if _DOTTED.match(text, end) or _DOTTED_BEFORE.search(text[max(0, start - 3) : start]):
        return True
    return any(map(_letter_name, neighbours(text, start, end)))


#: Letter names that are Hindi words too: a postposition or particle beside a word (लड़ाइ के,
#: छोटी सी) is no initial.
_HINDI_LETTER_NAMES = frozenset(("जी", "सी"))


def _letter_name(label: str) -> bool:
    """``label`` is an English letter's name and no Hindi word (टी, not के or जी)."""
    return (
        spelling_doubts.letter_names(label)
        and label not in FUNCTION_WORDS
        and label not in _HINDI_LETTER_NAMES
    )


def _perfective(word: str) -> bool:
    """``word`` is a common verb's feminine perfective (आई of आना, दिखाई of दिखाना): a Hindi
    form whose final vowel is fixed, whatever English word it also spells (आई, I)."""
    return word.endswith("ई") and lexicon.prior(word[:-1] + "ना") >= MIN_CANDIDATE_ZIPF


@lru_cache(maxsize=65536)
def common_twin(word: str) -> tuple[str, float] | None:
    """(T030's twin, by how much it is commoner) for the document word ``word``, if any:
    the same in every document (cached: most words of a story are in the last one)."""
    plain = lexicon.plain(word)
    return twins().get(plain) or _final_long(plain) or _plural_short(plain) or _feminine_plural(plain)


def _twinned(word: str) -> bool:
    """``word`` has a common twin and is no misspelling of T001's register."""
    return common_twin(word) is not None and word not in lexicon.misspelt()


_TWINNED = Sieve(_twinned)


class CommonTwin(Rule):
    """T030: a listed word that is the twin of a word far commoner in both sources but for
    the length of an i or u sign (लेकीन for लेकिन, राष्ट्रिय for राष्ट्रीय), a final nasal,
    a sibilant (प्रशाशन for प्रशासन) or a final short independent vowel (हुइ for हुई)."""

    def _needed(self, word: str, twin: str) -> float:
        """How much commoner (Zipf) ``twin`` must be for ``word`` to be its slip."""
        if feminine_plural_twin(word) == twin:
            return float(self.options.get("min-feminine-plural-frequency-ratio", 0.0))
        if nasal_twin(word, twin):
            return float(self.options.get("min-nasal-frequency-ratio", 1.0))
        if moved_nasal(word, twin):
            return float(self.options.get("min-moved-nasal-frequency-ratio", 1.0))
        if sibilant_twin(word, twin):
            return float(self.options.get("min-sibilant-frequency-ratio", 1.5))
        if final_long_twin(word) == twin:
            if spelling_doubts.initialism(twin):
                return math.inf  # a house's letter name (पीटीआइ), not a slip of one word
            if _native(twin) or _perfective(twin):
                return float(self.options.get("min-final-vowel-frequency-ratio", 1.0))
            return float(self.options.get("min-final-vowel-loan-frequency-ratio", 2.0))
        if initial_vowel_twin(word, twin):
            return float(self.options.get("min-initial-vowel-frequency-ratio", 1.0))
        if plural_short_twin(word) == twin:
            return float(self.options.get("min-plural-vowel-frequency-ratio", 0.0))
        if fixed_vowels(word, twin):
            return float(self.options.get("min-native-frequency-ratio", 1.0))
        return float(self.options.get("min-frequency-ratio", 1.5))

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        accept, index = lexicon.house(ctx.config).accept, ctx.document.word_index
        for word in sorted(_TWINNED.select(ctx.document.word_set) - accept):
            found = cast(tuple[str, float], common_twin(word))  # a twin: the sieve took the word
            starts, plain = index[word], lexicon.plain(word)
            if found[1] < self._needed(plain, found[0]):
                continue
            # a sibilant or a final or initial vowel varies in a name's or a loan's spelling
            # beside a word no list names (गाइ सेसिल)
            named = (
                sibilant_twin(plain, found[0])
                or final_long_twin(plain) == found[0]
                or initial_vowel_twin(plain, found[0])
            )
            plural = feminine_plural_twin(plain) == found[0]
            for start in starts:
                end = start + len(word)
                named_here = named and (
                    spelling_doubts.in_name(ctx.text, start, end) or _initials(ctx.text, start, end)
                )
                if not named_here:  # a name's part, or a letter's name among initials
                    twin = found[0]
                    if plural:
                        twin = _oblique_before_postposition(ctx.text, start, end, twin)
                    yield self.replace(start, end, twin, self.meta.message.format(word=word, suggestion=twin))
        yield from self._verb_noun_plurals(ctx, accept)

    def _verb_noun_plurals(self, ctx: Context, accept: frozenset[str]) -> Iterator[Diagnostic]:
        """A feminine noun's plural without its nasal that a verb's form spells too (मांगे),
        where a feminine word before it shows the noun (अपनी मांगे)."""
        index = ctx.document.word_index
        message = str(self.options.get("verb-form-message", self.meta.message))
        for word in sorted(_VERB_NOUN_PLURALS.select(ctx.document.word_set) - accept):
            plural = cast(str, verb_noun_plural_twin(lexicon.plain(word)))  # the sieve took the word
            for start in index[word]:
                end = start + len(word)
                if _after_feminine(ctx.text, start, end):
                    twin = _oblique_before_postposition(ctx.text, start, end, plural)
                    yield self.replace(start, end, twin, message.format(word=word, suggestion=twin))


def _verb_noun_plural(word: str) -> bool:
    """``word`` may be a feminine noun's plural that a verb's form spells too (मांगे), and
    is no misspelling of T001's register."""
    return verb_noun_plural_twin(lexicon.plain(word)) is not None and word not in lexicon.misspelt()


_VERB_NOUN_PLURALS = Sieve(_verb_noun_plural)


class HouseReject(Rule):
    """T005: a word the house dictionary rejects (``[tool.qa.lexicon] reject`` or the ``reject`` option)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        reject = lexicon.house(ctx.config).reject | frozenset(self.options.get("reject", ()))
        index = ctx.document.word_index
        for word in sorted(reject & index.keys()):
            message = self.meta.message.format(word=word)
            for start in index[word]:
                yield self.diagnostic(start, start + len(word), message)
