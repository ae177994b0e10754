"""G020: a verb group that does not agree with the nominative subject of its clause.

Without ने, the verb group agrees with the subject: यह इमारत 1920 में बनी थी, दुकानें
शाम तक खुली रहेंगी, योजना सरकार द्वारा शुरू की गई. The rule reads a clause from its
start (the sentence's, or after punctuation, कि, जब, क्योंकि, लेकिन …) and takes its
first bare noun phrase as the subject only when everything between that noun and the
verb group is a postposition phrase (1920 में, सरकार द्वारा, शहर के बीच में), an adverb
(भी, यहाँ, नहीं, बाद में) or an invariable predicate (शुरू, लागू, निर्धारित). Bare nouns
an invariable predicate ends are a compound whose last noun is the subject (प्रवेश
प्रक्रिया शुरू हो गई), where the word before the compound agrees with it and it is no
infinitive (:func:`_sure_head`). A clause also starts after और, तथा, एवं right after a
verb word (फ़रार था और उसकी तलाश जारी थी), with a subject of its own
(:func:`_own_subject`). It says nothing when

- the clause has ने, or a passive has को or a pronoun in -े (उसे, इन्हें): agreement goes
  elsewhere or to the default (इसे धरोहर घोषित किया गया); before an intransitive verb
  they mark the experiencer or a time and do not matter (उसे मदद मिली, सोमवार को बैठक हुई);
- a second bare noun stands before the verb (an object or a predicate noun: सरकार कानून
  लागू करेगी, पीड़ा आम समस्या हो गई), or two nouns before a postposition or the verb
  may make the subject (शिक्षा विभाग में);
- the subject follows a conjunction or is followed by one (coordination: but the last
  of nouns joined, if visibly plural, is read for a verb group in the singular,
  :func:`_plural_conjunct`), or is a pronoun, a name or a noun without certain gender (a
  person's noun: अध्यक्ष, मंत्री);
- the verb takes a clause or a name (कहा जाता, माना गया, बुलाया जाता);
- the verb is one of motion with no postposition phrase right before it (अस्पताल चली
  गई: a bare goal), or a transitive one (an object may come first: वे बात करते हैं) —
  unless the noun is one of persons of its own gender (लड़की, बहन, भाई; not मंत्री),
  which is no bare goal, no name of the other gender and the doer of the verbs persons do
  alone (हंसना, रोना, सोना, दौड़ना …, :data:`_DONE_BY_PERSONS`): वह लड़की कल आया था and
  भाई जल्दी सो गई are read, and so is the copula after one (भाई उस समय घर पर थी);
- a passive's words disagree among themselves (G005's business), or it stands right
  after its noun (G005 reads that), or a lone verb word right after a noun that may be a
  name or a predicate (:func:`_may_be_predicate`). In other groups whose words differ in
  gender the subject settles which are wrong (दुकानें … खुला रहेंगी).

Number is checked only where it cannot be honorific: a feminine plural subject (दुकानें)
with a verb group that ends in a singular (खुली रहेगी), and a plural copula alone (हैं,
थे, थीं after a predicate or a postposition phrase) after a visibly singular subject that
is no person's noun (यह फ़ैसला ऐतिहासिक हैं, उसकी तलाश जारी थीं), and a feminine group
whose last word alone is plural after such a feminine subject that a word before shows
to be a common noun (दर घटकर सात प्रतिशत पर आ गई हैं, :func:`_plural_end`). A person's
singular with a plural verb (प्रधानमंत्री आए, माँ घर पर हैं) is honorific and right.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache, partial

from qa.checks import agreement_words as aw
from qa.checks import clause_facts
from qa.checks.agreement import analysis, shown_noun
from qa.checks.agreement_lexicon import Genders
from qa.checks.clauses import (
    CLAUSE_ENDS,
    COMPLEMENT_PREDICATES,
    COPULA,
    COPULAS,
    POSTPOSITIONS,
    Clause,
    ClauseRule,
    Correction,
    Sentence,
    SentenceReader,
    Subject,
    Token,
    VerbGroup,
    disagreement,
    masculine_plural,
    postposition_noun,
    reaching,
    rewrite,
    sentences,
    subject_noun,
    verb_group,
    verb_starts,
)
from qa.checks.verb_forms import VerbWord, infinitive, verb_word
from qa.checks.word_sieve import Sieve
from qa.engine.rule import Context
from qa.text.akshara import ends_in_consonant
from qa.text.tokenize import occurrences

#: Verbs that take a clause or a name (कहा जाता है, बुलाया गया): the default agreement.
_NAMING_ROOTS = aw.CLAUSAL_ROOTS | aw.word_set("बुला पुकार")
#: Intransitive verbs (and होना, रहना): only they, and passives, agree with the first bare
#: noun of the clause. Before a transitive verb that noun may be the object of a subject
#: left out (अपनी रक्षा करेंगे); verbs of motion take a bare goal (तीन बार जेल गए).
_INTRANSITIVE_ROOTS = aw.STATE_ROOTS | aw.word_set("थ")
#: The past copula alone (मौजूद थी): read for number only. A copula may agree with a
#: predicate noun (इसका आधार शक्ति थी) or stand in an idiom (उसे याद था), but a feminine
#: plural subject never takes a singular one (टीमें मैदान पर मौजूद थी → थीं).
_COPULA = "थ"
#: The endings of an adjective's or participle's inflected forms (खड़े, खड़ी, झुकाए).
_INFLECTED = ("ा", "े", "ी", "ए", "ई", "ीं")

#: Verbs of motion (and चलना, also "go on"), which take a bare goal right before them
#: (अस्पताल चली गई): they agree with the first bare noun only when a postposition phrase
#: stands between it and the verb (बैठक देर रात तक चली), where a bare goal would not.
_MOTION_ROOTS = aw.word_set("चल आ पहुंच पहुँच निकल लौट")
#: Verbs a person does without an object (हंसना, रोना, सोना, दौड़ना …), and going (जाना):
#: after a noun of persons of its own gender (लड़की, बहन, भाई) they agree with it. Such a
#: noun is no bare goal (a person is gone to with के पास), and no object of these verbs.
_DONE_BY_PERSONS = aw.word_set("हंस हँस रो सो जाग दौड़ भाग नाच मुस्कुरा मुस्करा तैर कूद जा")
#: The verbs that agree with a noun of persons of its own gender wherever it stands.
_PERSONS_VERBS = _MOTION_ROOTS | _DONE_BY_PERSONS

#: Words after which a noun is a common noun, not a name: a genitive, a postposition,
#: को, a demonstrative or a number word.
_COMMON_NOUN_AFTER = frozenset(aw.GENITIVE) | aw.word_set("में से पर तक द्वारा को इस उस इन उन यह वह ये वे")


#: Verbs that take a predicate noun or adjective (स्रोत होती हैं, सुंदर लगती): a bare noun
#: right before one of their forms, but the perfective of होना (बैठक हुई), may be that.
_PREDICATIVE_ROOTS = aw.word_set("हो रह बन लग दिख दिखाई")


def _may_be_predicate(tokens: list[Token], noun: int, root: str, verb: VerbWord, person: bool) -> bool:
    """The noun at ``noun``, right before a verb group whose main verb is ``root`` and
    whose one gendered word is ``verb``, may be other than its subject: a name (रुचि सोया:
    nothing before it shows a common noun, as a genitive or possessive, an adjective, a
    postposition or इस do; a noun of persons of its own gender, ``person``, names its
    gender even as a name), or a predicate (का अच्छा स्रोत होती हैं)."""
    before = tokens[noun - 1].normal if noun else None
    if not person and (
        before is None or not (before in _COMMON_NOUN_AFTER or aw.agreeing(before) is not None)
    ):
        return True
    return root in _PREDICATIVE_ROOTS and not (verb.root == "हो" and verb.perfective)


def _verdict(
    view: str, lexicon: Genders, tokens: list[Token], clause: Clause, j: int
) -> tuple[Correction, str] | None:
    """The correction and message for a clause read up to its verb start ``j`` (with
    :class:`Clause`'s ``dative`` and ``copula``), if its verb disagrees."""
    subject = clause.subject
    if subject is not None and (not _sure_head(tokens, subject) or _oblique_plural_form(tokens, subject)):
        return None
    if subject is not None and tokens[j].normal in _SINGULAR_COPULA:
        plural = _plural_copula(lexicon, tokens, j, subject)
        if plural is not None:
            return plural
    if subject is not None and tokens[j].normal == COPULA:
        return _singular_copula(tokens, j, subject)
    group = verb_group(tokens, j) if subject is not None else None
    if group is None or subject is None:
        return None
    moved = _moved(tokens, subject.index, j, group.root)
    person = _gendered_person(lexicon, tokens[subject.index].normal)
    done = person and group.root in _PERSONS_VERBS
    if not (group.passive or group.root in _INTRANSITIVE_ROOTS or moved or done):
        return None  # an object before a transitive verb may be the noun: वे बात करते हैं
    if group.root in _NAMING_ROOTS or (group.root == "लग" and infinitive(tokens[subject.index].normal)):
        return None  # गाने भी लगीं: an infinitive before लगना (began singing), not the songs
    if group.root == _COPULA and not (
        _plural_subject_of_copula(tokens, j, subject) or (person and _invariable_before(tokens, j))
    ):
        return None
    if group.passive and (clause.marked_object or _complement_before(tokens, j)):
        return None  # इसे धरोहर घोषित किया गया, जिसे महामारी घोषित कर दिया गया: the default
    if j == subject.index + 1 and (
        subject_noun(lexicon, tokens[subject.index].normal) is None
        or group.passive
        or (
            len(group.gendered) == 1
            and _may_be_predicate(tokens, subject.index, group.root, group.gendered[0][1], person)
        )
    ):
        # a passive right after its noun is G005's; रुचि सोया is a name; a noun whose gender
        # only the document shows may be a predicate (वह शिव के धनुष की डोर बना था)
        return None
    if not subject.plural and subjunctive_end(tokens, group):
        return None  # ताकि योजना लागू हो सके, कि अपराधियों को सज़ा मिले: no gender to agree in
    found = disagreement(view, tokens, group, subject)
    if found is None and subject.plural and subject.noun.gender == "m":
        return _singular_group(view, tokens, group, subject)
    if found is None:
        return _plural_end(lexicon, tokens, group, subject)
    what = ("plural " if subject.plural else "") + aw.GENDER_NAMES[subject.noun.gender]
    noun = tokens[subject.index].text
    return found, f"'{found.written}' does not agree with its {what} subject '{noun}': write '{found.right}'"


@lru_cache(maxsize=32)
def _masculine_plurals(lexicon: Genders) -> Sieve:
    """The words (as written) that are masculine plural by their form, per table of genders
    (:func:`clauses.masculine_plural`)."""
    return Sieve(lambda word: masculine_plural(lexicon, aw.normal(word)))


#: Words before an -ए noun that make it oblique or a mass: singular determiners, amounts.
_OBLIQUE_BEFORE = aw.word_set("एक इस उस किसी हर प्रत्येक सौ हजार हज़ार लाख करोड़ अरब")
_KE = aw.normal("के")
#: -ए nouns that make a postposition with के before them (गंगा के किनारे, के मुक़ाबले).
_POSTPOSITION_OBLIQUES = aw.word_set("किनारे रास्ते मुकाबले मुक़ाबले सहारे बहाने बदले जरिये ज़रिये हवाले")


def _oblique_plural_form(tokens: list[Token], subject: Subject) -> bool:
    """The subject is a masculine -ए form after a singular determiner, which makes it an
    oblique singular (एक हिस्से), or after के as a postposition's noun (गंगा के किनारे, के
    मुक़ाबले; डेंगू के मामले is a plural), or after an amount (55,000 करोड़ रुपये खर्च होगा:
    money is a mass)."""
    if not (subject.plural and subject.noun.gender == "m" and tokens[subject.index].normal.endswith("े")):
        return False
    before = _before(tokens, subject)
    if before is not None and before.normal == _KE:
        word = tokens[subject.index].normal
        return word in _POSTPOSITION_OBLIQUES or postposition_noun(word)
    return before is not None and (before.kind == "number" or before.normal in _OBLIQUE_BEFORE)


def _singular_group(
    view: str, tokens: list[Token], group: VerbGroup, subject: Subject
) -> tuple[Correction, str] | None:
    """The group in the plural after a masculine plural subject, if it is all masculine
    singular and ends its clause (ये फ़ैसले सोमवार से लागू होगा → होंगे)."""
    if any(verb.gender != "m" or verb.plural for _, verb in group.gendered) or not _ends_clause(
        tokens, group.end - 1
    ):
        return None
    found = rewrite(view, tokens, group, "m", True)
    noun = tokens[subject.index].text
    return (
        found,
        f"'{found.written}' does not agree with its plural masculine subject '{noun}': write '{found.right}'",
    )


def _complement_before(tokens: list[Token], j: int) -> bool:
    """A predicate that takes an object and its complement stands before the group at
    ``j`` (महामारी घोषित कर दिया गया): the noun may be the complement of an object with को
    the clause does not show (जिसे, a relative), so the passive's agreement is the default's."""
    return j > 0 and tokens[j - 1].normal in COMPLEMENT_PREDICATES


def subjunctive_end(tokens: list[Token], group: VerbGroup) -> bool:
    """The group ends in a word that is a consonant root's subjunctive (सके, मिले, बढ़े,
    रहे) as much as its masculine plural perfective: after a singular subject it is the
    subjunctive, which has no gender (ताकि योजना लागू हो सके)."""
    k, verb = group.gendered[-1]
    word = tokens[k].normal
    return (
        k == group.end - 1
        and verb.plural
        and verb.root != "थ"  # थे, the past auxiliary
        and word == verb.root + "े"
        and ends_in_consonant(verb.root)  # बढ़, जुड़ too
    )


def _plural_subject_of_copula(tokens: list[Token], j: int, subject: Subject) -> bool:
    """The copula at ``j`` (था, है) is read for number: a visibly plural subject (दुकानें, लोग,
    इलाके: as a subject no oblique), and an invariable predicate or a postposition phrase
    right before it (an inflected one has its own reading: आँखें झुकाए खड़े थे)."""
    return subject.plural and _invariable_before(tokens, j)


def _invariable_before(tokens: list[Token], j: int) -> bool:
    """The word before the copula at ``j`` is no inflected form (बीमार थी, घर पर थी)."""
    return not tokens[j - 1].normal.endswith(_INFLECTED)


def _gendered_person(lexicon: Genders, word: str) -> bool:
    """``word`` is a noun of persons of its own gender (लड़की, बहन, भाई; not अध्यक्ष):
    the copula (बीमार थी) and a person's verbs agree with it in gender."""
    return lexicon.person(word) and not lexicon.ambigender(word)


def _singular_copula(tokens: list[Token], j: int, subject: Subject) -> tuple[Correction, str] | None:
    """है ending the clause after a plural subject (दुकानें बंद है, सभी लोग सुन्नी मुस्लिम है → हैं)."""
    if j == subject.index + 1 or not _ends_clause(tokens, j):
        return None
    if not _plural_subject_of_copula(tokens, j, subject):
        return None
    token, noun, gender = tokens[j], tokens[subject.index].text, aw.GENDER_NAMES[subject.noun.gender]
    right = "हैं"
    return (
        Correction(token.start, token.end, token.text, right),
        f"'{token.text}' does not agree with its plural {gender} subject '{noun}': write '{right}'",
    )


#: The endings of an adjective's or participle's plural forms (खड़े, झुकाए, बैठीं).
_PLURAL_FORMS = ("े", "ए", "ीं", "ें")


def _plural_form(word: str) -> bool:
    """``word``, before a copula, is a verb's form or may be a plural adjective's or
    participle's (खड़े, बैठीं), not a postposition (में)."""
    return verb_word(word) is not None or (word.endswith(_PLURAL_FORMS) and word not in aw.POSTPOSITIONS)


#: The plural copula, alone after a predicate or a postposition phrase, and its singular.
_SINGULAR_COPULA = {aw.normal("हैं"): "है", aw.normal("थे"): "था", aw.normal("थीं"): "थी"}
_PRESENT_PLURAL = aw.normal("हैं")


def _ends_clause(tokens: list[Token], j: int) -> bool:
    """Nothing but punctuation, the end or a clause boundary follows the word at ``j``."""
    return j + 1 == len(tokens) or tokens[j + 1].kind != "word" or tokens[j + 1].normal in CLAUSE_ENDS


def _visibly_singular(lexicon: Genders, word: str, subject: Subject) -> bool:
    """The subject's noun ``word`` is singular by its form and no person's (a plural verb
    after a person's noun is the honorific): a feminine noun the counts know, or a
    masculine -आ noun that inflects (फ़ैसला, of फ़ैसले)."""
    noun = lexicon.noun(word)
    if subject.plural or noun is None or noun.gender != subject.noun.gender or lexicon.person(word):
        return False
    return noun.gender == "f" or (word.endswith("ा") and noun.inflects)


def _plural_copula(
    lexicon: Genders, tokens: list[Token], j: int, subject: Subject
) -> tuple[Correction, str] | None:
    """हैं, थे or थीं alone, ending the clause after a predicate or a postposition phrase,
    with a visibly singular subject that is no person's (यह फ़ैसला ऐतिहासिक हैं → है)."""
    k = j - 1
    while k > subject.index + 1 and tokens[k].normal in _PARTICLES:
        k -= 1  # तैयार नहीं हैं: the predicate stands before the particle
    before, noun = tokens[k], tokens[subject.index]
    if (
        k <= subject.index
        or not _ends_clause(tokens, j)
        or before.kind != "word"
        or _plural_form(before.normal)
        or not _visibly_singular(lexicon, noun.normal, subject)
        or _counted(tokens, subject)
    ):
        return None
    token = tokens[j]
    right = _SINGULAR_COPULA[token.normal]
    what = aw.GENDER_NAMES[subject.noun.gender]
    return (
        Correction(token.start, token.end, token.text, right),
        f"'{token.text}' does not agree with its singular {what} subject '{noun.text}': write '{right}'",
    )


#: Particles between a predicate and its copula (तैयार नहीं हैं, ठीक भी है).
_PARTICLES = aw.word_set("नहीं न भी ही तो")
#: Words before a noun that make it plural whatever its form (सभी टीम, दो सरकार).
_COUNTING = aw.word_set(
    "सभी सब कई दोनों तीनों चारों अनेक विभिन्न कुछ ये वे इन उन दो तीन चार पांच पाँच छह छः सात आठ नौ दस"
)


def _before(tokens: list[Token], subject: Subject) -> Token | None:
    """The token before the subject's noun, or before the compound it heads."""
    return tokens[subject.start - 1] if subject.start else None


def _counted(tokens: list[Token], subject: Subject) -> bool:
    """A word of :data:`_COUNTING` or a number stands before the subject's noun or the
    compound it heads (सभी टीम, दोनों जांच रिपोर्ट, 3 रिपोर्ट)."""
    before = _before(tokens, subject)
    return before is not None and (before.kind == "number" or before.normal in _COUNTING)


def _common(tokens: list[Token], subject: Subject) -> bool:
    """The word before the subject's noun or compound shows a common noun, not a name
    (a genitive, a postposition, a demonstrative, an adjective: देश में बेरोज़गारी दर)."""
    before = _before(tokens, subject)
    word = before.normal if before is not None else ""
    return word in _COMMON_NOUN_AFTER or aw.agreeing(word) is not None


def _agreed(tokens: list[Token], subject: Subject | None) -> bool:
    """No agreeing word stands before the ``subject``'s noun or compound in another form
    than its own. A clause after a conjunction may share the subject of the one before (…
    शुरू हुई और प्रारम्भ में डॉक्टरेट के समान होती थी), and a compound's last noun may be a
    goal (उनके माता-पिता दिल्ली स्थानांतरित हुए): a noun after a genitive or possessive
    that does not agree with it is then no subject."""
    before = _before(tokens, subject) if subject is not None else None
    agreeing = aw.agreeing(before.normal) if before is not None else None
    if subject is None or agreeing is None:
        return True
    form = "feminine" if subject.noun.gender == "f" else "oblique" if subject.plural else "direct"
    return agreeing.form == form


#: The roots of G's lists of verbs, whose infinitive in -ना is no compound's head (मौसम
#: में तब्दीली आना शुरू हुई: the noun is the infinitive's).
_VERB_ROOTS = aw.STATE_ROOTS | aw.INTRANSITIVE_ROOTS | aw.TRANSITIVE_ROOTS


def _sure_head(tokens: list[Token], subject: Subject) -> bool:
    """The subject, if it heads a compound (प्रवेश प्रक्रिया), is read so only where the
    word before the compound agrees with it (:func:`_agreed`) and it is no infinitive."""
    if subject.first is None:
        return True
    word = tokens[subject.index].normal
    return _agreed(tokens, subject) and not (word.endswith("ना") and word[:-2] in _VERB_ROOTS)


def _plural_end(
    lexicon: Genders, tokens: list[Token], group: VerbGroup, subject: Subject
) -> tuple[Correction, str] | None:
    """A feminine group whose last word alone is plural (आ गई हैं, शुरू हो गईं) after a
    visibly singular feminine subject that is no person's and that a word before shows
    to be a common noun, not a name (देश में बेरोज़गारी दर … आ गई हैं → है)."""
    end = group.end - 1
    last, verbs = tokens[end], dict(group.gendered)
    verb = verbs.get(end)
    if (
        subject.noun.gender != "f"
        or any(word.gender != "f" or (word.plural and k != end) for k, word in group.gendered)
        or not (last.normal == _PRESENT_PLURAL or (verb is not None and verb.plural))
        or not _visibly_singular(lexicon, tokens[subject.index].normal, subject)
        or _counted(tokens, subject)
        or not _common(tokens, subject)
    ):
        return None
    right = _SINGULAR_COPULA[last.normal] if verb is None else verb.inflect("f", False)
    noun = tokens[subject.index].text
    return (
        Correction(last.start, last.end, last.text, right),
        f"'{last.text}' does not agree with its singular feminine subject '{noun}': write '{right}'",
    )


def _moved(tokens: list[Token], noun: int, j: int, root: str) -> bool:
    """A verb of motion at ``j`` whose subject is the noun at ``noun``: a postposition
    phrase ends right before the verb (बैठक [देर रात तक] चली), so no bare goal stands there."""
    return root in _MOTION_ROOTS and noun < j - 2 and tokens[j - 1].normal in POSTPOSITIONS


#: The roots of the verb words this rule reads.
_READ_ROOTS = _INTRANSITIVE_ROOTS | _PERSONS_VERBS


@lru_cache(maxsize=1 << 16)
def _may_read(word: str) -> bool:
    """A verb word this rule may read (intransitive, of motion, of a person's doing, or
    जाना's, as in a passive) or the copula है (one verb-word analysis)."""
    found = verb_word(word)
    return (found is not None and found.root in _READ_ROOTS) or aw.normal(word) == COPULA


def _plural_copula_alone(ctx: Context) -> list[int]:
    """The offsets of हैं, थे and थीं after a word that is neither a plural form nor a verb's
    (मौजूद हैं, के साथ हैं, जारी थीं): where a plural copula alone may follow a singular subject."""
    document = ctx.document
    index, words, starts = document.word_index, document.word_texts, document.word_starts
    found: list[int] = []
    for word in _PLURAL_COPULAS.select(document.word_set):
        for offset in index[word]:
            k = bisect_left(starts, offset)
            while k > 1 and aw.normal(words[k - 1]) in _PARTICLES:
                k -= 1
            before = aw.normal(words[k - 1]) if k else ""
            if before and not _plural_form(before):
                found.append(offset)
    return found


_PLURAL_COPULAS = Sieve(lambda word: aw.normal(word) in _SINGULAR_COPULA)


@lru_cache(maxsize=1 << 16)
def _feminine_verb(word: str) -> VerbWord | None:
    """The analysis of ``word`` (as written) if it is a feminine verb word (गई, गईं, थीं)."""
    found = verb_word(aw.normal(word))
    return found if found is not None and found.gender == "f" else None


def _plural_endings(ctx: Context) -> list[int]:
    """The offsets of a feminine plural verb word and of हैं after a feminine verb word
    (शुरू हो गईं, आ गई हैं): where a group may end in a plural after a singular subject."""
    document = ctx.document
    index, words, starts = document.word_index, document.word_texts, document.word_starts
    found: list[int] = []
    for word in _PLURAL_ENDINGS.select(document.word_set):
        if aw.normal(word) != _PRESENT_PLURAL:
            found += index[word]
            continue
        for offset in index[word]:
            k = bisect_left(starts, offset)
            if k and _feminine_verb(words[k - 1]) is not None:
                found.append(offset)
    return found


_PLURAL_ENDINGS = Sieve(
    lambda word: aw.normal(word) == _PRESENT_PLURAL or getattr(_feminine_verb(word), "plural", False)
)


_READ = Sieve(_may_read)


def _masculine_plural_offsets(ctx: Context) -> list[int]:
    """The offsets of the words that are masculine plural by their form (लोग, फ़ैसले),
    where a singular masculine group may follow a plural subject."""
    sieve = _masculine_plurals(analysis(ctx).genders)
    return occurrences(ctx.document.word_index, sieve.select(ctx.document.word_set))


#: The singular copulas a plural subject may stand before alone (इलाके … में है, लोग परेशान था).
_SINGULAR_COPULAS = aw.word_set("है था")


def _before_copula(ctx: Context, offsets: list[int]) -> list[int]:
    """Those of ``offsets`` whose sentence holds a singular copula, which has no gender of
    its own for the sentence's facts to show (ज़िले के लोग इस फ़ैसले से नाराज़ है)."""
    index, read = ctx.document.word_index, sentences(ctx)
    copulas = sorted(offset for word in _SINGULAR_COPULAS for offset in index.get(word, ()))
    with_copula = set(read.numbers(copulas))
    return [offset for offset in offsets if read.number(offset) in with_copula]


def _read_offsets(ctx: Context) -> list[int]:
    """The offsets of the verb words :func:`_may_read` accepts."""
    return occurrences(ctx.document.word_index, _READ.select(ctx.document.word_set))


@lru_cache(maxsize=1 << 16)
def _may_begin(word: str) -> bool:
    """A word every clause this rule reports holds: a verb word it may read, or the bare
    root of one (बन सकती, हंस रही)."""
    return _may_read(word) or word in _SINGULAR_COPULA or word in _READ_ROOTS


#: Conjunctions after which a clause starts when a verb ends the one before (फ़रार था और
#: उसकी तलाश जारी थी); after a noun they join nouns (किताबें और पत्रिका मेज़ पर हैं).
_CONJOINING = aw.word_set("और तथा एवं")


def _conjoins(word: str) -> bool:
    """``word`` is a conjunction of :data:`_CONJOINING`."""
    return word in _CONJOINING


@lru_cache(maxsize=1 << 16)
def _ends_verb(word: str) -> bool:
    """``word`` may end a verb group: a verb word or the present copula."""
    return word in COPULAS or verb_word(word) is not None


def _own_subject(tokens: list[Token], subject: Subject | None) -> bool:
    """A clause after a conjunction has a subject of its own, not one it shares with the
    clause before (… बन गया और शीघ्र ही मंत्री बना): a visibly plural noun (और लोग स्वस्थ
    रहेंगे), or one a word before it shows a common noun (:func:`_common`: उसकी तलाश, लोगों
    की मौत, मंगलवार को आंकड़ा) and agrees with it."""
    return subject is None or subject.plural or (_common(tokens, subject) and _agreed(tokens, subject))


def conjoined(sentence: Sentence) -> list[int]:
    """The starts of the clauses that follow a conjunction right after a verb word."""
    return after_conjunctions(sentence)[0]


def after_conjunctions(sentence: Sentence) -> tuple[list[int], list[int]]:
    """What follows each conjunction: the starts of the clauses after one right after a
    verb word (:func:`conjoined`), and of the phrases after one anywhere else, the last
    of nouns joined (बैंक और दूध की दुकानें बंद रहेगी)."""
    marks = sentence.cut.marks(_conjoins)
    if not marks:
        return [], []
    verbs = set(sentence.cut.marks(_ends_verb))
    return [k + 1 for k in marks if k - 1 in verbs], [k + 1 for k in marks if k - 1 not in verbs]


def _plural_conjunct(tokens: list[Token], clause: Clause, j: int) -> bool:
    """A clause read from the last of nouns joined has a visibly plural subject and a
    verb group in the singular (बैंक और दूध की दुकानें बंद रहेगी, है): wrong whatever the
    other nouns are, while their genders leave the plural's open (स्कूल और सड़कें बंद रहेंगे)."""
    subject = clause.subject
    if subject is None or not subject.plural:
        return False
    group = verb_group(tokens, j)
    singular = group is not None and not any(verb.plural for _, verb in group.gendered)
    return singular or tokens[j].normal == COPULA


class SubjectVerbAgreement(ClauseRule):
    """G020: a verb group that does not agree with the nominative subject of its clause."""

    wanted = staticmethod(_may_read)
    needed = staticmethod(_may_begin)

    def offsets(self, ctx: Context) -> list[int]:
        read = clause_facts.possible(ctx, _read_offsets(ctx), clause_facts.MAY_DISAGREE)
        alone = clause_facts.possible(ctx, _plural_copula_alone(ctx), clause_facts.HAS_SUBJECT)
        ends = clause_facts.possible(ctx, _plural_endings(ctx), clause_facts.HAS_FEMININE)
        masculine = _masculine_plural_offsets(ctx)
        plural = clause_facts.possible(ctx, masculine, clause_facts.HAS_MASCULINE)
        return sorted({*read, *alone, *ends, *plural, *_before_copula(ctx, masculine)})

    def sentence_reader(self, ctx: Context) -> SentenceReader:
        """The clauses :class:`ClauseRule` judges, read up to their verb by
        :func:`clauses.reaching` (in the compiled core, which makes a sentence's tokens only
        where a clause reaches a verb, about a third of the sentences), then judged."""
        document = analysis(ctx)
        view, lexicon, shown = ctx.document.view, document.genders, partial(shown_noun, document)
        reached = reaching(self.needed, lexicon, dative=True, shown=shown, copula=True)

        def read(sentence: Sentence) -> Iterator[tuple[Correction, str]]:
            found = [(clause, j) for _, clause, j in reached(sentence)]
            after, joined = after_conjunctions(sentence)
            tokens = sentence.tokens if found or after or joined else []  # where a clause may reach a verb
            if after:
                read = verb_starts(tokens, after, lexicon, dative=True, shown=shown, copula=True)
                found += [pair for pair in read if pair and _own_subject(tokens, pair[0].subject)]
            if joined:
                read = verb_starts(tokens, joined, lexicon, dative=True, shown=shown, copula=True)
                found += [pair for pair in read if pair and _plural_conjunct(tokens, *pair)]
            return filter(None, (_verdict(view, lexicon, tokens, clause, j) for clause, j in found))

        return read
