"""Noun genders for the G family: counted evidence, curated overrides and the desk's own.

``data/grammar/noun-gender.tsv.gz`` holds, per noun, how often the open corpora put a
masculine or feminine agreeing word next to it (bench/build_grammar_lexicon.py). A
noun has a gender only when its evidence is plentiful and one-sided; otherwise it takes
the gender its suffix or the plurals the web list has for it show, if no counted evidence
is against it (:func:`paradigm_noun`: हादसे and हादसों make हादसा masculine, कुर्सियां
makes कुर्सी feminine), or none, and no rule checks it. ``data/grammar/overrides.yaml``
and ``[tool.qa.grammar]`` (``masculine``, ``feminine``, ``ambigender`` lists) win over
the counts.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import regex

from qa import datacache, datatables, lexicon
from qa.checks.agreement_words import Gender, agreeing, key
from qa.data import data_dir, read_yaml
from qa.errors import ConfigError, RuleDataError

#: A noun needs this much evidence, at least half of it (and MIN_ATTRIBUTIVE) from
#: agreeing words before it: predicate adjectives (स्थित, शामिल) have theirs from verbs.
MIN_EVIDENCE, MIN_ATTRIBUTIVE = 5, 3
#: The share one gender needs. Masculine evidence is the noisier: nouns of persons
#: (लेखक, सदस्य) are masculine in most sentences and feminine in the rest, so a noun is
#: masculine only when the feminine is all but absent; stray feminine evidence is rare,
#: and a feminine noun's masculine evidence is mostly the corpus's own slips (के सरकार के).
MASCULINE_SHARE, FEMININE_SHARE = 0.95, 0.8
#: An -आ noun inflects like लड़का (हिस्सा, oblique हिस्से) when its -ए form is a masculine
#: noun too and के stands before the -आ form at most this share of the times का does
#: (पिता, राजा and देवता do not inflect: के पिता is common).
INFLECTING_OBLIQUE_SHARE = 0.2
#: A word the counts have too little on may take the gender its ending shows: an ending
#: of SUFFIX_LENGTHS letters (the longest first) that at least SUFFIX_WORDS counted words
#: lean to a gender with, SUFFIX_SHARE of them the same one (-िंग: शूटिंग, रैंकिंग …
#: feminine; -ीकरण masculine). A word leans when it has LEANING_EVIDENCE pieces of
#: evidence, LEANING_SHARE of one gender; the ending leaves two letters or more before it.
SUFFIX_LENGTHS, SUFFIX_WORDS, SUFFIX_SHARE = (4, 3), 8, 0.92
LEANING_EVIDENCE, LEANING_SHARE = 3, 0.8
_NONE = [0, 0, 0, 0, 0]
#: Abstract nouns in -ता made from an adjective ending in a consonant (सफलता,
#: अनिश्चितता) are feminine; agent nouns (नेता, वक्ता, दाता) have a vowel sign or virama
#: before -ता, and verbs (चलता) have an infinitive.
_ABSTRACT_TA = regex.compile(r"\p{Devanagari}{2,}[\u0915-\u0939]ता")
_KEYS = ("masculine", "inflecting", "feminine", "ambigender", "men", "women")
_GENDERS: dict[str, Gender | None] = {
    "masculine": "m",
    "inflecting": "m",
    "feminine": "f",
    "ambigender": None,
    "men": "m",
    "women": "f",
}


@dataclass(frozen=True, slots=True)
class Noun:
    """What is known of one noun form."""

    gender: Gender
    #: an -आ noun that inflects like लड़का (हिस्सा/हिस्से), so its -आ form is direct singular
    inflects: bool = False


_MASCULINE = Noun("m")


class Genders:
    """Noun form -> :class:`Noun`, for the forms whose gender is certain."""

    def __init__(
        self,
        counts: Mapping[str, list[int]],
        overrides: Mapping[str, Gender | None],
        endings: Mapping[str, Gender] | None = None,
        persons: frozenset[str] = frozenset(),
        inflecting: frozenset[str] = frozenset(),
    ) -> None:
        self._counts = counts
        self._overrides = overrides
        self._endings = endings
        #: nouns of men and women (a plural verb after one may be the honorific)
        self._persons = persons
        #: masculine -आ nouns of the overrides that inflect like लड़का
        self._inflecting = inflecting
        self._nouns: dict[str, Noun | None] = {}
        self._guesses: dict[str, Noun | None] = {}

    @property
    def endings(self) -> Mapping[str, Gender]:
        """The endings whose gender the counts show (:func:`learned_endings`), on first use."""
        if self._endings is None:
            persons = [word for word, gender in self._overrides.items() if gender is None]
            self._endings = learned_endings(self._counts, persons)
        return self._endings

    def noun(self, word: str) -> Noun | None:
        if word not in self._nouns:
            self._nouns[word] = self._decide(key(word), word)
        return self._nouns[word]

    def _decide(self, form: str, word: str) -> Noun | None:
        """The noun ``word`` is, from the tables' spelling ``form`` (the web list's plurals are
        looked up as written: it keeps the nukta the tables' spelling drops)."""
        if form in self._overrides:
            gender = self._overrides[form]
            return Noun(gender, inflects=form in self._inflecting) if gender else None
        row = self._counts.get(form)
        if row is None:  # most words: no counts, none against its suffix's or plural's gender
            return _by_form(form, word)
        direct, oblique, feminine, verb_m, verb_f = row
        gender = _gender(row)
        if gender is None and self._inflecting_paradigm(form, row):
            return Noun("m", inflects=oblique <= INFLECTING_OBLIQUE_SHARE * direct)
        if gender is None:  # too little evidence, or mixed: the form's gender, if none is against it
            found = _by_form(form, word) if sum(row) < MIN_EVIDENCE else paradigm_noun(word)
            if found is None:
                return None
            contrary = feminine + verb_f if found.gender == "m" else direct + oblique + verb_m
            return None if contrary else found
        if gender == "m":
            return Noun("m", inflects=self._inflects(form, direct, oblique))
        return Noun("f") if gender == "f" else None

    def inflected(self, word: str) -> Noun | None:
        """A masculine noun, for the -ए form ``word`` (oblique or plural: फ़ैसले) of an -आ
        noun that inflects like लड़का, as the counts or its plurals show (गड्ढे: गड्ढों)."""
        if not word.endswith("े"):
            return None
        singular = word[:-1] + "ा"
        found = self.noun(singular)
        inflects = found is not None and (found.inflects or paradigm_noun(singular) is not None)
        return _MASCULINE if inflects else None

    def evidence(self, word: str) -> int:
        """How many agreeing words the counts met ``word`` beside as a noun."""
        return sum(self._counts.get(key(word), _NONE))

    def _inflecting_paradigm(self, form: str, row: list[int]) -> bool:
        """An -आ form with too little evidence of its own, all of it masculine, whose
        evidence with that of its -ए form is plentiful and masculine (हमला, with हमले):
        a masculine noun that inflects. The -आ form must have been met as a noun, not
        only its -ए form (सहारा, the desert, beside सहारे)."""
        direct, oblique, feminine, verb_m, verb_f = row
        if not form.endswith("ा") or feminine + verb_f or not direct + oblique + verb_m:
            return False
        other = self._counts.get(form[:-1] + "े", _NONE)
        return _gender([a + b for a, b in zip(row, other, strict=True)]) == "m"

    def _inflects(self, form: str, direct: int, oblique: int) -> bool:
        if not form.endswith("ा") or oblique > INFLECTING_OBLIQUE_SHARE * direct:
            return False
        other = self.noun(form[:-1] + "े")
        return other is not None and other.gender == "m"

    def guess(self, word: str) -> Noun | None:
        """:meth:`noun`, or for a word the counts have too little on (and none against)
        the gender of its ending (:func:`learned_endings`). Only for the noun right after
        an agreeing word: a name there is rarer than as a verb's subject or object."""
        if word not in self._guesses:
            self._guesses[word] = self._guess(word)
        return self._guesses[word]

    def _guess(self, word: str) -> Noun | None:
        found = self.noun(word)
        if found is not None or word in self._overrides:
            return found
        form = key(word)
        row = self._counts.get(form, _NONE)
        if sum(row) < MIN_EVIDENCE and (plural := self._plural(form)) is not None:
            return plural
        ending = next(
            (form[-n:] for n in SUFFIX_LENGTHS if len(form) >= n + 2 and form[-n:] in self.endings), None
        )
        if ending is None or sum(row) >= MIN_EVIDENCE or _run_together(form) or _imperfective(form):
            return None
        gender = self.endings[ending]
        contrary = row[2] + row[4] if gender == "m" else row[0] + row[1] + row[3]
        return None if contrary else Noun(gender)

    def _plural(self, form: str) -> Noun | None:
        """The gender of the singular a plural form is made from, when every singular it
        may be made from that has a gender has the same one (उपनगरों: उपनगर; किताबें:
        किताब). A direct plural in -ें/-एं/-इयां is feminine only (करें is a verb)."""
        oblique = form.endswith("ों")
        found: set[Gender] = set()
        for singular in _singulars(form):
            noun = self.noun(singular)
            if noun is None or not (oblique or noun.gender == "f"):
                continue
            if oblique and singular == form[:-2] + "ा" and not noun.inflects:
                continue  # कमरों is कमरा's, राजाओं राजा's
            found.add(noun.gender)
        return Noun(found.pop()) if len(found) == 1 else None

    def ambigender(self, word: str) -> bool:
        """Whether ``word`` is a noun of a person whose gender is the person's (अध्यक्ष)."""
        form = key(word)
        return form in self._overrides and self._overrides[form] is None

    @cached_property
    def longest_person(self) -> int:
        """The length (in the tables' spelling) of the longest noun of a person
        (:meth:`ambigender`, :meth:`man`)."""
        persons = [form for form, gender in self._overrides.items() if gender is None]
        return max(map(len, [*persons, *self._persons]), default=0)

    def man(self, word: str) -> bool:
        """Whether ``word`` is a noun of male persons (पुत्र, राजा): masculine, and a थे or
        हैं after it is the honorific."""
        form = key(word)
        return form in self._persons and self._overrides.get(form) == "m"

    def person(self, word: str) -> bool:
        """Whether ``word`` is a noun of a person: of men or women (थे or हैं after one may be
        the honorific: माँ घर पर हैं) or one whose gender is the person's (अध्यक्ष)."""
        return key(word) in self._persons or self.ambigender(word)

    def open_to(self, word: str, gender: Gender) -> bool:
        """Whether the counts leave ``word`` open to ``gender``: it has no gender of its
        own (nor one its ending or its singular gives), is no person's noun, and no piece
        of counted evidence shows the other gender."""
        if self.guess(word) is not None or key(word) in self._overrides:
            return False
        direct, oblique, feminine, verb_m, verb_f = self._counts.get(key(word), _NONE)
        return not (feminine + verb_f if gender == "m" else direct + oblique + verb_m)

    def known(self, word: str) -> bool:
        """Whether the counts have met ``word`` as a noun at all."""
        return key(word) in self._counts

    def with_overrides(
        self,
        overrides: Mapping[str, Gender | None],
        persons: frozenset[str] = frozenset(),
        inflecting: frozenset[str] = frozenset(),
    ) -> Genders:
        table = {**self._overrides, **overrides}
        ours = frozenset(word for word in self._persons | persons if table.get(word) is not None)
        inflected = frozenset(word for word in self._inflecting | inflecting if table.get(word) == "m")
        return Genders(self._counts, table, self.endings, ours, inflected)


def _gender(row: list[int]) -> Gender | None:
    """The gender plentiful, one-sided evidence shows (see MIN_EVIDENCE, MASCULINE_SHARE)."""
    direct, oblique, feminine, verb_m, verb_f = row
    total = sum(row)
    if total < MIN_EVIDENCE or direct + oblique + feminine < max(MIN_ATTRIBUTIVE, total / 2):
        return None
    if feminine + verb_f >= FEMININE_SHARE * total:
        return "f"
    return "m" if direct + oblique + verb_m >= MASCULINE_SHARE * total else None


def suffix_gender(word: str) -> Gender | None:
    """The gender a noun's suffix settles, for nouns the counts have too little on:
    -त्व and -त्र are masculine (महत्व, नेतृत्व; पत्र, क्षेत्र; not the adverbs सर्वत्र,
    अन्यत्र), abstract -ता feminine (सफलता, अनिश्चितता)."""
    if word.endswith(("त्व", "त्र")) and len(word) >= 4 and word not in _LOCATIVE_ADVERBS:
        return "m"
    if word.endswith("ता") and _ABSTRACT_TA.fullmatch(word) and not _imperfective(word):
        return "f"
    return None


#: Sanskrit adverbs of place in -त्र (everywhere, elsewhere, together), no nouns.
_LOCATIVE_ADVERBS = frozenset({"सर्वत्र", "अन्यत्र", "एकत्र", "यत्र", "तत्र", "अत्र"})


def _by_form(form: str, word: str) -> Noun | None:
    """The gender a noun's form shows: its suffix's (:func:`suffix_gender`, of the tables'
    spelling ``form``), else its plurals' (:func:`paradigm_noun`, of ``word`` as written)."""
    by_suffix = suffix_gender(form)
    return Noun(by_suffix) if by_suffix else paradigm_noun(word)


#: The web list's floor (Zipf): a form listed at all is a word papers write.
_WRITTEN_ZIPF = 3.0


def _written(word: str) -> bool:
    return lexicon.web_zipf().get(word, 0.0) >= _WRITTEN_ZIPF


def _verbal(stem: str) -> bool:
    """``stem`` is a verb's: its infinitive or an imperfective is a listed word."""
    return any(_written(stem + ending) for ending in ("ना", "ते", "ती"))


def paradigm_noun(form: str) -> Noun | None:
    """The gender the plurals a noun takes show, in the web list, for a noun the counts
    have nothing against: an -आ noun whose -ए and -ओं forms are words and -आएं, -आओं
    are not inflects like लड़का, masculine (हादसा: हादसे, हादसों); one with -आएं and
    -आओं (सूचना: सूचनाएं), an -ई noun with -इयां (कुर्सी: कुर्सियां), an -इ noun with
    -इयां (परिस्थिति) and a consonant's with -एं commoner than -ए (सड़क: सड़कें) is
    feminine. Not a verb's form (बोली, जाती, बरसा), an adjective (अंधा: अंधी), a
    consonant stem's plural (बाला: बालों is बाल's) or a -वाला compound."""
    # each test asks first for the plural most words lack, and a verb's forms last
    if len(form) < 3 or form.endswith("वाला") or not _written(form):
        return None
    if form.endswith("ा"):
        stem = form[:-1]
        if _written(form + "ओं") and _written(form + "एं"):
            return None if _verbal(form) or _verbal(stem) else Noun("f")
        if not (_written(stem + "ों") and _written(stem + "े")):
            return None
        other = _written(stem) or _written(stem + "ी") or agreeing(form) is not None or _verbal(stem)
        return None if other else Noun("m")
    if form.endswith("ी"):
        if not _written(form[:-1] + "ियां"):
            return None
        verb = _verbal(form[:-1]) or (form.endswith("ती") and _verbal(form[:-2]))
        return None if verb else Noun("f")
    if form.endswith("ि"):
        return Noun("f") if _written(form + "यां") else None
    if form[-1] in _CONSONANT_ENDS and _written(form + "ें") and _written(form + "ों") and not _verbal(form):
        web = lexicon.web_zipf()
        return Noun("f") if web[form + "ें"] > web.get(form + "े", 0.0) else None
    return None


#: The last letter of a noun that ends in a consonant (a nukta's too).
_CONSONANT_ENDS = frozenset([*(chr(c) for c in range(0x0915, 0x093A)), "\u093c"])


def _imperfective(word: str) -> bool:
    """A verb's form in -ता (चलता, ठहरता), not an abstract noun (वीरता): the verb's
    infinitive or its form in -ते is a word too."""
    return word.endswith("ता") and any(lexicon.known(word[:-2] + ending) for ending in ("ना", "ते"))


def leaning(row: list[int]) -> Gender | None:
    """The gender a word's evidence leans to (see LEANING_EVIDENCE), if any."""
    direct, oblique, feminine, verb_m, verb_f = row
    masculine, total = direct + oblique + verb_m, sum(row)
    if total < LEANING_EVIDENCE or direct + oblique + feminine < total / 2:
        return None
    if masculine >= LEANING_SHARE * total:
        return "m"
    return "f" if feminine + verb_f >= LEANING_SHARE * total else None


def learned_endings(counts: Mapping[str, list[int]], persons: Iterable[str] = ()) -> dict[str, Gender]:
    """Ending -> gender, for the endings the counted words settle (see SUFFIX_WORDS);
    not the endings of nouns of ``persons`` whose gender is the person's (-पति of
    राष्ट्रपति, -क्ष of अध्यक्ष: कुलपति is one too)."""
    votes: dict[str, Counter[Gender]] = defaultdict(Counter)
    leanings = {word: leaning(row) for word, row in counts.items()}
    for word, gender in leanings.items():
        if gender is not None and not word.endswith(_PLURAL_ENDINGS) and not _compound(word, leanings):
            for length in SUFFIX_LENGTHS:
                if len(word) >= length + 2:
                    votes[word[-length:]][gender] += 1
    for word in persons:
        for length in SUFFIX_LENGTHS:
            votes.pop(word[-length:], None)
    return {
        ending: gender
        for ending, tally in votes.items()
        for gender, n in tally.most_common(1)
        if tally.total() >= SUFFIX_WORDS and n >= SUFFIX_SHARE * tally.total()
    }


def _run_together(word: str) -> bool:
    """Two known words without the space between (मामलेबीजिंग): no noun to guess."""
    return any(
        lexicon.known(word[:k])
        and lexicon.known(word[k:])
        and not unicodedata.combining(word[k])
        and unicodedata.category(word[k]) == "Lo"
        for k in range(4, len(word) - 3)
    )


def _singulars(form: str) -> tuple[str, ...]:
    """The singulars a plural form (in the genders' key) may be made from."""
    for plural, singulars in _PLURALS:
        if form.endswith(plural) and len(form) > len(plural) + 1:
            stem = form[: -len(plural)]
            return tuple(stem + ending for ending in singulars)
    return ()


#: Plural endings (the longest first) and the singular endings they may replace:
#: निवासियों/निवासी, कवियों/कवि, भाषाओं/भाषा, कमरों/कमरा, घरों/घर, भाषाएं/भाषा, किताबें/किताब.
_PLURALS = (
    ("ियों", ("ी", "ि", "िया")),
    ("ुओं", ("ु", "ू")),
    ("ाओं", ("ा",)),
    ("ियां", ("ी", "ि", "िया")),
    ("ाएं", ("ा",)),
    ("ों", ("", "ा")),
    ("ें", ("",)),
)
#: Plural endings (किताबें, भेड़ों, महिलाओं, नदियां): they show number, not gender.
_PLURAL_ENDINGS = ("ों", "ें", "ां", "एं", "ओं", "यां")


def _compound(word: str, leanings: Mapping[str, Gender | None]) -> bool:
    """A compound whose last part is a counted word that leans the same way (शिवलिंग,
    लिंग): its evidence is that word's, and votes once."""
    return any(leanings.get(word[k:]) == leanings[word] for k in range(2, len(word) - 2))


def overrides(table: Mapping[str, Any], where: str) -> dict[str, Gender | None]:
    """``{masculine: [...], inflecting: [...], feminine: [...], ambigender: [...], men: [...],
    women: [...]}`` -> word -> gender (nouns that inflect like लड़का and nouns of men are
    masculine, of women feminine)."""
    unknown = set(table) - set(_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} (use {', '.join(_KEYS)})")
    result: dict[str, Gender | None] = {}
    for name in _KEYS:
        words = table.get(name, [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(f"{where}: {name} must be a list of words")
        result.update((key(w.strip()), _GENDERS[name]) for w in words)
    return result


def persons(table: Mapping[str, Any]) -> frozenset[str]:
    """The nouns of men and women in a table :func:`overrides` has accepted."""
    return _listed(table, ("men", "women"))


def inflecting(table: Mapping[str, Any]) -> frozenset[str]:
    """The masculine -आ nouns that inflect like लड़का in a table :func:`overrides` has accepted."""
    return _listed(table, ("inflecting",))


def _listed(table: Mapping[str, Any], names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(key(word.strip()) for name in names for word in table.get(name, []))


def _read_table(path: Path, what: str, columns: int) -> dict[str, list[int]]:
    """The rows of a table of counts (a gzipped TSV with ``#`` comments and a header):
    each word and its first ``columns`` counts; a one-line error for a damaged file."""
    import gzip  # the tables come from the start-up cache: read their files only to build it

    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            rows = [line.rstrip("\n").split("\t") for line in handle if not line.startswith("#")]
        table = {row[0]: [int(n) for n in row[1 : 1 + columns]] for row in rows[1:]}
        if any(len(counts) < columns for counts in table.values()):
            raise IndexError(f"a row with fewer than {columns} counts")
        return table
    except (OSError, ValueError, IndexError, EOFError) as exc:
        raise RuleDataError(f"{path}: unreadable {what}: {exc}") from None


def _read_counts(path: Path) -> dict[str, list[int]]:
    return _read_table(path, "noun genders", 5)


@cache
def builtin() -> Genders:
    """The shipped counts and overrides, from the start-up cache while unchanged."""
    folder = data_dir() / "grammar"
    counts_path, overrides_path = folder / "noun-gender.tsv.gz", folder / "overrides.yaml"
    # read shard by shard: a document looks up a few of its 4,500 nouns
    counts = datatables.lazy("noun-gender", [counts_path], lambda: _read_counts(counts_path))
    raw = read_yaml(overrides_path, "noun gender overrides") or {}
    table = overrides(raw, str(overrides_path))
    people = [word for word, gender in table.items() if gender is None]
    endings = datacache.cached(
        "noun-endings",
        [counts_path, overrides_path, Path(__file__)],
        lambda: learned_endings(counts, people),
    )
    return Genders(counts, table, endings, persons(raw), inflecting(raw))


#: A doer stood before ने at least this often, and in this share of its occurrences at
#: least: nouns of institutions and groups that act (सरकार, अदालत, टीम), which stand before
#: ने far more often than nouns of things do.
MIN_ERGATIVE, ERGATIVE_SHARE = 8, 0.04
#: A masculine noun stands before ने less often than this share of the time to be a doer:
#: nouns of persons the overrides miss (एथलीट, 0.27) name women too, institutions seldom
#: pass 0.2. A feminine noun's verb is feminine whoever it names.
MASCULINE_DOER_SHARE = 0.2


@cache
def doers() -> Mapping[str, float]:
    """The words the counts show as doers (see :data:`MIN_ERGATIVE`), in the tables'
    spelling, with the share of their occurrences ने followed."""
    path = data_dir() / "grammar" / "doers.tsv.gz"
    return datacache.cached("noun-doers", [path, Path(__file__)], lambda: _read_doers(path))


def _read_doers(path: Path) -> dict[str, float]:
    table = _read_table(path, "doers", 2)
    return {
        word: n / total
        for word, (n, total) in table.items()
        if n >= MIN_ERGATIVE and n >= ERGATIVE_SHARE * total
    }


def doer(lexicon: Genders, word: str) -> Noun | None:
    """The noun ``word`` is, if it is a doer of certain gender that names no person (whose
    verb may follow the person: अध्यक्ष, मंत्री) and no masculine noun too often an agent
    to be an institution's (:data:`MASCULINE_DOER_SHARE`)."""
    share = doers().get(key(word))
    if share is None or word.endswith(("ों", "ओं")):  # an oblique plural is no subject
        return None
    noun = lexicon.noun(word)
    if noun is None or lexicon.person(word) or (noun.gender == "m" and share >= MASCULINE_DOER_SHARE):
        return None
    return noun


def genders(section: Mapping[str, Any]) -> Genders:
    """The built-in genders with a ``[tool.qa.grammar]`` table's overrides on top (one
    object per table, so that what it and the rules memoise per word is kept)."""
    if not section:
        return builtin()
    table = tuple(sorted(overrides(section, "[tool.qa.grammar]").items()))
    return _with_overrides(table, persons(section), inflecting(section))


@lru_cache(maxsize=32)
def _with_overrides(
    table: tuple[tuple[str, Gender | None], ...], persons: frozenset[str], inflecting: frozenset[str]
) -> Genders:
    return builtin().with_overrides(dict(table), persons, inflecting)
