"""P014: a postposition written solid with the noun before it (चीनके, अभीतक → चीन के, अभी तक).

Hindi joins a postposition to a pronoun (उसके, इसमें: P013 reports them apart) and writes
it apart from a noun, a name or an adverb. A word no list or counted prose has, that is a
common word followed by a postposition, is that pair with the space left out, unless the
common word is a verb's stem (the infinitive's ने, टिकने) or the whole is an inflection
of a known stem (जलसे, of जलसा).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache

from qa import gazetteer, lexicon, regexcache
from qa.checks import agreement_words as aw
from qa.checks import spelling_doubts
from qa.checks.agreement_words import ERGATIVE_PRONOUNS, word_set
from qa.checks.clauses import CLAUSE_ENDS
from qa.checks.confusion import neighbours, transitive_perfective
from qa.checks.verb_forms import verb_word
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
    perfective follows in the clause (:func:`_perfective_ahead`), and where no list has
    it, only where the document writes it alone too (:func:`_stands_alone`)."""
    stem = word.removesuffix(ERGATIVE)
    if (
        stem == word
        or len(aksharas(stem)) < 2
        or stem in SOLID
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
            if stem is not None and not _stands_alone(stem, index):
                stem = None
            for start in index[word]:
                if _solid_here(text, start, word, found, stem):
                    yield self.replace(start, start + len(word), suggestion, message)


def _stands_alone(stem: str, index: Mapping[str, object]) -> bool:
    """A list has ``stem``, or the document writes it as a word of its own (ट्रिम्बल … ट्रिम्बलने):
    a word that neither knows may be a name of its own that ends so (नडीने, इरीने)."""
    return stem in index or lexicon.attested(stem)


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
_NE = aw.normal(ERGATIVE)
_TWO = aw.normal("दो")
#: How many words after a solid ने its verb is looked for.
_VERB_REACH = 20
_CLAUSE_EDGE = regexcache.standard(r"[।!?\n|॥,;:\"“”']|\.(?!\S)")


def _perfective_ahead(text: str, end: int) -> bool:
    """A transitive verb's perfective follows in the clause, within :data:`_VERB_REACH`
    words (कुमारने बताया, हर्षवर्धनने गुरुवार को संसद में बताया), past a conjunction
    between two nouns but not past the clause's own ने, and no infinitive's companion
    comes first (X-ने के लिए)."""
    ahead = text[end : end + 12 * _VERB_REACH]  # a word and its space: twelve characters at most, mostly
    words = _CLAUSE_EDGE.split(ahead, maxsplit=1)[0].split()[:_VERB_REACH]
    normal = [aw.normal(word) for word in words]
    if not words or (normal[0] in _AFTER_INFINITIVE and not _numeral(words) and not _finite(normal)):
        return False
    for i, word in enumerate(normal):
        if (word in CLAUSE_ENDS and not _joins_nouns(normal, i)) or word == _NE or word in ERGATIVE_PRONOUNS:
            return False  # the clause ends, or has its own ने (स्टीफन डिलने और रोनाल्ड पिकअप ने)
        if (word not in _POSTPOSITION_FORMS or _took(normal, i)) and transitive_perfective(word):
            after = normal[i + 1] if i + 1 < len(normal) else None
            if after in aw.JA_FORMS:
                return False  # किया गया: a passive, a clause without ने
            if word == _KI and not _ends_group(normal, i):
                continue  # की before a noun is the genitive (सेंटर की छत)
            return True
    return False


def _took(words: list[str], i: int) -> bool:
    """लिए at ``i`` is लेना's perfective, not the postposition के लिए: no genitive or
    अपने stands before it, and its verb group ends there (डॉक्टरोंने ब्लड सैंपल लिए।)."""
    return i > 0 and not words[i - 1].endswith(("के", "ने")) and _ends_group(words, i)


def _joins_nouns(words: list[str], i: int) -> bool:
    """The conjunction at ``i`` joins two words of a phrase (रिसॉर्ट और पार्क को, सर्दी व
    जुकाम): the word before it is no verb, and the clause goes on."""
    before = words[i - 1] if i else ""
    return (
        i > 0  # not right after the solid word: its ने would follow the phrase's last noun
        and words[i] in aw.CONJUNCTIONS
        and before not in CLAUSE_ENDS
        and before not in aw.AUXILIARY_VERBS
        and before not in _AFTER_INFINITIVE  # गरजने दो और …: an imperative
        and verb_word(before) is None
        and not before.endswith("कर")
    )


def _finite(words: list[str]) -> bool:
    """The clause ``words`` opens with a transitive perfective that ends its group (जोशीने
    की है, संगठनने दिया है): the verb of the solid ने, no infinitive's companion."""
    return transitive_perfective(words[0]) and _ends_group(words, 0)


def _ends_group(words: list[str], i: int) -> bool:
    """The perfective at ``i`` ends its verb group: the clause's end, a conjunction or an
    auxiliary follows (जोशीने की है, संगठनने दिया है, जांच की और …), not the noun that a
    genitive की or an infinitive's दी stands before (थूकने की मनाही)."""
    after = words[i + 1] if i + 1 < len(words) else None
    return after is None or after in aw.AUXILIARY_VERBS or after in CLAUSE_ENDS


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
