"""F031 and F032 against the calendar itself: every weekday beside every date of a year."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from qa import api
from qa.checks.weekdays import WEEKDAY_NAMES
from qa.config import Config

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
