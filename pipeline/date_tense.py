"""Which occurrence of a yearless date the text means: the tense of the words governing it, and the pick.

Past tense ("was held", "since") takes the latest occurrence on or before the reference date, future ("will",
"due", "should", a timetable in the present: "the survey closes on 3 June") the first on or after it, otherwise the
nearest. A word right before the date ("last March", "since March", "next March") also excludes the occurrence
that contains the reference date. A range is judged by its whole extent.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Literal

from spacy.tokens import Doc, Token

from .date_patterns import Point, fill_range
from .lexicon import load_list, load_set
from .parsed import ParsedBulletin

Tense = Literal["past", "future"] | None

FUTURE_CUES = load_set("dates-future-cues", casefold=True)
PAST_CUES = load_set("dates-past-cues", casefold=True)
BACK_CUES = load_set("dates-back-cues", casefold=True)
PAST_HELPERS = frozenset({"has", "have", "had", "was", "were", "been"})  # "has met", "was held"
TIMETABLE = "timetable"  # a present verb: future unless the words before the date look back
SINCE_REACH = 6  # "since the last one in March": tokens between "since" and the date
# A word right before a yearless date that fixes its direction and excludes the reference's own occurrence:
# "last January" / "since January" in a post of 9 January is the January before; "next June" in June is next year's.
ADJACENT_CUES: dict[str, str] = {
    word.strip().casefold(): tense.strip()
    for word, _, tense in (e.partition("=") for e in load_list("dates-adjacent-cues"))
}
ADJACENT_CUE = re.compile(r"\b(" + "|".join(map(re.escape, ADJACENT_CUES)) + r")\s+$", re.I)


def tense_of(parsed: ParsedBulletin, start: int, end: int) -> Tense:
    """Past or future as the words governing the date say; None when nothing says (or a noun intervenes).

    The governing verb decides ("ran until 30 June" is past); the words just before the date
    ("since August", "until September") only when the verb does not.
    """
    span = parsed.span(start, end)
    if span is None or not len(span):
        return None
    tense = _governing_tense(span.root)
    if tense == TIMETABLE:
        # a present verb is a timetable ("the survey closes on 3 June") unless "since" looks back to the date:
        # "this update covers our work since the last one in March" ("runs until the last week of March" is ahead)
        return "past" if preceding_since(parsed.doc, span.start) else "future"
    if tense is None:
        before = {t.lower_ for t in parsed.doc[max(span.sent.start, span.start - 3) : span.start]}
        tense = _cue_tense(before) or ("past" if preceding_since(parsed.doc, span.start) else None)
    return tense


def preceding_since(doc: Doc, start: int) -> bool:
    """ "since the last one in March": "since" a few words before token ``start`` (a date's first token), with no
    verb between."""
    for token in reversed(doc[max(doc[start].sent.start, start - SINCE_REACH) : start]):
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.lower_ == "since":
            return True
    return False


def _governing_tense(token: Token) -> Tense | str:
    date = token
    passed_verb = infinitive = False
    for _ in range(6):
        if token.head is token:
            break
        token = token.head
        if _closed_participle(token, date):
            continue  # "will publish it, provisionally titled X, in May": the date is the main verb's
        if token.pos_ in ("NOUN", "PROPN") and not passed_verb:  # "the meeting in December": the date dates the noun
            cue = _cue_tense({c.lower_ for c in token.children})
            if cue is not None or token.dep_ != "dobj":
                return cue
            continue  # "published its response on 14 February": the date hangs on the object; the verb dates it
        if token.pos_ not in ("VERB", "AUX") and (token.lower_ not in FUTURE_CUES or token.pos_ == "ADP"):
            continue  # walk past prepositions ("until") to the verb; stop at "due", "expected"
        helpers = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if not helpers and token.dep_ == "conj" and token.tag_ in ("VBN", "VB") and token.head.pos_ in ("VERB", "AUX"):
            # "will be published in June and discussed in December": the second verb shares the first's auxiliaries
            helpers = {c.lower_ for c in token.head.children if c.dep_ in ("aux", "auxpass")}
        if token.lower_ in FUTURE_CUES or helpers & FUTURE_CUES:
            return "future"
        if token.tag_ == "VBD" or (token.tag_ == "VBN" and not helpers - PAST_HELPERS):
            return None if infinitive else "past"  # "agreed to publish on 7 February": after the agreeing
        if "to" in helpers or (token.tag_ in ("VBG", "VB") and not helpers):
            passed_verb, infinitive = True, infinitive or "to" in helpers
            continue  # a non-finite verb takes its time from the clause it completes: "expected to be published"
        cue = _cue_tense({w.lower_ for c in token.children if c.dep_.startswith("nsubj") for w in c.children})
        if cue is None and token.tag_ in ("VBZ", "VBP") and not helpers:
            return TIMETABLE  # a timetable in the present ("the scheme starts in May", "the survey closes on 3 June")
        return cue
    return None


def _closed_participle(token: Token, date: Token) -> bool:
    """A bare participle whose phrase a comma closes before the date: the parse hung the date on it by mistake."""
    return (
        token.tag_ == "VBN"
        and token.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
        and any(c.dep_ == "punct" and c.text == "," and token.i < c.i < date.i for c in token.children)
    )


def is_cue(token: Token, cues: frozenset[str]) -> bool:
    return token.lower_ in cues or token.lemma_.casefold() in cues


def _cue_tense(words: set[str]) -> Tense:
    """Tense cue words give: "the next survey runs", "the last meeting", "since August"."""
    return "past" if words & PAST_CUES else "future" if words & FUTURE_CUES else None


def _extent(point: Point, last: Point | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a point covers, through the end of its range when it opens one."""
    span = point.span()
    if span is None or last is None:
        return span
    end = fill_range(point, last)[1].span()
    return (span[0], end[1]) if end else None


def _months_apart(point: Point, day: dt.date) -> int:
    return abs((point.year or day.year) * 12 + (point.month or 1) - (day.year * 12 + day.month))


def pick_year(
    point: Point,
    tense: Tense,
    ref: tuple[dt.date, dt.date],
    spread: int = 1,
    last: Point | None = None,
    strict: bool = False,
) -> Point | None:
    """The occurrence of a point that fits the tense around the reference dates (``spread`` years either side).

    A range is judged by its whole extent ("between 1 April and 30 September" posted in December is the
    April-September just gone, though next April is nearer than last April). ``strict`` excludes an occurrence
    that overlaps the reference: "last January" or "since January" in a post of 9 January is the year before;
    and, for a bare month, the month next to it, which the writer would have called "last month" ("last
    January" in a post of 4 February is the January a year before).
    """
    years = range(ref[0].year - spread, ref[1].year + spread + 1) if spread else [point.year]
    options = [(p, e) for p in (replace(point, year=y) for y in years) if (e := _extent(p, last))]
    by_weekday = [(p, e) for p, e in options if point.weekday is not None and e[0].weekday() == point.weekday]
    if by_weekday:
        options, tense = by_weekday, None
    if tense == "past":
        fitting = [p for p, e in options if (e[1] < ref[0] if strict else e[0] <= ref[1])]
        if strict and point.day is None and last is None:  # "last January" in February: not last month
            fitting = [p for p in fitting if _months_apart(p, ref[0]) > 1]
        return fitting[-1] if fitting else None
    if tense == "future":
        fitting = [p for p, e in options if (e[0] > ref[1] if strict else e[1] >= ref[0])]
        if strict and point.day is None and last is None:  # "next March" in February: not next month
            fitting = [p for p in fitting if _months_apart(p, ref[1]) > 1]
        return fitting[0] if fitting else None
    middle = ref[0] + (ref[1] - ref[0]) / 2
    return min(options, key=lambda pe: abs(pe[1][0] + (pe[1][1] - pe[1][0]) / 2 - middle), default=(None,))[0]
