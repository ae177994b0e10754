"""G021: a subjunctive where a passive needs its perfective participle: नियम रखें गये
(रखे गये), सुविधाएं दें जाएंगी (दी जाएंगी), बनाएं जा सकते (बनाए जा सकते).

A passive is the perfective participle and a form of जाना; the plural subjunctive
(रखें, बनाएं, दें) sounds like the participle and is written for it. Reported when such a
form of a transitive verb stands right before गया/गई/गए, जाता/जाती, जाएगा/जाएंगी or
जा + सकता/रहा/चुका, whose ending gives the participle's gender and number; before the
subjunctive जाएं/जाए (which shows no gender) the participle may be -े or -ी, and both
are offered. ले जाएं (take away) is a compound, never a passive.
"""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks import agreement_words as aw
from qa.checks.agreement import analysis
from qa.checks.verb_forms import perfective_form, subjunctive_root, verb_word
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

#: The subjunctive of जाना after a participle: its gender does not show.
_SUBJUNCTIVE_JA = aw.word_set("जाए जाएं जाएँ जाये जायें")


def _is_subjunctive(word: str) -> bool:
    return subjunctive_root(word) is not None


_SUBJUNCTIVES = Sieve(_is_subjunctive)


def _passive_gender(words: list[str | None], k: int) -> tuple[aw.Gender, bool] | None:
    """The gender and number the form of जाना at ``k`` shows (गये, जाएंगी, जा सकते)."""
    word = words[k] or ""
    if word == "जा" and k + 1 < len(words):
        word = words[k + 1] or ""
        if word in ("सके", "सकें"):
            return None  # a subjunctive: no gender or number shows
        shown = verb_word(word)
        return (shown.gender, shown.plural) if shown and shown.root in ("सक", "रह", "चुक") else None
    shown = verb_word(word)
    return (shown.gender, shown.plural) if shown and shown.root == "जा" else None


class PassiveSubjunctive(Rule):
    """G021: a plural subjunctive (रखें) where a passive needs the participle (रखे गये)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        slots, words = document.slots, document.slots.words
        for k in document.occurrences(_SUBJUNCTIVES):
            slot, root = slots[k], subjunctive_root(words[k] or "")
            following = slots[k + 1]
            if slot is None or root is None or following is None:
                continue
            shown = _passive_gender(words, k + 1)
            if shown is not None:  # the feminine participle has no plural: की जाएंगी
                forms: tuple[str, ...] = (perfective_form(root, shown[0], shown[1] and shown[0] == "m"),)
            elif following.normal in _SUBJUNCTIVE_JA:
                forms = (perfective_form(root, "m", True), perfective_form(root, "f", False))
            else:
                continue
            wanted = " or ".join(map(repr, forms))
            message = f"'{slot.text}' is a subjunctive; a passive with '{following.text}' takes {wanted}"
            if len(forms) == 1:
                yield self.replace(slot.start, slot.end, forms[0], message)
            else:
                yield self.diagnostic(slot.start, slot.end, message, suggestions=forms)


def _masculine_participle(word: str) -> bool:
    """A masculine perfective that may begin a passive (किया, किए; not लिए, गया, हुआ)."""
    found = verb_word(word)
    return (
        found is not None
        and found.perfective
        and found.gender == "m"
        and found.root not in ("जा", "हो")
        and aw.normal(word) != "लिए"
    )


_MASCULINE_PARTICIPLES = Sieve(_masculine_participle)


class PassiveNumber(Rule):
    """G024: a masculine passive whose participle and जाना form differ in number (किए गया,
    किया गए): one of them is wrong, and which one the subject decides."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        slots, words, view = document.slots, document.slots.words, ctx.document.view
        for k in document.occurrences(_MASCULINE_PARTICIPLES):
            participle, shown = verb_word(words[k] or ""), _passive_gender(words, k + 1)
            if participle is None or shown is None or shown != ("m", not participle.plural):
                continue
            slot, aux = slots[k], slots[k + 2 if words[k + 1] == "जा" else k + 1]
            marked = verb_word(aux.normal) if aux is not None else None
            if slot is None or aux is None or marked is None:
                continue
            between = view[slot.end : aux.start]
            forms = tuple(
                participle.inflect("m", plural) + between + marked.inflect("m", plural)
                for plural in (True, False)
            )
            written = view[slot.start : aux.end]
            message = f"'{written}' mixes plural and singular: write '{forms[0]}' or '{forms[1]}'"
            yield self.diagnostic(slot.start, aux.end, message, suggestions=forms)
