"""Events stage: happenings over a period or without a meeting word (payments going out, pilots running, goods
handed out, instruments approved, a committee addressed, documents falling due), the windows that are no event,
and a month reference to a meeting whose groups only come from its sentence.

Invented sentences with hand-made date records, as in ``test_events.py``: they test the events stage alone.
"""

from __future__ import annotations

import pytest
from test_event_triggers import _day, _events, _month

from pipeline.model import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


# (sentence, date surface, value, granularity, expected type or None)
CASES = [
    # a payment going out is a happening, like "pay"; a payment rising is not (and a bare year never dates a noun)
    ("The first crofting grant payments were made to tenants in May.", "May", "2019-05", "month", "event"),
    ("Bursary payments went out to students on 3 March.", "3 March", "2019-03-03", "day", "event"),
    ("Payments to crofters rose by 4% in 2018.", "2018", "2018", "year", None),
    # goods handed out over a period
    (
        "From June to September the Trust distributed 2,000 energy kits.",
        "June to September",
        "2018-06/2018-09",
        "month",
        "event",
    ),
    # a pilot running or begun is an event; "pilot" as a modifier of another noun is not
    (
        "The harbour warden pilot, which ran from April to August, was judged a success.",
        "April to August",
        "2018-04/2018-08",
        "month",
        "event",
    ),
    ("In March the Ferry Board began a pilot of evening sailings.", "March", "2019-03", "month", "event"),
    ("The pilot boat reached the pier late on 3 May.", "3 May", "2019-05-03", "day", None),
    # drop-in and training sessions are public events, not meetings of a group
    (
        "Volunteers from the Trust ran three drop-in sessions for tenants in Oban in July.",
        "July",
        "2018-07",
        "month",
        "event",
    ),
    ("The Board will run a training day for skippers in Mallaig on 5 March.", "5 March", "2020-03-05", "day", "event"),
    # a legal instrument approved is a legislation stage; a budget approved is no event
    (
        "The draft Harbour Charges Order was approved by Parliament on 8 May.",
        "8 May",
        "2019-05-08",
        "day",
        "legislation",
    ),
    ("The Board approved the new budget on 8 May.", "8 May", "2019-05-08", "day", None),
    # addressing a committee is a committee session (like giving evidence); talking to reporters is not
    (
        "The Minister told the Rural Economy Committee on 3 October that the fund would stay open.",
        "3 October",
        "2018-10-03",
        "day",
        "meeting",
    ),
    ("She told reporters on 3 October that the fund would stay open.", "3 October", "2018-10-03", "day", None),
    # statistics and an edition are documents falling due or following; a modifier "return" makes no document
    ("The next quarterly ferry statistics are due on 14 March.", "14 March", "2020-03-14", "day", "publication"),
    ("A revised edition of the handbook will follow in April.", "April", "2020-04", "month", "publication"),
    ("The return ferry is due on 14 March.", "14 March", "2020-03-14", "day", None),
    # a letter written or sent is a happening; writing a report is not
    ("The Minister wrote to the Home Office on 11 July.", "11 July", "2019-07-11", "day", "event"),
    ("The letter to the Cabinet Secretary was sent on 2 July.", "2 July", "2019-07-02", "day", "event"),
    ("Officials wrote the first chapter on 11 July.", "11 July", "2019-07-11", "day", None),
    # something starting on a day under a future verb; a month start, or a past or present verb, is no event
    ("From 6 November, the Regulator will offer a free course.", "6 November", "2019-11-06", "day", "event"),
    ("From August, every teacher will complete a new module.", "August", "2019-08", "month", None),
    ("Figures from 6 November show a rise in demand.", "6 November", "2019-11-06", "day", None),
    # a statement given or made to Parliament is an announcement, not a document
    ("The Minister will give a statement to Parliament on 10 October.", "10 October", "2019-10-10", "day",
     "announcement"),
    ("The Minister made a statement on 4 May.", "4 May", "2019-05-04", "day", "announcement"),
    ("Ann Hill took over as Chair in May.", "May", "2019-05", "month", "appointment"),
    # a verb the tagger calls a noun still dates its happening
    (
        "The Government's consultation “Ending the Sale of Peat” runs from 6 September to 10 December.",
        "6 September to 10 December",
        "2019-09-06/2019-12-10",
        "day",
        "consultation",
    ),
    ("Iain Cairns, who has led the Council for years, retires at the end of October.", "October", "2019-10",
     "month", "appointment"),
    ("His letter went out on 9 December.", "9 December", "2019-12-09", "day", "event"),
    ("The Minister replied on 2 August.", "2 August", "2019-08-02", "day", "event"),
    ("The library reopened on 20 August after a refurbishment.", "20 August", "2019-08-20", "day", "event"),
]


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "granularity", "event_type"),
    CASES,
    ids=[f"{c[4] or 'no-event'}-{c[2]}" for c in CASES],
)
def test_happening(nlp, sentence, surface, value, granularity, event_type):
    events = _events(nlp, [sentence], [(surface, value, granularity, 0)])
    assert [e.type for e in events] == ([event_type] if event_type else [])


def test_funding_round_opening_and_closing_is_no_event(nlp):
    sentence = "The third round of the harbour fund opened on 2 April and closed on 30 May."
    dates = [_day("2 April", "2019-04-02"), _day("30 May", "2019-05-30")]
    assert _events(nlp, [sentence], dates) == []


def test_month_meeting_with_groups_only_from_its_sentence_repeats_the_day_meeting(nlp):
    paragraphs = [
        "The Island Transport Board met on 4 June in Oban.",
        "At the June meeting members welcomed the Harbour Trust and the Ferry Users Group as new members.",
    ]
    dates = [_day("4 June", "2019-06-04"), _month("June", "2019-06", 1)]
    groups = [
        ("Island Transport Board", None, (), "Island Transport Board"),
        ("Harbour Trust", None, (), "Harbour Trust"),
        ("Ferry Users Group", None, (), "Ferry Users Group"),
    ]
    events = _events(nlp, paragraphs, dates, groups)
    assert [(e.type, e.value) for e in events] == [("meeting", "2019-06-04")]


def test_month_meeting_of_a_group_named_in_it_is_kept(nlp):
    paragraphs = [
        "The Island Transport Board met on 4 June in Oban.",
        "The June meeting of the Ferry Users Group agreed the winter timetable.",
    ]
    dates = [_day("4 June", "2019-06-04"), _month("June", "2019-06", 1)]
    groups = [
        ("Island Transport Board", None, (), "Island Transport Board"),
        ("Ferry Users Group", None, (), "Ferry Users Group"),
    ]
    events = _events(nlp, paragraphs, dates, groups)
    assert sorted((e.value, e.groups) for e in events) == [
        ("2019-06", ("Ferry Users Group",)),
        ("2019-06-04", ("Island Transport Board",)),
    ]
