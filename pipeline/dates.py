"""Stage 3: dates. Every temporal expression in the body that points at a calendar time.

Candidates come from compiled regexes (ranges, full dates, month-year, bare months and years, a few
relative phrases); token attributes of the already-parsed Doc reject look-alikes ("may" the modal,
"Ms March", "Act 2015", "(2011 asp 1)", "the 2017 awards"). A missing year comes from, in order:
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
- Relative phrases with a count ("three months ago", "in two weeks' time", "last Tuesday") go to dateparser
  against the publication date; "a week on Tuesday" is the Tuesday after the coming one; "w/c 4 March" is
  the seven days from 4 March.
- A yearless month after an explicit date in the paragraph but earlier in the year is the next year's
  ("met on 6 December 2018 ... papers by 31 January" -> 2019) unless a cue refers back to before that
  date ("following a review in March", "since March", "after the pilot ended in February") -> same year.

Which occurrence a tense or an adjacent word ("last March", "next March") points at is ``date_tense``'s job.
Candidates and their normalisation live in ``date_patterns`` (month table) and ``date_parser`` (dateparser,
only for the numeric and counted relative forms the table does not cover: ~1-5 ms a call).
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import replace

from spacy.tokens import Token

from .date_parser import relative
from .date_patterns import Candidate, Point, fill_range, month_number, scan, week_end
from .date_tense import (
    ADJACENT_CUE,
    ADJACENT_CUES,
    BACK_CUES,
    Tense,
    is_cue,
    pick_year,
    preceding_since,
    tense_of,
)
from .lexicon import load_set
from .parsed import ParsedBulletin
from .records import DateMention

__all__ = ["Candidate", "Point", "find_dates", "resolve_text", "scan", "tense_of"]

log = logging.getLogger(__name__)


YEAR_OPENERS = load_set("dates-year-openers", casefold=True)
TIME_NOUNS = load_set("dates-time-nouns", casefold=True)
NAME_TITLES = load_set("dates-name-titles", casefold=True)
# A bare "May" is a month only after these: "in May", "the May meeting"; not "Theresa May", "May I thank"
MAY_OK_BEFORE = re.compile(
    r"\b(?:in|on|by|since|until|till|from|during|before|after|of|early|late|mid|end|the"
    r"|last|next|this|between|and|or|to)[\s-]+$",
    re.I,
)
# Metadata labels the cleaner may have left: "Published: 21 October 2025", "© 2018"
LABEL_BEFORE = re.compile(
    r"(?:(?:^|\n)[\s\-•*]*(?:first |last )?(?:published|updated|posted|modified)(?: on)?"
    r"\s*[:\-–]?[\s\-•*]*|©\s*|copyright\s*)$",
    re.I,
)
# A number right before a bare year makes it part of a longer number: "0131 244 2015"
NUMBER_BEFORE = re.compile(r"\d\s+$")
# The capitalised word right before a bare year: "Act" in "Act 2015", "Plan" in "Plan (2016)"
WORD_BEFORE_YEAR = re.compile(r"\b([A-Z][\w’'&-]*)\s*\(?\s*$")
# A year that opens a legislation citation: "(2011 asp 1)", "2014 c. 12", "1998 ch. 46" (Acts of the Scottish
# and UK Parliaments by year and chapter number)
CITATION_AFTER = re.compile(r"\s*(?:asp|c\.|ch\.|chapter|cap\.)\s*\d", re.I)
# What may stand between coordinated dates: "September and December 2017", "5 March, 9 April 2018"
COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|or|&|,)\s*", re.I)
# What may join a date and a relative year: "3 July last year", "May of this year"
OF_BETWEEN = re.compile(r"\s*,?\s*(?:of\s+)?")
# "the next week" is a duration ("over the next week"), "next week" a calendar week; so is "within two weeks' time"
DURATION_BEFORE = re.compile(r"\b(?:the|a|each|every|per|within)\s+$", re.I)
# Minutes are published long after the meeting: their yearless dates lean on the meeting date.
MINUTES = re.compile(r"\bminutes\b", re.I)


def _is_name_year(parsed: ParsedBulletin, cand: Candidate) -> bool:
    """A year that is part of a name ("Act 2015", "Plan (2016)") or modifies one ("the 2017 awards")."""
    if NUMBER_BEFORE.search(parsed.text, max(0, cand.start - 3), cand.start) or CITATION_AFTER.match(
        parsed.text, cand.end
    ):
        return True
    word = WORD_BEFORE_YEAR.search(parsed.text, max(0, cand.start - 40), cand.start)
    if word and word.group(1).rstrip("-").casefold() not in YEAR_OPENERS and month_number(word.group(1)) is None:
        return True
    span = parsed.span(cand.start, cand.end)
    if span is None or span.end >= len(span.doc):
        return False
    token, after = span[-1], span.doc[span.end]  # "20" and "allocation" in "the 2019-20 allocation"
    before = span.doc[span.start - 1] if span.start > 0 else None
    modifies = (after.pos_ in ("NOUN", "PROPN", "ADJ") and token.head.i > token.i) or (
        after.is_title and after.pos_ == "PROPN"
    )  # "2017 Quality Improvement Awards Ceremony"
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
    if before is not None and (
        before.text.rstrip(".").casefold() in NAME_TITLES
        or (before.pos_ == "PROPN" and before.is_title and month_number(before.text) is None)
    ):
        return True
    return _is_first_name(parsed, cand, token)


def _is_first_name(parsed: ParsedBulletin, cand: Candidate, token: Token) -> bool:
    """A month word used as a first name: before a surname ("June Laidlaw, Policy Officer"), before ", who"
    ("in particular April, who joined us"), or coordinated with a name as a subject ("June and Tom presented").

    A month after a preposition or article ("in June Parliament agreed", "the June Board") stays a month.
    """
    if MAY_OK_BEFORE.search(parsed.text, max(0, cand.start - 10), cand.start):
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.is_title and after.pos_ == "PROPN" and month_number(after.text) is None:
        return True
    if after is not None and after.text == "," and token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "who":
        return True
    partners = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
    subject = token.dep_.startswith("nsubj") or (token.dep_ == "conj" and token.head.dep_.startswith("nsubj"))
    return subject and any(
        p.pos_ == "PROPN" and p.is_title and month_number(p.text) is None and not p.like_num for p in partners
    )


class _Resolver:
    """Supplies missing years for one bulletin's candidates (see the module docstring for the order)."""

    def __init__(self, parsed: ParsedBulletin, cands: list[Candidate]) -> None:
        self.parsed = parsed
        self.cands = cands
        self.published = parsed.bulletin.published
        self.block_starts = [b.start for b in parsed.bulletin.blocks]
        self.explicit = [c for c in cands if c.kind in ("date", "range", "year", "week") and c.explicit_year]
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
        adjacent = ADJACENT_CUE.search(self.parsed.text, max(0, cand.start - 12), cand.start)
        strict = adjacent is not None
        tense: Tense = ADJACENT_CUES[adjacent.group(1).casefold()] if adjacent else None  # type: ignore[assignment]
        tense = tense or tense_of(self.parsed, cand.start, cand.end)
        published = (self.published, self.published) if self.published else None
        # minutes without a publication date: the meeting date is when the text speaks ("will publish on 28 October")
        now = published or (self.meeting_span if self.minutes else None)
        years, bare = self._paragraph_years(cand)
        if tense == "future" and self.published and not self._anchor_in_sentence(cand):
            years = []  # "The report will be published by June 2025. X will give evidence on 5 December": the next one
        for year in years:
            trial = _with_year(cand, year)
            if trial is None or (now is None and bare and tense == "future"):
                continue  # "who has chaired it since 2016 and stands down in May": a past year sets no future date
            if now is None or pick_year(trial.first, tense, now, 0, cand.last, strict) == trial.first:
                return trial  # the paragraph's year, unless the tense says otherwise around the publication date
        ref, from_text = self._reference(cand)
        if ref is None:
            log.debug("no anchor for yearless date %r in %s", cand, self.parsed.bulletin_id)
            return None
        # a date the text mentions is not when it was written: the tense says nothing about it, take the nearest
        first = pick_year(cand.first, None if from_text else tense, ref, 1, cand.last, strict)
        return _with_year(cand, first.year) if first else None

    def _coordinated_year(self, index: int) -> int | None:
        """Year of a later date coordinated with this one: "in September and December 2017"."""
        text = self.parsed.text
        for prev, nxt in zip(self.cands[index:], self.cands[index + 1 :], strict=False):
            if not COORDINATION.fullmatch(text, prev.end, nxt.start) or nxt.kind in ("year", "relative"):
                return None
            if nxt.explicit_year:
                return nxt.first.year
        return None

    def _paragraph_years(self, cand: Candidate) -> tuple[list[int], bool]:
        """Years the latest explicit date earlier in the paragraph suggests, most likely first, and whether that
        date is a bare year.

        A later month keeps the year ("met on 22 June 2017 and again in December"); an earlier one is
        read as the nearer occurrence: after "met on 6 December 2018", "by 31 January" is January 2019,
        but after "will meet on 12 June 2019", "papers by 29 May" is May 2019.
        """
        block = bisect.bisect_right(self.block_starts, cand.start) - 1
        block_start = self.block_starts[block] if block >= 0 else 0
        # "who had chaired it since its first meeting in May 2017": a date "since" dates is background, no scene
        before = [c for c in self.anchors if block_start <= c.start < cand.start and not self._since(c)]
        if not before:
            return [], False
        anchor = before[-1].last or before[-1].first
        year = anchor.year or 0
        if anchor.month is None or (cand.first.month or 1, cand.first.day or 1) >= (anchor.month, anchor.day or 1):
            return [year], anchor.month is None
        if self._refers_back(cand):
            return [year], False  # "opened on 4 November 2018, following a review in March": before the anchor
        return ([year + 1, year] if anchor.month - (cand.first.month or 1) > 6 else [year, year + 1]), False

    def _anchor_in_sentence(self, cand: Candidate) -> bool:
        sentence = self.parsed.sentence_span_at(cand.start)
        return any(sentence.start_char <= c.start < cand.start for c in self.anchors)

    def _since(self, cand: Candidate) -> bool:
        span = self.parsed.span(cand.start, cand.end)
        return span is not None and len(span) > 0 and preceding_since(self.parsed.doc, span.start)

    def _refers_back(self, cand: Candidate) -> bool:
        """A cue governing the date puts it before what the paragraph told earlier.

        The cue must head the date's phrase ("following a review in March", "since March") or introduce its
        clause ("after the pilot ended in February"); a cue elsewhere ("after a break, met again in
        February") says nothing about this date.
        """
        span = self.parsed.span(cand.start, cand.end)
        if span is None or not len(span) or tense_of(self.parsed, cand.start, cand.end) == "future":
            return False
        token = span.root
        for _ in range(6):
            if token.head is token:
                return False
            token = token.head
            if is_cue(token, BACK_CUES):
                return True
            if token.pos_ in ("VERB", "AUX"):  # the date's clause ends here
                return any(is_cue(c, BACK_CUES) for c in token.children if c.dep_ in ("mark", "advmod"))
        return False

    def _reference(self, cand: Candidate) -> tuple[tuple[dt.date, dt.date] | None, bool]:
        """The reference date, and whether it is only a date the text mentions (not when the text was written).

        Of the dates before the mention, the latest with a month is the reference: a bare year ("set up in
        2016") is background more often than the scene."""
        before = [c for c in self.explicit if c.start < cand.start]
        with_month = [c for c in before if c.first.month]
        from_text = (with_month or before)[-1].span() if before else None
        published = (self.published, self.published) if self.published else None
        if self.minutes and self.meeting_span:
            return self.meeting_span, False
        if published:
            return published, False
        first = self.explicit[0].span() if self.explicit else None
        return next((ref for ref in (from_text, self.title_span, first) if ref), None), True


def _with_year(cand: Candidate, year: int) -> Candidate | None:
    first = replace(cand.first, year=year)
    if cand.kind == "week":
        return week_end(replace(cand, first=first)) if first.span() else None
    if cand.last is None:
        return replace(cand, first=first) if first.span() else None
    first, last = fill_range(first, cand.last)
    return replace(cand, first=first, last=last) if first.span() and last.span() else None


def _relative(cand: Candidate, phrase: str, published: dt.date) -> Candidate | None:
    """The calendar time a relative phrase names on the publication date (see ``date_parser.relative``)."""
    named = relative(phrase, published)
    if named is None:
        return None
    first, last, granularity = named

    def point(day: dt.date) -> Point:
        return Point(day.year, day.month if granularity != "year" else None, day.day if granularity == "day" else None)

    return replace(cand, first=point(first), last=point(last) if granularity == "day" and last != first else None)


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
        return parsed.bulletin.published is not None and not DURATION_BEFORE.search(
            text, max(0, cand.start - 8), cand.start
        )
    return True


def _mention(parsed: ParsedBulletin, cand: Candidate) -> DateMention:
    start, end = cand.span()
    return DateMention(
        parsed.bulletin_id,
        parsed.section_id_at(cand.start),
        parsed.text[cand.start : cand.end],
        cand.value(),
        start,
        end,
        cand.first.granularity,
        cand.start,
        cand.end,
        parsed.sentence_at(cand.start),
    )


def _merge_relative_years(parsed: ParsedBulletin, cands: list[Candidate]) -> list[Candidate]:
    """One mention for "3 July last year", "May of this year": the relative year gives the date its year."""
    merged: list[Candidate] = []
    for cand in cands:
        previous = merged[-1] if merged else None
        if (
            cand.kind == "relative"
            and previous is not None
            and previous.first.year is None
            and previous.kind != "relative"
            and parsed.text[cand.end - 4 : cand.end].casefold() == "year"
            and OF_BETWEEN.fullmatch(parsed.text, previous.end, cand.start)
        ):
            year = _relative(cand, parsed.text[cand.start : cand.end], parsed.bulletin.published)
            dated = _with_year(previous, year.first.year) if year else None
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
            resolved = _relative(cand, parsed.text[cand.start : cand.end], parsed.bulletin.published)
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
            first = pick_year(cand.first, None, (reference, reference))
            cand = _with_year(cand, first.year) if first else None
        if cand is not None and cand.span():
            return cand.value(), *cand.span()
    return None
