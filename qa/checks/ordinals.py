"""Ordinal grammar: digit forms of 1–4 and 6, the missing nasal, spacing, English suffixes,
agreement with the possessive and the head noun, and ordinals on calendar dates."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property

import regex

from qa.checks import analyses
from qa.checks.agreement_words import CASE_MARKERS
from qa.checks.facts_data import load
from qa.diagnostic import Diagnostic, Edit, Severity
from qa.engine.rule import Context, Rule
from qa.text.ordinals import IRREGULAR, Ordinal, Phrases, correct_form, phrase_at, word_before, words_after
from qa.text.tokenize import DEVANAGARI

_RANGE = regex.compile(r"[0-9०-९][-–]$")
_LATIN = regex.compile(r"\p{Latin}")
_LATIN_COMPOUND = regex.compile(r"[-‐]\p{Latin}")
_LATIN_COMPOUND_BEFORE = regex.compile(r"\p{Latin}[-‐]$")
POSSESSIVES = {"का": "direct", "के": "oblique", "की": "fem"}
GENDER = {"direct": "m", "oblique": "m", "fem": "f"}
_WELL_FORMED = {"वां", "वाँ", "वें", "वीं", "वीँ"}


def _inflection_for(text: str, ordinal: Ordinal) -> str | None:
    """The inflection a possessive just before the ordinal asks for (का → वां, के → वें, की → वीं)."""
    before = word_before(text, ordinal.start)
    if before and before[0] in POSSESSIVES:
        return POSSESSIVES[before[0]]
    return None


class SmallOrdinalInDigits(Rule):
    """1–4 and 6 are written as words: 2वें → दूसरे, 1ला → पहला, 6वें → छठे."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for o in _digit_forms(ctx):
            if (
                o.kind != "digits"
                or o.value not in IRREGULAR
                or o.inflection == "none"
                or o.digits[0] in "0०"
                or _RANGE.search(text, max(0, o.start - 2), o.start)  # "5-6वें सप्ताह"
            ):
                continue
            word = correct_form(o.value, o.inflection)
            severity = self.meta.severity if o.value != 6 else Severity.WARNING
            yield self.diagnostic(
                o.start,
                o.end,
                self.meta.message.format(found=o.text, word=word),
                suggestions=(word,),
                edits=[_edit(o, word)],
                severity=severity,
            )


class MissingNasal(Rule):
    """47वा → 47वां, 47वे → 47वें, 21वी → 21वीं."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for o in _digit_forms(ctx):
            if o.kind == "digits" and o.suffix in ("वा", "वे", "वी") and o.value not in IRREGULAR:
                right = correct_form(o.value, o.inflection, o.digits)
                yield self.replace(o.start, o.end, right, self.meta.message.format(found=o.text, right=right))


class SpacedSuffix(Rule):
    """47 वें → 47वें."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for o in _digit_forms(ctx):
            if o.spaced and o.value not in IRREGULAR:
                right = f"{o.digits}{o.suffix}"
                yield self.replace(o.start, o.end, right, self.meta.message.format(found=o.text, right=right))


class EnglishSuffix(Rule):
    """47th inside Hindi copy → 47वें (the inflection follows the possessive when there is one)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for o in _digit_forms(ctx):
            if o.kind != "english" or not _in_hindi(text, o):
                continue
            inflection = _inflection_for(text, o)
            options = [inflection] if inflection else ["oblique", "direct", "fem"]
            forms = tuple(dict.fromkeys(correct_form(o.value, i, o.digits) for i in options))
            edits = [_edit(o, forms[0])] if inflection else None
            yield self.diagnostic(
                o.start,
                o.end,
                self.meta.message.format(found=o.text, right=" / ".join(forms)),
                suggestions=forms,
                edits=edits,
            )


class PossessiveAgreement(Rule):
    """ "भारत की 15वें राष्ट्रपति": the possessive and the ordinal before an office disagree."""

    @cached_property
    def offices(self) -> Phrases:
        nouns = {n for office in load().offices if not office.body for n in office.nouns}
        return Phrases(nouns | set(self.options.get("offices", ())))

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for o in analyses.ordinals(ctx):
            if o.inflection == "none" or (o.kind == "digits" and o.suffix not in _WELL_FORMED):
                continue
            before = word_before(text, o.start)
            if not before or before[0] not in POSSESSIVES or not phrase_at(text, o.end, self.offices):
                continue
            wanted = POSSESSIVES[before[0]]
            if wanted == o.inflection:
                continue
            masculine = correct_form(o.value, "oblique", o.digits)
            feminine = correct_form(o.value, "fem", o.digits)
            yield self.diagnostic(
                before[1],
                o.end,
                self.meta.message.format(
                    found=text[before[1] : o.end], masc=f"के {masculine}", fem=f"की {feminine}"
                ),
                suggestions=(f"के {masculine}", f"की {feminine}"),
            )


class HeadNounGender(Rule):
    """ "21वां सदी" → 21वीं: the ordinal takes the gender of the noun it counts."""

    @cached_property
    def genders(self) -> Mapping[str, str]:
        table = {noun: "f" for noun in self.options.get("feminine", ())}
        table.update({noun: "m" for noun in self.options.get("masculine", ())})
        return table

    @cached_property
    def heads(self) -> Phrases:
        return Phrases(self.genders)

    @cached_property
    def closers(self) -> frozenset[str]:
        return frozenset(self.options.get("closers", ()))

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for o in _digit_forms(ctx):
            if o.kind != "digits" or o.spaced or o.suffix not in _WELL_FORMED or o.value in IRREGULAR:
                continue
            head = phrase_at(text, o.end, self.heads)
            if head is None or GENDER[o.inflection] == self.genders[head[0]]:
                continue
            following = words_after(text, head[1], 1)
            if following and following[0][0] not in self.closers:
                continue  # "17वें लोकसभा चुनाव": the noun is part of a longer head
            right = self._right(text, o, self.genders[head[0]], following)
            message = self.meta.message.format(
                found=f"{o.text} {head[0]}", noun=head[0], right=" / ".join(right)
            )
            edits = [_edit(o, right[0])] if len(right) == 1 else None
            yield self.diagnostic(o.start, o.end, message, suggestions=right, edits=edits)

    @staticmethod
    def _right(text: str, o: Ordinal, gender: str, following: list[tuple[str, int, int]]) -> tuple[str, ...]:
        if gender == "f":
            return (correct_form(o.value, "fem", o.digits),)
        wanted = _inflection_for(text, o)
        if wanted is None and following and following[0][0] in CASE_MARKERS:
            wanted = "oblique"
        if wanted in ("direct", "oblique"):
            return (correct_form(o.value, wanted, o.digits),)
        return (correct_form(o.value, "direct", o.digits), correct_form(o.value, "oblique", o.digits))


_MONTHS = frozenset(
    [
        "जनवरी",
        "फरवरी",
        "फ़रवरी",
        "मार्च",
        "अप्रैल",
        "अप्रेल",
        "मई",
        "जून",
        "जुलाई",
        "अगस्त",
        "सितंबर",
        "सितम्बर",
        "अक्टूबर",
        "अक्तूबर",
        "नवंबर",
        "नवम्बर",
        "दिसंबर",
        "दिसम्बर",
    ]
)


class OrdinalDate(Rule):
    """ "15वीं अगस्त" → "15 अगस्त": dates take the cardinal (पहली जनवरी is idiomatic)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for o in _digit_forms(ctx):
            if o.kind != "digits" or o.value in IRREGULAR or not 1 <= o.value <= 31:
                continue
            following = words_after(text, o.end, 2)
            if not following or following[0][0] not in _MONTHS:
                continue
            month = following[0][0]
            if month == "मार्च" and not (
                len(following) > 1 and (following[1][0] == "को" or following[1][0].isdigit())
            ):
                continue  # "5वां मार्च" is also the fifth (protest) march
            right = f"{o.digits} {month}"
            yield self.diagnostic(
                o.start,
                following[0][2],
                self.meta.message.format(found=text[o.start : following[0][2]], right=right),
                suggestions=(right,),
                edits=[Edit(o.start, following[0][2], right)],
            )


def _digit_forms(ctx: Context) -> Iterator[Ordinal]:
    return (o for o in analyses.ordinals(ctx) if o.kind in ("digits", "english"))


def _in_hindi(text: str, o: Ordinal) -> bool:
    """True when a Devanagari word stands right before or after the ordinal and no
    Latin-script word does or is hyphened to it ("1st Place", "3rd-party" are English)."""
    if _LATIN_COMPOUND.match(text, o.end) or _LATIN_COMPOUND_BEFORE.match(text, max(0, o.start - 2), o.start):
        return False
    neighbours = [n for n in (word_before(text, o.start), *words_after(text, o.end, 1)) if n]
    return any(DEVANAGARI.match(n[0]) for n in neighbours) and not any(_LATIN.match(n[0]) for n in neighbours)


def _edit(o: Ordinal, replacement: str) -> Edit:
    return Edit(o.start, o.end, replacement)
