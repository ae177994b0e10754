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
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from qa import datacache, lexicon
from qa.checks import spelling, spelling_doubts
from qa.checks.confusion import FUNCTION_WORDS, ContextCounts, context_counts, counts_from, neighbours
from qa.data import data_dir
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text import akshara
from qa.text.akshara import ANUSVARA, CANDRABINDU, VOWEL_SIGNS, aksharas, variant_key

#: The longest written word weighed, in aksharas: a short content word.
MAX_AKSHARAS = 3
#: The twin must be at least this common (Zipf) and this much commoner than the word.
MIN_TWIN_ZIPF, MIN_TWIN_MARGIN = 4.0, 1.0
_LENGTH = {"ि": "ी", "ी": "ि", "ु": "ू", "ू": "ु"}
_NASALS = (ANUSVARA, CANDRABINDU)
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


def twin_of(word: str) -> tuple[str, float] | None:
    """(the far commoner one-sign twin of the listed short content word ``word``, by how
    much in Zipf), or None."""
    if (
        word in _FUNCTION
        or word not in lexicon.web_zipf()
        or word in spelling.twins()  # T030's, by frequency alone
        or not 2 <= len(aksharas(word)) <= MAX_AKSHARAS
    ):
        return None
    key = variant_key(word)
    best = max(
        (
            (lexicon.commoner_by(t, word), t)
            for t in set(one_sign_twins(word))
            if t not in _FUNCTION
            and lexicon.prior(t) >= MIN_TWIN_ZIPF
            and variant_key(t) != key
            and not (t == word + ANUSVARA and word.endswith("ो"))  # T029's plural, or an imperative
        ),
        default=None,
    )
    if best is None or best[0] < MIN_TWIN_MARGIN:
        return None
    return best[1], best[0]


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


def seen_beside(counts: ContextCounts, word: str, prev: str, nxt: str) -> bool:
    """The counted prose has ``word`` right after ``prev`` or right before ``nxt``."""
    return bool(counts.left.get(word, {}).get(prev) or counts.right.get(word, {}).get(nxt))


class RealWordTwin(Rule):
    """T033: a short listed word whose far commoner one-sign twin both neighbours want."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        side_margin = float(self.options.get("min-side-log-odds", 0.5))
        bar = float(self.options.get("min-log-odds", 0.0))
        cost = float(self.options.get("slip-cost", 3.5))
        accept, pairs = lexicon.house(ctx.config).accept, twin_pairs()
        found = [
            (word, plain, twin, starts)
            for word, starts in ctx.document.word_index.items()
            if (twin := pairs.get(plain := lexicon.plain(word))) is not None
            and word not in accept
            and not _loan(plain, twin)
        ]
        if not found:
            return
        text, counts = ctx.text, twin_counts()  # the counts load only for a document that needs them
        for word, plain, twin, starts in found:
            for start in starts:
                end = start + len(word)
                if spelling_doubts.hyphenated(text, start, end):
                    continue  # part of a hyphenated name
                prev, nxt = neighbours(text, start, end)
                if seen_beside(counts, plain, prev, nxt) or _name_near(prev, nxt):
                    continue
                lifts = [
                    side(counts, twin, n, before=b) - side(counts, plain, n, before=b)
                    for n, b in ((prev, True), (nxt, False))
                ]
                prior = math.log10(counts.unigram(twin)) - math.log10(counts.unigram(plain))
                if min(lifts) < side_margin or sum(lifts) + prior - cost < bar:
                    continue
                if spelling_doubts.doubt(text, start, end, word, twin, context_counts().honorific):
                    continue  # a name after a title or beside another, a loan, a variant
                message = self.meta.message.format(word=word, suggestion=twin)
                yield self.replace(start, end, twin, message)


def _name_near(prev: str, nxt: str) -> bool:
    """A neighbour no lexicon knows: the word is likelier part of a name (बीना रानी)."""
    return any(not n.startswith("<") and not lexicon.known(lexicon.plain(n)) for n in (prev, nxt))


def _loan(word: str, twin: str) -> bool:
    """``word`` spells an English word its twin does not (बैक, back, for बैंक): a loan."""
    return bool(spelling_doubts.english_readings(word) - spelling_doubts.english_readings(twin))
