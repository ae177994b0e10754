"""Synthetic slips injected into news copy: recall per class, and where the new findings land.

One slip is injected into each sampled sentence of the news corpus; the sentence is
checked before and after (warnings and errors of the T family, and of the codes
:data:`CHECKED_WITH` adds for a class whose slip another family reports). A case is *detected* when
a finding overlaps the injected word; the findings that are new after the injection
are *on target* when they overlap it. Tune on one month, measure on the other:
``--month MAR`` (tuning) or ``--month APR`` (the default, held out).

Each class is one function ``(sentence, rng) -> Injection | None`` in :data:`CLASSES`;
add a class by writing one more such function.

Usage: python bench/eval_injection.py [--month APR|MAR] [--sentences N] [--show CLASS] [--ignore CODE]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa import api, lexicon
from qa.checks import clauses
from qa.checks.real_word_twins import twin_pairs
from qa.checks.solid_postposition import SOLID
from qa.checks.spelling import INITIAL_LENGTH
from qa.checks.verb_forms import bare_root, verb_word
from qa.config import Config
from qa.diagnostic import Diagnostic, Severity
from qa.text.akshara import SIBILANTS, VOWEL_SIGNS, aksharas
from qa.text.tokenize import sentences, word_spans

from corpora import news_documents

#: The function words a stray keystroke lands on (the brief of issue 13).
FUNCTION_WORDS = frozenset(
    ["के", "की", "का", "को", "से", "ने", "पर", "में", "है", "हैं", "था", "थे", "तो", "भी", "ही", "और", "या"]
)
#: Stray letters: the consonants a Hindi keyboard puts under the fingers most.
STRAY = "कखगचजटडतदधनपबभमयरलवशसह"


@dataclass(frozen=True)
class Injection:
    """A sentence with one slip: the slip's span in it and the word the writer meant."""

    sentence: str
    span: tuple[int, int]
    intended: str


def _function_word(sentence: str, rng: random.Random) -> tuple[str, int] | None:
    found = [(w, s) for w, s in word_spans(sentence) if w in FUNCTION_WORDS]
    return rng.choice(found) if found else None


def _replace(sentence: str, start: int, word: str, wrong: str) -> Injection:
    text = sentence[:start] + wrong + sentence[start + len(word) :]
    return Injection(text, (start, start + len(wrong)), word)


def stray_letter(sentence: str, rng: random.Random) -> Injection | None:
    """A consonant typed after a function word (के -> केस), or between its letters (पर -> पतर)."""
    picked = _function_word(sentence, rng)
    if picked is None:
        return None
    word, start = picked
    inner = [i for i in range(1, len(word)) if "\u0915" <= word[i] <= "\u0939"]
    at = rng.choice(inner) if inner and rng.random() < 0.5 else len(word)
    return _replace(sentence, start, word, word[:at] + rng.choice(STRAY) + word[at:])


def doubled_letter(sentence: str, rng: random.Random) -> Injection | None:
    """One letter or sign of a function word typed twice (के -> कके, केे; पर -> परर)."""
    picked = _function_word(sentence, rng)
    if picked is None:
        return None
    word, start = picked
    at = rng.randrange(len(word))
    return _replace(sentence, start, word, word[: at + 1] + word[at:])


# Slips inside ordinary words. The word must be one both sources know (wordfreq Zipf >= 3,
# five sightings in the counted prose), so that a miss is qa's, not the lexicon's; the slip
# must make a form no source attests (for a dropped ड़/ढ़ nukta: or one edited prose has far
# more rarely than the right word, as the web's बढती).
_LENGTH_SWAP = {"ि": "ी", "ी": "ि", "ु": "ू", "ू": "ु", "े": "ै", "ै": "े", "ो": "ौ", "ौ": "ो"}
_MALFORMED = regex.compile(
    r"^[\u093e-\u094d\u0901-\u0903\u093c]|[\u093e-\u094c\u0904-\u0914][\u093e-\u094c\u093c]"
)


def _common(word: str, min_aksharas: int) -> bool:
    zipf = lexicon.corpus_zipf().get(word, 0.0)
    return lexicon.web_zipf().get(word, 0.0) >= 3.0 and zipf >= 3.3 and len(aksharas(word)) >= min_aksharas


def _unattested(wrong: str) -> bool:
    return not lexicon.attested(wrong) and not _MALFORMED.search(wrong)


def _inside_word(
    sentence: str, rng: random.Random, min_aksharas: int, variants: Callable[[str], list[str]]
) -> Injection | None:
    words = [(w, s) for w, s in word_spans(sentence) if _common(w, min_aksharas)]
    rng.shuffle(words)
    for word, start in words:
        options = variants(word)
        if options:
            return _replace(sentence, start, word, rng.choice(options))
    return None


def vowel_length(sentence: str, rng: random.Random) -> Injection | None:
    """A vowel sign for its long or short twin, or e/ai, o/au (संक्रमीत, कौरोना)."""
    return _inside_word(
        sentence,
        rng,
        3,
        lambda w: [
            v
            for i, c in enumerate(w)
            if c in _LENGTH_SWAP and _unattested(v := w[:i] + _LENGTH_SWAP[c] + w[i + 1 :])
        ],
    )


def flap_nukta(sentence: str, rng: random.Random) -> Injection | None:
    """The nukta of ड़/ढ़ dropped (बढ़ती -> बढती, छिड़काव -> छिडकाव)."""

    def drops(word: str) -> list[str]:
        out = []
        for i in range(1, len(word)):
            if word[i] == "\u093c" and word[i - 1] in "डढ":
                wrong = word[:i] + word[i + 1 :]
                if _unattested(wrong) or lexicon.commoner_by(word, wrong) >= 0.5:
                    out.append(wrong)
        return out

    return _inside_word(sentence, rng, 2, drops)


def nasal_or_halant(sentence: str, rng: random.Random) -> Injection | None:
    """A dropped anusvara, chandrabindu or halant (संपर्क -> संपरक, आंकड़ों -> आकड़ों)."""
    return _inside_word(
        sentence,
        rng,
        3,
        lambda w: [v for i, c in enumerate(w) if c in "ंँ्" and _unattested(v := w[:i] + w[i + 1 :])],
    )


def letter_dropped_or_swapped(sentence: str, rng: random.Random) -> Injection | None:
    """One letter dropped, or two neighbours swapped, in a word of four aksharas or more."""

    def slips(word: str) -> list[str]:
        out = [word[:i] + word[i + 1 :] for i in range(1, len(word))]
        out += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)]
        return [v for v in out if v != word and _unattested(v)]

    return _inside_word(sentence, rng, 4, slips)


def doubled_consonant(sentence: str, rng: random.Random) -> Injection | None:
    """A consonant letter typed twice in a word of three aksharas or more (कंपनी ->
    कंपननी, पुलिस -> पुलिसस): a key struck twice, the doubled letter with no sign or
    halant after its first copy."""

    def slips(word: str) -> list[str]:
        out = []
        for i, c in enumerate(word):
            if "\u0915" <= c <= "\u0939" and word[i + 1 : i + 2] not in ("\u094d", "\u093c"):
                out.append(word[: i + 1] + c + word[i + 1 :])
        return [v for v in out if _unattested(v)]

    return _inside_word(sentence, rng, 3, slips)


def sibilant(sentence: str, rng: random.Random) -> Injection | None:
    """One sibilant for another in a word of three aksharas or more (प्रशासन -> प्रशाशन,
    कोशिश -> कोशिस), making a form edited prose never has (the web lists may: the slip is
    common)."""
    return _inside_word(
        sentence,
        rng,
        3,
        lambda w: [
            v
            for i, c in enumerate(w)
            if c in SIBILANTS
            for other in SIBILANTS
            if other != c and (v := w[:i] + other + w[i + 1 :]) not in lexicon.corpus_zipf()
        ],
    )


#: A run of consonants (with nukta and halant) that ends in a consonant.
_CONSONANT_RUN = regex.compile(r"(?:[\u0915-\u0939]\u093c?\u094d?)*[\u0915-\u0939]\u093c?(?!\u094d)")


def _moved_signs(word: str, far: bool) -> list[str]:
    """``word`` with one vowel sign typed on the other side of a conjunct next to it
    (शक्ति -> शिक्त, पुस्तक -> पस्तुक) or, ``far``, of a conjunct and the bare consonants
    beside it (ओंकारेश्वर -> ओंकारश्वरे, पारम्परिक -> परम्पारिक)."""
    out = []
    for m in _CONSONANT_RUN.finditer(word):
        parts, start, end = aksharas(m.group()), m.start(), m.end()
        after = word[end : end + 1]
        for k in range(1, len(parts) + 1):
            head, tail = "".join(parts[:k]), "".join(parts[k:])
            if after in VOWEL_SIGNS and tail and (len(parts) - k > 1) == far and "\u094d" in tail:
                out.append(word[:start] + head + after + tail + word[end + 1 :])  # typed before the run
            before = word[start - 1 : start]
            if (
                before in VOWEL_SIGNS
                and (k > 1) == far
                and "\u094d" in head
                and (tail or after not in VOWEL_SIGNS)
            ):
                out.append(word[: start - 1] + head + before + tail + word[end:])  # typed after it
    return [v for v in out if _unattested(v)]


def moved_sign(sentence: str, rng: random.Random) -> Injection | None:
    """A vowel sign typed on the other side of a conjunct (शक्ति -> शिक्त, प्रक्षेपण -> प्रेक्षपण)."""
    return _inside_word(sentence, rng, 3, lambda w: _moved_signs(w, far=False))


def moved_sign_far(sentence: str, rng: random.Random) -> Injection | None:
    """A vowel sign typed across a conjunct and a bare consonant (पारम्परिक -> परम्पारिक)."""
    return _inside_word(sentence, rng, 3, lambda w: _moved_signs(w, far=True))


def moved_nasal(sentence: str, rng: random.Random) -> Injection | None:
    """An anusvara typed after the next akshara or before the last (संहिता -> सहिंता,
    आंकड़ों -> आकंड़ों), in a word of three aksharas or more."""

    def slips(word: str) -> list[str]:
        out = []
        for i, ch in enumerate(word):
            if ch != "\u0902":
                continue
            bare = word[:i] + word[i + 1 :]
            for j in (i - 2, i - 1, i + 1, i + 2):  # past a consonant, or a consonant and its sign
                if 0 < j <= len(bare) and bare[j - 1] not in "\u094d" and bare[j : j + 1] not in VOWEL_SIGNS:
                    out.append(bare[:j] + ch + bare[j:])
        return [v for v in out if v != word and _unattested(v)]

    return _inside_word(sentence, rng, 3, slips)


def dropped_vowel_sign(sentence: str, rng: random.Random) -> Injection | None:
    """A vowel sign left out inside a word of three aksharas (बताया -> बतया, चाहिए -> चाहए)."""

    def slips(word: str) -> list[str]:
        if len(aksharas(word)) != 3:
            return []
        out = [word[:i] + word[i + 1 :] for i in range(1, len(word) - 1) if word[i] in VOWEL_SIGNS]
        return [v for v in out if _unattested(v)]

    return _inside_word(sentence, rng, 3, slips)


def final_vowel(sentence: str, rng: random.Random) -> Injection | None:
    """A word's final long independent vowel written short (हुई -> हुइ, लखनऊ -> लखनउ), a
    form that web lists and even edited prose may count."""
    short = {"ई": "इ", "ऊ": "उ"}
    return _inside_word(sentence, rng, 2, lambda w: [w[:-1] + short[w[-1]]] if w[-1] in short else [])


@cache
def _slips_of() -> dict[str, list[str]]:
    """A common word -> the listed short words one sign from it (T033's pairs: सीता/सिता)."""
    out: dict[str, list[str]] = {}
    for wrong, right in twin_pairs().items():
        out.setdefault(right, []).append(wrong)
    return out


def real_word_twin(sentence: str, rng: random.Random) -> Injection | None:
    """A short content word written as its rarer one-sign twin that is itself a listed
    word (दूर -> दुर, पूरा -> पुरा, ताकि -> ताकी, दिया -> दीया)."""
    return _inside_word(sentence, rng, 2, lambda w: sorted(_slips_of().get(w, ())))


def pronoun_for_postposition(sentence: str, rng: random.Random) -> Injection | None:
    """The postposition में after a word typed as the pronoun मैं (राजधानी में -> राजधानी मैं)."""
    spans = word_spans(sentence)
    found = [s for (w, s), (before, _) in zip(spans[1:], spans, strict=False) if w == "में" and before != "में"]
    return _replace(sentence, rng.choice(found), "में", "मैं") if found else None


def solid_ne(sentence: str, rng: random.Random) -> Injection | None:
    """ने written onto the noun before it (चीन ने -> चीनने), where that noun is no pronoun
    Hindi writes solid with a postposition (उसने, किसीने)."""
    spans = word_spans(sentence)
    found = [
        (word, start)
        for (word, start), (after, at) in pairwise(spans)
        if after == "ने" and at == start + len(word) + 1 and word not in SOLID and _DEVANAGARI.fullmatch(word)
    ]
    if not found:
        return None
    word, start = rng.choice(found)
    return _replace(sentence, start, word + " ने", word + "ने")


_DEVANAGARI = regex.compile(r"\p{Devanagari}+")
#: A plural future's ending and its singular (करेंगे -> करेगा, जाएंगी -> जाएगी).
_PLURAL_FUTURE = regex.compile(r"(?<=\p{Devanagari})(ें|एं)(गे|गी)$")


def verb_number(sentence: str, rng: random.Random) -> Injection | None:
    """A plural future typed in the singular (सभी विधायक शपथ लेंगे -> लेगा): every plural
    future agrees with a plural or honorific subject, so its singular is a slip."""
    found = [(word, start) for word, start in word_spans(sentence) if _PLURAL_FUTURE.search(word)]
    if not found:
        return None
    word, start = rng.choice(found)
    return _replace(sentence, start, word, _PLURAL_FUTURE.sub(_singular_future, word))


def _singular_future(match: regex.Match[str]) -> str:
    return ("े" if match[1] == "ें" else "ए") + ("गा" if match[2] == "गे" else "गी")


def verb_gender(sentence: str, rng: random.Random) -> Injection | None:
    """A verb group in the singular typed in the other gender (पुलिस जांच कर रही है -> कर रहा
    है, फ़ैसला सुनाया गया -> सुनाई गई): the group ending a clause agrees with its subject, or
    after ने with its object, or takes the masculine default, so the other gender is a slip."""
    tokens = clauses.tokens(sentence, 0, len(sentence))
    groups = [
        group
        for j in range(len(tokens))
        if _group_starts(tokens, j)
        and (group := clauses.verb_group(tokens, j)) is not None
        and not any(verb.plural for _, verb in group.gendered)
        and len({verb.gender for _, verb in group.gendered}) == 1
    ]
    if not groups:
        return None
    group = rng.choice(groups)
    other = "f" if group.gendered[0][1].gender == "m" else "m"
    found = clauses.rewrite(sentence, tokens, group, other, False)
    text = sentence[: found.start] + found.right + sentence[found.end :]
    return Injection(text, (found.start, found.start + len(found.right)), found.written)


def _group_starts(tokens: list[clauses.Token], j: int) -> bool:
    """A verb group may start at slot ``j``: the word before is no verb word (nor a root
    that makes one group with it)."""
    if j == 0 or tokens[j - 1].kind != "word":
        return True
    before = tokens[j - 1].normal
    return verb_word(before) is None and not bare_root(before, tokens[j].normal)


def _rare(wrong: str) -> bool:
    """A slip that makes no common word (जाति -> जाती would): the web list may count it
    (शांती), but not at Zipf 4."""
    return lexicon.prior(wrong) < 4.0


def tatsam_i(sentence: str, rng: random.Random) -> Injection | None:
    """A tatsam noun's final short i written long (शांति -> शांती, प्रगति -> प्रगती), whether
    or not the web lists the slip (round 13)."""
    return _inside_word(
        sentence, rng, 2, lambda w: [w[:-1] + "ी"] if w.endswith("ि") and _rare(w[:-1] + "ी") else []
    )


#: An initial i or u and its other length (round 13's class; T030 reads a, e and o too).
_I_U_LENGTH = {first: other for first, other in INITIAL_LENGTH.items() if first in "इईउऊ"}


def initial_vowel(sentence: str, rng: random.Random) -> Injection | None:
    """An initial independent i or u of the other length in a word of three aksharas or
    more (ऊपर -> उपर, इलाज -> ईलाज), attested or not (round 13)."""
    return _inside_word(
        sentence,
        rng,
        3,
        lambda w: (
            [_I_U_LENGTH[w[0]] + w[1:]] if w[:1] in _I_U_LENGTH and _rare(_I_U_LENGTH[w[0]] + w[1:]) else []
        ),
    )


def _misspelt_r(word: str) -> list[str]:
    """ृ typed as a conjunct with र (मृत्यु -> म्रत्यु), a reph moved to the akshara before
    or after (वर्तमान -> वतर्मान, रिपोर्ट -> रिर्पोट), an initial आ written अ (आर्थिक -> अर्थिक)."""
    found = [word[:i] + "\u094dर" + word[i + 1 :] for i, c in enumerate(word) if c == "\u0943" and i > 0]
    if word.startswith("आ"):
        found.append("अ" + word[1:])
    parts = aksharas(word)
    for k, part in enumerate(parts):
        if not part.startswith("र\u094d") or len(part) < 3:
            continue
        for other in (k - 1, k + 1):
            if 0 <= other < len(parts) and parts[other][:1] in _CONSONANT_LETTERS:
                moved = [*parts]
                moved[k], moved[other] = part[2:], "र\u094d" + parts[other]
                found.append("".join(moved))
    return [wrong for wrong in found if _rare(wrong) and not _MALFORMED.search(wrong)]


_CONSONANT_LETTERS = frozenset(chr(c) for c in range(0x0915, 0x093A))


def misspelt_r(sentence: str, rng: random.Random) -> Injection | None:
    """A misspelt र or an initial आ written अ (:func:`_misspelt_r`), whether or not the web
    lists the slip (round 14)."""
    return _inside_word(sentence, rng, 2, _misspelt_r)


#: A participle of the aspect and light verbs right before an auxiliary (कर रहे हैं).
_BEFORE_AUXILIARY = regex.compile(
    r"(?<![\p{L}\p{M}])(रहे|चुके|पाए|आए|गए|हुए)(?=[ \t]+(?:है|हैं|था|थे)(?![\p{L}\p{M}]))"
)


def auxiliary_nasal(sentence: str, rng: random.Random) -> Injection | None:
    """A subjunctive's nasal on the participle before an auxiliary (कर रहे हैं -> कर रहें
    हैं, हो चुके हैं -> हो चुकें हैं): T038's slip (round 13)."""
    found = list(_BEFORE_AUXILIARY.finditer(sentence))
    if not found:
        return None
    match = rng.choice(found)
    return _replace(sentence, match.start(), match.group(), match.group() + "ं")


#: An imperfective participle in -ते of a verb whose infinitive is a word (करते, देखते).
_IMPERFECTIVE = regex.compile(r"(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]*)ते(?![\p{L}\p{M}])")


def imperfective_nasal(sentence: str, rng: random.Random) -> Injection | None:
    """A nasal after an imperfective's -ते (करते हैं -> करतें हैं, देखते रहे -> देखतें रहे):
    T042's slip (round 23)."""
    found = [m for m in _IMPERFECTIVE.finditer(sentence) if lexicon.known(m[1] + "ना")]
    if not found:
        return None
    match = rng.choice(found)
    return _replace(sentence, match.start(), match.group(), match.group() + "ं")


CLASSES: dict[str, Callable[[str, random.Random], Injection | None]] = {
    "stray-letter": stray_letter,
    "doubled-letter": doubled_letter,
    "vowel-length": vowel_length,
    "flap-nukta": flap_nukta,
    "nasal-or-halant": nasal_or_halant,
    "letter-dropped-or-swapped": letter_dropped_or_swapped,
    "doubled-consonant": doubled_consonant,
    "real-word-twin": real_word_twin,
    "sibilant": sibilant,
    "final-vowel": final_vowel,
    "moved-nasal": moved_nasal,
    "dropped-vowel-sign": dropped_vowel_sign,
    "moved-sign": moved_sign,
    "moved-sign-far": moved_sign_far,
    "solid-ne": solid_ne,
    "pronoun-for-postposition": pronoun_for_postposition,
    "verb-number": verb_number,
    "verb-gender": verb_gender,
    "tatsam-i": tatsam_i,
    "initial-vowel": initial_vowel,
    "auxiliary-nasal": auxiliary_nasal,
    "imperfective-nasal": imperfective_nasal,
    "misspelt-r": misspelt_r,
}


def news_passages(month: str, context: int) -> list[tuple[str, str, str]]:
    """(the text before, the sentence, the text after) for each sentence (5 to 60 words) of
    the news files of one month (MAR or APR), with ``context`` sentences of its file on
    either side: the article around a slip, for the rules that read a document's other words."""
    out = []
    for name, text in news_documents():
        if f"-{month}" not in name and not (month == "APR" and "-ARP" in name):
            continue
        spans = list(sentences(text))
        for k, (start, end) in enumerate(spans):
            sentence = text[start:end].strip()
            if 5 <= len(sentence.split()) <= 60:
                first, last = spans[max(0, k - context)][0], spans[min(len(spans) - 1, k + context)][1]
                at = text.index(sentence, start)
                out.append((text[first:at], sentence, text[at + len(sentence) : last]))
    return out


#: The codes a class is checked with besides family T: its slip is another family's.
#: Classes whose slip fits few sentences (a plural future) sample more of them.
SAMPLED = {"verb-number": 30_000}
CHECKED_WITH: dict[str, list[str]] = {"solid-ne": ["P014"], "verb-number": ["G"], "verb-gender": ["G"]}


def _config(ignore: list[str], also: list[str]) -> Config:
    config = Config()
    config.values["select"] = ["T", *also]
    config.values["ignore"] = ignore
    return config


def _findings(text: str, config: Config) -> list[Diagnostic]:
    return [d for d in api.check(text, config=config) if d.severity >= Severity.WARNING]


def _overlaps(d: Diagnostic, span: tuple[int, int]) -> bool:
    return d.start < span[1] and d.end > span[0]


def evaluate(
    name: str, sample: list[tuple[str, str, str]], config: Config, show: bool
) -> tuple[int, int, int, int, int, int]:
    """(cases, detected, real-word cases, real-word detected, new findings, new on target)."""
    make = CLASSES[name]
    rng = random.Random(f"{name}-13")
    cases = detected = real = real_hit = new = on_target = 0
    for ahead, sentence, behind in sample:
        case = make(sentence, rng)
        if case is None:
            continue
        span = (case.span[0] + len(ahead), case.span[1] + len(ahead))
        start, end = span
        shift = (end - start) - len(case.intended)
        before = {(d.code, d.start, d.end) for d in _findings(ahead + sentence + behind, config)}
        injected = ahead + case.sentence + behind
        after = _findings(injected, config)
        hit = any(_overlaps(d, span) for d in after)
        fresh = [
            d
            for d in after
            if _overlaps(d, span)
            or (d.code, d.start - (shift if d.start >= end else 0), d.end - (shift if d.start >= end else 0))
            not in before
        ]
        wrong = injected[start:end]
        cases += 1
        detected += hit
        is_real = lexicon.known(wrong)
        real += is_real
        real_hit += is_real and hit
        new += len(fresh)
        on_target += sum(_overlaps(d, span) for d in fresh)
        if show and (not hit or len(fresh) > hit):
            stray = [f"{d.code}:{injected[d.start : d.end]}" for d in fresh if not _overlaps(d, span)]
            verdict = "MISS" if not hit else "EXTRA " + " ".join(stray)
            print(f"  {verdict} {wrong} ({case.intended}) | {injected[max(0, start - 50) : end + 50]}")
    return cases, detected, real, real_hit, new, on_target


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--month", choices=("MAR", "APR"), default="APR")
    parser.add_argument(
        "--sentences", type=int, help="sentences sampled per class (default 1,500; see SAMPLED)"
    )
    parser.add_argument("--show", action="append", default=[], help="print misses and stray findings")
    parser.add_argument("--classes", nargs="*", default=list(CLASSES))
    parser.add_argument("--ignore", action="append", default=[], help="leave out this code (a before figure)")
    parser.add_argument(
        "--context",
        type=int,
        default=0,
        help="check each sentence with this many sentences of its article on either side",
    )
    args = parser.parse_args()
    pool = news_passages(args.month, args.context)
    print(f"news {args.month}: {len(pool)} sentences, {args.context} of context on either side\n")
    print("| class | cases | recall | real-word cases | recall | new findings | on the slip |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in args.classes:
        size = args.sentences or SAMPLED.get(name, 1500)
        sample = random.Random(13).sample(pool, min(size, len(pool)))
        config = _config(args.ignore, CHECKED_WITH.get(name, []))
        cases, hit, real, real_hit, new, on = evaluate(name, sample, config, name in args.show)
        row = (
            f"{cases} | {_ratio(hit, cases)} | {real} | {_ratio(real_hit, real)} | {new} | {_ratio(on, new)}"
        )
        print(f"| {name} | {row} |")


if __name__ == "__main__":
    main()
