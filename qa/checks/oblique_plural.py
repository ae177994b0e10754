"""A plural noun in the wrong case: G028 (oblique before a verb) and G029 (direct before
a postposition).

G028: a noun in the oblique plural (-ों, -ियों, -ओं) right before a verb or auxiliary.

The oblique plural stands before a postposition (पुस्तकों में, लोगों को); a subject or
object without one takes the direct plural: 45 पुस्तकें लिखी हैं, 4000 पुस्तकें थीं, कई
लड़के आए. Reported when the word right after is a gendered verb form (लिखी, आए, रहते)
or है/हैं/था/थे/थी/थीं, and the singular is a noun of certain gender, which gives the
direct plural (पुस्तक -> पुस्तकें, कहानी -> कहानियां, घटना -> घटनाएं, लड़का -> लड़के,
तत्व -> तत्व). Nouns of time and measure that stand as adverbs without a postposition
(वर्षों रहा, घंटों बैठे, मीलों चले), numbers (दोनों थे, सैकड़ों थे) and a noun after an
oblique determiner (उन मैचों था: the postposition is what is missing) are left alone.

G029: a feminine noun in the direct plural (सड़कें, घटनाएं, कहानियां) right before में, से,
को, पर, ने or द्वारा takes the oblique plural (सड़कों, घटनाओं, कहानियों).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from qa.checks import agreement_words as aw
from qa.checks.agreement import Word, analysis
from qa.checks.agreement_lexicon import Genders, Noun
from qa.checks.verb_forms import verb_word
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text.akshara import ends_in_consonant

_OBLIQUE_DETERMINERS = aw.word_set("इन उन जिन किन इन्हीं उन्हीं")
#: Oblique plurals that stand as adverbs (of time, distance, amount), instruments in
#: idioms (आड़े हाथों लिया, आंखों देखा) or numbers.
_ADVERBIAL = aw.word_set(
    """वर्षों बरसों सालों महीनों हफ्तों हफ़्तों सप्ताहों दिनों घंटों मिनटों पलों क्षणों सदियों युगों
    पीढ़ियों मीलों कोसों ढेरों दोनों तीनों चारों पांचों पाँचों सैकड़ों हज़ारों हजारों लाखों करोड़ों
    अरबों दर्जनों हाथों आंखों आँखों कानों"""
)


def _singulars(word: str) -> list[str]:
    """The singular of each reading of an oblique plural: घटनाओं -> घटना, कहानियों -> कहानी
    or शक्ति, पुस्तकों -> पुस्तक or लड़का (:func:`direct_plural` finds the direct plural's
    ending from the noun)."""
    if word.endswith("ओं"):
        return [word[:-2]]
    if word.endswith("ियों"):
        return [word[:-4] + "ी", word[:-4] + "ि"]
    if word.endswith("ों") and len(word) > 3:
        return [word[:-2], word[:-2] + "ा"]
    return []


def direct_plural(singular: str, noun: Noun) -> str | None:
    """The direct plural of a noun (पुस्तक -> पुस्तकें, कहानी -> कहानियां, घटना -> घटनाएं,
    लड़का -> लड़के, तत्व -> तत्व)."""
    if noun.gender == "m":
        return singular[:-1] + "े" if noun.inflects else singular
    if singular.endswith(("ी", "ि")):
        return singular[:-1] + "ियां"
    if singular.endswith(("ा", "ु", "ू")):
        return singular + "एं"
    return singular + "ें" if ends_in_consonant(singular) else None


@lru_cache(maxsize=1 << 14)
def _direct(lexicon: Genders, word: str) -> str | None:
    """The direct plural of ``word`` (as written), if it is an oblique plural of a noun of
    certain gender that may stand before a verb only through a slip."""
    normal = aw.normal(word)
    if normal in _ADVERBIAL:
        return None
    for singular in _singulars(normal):
        noun = lexicon.noun(singular) if aw.is_candidate(singular) else None
        if noun is not None and (singular.endswith("ा") == noun.inflects or noun.gender == "f"):
            return direct_plural(singular, noun)
    return None


@lru_cache(maxsize=1 << 14)
def _verb(word: str) -> bool:
    """A gendered verb form that is no postposition (की, के लिए)."""
    return word not in aw.POSTPOSITIONS and word not in ("लिए", "लिये") and verb_word(word) is not None


def _oblique_plural(word: str) -> bool:
    return word.endswith(("ों", "ओं")) and len(word) > 3


class _PluralCase(Rule):
    """A plural noun (a word :attr:`form` accepts) and the word right after it, one
    :meth:`before` accepts: :meth:`judge` gives the noun's right form if its case is
    wrong, :meth:`explain` the message."""

    #: the words (as written) that may be such a plural
    form: Sieve

    @staticmethod
    def before(following: str) -> bool:
        """Whether the word after the noun (in the tables' spelling) may show its case wrong."""
        raise NotImplementedError

    def judge(
        self, words: list[str | None], k: int, noun: Word, following: Word, lexicon: Genders
    ) -> str | None:
        raise NotImplementedError

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        document = analysis(ctx)
        slots, words, lexicon = document.slots, document.slots.words, document.genders
        for k in document.occurrences(self.form):
            after = words[k + 1]
            if after is None or not self.before(after):
                continue
            noun, following = slots.word(k), slots.word(k + 1)
            right = self.judge(words, k, noun, following, lexicon)
            if right is not None:
                message = self.explain(noun.text, following.text, right)
                yield self.replace(noun.start, noun.end, right, message)

    @staticmethod
    def explain(noun: str, following: str, right: str) -> str:
        raise NotImplementedError


class ObliquePluralBeforeVerb(_PluralCase):
    """G028: an oblique plural noun right before a verb form or auxiliary."""

    form = Sieve(_oblique_plural)

    @staticmethod
    def before(following: str) -> bool:
        return following in aw.AUXILIARY_VERBS or _verb(following)

    def judge(
        self, words: list[str | None], k: int, noun: Word, following: Word, lexicon: Genders
    ) -> str | None:
        if words[k - 1] in _OBLIQUE_DETERMINERS:
            return None  # उन मैचों था: a postposition is missing, not the direct case
        return _direct(lexicon, noun.text)

    @staticmethod
    def explain(noun: str, following: str, right: str) -> str:
        return f"'{noun}' before '{following}' has no postposition: the direct plural is '{right}'"


#: Postpositions after which a noun is oblique (not का/की/के: की is also the verb, as in
#: कई कोशिशें की; not तक, which is also "even": दवाएं तक दे दी).
_POSTPOSITIONS = aw.word_set("में से को पर ने द्वारा")


def _direct_feminine_plural(lexicon: Genders, word: str) -> str | None:
    """The oblique plural of ``word`` (as written), if it is the direct plural of a
    feminine noun of certain gender: सड़कें -> सड़कों, घटनाएं -> घटनाओं, कहानियां ->
    कहानियों."""
    normal = aw.normal(word)
    if normal.endswith(("ियां", "ियाँ")):
        stem = normal[:-4]
        singulars, oblique = [stem + "ी", stem + "ि"], stem + "ियों"
    elif normal.endswith(("एं", "एँ")):
        singulars, oblique = [normal[:-2]], normal[:-2] + "ओं"
    elif normal.endswith("ें"):
        singulars, oblique = [normal[:-2]], normal[:-2] + "ों"
    else:
        return None
    for singular in singulars:
        noun = lexicon.noun(singular) if len(singular) > 1 and aw.is_candidate(singular) else None
        if noun is not None and noun.gender == "f":
            return oblique
    return None


def _direct_plural_form(word: str) -> bool:
    return word.endswith(("ें", "एं", "एँ", "ियां", "ियाँ")) and len(word) > 3


class DirectPluralBeforePostposition(_PluralCase):
    """G029: a feminine noun in the direct plural right before a postposition."""

    form = Sieve(_direct_plural_form)

    @staticmethod
    def before(following: str) -> bool:
        return following in _POSTPOSITIONS

    def judge(
        self, words: list[str | None], k: int, noun: Word, following: Word, lexicon: Genders
    ) -> str | None:
        if aw.nasal_slipped_postposition(noun.normal):
            return None  # के बारें में, इस बारें में: बारे misspelt (T037), not the plural of बार
        return _direct_feminine_plural(lexicon, noun.text)

    @staticmethod
    def explain(noun: str, following: str, right: str) -> str:
        return f"'{noun}' before '{following}' is oblique: write '{right}'"
