"""Verb forms spelled with one nasal too many (करेंगें for करेंगे)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qa import lexicon
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

# The future plural: a subjunctive form, which ends in े, ए or ो (करे, जाए, जाये, हो, ले),
# a nasal, ग, the ending vowel (े masculine, ी feminine) and the stray second nasal.
# Plural nouns (मांगें, तरंगें, छलांगें) have no such form before their nasal.
_DOUBLED = regex.compile(r"(?P<subjunctive>\p{Devanagari}*[ेएो])[ंँ]ग[ेी][ंँ]")
#: How much commoner (Zipf) the single-nasal form must be, by default.
MIN_ZIPF_GAIN = 1.0
# What the subjunctive adds to the verb's root: करे -> कर, जाए/जाये -> जा (हो, ले and
# दे are roots themselves).
_SUBJUNCTIVE_ENDING = regex.compile(r"(?:ये|े|ए)$")


def intended(word: str, min_gain: float = MIN_ZIPF_GAIN) -> str | None:
    """The future form ``word`` means, if it has a second nasal and the form without
    it is a known and clearly commoner word of a known verb (करेंगें -> करेंगे).

    The verb test keeps nouns and other verbs out: पेंगें (swings) and रेंगें
    (may crawl) have no verb *पना/*रना behind them.
    """
    m = _DOUBLED.fullmatch(word)
    if m is None:
        return None
    single = word[:-1]
    subjunctive = m.group("subjunctive")
    roots = {subjunctive, _SUBJUNCTIVE_ENDING.sub("", subjunctive)} - {""}  # ले is its own root
    if not any(lexicon.known(root + "ना") for root in roots):
        return None
    return single if lexicon.zipf(single) >= lexicon.zipf(word) + min_gain else None


class DoubledFutureNasal(Rule):
    """T028: करेंगें, जाएंगें, होंगीं: the future tense nasalises its first vowel only."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        min_gain = float(self.options.get("min-zipf-gain", MIN_ZIPF_GAIN))
        for word, starts in ctx.document.word_index.items():
            if not word.endswith(("ें", "ीं", "ेँ", "ीँ")):
                continue
            right = intended(word, min_gain)
            if right is None:
                continue
            message = self.meta.message.format(word=word, intended=right)
            for start in starts:
                yield self.replace(start, start + len(word), right, message)
