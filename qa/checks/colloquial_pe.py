"""T032: the spoken पे where written Hindi has the postposition पर.

Speech says "ज़मीन पे", copy writes "ज़मीन पर"; edited prose has no पे as a postposition,
only the English "pay" (सातवें पे कमीशन, नो पे, पे स्केल). The context counts tell the two
apart: पे is reported where the word before it is one that edited prose follows with पर
more often than पर comes on average, and the words on both sides together want पर.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from qa.checks.confusion import context_counts, uses
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

SPOKEN, WRITTEN = "पे", "पर"


class ColloquialPe(Rule):
    """T032: पे after a word that takes the postposition पर."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        left_bar = float(self.options.get("min-left-log-odds", 0.25))
        bar = float(self.options.get("min-log-odds", 0.0))
        if SPOKEN not in ctx.document.word_index:
            return  # the counts are read only for a document that has the word
        counts = context_counts()
        base = math.log10(counts.unigram(WRITTEN))
        for start, end, prev, nxt in uses(ctx, SPOKEN):
            left = math.log10(counts.given(WRITTEN, prev, before=True)) - base
            right = math.log10(counts.given(WRITTEN, nxt, before=False)) - base
            hyphened = "-" in (ctx.text[end : end + 1], ctx.text[start - 1 : start])  # पे-रोल
            if left >= left_bar and left + right >= bar and not hyphened:
                yield self.replace(start, end, WRITTEN, self.meta.message)
