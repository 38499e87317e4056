"""Dates stage: formats, ranges, year inference, look-alikes. All bulletins here are invented."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from pipeline.bulletin import make_bulletin
from pipeline.dates import find_dates, resolve_text, scan
from pipeline.model import load_model
from pipeline.parsed import ParsedBulletin, parse
from pipeline.records import Block, DateMention
from pipeline.sections import find_sections

Build = Callable[..., ParsedBulletin]


@pytest.fixture(scope="module")
def build() -> Build:
    """Parse a bulletin made of blocks ("## " starts a heading) with the real model, loaded once."""
    nlp = load_model()

    def _build(*paragraphs: str, published: dt.date | None = None, title: str = "Programme update") -> ParsedBulletin:
        blocks = [Block("heading", p[3:], 2) if p.startswith("## ") else Block("paragraph", p) for p in paragraphs]
        bulletin = make_bulletin(
            source="test", url=None, title=title, published=published, author=None, categories=[], blocks=blocks
        )
        return parse([bulletin], [find_sections(bulletin)], nlp)[0]

    return _build


def values(parsed: ParsedBulletin) -> list[str]:
    return [d.value for d in find_dates(parsed)]


JAN_2019 = dt.date(2019, 1, 24)  # a Thursday

FORMATS = [
    ("day-month-year", "The forum met on 22 June 2017 in Perth.", None, ["2017-06-22"]),
    ("zero-padded day", "The framework was published 04 February 2016.", None, ["2016-02-04"]),
    ("ordinal, year from publication", "Nominations close on 30th June.", dt.date(2019, 6, 3), ["2019-06-30"]),
    ("weekday picks the year", "A workshop takes place on Tuesday 28th July.", dt.date(2015, 6, 25), ["2015-07-28"]),
    ("month-day-year", "The board approved the plan on January 25, 2018.", None, ["2018-01-25"]),
    ("numeric day first", "Responses were due by 25/01/2018 at noon.", None, ["2018-01-25"]),
    ("iso", "The dataset was refreshed on 2018-01-25.", None, ["2018-01-25"]),
    ("abbreviated month", "The panel met on 12 Sept 2019.", None, ["2019-09-12"]),
    ("the Nth of Month", "Papers are due on the 3rd of March 2020.", None, ["2020-03-03"]),
    ("month-year", "A progress report is due in March 2018.", None, ["2018-03"]),
    ("bare year", "The awards were first held in 2016.", None, ["2016"]),
    ("season with year", "A refreshed plan will follow in autumn 2018.", None, ["2018"]),
    ("year up to", "Referrals rose by 46% in the two years up to 2015.", None, ["2015"]),
    ("month-day without year", "The consultation closes on June 30.", dt.date(2019, 6, 3), ["2019-06-30"]),
    ("month of year", "The review began in October of 2016.", None, ["2016-10"]),
    ("month then a count", "In May 12 members attended the workshop.", JAN_2019, ["2018-05"]),
]

RANGES = [
    ("two adjacent days", "The conference ran on 21 and 22 November 2017 in Dundee.", None, ["2017-11-21/2017-11-22"]),
    ("three consecutive days", "The summit runs on 4, 5 and 6 September 2019.", None, ["2019-09-04/2019-09-06"]),
    ("between two days", "Surveys will be issued between 5 and 19 March 2019.", None, ["2019-03-05/2019-03-19"]),
    ("hyphenated days", "Sessions run 3-4 October 2019.", None, ["2019-10-03/2019-10-04"]),
    ("day-month to day-month", "A consultation ran from 23 March to 30 June 2017.", None, ["2017-03-23/2017-06-30"]),
    ("between months", "Fieldwork took place between May and July 2019.", None, ["2019-05/2019-07"]),
    ("month to month across years", "The pilot ran from November 2017 to February 2018.", None, ["2017-11/2018-02"]),
    ("to the end of a month", "Fieldwork will run from May to the end of July 2019.", None, ["2019-05/2019-07"]),
    ("to early in a month", "The pilot runs from March to early June 2019.", None, ["2019-03/2019-06"]),
    ("financial year", "Funding of £2 million is available in 2017-18.", None, ["2017/2018"]),
    ("year to year", "The strategy covers 2016 to 2020.", None, ["2016/2020"]),
    (
        "financial year as a time",
        "Spending will be reviewed by the end of the 2018/19 financial year.",
        None,
        ["2018/2019"],
    ),
    ("list of years", "Surveys ran in 2016, 2017 and 2018.", None, ["2016", "2017", "2018"]),
    ("year through year", "Figures for 2012 through 2015 were revised.", None, ["2012/2015"]),
    (
        "list of days is several dates",
        "Drop-in clinics run on 5, 12 and 19 March 2019.",
        None,
        ["2019-03-05", "2019-03-12", "2019-03-19"],
    ),
    ("backwards range is two dates", "Compare December 2019 to May 2019.", None, ["2019-12", "2019-05"]),
    ("impossible day is no date", "Forms dated 00/01/2018 or 31/02/2019 were rejected.", None, []),
    ("two dates joined by and", "The group met on 5 March and 12 June 2018.", None, ["2018-03-05", "2018-06-12"]),
]

YEAR_INFERENCE = [
    ("past, same month", "The Carers Forum met on 23 January to agree its priorities.", JAN_2019, ["2019-01-23"]),
    ("past, last year", "Invitations were issued to all councils on 14 December.", JAN_2019, ["2018-12-14"]),
    ("past with since", "The review team has met four times since October.", JAN_2019, ["2018-10"]),
    ("future with will", "The final report will be published in March.", JAN_2019, ["2019-03"]),
    ("future with expected to", "The revised code is expected to be laid in February.", JAN_2019, ["2019-02"]),
    ("past verb with until", "The consultation ran until 30 June.", JAN_2019, ["2018-06-30"]),
    ("future verb with until", "This is the last post until June.", dt.date(2015, 6, 25), ["2015-06"]),
    ("future with due", "A summary of responses is due in April.", JAN_2019, ["2019-04"]),
    ("no tense: nearest", "Minutes of the October meeting are on our webpages.", JAN_2019, ["2018-10"]),
    (
        "carried from the sentence",
        "The Board first met on 12 May 2018 and again in August and October.",
        JAN_2019,
        ["2018-05-12", "2018-08", "2018-10"],
    ),
    (
        "carried through the paragraph",
        "The Panel first met on 3 July 2018. Notes of the September meeting are online and the notes of the meeting in "
        "December will follow shortly.",
        JAN_2019,
        ["2018-07-03", "2018-09", "2018-12"],
    ),
    (
        "carried back from a later year",
        "The group met in September and December 2017.",
        JAN_2019,
        ["2017-09", "2017-12"],
    ),
    (
        "anchor contradicted by future tense",
        "The Bill was introduced on 3 October 2017 and the Committee will report in March.",
        JAN_2019,
        ["2017-10-03", "2019-03"],
    ),
    (
        "past and future in one sentence",
        "The Steering Group met in December and January and will meet again in February.",
        JAN_2019,
        ["2018-12", "2019-01", "2019-02"],
    ),
    (
        "earlier month after a December anchor is the next year",
        "The minutes of the meeting held on 6 December 2018 were approved; the paper is due by 31 January.",
        dt.date(2019, 5, 20),
        ["2018-12-06", "2019-01-31"],
    ),
    (
        "deadline just before the anchor keeps its year",
        "The next meeting will be held on 12 June 2019. Papers will be circulated by 29 May.",
        JAN_2019,
        ["2019-06-12", "2019-05-29"],
    ),
    (
        "flashback keeps the anchor's year",
        "The strategy was published in June 2017, following a consultation in March.",
        dt.date(2018, 1, 25),
        ["2017-06", "2017-03"],
    ),
    (
        "infinitive after a past verb is not past",
        "At its December meeting the group agreed to publish a summary on 7 February.",
        dt.date(2019, 1, 17),
        ["2018-12", "2019-02-07"],
    ),
    (
        "a bare year sets no scene for later sentences",
        "The Data Group first met in 2017. Its first report was published on 29 November.",
        dt.date(2019, 1, 17),
        ["2017", "2018-11-29"],
    ),
    (
        "a target year does not date the next meeting",
        "The Board agreed its priorities for 2018 and will meet next on 6 December.",
        dt.date(2017, 10, 5),
        ["2018", "2017-12-06"],
    ),
    (
        "subject with next",
        "The next survey runs from 1 October to 30 November.",
        dt.date(2019, 3, 14),
        ["2019-10-01/2019-11-30"],
    ),
    (
        "non-finite verb takes the clause's tense",
        "Grants will be announced in August, with projects starting from October.",
        dt.date(2023, 3, 20),
        ["2023-08", "2023-10"],
    ),
    (
        "present verb, since looking back",
        "This update covers our work since the last one in March.",
        dt.date(2022, 6, 8),
        ["2022-03"],
    ),
    ("present verb, timetable", "The survey covers the weeks up to March.", dt.date(2022, 6, 8), ["2023-03"]),
    (
        "date hung on the object of a past verb",
        "The Scottish Government published its response on 14 February.",
        dt.date(2023, 9, 20),
        ["2023-02-14"],
    ),
    ("object's own cue", "Members will attend the next meeting in February.", dt.date(2023, 9, 20), ["2024-02"]),
    (
        "a date 'since' governs sets no scene",
        "Anne, who had chaired it since its first meeting in May 2017, will advise us. Iain's first meeting was "
        "held in Dundee on 26 February.",
        dt.date(2019, 3, 14),
        ["2017-05", "2019-02-26"],
    ),
    ("last month-name is not last month", "Since last January I have led the team.", dt.date(2020, 2, 4), ["2019-01"]),
    (
        "a future date in a later sentence takes the next occurrence",
        "The final report will be published by June 2025. Ms Lennie will give evidence to the Committee on "
        "5 December.",
        dt.date(2024, 11, 14),
        ["2025-06", "2024-12-05"],
    ),
    (
        "since before a noun's date looks back",
        "It has had a busy few months since our first update in January.",
        dt.date(2018, 9, 6),
        ["2018-01"],
    ),
    (
        "a future date in the same sentence keeps the year",
        "The report will be published in June 2025 and discussed by the Committee in December.",
        dt.date(2024, 11, 14),
        ["2025-06", "2025-12"],
    ),
]

NOT_DATES = [
    ("act year", "The duties come from the Community Safety (Scotland) Act 2015 and its guidance."),
    ("bracketed plan year", "Actions from the Update of the National Action Plan on Youth Justice (2016) continue."),
    ("year naming an event", "2019 Community Champions Awards Ceremony"),
    ("year modifying a noun", "Members compared the draft with the 2014 version of the guidance."),
    ("early years role", "The Minister for Childcare and Early Years opened the session."),
    ("march as a verb", "Campaigners will march to the Parliament to make their case."),
    ("may as a modal", "The group may meet again if members wish."),
    ("section and stage", "Section 12 of the Act is at Stage 2 and 140 entries were received in 10 categories."),
    ("durations and vague times", "Across the two days, and in recent weeks, the annual forum will report very soon."),
    ("times of day", "The session starts at 10:30 and ends at 16:00."),
    ("year in a web address", "Read the analysis at https://www.example.gov.scot/publications/2019/05/report-9921/"),
    ("published label", "Published: 21 October 2025"),
    ("percentage", "Attendance rose by 2015% is not a year, nor is £2016 a year."),
    ("month abbreviation alone", "Mar Lodge hosted the walk and Jun Li spoke."),
    ("phone number", "For more information call 0131 244 2015."),
    ("march as a surname", "The session was led by Gillian March and colleagues."),
    ("month as a surname after a title", "Ms March said she was pleased, and Dr May agreed."),
    ("may in a name", "The former Prime Minister Theresa May opened the centre."),
    ("year range in a title", "The Youth Justice Strategy 2015-2020 sets out our priorities."),
]


def _case_ids(cases: list[tuple]) -> list[str]:
    return [case[0] for case in cases]


@pytest.mark.parametrize(
    ("name", "text", "published", "expected"),
    FORMATS + RANGES + YEAR_INFERENCE,
    ids=_case_ids(FORMATS + RANGES + YEAR_INFERENCE),
)
def test_values(build: Build, name: str, text: str, published: dt.date | None, expected: list[str]) -> None:
    assert values(build(text, published=published)) == expected


@pytest.mark.parametrize(("name", "text"), NOT_DATES, ids=_case_ids(NOT_DATES))
def test_look_alikes_are_not_dates(build: Build, name: str, text: str) -> None:
    assert values(build(text, published=JAN_2019)) == []


@pytest.mark.parametrize(
    ("name", "paragraphs", "title", "expected"),
    [
        (
            "title year anchors a yearless date",
            ["Minutes of the meeting.", "A member will be appointed around 30th June."],
            "Leadership Forum: June 2018",
            ["2018-06-30"],
        ),
        (
            "earlier explicit date anchors",
            ["Minutes from the May 2021 meeting.", "Papers went out on 3 May."],
            "Leadership Forum",
            ["2021-05", "2021-05-03"],
        ),
        ("no anchor at all: skipped", ["The group met on 3 March to agree its remit."], "Leadership Forum", []),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 45 else None,
)
def test_without_publication_date(
    build: Build, name: str, paragraphs: list[str], title: str, expected: list[str]
) -> None:
    assert values(build(*paragraphs, published=None, title=title)) == expected


def test_minutes_lean_on_the_meeting_date_not_on_publication(build: Build) -> None:
    parsed = build(
        "Minutes of the meeting of the Rural Transport Group on 14 November 2024.",
        "The next meeting will be held on 6 February.",
        published=dt.date(2025, 10, 21),
        title="Rural Transport Group minutes: November 2024",
    )
    assert values(parsed) == ["2024-11-14", "2025-02-06"]


def test_minutes_lean_on_the_meeting_date_not_on_a_planned_date(build: Build) -> None:
    parsed = build(
        "Minutes of the meeting of the Fair Work Board on 14 September 2022.",
        "The first progress report will be laid in June 2023.",
        "Members noted that the grant rises from 14 November. Since April, 900 firms have applied.",
        published=dt.date(2022, 11, 10),
        title="Fair Work Board minutes: September 2022",
    )
    assert values(parsed) == ["2022-09-14", "2023-06", "2022-11-14", "2022-04"]


def test_bare_year_carries_without_publication_date(build: Build) -> None:
    parsed = build("The forum was set up in 2016. It met in March and again in June.", published=None)
    assert values(parsed) == ["2016", "2016-03", "2016-06"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("I will be speaking at a staff conference next week.", dt.date(2015, 6, 25), ["2015-06-29/2015-07-05"]),
        ("This week also saw a meeting of the forum.", dt.date(2015, 6, 25), ["2015-06-22/2015-06-28"]),
        ("Figures published last year showed a rise.", dt.date(2015, 6, 25), ["2014"]),
        ("The plan was agreed yesterday.", dt.date(2015, 6, 25), ["2015-06-24"]),
        ("The forum first met on 3 July last year.", dt.date(2015, 6, 25), ["2014-07-03"]),
        ("The guidance was updated in May of this year.", dt.date(2015, 6, 25), ["2015-05"]),
        ("Over the next year the board will meet quarterly.", dt.date(2015, 6, 25), []),
        ("The Justice Secretary pledged today to act.", dt.date(2015, 6, 25), []),
        ("I will be speaking at a staff conference next week.", None, []),
    ],
    ids=[
        "next week",
        "this week",
        "last year",
        "yesterday",
        "date with last year",
        "month of this year",
        "the next year is a duration",
        "today",
        "no publication",
    ],
)
def test_relative_expressions(build: Build, text: str, published: dt.date | None, expected: list[str]) -> None:
    assert values(build(text, published=published)) == expected


def test_mention_fields(build: Build) -> None:
    parsed = build(
        "## Youth Justice", "The board met on 21 and 22 November 2017. It will meet again in March.", published=JAN_2019
    )
    first, second = find_dates(parsed)
    assert isinstance(first, DateMention)
    assert (first.text, first.value, first.granularity) == ("21 and 22 November 2017", "2017-11-21/2017-11-22", "day")
    assert (first.start, first.end) == (dt.date(2017, 11, 21), dt.date(2017, 11, 22))
    assert parsed.text[first.char_start : first.char_end] == first.text
    assert first.sentence == "The board met on 21 and 22 November 2017."
    assert first.section_id == parsed.sections[0].section_id
    assert (second.text, second.value, second.granularity) == ("March", "2019-03", "month")
    assert (second.start, second.end) == (dt.date(2019, 3, 1), dt.date(2019, 3, 31))


def test_weekday_is_part_of_the_surface_form(build: Build) -> None:
    (mention,) = find_dates(build("The event is on Tuesday 28th July.", published=dt.date(2015, 6, 25)))
    assert mention.text == "Tuesday 28th July"


def test_every_mention_counts(build: Build) -> None:
    parsed = build("The group met in September. The September meeting agreed a work plan.", published=JAN_2019)
    assert values(parsed) == ["2018-09", "2018-09"]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("24 January", dt.date(2018, 1, 25), ("2018-01-24", dt.date(2018, 1, 24), dt.date(2018, 1, 24))),
        ("March 2018", None, ("2018-03", dt.date(2018, 3, 1), dt.date(2018, 3, 31))),
        ("around 30th June", None, None),
    ],
    ids=["yearless near reference", "month-year", "no reference"],
)
def test_resolve_text_for_other_stages(text: str, reference: dt.date | None, expected: tuple | None) -> None:
    assert resolve_text(text, reference) == expected


def test_scan_needs_no_model() -> None:
    kinds = [(c.kind, c.first.month) for c in scan("In September, the 2017 plan; see 4 May 2019.")]
    assert kinds == [("month", 9), ("year", None), ("date", 5)]


# Forms the month table does not cover go to dateparser (numeric dates, counted relative phrases); a few
# more written forms are table work. UK order: day first.
JUN_2019 = dt.date(2019, 6, 12)  # a Wednesday

ROUTED = [
    ("numeric day-month is day first", "Claims dated 04/05/2019 were paid.", None, ["2019-05-04"]),
    ("numeric two-digit year", "The return was lodged on 7/3/21 by the council.", None, ["2021-03-07"]),
    ("dotted with two-digit year", "The return was lodged on 7.3.21 by the council.", None, ["2021-03-07"]),
    ("year first with slashes", "Records from 2020/11/09 were checked.", None, ["2020-11-09"]),
    ("dashed day first", "The deadline was 09-10-2022 at noon.", None, ["2022-10-09"]),
    ("iso", "The register was frozen on 2021-02-28.", None, ["2021-02-28"]),
    ("impossible numeric day", "Forms dated 30/02/2020 were returned.", None, []),
    ("last weekday", "The panel met last Tuesday in Inverness.", JUN_2019, ["2019-06-11"]),
    ("next weekday", "The panel will meet next Friday.", JUN_2019, ["2019-06-14"]),
    ("a week on weekday", "The panel meets a week on Tuesday.", JUN_2019, ["2019-06-25"]),
    ("months ago", "The pilot began three months ago.", JUN_2019, ["2019-03"]),
    ("years ago", "The forum was set up two years ago.", JUN_2019, ["2017"]),
    ("count opening a sentence", "Three months ago the pilot began.", JUN_2019, ["2019-03"]),
    ("days ago in digits", "Letters went out 10 days ago.", JUN_2019, ["2019-06-02"]),
    ("fortnight ago is that week", "The survey closed a fortnight ago.", JUN_2019, ["2019-05-27/2019-06-02"]),
    ("weeks' time", "Results are due in two weeks' time.", JUN_2019, ["2019-06-24/2019-06-30"]),
    ("abbreviated weekday", "The hearing is on Mon 4 Mar.", JAN_2019, ["2019-03-04"]),
    ("abbreviated weekday picks the year", "The hearing is on Wed 4 Mar.", JUN_2019, ["2020-03-04"]),
    ("week commencing", "Drop-in sessions run w/c 4 March.", JAN_2019, ["2019-03-04/2019-03-10"]),
    (
        "week beginning, spelled out",
        "Voting opens the week beginning 9 September 2019.",
        None,
        ["2019-09-09/2019-09-15"],
    ),
    ("the Nth of Month", "We meet on the 4th of March.", JAN_2019, ["2019-03-04"]),
    ("month, ordinal, year", "The order was made on March 4th, 2019.", None, ["2019-03-04"]),
]

ROUTED_NOT_DATES = [
    ("vague count ago", "A few weeks ago, and several years ago, the idea was raised."),
    ("the last weekday of a month", "Surgeries are held on the last Tuesday of each month."),
    ("numbered paragraph", "See paragraph 4.2.19 and version 2.1.18 of the tool."),
    ("a bound, not a time", "Replies are expected within three weeks' time."),
    ("relative without publication date", "The panel met last Tuesday."),
]


@pytest.mark.parametrize(("name", "text", "published", "expected"), ROUTED, ids=_case_ids(ROUTED))
def test_routed_forms(build: Build, name: str, text: str, published: dt.date | None, expected: list[str]) -> None:
    assert values(build(text, published=published)) == expected


@pytest.mark.parametrize(("name", "text"), ROUTED_NOT_DATES, ids=_case_ids(ROUTED_NOT_DATES))
def test_routed_look_alikes(build: Build, name: str, text: str) -> None:
    published = None if name.endswith("publication date") else JUN_2019
    assert values(build(text, published=published)) == []


def test_routed_surface_forms(build: Build) -> None:
    texts = [
        m.text
        for m in find_dates(build("Sessions run w/c 4 March, on Mon 4 Mar and last Tuesday.", published=JAN_2019))
    ]
    assert texts == ["w/c 4 March", "Mon 4 Mar", "last Tuesday"]


@pytest.mark.parametrize(
    ("name", "text", "published", "expected"),
    [
        (
            "following refers back before the anchor",
            "The scheme opened on 4 November 2018, following a review in March.",
            JUN_2019,
            ["2018-11-04", "2018-03"],
        ),
        (
            "after a clause refers back",
            "Councils signed up on 4 November 2018, after the pilot ended in February.",
            JUN_2019,
            ["2018-11-04", "2018-02"],
        ),
        (
            "since refers back",
            "On 4 November 2018 the board said it had met monthly since March.",
            JUN_2019,
            ["2018-11-04", "2018-03"],
        ),
        (
            "the brief's shape, same year",
            "The plan was agreed on 2 May 2019, following the consultation in March.",
            JUN_2019,
            ["2019-05-02", "2019-03"],
        ),
        (
            "no back cue: the story moves on",
            "The board met on 6 December 2018. Its report was published in February.",
            JUN_2019,
            ["2018-12-06", "2019-02"],
        ),
        (
            "a cue elsewhere in the sentence",
            "The board met on 6 December 2018 and after a break met in February.",
            JUN_2019,
            ["2018-12-06", "2019-02"],
        ),
    ],
    ids=["following", "after a clause", "since", "same year", "no back cue", "cue elsewhere"],
)
def test_back_reference_before_an_anchor(
    build: Build, name: str, text: str, published: dt.date, expected: list[str]
) -> None:
    assert values(build(text, published=published)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The duty sits in the Land Reform (Scotland) Act 2016 (2016 asp 18).",
        "Powers come from section 5 of 2012 c. 7 and from 1995 c. 36.",
        "The order (2021 asp 4) was amended.",
        "See the Act, 2013 ch. 22, for details.",
    ],
)
def test_legislation_citation_year_is_not_a_date(build: Build, text: str) -> None:
    assert values(build(text, published=JUN_2019)) == []


def test_year_before_a_citation_still_counts(build: Build) -> None:
    assert values(build("It was passed in 2016 (2016 asp 18) and took effect later.", published=JUN_2019)) == ["2016"]


# ---------------------------------------------------------------- direction of a yearless date (invented texts)

MAR_2023 = dt.date(2023, 3, 7)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Last March, only two councils had joined the scheme.", MAR_2023, ["2022-03"]),
        ("Membership of the network has doubled since March.", MAR_2023, ["2022-03"]),
        ("In March we held two drop-in clinics in Elgin.", MAR_2023, ["2023-03"]),  # the month has begun: this one
        ("The trial ends next March.", dt.date(2023, 3, 20), ["2024-03"]),
        ("Since 2 March the helpline has taken 80 calls.", MAR_2023, ["2023-03-02"]),
    ],
    ids=["last month-name", "since month-name", "plain past keeps this year", "next month-name", "since a day"],
)
def test_adjacent_cue_excludes_the_reference_occurrence(
    build: Build, text: str, published: dt.date, expected: list[str]
) -> None:
    assert values(build(text, published=published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # a past range is judged whole: next April is nearer than last April, but the range just ended
            "Between 1 March and 31 August, 40% of home visits could not go ahead.",
            dt.date(2022, 11, 20),
            ["2022-03-01/2022-08-31"],
        ),
        ("The refreshed toolkit should be ready in May.", dt.date(2021, 9, 15), ["2022-05"]),
        (
            "The team will release its findings, provisionally called “Open Doors”, in March.",
            dt.date(2022, 6, 28),
            ["2023-03"],
        ),
        ("The new rota starts in February.", dt.date(2021, 8, 2), ["2022-02"]),
        ("The second phase begins in September.", dt.date(2022, 1, 12), ["2022-09"]),
    ],
    ids=["past range", "should", "participle closed by a comma", "timetable present", "present, months ahead"],
)
def test_direction_from_the_clause(build: Build, text: str, published: dt.date, expected: list[str]) -> None:
    assert values(build(text, published=published)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "April and Callum presented the revised standards to members.",
        "Apologies were received from Jeremy Platt and from Keith Ross.\nAugust Nairn, Housing Officer, Fife Council",
        "The Convener thanked everyone, in particular June, who chaired the subgroup.",
    ],
    ids=["coordinated subject", "before a surname", "before who"],
)
def test_month_word_as_a_first_name(build: Build, text: str) -> None:
    assert values(build(*text.split("\n"), published=MAR_2023)) == []


def test_month_after_a_preposition_stays_a_month(build: Build) -> None:
    assert values(build("In June Parliament agreed the general principles.", published=MAR_2023)) == ["2022-06"]


def test_minutes_without_publication_date_speak_from_the_meeting_date(build: Build) -> None:
    # a bare year earlier in the paragraph does not carry to a date the tense puts after the meeting
    parsed = build(
        "Minutes of the meeting of the Harbour Board held on 3 March 2016.",
        "Landings were 4% lower than in 2015. The Trust will publish its annual figures on 20 April.",
        published=None,
        title="Harbour Board minutes: 3 March 2016",
    )
    assert values(parsed) == ["2016-03-03", "2015", "2016-04-20"]


def test_past_bare_year_sets_no_future_date_without_publication_date(build: Build) -> None:
    # the nearest dated mention is the scene; the tense says nothing about a date the text only mentions
    parsed = build(
        "The new Convener takes up the post on 1 June 2021. Her predecessor, who has led the Forum since it was "
        "formed in 2016, will stand down in May.",
        published=None,
        title="New Convener for the Forum",
    )
    assert values(parsed) == ["2021-06-01", "2016", "2021-05"]
