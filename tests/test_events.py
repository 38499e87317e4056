"""Events stage: invented bulletins with hand-made date, group and publication records.

The input records are built by hand (offsets found by string search), so these tests measure the events stage
alone, whatever the dates, groups and publications stages find.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from pipeline.bulletin import make_bulletin
from pipeline.events import find_events
from pipeline.model import load_model
from pipeline.parsed import ParsedBulletin, parse
from pipeline.records import Block, DateMention, Event, GroupMention, PublicationMention
from pipeline.schema import EVENT_TYPES
from pipeline.sections import find_sections

UPDATE_BLOCKS = [
    ("heading", "The Harbour Strategy Board"),
    ("paragraph", "The Harbour Strategy Board, which is co-chaired by the Housing Secretary and COSLA Housing Lead, "
     "first met on 14 May 2018 and again in August and November. The minutes of the August meeting are now "
     "available on our webpages."),
    ("paragraph", "The remit of the Board is to support, strengthen and improve harbour services across Scotland."),
    ("heading", "Rural Housing"),
    ("paragraph", "A meeting of the Rural Housing Forum was held on 12 February at Saughton House, to discuss progress "
     "against the actions in the Rural Housing Strategy."),
    ("paragraph", "The revision of the Island Tenancy Guidance is currently underway, expected to be published in "
     "March."),
    ("paragraph", "The Coastal Erosion Group met on 4 December 2018 to agree the workplan, and the preparation of the "
     "interim report, due to be published in June 2019."),
    ("paragraph", "An information sharing session was held on 8 February 2019, for members of the Rural Housing Forum "
     "and the Coastal Erosion Group, to share findings."),
    ("heading", "Fisheries (Scotland) Bill"),
    ("paragraph", "The Fisheries (Scotland) Bill was introduced to Parliament by the Cabinet Secretary for Rural "
     "Affairs on 9 May 2018. The Bill is currently at Stage 2."),
    ("heading", "The Island Learning Network (ILN)"),
    ("paragraph", "An ILN learning session – Sharing What Works – took place on 20 and 21 November 2018 at the EICC "
     "in Edinburgh. Over 300 practitioners attended."),
    ("heading", "2018 Coastal Awards"),
    ("paragraph", "Following a very successful, inaugural awards in 2017, the Scottish Government and Marine Scotland "
     "again supported the awards programme. The awards were held on the evening of 22 November 2018 at the "
     "Riverside Museum and received 95 entries."),
    ("paragraph", "A public consultation on the draft coastal plan ran from 2 April to 29 June 2018."),
    ("paragraph", "The Coastal Delivery Plan will be published on 30 November 2018."),
    ("heading", "Expert Panel on Shoreline Resilience"),
    ("paragraph", "The Cabinet Secretary and the Lord Advocate announced their intention to establish the Panel on "
     "3 October 2018 alongside publication of a new review."),
    ("paragraph", "Invitations were issued to organisations being asked to nominate a member of the Panel, including "
     "the Scottish Coastal Forum on 12 November."),
    ("heading", "Other news"),
    ("paragraph", "The Tidal Review Group was established in May 2017. This Group is chaired by Fiona Reid."),
    ("paragraph", "The Steering Group met in December and January and will meet again in March."),
    ("paragraph", "During the summer a further engagement event will take place at the Dundee Campus, Perth on the "
     "morning of Tuesday 6th August."),
    ("paragraph", "The Vice Chair role awaits the appointment of a COSLA spokesperson. A spokesperson will be "
     "appointed around 30th March."),
    ("paragraph", "Key changes to the 2014 version of the guidance were discussed."),
]

# (surface, value, granularity, occurrence): the date mentions the dates stage should hand over.
UPDATE_DATES = [
    ("14 May 2018", "2018-05-14", "day", 0), ("August", "2018-08", "month", 0), ("November", "2018-11", "month", 0),
    ("August", "2018-08", "month", 1), ("12 February", "2019-02-12", "day", 0), ("March", "2019-03", "month", 0),
    ("4 December 2018", "2018-12-04", "day", 0), ("June 2019", "2019-06", "month", 0),
    ("8 February 2019", "2019-02-08", "day", 0), ("9 May 2018", "2018-05-09", "day", 0),
    ("20 and 21 November 2018", "2018-11-20/2018-11-21", "day", 0), ("2017", "2017", "year", 0),
    ("22 November 2018", "2018-11-22", "day", 0), ("2 April to 29 June 2018", "2018-04-02/2018-06-29", "day", 0),
    ("30 November 2018", "2018-11-30", "day", 0), ("3 October 2018", "2018-10-03", "day", 0),
    ("12 November", "2018-11-12", "day", 0), ("May 2017", "2017-05", "month", 0),
    ("December", "2018-12", "month", 1), ("January", "2019-01", "month", 0), ("March", "2019-03", "month", 1),
    ("Tuesday 6th August", "2019-08-06", "day", 0), ("30th March", "2019-03-30", "day", 0),
    ("2014", "2014", "year", 0),
]

# (name, acronym, aliases, surface of first mention)
UPDATE_GROUPS = [
    ("Harbour Strategy Board", None, (), "Harbour Strategy Board"),
    ("COSLA", "COSLA", (), "COSLA"),
    ("Rural Housing Forum", None, (), "Rural Housing Forum"),
    ("Coastal Erosion Group", None, (), "Coastal Erosion Group"),
    ("Island Learning Network", "ILN", (), "Island Learning Network"),
    ("Scottish Government", None, (), "Scottish Government"),
    ("Marine Scotland", None, (), "Marine Scotland"),
    ("Expert Panel on Shoreline Resilience", None, (), "Expert Panel on Shoreline Resilience"),
    ("Scottish Coastal Forum", None, (), "Scottish Coastal Forum"),
    ("Tidal Review Group", None, (), "Tidal Review Group"),
    ("Steering Group", None, (), "Steering Group"),
]

UPDATE_PUBLICATIONS = [
    ("Fisheries (Scotland) Bill", "legislation", ("Bill",)),
    ("Island Tenancy Guidance", "guidance", ()),
    ("Coastal Delivery Plan", "plan", ()),
]

MINUTES_BLOCKS = [
    ("paragraph", "Date of meeting"),
    ("paragraph", "14 March 2019"),
    ("paragraph", "Minutes of the meeting of the Rural Housing Forum on 14 March 2019"),
    ("heading", "Items and actions"),
    ("paragraph", "The group agreed to invite the Permanent Secretary to the next meeting."),
]
MINUTES_DATES = [("14 March 2019", "2019-03-14", "day", 0), ("14 March 2019", "2019-03-14", "day", 1)]


def _bulletin(blocks: list[tuple[str, str]], title: str, published: dt.date):
    return make_bulletin(
        source="test", url=None, title=title, published=published, author=None, categories=[],
        blocks=[Block(kind, text, 2 if kind == "heading" else 0) for kind, text in blocks],  # type: ignore[arg-type]
    )


def _find(text: str, surface: str, occurrence: int = 0) -> int:
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(surface, at + 1)
    return at


def _first_day(value: str) -> dt.date:
    return dt.date.fromisoformat({4: value + "-01-01", 7: value + "-01"}.get(len(value), value))


def _last_day(value: str) -> dt.date:
    if len(value) == 4:
        return dt.date(int(value), 12, 31)
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date.fromisoformat(value)


def _dates(parsed: ParsedBulletin, specs) -> list[DateMention]:
    mentions = []
    for surface, value, granularity, occurrence in specs:
        start = _find(parsed.text, surface, occurrence)
        first, last = value.split("/")[0], value.split("/")[-1]
        mentions.append(DateMention(
            parsed.bulletin_id, parsed.section_id_at(start), surface, value, _first_day(first), _last_day(last),
            granularity, start, start + len(surface), parsed.sentence_at(start),
        ))
    return mentions


def _groups(parsed: ParsedBulletin, specs) -> list[GroupMention]:
    mentions = []
    for name, acronym, aliases, surface in specs:
        start = _find(parsed.text, surface)
        mentions.append(GroupMention(
            parsed.bulletin_id, parsed.section_id_at(start), name, acronym, "group", surface, start,
            start + len(surface), parsed.sentence_at(start), aliases,
        ))
    return mentions


def _publications(parsed: ParsedBulletin, specs) -> list[PublicationMention]:
    mentions = []
    for title, kind, aliases in specs:
        start = _find(parsed.text, title)
        mentions.append(PublicationMention(
            parsed.bulletin_id, parsed.section_id_at(start), title, kind, None, None, None, title, start,
            start + len(title), parsed.sentence_at(start), aliases,
        ))
    return mentions


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def update_events(nlp) -> list[Event]:
    bulletin = _bulletin(UPDATE_BLOCKS, "Coastal Communities Programme – Update #4", dt.date(2019, 2, 14))
    parsed = parse([bulletin], [find_sections(bulletin)], nlp)[0]
    return find_events(parsed, _dates(parsed, UPDATE_DATES), _groups(parsed, UPDATE_GROUPS),
                       _publications(parsed, UPDATE_PUBLICATIONS))


@pytest.fixture(scope="module")
def minutes_events(nlp) -> list[Event]:
    bulletin = _bulletin(MINUTES_BLOCKS, "Rural Housing Forum: March 2019", dt.date(2019, 4, 2))
    parsed = parse([bulletin], [find_sections(bulletin)], nlp)[0]
    return find_events(parsed, _dates(parsed, MINUTES_DATES), _groups(parsed, [UPDATE_GROUPS[2]]), [])


def _by_value(events: list[Event], value: str) -> list[Event]:
    return [e for e in events if e.value == value]


# (value, type, groups, location)
EXPECTED = [
    ("2018-05-14", "meeting", ("Harbour Strategy Board",), None),
    ("2018-08", "meeting", ("Harbour Strategy Board",), None),
    ("2018-11", "meeting", ("Harbour Strategy Board",), None),
    ("2019-02-12", "meeting", ("Rural Housing Forum",), "Saughton House"),
    ("2018-12-04", "meeting", ("Coastal Erosion Group",), None),
    ("2019-06", "publication", (), None),
    ("2019-03", "publication", (), None),
    ("2019-02-08", "meeting", ("Rural Housing Forum", "Coastal Erosion Group"), None),
    ("2018-05-09", "legislation", (), None),
    ("2018-11-20/2018-11-21", "conference", ("Island Learning Network",), "EICC, Edinburgh"),
    ("2018-11-22", "awards", ("Scottish Government", "Marine Scotland"), "Riverside Museum"),
    ("2018-04-02/2018-06-29", "consultation", (), None),
    ("2018-11-30", "publication", (), None),
    ("2018-10-03", "announcement", ("Expert Panel on Shoreline Resilience",), None),
    ("2018-11-12", "announcement", ("Scottish Coastal Forum",), None),
    ("2017-05", "establishment", ("Tidal Review Group",), None),
    ("2018-12", "meeting", ("Steering Group",), None),
    ("2019-01", "meeting", ("Steering Group",), None),
    ("2019-08-06", "event", (), "Dundee Campus, Perth"),
    ("2019-03-30", "appointment", ("COSLA",), None),
]


@pytest.mark.parametrize(
    ("value", "event_type", "groups", "location"), EXPECTED, ids=[f"{e[1]}-{e[0]}" for e in EXPECTED]
)
def test_event_found_with_type_groups_and_location(update_events, value, event_type, groups, location):
    matches = [e for e in _by_value(update_events, value) if e.type == event_type]
    assert len(matches) == 1, _by_value(update_events, value)
    assert matches[0].groups == groups
    assert matches[0].location == location


@pytest.mark.parametrize("value", ["2017", "2014"], ids=["inaugural-awards-in-2017", "the-2014-version"])
def test_background_year_is_no_event(update_events, value):
    assert _by_value(update_events, value) == []


def test_march_gives_a_publication_and_a_meeting(update_events):
    # "expected to be published in March" and "will meet again in March": same value, two events.
    assert sorted(e.type for e in _by_value(update_events, "2019-03")) == ["meeting", "publication"]


def test_minutes_of_the_august_meeting_is_the_same_meeting(update_events):
    assert [e.type for e in _by_value(update_events, "2018-08")] == ["meeting"]


@pytest.mark.parametrize(("value", "publication"), [
    ("2018-05-09", "Fisheries (Scotland) Bill"),
    ("2019-03", "Island Tenancy Guidance"),
    ("2018-11-30", "Coastal Delivery Plan"),
], ids=["bill", "guidance", "plan"])
def test_publication_of_documentary_event(update_events, value, publication):
    documentary = [e for e in _by_value(update_events, value) if e.type in {"publication", "legislation"}]
    assert [e.publication for e in documentary] == [publication]


def test_every_event_is_anchored_on_its_date_mention(update_events):
    for event in update_events:
        assert event.type in EVENT_TYPES
        assert event.char_end > event.char_start
        assert event.sentence


def test_total_event_count(update_events):
    assert len(update_events) == len(EXPECTED) + 1  # plus the Steering Group's March meeting


def test_minutes_give_one_meeting_of_the_minuted_group(minutes_events):
    assert [(e.type, e.value, e.groups) for e in minutes_events] == [
        ("meeting", "2019-03-14", ("Rural Housing Forum",)),
    ]


# (paragraph, date surface, value, granularity, expected type or None, expected location)
ONE_SENTENCE_CASES = [
    ("The annual conference on 5 June 2019 will bring together 400 practitioners.", "5 June 2019", "2019-06-05",
     "day", "conference", None),
    ("The Island Forum hosted a roadshow at the Corran Halls in Oban on 4 October 2018.", "4 October 2018",
     "2018-10-04", "day", "event", "Corran Halls, Oban"),
    ("The Fisheries Act came into force on 1 April 2019.", "1 April 2019", "2019-04-01", "day", "legislation", None),
    ("The Bill received Royal Assent on 3 July 2018.", "3 July 2018", "2018-07-03", "day", "legislation", None),
    ("The consultation closes on 30 September 2019.", "30 September 2019", "2019-09-30", "day", "consultation", None),
    ("Megan Innes was appointed to the Board on 1 August 2018.", "1 August 2018", "2018-08-01", "day", "appointment",
     None),
    ("The Minister confirmed on 5 May 2019 that the fund will continue.", "5 May 2019", "2019-05-05", "day",
     "announcement", None),
    ("The new strategy was launched on 12 March 2019.", "12 March 2019", "2019-03-12", "day", "publication", None),
    ("Fiona was the chair of the Harbour Review, the recommendations of which were accepted by Ministers in March "
     "2018.", "March 2018", "2018-03", "month", None, None),
    ("Sadly this blog will be the last until September, but guest bloggers will keep you company.", "September",
     "2019-09", "month", None, None),
    ("The number of referrals rose by 12% in the two years up to 2018.", "2018", "2018", "year", None, None),
    ("Following a successful pilot in 2016, the scheme was extended to all islands.", "2016", "2016", "year", None,
     None),
    ("We passed the halfway mark of the programme in May 2019.", "May 2019", "2019-05", "month", None, None),
    ("The Minister visited the new hub in Portree on 14 May 2019.", "14 May 2019", "2019-05-14", "day", "event", None),
]


def test_month_of_a_day_event_in_the_same_sentence_is_one_event(nlp):
    paragraph = "In November the trust won the top prize at the Island Energy Awards, held in Oban on 28 November."
    bulletin = _bulletin([("paragraph", paragraph)], "Island Update", dt.date(2019, 12, 1))
    parsed = parse([bulletin], [find_sections(bulletin)], nlp)[0]
    dates = _dates(parsed, [("November", "2019-11", "month", 0), ("28 November", "2019-11-28", "day", 0)])
    assert [(e.type, e.value) for e in find_events(parsed, dates, [], [])] == [("awards", "2019-11-28")]


def test_year_in_the_subject_is_not_a_second_event(nlp):
    paragraph = "This year’s Island Games Week ran from 8 to 14 July 2019 and drew 900 visitors."
    bulletin = _bulletin([("paragraph", paragraph)], "Island Update", dt.date(2019, 8, 1))
    parsed = parse([bulletin], [find_sections(bulletin)], nlp)[0]
    dates = _dates(parsed, [("This year", "2019", "year", 0), ("8 to 14 July 2019", "2019-07-08/2019-07-14", "day", 0)])
    assert [(e.type, e.value) for e in find_events(parsed, dates, [], [])] == [("event", "2019-07-08/2019-07-14")]


@pytest.mark.parametrize(
    ("paragraph", "surface", "value", "granularity", "event_type", "location"),
    ONE_SENTENCE_CASES,
    ids=[f"{c[4] or 'no-event'}-{c[2]}" for c in ONE_SENTENCE_CASES],
)
def test_one_sentence(nlp, paragraph, surface, value, granularity, event_type, location):
    bulletin = _bulletin([("paragraph", paragraph)], "Island Update", dt.date(2019, 6, 1))
    parsed = parse([bulletin], [find_sections(bulletin)], nlp)[0]
    events = find_events(parsed, _dates(parsed, [(surface, value, granularity, 0)]), [], [])
    assert [(e.type, e.location) for e in events] == ([(event_type, location)] if event_type else [])
