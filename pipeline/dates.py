"""Stage 3: dates. Every temporal expression in the body that points at a calendar time.

Candidates come from compiled regexes (ranges, full dates, month-year, bare months and years, a few
relative phrases); token attributes of the already-parsed Doc reject look-alikes ("may" the modal,
"Ms March", "Act 2015", "the 2017 awards"). A missing year comes from, in order:
1. a coordinated date that has one ("September and December 2017");
2. a dated mention earlier in the paragraph ("met on 22 June 2017 and again in September"; an earlier
   month takes the nearer occurrence), unless the tense contradicts it around the publication date;
   a bare year anchors only when there is no publication date;
3. a reference date: the publication date; for minutes (published long after) the meeting date (the
   title's date, else the first dated mention); with neither, the nearest explicit date before the
   mention, the title's date or the first explicit date. Past tense ("was held", "since") takes the
   latest occurrence on or before it, future ("will", "due", "expected to") the first on or after it,
   otherwise the nearest; a weekday ("Tuesday 28th July") overrides the tense.
With no anchor at all a yearless mention is skipped.

Policies the guidelines leave open:
- Financial / academic years "2017-18", "2017/18" are year ranges: "2017/2018".
- Consecutive days ("21 and 22 November", "4, 5 and 6 May") are one range; "5, 12 and 19 March" three dates.
- Relative phrases count only with a publication date: this/next/last week (Monday-Sunday range), month
  or year, yesterday, tomorrow; "3 July last year" is one day mention. "today" is the publication date
  itself (the byline's date, not a mention); bare weekdays ("on Tuesday") and seasons are skipped.
- A season or holiday with a year ("autumn 2018") is the year.
- dateparser is not used: it costs ~2.4 ms a candidate; the month table normalises every format here.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Token

from .lexicon import load_list, load_set
from .parsed import ParsedBulletin
from .records import DateMention

log = logging.getLogger(__name__)

Tense = Literal["past", "future"] | None
Granularity = Literal["day", "month", "year"]

MONTH_NUMBERS: dict[str, int] = {
    name.casefold(): number for number, line in enumerate(load_list("dates-months"), 1) for name in line.split()
}
_FULL_MONTHS = [line.split()[0] for line in load_list("dates-months")]
_ABBREVIATIONS = sorted((n for line in load_list("dates-months") for n in line.split()[1:]), key=len, reverse=True)
# Months as written in prose or headings (case-sensitive, so "may" and "march" the verbs never match):
# "September|SEPTEMBER|...|Sept\\.?|SEPT\\.?|..."
_ANY_MONTH = "|".join([*_FULL_MONTHS, *(m.upper() for m in _FULL_MONTHS),
                       *(rf"{a}\.?|{a.upper()}\.?" for a in _ABBREVIATIONS)])
WEEKDAYS = {name: i for i, name in enumerate(("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))}
YEAR_OPENERS = load_set("dates-year-openers", casefold=True)
FUTURE_CUES = load_set("dates-future-cues", casefold=True)
PAST_CUES = load_set("dates-past-cues", casefold=True)
TIME_NOUNS = load_set("dates-time-nouns", casefold=True)
NAME_TITLES = load_set("dates-name-titles", casefold=True)
PAST_HELPERS = frozenset({"has", "have", "had", "was", "were", "been"})  # "has met", "was held"

# Every pattern starts with a fixed character class (a digit, a month's capital) so the regex engine can
# skip ahead quickly; what may stand before a match (a weekday, "between") is looked up afterwards.
_DAY = r"(?P<d{n}>[0-3]?\d)(?!\d)(?P<o{n}>st|nd|rd|th)?"  # "30th"
_DAY_START = r"(?=\d)(?<![\d.,/£$€])"  # a day number not glued to other digits: not "17" in "2017"
_MONTH = rf"(?P<m{{n}}>(?=[A-Z])\b(?:{_ANY_MONTH})(?:(?<=\.)|\b))"  # "June", "Sept."
_YEAR = r"(?P<y{n}>(?:19|20)\d\d)(?![\d%])"  # "2017", not "2017%"
_RANGE_TO = r"\s*(?P<sep>-|–|—|to|until|till|through|and)\s*"  # "and" makes a range only after "between"


def _dm(n: str) -> str:
    """Day and month, then maybe a year: "04 February 2016", "the 30th of June" (from "30th")."""
    return rf"{_DAY.format(n=n)}(?:\s+of)?\s+{_MONTH.format(n=n)}(?:,?\s+{_YEAR.format(n=n)})?"


def _my(n: str) -> str:
    """Month, then maybe a year: "May", "March 2018", "Sept, 2019"."""
    return rf"{_MONTH.format(n=n)}(?:(?:,?\s+|\s+of\s+){_YEAR.format(n=n)})?"


# (kind, regex) in priority order: at equal start, the longest match wins, then the earlier kind.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "21 and 22 November 2017", "21-22 November", "5, 12 and 19 March 2018"
    ("day_list", re.compile(rf"{_DAY_START}(?P<days>\d\d?(?:st|nd|rd|th)?(?:\s*,\s*\d\d?(?:st|nd|rd|th)?)*)"
                            rf"\s*,?\s*(?P<sep>and|&|-|–|to|until)\s*{_dm('2')}")),
    # "23 March to 30 June 2017", "1 May 2018 until 31 March 2019"
    ("range", re.compile(rf"{_DAY_START}{_dm('1')}{_RANGE_TO}{_dm('2')}")),
    # "May and July 2019" (after "between"), "March 2017 – June 2018"
    ("range", re.compile(rf"{_my('1')}{_RANGE_TO}{_my('2')}")),
    # "2017-18", "2017/18", "2016 and 2020" (after "between")
    ("year_range", re.compile(rf"(?=[12])(?<![\w/.£$€#-]){_YEAR.format(n='1')}\s*(?P<sep>-|–|—|/|to|through|and)\s*"
                              r"(?P<y2>(?:19|20)?\d\d)(?![\w%/])")),
    # "28th July", "04 February 2016", "30th of June"
    ("date", re.compile(_DAY_START + _dm(""))),
    # "January 25, 2018", "June 30th"
    ("date", re.compile(rf"{_MONTH.format(n='')}\s+{_DAY.format(n='')}(?:,?\s+{_YEAR.format(n='')})?")),
    # "25/01/2018", "25.01.2018", "25/01/18"
    ("numeric", re.compile(r"(?=\d)(?<![\d/.])(?P<d>[0-3]?\d)(?P<s>[/.])(?P<mn>[01]?\d)(?P=s)"
                           r"(?P<y>(?:19|20)\d\d|(?<=/)\d\d)(?![\d/.]?\d)")),
    # "2018-01-25"
    ("numeric", re.compile(r"(?=[12])(?<![\d/-])(?P<y>(?:19|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?!\d)")),
    # "March 2018"; "September" (full names only: a bare "Mar" or "Jun" is too risky, checked later)
    ("date", re.compile(_my(""))),
    # "in 2016", "mid-2019"; not "2017-18" (year_range), "£2015" or "2015%"
    ("year", re.compile(rf"(?=[12])(?:(?<=mid-)|(?<=early-)|(?<=late-)|(?<![\w/.£$€#@-])){_YEAR.format(n='')}"
                        r"(?![\w/-]|[.,]\d)")),
    # "next week", "last year", "yesterday"
    ("relative", re.compile(r"(?=[TtNnLlYy])\b(?P<rel>(?:[Tt]his|[Nn]ext|[Ll]ast)\s+(?:week|month|year)|[Yy]esterday"
                            r"|[Tt]omorrow)\b")),
]
# What may stand before a date and belongs to it: "Tuesday 28th July", "Wednesday, the 21st"
WEEKDAY_BEFORE = re.compile(r"\b(?P<w>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?$")
# "Month D" with no year, ordinal or weekday is a day date after these ("on June 30", "before May 10") ...
DAY_AFTER_MONTH_OK = re.compile(r"\b(?:on|by|before|after|until|till|from|since|through|and|or|an?|the)\s+$", re.I)
# ... or when no lower-case word follows: not "In May 12 members attended"
LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
# A bare "May" is a month only after these: "in May", "the May meeting"; not "Theresa May", "May I thank"
MAY_OK_BEFORE = re.compile(r"\b(?:in|on|by|since|until|till|from|during|before|after|of|early|late|mid|end|the"
                           r"|last|next|this|between|and|or|to)[\s-]+$", re.I)
# "between May and July": "and" joins a range only after these
RANGE_OPENER_BEFORE = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+$")
# A web address: years inside it ("/Publications/2017/11/9637") are not mentions.
URL = re.compile(r"(?:https?://|www\.)\S+")
# Metadata labels the cleaner may have left: "Published: 21 October 2025", "© 2018"
LABEL_BEFORE = re.compile(r"(?:(?:^|\n)[\s\-•*]*(?:first |last )?(?:published|updated|posted|modified)(?: on)?"
                          r"\s*[:\-–]?[\s\-•*]*|©\s*|copyright\s*)$", re.I)
# A number right before a bare year makes it part of a longer number: "0131 244 2015"
NUMBER_BEFORE = re.compile(r"\d\s+$")
# The capitalised word right before a bare year: "Act" in "Act 2015", "Plan" in "Plan (2016)"
WORD_BEFORE_YEAR = re.compile(r"\b([A-Z][\w’'&-]*)\s*\(?\s*$")
# What may stand between coordinated dates: "September and December 2017", "5 March, 9 April 2018"
COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|or|&|,)\s*", re.I)
# What may join a date and a relative year: "3 July last year", "May of this year"
OF_BETWEEN = re.compile(r"\s*,?\s*(?:of\s+)?")
# "the next week" is a duration ("over the next week"), "next week" a calendar week
DURATION_BEFORE = re.compile(r"\b(?:the|a|each|every|per)\s+$", re.I)
# Minutes are published long after the meeting: their yearless dates lean on the meeting date.
MINUTES = re.compile(r"\bminutes\b", re.I)


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


def _month_number(word: str | None) -> int | None:
    """Month of a capitalised month word; a lower-case "may"/"march" is a verb, not a month."""
    if not word or not word[0].isupper():
        return None
    return MONTH_NUMBERS.get(word.rstrip(".").casefold())


def _point(m: re.Match[str], n: str = "") -> Point | None:
    month = _month_number(m.group(f"m{n}"))
    groups = m.groupdict()
    day, year = groups.get(f"d{n}"), groups.get(f"y{n}")
    if month is None or (day and not 1 <= int(day) <= 31):
        return None
    return Point(int(year) if year else None, month, int(day) if day else None)


def _fill_range(first: Point, last: Point) -> tuple[Point, Point]:
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
    first = replace(cand.first, weekday=WEEKDAYS[weekday.group("w").casefold()])
    return replace(cand, start=weekday.start(), first=first)


def _candidates_from(kind: str, m: re.Match[str], text: str) -> list[Candidate]:
    """Turn one regex match into zero or more candidates (a day list gives several)."""
    groups = m.groupdict()
    joiner = (groups.get("sep") or "").casefold()
    opened = joiner == "and" and RANGE_OPENER_BEFORE.search(text, max(0, m.start() - 10), m.start()) is not None
    if kind == "day_list":
        last = _point(m, "2")
        if last is None:
            return []
        days = [(int(d.group()), m.start("days") + d.start(), m.start("days") + d.end())
                for d in re.finditer(r"\d+", m.group("days"))]
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
        cand = Candidate(m.start(), m.end(), *_fill_range(first, last), "range")
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
        year = int(m.group("y")) + (2000 if len(m.group("y")) == 2 else 0)
        point = Point(year, int(m.group("mn")), int(m.group("d")))
        return [Candidate(m.start(), m.end(), point)] if 1 <= point.month <= 12 and point.span() else []
    if kind == "year":
        return [Candidate(m.start(), m.end(), Point(int(m.group("y"))), kind="year")]
    if kind == "relative":
        return [Candidate(m.start(), m.end(), Point(None), kind="relative")]
    point = _point(m)
    if point is None:
        return []
    cand = _with_weekday(text, Candidate(m.start(), m.end(), point, kind="date"))
    marked = groups.get("y") or groups.get("o") or cand.first.weekday is not None
    if point.day and not marked and m.group()[0].isalpha() and not DAY_AFTER_MONTH_OK.search(
            text, max(0, m.start() - 8), m.start()) and LOWER_WORD_AFTER.match(text, m.end()):
        return []  # "May 12 members" is not a date: "Month D" needs a year, an ordinal or a weekday
    if point.day is None and point.year is None:
        return [] if m.group("m").rstrip(".") not in _FULL_MONTHS else [replace(cand, kind="month")]
    return [cand]


def scan(text: str) -> list[Candidate]:
    """All candidate dates in ``text``, longest first at each position, without overlaps."""
    masked = URL.sub(lambda u: " " * len(u.group()), text)
    found: list[tuple[int, int, int, list[Candidate]]] = []
    for priority, (kind, pattern) in enumerate(PATTERNS):
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


def _is_name_year(parsed: ParsedBulletin, cand: Candidate) -> bool:
    """A year that is part of a name ("Act 2015", "Plan (2016)") or modifies one ("the 2017 awards")."""
    if NUMBER_BEFORE.search(parsed.text, max(0, cand.start - 3), cand.start):
        return True
    word = WORD_BEFORE_YEAR.search(parsed.text, max(0, cand.start - 40), cand.start)
    if word and word.group(1).rstrip("-").casefold() not in YEAR_OPENERS and _month_number(word.group(1)) is None:
        return True
    span = parsed.span(cand.start, cand.end)
    if span is None or span.end >= len(span.doc):
        return False
    token, after = span[-1], span.doc[span.end]  # "20" and "allocation" in "the 2019-20 allocation"
    before = span.doc[span.start - 1] if span.start > 0 else None
    modifies = (after.pos_ in ("NOUN", "PROPN", "ADJ") and token.head.i > token.i) or (
        after.is_title and after.pos_ == "PROPN")  # "2017 Quality Improvement Awards Ceremony"
    return modifies and (before is None or before.pos_ != "ADP") and after.lower_ not in TIME_NOUNS


def _is_false_month(parsed: ParsedBulletin, cand: Candidate) -> bool:
    """A bare month word that is a verb, a modal or part of a person's name ("Theresa May")."""
    span = parsed.span(cand.start, cand.end)
    if span is None or not len(span):
        return False
    token = span[0]
    if token.tag_ == "MD" or token.pos_ in ("VERB", "AUX") or token.ent_type_ == "PERSON":
        return True
    if token.text in ("May", "MAY") and not MAY_OK_BEFORE.search(parsed.text, max(0, cand.start - 10), cand.start):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None  # "Gillian March", "Ms March": a surname
    return bool(before is not None and (before.text.rstrip(".").casefold() in NAME_TITLES or (
        before.pos_ == "PROPN" and before.is_title and _month_number(before.text) is None)))


def tense_of(parsed: ParsedBulletin, start: int, end: int) -> Tense:
    """Past or future as the words governing the date say; None when nothing says (or a noun intervenes).

    The governing verb decides ("ran until 30 June" is past); the words just before the date
    ("since August", "until September") only when the verb does not.
    """
    span = parsed.span(start, end)
    if span is None or not len(span):
        return None
    tense = _governing_tense(span.root)
    if tense is None:
        before = {t.lower_ for t in parsed.doc[max(span.sent.start, span.start - 3):span.start]}
        tense = _cue_tense(before)
    return tense


def _governing_tense(token: Token) -> Tense:
    passed_verb = infinitive = False
    for _ in range(6):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and not passed_verb:  # "the meeting in December": the date dates the noun
            return _cue_tense({c.lower_ for c in token.children})
        if token.pos_ not in ("VERB", "AUX") and (token.lower_ not in FUTURE_CUES or token.pos_ == "ADP"):
            continue  # walk past prepositions ("until") to the verb; stop at "due", "expected"
        helpers = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if token.lower_ in FUTURE_CUES or helpers & FUTURE_CUES:
            return "future"
        if token.tag_ == "VBD" or (token.tag_ == "VBN" and not helpers - PAST_HELPERS):
            return None if infinitive else "past"  # "agreed to publish on 7 February": after the agreeing
        if "to" in helpers or (token.tag_ in ("VBG", "VB") and not helpers):
            passed_verb, infinitive = True, infinitive or "to" in helpers
            continue  # a non-finite verb takes its time from the clause it completes: "expected to be published"
        return _cue_tense({w.lower_ for c in token.children if c.dep_.startswith("nsubj") for w in c.children})
    return None


def _cue_tense(words: set[str]) -> Tense:
    """Tense cue words give: "the next survey runs", "the last meeting", "since August"."""
    return "past" if words & PAST_CUES else "future" if words & FUTURE_CUES else None


def _pick_year(point: Point, tense: Tense, ref: tuple[dt.date, dt.date], spread: int = 1) -> Point | None:
    """The occurrence of a point that fits the tense around the reference dates (``spread`` years either side)."""
    years = range(ref[0].year - spread, ref[1].year + spread + 1) if spread else [point.year]
    options = [replace(point, year=y) for y in years]
    options = [p for p in options if p.span()]
    by_weekday = [p for p in options if point.weekday is not None and p.span()[0].weekday() == point.weekday]
    if by_weekday:
        options, tense = by_weekday, None
    if tense == "past":
        fitting = [p for p in options if p.span()[0] <= ref[1]]
        return fitting[-1] if fitting else None
    if tense == "future":
        fitting = [p for p in options if p.span()[1] >= ref[0]]
        return fitting[0] if fitting else None
    middle = ref[0] + (ref[1] - ref[0]) / 2
    return min(options, key=lambda p: abs(p.span()[0] + (p.span()[1] - p.span()[0]) / 2 - middle), default=None)


class _Resolver:
    """Supplies missing years for one bulletin's candidates (see the module docstring for the order)."""

    def __init__(self, parsed: ParsedBulletin, cands: list[Candidate]) -> None:
        self.parsed = parsed
        self.cands = cands
        self.published = parsed.bulletin.published
        self.block_starts = [b.start for b in parsed.bulletin.blocks]
        self.explicit = [c for c in cands if c.kind in ("date", "range", "year") and c.explicit_year]
        # Anchors that carry their year through a paragraph: dates with a month; a bare year ("first met in
        # 2017", "priorities for 2018") sets no scene for later dates once there is a publication date.
        self.anchors = [c for c in self.explicit if c.first.month or self.published is None]
        title_dates = [c for c in scan(parsed.bulletin.title) if c.explicit_year and c.kind != "year"]
        self.title_span = title_dates[0].span() if title_dates else None
        head = parsed.bulletin.title + " " + parsed.text[:200]
        self.minutes = bool(MINUTES.search(head))
        # Minutes: the meeting date (in the title, else the first dated mention) anchors yearless dates.
        dated = [c.span() for c in self.explicit if c.first.month]
        self.meeting_span = self.title_span or (dated[0] if dated else None)

    def resolve(self, index: int, cand: Candidate) -> Candidate | None:
        carried = self._coordinated_year(index)
        if carried:
            return _with_year(cand, carried)
        tense = tense_of(self.parsed, cand.start, cand.end)
        published = (self.published, self.published) if self.published else None
        for year in self._paragraph_years(cand):
            trial = _with_year(cand, year)
            if trial and (published is None or _pick_year(trial.first, tense, published, spread=0) == trial.first):
                return trial  # the paragraph's year, unless the tense says otherwise around the publication date
        ref = self._reference(cand)
        if ref is None:
            log.debug("no anchor for yearless date %r in %s", cand, self.parsed.bulletin_id)
            return None
        first = _pick_year(cand.first, tense, ref)
        return _with_year(cand, first.year) if first else None

    def _coordinated_year(self, index: int) -> int | None:
        """Year of a later date coordinated with this one: "in September and December 2017"."""
        text = self.parsed.text
        for prev, nxt in zip(self.cands[index:], self.cands[index + 1:], strict=False):
            if not COORDINATION.fullmatch(text, prev.end, nxt.start) or nxt.kind in ("year", "relative"):
                return None
            if nxt.explicit_year:
                return nxt.first.year
        return None

    def _paragraph_years(self, cand: Candidate) -> list[int]:
        """Years the latest explicit date earlier in the paragraph suggests, most likely first.

        A later month keeps the year ("met on 22 June 2017 and again in December"); an earlier one is
        read as the nearer occurrence: after "met on 6 December 2018", "by 31 January" is January 2019,
        but after "will meet on 12 June 2019", "papers by 29 May" is May 2019.
        """
        block = bisect.bisect_right(self.block_starts, cand.start) - 1
        block_start = self.block_starts[block] if block >= 0 else 0
        before = [c for c in self.anchors if block_start <= c.start < cand.start]
        if not before:
            return []
        anchor = before[-1].last or before[-1].first
        year = anchor.year or 0
        if anchor.month is None or (cand.first.month or 1, cand.first.day or 1) >= (anchor.month, anchor.day or 1):
            return [year]
        return [year + 1, year] if anchor.month - (cand.first.month or 1) > 6 else [year, year + 1]

    def _reference(self, cand: Candidate) -> tuple[dt.date, dt.date] | None:
        before = [c for c in self.explicit if c.start < cand.start]
        from_text = before[-1].span() if before else None
        published = (self.published, self.published) if self.published else None
        order = (self.meeting_span, published) if self.minutes else (published, from_text, self.title_span)
        first = self.explicit[0].span() if self.explicit else None
        return next((ref for ref in (*order, first) if ref), None)


def _with_year(cand: Candidate, year: int) -> Candidate | None:
    first = replace(cand.first, year=year)
    if cand.last is None:
        return replace(cand, first=first) if first.span() else None
    first, last = _fill_range(first, cand.last)
    return replace(cand, first=first, last=last) if first.span() and last.span() else None


def _relative(cand: Candidate, phrase: str, published: dt.date) -> Candidate | None:
    words = phrase.casefold().split()
    if words[0] in ("yesterday", "tomorrow"):
        day = published + dt.timedelta(days=-1 if words[0] == "yesterday" else 1)
        return replace(cand, first=Point(day.year, day.month, day.day))
    step = {"this": 0, "next": 1, "last": -1}[words[0]]
    if words[1] == "year":
        return replace(cand, first=Point(published.year + step))
    if words[1] == "month":
        months = published.year * 12 + published.month - 1 + step
        return replace(cand, first=Point(months // 12, months % 12 + 1))
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)  # weeks run Monday-Sunday
    first, last = (Point(d.year, d.month, d.day) for d in (monday, monday + dt.timedelta(days=6)))
    return replace(cand, first=first, last=last)


def _keep(parsed: ParsedBulletin, cand: Candidate) -> bool:
    """Reject look-alikes and metadata before any year is resolved."""
    text = parsed.text
    if LABEL_BEFORE.search(text, max(0, cand.start - 40), cand.start):
        return False
    if cand.kind == "year":
        return not _is_name_year(parsed, cand)
    if cand.kind == "month":
        return not _is_false_month(parsed, cand)
    if cand.kind == "relative":
        return parsed.bulletin.published is not None and not DURATION_BEFORE.search(text, max(0, cand.start - 8),
                                                                                     cand.start)
    return True


def _mention(parsed: ParsedBulletin, cand: Candidate) -> DateMention:
    start, end = cand.span()
    return DateMention(parsed.bulletin_id, parsed.section_id_at(cand.start), parsed.text[cand.start:cand.end],
                       cand.value(), start, end, cand.first.granularity, cand.start, cand.end,
                       parsed.sentence_at(cand.start))


def _merge_relative_years(parsed: ParsedBulletin, cands: list[Candidate]) -> list[Candidate]:
    """One mention for "3 July last year", "May of this year": the relative year gives the date its year."""
    merged: list[Candidate] = []
    for cand in cands:
        previous = merged[-1] if merged else None
        if (cand.kind == "relative" and previous is not None and previous.first.year is None
                and previous.kind != "relative" and parsed.text[cand.end - 4:cand.end].casefold() == "year"
                and OF_BETWEEN.fullmatch(parsed.text, previous.end, cand.start)):
            year = _relative(cand, parsed.text[cand.start:cand.end], parsed.bulletin.published).first.year
            dated = _with_year(previous, year)
            if dated is not None:
                merged[-1] = replace(dated, end=cand.end, kind="relative_date")  # not an explicit year
                continue
        merged.append(cand)
    return merged


def find_dates(parsed: ParsedBulletin) -> list[DateMention]:
    """Every temporal expression in the body that points at a calendar time."""
    cands = _merge_relative_years(parsed, [c for c in scan(parsed.text) if _keep(parsed, c)])
    resolver = _Resolver(parsed, cands)
    mentions = []
    for index, cand in enumerate(cands):
        if cand.kind == "relative":
            resolved = _relative(cand, parsed.text[cand.start:cand.end], parsed.bulletin.published)
        elif cand.first.year is None:
            resolved = resolver.resolve(index, cand)
        else:
            resolved = cand
        if resolved is not None and resolved.span():
            mentions.append(_mention(parsed, resolved))
    return mentions


def resolve_text(text: str, reference: dt.date | None = None) -> tuple[str, dt.date, dt.date] | None:
    """Value, first and last day of the first date in a short ``text`` (no NLP; for other stages).

    A yearless date takes the occurrence nearest ``reference``: "24 January" near 2018-01-25 -> 2018-01-24.
    """
    for cand in scan(text):
        if cand.first.year is None and cand.kind != "relative" and reference is not None:
            first = _pick_year(cand.first, None, (reference, reference))
            cand = _with_year(cand, first.year) if first else None
        if cand is not None and cand.span():
            return cand.value(), *cand.span()
    return None
