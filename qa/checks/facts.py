"""Fact checks: office ordinals against the dated fact base, and counts derived from the date.

A *claim* links, within one sentence, an ordinal, an office noun right after it (with the
place that owns the office nearby) and a holder's name: the name in apposition
("16वें प्रधानमंत्री नरेंद्र मोदी") or, when the office phrase is predicative ("… के रूप में",
"… हैं"), the nearest name before it ("ट्रंप ने अमेरिका के 47वें राष्ट्रपति के रूप में").
Pronouns are never resolved: without a name there is no claim.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from qa.checks import analyses
from qa.checks.facts_data import Dated, Office, extra_paths
from qa.checks.facts_index import (
    GENERIC_PLACES,
    DatedIndex,
    FactIndex,
    Mention,
    dated_index,
    index,
)
from qa.checks.weekdays import dates_in
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text.ordinals import IRREGULAR, Ordinal, Phrases, correct_form, phrase_at, word_before, words_after
from qa.text.tokenize import NOT_WORD, NOT_WORD_AFTER

#: Words after an office phrase that make it a predicate of a name said before it.
PREDICATES = frozenset(
    [
        "हैं",
        "है",
        "थे",
        "था",
        "थीं",
        "थी",
        "बने",
        "बनीं",
        "बनी",
        "बना",
        "बनेंगे",
        "बनेंगी",
        "होंगे",
        "होंगी",
        "रहे",
        "रहीं",
        "चुने",
        "चुनी",
        "चुना",
        "निर्वाचित",
        "नियुक्त",
        "पद",
    ]
)
_AS = ("के रूप में", "के तौर पर", "के रूप", "के तौर")
_HONORIFICS = frozenset(["डॉ", "डॉक्टर", "श्री", "श्रीमती", "सुश्री", "पंडित", "न्यायमूर्ति", "जस्टिस", ".", "॰", ","])
#: Words that start a new clause between a name and the office phrase it would be linked to.
_CLAUSE_BREAK = regex.compile(
    rf"{NOT_WORD}(?:कि|जबकि|लेकिन|मगर|परंतु|किंतु|क्योंकि|बल्कि|वहीं|जब|तब|तो){NOT_WORD_AFTER}|[;:]"
)
MAX_GAP = 80
_CURRENT = frozenset({"मौजूदा", "वर्तमान"})
NEAR_DAYS = 180
_YEAR = regex.compile(r"(?<![0-9०-९])(?:1[89]|20)[0-9]{2}(?![0-9०-९])")


@dataclass(frozen=True)
class Claim:
    """An ordinal before an office noun: which office, and whether a holder was found to check."""

    ordinal: Ordinal
    office: Office
    end: int  # end of the office noun
    holder: str | None
    verified: bool


def _sentence(ctx: Context, position: int) -> tuple[int, int]:
    """The sentence around ``position``."""
    spans = ctx.document.sentences
    i = bisect_right(analyses.sentence_starts(ctx), position) - 1
    return spans[i] if i >= 0 and spans[i][1] >= position else (position, position)


def _in_words(value: int, sample: str) -> str:
    """``value`` in the digit script of ``sample`` (Devanagari or ASCII)."""
    if sample and sample[0] in "०१२३४५६७८९":
        return str(value).translate(str.maketrans("0123456789", "०१२३४५६७८९"))
    return str(value)


def _form(value: int, o: Ordinal, inflection: str | None = None) -> str:
    """``value`` written like ``o`` (same digits script and inflection, unless one is given)."""
    inflection = inflection or (o.inflection if o.inflection != "none" else "oblique")
    return correct_form(value, inflection, _in_words(value, o.digits) if o.digits else None)


def _english(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _claims(ctx: Context) -> tuple[Claim, ...]:
    """Every office-ordinal claim of the document (found once per document for the F rules)."""
    return ctx.shared("fact-claims", find_claims)


def _facts(ctx: Context) -> FactIndex | None:
    """The fact index, or None for a document without an ordinal when no desk fact file is
    configured: nothing there to check, and no file whose errors a run must report (the
    built-in base ships checked). A line of copy without one reads no fact base (4 ms)."""
    extra = extra_paths(ctx.config)
    return index(extra) if extra or analyses.ordinals(ctx) else None


def find_claims(ctx: Context) -> tuple[Claim, ...]:
    """Every office-ordinal claim in the context's document."""
    facts = _facts(ctx)
    if facts is None:
        return ()
    document = ctx.document
    text, sentences = document.view, document.sentences
    if not any(noun.split(" ")[0] in document.word_index for noun in facts.by_noun):
        return ()
    starts = analyses.sentence_starts(ctx)
    claims = []
    for o in analyses.ordinals(ctx):
        if o.kind == "word" and (o.value in IRREGULAR and not _after_possessive(text, o)):
            continue  # "इससे पहले राष्ट्रपति …" is "earlier", not "first"
        i = bisect_right(starts, o.start) - 1
        if i < 0:
            continue
        sentence = sentences[i]
        claim = _claim(facts, text, o, sentence)
        if claim is not None:
            claims.append(claim)
    return tuple(claims)


def _after_possessive(text: str, o: Ordinal) -> bool:
    before = word_before(text, o.start)
    return bool(before and before[0] in ("का", "के", "की"))


def _claim(facts: FactIndex, text: str, o: Ordinal, sentence: tuple[int, int]) -> Claim | None:
    position = o.end
    place = None
    adjective = words_after(text, position, 1)
    if adjective and adjective[0][0] in facts.place_words:  # "47वें अमेरिकी राष्ट्रपति"
        place, position = adjective[0][0], adjective[0][2]
    noun = phrase_at(text, position, facts.nouns)
    if noun is None:
        return None
    offices = facts.by_noun[noun[0]]
    place = place or facts.place_before(text, o.start, sentence[0])
    if place and place not in GENERIC_PLACES:
        offices = [office for office in offices if place in office.places]
    elif _after_possessive(text, o) and not place:
        return None  # "भाजपा के 5वें महासचिव": an owner the fact base does not know
    else:
        offices = [office for office in offices if not office.require_place]
    if not offices:
        return None
    ids = {office.id for office in offices}
    mentions = [m for m in facts.mentions(text, *sentence) if any(oid in ids for oid, _ in m.holders)]
    holder = _linked(text, noun[1], o.start, mentions, ids)
    if holder is None:
        return None
    office_id, holder_id = holder
    office = facts.offices[office_id]
    allowed = office.ordinals_of(holder_id)
    verified = o.value in allowed or any(
        o.value in facts.offices[oid].ordinals_of(hid)
        for m in mentions
        for oid, hid in m.holders
        if oid in ids
    )
    return Claim(o, office, noun[1], holder_id, verified)


def _linked(
    text: str, office_end: int, ordinal_start: int, mentions: list[Mention], ids: set[str]
) -> tuple[str, str] | None:
    """The (office, holder) the claim is about: the name in apposition, or the predicate's subject."""

    def pick(m: Mention) -> tuple[str, str]:
        return sorted(h for h in m.holders if h[0] in ids)[0]

    following = words_after(text, office_end, 3)
    skip = office_end
    for word, _, end in following:
        if word not in _HONORIFICS:
            break
        skip = end
    apposed = [m for m in mentions if m.start >= office_end and not text[skip : m.start].strip()]
    if apposed:
        return pick(apposed[0])
    subject = _subject(text, ordinal_start, mentions)
    if not following:  # the line ends: a headline, "ट्रंप बने अमेरिका के 46वें राष्ट्रपति"
        return pick(subject) if subject else None
    next_words = " ".join(w for w, _, _ in following)
    if following[0][0] in PREDICATES or following[0][0] in ("।", ",", ")"):  # ) closes an apposition
        return pick(subject) if subject else None
    if next_words.startswith(_AS):
        after = [m for m in mentions if m.start >= office_end]
        return pick(subject) if subject else pick(after[0]) if after else None
    return None


def _subject(text: str, ordinal_start: int, mentions: list[Mention]) -> Mention | None:
    """The nearest name before the ordinal in the same clause ("ओबामा ने कहा कि …" ends one)."""
    before = [m for m in mentions if m.end <= ordinal_start]
    if not before:
        return None
    gap = text[before[-1].end : ordinal_start]
    if len(gap) > MAX_GAP or _CLAUSE_BREAK.search(gap):
        return None
    after = words_after(text, before[-1].end, 1)
    if after and after[0][0] in _OBLIQUE:
        return None  # "बाइडन पर बरसे अमेरिका के 47वें राष्ट्रपति": the name is not the subject
    return before[-1]


#: Postpositions after a name that make it an object, not the subject an office is said of.
_OBLIQUE = frozenset({"पर", "से", "को", "का", "के", "की", "में", "तक", "ओर", "संग", "साथ"})


class OrdinalClaim(Rule):
    """ "डोनाल्ड ट्रंप … अमेरिका के 46वें राष्ट्रपति" → Trump is the 45th and 47th."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for claim in _claims(ctx):
            if claim.verified or claim.holder is None:
                continue
            office, o = claim.office, claim.ordinal
            allowed = office.ordinals_of(claim.holder)
            name = next(t.name for t in office.tenures if t.holder == claim.holder)
            right = tuple(_form(n, o) for n in allowed)
            message = self.meta.message.format(
                found=ctx.text[o.start : claim.end],
                name=name.removesuffix(" (acting)"),
                right=" and ".join(_english(n) for n in allowed) if allowed else "not numbered (acting)",
                office=office.title,
                source=office.sources_of(claim.holder),
            )
            yield self.diagnostic(o.start, o.end, message, suggestions=right)


class VerifiedClaim(Rule):
    """Lists the claims the fact base confirms (info, opt-in)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for claim in _claims(ctx):
            if claim.verified and claim.holder is not None:
                o, office = claim.ordinal, claim.office
                name = next(t.name for t in office.tenures if t.holder == claim.holder)
                yield self.diagnostic(
                    o.start,
                    claim.end,
                    self.meta.message.format(
                        found=ctx.text[o.start : claim.end],
                        name=name,
                        office=office.title,
                        source=office.sources_of(claim.holder),
                    ),
                )


class HolderGender(Rule):
    """ "भारत की 14वीं राष्ट्रपति रामनाथ कोविंद": feminine agreement with a man."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for claim in _claims(ctx):
            o, office = claim.ordinal, claim.office
            tenure = next((t for t in office.tenures if t.holder == claim.holder), None)
            if tenure is None or tenure.gender != "m" or o.inflection != "fem":
                continue
            right = _form(o.value, o, "oblique")
            yield self.diagnostic(
                o.start,
                o.end,
                self.meta.message.format(found=ctx.text[o.start : claim.end], name=tenure.name, right=right),
                suggestions=(right,),
            )


def _date_note(ctx: Context) -> str:
    if ctx.date_source == "today":
        return f"no article date was given, so today ({ctx.date}) was used; pass --date"
    return f"article date {ctx.date}"


class CurrentHolder(Rule):
    """ "मौजूदा 17वीं लोकसभा" in 2025: the current holder's number, from the article date."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        facts = _facts(ctx)
        if facts is None or not _CURRENT & ctx.document.word_index.keys():
            return
        for o in analyses.ordinals(ctx):
            before = word_before(text, o.start)
            if not before or before[0] not in _CURRENT:
                continue
            found = _one_office(facts, text, o, before[1], _sentence(ctx, o.start)[0])
            if found is None:
                continue
            office, noun_end = found
            tenure = office.tenure_on(ctx.date)
            if tenure is None or tenure.ordinal is None:
                continue
            allowed = (tenure.ordinal, *tenure.also)  # this tenure's: not ट्रंप's earlier 45
            if o.value in allowed:
                continue
            yield self.diagnostic(
                o.start,
                o.end,
                self.meta.message.format(
                    found=text[o.start : noun_end],
                    right=" or ".join(_english(n) for n in allowed),
                    office=office.title,
                    holder=tenure.name.removesuffix(" (acting)"),
                    note=_date_note(ctx),
                    source=tenure.source,
                ),
                suggestions=tuple(_form(n, o) for n in allowed),
            )


class NotYetHeld(Rule):
    """ "अमेरिका के 48वें राष्ट्रपति ने …" in 2025: no one has carried that number yet."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        facts = _facts(ctx)
        if facts is None:
            return
        claimed = {c.ordinal.start for c in _claims(ctx) if c.holder is not None}  # F020's
        for o in analyses.ordinals(ctx):
            if (o.kind == "word" and o.value in IRREGULAR) or not phrase_at(text, o.end, facts.nouns):
                continue
            if o.start in claimed:
                continue
            found = _one_office(facts, text, o, o.start, _sentence(ctx, o.start)[0])
            if found is None:
                continue
            office, noun_end = found
            following = words_after(text, noun_end, 1)
            if not following or following[0][0] not in _DONE:
                continue
            started = [t for t in office.tenures if t.ordinal and t.start <= ctx.date]
            latest = max((n for t in started if t.ordinal for n in (t.ordinal, *t.also)), default=0)
            if o.value <= latest:
                continue
            yield self.diagnostic(
                o.start,
                o.end,
                self.meta.message.format(
                    found=text[o.start : noun_end],
                    office=office.title,
                    latest=_english(latest),
                    note=_date_note(ctx),
                    source=office.source,
                ),
            )


#: Words after an office phrase that speak of it as already held ("… ने", "… थे").
_DONE = frozenset({"ने", "थे", "थीं", "था", "थी", "हैं", "है"})


def _one_office(
    facts: FactIndex, text: str, o: Ordinal, place_end: int, floor: int
) -> tuple[Office, int] | None:
    """The single office an ordinal counts ("अमेरिका के 47वें राष्ट्रपति"), and the noun's end."""
    noun = phrase_at(text, o.end, facts.nouns)
    if noun is None:
        return None
    place = facts.place_before(text, place_end, floor)
    if place is None and word_before(text, place_end) is not None and _after_possessive(text, o):
        return None  # an owner the fact base does not know
    offices = [f for f in facts.by_noun[noun[0]] if not place or place in GENERIC_PLACES or place in f.places]
    if not place or place in GENERIC_PLACES:
        offices = [f for f in offices if not f.require_place]
    return (offices[0], noun[1]) if len(offices) == 1 else None


def _allowed(base: dt.date, day: dt.date, offset: int) -> tuple[int, ...]:
    """Counts a text dated ``day`` may mean: this year's, and last or next year's when near.

    Before this year's anniversary a text speaks of the coming one, and may still speak of
    last year's if it was under half a year ago; after it, of the next one if that is under
    half a year away. ``offset`` is added to (year − base year).
    """
    this = day.year - base.year + offset
    counts = [this]
    before, after = day.year > dt.MINYEAR, day.year < dt.MAXYEAR  # a calendar's first and last year
    if before and day < _same_day(base, day.year) and (day - _same_day(base, day.year - 1)).days <= NEAR_DAYS:
        counts.append(this - 1)
    if after and day > _same_day(base, day.year) and (_same_day(base, day.year + 1) - day).days <= NEAR_DAYS:
        counts.append(this + 1)
    return tuple(sorted(counts))


def _same_day(base: dt.date, year: int) -> dt.date:
    try:
        return base.replace(year=year)
    except ValueError:  # 29 February
        return dt.date(year, 3, 1)


def _the_day(text: str, sentence: tuple[int, int], base: dt.date, at: int) -> dt.date | None:
    """The anniversary itself, when the sentence writes its full date (26 जनवरी 2025 को …
    गणतंत्र दिवस): the count is that year's, whatever the article's date. Of two such dates
    the one nearer the count at ``at`` (15 अगस्त 1947 … और 15 अगस्त 2025 को 79वां)."""
    days = [
        (abs(at - start), d)
        for start, d in dates_in(text, *sentence)
        if (d.month, d.day) == (base.month, base.day)
    ]
    return min(days)[1] if days else None


def _historical(text: str, sentence: tuple[int, int], ctx: Context, base: dt.date) -> bool:
    """A year other than the article's (or the base's) in the sentence, or "पिछले साल": the
    count may be of the past."""
    years = {int(y) for y in _YEAR.findall(text, *sentence)}
    return bool(years - {ctx.date.year, base.year}) or _PAST.search(text, *sentence) is not None


#: "पिछले साल", "बीते वर्ष", "गत वर्ष", "पिछली बार": a count of an earlier year.
_PAST = regex.compile(rf"{NOT_WORD}(?:पिछले|पिछली|बीते|गत)[ \t]+(?:साल|वर्ष|बरस|बार){NOT_WORD_AFTER}")


#: Words that put a count in the future ("आगामी 80वां …", "… 75वीं वर्षगांठ मनाने की तैयारी").
_FUTURE_BEFORE = frozenset({"आगामी", "अगले", "अगली", "अगला", "आने", "वाले", "वाली", "वाला"})
_FUTURE_AFTER = frozenset({"मनाने", "मनाएगा", "मनाएगी", "मनाएंगे", "होगा", "होगी", "होंगे", "तक"})


def _future(text: str, o: Ordinal, end: int) -> bool:
    """True when the words around a count speak of a coming anniversary, not this year's."""
    before = word_before(text, o.start)
    after = {w for w, _, _ in words_after(text, end, 3)}
    return bool((before and before[0] in _FUTURE_BEFORE) or after & _FUTURE_AFTER)


_BORN = frozenset({"जयंती", "जन्म जयंती", "जन्मजयंती", "जन्मदिन", "जन्मदिवस", "जन्मोत्सव"})
_DIED = frozenset({"पुण्यतिथि", "बरसी", "शहादत दिवस", "बलिदान दिवस", "महापरिनिर्वाण दिवस", "निर्वाण दिवस"})
_FOUNDED = frozenset({"वर्षगांठ", "वर्षगाँठ", "सालगिरह", "बरसी", "स्थापना दिवस"})
_COUNTED = Phrases(_BORN | _DIED | _FOUNDED)
#: A document without one of these words has no count to check (every day name ends in दिवस).
_TRIGGERS = frozenset(w.split(" ")[-1] for w in _BORN | _DIED | _FOUNDED) | {"दिवस"}


class DateCount(Rule):
    """ "80वां स्वतंत्रता दिवस" in 2025 → 79वां; जयंती, पुण्यतिथि and वर्षगांठ from the fact base."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        if not _TRIGGERS & ctx.document.word_index.keys():
            return
        dated = dated_index(extra_paths(ctx.config))
        for o in analyses.ordinals(ctx):
            if o.kind in ("sanskrit", "english") or (o.kind == "word" and o.value in IRREGULAR):
                continue
            found = self._subject(text, o, dated)
            if found is None:
                continue
            what, base, offset, end, extra_ok = found
            sentence = _sentence(ctx, o.start)
            day = _the_day(text, sentence, base, o.start)
            if day is None and (_historical(text, sentence, ctx, base) or _future(text, o, end)):
                continue
            year = ctx.date.year if day is None else day.year
            allowed = _allowed(base, ctx.date, offset) if day is None else (year - base.year + offset,)
            allowed = tuple(sorted({*allowed, *(n + 1 for n in allowed if extra_ok)}))
            if o.value in allowed or allowed[-1] < 1:  # dated before the first: nothing to count
                continue
            expected = year - base.year + offset
            yield self.diagnostic(
                o.start,
                o.end,
                self.meta.message.format(
                    found=text[o.start : end],
                    what=what,
                    year=year,
                    expected=_english(expected),
                    base=base.isoformat(),
                    note=_date_note(ctx) if day is None else f"the sentence's date, {day.isoformat()}",
                ),
                suggestions=(_form(expected, o),),
            )

    @staticmethod
    def _subject(text: str, o: Ordinal, dated: DatedIndex) -> tuple[str, dt.date, int, int, bool] | None:
        """(what is counted, base date, offset, end of the phrase, next count also allowed)."""
        day = phrase_at(text, o.end, dated.day_names)
        if day is not None:
            entry: Dated = dated.days[day[0]]
            assert entry.date is not None
            return f"{day[0]}: the 1st was in {entry.date.year}", entry.date, 1, day[1], False
        after = words_after(text, o.end, 2)
        if len(after) == 2 and after[0][0] in dated.short and after[1][0] in ("जयंती", "पुण्यतिथि"):
            person = dated.short[after[0][0]]  # "156वीं गांधी जयंती"
            base = person.born if after[1][0] == "जयंती" else person.died
            return (f"{after[1][0]} of {person.names[0]}", base, 0, after[1][2], False) if base else None
        noun = phrase_at(text, o.end, _COUNTED)
        if noun is None:
            return None
        window = text[max(0, o.start - 80) : o.start]
        if noun[0] in _BORN | _DIED:
            for pattern, person in dated.people:
                if pattern.search(window):
                    base = person.born if noun[0] in _BORN else person.died
                    return (f"{noun[0]} of {person.names[0]}", base, 0, noun[1], False) if base else None
        if noun[0] in _FOUNDED:
            window = window.removesuffix(" स्थापना की ").removesuffix("स्थापना की ")
            for pattern, event in dated.events:
                if event.date and pattern.search(window):
                    return f"{noun[0]} of {event.names[0]}", event.date, 0, noun[1], noun[0] == "स्थापना दिवस"
        return None
