"""G038: a verb that takes a clause, whose object is that clause, not in the masculine singular.

A perfective agrees with a bare object after ने, and the passive with its subject; with
none, both take the default, the masculine singular. A verb that takes a clause (कहना,
बताना, पूछना, सोचना, मानना, जानना, समझना, चाहना, बोलना, लिखना) whose object is the clause after
कि, a quotation, or an infinitive with को (जांच कराने को कहा) has no noun to agree with:
ज़िलाधिकारी ने बताया कि, मंत्री ने कहा, “…”, रिपोर्ट में कहा गया है कि, जांच कराने को कहा
गया. The rule reports such a verb group that is not masculine singular when

- it follows ने (or उन्होंने …) with nothing but adjuncts between (:func:`agreement_doer.adjuncts_between`:
  postposition and को phrases, times, numbers, adverbs) and stands before कि or before a
  comma or colon and a quotation mark (कहना before a comma or colon and any word: the
  words said, often left unquoted);
- it is a passive before कि with nothing but adjuncts (and यह, ये, भी) from the clause's start;
- it follows an infinitive and को (कराने को कही → कहा), active or passive.

A bare noun on the way may be the object or subject it agrees with (उन्होंने यह बात कही
कि, यह बात कही गई कि), and the rule is silent there.
"""

from __future__ import annotations

from qa.checks import agreement_words as aw
from qa.checks.agreement import analysis
from qa.checks.agreement_doer import adjuncts_between
from qa.checks.agreement_ergative import ergative
from qa.checks.agreement_lexicon import Genders
from qa.checks.clauses import ClauseRule, Correction, Token, VerbGroup, rewrite, verb_group
from qa.checks.verb_forms import infinitive, verb_word
from qa.checks.word_sieve import Sieve
from qa.engine.rule import Context
from qa.text.tokenize import occurrences

_THAT = aw.normal("कि")
#: Verbs that take a clause for their object: those of saying and knowing, and लिखना
#: (मंत्री ने लिखा है कि, ट्विटर पर लिखा, “…”).
_CLAUSE_TAKING = aw.CLAUSAL_ROOTS | aw.word_set("लिख")
_KO = aw.normal("को")
#: Quotation marks that open the quoted object after a comma or colon.
_QUOTES = frozenset("\"'“‘")
#: Pronouns that stand for the clause after कि as a passive's subject (यह भी कहा गया है कि).
_CATAPHORIC = aw.word_set("यह ये")


def _marked_form(word: str) -> bool:
    """``word`` is a perfective of a verb that takes a clause, not masculine singular (कही, बताई)."""
    found = verb_word(word)
    return (
        found is not None
        and found.perfective
        and found.root in _CLAUSE_TAKING
        and (found.gender == "f" or found.plural)
    )


def _quoted(tokens: list[Token], end: int, *, speech: bool = False) -> bool:
    """कि, or a comma or colon and a quotation mark (or a quotation mark), follows slot
    ``end``; with ``speech`` (after कहना), a comma or colon and any word: the words said,
    which copy often leaves unquoted (मंत्रियों से कहा, सभी लोग घरों में रहें)."""
    token = tokens[end] if end < len(tokens) else None
    if token is None:
        return False
    if token.normal == _THAT or token.text in _QUOTES:
        return True
    after = tokens[end + 1] if end + 1 < len(tokens) else None
    return (
        token.text in ",:"
        and after is not None
        and (after.text in _QUOTES or (speech and after.kind == "word"))
    )


def _adjuncts_only(lexicon: Genders, tokens: list[Token], start: int, j: int) -> bool:
    """Only adjuncts stand from slot ``start`` up to ``j``, and at most one pronoun that
    stands for the clause (इस आदेश में यह भी कहा गया है कि)."""
    pronoun = next((k for k in range(start, j) if tokens[k].normal in _CATAPHORIC), None)
    if pronoun is None:
        return adjuncts_between(lexicon, tokens, start - 1, j, None, False) is not None
    before = adjuncts_between(lexicon, tokens, start - 1, pronoun, None, False)
    return before is not None and adjuncts_between(lexicon, tokens, pronoun, j, None, False) is not None


def _object_is_clause(lexicon: Genders, tokens: list[Token], start: int, j: int, group: VerbGroup) -> bool:
    """The group at ``j`` of the clause at ``start`` has nothing but a clause to agree with
    (see the module's doc)."""
    if j >= 2 and tokens[j - 1].normal == _KO and infinitive(tokens[j - 2].normal):
        return group.root == "कह"  # जांच कराने को कहा, बताने को कहा गया
    if not _quoted(tokens, group.end, speech=group.root == "कह"):
        return False
    if group.passive:  # before कि only: a quotation after one may be a title (पर लिखी गई ‘मिताक्षरा’)
        return tokens[group.end].normal == _THAT and _adjuncts_only(lexicon, tokens, start, j)
    marker = next((k for k in range(start, j) if ergative(tokens[k].normal)), None)
    return (
        marker is not None
        and adjuncts_between(lexicon, tokens, marker, j, None, False, strict=True) is not None
    )


def _judge(lexicon: Genders, view: str, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
    j = next(
        (k for k in range(start, len(tokens)) if tokens[k].kind == "other" or _marked_form(tokens[k].normal)),
        None,
    )
    group = verb_group(tokens, j) if j is not None and tokens[j].kind == "word" else None
    if group is None or j is None or group.gendered[0][0] != j or group.root not in _CLAUSE_TAKING:
        return None
    if any(verb.root not in ("थ", "जा") for k, verb in group.gendered if k != j):
        return None  # a compound or a modal (कह सकती): its own reading
    if not _object_is_clause(lexicon, tokens, start, j, group):
        return None
    right = rewrite(view, tokens, group, "m", False)
    return right, f"'{right.written}' has a clause for its object: write '{right.right}'"


_MARKED = Sieve(_marked_form)


class ClauseObjectDefault(ClauseRule):
    """G038: a verb whose object is the clause after it (कि, a quotation, an infinitive with
    को), not in the masculine singular (उन्होंने बताई कि → बताया कि)."""

    wanted = needed = staticmethod(_marked_form)

    def offsets(self, ctx: Context) -> list[int]:
        return occurrences(ctx.document.word_index, _MARKED.select(ctx.document.word_set))

    def judge(self, ctx: Context, tokens: list[Token], start: int) -> tuple[Correction, str] | None:
        return _judge(analysis(ctx).genders, ctx.document.view, tokens, start)
