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

from collections.abc import Callable
from functools import partial

from qa.checks import agreement_words as aw
from qa.checks import clause_facts, clauses
from qa.checks.agreement import analysis, shown_noun
from qa.checks.agreement_lexicon import Genders, Noun
from qa.checks.clauses import (
    DATIVE,
    Abort,
    Clause,
    ClauseRule,
    Correction,
    Subject,
    Token,
    VerbGroup,
    disagreement,
    predicate,
    rewrite,
    verb_group,
)
from qa.engine.rule import Context


class _Readings:
    """:func:`_ergative_verb` for each clause of a sentence, read once for G022 and G023
    (which judge a sentence one after the other); those of the sentence before are let go."""

    def __init__(self, lexicon: Genders, shown: Callable[[str, str], Noun | None] | None = None) -> None:
        self.lexicon, self.shown = lexicon, shown
        self._tokens: list[Token] = []  # the sentence whose clauses ``_read`` holds, by start
        self._read: dict[int, tuple[Clause, VerbGroup, int] | None] = {}

    def __call__(self, tokens: list[Token], start: int) -> tuple[Clause, VerbGroup, int] | None:
        if tokens is not self._tokens:
            self._tokens, self._read = tokens, {}
        if start not in self._read:
            self._read[start] = _ergative_verb(self.lexicon, tokens, start, self.shown)
        return self._read[start]


def _readings(ctx: Context) -> _Readings:
    def read(ctx: Context) -> _Readings:
        document = analysis(ctx)
        return _Readings(document.genders, partial(shown_noun, document))

    return ctx.shared("ergative-clauses", read)


def _ergative_verb(
    lexicon: Genders,
    tokens: list[Token],
    start: int,
    shown: Callable[[str, str], Noun | None] | None = None,
) -> tuple[Clause, VerbGroup, int] | None:
    """The clause at ``start`` read with ने and को, its verb group and the slot before
    the verb and its predicate, when the clause holds ने and its verb is a transitive
    perfective, alone or with था/थी (``shown``: see :class:`Clause`)."""
    clause = Clause(tokens, lexicon, marked=True, shown=shown)
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


def _ko_object(view: str, read: _Readings, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
    found = read(tokens, start)
    if found is None:
        return None
    clause, group, before = found
    if clause.subject is not None or before < start or tokens[before].normal not in DATIVE:
        return None
    if all(word.gender == "m" and not word.plural for _, word in group.gendered):
        return None
    right = rewrite(view, tokens, group, "m", False)
    return right, f"'{right.written}' after an object with को (and ने): write '{right.right}'"


def _may_report(bits: int) -> bool:
    """G022 needs a को object and a verb word that is not masculine singular; G023 a
    subject (its object) and a verb word that may disagree (see :mod:`clause_facts`)."""
    marked = bits & clause_facts.OBJECT and bits & (clause_facts.VERB_F | clause_facts.VERB_PLURAL)
    return bool(marked) or clause_facts.may_disagree(bits)


_MAY_REPORT = clause_facts.table(_may_report)


def _offsets(ctx: Context) -> list[int]:
    """Where G022 and G023 read: the sentences with ने where one of them may report."""

    def build(ctx: Context) -> list[int]:
        found = clauses.occurrences(ctx.document.word_index, _ERGATIVE)
        return clause_facts.possible(ctx, found, _MAY_REPORT)

    return ctx.shared("ergative-offsets", build)


#: ने, and the pronouns with ने in one word (उसने): a clause with one may have an ergative subject.
_ERGATIVE = clauses.ERGATIVE_MARKERS
#: A word of :data:`_ERGATIVE` (a C call: it runs on every word of the sentences read).
ergative: Callable[[str], bool] = _ERGATIVE.__contains__


class ObjectWithKoAgreement(ClauseRule):
    """G022: with ने and a को object, a perfective verb that is not masculine singular."""

    wanted = needed = staticmethod(ergative)

    def offsets(self, ctx: Context) -> list[int]:
        return _offsets(ctx)

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        return _ko_object(ctx.document.view, _readings(ctx), tokens, start)


def _bare_object(
    view: str, read: _Readings, tokens: list[Token], start: int
) -> tuple[Correction, str] | None:
    found = read(tokens, start)
    if found is None:
        return None
    clause, group, _ = found
    subject: Subject | None = clause.subject
    if subject is None or subject.index == group.gendered[0][0] - 1 or clause.marked_object:
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


class DistantObjectAgreement(ClauseRule):
    """G023: with ने, a perfective verb that does not agree with a bare object further
    back in its clause."""

    wanted = needed = staticmethod(ergative)

    def offsets(self, ctx: Context) -> list[int]:
        return _offsets(ctx)

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        return _bare_object(ctx.document.view, _readings(ctx), tokens, start)
