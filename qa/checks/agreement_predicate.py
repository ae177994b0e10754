"""G008: the word before a noun of a person whose gender is the person's (अध्यक्ष,
संस्थापक, नेता) when an auxiliary right after that noun shows the person's gender and
number: वे पार्टी के अध्यक्ष थे, वह आयोग की संस्थापक थी.

G001-G003 never check these nouns (their gender is not the noun's); here the auxiliary
settles it: था asks for the masculine singular (का, बड़ा), थे for the masculine plural or
honorific (के, बड़े), थी/थीं for the feminine (की, बड़ी), हैं for either of the last two
but never the masculine singular.

Nouns of male persons (पुत्र, राजा: ``men`` in the overrides) are masculine, and G001
checks them; but only here is थे or हैं after one read as the honorific, which makes the
masculine singular before it wrong (वे सिंधुराज का पुत्र थे -> के), and था as singular
(वह रामपाल के पुत्र था -> का).
"""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks import agreement_words as aw
from qa.checks.agreement import Analysis, after_name, analysis, correction, head_slot
from qa.checks.agreement_lexicon import Genders
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

#: The forms of the agreeing word that each auxiliary allows before a person's noun.
_ALLOWED: dict[str, tuple[aw.Form, ...]] = {
    "थे": ("oblique",),
    "थी": ("feminine",),
    "थीं": ("feminine",),
    "हैं": ("oblique", "feminine"),
    "था": ("direct",),
}
#: The same before a noun of male persons: थे and हैं, honorific or plural, ask for के;
#: था for का.
_ALLOWED_MEN: dict[str, tuple[aw.Form, ...]] = {"थे": ("oblique",), "हैं": ("oblique",), "था": ("direct",)}


def _before_auxiliaries(document: Analysis) -> list[int]:
    """The agreeing words that may be checked: those before a person's noun that one
    of the auxiliaries follows, in the same run of words (a noun phrase never crosses a
    break); the rest have no such noun to reach. A slot holds the word in the tables'
    spelling, which :func:`agreement_words.agreeing` reads as it reads the word as
    written, or a compound, which is never an agreeing word."""
    words, lexicon = document.slots.words, document.genders
    found: set[int] = set()
    for k in document.occurrences(_AUXILIARIES):
        noun = words[k - 1]
        if noun is None or _allowed(lexicon, noun, words[k]) is None:
            continue
        first = k - 1
        while words[first - 1] is not None:
            first -= 1
        found.update(i for i in range(first, k - 1) if aw.agreeing(words[i] or "") is not None)
    return sorted(found)


def _allowed(lexicon: Genders, noun: str, auxiliary: str | None) -> tuple[aw.Form, ...] | None:
    """The forms allowed before a person's ``noun`` with ``auxiliary`` after it, or
    None when the noun is not a person's or the auxiliary does not show the person."""
    if lexicon.ambigender(noun):
        return _ALLOWED.get(auxiliary or "")
    return _ALLOWED_MEN.get(auxiliary or "") if lexicon.man(noun) else None


def _auxiliary(word: str) -> bool:
    return aw.normal(word) in _ALLOWED


_AUXILIARIES = Sieve(_auxiliary)


class PredicatePersonAgreement(Rule):
    """G008: का/के/की, a possessive or an adjective before a person's noun that an
    auxiliary shows the gender and number of."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        slots, words, lexicon = document.slots, document.slots.words, document.genders
        for i in _before_auxiliaries(document):
            attribute = aw.attributive(words, i)
            if attribute is None or (attribute.kind == "possessive" and after_name(words, i, attribute)):
                continue
            j, _ = head_slot(words, i, attribute, lexicon)
            noun = words[j] if j < len(words) else None
            allowed = (
                _allowed(lexicon, noun, words[j + 1]) if noun is not None and j + 1 < len(words) else None
            )
            if allowed is None or attribute.form in allowed:
                continue
            if attribute.form == "feminine" and lexicon.man(noun or ""):
                continue  # G001's: की before a masculine noun
            if j > i + 1 and attribute.form == "oblique":
                continue  # उसके एक सचिव थी: the के of having, as in उसके दो बेटे हैं
            slot, noun_slot, aux = slots[i], slots[j], slots[j + 1]
            if slot is None or noun_slot is None or aux is None:
                continue
            forms = tuple(attribute.inflect(form) for form in allowed)
            wanted = " or ".join(map(repr, forms))
            yield correction(
                self,
                slot,
                forms,
                f"'{slot.text}' before '{noun_slot.text}' with '{aux.text}': write {wanted}",
            )
