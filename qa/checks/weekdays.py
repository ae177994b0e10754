"""F031: a weekday beside a date it does not fall on; F032: a day its month does not have.

"सोमवार, 5 दिसंबर 2026" names a Saturday; "31 अप्रैल" and "30 फरवरी" are no days at all.
A date is a day in digits and a month's name, with a year after it or not; a weekday stands
right before it (सोमवार, 5 दिसंबर; सोमवार (5 दिसंबर)) or right after it (5 दिसंबर, सोमवार;
5 दिसंबर (सोमवार)). Without a year the date is taken in the year that puts it nearest the
article's date, and only when the article's date is known (given, from the document or the
config): a story checked later without one may be about another year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

import regex

from qa.checks import agreement_words as aw
from qa.checks.date_postposition import MONTH_NUMBERS, MONTH_STARTS
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule
from qa.text.tokenize import matches_at, occurrences

#: Python's weekday numbers (Monday 0) -> the name news copy uses, and every name -> number.
WEEKDAY_NAMES = ("सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार")
_WEEKDAYS = {
    **{name: number for number, name in enumerate(WEEKDAY_NAMES)},
    "बृहस्पतिवार": 3,
    "वीरवार": 3,
    "इतवार": 6,
}
_WORD = r"[\p{L}\p{M}\u200c\u200d]+"
#: A day and a month (a day not the end of a range or a list: 5-6 दिसंबर, 5 और 6 मई), a
#: year perhaps; the weekday before it or after it, with a comma or in brackets.
_DATE = (
    rf"(?<![\p{{Nd}}\-–—/.])(?P<day>\p{{Nd}}{{1,2}})\s+(?P<month>{_WORD})(?:\s*,?\s*(?P<year>\p{{Nd}}{{4}}))?"
)
#: A date right after a weekday (सोमवार, 5 दिसंबर; सोमवार (5 दिसंबर)), matched where the
#: weekday ends, and a date right before one (5 दिसंबर, सोमवार), searched where it starts.
_AFTER_WEEKDAY = regex.compile(rf"\s*[,(]?\s*{_DATE}(?![\p{{Nd}}\p{{L}}\p{{M}}])")
_BEFORE_WEEKDAY = regex.compile(rf"{_DATE}\s*[,(]\s*$")
#: How far before a weekday a date is looked for.
_REACH = 40
_DAY_MONTH = regex.compile(rf"{_DATE}(?![\p{{Nd}}\p{{L}}\p{{M}}])")
#: The article dates known to be the article's own, not the day of the check.
_KNOWN_DATES = frozenset({"given", "document", "config"})


def _month(word: str) -> int | None:
    return MONTH_NUMBERS.get(aw.key(word))


def _names_month(word: str) -> bool:
    """``word``, or a part of it up to a ZWJ or ZWNJ (where a date's month may end too),
    is a month's name."""
    if word[:1] not in MONTH_STARTS:
        return False  # most words: each part begins as the word does
    ends = [joiner.start() for joiner in _JOINERS.finditer(word)]
    return any(_month(word[:end]) is not None for end in (*ends, len(word)))


_MONTHS = Sieve(_names_month)
#: A ZWJ or ZWNJ, where a part of a word that names a month may end.
_JOINERS = regex.compile("[\u200c\u200d]")
#: The spaces before a word, read back from it (a day ends where they begin).
_SPACES_BEFORE = regex.compile(r"\s+", regex.REVERSE)


def _dates(ctx: Context) -> Iterator[regex.Match[str]]:
    """What ``_DAY_MONTH.finditer`` finds whose month is a month's name, tried only one and
    two characters before the spaces before such a word (a match's month begins a word of
    the word index, and is the word or a part of it up to a ZWJ or ZWNJ)."""
    text, starts = ctx.text, []
    for at in occurrences(ctx.document.word_index, _MONTHS.select(ctx.document.word_set)):
        spaces = _SPACES_BEFORE.match(text, 0, at)
        if spaces is not None:
            starts += [day for day in (spaces.start() - 2, spaces.start() - 1) if day >= 0]
    return matches_at(_DAY_MONTH, text, starts)


def _date(match: regex.Match[str], article: dt.date | None) -> dt.date | None:
    """The date a match names: its year, else the year nearest ``article`` (None if neither,
    or if the month has no such day)."""
    month = _month(match["month"])
    if month is None:
        return None
    day = int(match["day"])
    years = [int(match["year"])] if match["year"] else []
    if not years and article is not None:
        years = [article.year - 1, article.year, article.year + 1]
    dates = []
    for year in years:
        try:
            dates.append(dt.date(year, month, day))
        except ValueError:
            return None  # F032's
    if not dates:
        return None
    return (
        min(dates, key=lambda d: abs((d - article).days))
        if article is not None and len(dates) > 1
        else dates[0]
    )


def dates_in(text: str, start: int, end: int) -> list[tuple[int, dt.date]]:
    """The full dates (a day, a month and a year) written in ``text[start:end]``, each with
    where it starts."""
    found = []
    for match in _DAY_MONTH.finditer(text, start, end):
        date = _date(match, None) if match["year"] else None
        if date is not None:
            found.append((match.start(), date))
    return found


class WeekdayDate(Rule):
    """F031: a weekday beside a date that falls on another day of the week."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text, index = ctx.text, ctx.document.word_index
        article = ctx.date if ctx.date_source in _KNOWN_DATES else None
        for name, weekday in _WEEKDAYS.items():
            for start in index.get(name, ()):
                end = start + len(name)
                match = _AFTER_WEEKDAY.match(text, end) or _BEFORE_WEEKDAY.search(
                    text, max(0, start - _REACH), start
                )
                date = None if match is None else _date(match, article)
                if date is None or date.weekday() == weekday:
                    continue
                message = self.meta.message.format(
                    weekday=name,
                    date=f"{date.day} {match['month']} {date.year}",
                    actual=WEEKDAY_NAMES[date.weekday()],
                    year="" if match["year"] else f" (the year of the article's date, {article})",
                )
                yield self.diagnostic(start, end, message)


class ImpossibleDate(Rule):
    """F032: a day past the end of its month (31 अप्रैल, 30 फरवरी; 29 फरवरी in a common year)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for match in _dates(ctx):
            month = _month(match["month"])
            if month is None:
                continue
            day = int(match["day"])
            year = int(match["year"]) if match["year"] else 2000  # a leap year: 29 फरवरी is a day
            if 1 <= day <= calendar.monthrange(year, month)[1]:
                continue
            message = self.meta.message.format(date=match.group(0), month=match["month"])
            yield self.diagnostic(match.start(), match.end(), message)
