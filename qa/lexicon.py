"""The Hindi lexicon: wordfreq's Hindi frequencies, word counts from edited open prose,
and the project's additions.

Two kinds of evidence that a written form is a word: wordfreq's web frequencies
(``small_hi.msgpack.gz``, read directly in the format its own ``read_cBpack`` documents,
because importing ``wordfreq`` costs about 100 ms of start-up), and counts over about
2.4 M tokens of edited, openly licensed prose (``data/spelling/wordcounts.msgpack.gz``,
built by ``bench/build_word_counts.py``). Web lists count the web's misspellings
(बढती), so neither source alone decides: :func:`commoner_by` weighs both. Words are
NFC-normalised; frequencies are Zipf values (log10 of occurrences per billion words,
0 for unknown words).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Container
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa import data as data_module
from qa import datacache, datatables, gazetteer
from qa.config import stamps
from qa.data import data_dir, read_tsv_pairs, rules_dir
from qa.errors import ConfigError, RuleDataError
from qa.sources import read_data

if TYPE_CHECKING:
    from qa.config import Config

#: Zipf given to words that only the project lists (rare but real).
ADDITION_ZIPF = 2.0


@cache
def wordfreq_file(language: str = "hi") -> Path:
    """wordfreq's small frequency list for ``language`` (Hindi; English for loans); found
    once a process (each search walks the import path)."""
    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        raise RuleDataError("the wordfreq package is not installed (pip install wordfreq)")
    return Path(spec.origin).parent / "data" / f"small_{language}.msgpack.gz"


def read_cbpack(path: Path) -> dict[str, float]:
    import gzip  # the lists come from the start-up cache: read their files only to build it

    import msgpack

    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header, buckets = data[0], data[1:]
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise RuleDataError(f"{path}: unexpected wordfreq data format")
    zipf: dict[str, float] = {}
    for centibels, words in enumerate(buckets):
        value = round(9 - centibels / 100, 2)  # -cB/100 = log10(p); Zipf = log10(p) + 9
        for word in words:
            key = unicodedata.normalize("NFC", word)
            if key not in zipf:
                zipf[key] = value
    return zipf


def read_word_list(path: Path) -> list[str]:
    """One word per line; ``#`` starts a comment; entries must be NFC."""
    words = []
    try:
        text = read_data(path, "word list")
    except UnicodeDecodeError as exc:
        raise RuleDataError(f"{path}: word list is not UTF-8: {exc.reason}") from None
    for number, line in enumerate(text.splitlines(), 1):
        word = line.split("#", 1)[0].strip()
        if not word:
            continue
        if not unicodedata.is_normalized("NFC", word):
            raise RuleDataError(f"{path}:{number}: {word!r} is not NFC")
        words.append(word)
    return words


@cache
def additions() -> frozenset[str]:
    """The project's own word lists, ``data/lexicon/*.txt`` (curated news vocabulary)."""
    return frozenset(
        word for path in sorted((data_dir() / "lexicon").glob("*.txt")) for word in read_word_list(path)
    )


def _counts_file() -> Path:
    return data_dir() / "spelling" / "wordcounts.msgpack.gz"


@cache
def sources() -> tuple[Path, ...]:
    """The files the lexicon is built from (what a start-up cache of it depends on): listed
    once a process, as half a dozen tables' keys ask for them (their state is read on each
    look-up)."""
    return (wordfreq_file(), _counts_file(), *sorted((data_dir() / "lexicon").glob("*.txt")))


@cache
def corpus_zipf() -> dict[str, float]:
    """Word -> Zipf value of its count in edited open prose (words seen at least twice)."""
    path = _counts_file()
    return datatables.lazy("wordcounts", [path], lambda: _read_counts(path))


@cache
def counted_floor() -> float:
    """The Zipf value of a word the counted prose has twice, the least it keeps: from the
    start-up cache, so that asking costs no reading of the whole table."""
    path = _counts_file()
    return datacache.cached("wordcounts-floor", [path, Path(__file__)], lambda: min(corpus_zipf().values()))


@cache
def doubled() -> dict[str, int]:
    """Word -> how often the counted prose writes it twice in a row (घर घर, धीरे-धीरे)."""
    path = _counts_file()
    return datacache.cached("wordcounts-doubled", [path], lambda: _read_counts(path, "doubled"))


def _read_counts(path: Path, key: str = "counts") -> dict[str, Any]:
    """The Zipf values of the counted words, or the table ``key`` of the counts as stored."""
    import gzip

    import msgpack

    try:
        with gzip.open(path, "rb") as handle:
            data = msgpack.load(handle, raw=False)
        if key != "counts":
            return dict(data[key])
        scale = 1e9 / data["total"]
        return {w: round(math.log10(n * scale), 2) for w, n in data["counts"].items()}
    except (OSError, ValueError, KeyError, TypeError, ZeroDivisionError, msgpack.UnpackException) as exc:
        raise RuleDataError(f"{path}: unreadable word counts: {exc}") from None


@cache
def frequencies() -> dict[str, float]:
    """Word -> Zipf frequency, wordfreq first, then ``data/lexicon/*.txt`` (cached between runs).
    The counted prose is separate evidence (:func:`corpus_zipf`, :func:`attested`)."""
    return datatables.lazy("lexicon", [*sources(), Path(__file__)], _frequencies)  # code counts too


def _frequencies() -> dict[str, float]:
    zipf = dict(web_zipf())
    for word in sorted(additions()):
        zipf.setdefault(word, ADDITION_ZIPF)
    return zipf


@cache
def web_zipf() -> dict[str, float]:
    """Word -> Zipf value in wordfreq's list alone (which counts the web's misspellings too)."""
    return datatables.lazy("web-zipf", [wordfreq_file()], lambda: read_cbpack(wordfreq_file()))


@cache
def misspelt() -> frozenset[str]:
    """The wrong spellings of T001's register (``rules/misspellings.tsv``): other rules
    leave these words to it. Kept in the start-up cache while the file is unchanged."""
    path = rules_dir() / "misspellings.tsv"
    code = [Path(__file__), Path(data_module.__file__)]
    words = datacache.cached(
        "misspelt", [path, *code], lambda: [w for w, _ in read_tsv_pairs(path, path.name)]
    )
    return frozenset(words)


def vocabulary() -> Container[str]:
    """The lexicon's words (the table itself: a set of them would read every shard of it)."""
    return frequencies()


def plain(word: str) -> str:
    """The spelling to look a word up by: NFC, without ZWJ/ZWNJ (invisible joiners and
    precomposed nukta letters are other families' business)."""
    return unicodedata.normalize("NFC", word.replace("\u200c", "").replace("\u200d", ""))


def zipf(word: str) -> float:
    return frequencies().get(word, 0.0)


def known(word: str) -> bool:
    return word in frequencies()


def prior(word: str) -> float:
    """The Zipf value the stronger source gives ``word`` (a curated word counts as rare)."""
    return max(frequencies().get(word, 0.0), corpus_zipf().get(word, 0.0))


def attested(word: str) -> bool:
    """Known, or seen at least twice in the counted prose."""
    return word in frequencies() or word in corpus_zipf()


def listed(word: str) -> bool:
    """In a word list (wordfreq's, the project's, the gazetteer's), not only seen in the
    counted prose."""
    return word in web_zipf() or word in additions() or word in gazetteer.words()


def commoner_by(word: str, than: str) -> float:
    """How much commoner ``word`` is than ``than``, in Zipf units, as both sources testify.

    Each source that lists either word votes (a word it lacks counts as :data:`UNSEEN_ZIPF`;
    where neither does, the project's curated list decides).
    When the votes agree that ``word`` is commoner the stronger one counts, so a web list that
    counts a misspelling (बढती) is outvoted by edited prose where the correct form is many
    times commoner; when they disagree the weaker one counts.
    """
    votes = [
        table.get(word, UNSEEN_ZIPF) - table.get(than, UNSEEN_ZIPF)
        for table in (web_zipf(), corpus_zipf())
        if word in table or than in table
    ]
    if not votes:  # curated words only: the project's list testifies
        return zipf(word) - zipf(than)
    return max(votes) if min(votes) > 0 else min(votes)


#: The Zipf value given to a word a source does not list (wordfreq lists words from Zipf 3;
#: the counted prose, words seen twice or more, from about Zipf 2.9).
UNSEEN_ZIPF = 2.5


# A light suffix model: inflected forms wordfreq's short list lacks are known when
# their stem is (किताबों <- किताब, सराहनाओं <- सराहना, दौड़ेंगे <- दौड़ना).
_SUFFIXES = frozenset((
    "ों", "ें", "ाओं", "ाएं", "ाएँ", "ियों", "ियां", "ियाँ", "िया", "ाइयों", "ाई", "ाईं", "ाओ",
    "ीं", "ी", "ा", "े", "ीय", "ता", "ती", "ते", "तीं", "ना", "नी", "ने", "कर", "ेगा", "ेगी",
    "ेंगे", "ेंगी", "ूंगा", "ूंगी", "ूँगा", "ओगे", "ाया", "ायी", "ाये", "ाए", "ाती", "ाता", "ाते",
    "ाना", "ाने", "ायें", "ाकर", "वाला", "वाली", "वाले", "वालों", "कार",
))  # fmt: skip
_SUFFIX_LENGTHS = sorted({len(s) for s in _SUFFIXES})
_STEM_ENDINGS = ("", "ा", "ना", "ी", "ि", "ाना")
_STEM_ENDINGS_NOT_I = tuple(e for e in _STEM_ENDINGS if e not in ("ी", "ि"))


def inflected(word: str, *, typed: bool = False) -> bool:
    """True if ``word`` is a known stem plus a common inflectional suffix; ``typed``: a
    verb's suffix only on a verb's stem (खतरना is no verb of खतरा, फेलता none of फेल)."""
    freq = frequencies()
    for length in _SUFFIX_LENGTHS:  # one set probe per suffix length, not one per suffix
        if len(word) - length < 2:
            break
        suffix = word[-length:]
        if suffix in _SUFFIXES:
            stem = word[:-length]
            if typed and suffix in _VERB_SUFFIXES:
                if _verb_stem(stem, freq):
                    return True
            elif any(stem + ending in freq for ending in _stem_endings(suffix)):
                return True
    return False


#: The endings of a noun's plural, direct or oblique, each with what its singular ends in
#: where the plural's ending replaced it (संसद -> संसदों, लड़का -> लड़कों, लहर -> लहरें,
#: माता -> माताएं, कहानी -> कहानियां, लड़ाई -> लड़ाइयों).
_PLURALS = {
    "ों": ("", "ा"),
    "ें": ("",),
    "ाओं": ("ा",),
    "ाएं": ("ा",),
    "ाएँ": ("ा",),
    "ियों": ("ी", "ि"),
    "ियां": ("ी", "ि"),
    "ियाँ": ("ी", "ि"),
    "ाइयों": ("ाई",),
}


def known_plural(word: str) -> bool:
    """``word`` is the plural of a known noun (संसदों of संसद, कहानियां of कहानी)."""
    freq = frequencies()
    return any(
        word.endswith(plural) and any(word[: -len(plural)] + end in freq for end in singulars)
        for plural, singulars in _PLURALS.items()
    )


def _stem_endings(suffix: str) -> tuple[str, ...]:
    """The endings a stem may have lost to ``suffix``: an oblique plural's ों never stands
    on a noun in ई (लड़की -> लड़कियों; जनवरों is no plural of जनवरी)."""
    return _STEM_ENDINGS_NOT_I if suffix == "ों" else _STEM_ENDINGS


def _verb_stem(stem: str, freq: dict[str, float]) -> bool:
    """A verb's stem: its infinitive, an imperfective or its absolutive (संभलकर) is known,
    or all three of its perfectives (घिरा, घिरी, घिरे; a noun has two at most: खतरा, खतरे)."""
    return any(stem + e in freq for e in _VERB_FORMS) or all(stem + e in freq for e in "ाीे")


def verb_stem(stem: str) -> bool:
    """``stem`` is a known verb's stem (मांग of मांगना, पहुंच of पहुंचे, पहुंचते)."""
    return _verb_stem(stem, frequencies())


#: The suffixes only verbs take (a stem is a verb's when its infinitive is known).
_VERB_SUFFIXES = frozenset((
    "ता", "ती", "ते", "तीं", "ना", "नी", "ने", "कर", "ेगा", "ेगी", "ेंगे", "ेंगी", "ूंगा", "ूंगी",
    "ूँगा", "ओगे", "ाया", "ायी", "ाये", "ाए", "ाती", "ाता", "ाते", "ाना", "ाने", "ायें", "ाकर",
))  # fmt: skip
_VERB_FORMS = ("ना", "ाना", "ने", "ते", "ता", "ती", "कर")


def compound(word: str, *, min_zipf: float = 3.5) -> bool:
    """True if ``word`` is two common words written solid (मुख्यमंत्रीजी, जांचकर्ता)."""
    freq = frequencies()
    for i in range(3, len(word) - 2):
        if (
            freq.get(word[:i], 0) >= min_zipf
            and not unicodedata.category(word[i]).startswith("M")  # no tail starts with a sign
            and freq.get(word[i:], 0) >= min_zipf
        ):
            return True
    return False


def parsed(word: str, *, typed: bool = False) -> bool:
    """An inflection of a known stem or verb root (घिरने, बरत, सुनवाईं): the suffix model's
    stronger reading (a solid compound is a weaker one); ``typed`` as for :func:`inflected`."""
    freq = frequencies()
    return _verb_root(word, freq) or _feminine_plural(word, freq) or inflected(word, typed=typed)


def recognised(word: str) -> bool:
    """Known outright, as an inflection of a known stem, or as a solid compound."""
    if word in gazetteer.words():  # a place name's word (data/gazetteer)
        return True
    freq = frequencies()
    return word in freq or parsed(word) or compound(word)


def _feminine_plural(word: str, freq: dict[str, float]) -> bool:
    """A known word in ई/ी with the nasal of the feminine plural (गईं, सुनवाईं, कीं)."""
    return word.endswith(("ीं", "ईं")) and word[:-1] in freq


#: The endings a verb root is known by (बरत <- बरतना, बरतने, बरतते).
VERB_ENDINGS = ("ना", "ने", "ता", "ते", "ती")


def _verb_root(word: str, freq: dict[str, float]) -> bool:
    """A verb root is known through its forms (बरत <- बरतना, बरतने, बरतते)."""
    return any(word + ending in freq for ending in VERB_ENDINGS)


@dataclass(frozen=True)
class House:
    """A publication's own dictionary: words to accept and words to reject."""

    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()


def house(config: Config) -> House:
    """The ``[tool.qa.lexicon]`` accept/reject lists (``accept-files`` relative to the config)."""
    section = config.section("lexicon")
    files = _strings(section.get("accept-files", []), "accept-files")
    if files:  # only then the base directory (``Path.cwd()`` is a system call per document)
        base = config.path.parent if config.path else Path.cwd()
        files = [str(base / f) for f in files]
    return _house(
        tuple(_strings(section.get("accept", []), "accept")),
        tuple(_strings(section.get("reject", []), "reject")),
        stamps(files),
    )


def _strings(value: object, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"[tool.qa.lexicon] {key} must be a list of strings")
    return [unicodedata.normalize("NFC", v.strip()) for v in value if v.strip()]


@lru_cache(maxsize=16)
def _house(
    accept: tuple[str, ...], reject: tuple[str, ...], files: tuple[tuple[str, int, int], ...]
) -> House:
    """Keyed on each file's size and mtime too: a long-running server sees an edited list."""
    words = set(accept)
    for name, *_ in files:
        words.update(read_word_list(Path(name)))
    return House(frozenset(words), frozenset(reject))
