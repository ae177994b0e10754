"""Perfective verbs with ने: G022 (an object with को) and G023 (a bare object that does
not stand right before the verb).

With ने the perfective verb agrees with its object if the object is bare (उसने चिट्ठी
लिखी), and takes the default, masculine singular, once the object has को (उसने लड़की को
देखा). G004 reads a bare object right before the verb; these rules read the whole clause
from its start (:mod:`qa.checks.clauses`), so they find the object across adverbs,
postposition phrases and an invariable predicate (उन्होंने 1935 से वकालत शुरू की), and are
silent unless the clause holds ने and nothing they cannot read:

- G022: the verb stands after the को phrase (or उसे, इन्हें …), across postposition phrases
  and adverbs, alone or after an invariable predicate with करना (सम्मानित, गिरफ्तार), and
  no bare noun stands anywhere in the clause (उसने लड़की को किताब दी agrees with किताब;
  in यह बात उन्होंने पत्रकारों को बताई the object comes first);
- G023: exactly one bare noun, not right before the verb (G004's), and no को in the
  clause (उन्होंने इसे धरोहर घोषित किया: धरोहर is a complement).

The verb is a perfective of a known transitive verb, or of करना after an invariable
predicate, or a root with दिया, लिया or डाला (ख़ारिज कर दी, टाल दी; not a noun's, nor
लेना's), followed at most by था/थी or है; verbs that take a clause (कहा, बताया) never.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import NamedTuple

from qa.checks import agreement_words as aw
from qa.checks import clause_facts, clauses
from qa.checks.agreement import after_postposition, analysis, shown_noun
from qa.checks.agreement_lexicon import Genders, Noun
from qa.checks.clauses import (
    DATIVE,
    Clause,
    ClauseRule,
    Correction,
    Sentence,
    SentenceReader,
    Subject,
    Token,
    VerbGroup,
    dated_ko,
    disagreement,
    predicate,
    rewrite,
    verb_group,
)
from qa.checks.verb_forms import infinitive
from qa.engine.rule import Context


class _Readings:
    """The clauses of a sentence that reach a transitive perfective with ने
    (:func:`_ergative_verb`), read once for G022 and G023 (which read a sentence one after
    the other); those of the sentence before are let go."""

    def __init__(self, lexicon: Genders, shown: Callable[[str, str], Noun | None]) -> None:
        self._reached = clauses.reaching(ergative, lexicon, marked=True, shown=shown)
        self._sentence: Sentence | None = None  # the sentence whose clauses ``_read`` holds
        self._read: list[_Reading] = []

    def __call__(self, sentence: Sentence) -> list[_Reading]:
        if sentence is not self._sentence:
            reached = self._reached(sentence)
            tokens = sentence.tokens if reached else []  # made only where a clause reaches a verb
            found = (_ergative_verb(tokens, *clause) for clause in reached)
            self._sentence, self._read = sentence, [reading for reading in found if reading]
        return self._read


def _readings(ctx: Context) -> _Readings:
    def read(ctx: Context) -> _Readings:
        document = analysis(ctx)
        return _Readings(document.genders, partial(shown_noun, document))

    return ctx.shared("ergative-clauses", read)


class _Reading(NamedTuple):
    """A clause read with ने and को up to a transitive perfective (:func:`_ergative_verb`):
    its start, the clause and its verb group."""

    start: int
    clause: Clause
    group: VerbGroup


def _ergative_verb(tokens: list[Token], start: int, clause: Clause, j: int) -> _Reading | None:
    """The clause at ``start`` read with ने and को up to its verb start ``j``, when it
    holds ने and its verb is a transitive perfective (or करना's root with a light verb's),
    alone or with था/थी."""
    if not clause.ergative or tokens[start].normal == "ने":
        return None  # a clause cut at a bracket (संगठन (WHO) ने): its को may stand before the cut
    k = j - 1 if j - 1 > start and predicate(tokens[j - 1].normal) else j
    group = verb_group(tokens, j)
    if group is None or group.passive or (group.end < len(tokens) and tokens[group.end].kind == "number"):
        return None  # a number after the verb word makes it no verb (अब तक की 7वीं: the genitive)
    (first, verb), *rest = group.gendered
    # a root, then दिया, लिया, डाला (ख़ारिज कर दिया, शादी कर ली, सुनवाई टाल दी); not
    # लेना's, whose idioms' noun is no object (गोद ले लिया)
    compound = first == j + 1 and verb.root in _LIGHT_ROOTS and group.root != "ले"
    # with ने, a root before a light verb is a transitive verb's, unless it takes a clause
    # (कह दिया कि) or is a noun too (नई पहचान दी: the noun given)
    light = compound and group.root not in aw.CLAUSAL_ROOTS and clause.lexicon.noun(group.root) is None
    transitive = group.root == "कर" if k < j else group.root in aw.TRANSITIVE_ROOTS or light
    if (
        not (first == j or compound)
        or not verb.perfective
        or not transitive
        or any(aux.root != "थ" for _, aux in rest)
    ):
        return None
    return _Reading(start, clause, group)


#: The light verbs that follow a root and agree with its object, as किया would
#: (उसने याचिका ख़ारिज कर दी, शादी कर ली).
_LIGHT_ROOTS = frozenset({"दे", "ले", "डाल"})


def _ko_object(view: str, tokens: list[Token], reading: _Reading) -> tuple[Correction, str] | None:
    _, clause, group = reading
    if clause.subject is not None or not object_marked(tokens, reading.start, group):
        return None  # the को phrase may stand further back (याचिका को [सुनवाई के बाद] ख़ारिज कर दी)
    right = default_form(view, tokens, group)
    if right is None:
        return None
    return right, f"'{right.written}' after an object with को (and ने): write '{right.right}'"


def default_form(view: str, tokens: list[Token], group: VerbGroup) -> Correction | None:
    """The ``group`` in the default, the masculine singular, if it is in another form."""
    if all(word.gender == "m" and not word.plural for _, word in group.gendered):
        return None
    return rewrite(view, tokens, group, "m", False)


def _may_report(bits: int) -> bool:
    """G022 needs a को object and a verb word that is not masculine singular; G023 a
    subject (its object) and a verb word that may disagree (see :mod:`clause_facts`)."""
    return clause_facts.may_leave_default(bits) or clause_facts.may_disagree(bits)


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


class _ErgativeRule(ClauseRule):
    """A rule that judges the clauses with ने that reach a transitive perfective (:class:`_Readings`)."""

    wanted = needed = staticmethod(ergative)

    def offsets(self, ctx: Context) -> list[int]:
        return _offsets(ctx)

    @staticmethod
    def verdict(view: str, tokens: list[Token], reading: _Reading) -> tuple[Correction, str] | None:
        raise NotImplementedError

    def sentence_reader(self, ctx: Context) -> SentenceReader:
        view, readings, verdict = ctx.document.view, _readings(ctx), self.verdict

        def read(sentence: Sentence) -> Iterator[tuple[Correction, str]]:
            tokens = sentence.tokens if (found := readings(sentence)) else []
            return filter(None, (verdict(view, tokens, reading) for reading in found))

        return read


class ObjectWithKoAgreement(_ErgativeRule):
    """G022: with ने and a को object, a perfective verb that is not masculine singular."""

    verdict = staticmethod(_ko_object)


def _conjunct_after_phrase(tokens: list[Token], reading: _Reading, index: int) -> bool:
    """The object at ``index`` makes a conjunct with करना right after it and follows a
    postposition (इस मुद्दे पर चर्चा किया), which G004 does not read: a genitive before it
    is G004's (इसकी चर्चा किया). Not before कि: a conjunct that takes a clause (रिपोर्ट
    किया कि) agrees with none."""
    group = reading.group
    if group.root != "कर" or index != group.gendered[0][0] - 1 or index <= reading.start:
        return False
    after = tokens[group.end].normal if group.end < len(tokens) else None
    words = [token.normal for token in tokens[reading.start : index + 1]]
    return after not in aw.CLAUSE_BREAKS and after_postposition(words, len(words) - 1)


def object_marked(tokens: list[Token], start: int, group: VerbGroup) -> bool:
    """The clause from ``start`` to ``group`` has an object with को (or उसे, इन्हें …),
    not only को after a time, nor one an infinitive after it takes (माहवारी को टालने के
    लिए दवाएं दे दीं)."""
    end = group.gendered[0][0]
    within = range(start, end)
    start = next((k for k in reversed(within) if infinitive(tokens[k].normal)), start)
    return any(tokens[k].normal in DATIVE and not dated_ko(tokens, k) for k in range(start, end))


def _bare_object(view: str, tokens: list[Token], reading: _Reading) -> tuple[Correction, str] | None:
    _, clause, group = reading
    subject: Subject | None = clause.subject
    if subject is None or (clause.marked_object and object_marked(tokens, reading.start, group)):
        return None
    if subject.index == group.gendered[0][0] - 1 and not _conjunct_after_phrase(
        tokens, reading, subject.index
    ):
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


class DistantObjectAgreement(_ErgativeRule):
    """G023: with ने, a perfective verb that does not agree with a bare object further
    back in its clause."""

    verdict = staticmethod(_bare_object)
