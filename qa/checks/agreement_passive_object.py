"""G040: a passive whose object has को takes the default, masculine singular.

A passive agrees with its bare subject (फ़ैसला सुनाया गया, जांच की गई); once the noun the
action falls on takes को (or is उसे, इन्हें …) nothing is left to agree with, and the
passive is masculine singular: उसे गिरफ़्तार कर लिया गया, क़ैदियों को रिहा कर दिया गया.
The clause is read from its start, or from a conjunction right after a verb word, as for
G022, with को phrases read as postposition phrases. The passive is reported when:

- the clause has no ने and no bare noun anywhere (in उन्हें सज़ा दी गई it agrees with
  सज़ा; two nouns before को stop the reading), and the को phrase stands before the
  passive (:func:`agreement_ergative.object_marked`: not को after a date);
- its verb is not one whose को phrase is mostly a recipient (देना, सौंपना, भेजना,
  बताना …: बच्चों को [दवा] दी जाती है), nor intransitive (चले गए), nor a subjunctive;
- after a conjunction, the clause before ends in a masculine singular verb word, so no
  subject the two clauses share explains the form (चिट्ठी लिखी गई और उन्हें भेजी गई).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from qa.checks import agreement_words as aw
from qa.checks import clause_facts, clauses
from qa.checks.agreement import analysis, shown_noun
from qa.checks.agreement_ergative import default_form, object_marked
from qa.checks.agreement_lexicon import Genders
from qa.checks.agreement_subject import conjoined, subjunctive_end
from qa.checks.clauses import (
    DATIVE,
    ClauseRule,
    Correction,
    Sentence,
    SentenceReader,
    Token,
    ja_form,
    verb_group,
    verb_starts,
)
from qa.checks.verb_forms import verb_word
from qa.checks.word_sieve import Sieve
from qa.engine.rule import Context

#: A word of :data:`clauses.DATIVE` (a C call: it runs on every word of the sentences read).
_dative = DATIVE.__contains__


def _ja_word(word: str) -> bool:
    """``word`` (as written) is a form of जाना (जा, गई, जायेगी)."""
    return ja_form(aw.normal(word))


_JA_WORDS = Sieve(_ja_word)
#: Verbs whose को phrase is mostly a recipient or a goal, the subject being what is given,
#: told or sent, often left out (बच्चों को [दवा] दी जाती है, लैब को [नमूने] भेजे गए).
_RECIPIENT_ROOTS = aw.word_set(
    "दे सौंप भेज बता दिखा सुना कह लिख समझा सिखा पढ़ा पिला खिला दिला बांट बाँट लौटा पहुंचा पहुँचा बेच"
)


class PassiveWithKoObject(ClauseRule):
    """G040: a passive after an object with को, in a form other than the masculine singular."""

    wanted = needed = staticmethod(_dative)

    def offsets(self, ctx: Context) -> list[int]:
        """The forms of जाना, which every passive has, in sentences with a को object and
        a verb word not masculine singular."""
        document = ctx.document
        found = clauses.occurrences(document.word_index, _JA_WORDS.select(document.word_set))
        return clause_facts.possible(ctx, found, clause_facts.MAY_LEAVE_DEFAULT)

    def sentence_reader(self, ctx: Context) -> SentenceReader:
        document = analysis(ctx)
        view, lexicon, shown = ctx.document.view, document.genders, partial(shown_noun, document)
        reached = clauses.reaching(self.needed, lexicon, marked=True, shown=shown)

        def read(sentence: Sentence) -> Iterator[tuple[Correction, str]]:
            found = reached(sentence)
            after = conjoined(sentence)
            tokens = sentence.tokens if found or after else []  # made where a clause may reach a verb
            if after:
                starts = [k for k in after if _default_before(tokens, k)]
                read = verb_starts(tokens, starts, lexicon, marked=True, shown=shown)
                found += [(k, *pair) for k, pair in zip(starts, read, strict=True) if pair]
            for start, clause, j in found:
                if clause.subject is None and not clause.ergative:
                    verdict = _verdict(view, lexicon, tokens, start, j)
                    if verdict is not None:
                        yield verdict

        return read


def _default_before(tokens: list[Token], start: int) -> bool:
    """The clause before the conjunction at ``start - 1`` ends in a masculine singular
    verb word: its subject, which the clause at ``start`` may share, is none a passive in
    another form could agree with (… इनकार कर दिया और उसे गिरफ़्तार कर लिया गया; not लंबित
    थे और एनसीएलटी को स्थानांतरित कर दिए गए, चिट्ठी लिखी गई और उन्हें भेजी गई)."""
    verb = verb_word(tokens[start - 2].normal) if start > 1 else None
    return verb is not None and verb.gender == "m" and not verb.plural


def _verdict(
    view: str, lexicon: Genders, tokens: list[Token], start: int, j: int
) -> tuple[Correction, str] | None:
    """The correction and message for the clause at ``start``, read to its verb start
    ``j`` with no subject and no ने, if its verb is a passive after a को object in a form
    other than the masculine singular."""
    group = verb_group(tokens, j)
    if group is None or not group.passive or not object_marked(tokens, start, group):
        return None
    if group.gendered[0][0] > j and lexicon.noun(group.root) is not None:
        return None  # उन्हें सज़ा दी गई: the root before दी may be a noun, the subject
    if (
        group.root in _RECIPIENT_ROOTS
        or group.root in aw.INTRANSITIVE_ROOTS
        or subjunctive_end(tokens, group)
    ):
        return None  # बच्चों को दी जाती है: a recipient, the subject left out; चले गए; किया जा सके
    right = default_form(view, tokens, group)
    if right is None:
        return None
    return right, f"'{right.written}' after an object with को: write '{right.right}'"
