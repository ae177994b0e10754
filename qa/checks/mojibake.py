"""UTF-8 Hindi decoded with the wrong code page, repaired one paragraph at a time.

Devanagari is ``E0 A4 xx`` / ``E0 A5 xx`` in UTF-8, so each wrong code page turns
every letter into the same three-character signature ("à¤¹", "рд╣", "เคน",
"‡§π"). ftfy repairs cp1252, Latin-1, cp1251 and Mac Roman; cp866 (DOS Cyrillic)
and cp874 (Thai) are undone here by re-encoding the signature runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from qa.checks.legacy import clip
from qa.checks.unicode_chars import PerDocument
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

CODECS = ("cp1252", "cp1251", "cp866", "cp874", "mac_roman")
FTFY_MISSES = ("cp866", "cp874")
#: Consecutive mis-decoded Devanagari letters needed before a run counts (3 = a short word).
MIN_LETTERS = 3


@cache
def _decoding(codec: str) -> dict[int, str]:
    """Byte -> the characters it may have become (0x80-0xFF).

    A byte the code page leaves undefined survives as a C1 control, or as its
    cp1252 character once some tool "fixed" the control.
    """
    table = {}
    for byte in range(0x80, 0x100):
        try:
            table[byte] = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            table[byte] = chr(byte) + bytes([byte]).decode("cp1252", "ignore")
    return table


@cache
def _encoding(codec: str) -> dict[str, int]:
    return {ch: byte for byte, chars in _decoding(codec).items() for ch in chars}


def _class(chars: str) -> str:
    return "[" + "".join(regex.escape(c) for c in sorted(set(chars))) + "]"


@cache
def _letter(codec: str) -> regex.Pattern[str]:
    """One mis-decoded Devanagari letter: three characters."""
    table = _decoding(codec)
    continuation = _class("".join(table[b] for b in range(0x80, 0xC0)))
    return regex.compile(_class(table[0xE0]) + _class(table[0xA4] + table[0xA5]) + continuation)


def _signature() -> regex.Pattern[str]:
    parts = []
    for codec in CODECS:
        table = _decoding(codec)
        letter = _class(table[0xE0]) + _class(table[0xA4] + table[0xA5])
        # Half-repaired copy keeps real marks between letters ("เคช्เคฐ").
        parts.append(f"(?:{letter}.[\\u0900-\\u097f]?){{{MIN_LETTERS - 1}}}{letter}")
    parts.append(r"(?:Ã\u00a0Â[¤¥]Â?.){2}")  # UTF-8 encoded twice
    return regex.compile("|".join(parts), regex.S)


SIGNATURE = _signature()
#: What byte E0 (the first byte of every Devanagari letter) becomes in each code page.
_LEADS = frozenset(ch for codec in CODECS for ch in _decoding(codec)[0xE0]) | {"Ã"}


def _undo(text: str, codec: str) -> str:
    encode = _encoding(codec)
    return _letter(codec).sub(lambda m: bytes(encode[c] for c in m.group()).decode("utf-8", "replace"), text)


def repair(text: str) -> str:
    """``text`` with every mis-decoded Devanagari run put back.

    The code pages ftfy does not know go first (ftfy would reinterpret their C1
    controls); then ftfy; then the table for whatever is left.
    """
    import ftfy  # costs ~0.1 s to import: only when a paragraph is damaged

    for codec in FTFY_MISSES:
        text = _undo(text, codec)
    text = ftfy.fix_encoding(text)
    for codec in CODECS:
        if SIGNATURE.search(text) is None:
            break
        text = _undo(text, codec)
    return text


class Mojibake(Rule):
    """One error per damaged paragraph, with the repaired stretch as the suggestion."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        if not any(lead in text for lead in _LEADS) or SIGNATURE.search(text) is None:
            return
        for para_start, para_end in ctx.document.paragraphs:
            if SIGNATURE.search(text, para_start, para_end) is None:
                continue
            spans = [m.span() for c in CODECS for m in _letter(c).finditer(text, para_start, para_end)]
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            original = text[start:end]
            fixed = repair(original)
            if fixed != original:
                yield self.replace(start, end, fixed, self.meta.message.format(fixed=clip(fixed)))


#: Punctuation and signs that UTF-8 turns into two or three bytes and Windows-1252 into
#: "â€…" or "Â…" soup (° becomes "Â°", ₹ "â‚¹").
PUNCTUATION = "“”‘’—–…•′″€₹°©®·«»±"


def _punctuation_forms() -> dict[str, str]:
    """Each mis-decoded form -> the mark. A byte cp1252 leaves undefined (the 9D of ”)
    survives as a C1 control or is dropped, so both forms are listed; a form that two
    marks share goes to the first listed (” before the rare hyphen U+2010)."""
    table = _decoding("cp1252")
    forms: dict[str, str] = {}
    for mark in PUNCTUATION:
        full = "".join(table[b] for b in mark.encode("utf-8"))
        for form in (full, regex.sub(r"[\x80-\x9f]", "", full)):
            forms.setdefault(form, mark)
    return forms


PUNCTUATION_FORMS = _punctuation_forms()


class PunctuationMojibake(PerDocument):
    """Curly quotes, dashes, the ellipsis, ₹ and ° read with the wrong code page (â€œ, Â°)."""

    GUARD = frozenset("€‚Â")  # every form has one (bytes 80, 82 and C2 become €, ‚ and Â)
    PATTERN = regex.compile("|".join(map(regex.escape, sorted(PUNCTUATION_FORMS, key=len, reverse=True))))

    def replacement(self, text: str, start: int, end: int) -> str:
        return PUNCTUATION_FORMS[text[start:end]]
