"""Real-word slips on function words: "अमेरिका केक 47वें", "मजदूरों काक किराया", "दिल्ली मे".

A written word one slip from a function word (के की का को से ने पर में है …) — a
stray letter after or inside it (केक, सेस, पतर), a letter typed twice (कके, परर), a
dropped nasal (मे, है for हैं) or a vowel of the wrong length (कै, पार) — is compared,
noisy-channel style, with the function word: how well each reading fits its
neighbours (context counts from open corpora, ``data/spelling/context.msgpack.gz``,
backed off to each word's frequency), times the prior odds of that kind of slip.
The word is reported only when the slip reading wins by a wide margin, and by a
wider one for a real word common in its own right, so "बच्चों ने केक काटा" and
"पेट्रोल पर सेस" stay quiet.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from qa import datatables, lexicon
from qa.checks import agreement_words, spelling_doubts, verb_forms
from qa.checks.word_sieve import Sieve
from qa.data import data_dir
from qa.diagnostic import Diagnostic, Edit
from qa.engine.rule import Context, Rule
from qa.errors import RuleDataError
from qa.text.akshara import ANUSVARA, NUKTA, VISARGA, VOWEL_SIGNS, without_perso_nukta
from qa.text.ordinals import CARDINAL_WORDS
from qa.text.tokenize import WORD_CHARS

#: Postpositions, auxiliaries and particles a slip most often lands on.
FUNCTION_WORDS = (
    "के", "की", "का", "को", "से", "में", "ने", "पर", "है", "हैं", "था", "थी", "थे",
    "तो", "भी", "ही", "और", "या", "कि", "तक",
)  # fmt: skip
NUM, ORD, SENTENCE_EDGE = "<NUM>", "<ORD>", "<S>"
_FUNCTION = frozenset(FUNCTION_WORDS)
#: Every slip keeps the function word's first letter (a letter before it is not a slip).
_FIRST = frozenset(w[0] for w in FUNCTION_WORDS)

#: The kinds of slip, each with its own prior (the rule's ``slip-cost`` option).
DOUBLED, NASAL, LENGTH, STRAY_AFTER, STRAY_INTO = "doubled", "nasal", "length", "stray-after", "stray-into"
_LENGTH = {"ि": "ी", "ी": "ि", "ु": "ू", "ू": "ु", "े": "ै", "ै": "े", "ो": "ौ", "ौ": "ो"}
_AA = "ा"


def _letters(word: str) -> list[str]:
    """The keystrokes of ``word``: each character, a nukta joined to its consonant."""
    out: list[str] = []
    for ch in word:
        if ch == NUKTA and out:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _deletion_kind(letters: list[str], i: int) -> str | None:
    """The slip that an extra ``letters[i]`` is: doubled, a stray ा, a stray letter, or
    None for a consonant with its own vowel sign (थमी, कहा: a syllable, not a stray key)."""
    letter, after = letters[i], letters[i + 1 : i + 2]
    if not "\u0900" <= letter[0] <= "\u097f" or letter == VISARGA:
        return None  # another script's letter, or a visarga standing for a colon (कीः)
    if letter in letters[max(0, i - 1) : i] or letter in after:
        return DOUBLED
    if letter == _AA:
        return LENGTH  # पार for पर
    if after and after[0] in VOWEL_SIGNS:
        return None
    return STRAY_AFTER if i == len(letters) - 1 else STRAY_INTO


#: The longest function word (in characters): a nasal or vowel-length slip is no longer.
_LONGEST = max(map(len, FUNCTION_WORDS))
#: The first and last characters of each function word.
_EDGES = frozenset((w[0], w[-1]) for w in FUNCTION_WORDS)


def _may_hold_function_word(word: str) -> bool:
    """``word`` may be a function word with a letter added: the letter goes before it
    (``word`` ends with it), after it (``word`` starts with it) or inside it (``word``
    has its first and last characters)."""
    return (word[0], word[-1]) in _EDGES or word.startswith(FUNCTION_WORDS) or word.endswith(FUNCTION_WORDS)


@lru_cache(maxsize=65536)
def slips(word: str) -> tuple[tuple[str, str], ...]:
    """(function word, kind of slip) for every function word ``word`` is one slip from.

    A function word itself is only a dropped nasal from another (है for हैं)."""
    if not 1 < len(word) <= 6 or word[0] not in _FIRST:
        return ()
    if len(word) > _LONGEST and not _may_hold_function_word(word):
        return ()  # too long for a nasal or length slip, and no letter added to a function word
    found: dict[str, str] = {}
    if word + ANUSVARA in _FUNCTION:
        found[word + ANUSVARA] = NASAL  # मे for में, है for हैं
    if word in _FUNCTION:
        return tuple(found.items())
    letters = _letters(word)
    for i, letter in enumerate(letters):
        rest = "".join(letters[:i] + letters[i + 1 :])
        kind = _deletion_kind(letters, i)
        if rest in _FUNCTION and kind and (i or kind == DOUBLED):  # a letter before a word is the last one's
            found.setdefault(rest, kind)
        if letter in _LENGTH:
            other = "".join([*letters[:i], _LENGTH[letter], *letters[i + 1 :]])
            if other in _FUNCTION:
                found.setdefault(other, LENGTH)
    return tuple(found.items())


def ending(label: str) -> str:
    """A neighbour's class for the back-off: its last two characters (मजदूरों -> ों, a
    plural before a postposition; किराया -> या), or the label itself (<NUM>, <S>). A
    function word is a class of its own (<का>): the content words that end as it does
    (टीका, लड़का) are followed and preceded by other words than it is."""
    if label.startswith("<"):
        return label
    return f"<{label}>" if label in _FUNCTION else label[-2:]


#: P(word) of a word neither the corpus nor the lexicon has seen (Zipf 2, the lexicon's floor).
UNSEEN = 1e-7
#: The least share of content words a neighbour leaves (no neighbour rules them out).
CONTENT_FLOOR = 0.01
#: A title seen this often, and followed by a function word in less than this share of
#: its uses, is an honorific (before names only).
MIN_TITLE_COUNT, HONORIFIC_SHARE = 10, 0.06
#: A vowel sign, nasal or halant typed twice (केे, मेें): never a spelling, whatever the web counts.
_DOUBLED_SIGN = regex.compile(r"(\p{M})\1")


#: The Zipf frequency a word of the project's news vocabulary (सेस, cess) is taken to have.
NEWS_ZIPF = 4.0
#: ... and an unlisted short word that spells a common English word (हील, heel).
ENGLISH_ZIPF = 3.0


def evidence(word: str) -> float:
    """The Zipf frequency that speaks for ``word`` being meant: none for a doubled sign,
    at least :data:`NEWS_ZIPF` for a word of the news vocabulary."""
    if _DOUBLED_SIGN.search(word):
        return 0.0
    plain = lexicon.plain(word)
    return max(lexicon.zipf(plain), NEWS_ZIPF if plain in lexicon.additions() else 0.0)


_TABLES = ("total", "unigrams", "followers", "predecessors", "left", "right", "endings")


@dataclass
class ContextCounts:
    """Unigram and neighbour counts from open prose (see the table's licence field).

    ``left[x][p]`` counts p before x and ``right[x][n]`` n after x, for each function
    word and each real word one slip from one. ``endings`` holds the same four things
    for neighbour classes (:func:`ending`): ``unigrams``, ``followers``,
    ``predecessors`` and ``left``/``right`` keyed by the neighbour's ending."""

    total: int = 1
    unigrams: dict[str, int] = field(default_factory=dict)
    #: word -> distinct words seen after / before it (Witten-Bell back-off weights)
    followers: dict[str, int] = field(default_factory=dict)
    predecessors: dict[str, int] = field(default_factory=dict)
    left: dict[str, dict[str, int]] = field(default_factory=dict)
    right: dict[str, dict[str, int]] = field(default_factory=dict)
    endings: dict[str, Any] = field(default_factory=dict)
    #: Bounded memos (a server checks document after document): P(word) by word, and the
    #: content share by neighbour and side.
    _unigram: dict[str, float] = field(init=False, default_factory=dict, repr=False, compare=False)
    _content: dict[tuple[str, bool], float] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )

    def unigram(self, word: str) -> float:
        """P(word): the larger of its share in the corpus and in the lexicon (news uses
        words, like केस for "case", that an encyclopedia rarely does)."""
        found = self._unigram.get(word)
        if found is None:
            zipf = evidence(word)
            count = self.unigrams.get(word, 0) / self.total
            found = max(count, 10 ** (zipf - 9) if zipf else 0.0, UNSEEN)
            _remember(self._unigram, word, found)
        return found

    def given(self, word: str, neighbour: str, *, before: bool) -> float:
        """P(word | the neighbour before it, or after it), Witten-Bell smoothed and backed
        off first to the neighbour's ending, then to P(word): a context seen with many
        different words leaves more room for an unseen one."""
        pairs, types = (self.left, self.followers) if before else (self.right, self.predecessors)
        t_word = types.get(neighbour, 1)
        pair = pairs.get(word, _NONE).get(neighbour, 0)
        return (pair + t_word * self._by_class(word, neighbour, before=before)) / (
            self.unigrams.get(neighbour, 0) + t_word
        )

    def _by_class(self, word: str, neighbour: str, *, before: bool) -> float:
        """P(word | the neighbour's class, :func:`ending`), backed off to P(word)."""
        classes = self.endings
        side, types = ("left", "followers") if before else ("right", "predecessors")
        cls = ending(neighbour)
        t_cls = classes[types].get(cls, 1)
        return (classes[side].get(word, _NONE).get(cls, 0) + t_cls * self.unigram(word)) / (
            classes["unigrams"].get(cls, 0) + t_cls
        )

    def ruled_out(self, word: str, neighbour: str, *, before: bool, expected: float) -> bool:
        """True if the counts saw ``neighbour`` often enough that its class would have put
        ``word`` beside it ``expected`` times or more, but never saw the two together
        (उन्होंने, 3,125 times and never before को: a case-marked pronoun takes no
        postposition; उत्तरी, 738 times and never before के: an adjective neither)."""
        if (self.left if before else self.right).get(word, _NONE).get(neighbour, 0):
            return False
        return self.unigrams.get(neighbour, 0) * self._by_class(word, neighbour, before=before) >= expected

    def honorific(self, title: str) -> bool:
        """True if ``title`` stands before names only (श्री, हाजी): in the counted prose it
        is seldom followed by a function word, as a role (मंत्री के, नेता ने) is."""
        seen = self.unigrams.get(title, 0)
        after = sum(self.left.get(f, {}).get(title, 0) for f in FUNCTION_WORDS)
        return seen >= MIN_TITLE_COUNT and after < HONORIFIC_SHARE * seen

    def fit(self, prev: str, word: str, nxt: str) -> float:
        """log10 of how well ``word`` fits between ``prev`` and ``nxt``:
        P(word | prev) · P(word | next) / P(word)."""
        return (
            math.log10(self.given(word, prev, before=True))
            + math.log10(self.given(word, nxt, before=False))
            - math.log10(self.unigram(word))
        )

    def context_odds(self, intended: str, intended_fit: float, word: str, word_fit: float) -> float:
        """log10 of how much more the neighbours want ``intended`` than ``word``, each
        against its own frequency (the Bayes factor of the context alone)."""
        return intended_fit - math.log10(self.unigram(intended)) - word_fit + math.log10(self.unigram(word))

    def content_share(self, neighbour: str, *, before: bool) -> float:
        """The share of the words after (``before``) or before ``neighbour`` that are no
        function word: high after a postposition (पर सेस), low after a noun (ट्रक से)."""
        key = (neighbour, before)
        found = self._content.get(key)
        if found is None:
            wanted = sum(self.given(f, neighbour, before=before) for f in FUNCTION_WORDS)
            found = max(1.0 - wanted, CONTENT_FLOOR)
            _remember(self._content, key, found)
        return found

    def novelty(self, neighbour: str, *, before: bool) -> float:
        """The Witten-Bell share of the words after (``before``) or before ``neighbour``
        that were never seen beside it: low for a neighbour that keeps to a few words
        (शुक्रवार को, शुक्रवार रात), 1 for a neighbour the counts have not seen."""
        if neighbour.startswith("<") or neighbour in _FUNCTION:
            return 1.0  # a class or a function word: its content share says it all
        seen = self.unigrams.get(neighbour, 0)
        types = (self.followers if before else self.predecessors).get(neighbour, 1)
        return types / (seen + types) if seen else 1.0

    @cached_property
    def content(self) -> float:
        """The share of content words (no function word) in the counted prose."""
        return 1.0 - sum(self.unigrams.get(f, 0) for f in FUNCTION_WORDS) / self.total

    def fit_real(self, prev: str, word: str, nxt: str, zipf: float, novelty_weight: float = 0.0) -> float:
        """:meth:`fit` for a real word read at Zipf ``zipf`` whose own counts are thin
        (news words like सेस, केक are rare in an encyclopedia): on each side the larger of
        its own smoothed estimate and its class's, P(word) · P(an open slot | neighbour)
        / P(a content word). The open slot is the neighbour's share of content words,
        capped by its :meth:`novelty` raised to ``novelty_weight``: a content word never
        seen beside a neighbour that keeps to a few words is no typical content word."""
        p = max(self.unigram(word), 10 ** (zipf - 9))
        content = self.content
        sides = (
            max(
                self.given(word, n, before=b),
                p
                * min(self.content_share(n, before=b), self.novelty(n, before=b) ** novelty_weight)
                / content,
            )
            for n, b in ((prev, True), (nxt, False))
        )
        return sum(math.log10(q) for q in sides) - math.log10(p)


#: The most entries a memo of :class:`ContextCounts` keeps before it starts afresh.
_MEMO = 16384
#: What a table of counts gives for a word it lacks: read-only, as it is shared.
_NONE: Mapping[str, int] = MappingProxyType({})


def _remember(memo: dict[Any, float], key: Any, value: float) -> None:
    """Keep ``value`` in ``memo``, emptied first once it holds :data:`_MEMO` entries."""
    if len(memo) >= _MEMO:
        memo.clear()
    memo[key] = value


@cache
def context_counts() -> ContextCounts:
    """The counts, from the start-up cache while their file is unchanged."""
    return counts_from(data_dir() / "spelling" / "context.msgpack.gz", "context")


def counts_from(path: Path, name: str) -> ContextCounts:
    """The counts of a table in ``path``, kept in the start-up cache as ``name``."""
    data = datatables.lazy(name, [path], lambda: _read_counts(path))
    return ContextCounts(*(data[k] for k in _TABLES))


def _read_counts(path: Path) -> dict[str, Any]:
    import gzip  # the counts come from the start-up cache: read their file only to build it

    import msgpack

    try:
        with gzip.open(path, "rb") as handle:
            data = msgpack.load(handle, raw=False)
        return {k: data[k] for k in _TABLES}
    except (OSError, ValueError, KeyError, TypeError, msgpack.UnpackException) as exc:
        raise RuleDataError(f"{path}: unreadable context counts: {exc}") from None


_PIECE = regex.compile(rf"\p{{Nd}}[{WORD_CHARS}\p{{Nd}}.,:/]*|[{WORD_CHARS}]+")
_SENTENCE_MARK = '।॥?!."'


@lru_cache(maxsize=1 << 16)
def _label(chunk: str | None, last: bool) -> str:
    """A neighbouring chunk as the context counts name it: a word, <NUM> or <S>, read from
    its ``last`` token or its first (cached: the same chunks stand beside word after word)."""
    if not chunk or (chunk[-1] if last else chunk[0]) in _SENTENCE_MARK:
        return SENTENCE_EDGE
    pieces = _PIECE.findall(chunk)
    if not pieces:
        return SENTENCE_EDGE
    token = pieces[-1] if last else pieces[0]
    if token[0].isdigit():
        return ORD if token[-1].isalpha() or unicodedata.category(token[-1]).startswith("M") else NUM
    return token


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The labels of the tokens just before ``start`` and just after ``end``."""
    before = text[max(0, start - 40) : start].split()
    after = text[end : end + 40].split()
    return _label(before[-1] if before else None, True), _label(after[0] if after else None, False)


def numeral(label: str) -> str:
    """A number word as the counts' numeral class (दो सेर reads as 2 सेर), else ``label``:
    the counts label digits only, and a measure word's own counts (सेर, मील) say that it
    follows numbers."""
    return NUM if label in CARDINAL_WORDS else label


def uses(ctx: Context, word: str) -> Iterator[tuple[int, int, str, str]]:
    """Each use of ``word`` in the document: its start, its end and its neighbours' labels."""
    for start in ctx.document.word_index.get(word, ()):
        end = start + len(word)
        yield start, end, *neighbours(ctx.text, start, end)


#: The function words that may open a clause after a comma; a postposition or an
#: auxiliary belongs to the word before it and never follows one ("कोरियाई, थाई," is no था).
_AFTER_COMMA = frozenset(("और", "या", "तो", "कि"))


def after_comma(text: str, start: int) -> bool:
    """True if the word at ``start`` follows a comma."""
    return text[max(0, start - 8) : start].rstrip().endswith((",", "،"))


#: A partner that is a kind of word: a perfective of a transitive verb (किया, जताई, कराया).
PERFECTIVE = "<PERFECTIVE>"
_SENTENCE_END = regex.compile(r"[।॥?!\n]")
#: How far a partner is looked for (characters; a sentence is seldom longer).
_REACH = 400


def transitive_perfective(word: str) -> bool:
    """True for a perfective the verb model recognises (किया, जताई, कराया) that is not one
    of an intransitive verb (आए, हुआ)."""
    verb = verb_forms.verb_word(word)
    return verb is not None and verb.perfective and not agreement_words.intransitive_perfective(word)


@dataclass(frozen=True)
class Partner:
    """Sentence-level evidence for a function word: a partner on one side of it in its
    sentence (से … तक, अगर … तो, ने … किया) and the log10 lift of finding it, or of not
    finding it, over a content word in the same place (``sentence-evidence`` option)."""

    words: frozenset[str]
    after: bool
    found: float
    missing: float

    @classmethod
    def of(cls, spec: Mapping[str, Any]) -> Partner:
        words = spec["partners"]
        return cls(
            frozenset([words] if isinstance(words, str) else words),
            spec.get("side", "after") == "after",
            float(spec.get("found", 0.0)),
            float(spec.get("missing", 0.0)),
        )

    def matches(self, word: str) -> bool:
        return word in self.words or (PERFECTIVE in self.words and transitive_perfective(word))

    def evidence(self, text: str, start: int, end: int) -> float:
        """log10 of what the rest of the sentence says for the function word, beyond the
        neighbours the context counts already weigh (अगर तोल is no अगर … तो)."""
        if self.after:
            words = _PIECE.findall(_SENTENCE_END.split(text[end : end + _REACH])[0])[1:]
        else:
            words = _PIECE.findall(_SENTENCE_END.split(text[max(0, start - _REACH) : start])[-1])[:-1]
        return self.found if any(self.matches(w) for w in words) else self.missing


def sentence_partners(options: Mapping[str, Any]) -> dict[str, Partner]:
    """The ``sentence-evidence`` option: function word -> its partner in the sentence."""
    return {f: Partner.of(spec) for f, spec in (options.get("sentence-evidence") or {}).items()}


def _costs(options: Mapping[str, Any]) -> dict[str, float]:
    """Each kind of slip's cost: -log10 of its prior odds (``slip-cost`` option)."""
    costs = {DOUBLED: 3.0, NASAL: 3.0, LENGTH: 3.5, STRAY_AFTER: 4.0, STRAY_INTO: 4.5}
    costs.update({k: float(v) for k, v in (options.get("slip-cost") or {}).items()})
    return costs


def _unknown(label: str) -> bool:
    """True for a neighbour no lexicon knows (a name, most often), not for <NUM> or <S>,
    nor for a known word's variant with the Perso-Arabic nukta (दिक़्कत)."""
    if label.startswith("<"):
        return False
    word = lexicon.plain(label)
    return not lexicon.known(word) and not lexicon.known(without_perso_nukta(word))


def _plain_hindi(label: str) -> bool:
    """True for a neighbour that is plain Hindi: <NUM>, <S>, or a word the lexicon knows
    that spells no English word (a loan or a name's part, जेंडर, रॉय, सर्जिकल, would)."""
    return label.startswith("<") or not (_unknown(label) or spelling_doubts.english_reading(label))


def _awaits_head(prev: str, intended: str) -> bool:
    """True if ``prev`` is a modifier that agrees with the noun after it (ठंडी, उसकी,
    का), so that a postposition cannot come next: "ठंडी कोक पी" is no "ठंडी को"."""
    return intended in agreement_words.POSTPOSITIONS and agreement_words.agreeing(prev) is not None


@dataclass(frozen=True)
class Margins:
    """How much likelier the slip reading must be (log10), from the rule's options, and
    the weight of a neighbour's novelty in a real word's class estimate."""

    base: float
    real: float
    per_zipf: float
    common_zipf: float
    per_common_zipf: float
    per_use: float
    unknown: float
    real_unknown: float
    context: float
    native_context: float
    ruled_out_pairs: float
    novelty: float

    @classmethod
    def of(cls, options: Mapping[str, Any]) -> Margins:
        return cls(
            float(options.get("min-log-odds", 0.0)),
            float(options.get("real-word-log-odds", -2.75)),
            float(options.get("margin-per-zipf", 0.45)),
            float(options.get("common-zipf", 4.5)),
            float(options.get("margin-per-common-zipf", 1.5)),
            float(options.get("margin-per-use", 1.0)),
            float(options.get("margin-next-to-unknown", 1.0)),
            float(options.get("margin-real-next-to-unknown", 0.5)),
            float(options.get("min-context-log-odds", 0.0)),
            float(options.get("min-native-context-log-odds", options.get("min-context-log-odds", 0.0))),
            float(options.get("ruled-out-expected-pairs", math.inf)),
            float(options.get("novelty-weight", 0.0)),
        )

    def gate(self, counts: ContextCounts, intended: str, prev: str, nxt: str, *, native: bool) -> float:
        """How much the context alone must favour ``intended`` over a real word: less
        between two plain Hindi neighbours (``native``), unless the word before awaits its
        head noun or a neighbour's own counts rule ``intended`` out (:meth:`ContextCounts.ruled_out`)."""
        if (
            native
            and not _awaits_head(prev, intended)
            and not any(
                counts.ruled_out(intended, n, before=b, expected=self.ruled_out_pairs)
                for n, b in ((prev, True), (nxt, False))
            )
        ):
            return self.native_context
        return self.context

    def next_to_unknown(self, zipf: float) -> float:
        """The margin beside a word no lexicon knows: more for a word with no evidence
        of its own (two unknown words in a row are a name: ओरिन हैच)."""
        return self.real_unknown if zipf else self.unknown

    def word(self, zipf: float) -> float:
        """The bar for a word read at Zipf ``zipf``: ``min-log-odds`` for a word with no
        evidence of its own; for a real word ``real-word-log-odds``, rising with its
        frequency (steeply above ``common-zipf``)."""
        if not zipf:
            return self.base
        return self.real + self.per_zipf * zipf + self.per_common_zipf * max(0.0, zipf - self.common_zipf)


@dataclass
class _Use:
    """One use of a written word: where, the odds of each slip reading, the bar they face."""

    start: int
    odds: dict[str, float]
    bar: float

    @property
    def meant(self) -> bool:
        """True if no slip reading clears the bar: the use reads as the word itself."""
        return all(v < self.bar for v in self.odds.values())


def _slip(word: str) -> bool:
    """``word`` is a slip from a function word, and its signs are not damaged (U015's or
    U016's: काे, बुद््ध)."""
    return bool(slips(word)) and not spelling_doubts.damaged_signs(word)


_SLIPS = Sieve(_slip)


class StrayLetter(Rule):
    """T003: a word one slip from a function word, where the context wants the function word."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        found = sorted(_SLIPS.select(ctx.document.word_set) - lexicon.house(ctx.config).accept)
        if not found:
            return
        margins = Margins.of(self.options)
        costs, partners = _costs(self.options), sentence_partners(self.options)
        max_zipf = float(self.options.get("max-word-zipf", 5.0))
        for word in found:
            zipf = evidence(word)
            if zipf > max_zipf:
                continue  # a word this common is what the writer meant
            uses = list(self._uses(ctx, word, slips(word), zipf, margins, costs, partners))
            for use in uses:
                if use.meant:
                    continue
                # other uses speak for the word: for a real word those that read as meant
                # (उसने केक काटा), for a word with no evidence of its own any other use
                others = sum(u.meant for u in uses if u is not use) if zipf else len(uses) - 1
                again = 0.0 if _DOUBLED_SIGN.search(word) else margins.per_use * others
                odds = use.odds
                wanted = sorted(
                    (f for f in odds if odds[f] >= use.bar + again), key=odds.__getitem__, reverse=True
                )
                if wanted:
                    start, end = use.start, use.start + len(word)
                    message = self.meta.message.format(word=word, intended="' or '".join(wanted))
                    yield self.diagnostic(
                        start, end, message, suggestions=wanted, edits=(Edit(start, end, wanted[0]),)
                    )

    def _uses(
        self,
        ctx: Context,
        word: str,
        candidates: tuple[tuple[str, str], ...],
        zipf: float,
        margins: Margins,
        costs: dict[str, float],
        partners: dict[str, Partner],
    ) -> Iterator[_Use]:
        """Each use of ``word`` with the odds of its slip readings; a use inside a
        hyphenated name or after an honorific is the word itself (no odds)."""
        counts = context_counts()
        text = ctx.text
        read = zipf or (ENGLISH_ZIPF if spelling_doubts.english_reading(word) else 0.0)
        for start in ctx.document.word_index[word]:
            end = start + len(word)
            if spelling_doubts.hyphenated(text, start, end):
                yield _Use(start, {}, 0.0)  # one part of a hyphenated name or compound (हैंस-पीटर)
                continue
            if spelling_doubts.after_title(text, start, counts.honorific):
                yield _Use(start, {}, 0.0)  # a name (हाजी नेब)
                continue
            prev, nxt = neighbours(text, start, end)
            comma = after_comma(text, start)
            # a real word's own counts are thin: its class speaks for it where they are silent
            own = (
                counts.fit_real(numeral(prev), word, nxt, read, margins.novelty)
                if read
                else counts.fit(prev, word, nxt)
            )
            fits = {
                f: (
                    counts.fit(prev, f, nxt)
                    + (p.evidence(text, start, end) if (p := partners.get(f)) else 0.0),
                    costs[kind],
                )
                for f, kind in candidates
                if not spelling_doubts.reading_ungrammatical(f, nxt) and not (comma and f not in _AFTER_COMMA)
            }
            # a real word needs the context itself to favour the slip reading, whatever the
            # priors say: "चॉकलेट केक बिक" wants no postposition more than it wants a noun
            native = bool(zipf) and _plain_hindi(prev) and _plain_hindi(nxt)
            odds = {
                f: fit - cost - own
                for f, (fit, cost) in fits.items()
                if not zipf
                or counts.context_odds(f, fit, word, own) >= margins.gate(counts, f, prev, nxt, native=native)
            }
            # a word beside an unknown word is likelier part of a name (ओरिन हैच, केप वर्डे)
            unknown = _unknown(prev) or _unknown(nxt)
            yield _Use(start, odds, margins.word(read) + (margins.next_to_unknown(read) if unknown else 0.0))


class AmbiguousSlip(Rule):
    """T023: a non-word with more than one plausible correction (नें: ने or में). The
    fix is safe only where the context makes one reading decisively likelier."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        table: Mapping[str, list[str]] = self.options.get("slips") or {}
        decisive = float(self.options.get("decisive-log-odds", 3.0))
        counts = context_counts()
        for word, readings in table.items():
            for start, end, prev, nxt in uses(ctx, word):
                fits = {f: counts.fit(prev, f, nxt) for f in readings}
                ranked = sorted(fits, key=fits.__getitem__, reverse=True)
                safe = len(ranked) == 1 or fits[ranked[0]] - fits[ranked[1]] >= decisive
                wanted = ranked[:1] if safe else ranked
                message = self.meta.message.format(word=word, intended="' or '".join(wanted))
                yield self.diagnostic(
                    start,
                    end,
                    message,
                    suggestions=wanted,
                    edits=(Edit(start, end, ranked[0]),),
                    applicability="safe" if safe else "unsafe",
                )
