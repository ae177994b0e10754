"""Perfective verbs with ने: G022 (an object with को) and G023 (a bare object that does
not stand right before the verb).

With ने the perfective verb agrees with its object if the object is bare (उसने चिट्ठी
लिखी), and takes the default, masculine singular, once the object has को (उसने लड़की को
देखा). G004 reads a bare object right before the verb; these rules read the whole clause
from its start (:mod:`qa.checks.clauses`), so they find the object across adverbs,
postposition phrases and an invariable predicate (उन्होंने 1935 से वकालत शुरू की), and are
silent unless the clause holds ने and nothing they cannot read:

- G022: the verb stands right after the को phrase (or उसे, इन्हें …), alone or after an
  invariable predicate with करना (सम्मानित, गिरफ्तार), and no bare noun stands anywhere in
  the clause (उसने लड़की को किताब दी agrees with किताब; in यह बात उन्होंने पत्रकारों को
  बताई the object comes first);
- G023: exactly one bare noun, not right before the verb (G004's), and no को in the
  clause (उन्होंने इसे धरोहर घोषित किया: धरोहर is a complement).

The verb is a perfective of a known transitive verb, or of करना after an invariable
predicate, followed at most by था/थी or है; verbs that take a clause (कहा, बताया) never.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from qa.checks import agreement_words as aw
from qa.checks.agreement import analysis
from qa.checks.agreement_lexicon import Genders, Noun
from qa.checks.clauses import (
    OBJECT_PRONOUNS,
    Abort,
    Clause,
    Correction,
    Subject,
    Token,
    VerbGroup,
    corrections,
    disagreement,
    predicate,
    rewrite,
    verb_group,
)
from qa.checks.verb_forms import verb_word
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

_OBJECT_MARKERS = OBJECT_PRONOUNS | {"को"}


def _ergative_verb(lexicon: Genders, tokens: list[Token], start: int) -> tuple[Clause, VerbGroup, int] | None:
    """The clause at ``start`` read with ने and को, its verb group and the slot before
    the verb and its predicate, when the clause holds ने and its verb is a transitive
    perfective, alone or with था/थी."""
    clause = Clause(tokens, lexicon, marked=True)
    try:
        j = clause.verb_start(start)
    except Abort:
        return None
    if j is None or not clause.ergative:
        return None
    k = j - 1 if j - 1 > start and predicate(tokens[j - 1].normal) else j
    group = verb_group(tokens, j)
    if group is None or group.passive:
        return None
    (first, verb), *rest = group.gendered
    transitive = group.root == "कर" if k < j else group.root in aw.TRANSITIVE_ROOTS
    if first != j or not verb.perfective or not transitive or any(aux.root != "थ" for _, aux in rest):
        return None
    return clause, group, k - 1


def _verb_slot(group: VerbGroup) -> int:
    return group.gendered[0][0]


def _ko_object(view: str, lexicon: Genders, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
    found = _ergative_verb(lexicon, tokens, start)
    if found is None:
        return None
    clause, group, before = found
    if clause.subject is not None or before < start or tokens[before].normal not in _OBJECT_MARKERS:
        return None
    if all(word.gender == "m" and not word.plural for _, word in group.gendered):
        return None
    right = rewrite(view, tokens, group, "m", False)
    return right, f"'{right.written}' after an object with को (and ने): write '{right.right}'"


class ObjectWithKoAgreement(Rule):
    """G022: with ने and a को object, a perfective verb that is not masculine singular."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        judge = partial(_ko_object, ctx.document.view, document.genders)
        for found, message in corrections(ctx, document.word_index, _after_ko, judge):
            yield self.replace(found.start, found.end, found.right, message)


def _after_ko(word: str) -> bool:
    """A perfective that may follow a को object: not masculine singular."""
    found = verb_word(word)
    return found is not None and found.perfective and (found.gender == "f" or found.plural)


def _bare_object(
    view: str, lexicon: Genders, tokens: list[Token], start: int
) -> tuple[Correction, str] | None:
    found = _ergative_verb(lexicon, tokens, start)
    if found is None:
        return None
    clause, group, _ = found
    subject: Subject | None = clause.subject
    if subject is None or subject.index == _verb_slot(group) - 1 or clause.marked_object:
        return None
    right = disagreement(view, tokens, group, subject)
    if right is None:
        return None
    noun: Noun = subject.noun
    what = ("plural " if subject.plural else "") + ("masculine" if noun.gender == "m" else "feminine")
    return right, (
        f"'{right.written}' does not agree with its {what} object "
        f"'{tokens[subject.index].text}' (with ने): write '{right.right}'"
    )


def _perfective(word: str) -> bool:
    found = verb_word(word)
    return found is not None and found.perfective


class DistantObjectAgreement(Rule):
    """G023: with ने, a perfective verb that does not agree with a bare object further
    back in its clause."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        judge = partial(_bare_object, ctx.document.view, document.genders)
        for found, message in corrections(ctx, document.word_index, _perfective, judge):
            yield self.replace(found.start, found.end, found.right, message)
