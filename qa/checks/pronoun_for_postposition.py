"""मैं (I) after a noun, where its clause's verb cannot go with I: the postposition में
was meant (देश मैं 28 लोगों की मौत हुई है, राजधानी मैं पहुंचे, विधानसभा मैं अभिभाषण पढ़ा).

I takes हूं, its own future (करूंगा), the singular perfective (मैं पहुंचा) and ने with a
transitive perfective (मैंने पढ़ा); a clause whose subject is marked with ने (समारोह मैं
शामिल हुए खिलाड़ियों ने …, गोपीचंद ने 2001 मैं ख़िताब जीता) has no room for मैं at all.

Where the word before मैं cannot be the clause's subject, vocative or fronted object
without a form of I's own after it (हूं, करूंगा), मैं is read as में whatever the verb:
a word in the oblique case (इस मेले मैं, अस्पताल के आइसोलेशन वार्ड मैं), a feminine
thing after की (बीमारी की चपेट मैं), a place (पुणे मैं, अस्पताल मैं, दुनियाभर मैं; not
before a verb of motion, which takes a place bare: दिल्ली मैं कल ही पहुंचा), and the
adverbs बाद में and हाल (ही) में.
"""

from __future__ import annotations

from collections.abc import Iterator

from qa import gazetteer, lexicon, regexcache
from qa.checks import agreement_words as aw
from qa.checks import clauses
from qa.checks.agreement_doer import STANDS_ALONE, time_word
from qa.checks.agreement_lexicon import builtin
from qa.checks.agreement_shown import MOTION_ROOTS
from qa.checks.confusion import transitive_perfective
from qa.checks.verb_forms import bare_root, infinitive, verb_word
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

PRONOUN, POSTPOSITION = "मैं", "में"
_NE = aw.normal("ने")
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
#: Nouns of a compound postposition that stand only before में (के बारे में, के रूप में).
_BEFORE_MEIN_ONLY = aw.word_set("बारे रूप")
#: ऐसे, ऐसा's oblique form: ऐसे में, "in such a case", one of news copy's commonest openings.
_SUCH = aw.normal("ऐसे")
#: बाद, which with no genitive, number or time before it is the adverb बाद में (later).
_AFTER = aw.normal("बाद")
#: Nouns of a place one is in (देश, अस्पताल, बाज़ार), beside the gazetteer's names: a place
#: is no vocative, so मैं after one is I only where a form of I's own follows or a verb of
#: motion takes the place bare (दिल्ली मैं कल ही पहुंचा).
_PLACE_NOUNS = aw.word_set(
    """देश राज्य प्रदेश ज़िला ज़िले शहर नगर गांव गाँव कस्बे क्षेत्र इलाक़े अस्पताल वार्ड स्कूल
    कॉलेज विश्वविद्यालय बाज़ार मंडी दुनिया विश्व घर कार्यालय दफ़्तर होटल राजधानी थाने जेल सदन
    संसद विधानसभा लोकसभा राज्यसभा अदालत मंदिर मस्जिद परिसर भवन शिविर मैदान स्टेडियम"""
)
#: और, a conjunction but for "more" after a number or before these (और भी, और अधिक).
_AND = aw.normal("और")
_MORE = aw.word_set("भी अधिक ज़्यादा")
#: Words before a verb of motion that make it no going to a place (सामने आया: came to light).
_NO_GOAL = aw.word_set("सामने काम")
#: The ending of a place's -भर (दुनियाभर, देशभर: throughout).
_THROUGHOUT = "भर"
#: Determiners in the oblique case (इस मेले में, हर ज़िले में, किसी देश में).
_OBLIQUE_DETERMINERS = aw.word_set("इस उस जिस किस इन उन जिन किन इसी उसी इन्हीं उन्हीं हर किसी")
#: Plurals in -ों that count (दोनों, सैकड़ों), which stand alone as a pronoun does.
_COLLECTIVES = aw.word_set("दोनों तीनों चारों पांचों पाँचों सैकड़ों हज़ारों हजारों लाखों करोड़ों दर्जनों")
#: Nouns that stand as an adverb in the oblique case, with no postposition after them
#: (इस बहाने मैं, पिता के नाते मैं, इसके बदले मैं), beside the nouns of time.
_ADVERBIAL_NOUNS = aw.word_set(
    "बहाने नाते बदले प्रकार पल क्षण घड़ी मौके संग प्रति विरुद्ध करीब क़रीब निकट समान भांति भाँति सदृश बराबर"
)
#: The genitive before a feminine noun, in either case.
_OF_FEMININE = aw.normal("की")
#: पाना, which after a bare root says "could" and takes no ने (मैं कर पाई).
_ABLE = aw.normal("पा")
#: हाल ही, which stands only before में (हाल ही में, "recently").
_LATELY = (aw.normal("हाल"), aw.normal("ही"))
#: Forms that I takes: the verb is read no further where one stands.
_FIRST_PERSON = aw.word_set("हूं हूँ मुझे मेरा मेरी मेरे मैंने")
#: The endings of I's subjunctive and future (करूं, होऊंगा), with the short u too, a common
#: misspelling (होउंगा, करुं).
_FIRST_PERSON_ENDINGS = tuple(
    vowel + nasal + suffix for vowel in "ूऊुउ" for nasal in "ंँ" for suffix in ("", "गा", "गी")
)
#: Words after a perfective that make it no finite verb of its own: a passive (किया गया),
#: an aspect (पढ़ा करता), a participle (थके हुए).
_NOT_FINITE_AFTER = aw.JA_FORMS | aw.word_set("करता करती करते करेगा हुआ हुई हुए हुईं हुये")
#: How many words of a noun phrase before मैं are read back to the word that opens it.
_PHRASE = 4
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
    """T041: मैं after a noun, in a clause that cannot have I for its subject: its verb or
    its ने says so, or the word before मैं (a place, a phrase in the oblique case)."""

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
    if k > 1 and (tokens[k - 2].normal, tokens[k - 1].normal) == _LATELY:
        return f"{tokens[k - 2].text} {tokens[k - 1].text}"  # हाल ही मैं: the adverb is हाल ही में
    if tokens[k - 1].normal == _LATELY[0] and clauses.word_at(tokens, k + 1) == _LATELY[1]:
        return tokens[k - 1].text  # हाल मैं ही: the same adverb
    if _later(tokens, k):
        return tokens[k - 1].text  # और बाद मैं: बाद with nothing before it is the adverb बाद में
    after = [
        _NUMBER if t.kind == "number" else t.normal if t.kind == "word" else None
        for t in tokens[k + 1 : k + 1 + _WINDOW]
    ]
    oblique = _oblique(tokens, k) or tokens[k - 1].normal == _SUCH
    thing = not oblique and _no_subject(tokens, k, after)
    if not (oblique or thing or _noun_before(tokens[k - 1])):
        return None
    if not after or after[0] == _NE:
        return None  # मैं ने (P013's)
    if after[0] in aw.CONJUNCTIONS and not (thing and len(after) > 1 and after[1] == _NUMBER):
        return None  # मैं और मेरे साथी; but चीन मैं और 42 लोगों की मौत: "more"
    if oblique:
        return None if _first_person(after) else tokens[k - 1].text
    if thing:  # I only with a form of its own anywhere after (इंदौर मैं … आया था और … मेरे दिल …)
        return None if any(_first_person_form(w) for w in after if w) else tokens[k - 1].text
    return _doer_before(tokens, k) or _clash(after)


def _doer_before(tokens: list[clauses.Token], k: int) -> str | None:
    """ने, or a pronoun with ने, before मैं (at ``k``) in its clause: the clause has its
    subject (गोपीचंद ने 2001 मैं जीता), so मैं is none."""
    for token in reversed(tokens[:k]):
        word = token.normal
        if word == _NE or word in aw.ERGATIVE_PRONOUNS:
            return token.text
        if (
            token.kind == "other"
            or word in clauses.CLAUSE_ENDS
            or word.startswith(clauses.RELATIVE_STEMS)  # a clause inside the clause: जिसको मैं …
            or verb_word(word) is not None
        ):
            return None
    return None


def _oblique(tokens: list[clauses.Token], k: int) -> bool:
    """The word before मैं (at ``k``) is in the oblique case, which only a postposition
    follows: an oblique infinitive (मिलने मैं), a plural in -ों after another word or a
    number (कुछ स्थानों मैं, 50 शहरों मैं; not a collective, दोनों), or a noun whose
    phrase opens with an oblique determiner, genitive or adjective (इस मेले मैं, सर्दी के
    मामले मैं, अस्पताल के आइसोलेशन वार्ड मैं); or a feminine thing after की, which is no
    subject either (बीमारी की चपेट मैं). Not a noun of time or manner, which stands as an
    adverb (उस दिन मैं, इस बहाने मैं)."""
    token, marker = tokens[k - 1], tokens[k - 2] if k > 1 else None
    if token.kind != "word":
        return False
    word = token.normal
    if time_word(word) or word in _ADVERBIAL_NOUNS:
        return False
    if infinitive(word) and verb_word(word) is None:
        return True  # not a participle (मास्क पहने मैं …)
    if not _noun_before(token):
        return False
    if word.endswith("ों"):
        return word not in _COLLECTIVES and marker is not None and marker.kind in ("word", "number")
    opener = _phrase_opener(tokens, k - 1)
    return opener is not None and _marks_oblique(tokens[opener].normal)


def _no_subject(tokens: list[clauses.Token], k: int, after: list[str | None]) -> bool:
    """The word before मैं (at ``k``; ``after`` it, the clause's words) is no vocative, and
    no subject or fronted object of I's but with a form of I's own: a place (the
    gazetteer's, a noun of place, its -भर: पुणे मैं, अस्पताल मैं, दुनियाभर मैं) but before a
    verb of motion, which takes a place bare (दिल्ली मैं कल ही पहुंचा), or a feminine thing
    after की (बीमारी की चपेट मैं; not a person, ज़िले की बेटी मैं)."""
    token = tokens[k - 1]
    if token.kind != "word" or time_word(token.normal) or not _noun_before(token):
        return False  # not हमेशा की तरह मैं: a compound postposition's noun
    if _place(token.normal):
        return not _to_a_place(after)
    opener = _phrase_opener(tokens, k - 1)
    if opener is None or tokens[opener].normal != _OF_FEMININE:
        return False
    genders = builtin()
    noun = genders.noun(token.normal)
    return noun is not None and noun.gender == "f" and not genders.person(token.normal)


def _phrase_opener(tokens: list[clauses.Token], j: int) -> int | None:
    """The word that opens the noun phrase ending at ``j`` and agrees with its noun (के,
    इस, पूरे in अस्पताल के आइसोलेशन वार्ड, नोएडा के एक स्कूल, पूरे देश), read back over
    nouns, adjectives and numbers; None where the phrase has none within reach."""
    for i in range(j - 1, max(-1, j - 1 - _PHRASE), -1):
        token = tokens[i]
        if token.kind == "word" and (token.normal in _OBLIQUE_DETERMINERS or aw.agreeing(token.normal)):
            return i
        if not _noun_before(token) or time_word(token.normal):
            return None  # a time is a phrase of its own (पिछले हफ़्ते गांव मैं गया था)
    return None


def _later(tokens: list[clauses.Token], k: int) -> bool:
    """बाद before मैं (at ``k``) with nothing of its own before it (the sentence's start,
    punctuation, a conjunction: और बाद मैं): the adverb बाद में, "later". After a genitive,
    a number or a time (इसके बाद मैं, दो साल बाद मैं) it is a postposition, and मैं may be I."""
    if tokens[k - 1].normal != _AFTER:
        return False
    before = tokens[k - 2] if k > 1 else None
    return before is None or before.kind == "other" or before.normal in aw.CONJUNCTIONS


def _place(word: str) -> bool:
    """``word`` names a place: a name of the gazetteer, a noun of place or its -भर."""
    if word.endswith(_THROUGHOUT) and len(word) > len(_THROUGHOUT):
        word = word[: -len(_THROUGHOUT)]
    return word in _PLACE_NOUNS or word in gazetteer.one_word_places()


def _to_a_place(after: list[str | None]) -> bool:
    """The first verb of the clause ``after`` मैं is one of motion, which takes a place bare
    (दिल्ली मैं पहुंचा, दिल्ली मैं पहुंच गया: I reached Delhi); not a root that जाना follows
    (ठीक हो गया) nor आना after सामने (सामने आया, came to light)."""
    for i, word in enumerate(after):
        if word == _NUMBER:
            continue
        if word is None or word in clauses.CLAUSE_ENDS:
            return False
        if bare_root(word, after[i + 1] if i + 1 < len(after) else None):
            return word in MOTION_ROOTS
        verb = verb_word(word)
        if verb is None or (i > 0 and after[i - 1] in aw.GENITIVE):
            continue  # के चलते: a postposition, "because of"
        return verb.root in MOTION_ROOTS and (i == 0 or after[i - 1] not in _NO_GOAL)
    return False


def _marks_oblique(word: str) -> bool:
    """``word`` puts the noun after it in the oblique case: इस, हर, किसी, के, अपने, पूरे."""
    found = aw.agreeing(word)
    return word in _OBLIQUE_DETERMINERS or (found is not None and found.form == "oblique")


def _first_person(words: list[str | None]) -> bool:
    """A form that I takes stands in the clause ``words`` open."""
    for word in words:
        if word is None or word in clauses.CLAUSE_ENDS:
            return False
        if _first_person_form(word):
            return True
    return False


def _first_person_form(word: str) -> bool:
    """A form that I takes: हूं, मुझे, its subjunctive or future (करूं, करूंगा)."""
    return word in _FIRST_PERSON or word.endswith(_FIRST_PERSON_ENDINGS)


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


def _more(words: list[str | None], i: int) -> bool:
    """और at ``i`` means "more": after a number (एक और, 31 और) or before भी, अधिक or ज़्यादा."""
    before = words[i - 1] if i else None
    after = words[i + 1] if i + 1 < len(words) else None
    return before == _NUMBER or before in clauses.NUMBER_WORDS or after in _MORE


def _clash(words: list[str | None]) -> str | None:
    """The first word of the clause that I cannot go with: a subject marked with ने, or a
    perfective that ends the clause in the plural or of a transitive verb."""
    for i, word in enumerate(words):
        if word == _AND and _more(words, i):
            continue  # एक और मौत, 31 और लोग, और भी: और is "more" there
        if word is None or word in clauses.CLAUSE_ENDS or word.startswith(clauses.RELATIVE_STEMS):
            return None
        if _first_person_form(word):
            return None
        if word == _NE or word in aw.ERGATIVE_PRONOUNS or word in _NOT_I:
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
        modal = verb.root == _ABLE and i > 0 and bare_root(words[i - 1] or "", word)  # कर पाई: no ने
        transitive = transitive_perfective(word) and verb.root not in STANDS_ALONE and not modal
        return word if verb.plural or transitive else None
    return None
