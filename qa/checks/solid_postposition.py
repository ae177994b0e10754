"""P014: a postposition written solid with the noun before it (चीनके, अभीतक → चीन के, अभी तक).

Hindi joins a postposition to a pronoun (उसके, इसमें: P013 reports them apart) and writes
it apart from a noun, a name or an adverb. A word no list or counted prose has, that is a
common word followed by a postposition, is that pair with the space left out, unless the
common word is a verb's stem (the infinitive's ने, टिकने) or the whole is an inflection
of a known stem (जलसे, of जलसा).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import cast

from qa import gazetteer, lexicon
from qa.checks import spelling_doubts
from qa.checks.agreement_words import word_set
from qa.checks.confusion import neighbours
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text.akshara import aksharas

#: The postpositions read at a word's end.
POSTPOSITIONS = ("में", "से", "को", "का", "के", "की", "पर", "तक", "ने")
#: A verb's oblique infinitive ends in ने too (थूकने, of a stem no list may know): it
#: stands before a postposition, वाला or a verb it completes (थूकने पर, चलने वाली,
#: कहने लगे), where the ergative ने never does.
_AFTER_INFINITIVE = word_set(
    " ".join(POSTPOSITIONS) + " लिए साथ बाद वाला वाली वाले वालों लगा लगी लगे लगीं"
    " दिया दी दो दें देना देंगे पाए पाया पाई"
)
#: Pronouns Hindi writes solid with a postposition, or either way (इसी के, इसीके).
SOLID = word_set("उस इस उन इन जिस जिन किस किन आप तुम मुझ तुझ हम सब वह यह वे ये कोई किसी इसी उसी इन्हीं उन्हीं")
#: The word before the postposition must be this common (Zipf): a rarer one is too often
#: the head of a name (ज्योतिका is no ज्योति + का), another word's slip (ईसकी, of इसकी) or
#: part of a word of its own (कड़ाके, of कड़ाका).
MIN_STEM_ZIPF = 4.2


@lru_cache(maxsize=65536)
def split(word: str) -> tuple[str, str] | None:
    """(the word, the postposition) that ``word`` writes solid, or None."""
    if (
        not word.endswith(POSTPOSITIONS)  # most words: the one test in C
        or lexicon.attested(word)
        or lexicon.attested(word + "\u0902")  # a plural's nasal left out (पदको: पदकों)
        or word in gazetteer.words()
        or lexicon.parsed(word, typed=True)
    ):
        return None
    for post in POSTPOSITIONS:
        stem = word[: -len(post)]
        if (
            word.endswith(post)
            and stem not in SOLID
            and len(aksharas(stem)) >= 2
            and lexicon.prior(stem) >= MIN_STEM_ZIPF
            and not lexicon.verb_stem(stem)
            and not spelling_doubts.letter_names(stem)
        ):
            return stem, post
    return None


def _solid_pair(word: str) -> bool:
    """``word`` is in its look-up form and writes a pair solid."""
    return split(word) is not None and word == lexicon.plain(word)


_SOLID_PAIRS = Sieve(_solid_pair)


class SolidPostposition(Rule):
    """P014: a common word and a postposition written as one word."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        accept, index = lexicon.house(ctx.config).accept, ctx.document.word_index
        for word in sorted(_SOLID_PAIRS.select(ctx.document.word_set) - accept):
            found = cast(tuple[str, str], split(word))  # a pair: the sieve took it
            starts = index[word]
            if found[1] == "ने":
                starts = [s for s in starts if _next(ctx.text, s, word) not in _AFTER_INFINITIVE]
            suggestion = " ".join(found)
            message = self.meta.message.format(word=word, suggestion=suggestion)
            for start in starts:
                end = start + len(word)
                if not spelling_doubts.in_name(ctx.text, start, end, _solid):  # रामसे बोल्टन
                    yield self.replace(start, end, suggestion, message)


def _next(text: str, start: int, word: str) -> str:
    """The word after ``word`` at ``start``."""
    return neighbours(text, start, start + len(word))[1]


def _solid(word: str) -> bool:
    """A neighbour that is itself a pair written solid (वर्षके उमेरमें) is no name's part."""
    return split(word) is not None
