"""The words that agree with a noun: what gender, number and case each form shows.

A small analyser for the closed and regular classes Hindi agreement runs through:
the genitive postposition (का/के/की), the possessive pronouns (मेरा, अपना, उसका …),
the adjectives that inflect in -आ/-ए/-ई (बड़ा/बड़े/बड़ी), the attributive participles
(पढ़ा हुआ, आने वाला), perfective verb forms (लिखा/लिखी/लिखे, किया/की/किए, गया/गई/गए) and
the auxiliaries (था/थे/थी/थीं). Nothing here guesses: a word not in these tables is
not an agreeing word. Also the closed-class words that are never a noun, and the words
after a noun that show it ends its noun phrase (a postposition, an auxiliary, punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Gender = Literal["m", "f"]
#: Masculine forms: direct singular (बड़ा, का) or oblique/plural (बड़े, के); feminine has one.
Form = Literal["direct", "oblique", "feminine"]
Kind = Literal["genitive", "possessive", "adjective", "participle"]

_ENDINGS: dict[Form, str] = {"direct": "ा", "oblique": "े", "feminine": "ी"}
#: The same endings after a vowel, as letters: हुआ, हुए, हुई.
_VOWEL_LETTERS: dict[Form, str] = {"direct": "आ", "oblique": "ए", "feminine": "ई"}
_GENDER: dict[Form, Gender] = {"direct": "m", "oblique": "m", "feminine": "f"}


def word_set(text: str) -> frozenset[str]:
    """A word list written as text, one space or line break between words, each word in
    every spelling copy gives it with a nukta and without (:func:`nukta_spellings`)."""
    return frozenset(spelling for word in text.split() for spelling in nukta_spellings(word))


#: The letters copy writes with a nukta or without for one sound (क़रीब and करीब, ज़्यादा
#: and ज्यादा); ड़ and ढ़ are letters of their own.
_NUKTA_LETTERS = "कखगजफ"
_NUKTA = "\u093c"
_OPTIONAL_NUKTA = re.compile(f"(?<=[{_NUKTA_LETTERS}]){_NUKTA}")
_NUKTA_LETTER_SET = frozenset(_NUKTA_LETTERS)


def nukta_spellings(word: str) -> list[str]:
    """``word`` with and without a nukta after each letter that may take one, in every
    combination (up to four such letters; a longer word keeps its own spelling and the
    one without any)."""
    if _NUKTA_LETTER_SET.isdisjoint(word):
        return [word]  # most words: no letter that takes a nukta
    plain = _OPTIONAL_NUKTA.sub("", word)
    found = [""]
    letters = 0
    for char in plain:
        found = [spelling + char for spelling in found]
        if char in _NUKTA_LETTER_SET:
            letters += 1
            if letters > 4:
                return list(dict.fromkeys((word, plain)))
            found += [spelling + _NUKTA for spelling in found]
    return found


@dataclass(frozen=True, slots=True)
class Agreeing:
    """A word that agrees with the noun after it."""

    kind: Kind
    stem: str
    form: Form

    @property
    def gender(self) -> Gender:
        return _GENDER[self.form]

    def inflect(self, form: Form) -> str:
        """This word in another form (बड़ा -> बड़ी, का -> की, नया -> नई)."""
        if self.stem == "नय":  # नया, नए, नई: the glide goes before ए and ई
            return {"direct": "नया", "oblique": "नए", "feminine": "नई"}[form]
        if self.stem.endswith(("ु", "ि", "ा", "ो")):  # हुआ, not *हुा
            return self.stem + _VOWEL_LETTERS[form]
        return self.stem + _ENDINGS[form]


#: Possessive pronouns: stem + ा/े/ी (मेरा, अपने, उसकी).
POSSESSIVE_STEMS = word_set("मेर तेर हमार तुम्हार अपन आपक उसक इसक उनक इनक जिसक जिनक किसक किनक")
#: Adjectives that inflect for gender; left out: those that are also adverbs, pronouns or
#: postpositions in some form (पहले, ऐसा, कैसे, सीधे, अकेले, थोड़ा, नीचे) and काली (the goddess).
ADJECTIVE_STEMS = word_set("""बड़ छोट नय पुरान अच्छ बुर पहल दूसर तीसर चौथ लंब ऊंच ऊँच गहर पूर सार आध अगल
    पिछल सच्च झूठ पील नील गोर प्यार भल मोट पतल सस्त महंग महँग ठंड कच्च पक्क गील सूख
    मीठ कड़व ढील तीख चौड़ टेढ़ बूढ़ गंद ताज़ कोर""")
# Forms of these stems that are other words: पूरी (the bread) is fine before a noun,
# पहले and भले are adverbs; ताज़ा does not inflect in news copy.
_NOT_AGREEING = word_set("पहले ताज़ा ताज़े ताज़ी कोरे भले गंदे")
#: Perfective participles that form the attributive with हुआ (पढ़ा हुआ, पैदा हुई): an
#: invariable predicate before हुआ counts as well.
INVARIABLE_PREDICATES = word_set("पैदा जमा इकट्ठा तैयार शुरू ख़त्म खत्म")

GENITIVE = {"का": "direct", "के": "oblique", "की": "feminine"}
#: The genders by name, for messages.
GENDER_NAMES = {"m": "masculine", "f": "feminine"}
#: Oblique demonstratives, which open a postposition phrase (इस मामले में, उस समय).
OBLIQUE_DEMONSTRATIVES = word_set("इस उस इन उन")
#: य-spellings after a long vowel (बनाये, बनायी, बनायीं) -> the vowel letter.
_GLIDE = re.compile(r"(?<=[ाोू])(ये|यीं|यी)$")
_GLIDE_VOWELS = {"ये": "ए", "यी": "ई", "यीं": "ईं"}
_GLIDE_ENDINGS = tuple(_GLIDE_VOWELS)
_SPELLINGS = {
    "नये": "नए",
    "नयी": "नई",
    "गये": "गए",
    "गयी": "गई",
    "हुये": "हुए",
    "किये": "किए",
    "दिये": "दिए",
    "लिये": "लिए",
}


@lru_cache(maxsize=1 << 16)
def normal(word: str) -> str:
    """The spelling the tables use (नये -> नए, गयी -> गई, बनाये -> बनाए)."""
    word = _SPELLINGS.get(word, word)
    if not word.endswith(_GLIDE_ENDINGS):  # most words: no glide to read
        return word
    return _GLIDE.sub(lambda m: _GLIDE_VOWELS[m.group(1)], word)


@lru_cache(maxsize=1 << 16)
def key(word: str) -> str:
    """The form nouns are counted and looked up under: without nukta or joiners, and with
    anusvara for chandrabindu (फ़िल्म and फिल्म, गाँव and गांव are one noun)."""
    return word.translate(_KEY)


_KEY = str.maketrans({"\u093c": None, "\u200c": None, "\u200d": None, "\u0901": "\u0902"})


def _ending(word: str) -> tuple[str, Form] | None:
    if word in ("नई", "नए"):  # the glide of नया goes before ए and ई
        return "नय", "feminine" if word == "नई" else "oblique"
    for form, ending in _ENDINGS.items():
        if word.endswith((ending, _VOWEL_LETTERS[form])) and len(word) > 1:
            return word[:-1], form
    return None


@lru_cache(maxsize=1 << 16)
def agreeing(word: str) -> Agreeing | None:
    """What ``word`` is as a word agreeing with a following noun, if it is one."""
    word = normal(word)
    if word in GENITIVE:
        return Agreeing("genitive", "क", GENITIVE[word])  # type: ignore[arg-type]
    if word in _NOT_AGREEING:
        return None
    split = _ending(word)
    if split is None:
        return None
    stem, form = split
    if stem in POSSESSIVE_STEMS:
        return Agreeing("possessive", stem, form)
    if stem in ADJECTIVE_STEMS:
        return Agreeing("adjective", stem, form)
    if stem in ("हु", "वाल"):  # हुआ/हुए/हुई, वाला/वाले/वाली
        return Agreeing("participle", stem, form)
    return None


def participle_before(word: str, agreeing_word: Agreeing) -> bool:
    """Whether ``word`` before हुआ/हुई/हुए makes it attributive (पढ़ी हुई, पैदा हुए,
    बढ़ती हुई): a participle in the same form, or an invariable predicate; not -ते हुए."""
    if word in INVARIABLE_PREDICATES:
        return True
    if agreeing_word.form == "oblique" and word.endswith("ते"):
        return False  # करते हुए: "while doing", an adverb
    split = _ending(normal(word))
    return split is not None and split[1] == agreeing_word.form and len(split[0]) >= 1


#: The one-word case markers a noun's oblique form stands before (सरकारों को, पांचवें दिन से).
CASE_MARKERS = word_set("में से को पर ने तक का की के")
#: Postpositions: after one, the noun before it is oblique and ends its phrase.
POSTPOSITIONS = CASE_MARKERS | word_set("द्वारा")
#: Conjunctions that join words or phrases of one kind (तेहरान और शिराज, पटना व गया).
CONJUNCTIONS = word_set("और या तथा एवं व")
#: The forms of जाना that make the perfective before them a passive (किया गया, की जाएगी).
JA_FORMS = word_set("जा गया गए गई गईं गयी गये जाता जाती जाते जाएगा जाएगी जाएंगे जाएंगी")
#: How relative pronouns begin (जिसमें, जिन्होंने): a clause inside the clause.
RELATIVE_STEMS = ("जिस", "जिन")
#: The finite forms of होना that end a verb group (है, था …).
AUXILIARY_VERBS = word_set("है हैं था थे थी थीं")
#: Auxiliaries and particles that may follow a noun phrase.
AUXILIARIES = AUXILIARY_VERBS | word_set("हो भी ही")
#: Nouns that form compound postpositions after के/की (के लिए, की तरह, के बाद): never
#: the head a genitive before the noun they follow could belong to.
COMPOUND_POSTPOSITIONS = frozenset(
    key(word)
    for word in word_set(
        """अधीन लिए लिये बाद साथ पास तरह ओर तरफ़ तरफ वजह बारे दौरान अनुसार बीच ऊपर नीचे अंदर बाहर
    सामने पीछे आगे खिलाफ खिलाफ़ अलावा बजाय कारण जरिए ज़रिए तहत मुताबिक पहले बावजूद बिना रूप जगह
    मद्देनजर मद्देनज़र"""
    )
)


def nasal_slipped_postposition(word: str) -> bool:
    """A compound postposition's noun with a nasal slipped on (के बारें में, इस बारें में:
    T037), which is no plural noun a genitive agrees with or a postposition follows."""
    return word.endswith(("ं", "ँ")) and key(word[:-1]) in COMPOUND_POSTPOSITIONS


#: Invariable predicates that follow the noun phrase they are said of (योजना लागू हुई).
PREDICATES = word_set("लागू शुरू पेश जारी बंद खत्म ख़त्म तैयार शामिल उपलब्ध दर्ज घोषित प्रकाशित स्थापित आयोजित")
#: Words after which a clause starts afresh: ने's object is not sought across them.
CLAUSE_BREAKS = word_set("कि जो जिसे जिसने जिन्होंने जब क्योंकि लेकिन परंतु परन्तु किंतु किन्तु मगर तो यदि अगर")
#: Subjects marked with ने in one word.
ERGATIVE_PRONOUNS = word_set("मैंने हमने तुमने आपने उसने इसने उन्होंने इन्होंने किसने जिसने जिन्होंने किन्होंने")
#: Closed-class words, never a noun that agreement is checked on.
FUNCTION_WORDS = (
    POSTPOSITIONS
    | AUXILIARIES
    | CLAUSE_BREAKS
    | ERGATIVE_PRONOUNS
    | CONJUNCTIONS
    | word_set("""न नहीं ना मत भी ही तो सा सी से यह वह ये वे इस उस इन उन इसे उसे इन्हें उन्हें
        मैं हम तुम आप मुझे हमें तुम्हें आपको क्या कौन कोई कुछ किसी किन सब सभी सबसे बहुत अधिक ज़्यादा ज्यादा
        कम काफी काफ़ी कई हर एक दो तीन चार पांच पाँच छह सात आठ नौ दस सौ हज़ार हजार लाख करोड़ अब तब
        जब यहां यहाँ वहां वहाँ जहां जहाँ कहां कहाँ आज कल फिर भी केवल सिर्फ़ सिर्फ लिए लिये साथ बाद पहले
        रहा रही रहे रहीं गया गई गए गयी गये गईं हुआ हुई हुए हुईं हुये किया किए किये कीं दिया दी दिए दीं लिया
        ली लीं होता होती होते होगा होगी होंगे होंगी जा जाता जाती जाते सकता सकती सकते चुका चुकी चुके
        कर करके करते करता करती करना करने करनी वाला वाली वाले श्री श्रीमती डॉ जी
        जबकि बल्कि हालांकि हालाँकि ताकि चूंकि चूँकि यद्यपि तथापि वरना अन्यथा""")
)


@lru_cache(maxsize=1 << 16)
def is_candidate(word: str) -> bool:
    """A word that may be a noun: Devanagari, not closed-class, not an agreeing word."""
    return (
        len(word) > 1
        and "\u0900" <= word[0] <= "\u097f"
        and word not in FUNCTION_WORDS
        and agreeing(word) is None
        and perfective(word) is None
    )


@dataclass(frozen=True, slots=True)
class Perfective:
    """A perfective verb form (लिखा, बनाई, किए): its root, gender and number."""

    root: str
    gender: Gender
    plural: bool

    def inflect(self, gender: Gender, plural: bool) -> str:
        irregular = _IRREGULAR.get(self.root)
        if irregular is not None:
            return irregular[(gender, plural)]
        glide = self.root.endswith(("ा", "ो", "ू"))
        endings = {
            ("m", False): "या" if glide else "ा",
            ("m", True): "ए" if glide else "े",
            ("f", False): "ई" if glide else "ी",
            ("f", True): "ईं" if glide else "ीं",
        }
        return self.root + endings[(gender, plural)]


#: Transitive verb roots whose perfective agrees with an unmarked object.
TRANSITIVE_ROOTS = word_set("""कर दे ले पी लिख पढ़ देख सुन खरीद बेच भेज जीत छोड़ पकड़ रख खोल तोड़ मार डाल भर खो पा
    बना खा गा सिखा दिखा लगा जला बचा बुला सुना जोड़ मांग माँग रोक काट चुन धो फेंक लूट छीन खोज
    पहन उठा चला गिरा हटा बढ़ा घटा बिता सजा कमा चुरा छिपा सौंप बांट बाँट निकाल संभाल सुधार उतार
    बिछा खोद जमा रच गढ़ बुन सिल बो""")
#: Verbs that take a clause as object (कहा कि …): their agreement is not an object's.
CLAUSAL_ROOTS = word_set("कह बता पूछ सोच समझ मान जान चाह बोल")
_IRREGULAR: dict[str, dict[tuple[Gender, bool], str]] = {
    root: {("m", False): a, ("m", True): e, ("f", False): i, ("f", True): i + "ं"}
    for root, a, e, i in (
        ("कर", "किया", "किए", "की"),
        ("दे", "दिया", "दिए", "दी"),
        ("ले", "लिया", "लिए", "ली"),
        ("पी", "पिया", "पिए", "पी"),
        ("जा", "गया", "गए", "गई"),
    )
}


def _perfectives() -> dict[str, Perfective]:
    table: dict[str, Perfective] = {}
    for root in TRANSITIVE_ROOTS | CLAUSAL_ROOTS | {"जा"}:
        probe = Perfective(root, "m", False)
        for gender in ("m", "f"):
            for plural in (False, True):
                table[probe.inflect(gender, plural)] = Perfective(root, gender, plural)
    return table


_PERFECTIVES = _perfectives()


@lru_cache(maxsize=1 << 16)
def perfective(word: str) -> Perfective | None:
    """The perfective ``word`` is, if it is one of a known transitive verb (or of जाना)."""
    return _PERFECTIVES.get(normal(word))


def ends_phrase(following: str | None) -> bool:
    """Whether a noun followed by ``following`` ends its noun phrase (and so heads it):
    a postposition, an auxiliary or particle, an invariable predicate, punctuation or
    the end (None) follows. Not a conjunction: कला और विज्ञान महाविद्यालय.
    Another word may be the real head (रक्षा मंत्रालय, शिक्षा नीति), so nothing else does."""
    return (
        following is None or following in POSTPOSITIONS or following in AUXILIARIES or following in PREDICATES
    )


def attributive(words: list[str | None], i: int) -> Agreeing | None:
    """The agreeing word at ``words[i]`` if it modifies the next word: हुआ/हुई/हुए only
    after a perfective of the same form or an invariable predicate (पढ़ी हुई, पैदा हुए),
    never a finite verb (बारिश हुई, किसान …)."""
    word = words[i]
    found = agreeing(word) if word else None
    if found is None or found.kind != "participle" or found.stem != "हु":
        return found
    before = words[i - 1] if i > 0 else None
    return found if before and participle_before(before, found) else None


@dataclass(frozen=True, slots=True)
class Marked:
    """A verb-group word whose ending shows gender and number (गया, जाती, सकते, रहीं)."""

    index: int
    gender: Gender
    plural: bool


_GAYA: dict[tuple[Gender, bool], str] = {
    ("m", False): "गया",
    ("m", True): "गए",
    ("f", False): "गई",
    ("f", True): "गईं",
}
#: Words after a bare जा that carry the passive's agreement (जा सकती, जा रहा, जा चुके).
_AFTER_JA = ("सकत", "रह", "चुक")  # not सके, सकें: subjunctives show no gender
_GENDERED_ENDINGS: tuple[tuple[str, Gender, bool], ...] = (
    ("ीं", "f", True),
    ("ा", "m", False),
    ("े", "m", True),
    ("ी", "f", False),
)


def gendered(word: str) -> tuple[str, Gender, bool] | None:
    """(stem, gender, plural) of a word with a gendered ending (जाती -> जात, f, False)."""
    for ending, gender, plural in _GENDERED_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)], gender, plural
    return None


#: A future: its base (जाए, सके, हो), a nasal if plural, and गा/गी/गे.
_FUTURE_FORM = re.compile("(.+[एेो])(ं?)(गा|गी|गे)")


def regender(word: str, gender: Gender, plural: bool) -> str:
    """A verb-group word in another gender and number (जाती -> जाता, गई -> गया)."""
    word = normal(word)
    if word in ("गया", "गए", "गई", "गईं"):
        return _GAYA[(gender, plural)]
    future = _FUTURE_FORM.fullmatch(word)
    if future is not None:  # the plural future nasalises its base: जाएगी -> जाएंगी
        return future[1] + ("ं" if plural else "") + ("गी" if gender == "f" else "गे" if plural else "गा")
    split = gendered(word)
    if split is None:
        return word
    ending = next(e for e, g, p in _GENDERED_ENDINGS if (g, p) == (gender, plural))
    return split[0] + ending


def passive_auxiliary(words: list[str | None], k: int) -> Marked | None:
    """The word that shows a passive's agreement, starting at ``k`` right after the
    participle: गया/गई, जाता/जाती, जाएगा/जाएगी, or जा + सकता/रहा/चुका."""
    word = words[k] if k < len(words) else None
    if word is None or not word.startswith(("ज", "ग")):  # जा, जाता, जाएगा, गया: nothing else
        return None
    if word == "जा":
        after = words[k + 1] if k + 1 < len(words) else None
        future = _future(after, ("सके",)) if after else None
        if future is not None:
            return Marked(k + 1, *future)
        split = gendered(after) if after else None
        if split is None or not split[0].startswith(_AFTER_JA):
            return None
        return Marked(k + 1, split[1], split[2])
    if word in _GAYA.values():
        gender, plural = next(key for key, value in _GAYA.items() if value == word)
        return Marked(k, gender, plural)
    future = _future(word, ("जाए", "जाये"))
    if future is not None:
        return Marked(k, *future)
    split = gendered(word)
    if split is None or split[0] != "जात":
        return None
    return Marked(k, split[1], split[2])


def _future(word: str, bases: tuple[str, ...]) -> tuple[Gender, bool] | None:
    """The gender and number of a future of one of ``bases`` (जाएगी, जाएंगे, सकेंगी)."""
    found = _FUTURE_FORM.fullmatch(word) if word.endswith(("गा", "गी", "गे")) else None
    if found is None or found[1] not in bases:
        return None
    return ("f" if found[3] == "गी" else "m"), bool(found[2]) or found[3] == "गे"


#: Intransitive verb roots whose perfective agrees with its subject: after a noun, the
#: perfective (नीति बनी, जांच हुई, फैसला आया) ends that noun's phrase. Left out: roots whose
#: forms are also adjectives or a transitive's root (खुला, उठा, हटा, घटा).
INTRANSITIVE_ROOTS = word_set("हो बन आ मिल लग बढ़ गिर चल पहुंच पहुँच निकल टूट रुक बच जुड़ फैल छिड़ बीत")
#: Intransitive verbs that are no verbs of motion (and होना, रहना), whose forms agree with
#: their nominative subject (G020; a verb's root whether or not the word list has its
#: infinitive: फैलना, डूबना, टलना).
STATE_ROOTS = word_set(
    """हो रह बन खुल मिल लग बढ़ घट गिर उठ बैठ मर टूट फूट बच रुक बिक छप उभर हट जुड़ बस फैल डूब
    पक सूख समा छूट बिगड़ सुधर बह उग खिल पनप ठहर दिख दिखाई सुनाई चमक उपज बिखर सिमट जम पिघल
    टल थम भड़क"""
)


def _intransitive_forms(root: str) -> tuple[str, ...]:
    if root == "हो":
        return ("हुआ", "हुए", "हुई", "हुईं")
    if root == "आ":
        return ("आया", "आए", "आई", "आईं", "आये", "आयी", "आयीं")
    return tuple(root + ending for ending in ("ा", "े", "ी", "ीं"))


_INTRANSITIVE_PERFECTIVES = frozenset(
    form for root in INTRANSITIVE_ROOTS for form in _intransitive_forms(root)
)


def intransitive_perfective(word: str) -> bool:
    """Whether ``word`` is a perfective of an intransitive verb (बनी, हुआ, आए, मिलीं)."""
    return normal(word) in _INTRANSITIVE_PERFECTIVES


#: Nouns of manner that make an adverb with से (तेज़ी से, आसानी से, गंभीरता से): before
#: one, a bare noun ends its own phrase (अर्थव्यवस्था तेज़ी से बढ़ रही है), where two bare
#: nouns before a postposition would make a compound (शिक्षा विभाग में).
MANNER_NOUNS = word_set(
    """तेज़ी तेजी आसानी जल्दी सख़्ती सख्ती मज़बूती मजबूती गंभीरता सावधानी बारीकी ईमानदारी
    बहादुरी चतुराई सहजता सरलता तत्परता सक्रियता प्रमुखता सफलता शांति शान्ति धूमधाम मुश्किल
    बेसब्री बेरहमी बेदर्दी बेरुखी ज़बरदस्ती जबरदस्ती ज़बरन जबरन मुस्तैदी गर्मजोशी उत्साह
    विस्तार ज़ोर जोर ध्यान आराम चुपके धड़ल्ले खुशी ख़ुशी गलती ग़लती संयोग भारी"""
)
#: Common adjectives that do not inflect and stand between a genitive and its noun (नेपाल
#: की एक प्रमुख भाषा, भारत का सबसे बड़ा निजी विश्वविद्यालय). None is a noun with a gender
#: of its own; प्रमुख the person is ambigender, so skipping it loses nothing.
#: Invariable adjectives that stand as predicates before है, था … (फ़ैसला गलत है).
PREDICATIVE_ADJECTIVES = word_set("""सही गलत ग़लत ज़रूरी जरूरी आवश्यक अहम उचित अनुचित संभव असंभव
    मुमकिन नामुमकिन साफ़ साफ स्पष्ट आसान मुश्किल कठिन सरल ठीक बेहतर ख़राब खराब बेकार सफल असफल
    विफल नाकाम जायज़ जायज नाजायज़ नाजायज वैध अवैध""")
INVARIABLE_ADJECTIVES = word_set("""प्रमुख मुख्य खास ख़ास प्रथम महान निजी मूल प्राचीन आधुनिक विशेष
    महत्वपूर्ण महत्त्वपूर्ण सुंदर सुन्दर लोकप्रिय प्रसिद्ध विभिन्न अन्य कुल वर्तमान सर्वोच्च
    सर्वश्रेष्ठ सरकारी राष्ट्रीय अंतरराष्ट्रीय अंतर्राष्ट्रीय स्थानीय आधिकारिक ऐतिहासिक""")
