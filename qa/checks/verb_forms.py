"""The words of a Hindi verb group and the gender and number their endings show.

A verb group is a main verb and the auxiliaries after it: बना था, खुले रहेंगे, बनाई जा
रही है, शुरू हो गया. Its words end in the same four forms, masculine singular and
plural, feminine singular and plural, in a few patterns:

- ``plain``: stem + ा/े/ी/ीं (बना, खुलता, रहा, सकती, था; a root ending in a consonant);
- ``glide``: a root ending in a vowel + या/ए/ई/ईं (बनाया, गई; हुआ, किया, दिया …);
- ``future``: base + गा/ंगे/गी/ंगी (रहेगा, खुलेंगी, होगा).

A word is read as a verb form only when its root is a known verb (root + ना in the
lexicon) and it is not a noun of certain gender (लड़ाई, पढ़ाई); a word in none of
these patterns is never taken for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from qa import lexicon
from qa.checks import agreement_words as aw
from qa.checks.agreement_lexicon import builtin
from qa.text.akshara import ends_in_consonant

Gender = aw.Gender
Pattern = Literal["plain", "glide", "future"]

_FORMS: dict[Pattern, dict[tuple[Gender, bool], str]] = {
    "plain": {("m", False): "ा", ("m", True): "े", ("f", False): "ी", ("f", True): "ीं"},
    "glide": {("m", False): "या", ("m", True): "ए", ("f", False): "ई", ("f", True): "ईं"},
    "future": {("m", False): "गा", ("m", True): "ंगे", ("f", False): "गी", ("f", True): "ंगी"},
}
#: Perfectives whose stem changes (किया, not *करा), as (m sg, m pl, f sg, f pl).
_IRREGULAR = {
    "कर": ("किया", "किए", "की", "कीं"),
    "दे": ("दिया", "दिए", "दी", "दीं"),
    "ले": ("लिया", "लिए", "ली", "लीं"),
    "पी": ("पिया", "पिए", "पी", "पीं"),
    "जा": ("गया", "गए", "गई", "गईं"),
    "हो": ("हुआ", "हुए", "हुई", "हुईं"),
}
#: The last letters of every form above: a word that ends otherwise is no verb form.
_LAST_LETTERS = tuple(
    {form[-1] for forms in _FORMS.values() for form in forms.values()}
    | {form[-1] for forms in _IRREGULAR.values() for form in forms}
)
_KEYS: tuple[tuple[Gender, bool], ...] = (("m", False), ("m", True), ("f", False), ("f", True))
#: Each form of :data:`_IRREGULAR` -> its root and (gender, plural).
_IRREGULAR_FORMS = {
    form: (root, key) for root, forms in _IRREGULAR.items() for form, key in zip(forms, _KEYS, strict=True)
}
#: Auxiliaries whose root is no verb of their own: था/थे/थी/थीं; चुका (चुकना is rare).
_AUXILIARY_STEMS = frozenset({"थ", "चुक"})
#: Roots after which a bare root makes one verb group (खुल रहा, बढ़ गया, बन चुका, जा सकता).
_AFTER_BARE_ROOT = frozenset({"रह", "जा", "चुक", "सक", "दे", "ले", "पा"})


@dataclass(frozen=True, slots=True)
class VerbWord:
    """A verb-group word whose ending shows gender and number."""

    root: str
    #: what the ending attaches to (the root, the habitual's root + त, the future's base)
    stem: str
    pattern: Pattern
    gender: Gender
    plural: bool
    #: a perfective participle (बना, किया), not a habitual, future or auxiliary
    perfective: bool

    def inflect(self, gender: Gender, plural: bool) -> str:
        """This word in another gender and number (खुले -> खुली, रहेंगे -> रहेंगी)."""
        irregular = _IRREGULAR.get(self.root) if self.perfective else None
        if irregular is not None:
            return irregular[_KEYS.index((gender, plural))]
        return self.stem + _FORMS[self.pattern][(gender, plural)]


def _verb(root: str) -> bool:
    """A verb's root: its infinitive is a word, or G's lists of verbs name it (डूब, सौंप)."""
    return (
        (bool(root) and lexicon.known(root + "ना"))
        or root in _AUXILIARY_STEMS
        or root in aw.STATE_ROOTS
        or root in aw.INTRANSITIVE_ROOTS
        or root in aw.TRANSITIVE_ROOTS
    )


@lru_cache(maxsize=1 << 16)
def verb_word(word: str) -> VerbWord | None:
    """What ``word`` is as a gendered verb-group word, if it is one."""
    word = aw.normal(word).replace("\u0901", "\u0902")  # गईँ = गईं
    if not word.endswith(_LAST_LETTERS):
        return None
    future = _future(word)
    if future is not None and not future.stem.endswith("ो"):
        return future  # -एगी, -ेगी: no noun ends so (the counts take की जाएगी's जाएगी for one)
    if builtin().noun(word) is not None:
        return None  # a noun of certain gender as well: लड़ाई, पढ़ाई, रोगी (रो + गी)
    irregular = _IRREGULAR_FORMS.get(word)
    if irregular is not None:
        root, (gender, plural) = irregular
        return VerbWord(root, root, "glide", gender, plural, perfective=True)
    return future or _ending(word)


def _future(word: str) -> VerbWord | None:
    for (gender, plural), ending in _FORMS["future"].items():
        if not word.endswith(ending) or (ending in ("गी", "गे") and word.endswith(("ंगी", "ंगे"))):
            continue
        base = word[: -len(ending)]
        root = base if base.endswith("ो") else base.removesuffix("ये").removesuffix("े").removesuffix("ए")
        if root != base and not _verb(root) and base.endswith("े") and _verb(base):
            return VerbWord(base, base, "future", gender, plural, perfective=False)  # ले, दे: लेगा, देंगी
        if root != base or base.endswith("ो"):
            return VerbWord(root, base, "future", gender, plural, perfective=False) if _verb(root) else None
    return None


def _ending(word: str) -> VerbWord | None:
    """A perfective (बना, बनाई), habitual (खुलता) or auxiliary (रहा, सकती, था)."""
    for pattern in ("glide", "plain"):
        for (gender, plural), ending in _FORMS[pattern].items():
            if not word.endswith(ending):
                continue
            stem = word[: -len(ending)]
            if pattern == "plain" and stem.endswith("त") and _verb(stem[:-1]):
                return VerbWord(stem[:-1], stem, "plain", gender, plural, perfective=False)
            consonant = ends_in_consonant(stem)
            one_consonant = consonant and len(stem) == 1 and stem not in _AUXILIARY_STEMS  # से is no verb
            if (pattern == "plain") == consonant and not one_consonant and _verb(stem):
                perfective = stem not in _AUXILIARY_STEMS and stem not in ("रह", "सक")
                return VerbWord(stem, stem, pattern, gender, plural, perfective=perfective)
    return None


@lru_cache(maxsize=1 << 16)
def infinitive(word: str) -> bool:
    """``word`` is an oblique infinitive (करने, होने, आने), as before के बाद or में."""
    return (len(word) > 3 or word == "आने") and word.endswith("ने") and _verb(word[:-2])


@lru_cache(maxsize=1 << 16)
def bare_root(word: str, following: str | None) -> bool:
    """``word`` is a verb's bare root that makes one group with ``following`` (खुल रहा,
    हो गया, बना सकती)."""
    if not following:
        return False
    return follows_bare_root(following) and may_be_root(word)


def follows_bare_root(word: str) -> bool:
    """``word`` is a verb word that may follow a bare root in its group (रहा, गया, सकती)."""
    after = verb_word(word)
    return after is not None and after.root in _AFTER_BARE_ROOT


@lru_cache(maxsize=1 << 16)
def may_be_root(word: str) -> bool:
    """``word`` may be a verb's bare root: :func:`bare_root` is false before any word otherwise."""
    return _verb(aw.normal(word))


def perfective_form(root: str, gender: Gender, plural: bool) -> str:
    """The perfective participle of ``root`` (रख -> रखे, बना -> बनाई, कर -> किए)."""
    pattern: Pattern = "plain" if ends_in_consonant(root) else "glide"
    return VerbWord(root, root, pattern, "m", False, perfective=True).inflect(gender, plural)


#: Subjunctive endings after a consonant root (रखें) and after a vowel (बनाएं, बनायें).
_SUBJUNCTIVE_ENDINGS = (("यें", False), ("येँ", False), ("ें", True), ("एं", False), ("एँ", False))
#: Roots whose subjunctive before जाना is a compound, not a passive (ले जाएं, आएं जाएं).
_NOT_PASSIVE = frozenset({"ले", "आ", "जा"})


@lru_cache(maxsize=1 << 16)
def subjunctive_root(word: str) -> str | None:
    """The root of a plural subjunctive of a transitive verb (रखें -> रख, बनाएं -> बना,
    दें -> दे), that a passive could take by mistake for its participle."""
    if word == "दें":
        return "दे"
    for ending, after_consonant in _SUBJUNCTIVE_ENDINGS:
        root = word.removesuffix(ending)
        if root == word or not root or ends_in_consonant(root) != after_consonant:
            continue
        transitive = root in aw.TRANSITIVE_ROOTS or root.endswith("ा")
        return root if transitive and root not in _NOT_PASSIVE and _verb(root) else None
    return None
