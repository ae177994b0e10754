"""Legacy (pre-Unicode) Hindi font encodings: Kruti Dev 010 and Chanakya.

Text typed in these fonts is Latin-1 soup once the font is gone. The tables in
``data/legacy/<font>.tsv`` map legacy sequences to Unicode (longest match wins);
two placeholders then move into Unicode order: the short-i sign, typed before its
consonant cluster, and the reph, typed after its syllable.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex

from qa.data import data_dir, read_lines
from qa.errors import RuleDataError

FONTS = ("krutidev", "chanakya")
_PRE_I, _REPH = "\ue001", "\ue002"
_PLACEHOLDERS = {"{i}": _PRE_I, "{r}": _REPH}
_CONSONANT = r"[\u0915-\u0939\u0958-\u095f]\u093c?"
_CLUSTER = rf"(?:{_CONSONANT}\u094d)*{_CONSONANT}"
_SHORT_I = regex.compile(rf"{_PRE_I}((?:\u094d?{_CLUSTER})?)")
_REPH_AFTER = regex.compile(rf"({_CLUSTER})([\u093e-\u094c\u0901\u0902\u0903]*){_REPH}")
#: The fonts draw ॉ ो ौ as ा plus a top sign; Unicode has one character for each.
_COMPOSED = {"\u093e\u0945": "\u0949", "\u093e\u0947": "\u094b", "\u093e\u0948": "\u094c"}
_COMPOSED_SIGNS = regex.compile("|".join(_COMPOSED))
#: Chanakya text saved through Mac Roman ("∑§Ê¥ª˝‚" for ·¤æ´»ýâ): tell-tale characters.
_MAC_ROMAN = regex.compile(r"[∑Σ§Ê¥ª˝‚⁄÷]{2}|§Ê")


@cache
def _table(font: str) -> tuple[regex.Pattern[str], dict[str, str]]:
    if font not in FONTS:
        raise RuleDataError(f"unknown legacy font {font!r} (choose {', '.join(FONTS)})")
    path = data_dir() / "legacy" / f"{font}.tsv"
    mapping: dict[str, str] = {}
    for legacy, unicode in _rows(path):
        for name, mark in _PLACEHOLDERS.items():
            unicode = unicode.replace(name, mark)
        mapping[legacy] = unicode
    keys = sorted(mapping, key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, keys))), mapping


def _rows(path: Path) -> list[tuple[str, str]]:
    """``legacy<TAB>unicode`` rows; the right side may be empty (a glyph part to drop)."""
    rows = []
    for number, line in enumerate(read_lines(path, "legacy font table"), 1):
        if not line or line.startswith("# "):
            continue
        legacy, tab, unicode = line.partition("\t")
        if not tab or not legacy:
            raise RuleDataError(f"{path}:{number}: expected legacy<TAB>unicode")
        rows.append((legacy, unicode))
    return rows


def convert(text: str, font: str) -> str:
    """``text`` typed in a legacy ``font`` (see :data:`FONTS`) as Unicode Devanagari."""
    pattern, mapping = _table(font)
    if font == "chanakya" and _MAC_ROMAN.search(text):
        text = from_mac_roman(text)
    text = pattern.sub(lambda m: mapping[m.group()], text)
    text = _SHORT_I.sub(lambda m: _short_i(m.group(1)), text)
    text = _REPH_AFTER.sub(r"र्\1\2", text)
    text = text.replace(_PRE_I, "\u093f").replace(_REPH, "र्")
    return _COMPOSED_SIGNS.sub(lambda m: _COMPOSED[m.group()], text)


def _short_i(cluster: str) -> str:
    """The short-i sign after its cluster (a leading virama belongs to the previous letter)."""
    if cluster.startswith("\u094d"):
        return "\u094d" + cluster[1:] + "\u093f"
    return cluster + "\u093f"


def from_mac_roman(text: str) -> str:
    """Undo a Mac Roman round trip of cp1252 legacy bytes, character by character."""
    out = []
    for ch in text.replace("Σ", "∑"):
        try:
            out.append(ch.encode("mac_roman").decode("cp1252"))
        except UnicodeError:
            out.append(ch)
    return "".join(out)
