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

from qa import gazetteer, lexicon, regexcache
from qa.checks import agreement_words as aw
from qa.checks import spelling_doubts
from qa.checks.agreement_words import ERGATIVE_PRONOUNS, word_set
from qa.checks.clauses import CLAUSE_ENDS
from qa.checks.confusion import neighbours, transitive_perfective
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text.akshara import aksharas

#: The postpositions read at a word's end.
POSTPOSITIONS = ("में", "से", "को", "का", "के", "की", "पर", "तक", "ने")
ERGATIVE = "ने"
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


@lru_cache(maxsize=65536)
def solid_ergative(word: str) -> str | None:
    """The word (a name, an oblique plural: हर्षवर्धनने, संक्रमितोंने) that ``word`` writes
    solid with ने, whatever its frequency, or None; weighed only where a transitive
    perfective follows in the clause (:func:`_perfective_ahead`)."""
    stem = word.removesuffix(ERGATIVE)
    if (
        stem == word
        or len(aksharas(stem)) < 2
        or stem in SOLID
        or not lexicon.attested(stem)  # नडीने, इरीने: a name of its own that ends so
        or lexicon.attested(word)
        or word.replace("ोने", "ोंने") in ERGATIVE_PRONOUNS  # उन्होने: T001's slip of उन्होंने
        or lexicon.parsed(word, typed=True)
        or lexicon.verb_stem(stem)
    ):
        return None
    return stem


def _solid_pair(word: str) -> bool:
    """``word`` is in its look-up form and writes a pair solid."""
    return (split(word) is not None or solid_ergative(word) is not None) and word == lexicon.plain(word)


_SOLID_PAIRS = Sieve(_solid_pair)


class SolidPostposition(Rule):
    """P014: a common word and a postposition written as one word."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        accept, index = lexicon.house(ctx.config).accept, ctx.document.word_index
        text = ctx.text
        for word in sorted(_SOLID_PAIRS.select(ctx.document.word_set) - accept):
            found = split(word)
            stem = solid_ergative(word)
            suggestion = " ".join(found) if found else f"{stem} {ERGATIVE}"
            message = self.meta.message.format(word=word, suggestion=suggestion)
            for start in index[word]:
                if _solid_here(text, start, word, found, stem):
                    yield self.replace(start, start + len(word), suggestion, message)


def _solid_here(text: str, start: int, word: str, found: tuple[str, str] | None, stem: str | None) -> bool:
    """The use of ``word`` at ``start`` is a pair written solid: a word and ने before the
    verb that takes it (any word: a name, a rare plural), or a common word and a
    postposition that no infinitive's ending (थूकने पर) or name's part (रामसे बोल्टन) explains."""
    end = start + len(word)
    if stem is not None and _perfective_ahead(text, end):
        return True
    if found is None or (found[1] == ERGATIVE and _next(text, start, word) in _AFTER_INFINITIVE):
        return False
    return not spelling_doubts.in_name(text, start, end, _solid)


#: Perfectives that are postpositions too (के लिए).
_POSTPOSITION_FORMS = word_set("लिए लिये")
_KI = aw.normal("की")
_TWO = aw.normal("दो")
#: How many words after a solid ने its verb is looked for.
_VERB_REACH = 12
_CLAUSE_EDGE = regexcache.standard(r"[।!?\n|॥,;:\"“”']|\.(?!\S)")


def _perfective_ahead(text: str, end: int) -> bool:
    """A transitive verb's perfective follows in the clause (कुमारने बताया, हर्षवर्धनने
    गुरुवार को संसद में बताया), and no infinitive's companion comes first (X-ने के लिए)."""
    words = _CLAUSE_EDGE.split(text[end : end + 160], maxsplit=1)[0].split()[:_VERB_REACH]
    if not words or (aw.normal(words[0]) in _AFTER_INFINITIVE and not _numeral(words)):
        return False
    normal = [aw.normal(word) for word in words]
    for i, word in enumerate(normal):
        if word in CLAUSE_ENDS:
            return False
        if word not in _POSTPOSITION_FORMS and transitive_perfective(word):
            after = normal[i + 1] if i + 1 < len(normal) else None
            if word == _KI and after is not None and after not in aw.AUXILIARY_VERBS:
                continue  # की before a noun is the genitive (सेंटर की छत)
            return after not in aw.JA_FORMS  # किया गया: a passive, a clause without ने
    return False


def _numeral(words: list[str]) -> bool:
    """The clause ``words`` opens with the numeral दो before a word of its phrase (सरकारने दो
    नई हेल्पलाइन शुरू कीं), not with the imperative that completes an infinitive (चलने दो)."""
    return words[0] == _TWO and len(words) > 1 and aw.normal(words[1]) not in CLAUSE_ENDS


def _next(text: str, start: int, word: str) -> str:
    """The word after ``word`` at ``start``."""
    return neighbours(text, start, start + len(word))[1]


def _solid(word: str) -> bool:
    """A neighbour that is itself a pair written solid (वर्षके उमेरमें) is no name's part."""
    return split(word) is not None
