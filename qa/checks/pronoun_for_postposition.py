"""मैं (I) after a noun, where its clause's verb cannot go with I: the postposition में
was meant (देश मैं 28 लोगों की मौत हुई है, राजधानी मैं पहुंचे, विधानसभा मैं अभिभाषण पढ़ा).

I takes हूं, its own future (करूंगा), the singular perfective (मैं पहुंचा) and ने with a
transitive perfective (मैंने पढ़ा); a clause whose subject is marked with ने (समारोह मैं
शामिल हुए खिलाड़ियों ने …) has no room for मैं at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from qa import lexicon, regexcache
from qa.checks import agreement_words as aw
from qa.checks import clauses
from qa.checks.agreement_doer import STANDS_ALONE
from qa.checks.confusion import transitive_perfective
from qa.checks.verb_forms import verb_word
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

PRONOUN, POSTPOSITION = "मैं", "में"
#: How far a sentence is looked at on either side of मैं (characters).
_REACH = 300
_SENTENCE_EDGE = regexcache.standard(r"[।!?\n|॥]")
#: Words after which मैं opens a clause of its own: it is I there, whatever follows.
_OPENERS = (
    aw.FUNCTION_WORDS
    | clauses.CLAUSE_ENDS
    | aw.word_set(
        """कहा बोला बोली बोले बताया लिखा सोचा पूछा माना लगा लगता सच दरअसल असल वास्तव इसलिए इसलिये
        शायद बल्कि अतः सो चूंकि हालांकि ताकि वरना हां हाँ जैसे जैसा जितना क्या कभी खुद ख़ुद
        स्वयं अभी तभी मानो चाहे बस आप"""
    )
)
#: Nouns of a compound postposition that stand only before में (के बारे में).
_BEFORE_MEIN_ONLY = aw.word_set("बारे")
#: Forms that I takes: the verb is read no further where one stands.
_FIRST_PERSON = aw.word_set("हूं हूँ मुझे मेरा मेरी मेरे मैंने")
_FIRST_PERSON_ENDINGS = ("ूं", "ूँ", "ूंगा", "ूँगा", "ूंगी", "ूँगी", "ऊं", "ऊँ", "ऊंगा", "ऊँगा", "ऊंगी", "ऊँगी")
#: Words after a perfective that make it no finite verb of its own: a passive (किया गया),
#: an aspect (पढ़ा करता), a participle (थके हुए).
_NOT_FINITE_AFTER = aw.JA_FORMS | aw.word_set("करता करती करते करेगा हुआ हुई हुए हुईं हुये")
#: How many words after मैं are read at most.
_WINDOW = 16
_NUMBER = "<NUM>"
#: The present of होना in the third person, and the plural past: never I's.
_NOT_I = aw.word_set("है हैं थे")
#: Endings of the subjunctive and polite imperative of any person but I's.
_SUBJUNCTIVE = ("ें", "एं", "एँ", "ेँ")
#: Endings of a future in the second or third person (I's end in ऊंगा, ूंगी …).
_FUTURE_ENDINGS = ("ेगा", "ेगी", "ेंगे", "ेंगी", "ेँगे", "ेँगी", "ेगे", "एगा", "एगी", "एंगे", "एंगी", "एँगे", "एँगी", "ोगे", "ोगी")


class PronounForPostposition(Rule):
    """T041: मैं after a noun, in a clause whose verb cannot go with I."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for start in ctx.document.word_index.get(PRONOUN, ()):
            verdict = _verdict(text, start)
            if verdict is not None:
                end = start + len(PRONOUN)
                message = self.meta.message.format(word=verdict)
                yield self.replace(start, end, POSTPOSITION, message)


def _verdict(text: str, start: int) -> str | None:
    """The word of the clause after ``start`` that I cannot go with, or None."""
    head = _SENTENCE_EDGE.split(text[max(0, start - _REACH) : start])[-1]
    tail = _SENTENCE_EDGE.split(text[start : start + _REACH])[0]
    offset = start - len(head)
    tokens = clauses.tokens(head + tail, 0, len(head) + len(tail))
    k = next((i for i, t in enumerate(tokens) if t.start + offset == start), None)
    if k is None or k == 0:
        return None
    if tokens[k - 1].normal in _BEFORE_MEIN_ONLY:
        return tokens[k - 1].text  # के बारे मैं: बारे stands only before में
    if not _noun_before(tokens[k - 1]):
        return None
    after = [
        _NUMBER if t.kind == "number" else t.normal if t.kind == "word" else None
        for t in tokens[k + 1 : k + 1 + _WINDOW]
    ]
    if not after or after[0] in aw.CONJUNCTIONS or after[0] == aw.normal("ने"):
        return None  # मैं और मेरे साथी, मैं ने (P013's)
    return _clash(after)


def _noun_before(token: clauses.Token) -> bool:
    """The token before मैं is a word that may take a postposition: no function word, no
    opener of a clause, no verb (उन्होंने कहा मैं …, वह आया था मैं …), no noun that makes a
    postposition (के दौरान मैं …)."""
    if token.kind == "number":
        return True  # 2020 मैं, इनमें से 21 मैं: a number takes the postposition
    word = token.normal
    return (
        token.kind == "word"
        and word not in _OPENERS
        and aw.key(word) not in aw.COMPOUND_POSTPOSITIONS
        and verb_word(word) is None
        and not word.endswith(("ने", "कर"))
    )


def _ends_clause(word: str | None) -> bool:
    """``word`` after a verb ends its clause: punctuation, the end or a clause boundary."""
    return word is None or word in clauses.CLAUSE_ENDS


def _third_person_subjunctive(word: str) -> bool:
    """A verb's subjunctive or polite imperative in -ें (करें, रखें, जाएं), which I never
    takes (करूं); a plural noun in -ें (बातें, मांगें before a verb) ends no clause."""
    return any(word.endswith(ending) and lexicon.verb_stem(word[: -len(ending)]) for ending in _SUBJUNCTIVE)


def _clash(words: list[str | None]) -> str | None:
    """The first word of the clause that I cannot go with: a subject marked with ने, or a
    perfective that ends the clause in the plural or of a transitive verb."""
    for i, word in enumerate(words):
        if word is None or word in clauses.CLAUSE_ENDS or word.startswith(clauses.RELATIVE_STEMS):
            return None
        if word in _FIRST_PERSON or word.endswith(_FIRST_PERSON_ENDINGS):
            return None
        if word == aw.normal("ने") or word in aw.ERGATIVE_PRONOUNS or word in _NOT_I:
            return word
        if word.endswith(_FUTURE_ENDINGS):
            return word
        if _third_person_subjunctive(word) and (i + 1 == len(words) or _ends_clause(words[i + 1])):
            return word  # मुख्यमंत्री ऑफिस मैं फोन करें: I takes करूं
        verb = verb_word(word)
        if verb is None or not verb.perfective:
            continue
        rest = words[i + 1 : i + 3]
        nxt = rest[0] if rest else None
        if nxt in _NOT_FINITE_AFTER:
            continue  # the group's auxiliary, if any, decides (भेजा गया था, किया गया है)
        if nxt in _NOT_I:
            return nxt  # हुई है, पहुंचे थे: I takes हूं, था
        if nxt in aw.AUXILIARY_VERBS:
            nxt = rest[1] if len(rest) > 1 else None
        if not _ends_clause(nxt):
            continue  # a participle before its noun (शामिल हुए खिलाड़ियों ने)
        transitive = transitive_perfective(word) and verb.root not in STANDS_ALONE
        return word if verb.plural or transitive else None
    return None
