"""G022: with ने and an object with को, the perfective verb is masculine singular:
उसने लड़की को देखा (not देखी), पुलिस ने महिलाओं को गिरफ्तार किया (not कीं).

With ने the verb agrees with a bare object; once the object takes को there is nothing
left to agree with and the verb takes the default, masculine singular. Reported only
when the clause, read from its start (:mod:`qa.checks.clauses`), holds ने and no bare
noun at all (a bare noun may be the object the verb agrees with: उसने लड़की को किताब
दी; or an object put first: यह बात उन्होंने पत्रकारों को बताई), and the verb stands
right after the को phrase (or उसे, इन्हें …), alone or after an invariable predicate
with करना (सम्मानित, गिरफ्तार), followed at most by था/थी or है.
"""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks import agreement_words as aw
from qa.checks.agreement import analysis
from qa.checks.agreement_lexicon import Genders
from qa.checks.clauses import (
    OBJECT_PRONOUNS,
    Abort,
    Clause,
    Token,
    clause_starts,
    predicate,
    sentences,
    verb_group,
)
from qa.checks.verb_forms import verb_word
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule


def _slip(view: str, tokens: list[Token], start: int, lexicon: Genders) -> tuple[int, int, str] | None:
    """(start, end, right form) of a verb after a को object that is not masculine singular."""
    clause = Clause(tokens, lexicon, marked=True)
    try:
        j = clause.verb_start(start)
    except Abort:
        return None
    if j is None or clause.subject is not None or not clause.ergative:
        return None
    k = j - 1 if j - 1 > start and predicate(tokens[j - 1].normal) else j
    marker = tokens[k - 1].normal if k - 1 >= start else None
    group = verb_group(tokens, j)
    if group is None or group.passive or (marker != "को" and marker not in OBJECT_PRONOUNS):
        return None
    (first, verb), *rest = group.gendered
    transitive = group.root == "कर" if k < j else group.root in aw.TRANSITIVE_ROOTS
    if first != j or not verb.perfective or not transitive or any(aux.root != "थ" for _, aux in rest):
        return None
    if all(word.gender == "m" and not word.plural for _, word in group.gendered):
        return None
    pieces, at = [], tokens[first].start
    for index, word in group.gendered:
        pieces += [view[at : tokens[index].start], word.inflect("m", False)]
        at = tokens[index].end
    return tokens[first].start, at, "".join(pieces)


class ObjectWithKoAgreement(Rule):
    """G022: with ने and a को object, a perfective verb that is not masculine singular."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        view, lexicon = ctx.document.view, document.genders
        reported = set[int]()
        for tokens in sentences(ctx, document.word_index, _after_ko):
            for start in clause_starts(tokens):
                found = _slip(view, tokens, start, lexicon)
                if found is None or found[0] in reported:
                    continue
                reported.add(found[0])
                begin, end, right = found
                message = f"'{view[begin:end]}' after an object with को (and ने): write '{right}'"
                yield self.replace(begin, end, right, message)


def _after_ko(word: str) -> bool:
    """A perfective that may follow a को object: not masculine singular."""
    found = verb_word(word)
    return found is not None and found.perfective and (found.gender == "f" or found.plural)
