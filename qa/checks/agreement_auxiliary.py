"""G031: a verb group whose aspect word and past auxiliary disagree (रहा थी, गए था).
G031 also reports a feminine plural right before the singular है (रहीं है, गईं है).
G033: a feminine plural verb group nasalised before its last word (गईं थीं, रहीं हैं).

The words of a verb group agree with one subject, so with each other: जा रहा था, जा रही
थी, पहुंच गए थे, कर सकती थीं. An aspect word (रहा, गया, चुका, सकता, or a habitual in
-ता) right before था, थे, थी or थीं in another gender, or in another number where the
gender is masculine (रहा थी, गई था, गए था, रहे था, सकते थी), makes one of the two
wrong; which one depends on the subject, so both corrections are offered and nothing is
fixed. A feminine group shows its number on the last word only (रही थीं): रहीं थी is
reported, रही थीं is not. हुए before था is left alone: लिए हुए था, पहने हुए थी (holding,
wearing) are states with an invariable participle.

G033 reports the other half of that rule: a feminine plural before थीं or हैं (गईं थीं,
हुईं हैं, रहीं हैं), whose nasal belongs on the auxiliary alone (गई थीं). The fix is
safe: both words show the same feminine plural subject.
"""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.agreement import Analysis, analysis
from qa.checks.agreement_lexicon import Genders
from qa.checks.verb_forms import VerbWord, verb_word
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

#: Roots of the aspect words read before the auxiliary: रहना, जाना, चुकना, सकना.
_ASPECT_ROOTS = frozenset({"रह", "जा", "चुक", "सक"})


def _past_auxiliary(word: str) -> bool:
    found = verb_word(word)
    return found is not None and found.root == "थ"


_AUXILIARIES = Sieve(_past_auxiliary)


def _aspect(lexicon: Genders, word: str) -> VerbWord | None:
    """An aspect word (जा रहा, चला गया, कर चुकी, कर सकते) or a habitual (जाता, रहती)
    that the counts never met as a noun (माता थीं: the mother)."""
    found = verb_word(word)
    if found is None or (found.perfective and found.root != "जा") or lexicon.known(word):
        return None
    return found if found.root in _ASPECT_ROOTS or found.stem.endswith("त") else None


def disagree(first: VerbWord, auxiliary: VerbWord) -> bool:
    """The aspect word ``first`` and the past ``auxiliary`` after it differ in gender, or in
    number where masculine, or a feminine plural precedes a feminine singular (रहीं थी)."""
    if first.gender != auxiliary.gender:
        return True
    if first.gender == "m":
        return first.plural != auxiliary.plural
    return first.plural and not auxiliary.plural


#: Words in -हीं that are adverbs, not a feminine plural of कहना or रहना: नहीं, कहीं …
_NASAL_ADVERBS = frozenset({"नहीं", "कहीं", "यहीं", "वहीं", "नहीँ", "कहीँ", "यहीँ", "वहीँ"})
#: The present auxiliary in the plural, after which a masculine perfective is plural too.
_PLURAL_PRESENT_WORDS = frozenset({"हैं", "हैँ"})
_PLURAL_PRESENT = Sieve(_PLURAL_PRESENT_WORDS.__contains__)
#: The plural auxiliaries that end a feminine plural group: थीं and हैं.
_ENDING_PLURALS = Sieve((_PLURAL_PRESENT_WORDS | {"थीं", "थीँ"}).__contains__)


class DoubledPluralNasal(Rule):
    """G033: a feminine plural verb word before थीं or हैं (गईं थीं: गई थीं)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        slots, view = document.slots, ctx.document.view
        for k in document.occurrences(_ENDING_PLURALS):
            before = slots[k - 1] if k else None
            if before is None or before.normal in _NASAL_ADVERBS or document.genders.known(before.normal):
                continue
            first = verb_word(before.normal)
            if first is None or first.gender != "f" or not first.plural:
                continue
            slot = slots.word(k)
            right = before.text[:-1] + view[before.end : slot.start] + slot.text  # the nasal dropped
            message = self.meta.message.format(verb=view[before.start : slot.end], intended=right)
            yield self.replace(before.start, slot.end, right, message)


#: The perfectives T027 reads before हैं itself (with a safe fix), as it does रहा, सकता and
#: the habituals; and कहा, which copy also writes for कहाँ (कहा हैं).
_LEFT_TO_T027 = frozenset({"गया", "आया", "दिया", "किया", "लिया", "हुआ", "कहा"})


def _singular_perfective(lexicon: Genders, word: str) -> VerbWord | None:
    """A masculine singular perfective (पहुंचा, लौटा, बना) the counts never met as a noun
    (नेता हैं)."""
    found = verb_word(word)
    if found is None or not found.perfective or found.gender != "m" or found.plural:
        return None
    return None if lexicon.known(word) or word in _LEFT_TO_T027 else found


def _feminine_plural_verb(word: str) -> bool:
    """A verb word in the feminine plural (रहीं, गईं, करतीं), no adverb in -हीं (नहीं, कहीं)."""
    found = verb_word(word)
    return found is not None and found.gender == "f" and found.plural and word not in _NASAL_ADVERBS


_FEMININE_PLURAL_VERBS = Sieve(_feminine_plural_verb)


class AuxiliaryAgreement(Rule):
    """G031: an aspect word and the past auxiliary after it that disagree (रहा थी), a
    masculine singular perfective before हैं (पहुंचा हैं), or a feminine plural before है
    (रहीं है)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        slots, view = document.slots, ctx.document.view
        for k in document.occurrences(_PLURAL_PRESENT):
            before = slots[k - 1] if k else None
            first = _singular_perfective(document.genders, before.normal) if before is not None else None
            if before is None or first is None:
                continue
            slot = slots.word(k)
            between = view[before.end : slot.start]
            forms = (before.text[:-1] + "े" + between + slot.text, before.text + between + "है")
            written = view[before.start : slot.end]
            message = f"'{written}' mixes singular masculine and plural: write '{forms[0]}' or '{forms[1]}'"
            yield self.diagnostic(before.start, slot.end, message, suggestions=forms)
        yield from self._feminine_plural_before_hai(document, view)
        yield from self._past(document, view)

    def _feminine_plural_before_hai(self, document: Analysis, view: str) -> Iterator[Diagnostic]:
        """A feminine plural verb word right before the singular है (रहीं है, गईं है)."""
        slots, words = document.slots, document.slots.words
        for k in document.occurrences(_FEMININE_PLURAL_VERBS):
            if words[k + 1] != "है" or document.genders.known(words[k] or ""):
                continue
            before, slot = slots.word(k), slots.word(k + 1)
            between = view[before.end : slot.start]
            forms = (before.text[:-1] + between + "हैं", before.text[:-1] + between + slot.text)
            written = view[before.start : slot.end]
            message = f"'{written}' mixes plural feminine and singular: write '{forms[0]}' or '{forms[1]}'"
            yield self.diagnostic(before.start, slot.end, message, suggestions=forms)

    def _past(self, document: Analysis, view: str) -> Iterator[Diagnostic]:
        """An aspect word and the past auxiliary after it that disagree."""
        slots, words = document.slots, document.slots.words
        for k in document.occurrences(_AUXILIARIES):
            before = slots[k - 1] if k else None
            auxiliary = verb_word(words[k] or "")
            first = _aspect(document.genders, before.normal) if before is not None else None
            if before is None or first is None or auxiliary is None or not disagree(first, auxiliary):
                continue
            slot = slots.word(k)
            between = view[before.end : slot.start]
            # the auxiliary after the aspect word, or the aspect word after the auxiliary
            # (a feminine aspect word stays singular: रही थीं)
            aspect = first.inflect(auxiliary.gender, auxiliary.plural and first.gender == "m")
            forms = (
                before.text + between + auxiliary.inflect(first.gender, first.plural),
                aspect + between + slot.text,
            )
            written, mixed = view[before.start : slot.end], f"{_shown(first)} and {_shown(auxiliary)}"
            message = f"'{written}' mixes {mixed}: write '{forms[0]}' or '{forms[1]}'"
            yield self.diagnostic(before.start, slot.end, message, suggestions=forms)


def _shown(verb: VerbWord) -> str:
    return ("plural " if verb.plural else "singular ") + ("masculine" if verb.gender == "m" else "feminine")
