"""T031: the conjunction कि where its neighbours want the possessive की, के or का.

कि ("that") opens a clause after a verb of saying or an auxiliary (कहा कि, है कि); between
a noun or an infinitive and the noun it possesses (पानी कि कमी, होने कि संभावना) the
neighbours of edited prose are the possessive's. The context counts (P(word | the word
before) and P(word | the word after), the same counts T003 reads) weigh the readings; the
possessive is reported only when the context wants की, the word कि is a slip of, far more
than the conjunction; के or का is suggested first where the context wants it more still.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from qa.checks.confusion import context_counts, uses
from qa.diagnostic import Diagnostic, Edit
from qa.engine.rule import Context, Rule

CONJUNCTION = "कि"
FEMININE = "की"
POSSESSIVES = (FEMININE, "के", "का")


class PossessiveKi(Rule):
    """T031: कि between a possessor and what it possesses."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        bar = float(self.options.get("min-log-odds", 2.75))
        for start, end, prev, nxt in uses(ctx, CONJUNCTION):
            wanted = possessives_wanted(prev, nxt, bar)
            if wanted:
                message = self.meta.message.format(intended="' or '".join(wanted))
                yield self.diagnostic(
                    start, end, message, suggestions=wanted, edits=(Edit(start, end, wanted[0]),)
                )


@lru_cache(maxsize=16384)
def possessives_wanted(prev: str, nxt: str, bar: float) -> tuple[str, ...]:
    """The possessives the neighbours want at least ``bar`` (log10) more than the
    conjunction, likeliest first; none unless की is one (the word कि is a slip of). The
    same neighbours recur (है कि, कहा कि), so each pair is weighed once."""
    counts = context_counts()
    own = counts.fit(prev, CONJUNCTION, nxt)
    if counts.fit(prev, FEMININE, nxt) - own < bar:
        return ()
    odds = {p: counts.fit(prev, p, nxt) - own for p in POSSESSIVES}
    return tuple(sorted((p for p in POSSESSIVES if odds[p] >= bar), key=odds.__getitem__, reverse=True))
