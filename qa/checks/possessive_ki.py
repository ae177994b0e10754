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
            counts = context_counts()  # read only for a document that has the word
            own = counts.fit(prev, CONJUNCTION, nxt)
            odds = {p: counts.fit(prev, p, nxt) - own for p in POSSESSIVES}
            if odds[FEMININE] < bar:
                continue  # the feminine possessive, the letter कि slips for, must fit on its own
            wanted = sorted((p for p in POSSESSIVES if odds[p] >= bar), key=odds.__getitem__, reverse=True)
            if wanted:
                message = self.meta.message.format(intended="' or '".join(wanted))
                yield self.diagnostic(
                    start, end, message, suggestions=wanted, edits=(Edit(start, end, wanted[0]),)
                )
