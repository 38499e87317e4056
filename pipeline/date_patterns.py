"""Date candidates: compiled regexes over plain text, no NLP (the ``dates`` stage filters and resolves them).

Every pattern starts with a fixed character class (a digit, a month's capital) so the regex engine can skip
ahead quickly; what may stand before a match (a weekday, "between", "w/c") is looked up afterwards. Written
forms are normalised with the month table (``dates-months.txt``, ~0.1 ms); numeric dates go to dateparser
(``date_parser``), which the rare numeric forms can afford. Relative phrases are found here and resolved
against the publication date by the stage.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from .date_parser import WEEKDAY_NUMBERS, numeric_date
from .lexicon import load_list

Granularity = Literal["day", "month", "year"]

MONTH_NUMBERS: dict[str, int] = {
    name.casefold(): number for number, line in enumerate(load_list("dates-months"), 1) for name in line.split()
}
_FULL_MONTHS = [line.split()[0] for line in load_list("dates-months")]
_ABBREVIATIONS = sorted((n for line in load_list("dates-months") for n in line.split()[1:]), key=len, reverse=True)
# Months as written in prose or headings (case-sensitive, so "may" and "march" the verbs never match):
# "September|SEPTEMBER|...|Sept\\.?|SEPT\\.?|..."
_WEEKDAY_BY_PREFIX = {name[:2]: number for name, number in WEEKDAY_NUMBERS.items()}  # "tu" in "Tues", "Tue"
_ANY_MONTH = "|".join(
    [*_FULL_MONTHS, *(m.upper() for m in _FULL_MONTHS), *(rf"{a}\.?|{a.upper()}\.?" for a in _ABBREVIATIONS)]
)


# Every pattern starts with a fixed character class (a digit, a month's capital) so the regex engine can
# skip ahead quickly; what may stand before a match (a weekday, "between") is looked up afterwards.
_DAY = r"(?P<d{n}>[0-3]?\d)(?!\d)(?P<o{n}>st|nd|rd|th)?"  # "30th"
_DAY_START = r"(?=\d)(?<![\d.,/£$€])"  # a day number not glued to other digits: not "17" in "2017"
_MONTH = rf"(?P<m{{n}}>(?=[A-Z])\b(?:{_ANY_MONTH})(?:(?<=\.)|\b))"  # "June", "Sept."
_YEAR = r"(?P<y{n}>(?:19|20)\d\d)(?![\d%])"  # "2017", not "2017%"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# A count of days, weeks...: "three", "10", "a"
# (capitalised too: "Two weeks ago the Forum agreed ...")
_COUNT = (
    r"(?:\d{1,2}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en"
    r"|[Ee]leven|[Tt]welve)"
)
_RANGE_TO = r"\s*(?P<sep>-|–|—|to|until|till|through|and)\s*"  # "and" makes a range only after "between"
# "from November to the end of February": a part of the closing month still ends the range in that month
_PART_OF = r"(?:the\s+(?:end|start|beginning|middle)\s+of\s+|(?:early|late|mid-)\s*)?"


def _dm(n: str) -> str:
    """Day and month, then maybe a year: "04 February 2016", "the 30th of June" (from "30th")."""
    return rf"{_DAY.format(n=n)}(?:\s+of)?\s+{_MONTH.format(n=n)}(?:,?\s+{_YEAR.format(n=n)})?"


def _my(n: str) -> str:
    """Month, then maybe a year: "May", "March 2018", "Sept, 2019"."""
    return rf"{_MONTH.format(n=n)}(?:(?:,?\s+|\s+of\s+){_YEAR.format(n=n)})?"


# (kind, regex) in priority order: at equal start, the longest match wins, then the earlier kind.
# "three months ago", "a fortnight ago", "in two weeks' time": a count makes them calendar times ("a few weeks
# ago" is vague); resolved by dateparser
_COUNTED = re.compile(
    rf"(?=[\dAaOoTtFfSsEeNnIi])\b(?P<rel>(?:[Ii]n\s+)?{_COUNT}\s+(?:day|week|fortnight|month|year)s?"
    rf"(?:\s+ago\b|(?:['’]s?)?\s+time\b))"
)
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "21 and 22 November 2017", "21-22 November", "5, 12 and 19 March 2018"
    (
        "day_list",
        re.compile(
            rf"{_DAY_START}(?P<days>\d\d?(?:st|nd|rd|th)?(?:\s*,\s*\d\d?(?:st|nd|rd|th)?)*)"
            rf"\s*,?\s*(?P<sep>and|&|-|–|to|until)\s*{_dm('2')}"
        ),
    ),
    # "23 March to 30 June 2017", "1 May 2018 until 31 March 2019"
    ("range", re.compile(rf"{_DAY_START}{_dm('1')}{_RANGE_TO}{_dm('2')}")),
    # "May and July 2019" (after "between"), "March 2017 – June 2018"
    ("range", re.compile(rf"{_my('1')}{_RANGE_TO}{_PART_OF}{_my('2')}")),
    # "2017-18", "2017/18", "2016 and 2020" (after "between")
    (
        "year_range",
        re.compile(
            rf"(?=[12])(?<![\w/.£$€#-]){_YEAR.format(n='1')}\s*(?P<sep>-|–|—|/|to|through|and)\s*"
            r"(?P<y2>(?:19|20)?\d\d)(?![\w%/])"
        ),
    ),
    # "28th July", "04 February 2016", "30th of June"
    ("date", re.compile(_DAY_START + _dm(""))),
    # "January 25, 2018", "June 30th"
    ("date", re.compile(rf"{_MONTH.format(n='')}\s+{_DAY.format(n='')}(?:,?\s+{_YEAR.format(n='')})?")),
    # "25/01/2018", "7.3.21", "09-10-2022" (day first), "2018-01-25", "2020/11/09": normalised by dateparser
    (
        "numeric",
        re.compile(
            r"(?=\d)(?<![\d/.-])(?P<d>[0-3]?\d)(?P<s>[/.-])(?P<mn>[01]?\d)(?P=s)"
            r"(?P<y>(?:19|20)\d\d|(?<=[/.])\d\d)(?![\d/.-]?\d)"
        ),
    ),  # "4-5-19" may be a score
    (
        "numeric",
        re.compile(
            r"(?=[12])(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<s>[/-])(?P<mn>[01]\d)(?P=s)(?P<d>[0-3]\d)"
            r"(?![\d/.-]?\d)"
        ),
    ),
    # "March 2018"; "September" (full names only: a bare "Mar" or "Jun" is too risky, checked later)
    ("date", re.compile(_my(""))),
    # "in 2016", "mid-2019"; not "2017-18" (year_range), "£2015" or "2015%"
    (
        "year",
        re.compile(
            rf"(?=[12])(?:(?<=mid-)|(?<=early-)|(?<=late-)|(?<![\w/.£$€#@-])){_YEAR.format(n='')}"
            r"(?![\w/-]|[.,]\d)"
        ),
    ),
    # "next week", "last year", "yesterday", "last Tuesday", "a week on Tuesday"
    (
        "relative",
        re.compile(
            rf"(?=[TtNnLlYyAa])\b(?P<rel>(?:[Tt]his|[Nn]ext|[Ll]ast)\s+(?:week|month|year)|[Yy]esterday"
            rf"|[Tt]omorrow|(?:[Nn]ext|[Ll]ast)\s+{_WEEKDAY}|[Aa]\s+week\s+on\s+{_WEEKDAY})\b"
        ),
    ),
    ("relative", _COUNTED),
]
# What may stand before a date and belongs to it: "Tuesday 28th July", "Wednesday, the 21st", "Thurs. 5 May"
WEEKDAY_BEFORE = re.compile(
    r"\b(?P<w>Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday|s|r|rs)?\.?,?\s+"
    r"(?:the\s+)?$"
)
# The week a date starts: "w/c 4 March", "week commencing 9 September", "the week beginning 3 June"
WEEK_OF_BEFORE = re.compile(r"(?:\b[Ww]/[CcBb]|\b[Ww]eek\s+(?:commencing|beginning|starting)),?\s+(?:the\s+)?$")
# A numbered paragraph, section or version is not a numeric date: "paragraph 4.2.19", "version 2.1.18"
NUMBERED_BEFORE = re.compile(rf"\b(?:{'|'.join(map(re.escape, load_list('dates-numbering-nouns')))})\.?\s*$", re.I)
# "Month D" with no year, ordinal or weekday is a day date after these ("on June 30", "before May 10") ...
DAY_AFTER_MONTH_OK = re.compile(r"\b(?:on|by|before|after|until|till|from|since|through|and|or|an?|the)\s+$", re.I)
# ... or when no lower-case word follows: not "In May 12 members attended"
LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
# "between May and July": "and" joins a range only after these
RANGE_OPENER_BEFORE = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+$")
# A web address: years inside it ("/Publications/2017/11/9637") are not mentions.
URL = re.compile(r"(?:https?://|www\.)\S+")


@dataclass(frozen=True, slots=True)
class Point:
    """One end of a date: year may be missing (to be resolved), day too (month or year granularity)."""

    year: int | None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None

    @property
    def granularity(self) -> Granularity:
        return "day" if self.day else "month" if self.month else "year"

    def span(self) -> tuple[dt.date, dt.date] | None:
        """First and last day covered, or None when the point is not a real date (31 June)."""
        if self.year is None:
            return None
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        last = calendar.monthrange(self.year, self.month)[1]
        if self.day is None:
            return dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last)
        return (dt.date(self.year, self.month, self.day),) * 2 if 1 <= self.day <= last else None

    def iso(self) -> str:
        month, day = f"-{self.month:02d}" if self.month else "", f"-{self.day:02d}" if self.day else ""
        return f"{self.year:04d}{month}{day}"


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    first: Point
    last: Point | None = None  # the end of a range
    kind: str = "date"

    @property
    def explicit_year(self) -> int | None:
        return (self.last.year if self.last else None) or self.first.year

    def span(self) -> tuple[dt.date, dt.date] | None:
        """First and last day covered; None while a year is missing (or for a backwards range)."""
        first, last = self.first.span(), (self.last or self.first).span()
        return (first[0], last[1]) if first and last and first[0] <= last[1] else None

    def value(self) -> str:
        """ISO value at the text's granularity: "2017-06-22", "2017-09", "2017-11-21/2017-11-22"."""
        return self.first.iso() if self.last in (None, self.first) else f"{self.first.iso()}/{self.last.iso()}"


def month_number(word: str | None) -> int | None:
    """Month of a capitalised month word; a lower-case "may"/"march" is a verb, not a month."""
    if not word or not word[0].isupper():
        return None
    return MONTH_NUMBERS.get(word.rstrip(".").casefold())


def _point(m: re.Match[str], n: str = "") -> Point | None:
    month = month_number(m.group(f"m{n}"))
    groups = m.groupdict()
    day, year = groups.get(f"d{n}"), groups.get(f"y{n}")
    if month is None or (day and not 1 <= int(day) <= 31):
        return None
    return Point(int(year) if year else None, month, int(day) if day else None)


def fill_range(first: Point, last: Point) -> tuple[Point, Point]:
    """Share the year between the ends of a range: "23 March to 30 June 2017", "November 2017 to February"."""
    if last.year and not first.year:
        earlier = (first.month or 1, first.day or 1) <= (last.month or 1, last.day or 1)
        first = replace(first, year=last.year if earlier else last.year - 1)
    elif first.year and not last.year:
        later = (last.month or 1, last.day or 1) >= (first.month or 1, first.day or 1)
        last = replace(last, year=first.year if later else first.year + 1)
    return first, last


def _with_weekday(text: str, cand: Candidate) -> Candidate:
    """Take in a weekday written before a day date: "Tuesday 28th July" (it also helps find the year)."""
    weekday = WEEKDAY_BEFORE.search(text, max(0, cand.start - 16), cand.start)
    if weekday is None or cand.first.day is None:
        return cand
    first = replace(cand.first, weekday=_WEEKDAY_BY_PREFIX[weekday.group("w")[:2].casefold()])
    return replace(cand, start=weekday.start(), first=first)


def _with_week_of(text: str, cand: Candidate) -> Candidate:
    """ "w/c 4 March", "week commencing 4 March" is the week from that day: a seven-day range once dated."""
    week_of = WEEK_OF_BEFORE.search(text, max(0, cand.start - 24), cand.start)
    if week_of is None or cand.first.day is None or cand.last is not None:
        return cand
    return week_end(replace(cand, start=week_of.start(), kind="week"))


def week_end(cand: Candidate) -> Candidate:
    """Close a "week commencing" once its year is known (the end may fall in the next month or year)."""
    span = cand.first.span()
    if cand.kind != "week" or span is None:
        return cand
    end = span[0] + dt.timedelta(days=6)
    return replace(cand, last=Point(end.year, end.month, end.day))


def _candidates_from(kind: str, m: re.Match[str], text: str) -> list[Candidate]:
    """Turn one regex match into zero or more candidates (a day list gives several)."""
    groups = m.groupdict()
    joiner = (groups.get("sep") or "").casefold()
    opened = joiner == "and" and RANGE_OPENER_BEFORE.search(text, max(0, m.start() - 10), m.start()) is not None
    if kind == "day_list":
        last = _point(m, "2")
        if last is None:
            return []
        days = [
            (int(d.group()), m.start("days") + d.start(), m.start("days") + d.end())
            for d in re.finditer(r"\d+", m.group("days"))
        ]
        numbers = [d for d, _, _ in days] + [last.day]
        consecutive = numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # "21, 22 and 23 November"
        if (len(days) == 1 and (joiner not in ("and", "&") or opened)) or consecutive:
            return [_with_weekday(text, Candidate(m.start(), m.end(), replace(last, day=days[0][0]), last, "range"))]
        if joiner not in ("and", "&"):
            return []
        return [Candidate(s, e, replace(last, day=d)) for d, s, e in days] + [Candidate(m.start("d2"), m.end(), last)]
    if kind == "range":
        first, last = _point(m, "1"), _point(m, "2")
        if first is None or last is None or (joiner == "and" and not opened):
            return []  # "on 5 March and 12 June" are two dates
        cand = Candidate(m.start(), m.end(), *fill_range(first, last), "range")
        return [] if cand.last.year and cand.first.year and not cand.span() else [_with_weekday(text, cand)]
    if kind == "year_range":
        first_year, second = int(m.group("y1")), m.group("y2")
        last_year = int(second) if len(second) == 4 else first_year // 100 * 100 + int(second)
        if not first_year < last_year <= first_year + 30 or (joiner == "and" and not opened):
            return []
        if len(second) == 2 and joiner in ("to", "and"):
            return []
        return [Candidate(m.start(), m.end(), Point(first_year), Point(last_year), "year")]
    if kind == "numeric":
        day, month = int(m.group("d")), int(m.group("mn"))
        if not (1 <= day <= 31 and 1 <= month <= 12) or NUMBERED_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            return []  # dateparser "repairs" impossible digits, so only plausible ones reach it
        date = numeric_date(m.group())
        return [Candidate(m.start(), m.end(), Point(date.year, date.month, date.day))] if date else []
    if kind == "year":
        return [Candidate(m.start(), m.end(), Point(int(m.group("y"))), kind="year")]
    if kind == "relative":
        return [Candidate(m.start(), m.end(), Point(None), kind="relative")]
    point = _point(m)
    if point is None:
        return []
    cand = _with_week_of(text, _with_weekday(text, Candidate(m.start(), m.end(), point, kind="date")))
    marked = groups.get("y") or groups.get("o") or cand.first.weekday is not None
    if (
        point.day
        and not marked
        and m.group()[0].isalpha()
        and not DAY_AFTER_MONTH_OK.search(text, max(0, m.start() - 8), m.start())
        and LOWER_WORD_AFTER.match(text, m.end())
    ):
        return []  # "May 12 members" is not a date: "Month D" needs a year, an ordinal or a weekday
    if point.day is None and point.year is None:
        return [] if m.group("m").rstrip(".") not in _FULL_MONTHS else [replace(cand, kind="month")]
    return [cand]


def scan(text: str) -> list[Candidate]:
    """All candidate dates in ``text``, longest first at each position, without overlaps."""
    masked = URL.sub(lambda u: " " * len(u.group()), text)
    found: list[tuple[int, int, int, list[Candidate]]] = []
    for priority, (kind, pattern) in enumerate(PATTERNS):
        if pattern is _COUNTED and " ago" not in masked and " time" not in masked:
            continue  # a plain substring test is ~50x cheaper than the pattern's many possible starts
        for m in pattern.finditer(masked):
            parts = _candidates_from(kind, m, masked)
            if parts:
                found.append((parts[0].start, -max(c.end for c in parts), priority, parts))
    found.sort(key=lambda f: f[:3])
    taken: list[Candidate] = []
    reach = -1
    for start, neg_end, _, parts in found:
        if start >= reach:
            taken.extend(parts)
            reach = -neg_end
    return taken
