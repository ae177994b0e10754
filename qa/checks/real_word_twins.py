"""Real-word slips of short content words: दुर for दूर, पुरा for पूरा, ताकी for ताकि.

The written word is itself a word the lists know (a name, a rarer word), so frequency
alone cannot tell the slip from the word (दीया, a lamp; पुरी, the city). Candidates come
from a mechanism: a short listed word and its one-sign twin — the other length of an i
or u sign, or a nasal the writer left out — that is far commoner overall. Each use is then
weighed noisy-channel style with T003's context counts (:class:`ContextCounts`, here
kept for these twins, ``data/spelling/twin-context.msgpack.gz``): the twin is reported
only when the neighbour on each side favours it over the written word by a wide margin,
the written word was never seen beside either neighbour, and the posterior odds
P(context | twin) · P(twin) · P(slip) against P(context | word) · P(word) clear a bar.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from qa import datacache, lexicon
from qa.checks import inflection, spelling, spelling_doubts
from qa.checks.confusion import (
    FUNCTION_WORDS,
    NUM,
    ContextCounts,
    context_counts,
    counts_from,
    neighbours,
    numeral,
)
from qa.checks.word_sieve import Sieve
from qa.data import data_dir
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text import akshara
from qa.text.akshara import (
    ANUSVARA,
    CANDRABINDU,
    CONSONANTS,
    NUKTA,
    VIRAMA,
    VOWEL_SIGNS,
    aksharas,
    variant_key,
)

#: The longest written word weighed, in aksharas: a short content word.
MAX_AKSHARAS = 3
#: The twin must be at least this common (Zipf) and this much commoner than the word.
MIN_TWIN_ZIPF, MIN_TWIN_MARGIN, MIN_AA_MARGIN = 4.0, 1.0, 1.85
_LENGTH = {"ि": "ी", "ी": "ि", "ु": "ू", "ू": "ु"}
_NASALS = (ANUSVARA, CANDRABINDU)
_AA = "ा"
#: The signs that belong to the consonant before them: no ा goes between.
_OWN_SIGNS = frozenset((*VOWEL_SIGNS, VIRAMA, NUKTA))
_FUNCTION = frozenset(FUNCTION_WORDS)


def one_sign_twins(word: str) -> Iterator[str]:
    """The spellings one sign from ``word``: an i or u sign's other length, or the
    anusvara the writer left out after a vowel sign or at the end (a nasal added is too
    often a verb's plural or subjunctive, सकतीं, पाएं, to count as a slip)."""
    for i, ch in enumerate(word):
        if ch in _LENGTH:
            yield word[:i] + _LENGTH[ch] + word[i + 1 :]
        if (ch in VOWEL_SIGNS or i == len(word) - 1) and word[i + 1 : i + 2] not in _NASALS:
            yield word[: i + 1] + ANUSVARA + word[i + 1 :]


def aa_twins(word: str) -> Iterator[str]:
    """The spellings with a ा sign the writer left out, after a bare consonant or one
    consonant early (स्वस्थ्य for स्वास्थ्य, समाने for सामने). A ा more than the twin has is
    too often a word of its own (करा, मिला, पारा, चारा) to be weighed as a slip. An initial
    अ is आ with its ा left out (अज for आज)."""
    if word.startswith("अ"):
        yield "आ" + word[1:]
    for i, ch in enumerate(word):
        if ch == _AA:
            if i > 1 and word[i - 1] in CONSONANTS and word[i - 2] in CONSONANTS:
                yield word[: i - 1] + _AA + word[i - 1] + word[i + 1 :]
        elif ch in CONSONANTS and word[i + 1 : i + 2] not in _OWN_SIGNS:
            yield word[: i + 1] + _AA + word[i + 1 :]


def twin_of(word: str) -> tuple[str, float] | None:
    """(the far commoner twin of the listed short content word ``word``, by how much in
    Zipf), or None: a one-sign twin :data:`MIN_TWIN_MARGIN` commoner, or a twin with the
    ा left out :data:`MIN_AA_MARGIN` commoner (a word short of a ा is more often a word
    of its own: पंच, द्वार, वहन)."""
    if (
        word in _FUNCTION
        or word not in lexicon.web_zipf()
        or word in spelling.twins()  # T030's, by frequency alone
        or not 1 <= (length := len(aksharas(word))) <= MAX_AKSHARAS
    ):
        return None
    key, syllable = variant_key(word), length == 1
    candidates = {t: MIN_TWIN_MARGIN for t in one_sign_twins(word)}
    candidates.update((t, MIN_AA_MARGIN) for t in aa_twins(word) if not syllable)
    best = max(
        (
            (by, t)
            for t, margin in candidates.items()
            if t not in _FUNCTION
            and (not syllable or light_verb_perfective(t))
            and lexicon.prior(t) >= MIN_TWIN_ZIPF
            and variant_key(t) != key
            and not (t == word + ANUSVARA and word.endswith("ो"))  # T029's plural, or an imperative
            and (by := lexicon.commoner_by(t, word)) >= margin
        ),
        default=None,
    )
    return None if best is None else (best[1], best[0])


def light_verb_perfective(word: str) -> bool:
    """``word`` is the feminine perfective of a one-syllable verb in े whose other
    perfectives are common (दी of देना beside दिया and दिए, ली of लेना beside लिया and लिए):
    the only twins a one-akshara word is weighed against; the other one-sign twins of a
    syllable are letter names and initials (बी, सी, डी)."""
    if len(word) != 2 or word[1] != "ी":
        return False
    forms = (word[0] + ending for ending in ("ेना", "िया", "िए"))
    return all(lexicon.prior(form) >= MIN_TWIN_ZIPF for form in forms)


@cache
def twin_pairs() -> dict[str, str]:
    """Every listed short content word with a far commoner twin -> that twin, from the
    start-up cache."""
    code = [Path(__file__), Path(spelling.__file__), Path(akshara.__file__)]
    return datacache.cached("real-word-twins", [*lexicon.sources(), *code], _pair_table)


def _pair_table() -> dict[str, str]:
    return {w: found[0] for w in lexicon.web_zipf() if (found := twin_of(w))}


@cache
def twin_counts() -> ContextCounts:
    """The context counts of the twin pairs, from the start-up cache."""
    return counts_from(data_dir() / "spelling" / "twin-context.msgpack.gz", "twin-context")


def side(counts: ContextCounts, word: str, neighbour: str, *, before: bool) -> float:
    """log10 of how much ``neighbour`` lifts ``word``: P(word | neighbour) / P(word)."""
    return math.log10(counts.given(word, neighbour, before=before)) - math.log10(counts.unigram(word))


def seen_beside(counts: ContextCounts, word: str, twin: str, prev: str, nxt: str, share: float) -> bool:
    """The counted prose has ``word`` right after ``prev`` or right before ``nxt`` at least
    ``share`` as often as ``twin`` there: a use of its own, not the prose's own slips of
    the twin (रुप से 18 times beside रूप से 2,475)."""
    return any(
        _beside(counts, word, n, b) >= share * max(_beside(counts, twin, n, b), 1)
        for n, b in ((prev, True), (nxt, False))
    )


def _beside(counts: ContextCounts, word: str, neighbour: str, before: bool) -> int:
    """How often the counted prose has ``word`` right after (``before``) or before ``neighbour``."""
    return (counts.left if before else counts.right).get(word, {}).get(neighbour, 0)


#: How much likelier (log10) a numeral makes the rarer word of a pair than its twin for
#: the rarer word to count as a measure (मील after a number, against मिल).
MEASURE_LIFT = 1.5


@cache
def rarer_twins() -> dict[str, tuple[str, ...]]:
    """The other way round, for measures: each far commoner twin -> the listed words of its
    pairs that a numeral wants far more than it (मिल -> मील), weighed only after a numeral
    (from the start-up cache)."""
    code = [Path(__file__), Path(spelling.__file__), Path(akshara.__file__)]
    path = data_dir() / "spelling" / "twin-context.msgpack.gz"
    table = datacache.cached("rarer-twins", [*lexicon.sources(), path, *code], _rarer_table)
    return {twin: tuple(words) for twin, words in table.items()}


def _rarer_table() -> dict[str, list[str]]:
    counts, found = twin_counts(), dict[str, list[str]]()
    for word, twin in twin_pairs().items():
        if side(counts, word, NUM, before=True) - side(counts, twin, NUM, before=True) >= MEASURE_LIFT:
            found.setdefault(twin, []).append(word)
    return found


@dataclass(frozen=True)
class _Odds:
    """T033's bars, from its options (log10)."""

    side: float
    strong: float
    bar: float
    cost: float
    #: the other side of a strong one may favour the written word by this much at most
    neutral: float
    #: the share of the twin's uses beside a neighbour that make the written word's its own
    share: float
    #: each side favouring the twin by this much outweighs an English reading (रिजर्व बैक ऑफ)
    sure: float
    #: where the sides do not decide, the odds clearing the bar by this much do
    posterior: float

    def lifts(self, counts: ContextCounts, written: str, meant: str, prev: str, nxt: str) -> list[float]:
        """How much each neighbour favours ``meant`` over ``written`` (log10)."""
        return [
            side(counts, meant, n, before=b) - side(counts, written, n, before=b)
            for n, b in ((prev, True), (nxt, False))
        ]

    def favour(self, counts: ContextCounts, written: str, meant: str, prev: str, nxt: str) -> float | None:
        """The odds of ``meant`` over ``written`` between ``prev`` and ``nxt`` where the
        context favours it enough, else None: each side by ``side``, or one side by
        ``strong`` — a lift the counted prose has seen the twin give, not the smoothing's
        guess — where the other does not favour the written word by more than
        ``neutral`` — it says nothing, or as much for either word — and the strong side is
        no function word, or the other one a word no lexicon knows (a function word is
        followed and preceded by any content word: "भी दीये जलाए", lamps, is no दिये).
        Where the sides do not decide so, the odds must clear the bar by ``posterior``,
        with one side favouring the twin by ``side`` where the counted prose has it and
        neither favouring the written word by more than ``neutral``: a twin a hundred
        times commoner that one side wants ("की टिम जांच", "ने कीया") needs no second
        witness, but the smoothing's guess is none ("का दीया जलाया")."""
        sides = ((prev, True), (nxt, False))
        lifts = self.lifts(counts, written, meant, prev, nxt)
        odds = (
            sum(lifts) + math.log10(counts.unigram(meant)) - math.log10(counts.unigram(written)) - self.cost
        )
        if min(lifts) < self.side and not any(
            lifts[i] >= self.strong
            and _beside(counts, meant, *sides[i]) > 0  # counted, not the smoothing's guess
            and lifts[1 - i] >= -self.neutral
            and (sides[i][0] not in _FUNCTION or _unknown_word(sides[1 - i][0]))
            for i in (0, 1)
        ):
            witnessed = any(lifts[i] >= self.side and _beside(counts, meant, *sides[i]) > 0 for i in (0, 1))
            sure = witnessed and odds >= self.bar + self.posterior and min(lifts) >= -self.neutral
            return odds if sure else None
        return odds if odds >= self.bar else None


def _twinned(word: str) -> bool:
    """``word`` is a word of a twin pair, the rarer (weighed beside its neighbours) or the
    commoner of a measure's (weighed after a numeral)."""
    plain = lexicon.plain(word)
    return plain in twin_pairs() or plain in rarer_twins()


_TWINNED = Sieve(_twinned)


class RealWordTwin(Rule):
    """T033: a short listed word whose far commoner one-sign twin the neighbours want (and,
    after a numeral, a common word whose rarer twin is a measure: 5 मिल दूर -> मील)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        odds = _Odds(
            float(self.options.get("min-side-log-odds", 0.5)),
            float(self.options.get("strong-side-log-odds", 1.5)),
            float(self.options.get("min-log-odds", 0.0)),
            float(self.options.get("slip-cost", 3.5)),
            float(self.options.get("neutral-side-log-odds", 0.25)),
            float(self.options.get("max-beside-share", 0.0333)),
            float(self.options.get("loan-side-log-odds", 1.0)),
            float(self.options.get("posterior-margin", 0.75)),
        )
        found = sorted(_TWINNED.select(ctx.document.word_set) - lexicon.house(ctx.config).accept)
        if not found:
            return
        text, counts = ctx.text, twin_counts()  # the counts load only for a document that needs them
        pairs, rarer, index = twin_pairs(), rarer_twins(), ctx.document.word_index
        for word in found:
            plain = lexicon.plain(word)
            starts: Sequence[int] = index[word]
            twin, measures = pairs.get(plain), rarer.get(plain, ())
            if twin is None:  # a common word: weighed only after a numeral
                starts = [s for s in starts if inflection.after_numeral(text, s)]
            for start in starts:
                end = start + len(word)
                if spelling_doubts.hyphenated(text, start, end) or spelling_doubts.quoted_alone(
                    text, start, end
                ):
                    continue  # part of a hyphenated name, or a word named ("अज" शब्द)
                prev, nxt = neighbours(text, start, end)
                if _half_of_compound(plain, prev, nxt):
                    continue
                meant = self._meant(counts, plain, twin, prev, nxt, odds) if twin else None
                if meant is None and measures and numeral(prev) == NUM:
                    meant = _best(counts, plain, measures, NUM, nxt, odds)
                if meant is None or spelling_doubts.doubt(
                    text, start, end, word, meant, context_counts().honorific
                ):
                    continue  # a name after a title or beside another, a loan, a variant
                message = self.meta.message.format(word=word, suggestion=meant)
                yield self.replace(start, end, meant, message)

    @staticmethod
    def _meant(counts: ContextCounts, plain: str, twin: str, prev: str, nxt: str, odds: _Odds) -> str | None:
        """``twin`` if the context wants it for ``plain``: the counted prose has ``plain``
        beside neither neighbour as a use of its own, an English reading of ``plain`` (बैक,
        back) counts only where a side favours the twin less than ``sure``, and a neighbour
        no lexicon knows (a name's) is beside it only where the other side alone wants the
        twin strongly."""
        lifts = odds.lifts(counts, plain, twin, prev, nxt)
        if seen_beside(counts, plain, twin, prev, nxt, odds.share):
            return None
        if _loan(plain, twin) and min(lifts) < odds.sure:
            return None
        if odds.favour(counts, plain, twin, prev, nxt) is None:
            return None
        if _name_near(prev, nxt) and not any(
            not _unknown_word(n) and lift >= odds.strong for n, lift in zip((prev, nxt), lifts, strict=True)
        ):
            return None
        return twin


def _best(
    counts: ContextCounts, plain: str, measures: tuple[str, ...], prev: str, nxt: str, odds: _Odds
) -> str | None:
    """The rarer twin a numeral and the next word want for the common word ``plain``
    (5 मिल दूर -> मील); its counts are reliable, so the lifts alone decide."""
    scored = [
        (o, m)
        for m in measures
        if not _loan(plain, m) and (o := odds.favour(counts, plain, m, prev, nxt)) is not None
    ]
    return max(scored)[1] if scored else None


def _half_of_compound(word: str, prev: str, nxt: str) -> bool:
    """``word`` written solid with a neighbour makes a common word (लग भग: लगभग): one half
    of a compound written apart, not a slip of its twin."""
    return any(
        not label.startswith("<") and lexicon.prior(joined) >= MIN_TWIN_ZIPF
        for label, joined in ((prev, prev + word), (nxt, word + nxt))
    )


def _name_near(prev: str, nxt: str) -> bool:
    """A neighbour no lexicon knows: the word is likelier part of a name (बीना रानी)."""
    return any(map(_unknown_word, (prev, nxt)))


def _unknown_word(label: str) -> bool:
    return not label.startswith("<") and not lexicon.known(lexicon.plain(label))


def _loan(word: str, twin: str) -> bool:
    """``word`` spells an English word its twin does not (बैक, back, for बैंक): a loan."""
    return bool(spelling_doubts.english_readings(word) - spelling_doubts.english_readings(twin))
