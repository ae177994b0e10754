"""F031 and F032 against the calendar itself: every weekday beside every date of a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from qa import api
from qa.checks.weekdays import _DAY_MONTH, WEEKDAY_NAMES, _dates, _month
from qa.config import Config
from qa.document import Document
from qa.engine.rule import Context

MONTHS = ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"]


def _codes(text: str, date: dt.date | None = None) -> list[str]:
    config = Config()
    config.values["select"] = ["F031", "F032"]
    return [d.code for d in api.check(text, config=config, date=date)]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(0, 6))
def test_a_weekday_is_reported_exactly_when_the_calendar_disagrees(date: dt.date, weekday: int) -> None:
    text = f"ज़िले में {WEEKDAY_NAMES[weekday]}, {date.day} {MONTHS[date.month - 1]} {date.year} को बैठक हुई।"
    assert _codes(text) == ([] if date.weekday() == weekday else ["F031"])


def test_without_a_year_only_an_articles_own_date_decides() -> None:
    text = "फ़िलहाल सोमवार (7 दिसंबर) को होने वाली बैठक टल गई।"  # 7 December 2026 is a Monday
    assert _codes(text, dt.date(2026, 12, 4)) == []
    assert _codes(text.replace("सोमवार", "मंगलवार"), dt.date(2026, 12, 4)) == ["F031"]
    assert _codes(text.replace("सोमवार", "मंगलवार")) == []  # no article date: the day of the check


@given(st.integers(1, 12), st.integers(1, 31), st.integers(1900, 2100))
def test_a_day_past_the_months_end_is_reported(month: int, day: int, year: int) -> None:
    try:
        dt.date(year, month, day)
        real = True
    except ValueError:
        real = False
    text = f"ज़िले के स्कूल {day} {MONTHS[month - 1]} {year} तक बंद रहेंगे।"
    assert _codes(text) == ([] if real else ["F032"])


_PIECES = [
    *MONTHS[:3],
    "मार्च\u200cके",
    "मई\u200d",
    "लोग",
    "1",
    "12",
    "123",
    "2026",
    " ",
    "\n",
    "-",
    ",",
    "\u200c",
]


def _same_dates(text: str) -> None:
    """F032 reads the dates of ``_dates`` whose month is a month's name: the same as the
    whole scan's (a match whose month runs on past a ZWJ or ZWNJ is no date either way)."""

    def months(found: Iterable[regex.Match[str]]) -> list[tuple[int, int]]:
        return [m.span() for m in found if _month(m["month"]) is not None]

    ctx = Context(Document(text, text), Config(), dt.date(2026, 1, 1))
    assert months(_dates(ctx)) == months(_DAY_MONTH.finditer(text))


@pytest.mark.parametrize(
    "text",
    [
        "ज़िले में 12 मार्च 2026 को और 5\nअप्रैल को, 123 मई को नहीं, 3-4 जून को भी",
        "फ़िलहाल 5 मार्च\u200cके12 लोग आए",  # the month ends at the joiner, inside a word
        "1 मार्च\u200cके",  # both scans match the whole word, which names no month
    ],
)
def test_dates_are_read_only_before_a_months_name_as_the_whole_scan_reads_them(text: str) -> None:
    assert _DAY_MONTH.search(text)
    _same_dates(text)


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_dates_read_before_months_names_are_the_whole_scans(pieces: list[str]) -> None:
    _same_dates("".join(pieces))
