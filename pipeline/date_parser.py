"""dateparser for the date forms the month table does not normalise: numeric dates and counted relative phrases.

The regexes in ``date_patterns`` still find every candidate and decide its shape; dateparser only turns an
already-delimited string into a calendar date (never ``search_dates`` over whole texts). It costs ~1-5 ms a
call against ~0.1 ms for the month table, and ~0.5 s to load its English data on first use, so it is loaded
lazily and only the rare forms reach it:
- numeric dates ("04/05/2019", "7.3.21", "2020/11/09"): UK day-first order, two-digit years;
- counted relative phrases against the publication date ("three months ago", "a fortnight ago", "in two
  weeks' time", "last Tuesday", "next Friday"), at the granularity dateparser reports (a week is Monday-Sunday).
The fixed relative phrases (this/next/last week, month, year; yesterday; tomorrow; "a week on Tuesday") are
plain arithmetic here, because dateparser has no week-range answer and does not know "a week on Tuesday".
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

WEEKDAY_NUMBERS = {name: i for i, name in enumerate(("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))}
# "in two weeks' time" -> "in two weeks": dateparser does not know the "time" tail
_TIME_TAIL = re.compile(r"(?:['’]s?)?\s+time$")
_FIXED = re.compile(
    r"(?P<step>this|next|last)\s+(?P<unit>week|month|year)|(?P<day>yesterday|tomorrow)"
    r"|a\s+week\s+on\s+(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day",
    re.I,
)


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    """One parser per reference date (settings are fixed at construction); the first one loads dateparser."""
    from dateparser.date import DateDataParser  # imported late: the import and English data cost ~0.5 s

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "current_period",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def numeric_date(text: str) -> dt.date | None:
    """The day a numeric date names, day first ("04/05/2019" is 4 May); None for 30/02 and the like.

    The caller has checked the digits (day 1-31, month 1-12): dateparser "repairs" what it cannot read
    ("00/01/2018" becomes a day in June), so it must only see shapes the regex vouches for.
    """
    found = _parser(None).get_date_data(text)
    return found.date_obj.date() if found.date_obj and found.period == "day" else None


# What a relative phrase names: first and last day, and the granularity of its value ("2019-03", "2017")
Named = tuple[dt.date, dt.date, str]


def _at(day: dt.date, granularity: str = "day") -> Named:
    if granularity == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year"
    if granularity == "month":
        first = day.replace(day=1)
        return first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1), "month"
    return day, day, "day"


def _week(day: dt.date) -> Named:
    """The Monday-Sunday week around ``day`` (UK weeks), as a range of days."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6), "day"


def relative(phrase: str, base: dt.date) -> Named | None:
    """What a relative phrase names as seen on ``base`` (the publication date); None if dateparser cannot tell."""
    fixed = _FIXED.fullmatch(phrase)
    if fixed is None:
        return _counted(phrase, base)
    if fixed.group("day"):
        return _at(base + dt.timedelta(days=-1 if fixed.group("day").casefold() == "yesterday" else 1))
    if fixed.group("wd"):  # "a week on Tuesday": the coming Tuesday (never today), then a week later
        ahead = (WEEKDAY_NUMBERS[fixed.group("wd").casefold()] - base.weekday() - 1) % 7 + 1
        return _at(base + dt.timedelta(days=ahead + 7))
    step = {"this": 0, "next": 1, "last": -1}[fixed.group("step").casefold()]
    unit = fixed.group("unit").casefold()
    if unit == "year":
        return _at(dt.date(base.year + step, 1, 1), "year")
    if unit == "month":
        months = base.year * 12 + base.month - 1 + step
        return _at(dt.date(months // 12, months % 12 + 1, 1), "month")
    return _week(base + dt.timedelta(weeks=step))


@lru_cache(maxsize=4096)
def _counted(phrase: str, base: dt.date) -> Named | None:
    """dateparser's reading of "three months ago", "last Tuesday", "in two weeks' time" at its granularity."""
    found = _parser(base).get_date_data(_TIME_TAIL.sub("", phrase))
    if found.date_obj is None:
        return None
    day = found.date_obj.date()
    if found.period == "week":
        return _week(day)
    return _at(day, found.period)
