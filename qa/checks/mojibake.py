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
            spans = spans or [m.span() for m in SIGNATURE.finditer(text, para_start, para_end)]  # twice
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            original = text[start:end]
            fixed = repair(original)
            if fixed != original:
                yield self.replace(start, end, fixed, self.meta.message.format(fixed=clip(fixed)))


#: The marks copy carries most (quotes, dashes, the ellipsis, currency signs).
COMMON = "“”‘’—–…•′″€₹"
#: Every mark whose damaged forms are recognised: the common ones, Latin-1 signs and
#: letters (° "Â°", é "Ã©", no-break space excluded: U+00A0 has its own rule), general
#: punctuation (zero-width and directional marks included), currency signs and ™.
MARKS = COMMON + "".join(
    chr(c) for c in (*range(0xA1, 0x100), *range(0x2000, 0x2070), *range(0x20A0, 0x20C0), 0x2122)
)


def _mark_forms() -> dict[str, str]:
    """Each damaged form -> its mark: the UTF-8 bytes read as cp1252 (an undefined byte
    kept as a C1 control, or dropped when the rest is still unambiguous) or as Latin-1."""
    table = _decoding("cp1252")
    forms: dict[str, str] = {}
    dropped: dict[str, set[str]] = {}
    for mark in MARKS:
        data = mark.encode("utf-8")
        full = "".join(table[b] for b in data)
        forms.setdefault(full, mark)
        forms.setdefault(data.decode("latin-1"), mark)
        dropped.setdefault(regex.sub(r"[\x80-\x9f]", "", full), set()).add(mark)
    for form, marks in dropped.items():
        if len(marks) == 1 and len(form) > 1:
            forms.setdefault(form, marks.pop())
    return forms


MARK_FORMS = _mark_forms()
#: A bare "â€" is a mark whose last byte was lost; before a space or punctuation it
#: closes a quote (”); before a letter it may have been a joiner, so it is left alone.
_LOST_CLOSING_QUOTE = "â€"
#: Characters that lead the forms of text damaged twice ("Ã¢â‚¬Å“"): ftfy's business.
_TWICE = frozenset("ÃÂÅÆË")


@cache
def _forms() -> regex.Pattern[str]:
    """Every damaged form, longest first (compiled on first need: most copy has none)."""
    forms = "|".join(map(regex.escape, sorted(MARK_FORMS, key=len, reverse=True)))
    return regex.compile(f"{forms}|{_LOST_CLOSING_QUOTE}(?=[\\s\\p{{P}}]|\\Z)")


class PunctuationMojibake(PerDocument):
    """Quotes, dashes, signs and accented letters read with the wrong code page (â€œ, Â°, Ã©)."""

    GUARD = frozenset("€‚„ÂÃ\x80\x81\x82\x83\x84")  # bytes 80-84, C2, C3 as cp1252 or Latin-1

    def matches(self, ctx: Context) -> list[regex.Match[str]]:
        """Not in a paragraph of damaged Devanagari (U032 repairs it whole), not in text
        damaged twice."""
        text = ctx.text
        damaged = (
            [
                (start, end)
                for start, end in ctx.document.paragraphs
                if SIGNATURE.search(text, start, end) is not None
            ]
            if any(lead in text for lead in _LEADS)
            else []
        )
        return [
            m
            for m in _forms().finditer(text)
            if not _TWICE & set(text[max(0, m.start() - 2) : m.start()])
            and not any(start <= m.start() < end for start, end in damaged)
        ]

    def replacement(self, text: str, start: int, end: int) -> str:
        return MARK_FORMS.get(text[start:end], "”")
