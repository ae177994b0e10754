"""Recognising text typed in a legacy Hindi font (signature scoring, no dictionary of Hindi).

Kruti Dev text is ASCII soup ("Hkkjr ljdkj us vkt"); Chanakya text is Latin-1 soup
("·¤æ´»ýðâ ·¤æð"). Ordinary English, names, URLs, hashtags and numbers must never
score: Kruti needs its own frequent words or letter shapes on most tokens *and* few
English words; Chanakya needs a dense run of its vowel-sign characters.
"""

from __future__ import annotations

import regex

#: The commonest Hindi words as Kruti Dev types them (का के की है हैं में से ने को कि …).
KRUTI_WORDS = frozenset(
    [
        "dk",
        "ds",
        "dh",
        "gS",
        "gSa",
        "esa",
        "ls",
        "us",
        "dks",
        "fd",
        "vkSj",
        "Hkh",
        "ij",
        ";g",
        "og",
        "Fkk",
        "Fks",
        "fy,",
        "ugha",
        "dj",
        "Hkkjr",
        "ljdkj",
        "ns'k",
        "Fkh",
        "gks",
        "x;k",
        "x;s",
        "x;h",
        "vki",
        ";s",
        "os",
        "rd",
        "fy;k",
        "fd;k",
        "djs",
        "tks",
        ",d",
        "nks",
        "rhu",
    ]
)
#: Letter shapes of Kruti Dev that English and romanised Hindi do not make:
#: a consonant glyph followed by "k" (the aa-sign) and another letter, ";" or "." or "'"
#: inside a word, the short-i "f" before a capital, a reph "Z" after a small letter.
_KRUTI_SHAPE = regex.compile(
    r"[bcdfghjlmnpqrtvwxyz]k[bcdfghjlmnpqrstvwxyz;]|[A-Z]k[a-z;]|kk"
    r"|[a-zA-Z][;.'\"\[{=]k|[a-z];[a-zA-Z]|\bf[A-Z]|[a-z]Z|[a-z]sa\b"
)
_TOKEN = regex.compile(r"[^\s]+")
_LATIN_LETTERS = regex.compile(r"[A-Za-z]")
_DEVANAGARI = regex.compile(r"\p{Devanagari}")
#: Chanakya's vowel signs and consonants on Latin-1 code points (cp1252 rendering) and
#: the Mac Roman rendering of the same bytes.
_CHANAKYA = regex.compile(r"[æçèéêðñô´¤·»ÚÌÖ×ÂÕÙØÜßâãÁÅÇÎÏÍÈ¿üý÷Ð]|[∑§Ê¥ª˝‚⁄÷Ã]")
_CHANAKYA_CORE = regex.compile(r"·¤|æ|ð|§Ê|Ê")
#: Tokens that are not words: URLs, handles, hashtags, numbers, command-line options.
_URLISH = regex.compile(r"[@#/]|\.(?:com|in|org|net)\b|^\p{N}|^-\p{L}")


def kruti_score(text: str) -> float:
    """Share of word tokens that look like Kruti Dev.

    0 for text with much Devanagari, and for text without the frequent Kruti words
    (one, plus one per eight tokens).
    """
    letters = len(_LATIN_LETTERS.findall(text))
    if letters < 8 or len(_DEVANAGARI.findall(text)) > letters / 4:
        return 0.0
    tokens = [t for t in _TOKEN.findall(text) if _LATIN_LETTERS.search(t) and not _URLISH.search(t)]
    if len(tokens) < 3:
        return 0.0
    words = sum(1 for t in tokens if t.strip("-]&A,") in KRUTI_WORDS)
    if words < 1 + len(tokens) // 8:
        return 0.0  # real Kruti text is full of का के की है में …
    hits = sum(1 for t in tokens if t.strip("-]&A,") in KRUTI_WORDS or _KRUTI_SHAPE.search(t))
    return hits / len(tokens)


def chanakya_score(text: str) -> float:
    """Share of non-space characters that are Chanakya glyph codes."""
    chars = len(text) - text.count(" ")
    found = len(_CHANAKYA.findall(text))
    if found < 4 or _CHANAKYA_CORE.search(text) is None:
        return 0.0
    return found / max(chars, 1)


def detect(text: str, *, kruti_min: float = 0.5, chanakya_min: float = 0.3) -> str | None:
    """``"krutidev"``, ``"chanakya"`` or None for one paragraph."""
    if chanakya_score(text) >= chanakya_min:
        return "chanakya"
    if kruti_score(text) >= kruti_min and not _english(text):
        return "krutidev"
    return None


def _english(text: str) -> bool:
    """Most words are English words (wordfreq), so the Latin text is real English."""
    from wordfreq import zipf_frequency

    words = [w.lower() for w in regex.findall(r"[A-Za-z]{3,}", text)]
    if not words:
        return False
    known = sum(1 for w in words if zipf_frequency(w, "en") >= 3.0)
    return known / len(words) >= 0.4
