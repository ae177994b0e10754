"""Repairing words that a legacy-font converter left in the wrong order.

Legacy fonts type the reph (र्) after its syllable and draw "िं" as one glyph before
its consonant; a converter that misses them leaves Unicode words with a reph after a
vowel sign or a half letter (वषीर्य for वर्षीय, चाल्र्स for चार्ल्स, पाटीर् for पार्टी) and "ङ्क्ष" before a
consonant (गोङ्क्षवद for गोविंद), or for ञ्च (पङ्क्षायत). :func:`repairs` proposes the orderings a converter
should have produced; the caller decides with the lexicon which one is a word.
"""

from __future__ import annotations

import unicodedata

import regex

from qa.text.akshara import aksharas

_CONSONANT = r"[\u0915-\u0939]\u093c?"
_CLUSTER = rf"(?:{_CONSONANT}\u094d)*{_CONSONANT}"
#: "ङ्क्ष" followed by a consonant cannot be Hindi (आकाङ्क्षा has a vowel sign after it).
GLYPH_I_NASAL = regex.compile(r"ङ्क्ष(?=[\u0915-\u0939])")
_GLYPH_BEFORE = regex.compile(rf"ङ्क्ष({_CLUSTER})")
#: A reph (र्) after a letter or sign of its own syllable, where a converter leaves it:
#: before a consonant, or at the end of the word after a vowel sign (पाटीर्; a bare final
#: र् is a written halant, as in सदर्). The caller asks the lexicon whether it is misplaced.
MISPLACED_REPH = regex.compile(
    r"(?<=[\u0915-\u0939\u093c\u093e-\u094d\u0902])र्(?=[\u0915-\u0939])|(?<=[\u093e-\u094c\u0902])र्$"
)
#: How many syllables back a converter may have left the reph.
_REPH_REACH = 2


def repairs(word: str) -> list[str]:
    """Candidate repairs of ``word``, the likeliest first (empty if nothing looks misplaced)."""
    if "ङ्क्ष" in word:
        return _glyph_repairs(word)
    found: list[str] = []
    for m in MISPLACED_REPH.finditer(word):
        found.extend(_reph_repairs(word[: m.start()], word[m.end() :]))
    return found


def _glyph_repairs(word: str) -> list[str]:
    """ङ्क्ष + consonant cluster read as the cluster + "िं" (गोविंद); elsewhere as "ञ्च" in
    either spelling (पङ्क्षायत for पंचायत; आकाङ्क्षा stays, as no reading of it is a word)."""
    readings = [word.replace("ङ्क्ष", "ञ्च"), word.replace("ङ्क्ष", "ंच")]
    if GLYPH_I_NASAL.search(word):
        return [_GLYPH_BEFORE.sub("\\1\u093f\u0902", word), *readings]
    return readings


def _reph_repairs(before: str, after: str) -> list[str]:
    """The reph moved to the start of each of the last syllables before it."""
    syllables = aksharas(before)
    found = []
    for back in range(1, min(_REPH_REACH, len(syllables) - 1) + 1):  # never word-initial
        head, tail = "".join(syllables[:-back]), "".join(syllables[-back:])
        found.append(unicodedata.normalize("NFC", head + "र्" + tail + after))
    return found
