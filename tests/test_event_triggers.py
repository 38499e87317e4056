"""Events stage: triggers beyond "met" and "published" (appointments, step-downs, services going live, documents
falling due, occasions someone attends), and a month reference to a meeting already dated to the day.

Invented one-sentence bulletins with hand-made date records, as in ``test_events.py``: they test the events stage
alone, whatever the dates stage finds.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_events import _bulletin, _dates, _groups

from pipeline.events import find_events
from pipeline.model import load_model
from pipeline.parsed import parse
from pipeline.sections import find_sections


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _events(nlp, paragraphs: list[str], dates, groups=()):
    bulletin = _bulletin([("paragraph", p) for p in paragraphs], "Coastal Update", dt.date(2019, 6, 1))
    parsed = parse([bulletin], [find_sections(bulletin)], nlp)[0]
    return find_events(parsed, _dates(parsed, dates), _groups(parsed, list(groups)), [])


def _month(surface: str, value: str, occurrence: int = 0):
    return (surface, value, "month", occurrence)


def _day(surface: str, value: str, occurrence: int = 0):
    return (surface, value, "day", occurrence)


# (sentence, date surface, value, granularity, expected type or None)
CASES = [
    # appointments and departures from a post are both "appointment": a change of who holds an office
    (
        "Rhona Kerr will join the Coastal Forum as Vice Convener in March 2020.",
        "March 2020",
        "2020-03",
        "month",
        "appointment",
    ),
    (
        "Callum Bain takes up the post of Harbour Master on 6 January 2020.",
        "6 January 2020",
        "2020-01-06",
        "day",
        "appointment",
    ),
    (
        "When I took up my role as Island Commissioner in May, the backlog was long.",
        "May",
        "2019-05",
        "month",
        "appointment",
    ),
    (
        "Janet Orr stepped down as Chair of the Fisheries Council on 31 March 2019.",
        "31 March 2019",
        "2019-03-31",
        "day",
        "appointment",
    ),
    (
        "The Harbour Master, Neil Frew, will retire at the end of October.",
        "the end of October",
        "2019-10",
        "month",
        "appointment",
    ),
    ("She will be succeeded by Tom Reid on 1 November 2019.", "1 November 2019", "2019-11-01", "day", "appointment"),
    # a service or scheme starting: "event"
    ("The online booking system went live on 4 February 2019.", "4 February 2019", "2019-02-04", "day", "event"),
    ("The new crofting grant will be paid from 1 July 2019.", "1 July 2019", "2019-07-01", "day", "event"),
    ("The island ferry fund opens on 2 September 2019.", "2 September 2019", "2019-09-02", "day", "event"),
    ("Trials of the new tide gauge began in Orkney in April 2019.", "April 2019", "2019-04", "month", "event"),
    ("The revised harbour bylaws will take effect on 1 October 2019.", "1 October 2019", "2019-10-01", "day", "event"),
    ("Numbers of visitors began to rise in 2017.", "2017", "2017", "year", None),
    # a document falling due, following or going to someone: "publication"
    ("The Panel's final report is due by 31 March 2020.", "31 March 2020", "2020-03-31", "day", "publication"),
    (
        "A second volume of the guidance will follow in November 2019.",
        "November 2019",
        "2019-11",
        "month",
        "publication",
    ),
    (
        "The annual statement on harbour safety will be laid before Parliament in January 2020.",
        "January 2020",
        "2020-01",
        "month",
        "publication",
    ),
    # a legal instrument laid before Parliament is a legislation event; a report laid there is a publication
    (
        "Statutory guidance under the Harbours (Scotland) Act 2017 was laid in the Scottish Parliament on 4 March.",
        "4 March",
        "2019-03-04",
        "day",
        "legislation",
    ),
    (
        "The draft Ferry Fares Regulations will be laid before Parliament in September.",
        "September",
        "2019-09",
        "month",
        "legislation",
    ),
    (
        "The taskforce has been asked to make its recommendations by 28 February 2020.",
        "28 February 2020",
        "2020-02-28",
        "day",
        "publication",
    ),
    (
        "The Review Group, which reported to Ministers in August 2018, was then stood down.",
        "August 2018",
        "2018-08",
        "month",
        "publication",
    ),
    ("Members noted that all three harbours would report again in November.", "November", "2019-11", "month", None),
    ("Our draft findings went to the Cabinet Secretary on 14 May.", "14 May", "2019-05-14", "day", "publication"),
    ("Since our last update in March, the pilots have grown.", "March", "2019-03", "month", "publication"),
    ("Ferry timetables will follow the usual pattern in July 2019.", "July 2019", "2019-07", "month", None),
    # evidence gathering: "consultation"
    (
        "Our call for evidence ran from 3 June to 30 August 2018.",
        "3 June to 30 August 2018",
        "2018-06-03/2018-08-30",
        "day",
        "consultation",
    ),
    (
        "A survey of harbour users, carried out between 1 March and 30 April 2019, found strong support.",
        "1 March and 30 April 2019",
        "2019-03-01/2019-04-30",
        "day",
        "consultation",
    ),
    # an occasion someone attends, speaks at or gives evidence to
    (
        "The Minister will speak at the Coastal Futures Summit in Oban on 9 October 2019.",
        "9 October 2019",
        "2019-10-09",
        "day",
        "conference",
    ),
    (
        "If you are at the Royal Highland Show on 21 June 2019, visit our stand.",
        "21 June 2019",
        "2019-06-21",
        "day",
        "event",
    ),
    ("In June I spent three days at the Islands Youth Summit in Stornoway.", "June", "2019-06", "month", "conference"),
    (
        "I will be at Holyrood on 2 October 2019 to give evidence to the Rural Affairs Committee.",
        "2 October 2019",
        "2019-10-02",
        "day",
        "meeting",
    ),
    ("MSPs held a members' debate on coastal erosion on 4 June 2019.", "4 June 2019", "2019-06-04", "day", "event"),
    ("She spent the summer of 2018 at the Marine Laboratory.", "2018", "2018", "year", None),
    # an occasion that is the subject of a scheduling verb
    ("The Forum's next meeting is planned for 3 March in Inverness.", "3 March", "2019-03-03", "day", "meeting"),
    ("The open day is scheduled for 14 October 2019.", "14 October 2019", "2019-10-14", "day", "event"),
]


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "granularity", "event_type"),
    CASES,
    ids=[f"{c[4] or 'no-event'}-{c[2]}" for c in CASES],
)
def test_trigger(nlp, sentence, surface, value, granularity, event_type):
    events = _events(nlp, [sentence], [(surface, value, granularity, 0)])
    assert [e.type for e in events] == ([event_type] if event_type else [])


def test_month_reference_to_a_meeting_dated_to_the_day_is_the_same_meeting(nlp):
    paragraphs = [
        "The Island Transport Board met on 12 March 2019 to agree its priorities.",
        "The minutes of the March meeting will be published in April.",
    ]
    dates = [_day("12 March 2019", "2019-03-12"), _month("March", "2019-03", 1), _month("April", "2019-04")]
    groups = [("Island Transport Board", None, (), "Island Transport Board")]
    events = _events(nlp, paragraphs, dates, groups)
    assert sorted((e.type, e.value) for e in events) == [("meeting", "2019-03-12"), ("publication", "2019-04")]


def test_month_reference_before_the_day_is_the_same_meeting(nlp):
    paragraphs = [
        "Members will return to the question of fares at the October meeting.",
        "The next meeting of the Island Transport Board is on 9 October in Kirkwall.",
    ]
    dates = [_month("October", "2019-10"), _day("9 October", "2019-10-09")]
    groups = [("Island Transport Board", None, (), "Island Transport Board")]
    events = _events(nlp, paragraphs, dates, groups)
    assert [(e.type, e.value) for e in events] == [("meeting", "2019-10-09")]


def test_month_meeting_of_another_group_is_kept(nlp):
    paragraphs = [
        "The Island Transport Board met on 12 March 2019.",
        "The Ferry Users Forum will discuss the timetable at its March meeting.",
    ]
    dates = [_day("12 March 2019", "2019-03-12"), _month("March", "2019-03", 1)]
    groups = [
        ("Island Transport Board", None, (), "Island Transport Board"),
        ("Ferry Users Forum", None, (), "Ferry Users Forum"),
    ]
    events = _events(nlp, paragraphs, dates, groups)
    assert sorted((e.type, e.value, e.groups) for e in events) == [
        ("meeting", "2019-03", ("Ferry Users Forum",)),
        ("meeting", "2019-03-12", ("Island Transport Board",)),
    ]


# (sentence, date surface, value, granularity, expected type or None): dates the parse hangs in the wrong place
PARSE_CASES = [
    (
        "Since our last update in April, work has moved forward across every part of the programme.",
        "April",
        "2019-04",
        "month",
        "publication",
    ),
    (
        "The Institute will publish its early results in a report, “Learning from the Pilots”, in October.",
        "October",
        "2019-10",
        "month",
        "publication",
    ),
    (
        "Accompanying guidance for skippers, “Harbour Safety: A Guide for Crews”, will follow in May, once the Marine "
        "Agency has finished testing it.",
        "May",
        "2019-05",
        "month",
        "publication",
    ),
    ("The Board agreed its priorities for 2020 and will meet next on 6 December.", "2020", "2020", "year", None),
    ("Since April, 300 parents have started support through local partnerships.", "April", "2019-04", "month", None),
]


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "granularity", "event_type"),
    PARSE_CASES,
    ids=[f"{c[4] or 'no-event'}-{c[2]}" for c in PARSE_CASES],
)
def test_trigger_despite_the_parse(nlp, sentence, surface, value, granularity, event_type):
    events = _events(nlp, [sentence], [(surface, value, granularity, 0)])
    assert [e.type for e in events] == ([event_type] if event_type else [])


def test_trigger_of_a_later_clause_of_a_coordinated_verb(nlp):
    sentence = (
        "I met the harbour users in May to hear their views, and I will be at Holyrood on 2 October to give "
        "evidence to the Rural Affairs Committee."
    )
    events = _events(nlp, [sentence], [_month("May", "2019-05"), _day("2 October", "2019-10-02")])
    assert [(e.type, e.value) for e in events] == [("meeting", "2019-05"), ("meeting", "2019-10-02")]


# The new triggers need their condition: a document as subject, "as" after "join", no verb completing "start".
NOT_EVENTS = [
    ("The ferry is due at the pier on 3 May.", "3 May", "2019-05-03", "day"),
    ("Staff joined the discussion on 4 June.", "4 June", "2019-06-04", "day"),
    ("Prices will follow inflation from April 2020.", "April 2020", "2020-04", "month"),
    ("Delays started to fall in March 2019.", "March 2019", "2019-03", "month"),
    ("The Board will make a decision in June.", "June", "2019-06", "month"),
]


@pytest.mark.parametrize(("sentence", "surface", "value", "granularity"), NOT_EVENTS, ids=[c[2] for c in NOT_EVENTS])
def test_not_an_event(nlp, sentence, surface, value, granularity):
    assert _events(nlp, [sentence], [(surface, value, granularity, 0)]) == []


# Types decided within the schema's ten (invented sentences; see the comments in pipeline/data/events-*.txt)
TYPED_CASES = [
    # launching a service, form or app is an "event"; launching a document stays a "publication"
    ("The council's new booking app, launched in March, has had 900 downloads.", "March", "2019-03", "month", "event"),
    ("The island housing strategy was launched on 4 April.", "4 April", "2019-04-04", "day", "publication"),
    # a document issued or printed is a publication; invitations issued are still an announcement
    ("The current guidance, issued by the Board in 2017, is under review.", "2017", "2017", "year", "publication"),
    (
        "The new ferry leaflet was printed in February and sent to every pier office.",
        "February",
        "2019-02",
        "month",
        "publication",
    ),
    # a Minister updating Parliament is an announcement
    (
        "The Cabinet Secretary will update Parliament on fares in September.",
        "September",
        "2019-09",
        "month",
        "announcement",
    ),
    # a Bill's stage beginning is legislation, though "begin" alone would be an event
    (
        "Amendments are being drafted for Stage 3, which is expected to begin on 12 November.",
        "12 November",
        "2019-11-12",
        "day",
        "legislation",
    ),
    # awards presented on a date are an awards event
    (
        "The Coastal Volunteer Awards will be presented in Oban on 20 September.",
        "20 September",
        "2019-09-20",
        "day",
        "awards",
    ),
    # piloting or trying out a service, rolling it out, and focus groups run on a date are events
    ("The ferry pass will be piloted on Islay from 1 August.", "1 August", "2019-08-01", "day", "event"),
    ("In May 2018 we tried out the new timetable with 40 commuters.", "May 2018", "2018-05", "month", "event"),
    ("The scheme will be rolled out to every island by June 2021.", "June 2021", "2021-06", "month", "event"),
    ("Island residents took part in focus groups run by the Trust in April.", "April", "2019-04", "month", "event"),
    # recruitment windows and application deadlines are dates, not events
    ("Recruitment for new wardens will open in early August.", "August", "2019-08", "month", None),
    ("Applications for the ferry grant close on 14 July.", "14 July", "2019-07-14", "day", None),
]


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "granularity", "event_type"),
    TYPED_CASES,
    ids=[f"{c[4] or 'no-event'}-{c[2]}" for c in TYPED_CASES],
)
def test_type_within_the_schema(nlp, sentence, surface, value, granularity, event_type):
    events = _events(nlp, [sentence], [(surface, value, granularity, 0)])
    assert [e.type for e in events] == ([event_type] if event_type else [])
