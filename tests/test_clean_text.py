"""Text-dump cleaner: each page layout, heading / sign-off / furniture / cut-off rules, metadata precedence.

All texts are invented in the layouts the cleaner meets (blog dumps, publication pages, news releases, minutes).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.clean.text import clean_text
from pipeline.errors import InputError
from pipeline.records import Bulletin, RawDocument
from pipeline.sections import find_sections

BLOG = """Young Carers Programme

Young Carers Programme – Update #3

March 2, 2019 by Jane Smith 2 Comments | Categories Carers, Updates

This is the third update on the Young Carers Programme. It includes:

  • news from the Carers Reference Group
  • the timetable for the Young Carers Charter

Carers Reference Group

The Carers Reference Group met on 14 February 2019 in Dundee and agreed its priorities for the year.

Young Carers Charter

A draft of the Young Carers Charter will go to the Minister for Children in April.

Carers Policy Team

Scottish Government


Comments

Leave a comment

By submitting a comment, you understand it may be published on this public website.

Your email address will not be published. Required fields are marked *
"""

PUBLICATION = """Kinship Care Advisory Group minutes: October 2023
- Published
- 5 March 2024
- Directorate
- Children and Families Directorate
- Date of meeting
- 18 October 2023
Minutes of the meeting of the Kinship Care Advisory Group on 18 October 2023
Part of
Attendees and apologies
Attendees
- Moira Fenwick (Chair), Kinship Carers Network
- Dr Owen Baird, University of Lochside
Apologies
- Hamish Doyle, Scottish Government
Items and actions
Item 1 - Welcome
The Chair welcomed members and noted apologies.
Item 2 - Allowance review
Members discussed the review of kinship care allowances and agreed to report back in January.
"""

NEWS = """Extra funding for family support hubs

Ten new hubs will open across the Highlands this year.

The Scottish Government has announced £3 million for family support hubs.

Children’s Minister Rory Macallan said:

“These hubs will help families get support early, close to home.”
"""

MINUTES = """Foster Care Forum: March 2019

Minutes of the March 2019 meeting of the Foster Care Forum.

Attendees and apologies

  • Fiona Gallacher (Chair), Fostering Network Scotland
  • Peter Lyle, Care Inspectorate

Items and actions

1. Welcome, introductions and apologies

The Chair welcomed members to the meeting.

2. Recruitment campaign

The forum discussed the spring recruitment campaign, which will start in May.

Comments

Members raised no further comments on the campaign materials and approved them for print
"""


def _clean(body: str, url: str | None = None, **hints: object) -> Bulletin:
    return clean_text(RawDocument(source="t.txt", media="text", body=body, url=url, **hints))  # type: ignore[arg-type]


def _headings(bulletin: Bulletin) -> list[str]:
    return [s.heading for s in find_sections(bulletin) if s.heading]


@pytest.mark.parametrize(
    ("body", "url", "title", "published", "author", "categories", "headings"),
    [
        (
            BLOG,
            None,
            "Young Carers Programme – Update #3",
            dt.date(2019, 3, 2),
            "Jane Smith",
            ("Carers", "Updates"),
            ["Carers Reference Group", "Young Carers Charter"],
        ),
        (
            PUBLICATION,
            "https://www.example.gov.scot/publications/kinship-care-advisory-group-minutes-october-2023/",
            "Kinship Care Advisory Group minutes: October 2023",
            dt.date(2024, 3, 5),  # the "Published" date, never the date of meeting
            None,
            (),
            [
                "Attendees and apologies",
                "Attendees",
                "Apologies",
                "Items and actions",
                "Item 1 - Welcome",
                "Item 2 - Allowance review",
            ],
        ),
        (
            NEWS,
            "https://news.example.gov.scot/2019/07/02/extra-funding-for-family-support-hubs/",
            "Extra funding for family support hubs",
            dt.date(2019, 7, 2),  # no byline: from the URL
            None,
            (),
            [],
        ),
        (
            MINUTES,
            "https://www.example.gov.scot/publications/foster-care-forum-march-2019/",
            "Foster Care Forum: March 2019",
            None,  # neither byline, "Published" field nor dated URL: no guessing from the meeting date
            None,
            (),
            [
                "Attendees and apologies",
                "Items and actions",
                "1. Welcome, introductions and apologies",
                "2. Recruitment campaign",
                "Comments",
            ],
        ),
    ],
    ids=["blog", "publication-page", "news-release", "minutes"],
)
def test_layouts(
    body: str,
    url: str | None,
    title: str,
    published: dt.date | None,
    author: str | None,
    categories: tuple[str, ...],
    headings: list[str],
) -> None:
    bulletin = _clean(body, url)
    assert bulletin.title == title
    assert bulletin.published == published
    assert bulletin.author == author
    assert bulletin.categories == categories
    assert _headings(bulletin) == headings


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        (BLOG, "Young Carers Programme\n"),  # site name
        (BLOG, "March 2, 2019"),  # byline
        (BLOG, "Carers Policy Team"),  # sign-off
        (BLOG, "Scottish Government"),
        (BLOG, "Leave a comment"),  # comment furniture
        (BLOG, "By submitting"),
        (PUBLICATION, "Directorate"),  # metadata list
        (PUBLICATION, "5 March 2024"),
        (PUBLICATION, "Part of"),
    ],
    ids=[
        "site-name",
        "byline",
        "signoff-team",
        "signoff-org",
        "comments",
        "privacy",
        "meta-label",
        "meta-value",
        "part-of",
    ],
)
def test_non_body_lines_are_dropped(body: str, absent: str) -> None:
    assert absent not in _clean(body).text + "\n"


def test_publication_summary_is_kept_as_section_zero_paragraph() -> None:
    bulletin = _clean(PUBLICATION)
    assert bulletin.blocks[0].kind == "paragraph"
    assert bulletin.blocks[0].text == "Minutes of the meeting of the Kinship Care Advisory Group on 18 October 2023"
    assert find_sections(bulletin)[0].heading == ""


def test_blog_byline_without_author() -> None:
    body = BLOG.replace("by Jane Smith 2 Comments | Categories Carers, Updates", "by No Comments | Category News")
    bulletin = _clean(body)
    assert (bulletin.author, bulletin.categories, bulletin.published) == (None, ("News",), dt.date(2019, 3, 2))


def test_list_items_have_bullets_stripped() -> None:
    bulletin = _clean(BLOG)
    items = [b.text for b in bulletin.blocks if b.kind == "list_item"]
    assert items == ["news from the Carers Reference Group", "the timetable for the Young Carers Charter"]


@pytest.mark.parametrize(
    ("hints", "url", "title", "published"),
    [
        ({}, "https://blog.example.org/2018/05/01/x/", "Young Carers Programme – Update #3", dt.date(2019, 3, 2)),
        ({"title": "Update three", "published": dt.date(2019, 3, 4)}, None, "Update three", dt.date(2019, 3, 4)),
    ],
    ids=["byline-beats-url", "hints-beat-layout"],
)
def test_metadata_precedence(hints: dict, url: str | None, title: str, published: dt.date) -> None:
    bulletin = _clean(BLOG, url, **hints)
    assert (bulletin.title, bulletin.published) == (title, published)


def test_title_hint_does_not_swallow_a_body_paragraph() -> None:
    body = "The forum met on 5 June 2019 and agreed its remit.\n\nIt will meet again in the autumn.\n"
    bulletin = _clean(body, title="Forum news")
    assert bulletin.title == "Forum news"
    assert bulletin.blocks[0].text.startswith("The forum met on 5 June 2019")


@pytest.mark.parametrize(
    ("body", "kinds"),
    [
        (
            "Title\n\nIntro paragraph.\n\nShort Heading\n\nBody text follows here.",
            ["paragraph", "heading", "paragraph"],
        ),
        (
            "Title\n\nIntro.\n\nThis update includes:\n\n  • one\n  • two",
            ["paragraph", "paragraph", "list_item", "list_item"],
        ),
        ("Title\n\nIntro.\n\nParent label\n\nChild label\n\n- item", ["paragraph", "heading", "heading", "list_item"]),
        # a long line before a heading is a sentence that lost its full stop
        (
            "Title\n\nIntro.\n\nThe delivery plan will be published on 24 November 2019\n\nNext Heading\n\nBody.",
            ["paragraph", "paragraph", "heading", "paragraph"],
        ),
        # cut-off text: the last line is a paragraph, and the heading before it stays a heading
        (
            "Title\n\nIntro.\n\nExpert Group on Online Harm\n\nThe final report of the Expert Group on Online Ha",
            ["paragraph", "heading", "paragraph"],
        ),
        ("Title\n\nIntro.\n\n“A quoted line”\n\nMore text.", ["paragraph", "paragraph", "paragraph"]),
        ("Title\n\nIntro.\n\nsmall letters line\n\nMore text.", ["paragraph", "paragraph", "paragraph"]),
        (
            "Title\n\nIntro.\n\nItem 2 - Actions from Previous Meeting\n\nActions were reviewed.",
            ["paragraph", "heading", "paragraph"],
        ),
        ("Title\n\nIntro.\n\nhttps://www.example.org/report\n\nMore text.", ["paragraph", "paragraph", "paragraph"]),
        # trailing run of short name-like lines: sign-off, dropped
        ("Title\n\nBody text here.\n\nBest wishes,\n\nMorag Quinlan\n\nCarers Policy Unit", ["paragraph"]),
    ],
    ids=[
        "heading",
        "lead-in-colon",
        "stacked",
        "long-sentence",
        "cut-off",
        "quote",
        "lower-case",
        "item-n",
        "url",
        "signoff",
    ],
)
def test_block_rules(body: str, kinds: list[str]) -> None:
    assert [b.kind for b in _clean(body).blocks] == kinds


def test_single_newline_dump_gives_one_block_per_line() -> None:
    body = "Title\nFirst paragraph here.\nSection\nSecond paragraph here.\n"
    assert [(b.kind, b.text) for b in _clean(body).blocks] == [
        ("paragraph", "First paragraph here."),
        ("heading", "Section"),
        ("paragraph", "Second paragraph here."),
    ]


def test_lower_case_line_continues_an_unfinished_line() -> None:
    body = "Title\nThe forum agreed to meet\nin Inverness next spring.\nNext Steps\nDates will follow.\n"
    assert [(b.kind, b.text) for b in _clean(body).blocks] == [
        ("paragraph", "The forum agreed to meet in Inverness next spring."),
        ("heading", "Next Steps"),
        ("paragraph", "Dates will follow."),
    ]


def test_hard_wrapped_dump_is_rejoined() -> None:
    paragraph = (
        "The Neglect Improvement Group met on 3 June 2019 to discuss the pathfinder\n"
        "findings from three local authority areas. Members agreed that the next\n"
        "phase should focus on early support for families with young children.\n"
    )
    body = "Title\n\n" + paragraph + "\nNext steps\n\n" + paragraph.replace("3 June", "9 July")
    bulletin = _clean(body)
    assert [b.kind for b in bulletin.blocks] == ["paragraph", "heading", "paragraph"]
    assert "pathfinder findings" in bulletin.blocks[0].text


def test_comments_heading_in_minutes_is_kept_when_no_furniture_follows() -> None:
    bulletin = _clean(MINUTES)
    assert "approved them for print" in bulletin.text


@pytest.mark.parametrize(
    "body",
    [
        "Only a title\n",
        "Blog name\n\nA post\n\nJanuary 5, 2019 by No Comments | Category News\n\nComments\n\nLeave a comment\n",
        "   \n\n",
    ],
    ids=["title-only", "furniture-only", "blank"],
)
def test_empty_body_raises_input_error(body: str) -> None:
    with pytest.raises(InputError) as caught:
        _clean(body)
    assert caught.value.stage == "clean"
    assert "no body text" in caught.value.reason


@pytest.mark.parametrize(
    ("body", "title", "published", "author", "first_block"),
    [
        (
            "Carers blog\n\nA week in Orkney\n\nBy Sam Reid on 3 March 2019\n\nI spent a week in Kirkwall.\n",
            "A week in Orkney",
            dt.date(2019, 3, 3),
            "Sam Reid",
            "I spent a week in Kirkwall.",
        ),
        (
            "Fostering figures published\n\n12 March 2019\n\nNew figures show a rise in foster carers.\n",
            "Fostering figures published",
            dt.date(2019, 3, 12),
            None,
            "New figures show a rise in foster carers.",
        ),
        (  # a date line deep in the body is body text, not a byline
            "Forum notes\n\nThe forum met.\n\nIt agreed a plan.\n\nIt thanked staff.\n\nNext meeting\n\n"
            "3 September 2019\n",
            "Forum notes",
            None,
            None,
            "The forum met.",
        ),
    ],
    ids=["author-first-byline", "date-line-under-title", "date-line-in-body"],
)
def test_byline_variants(
    body: str, title: str, published: dt.date | None, author: str | None, first_block: str
) -> None:
    bulletin = _clean(body)
    assert (bulletin.title, bulletin.published, bulletin.author) == (title, published, author)
    assert bulletin.blocks[0].text == first_block


def test_markdown_headings_keep_their_level() -> None:
    body = "# Review update\n\nIntro.\n\n## Findings\n\n### Early help\n\nText.\n\n## Next steps\n\nMore.\n"
    bulletin = _clean(body)
    assert bulletin.title == "Review update"
    assert [(b.text, b.level) for b in bulletin.blocks if b.kind == "heading"] == [
        ("Findings", 2),
        ("Early help", 3),
        ("Next steps", 2),
    ]


def test_single_newline_dump_with_long_lines_is_not_taken_for_hard_wrapped() -> None:
    body = (
        "Panel minutes: May 2019\n"
        "Minutes of the meeting of the Kinship Care Advisory Panel on 14 May 2019\n"
        "Item 1 - Welcome and introductions from the Chair of the panel\n"
        "The Chair welcomed members and set out the remit of the group.\n"
        "Item 2 - Review of the draft allowance guidance for carers\n"
        "Members agreed the draft guidance subject to minor changes.\n"
    )
    headings = _headings(_clean(body))
    assert headings == [
        "Item 1 - Welcome and introductions from the Chair of the panel",
        "Item 2 - Review of the draft allowance guidance for carers",
    ]


def test_text_without_a_title_line_keeps_its_first_paragraph() -> None:
    body = "The forum met on 5 June 2019 and agreed its remit for the coming two years of work.\n"
    bulletin = _clean(body)
    assert bulletin.blocks[0].text == body.strip()
    assert bulletin.title == "The forum met on 5 June 2019 and agreed its remit for"  # first 12 words


SITE_THEN_TITLE = """Island Life

Ten months on the ferry routes: what families told us

The Ferry Families Panel first met in Stornoway last autumn and has met six times since.

We heard about childcare, school transport and the cost of travel.
"""


@pytest.mark.parametrize(
    ("url", "title"),
    [
        (  # the URL's slug names the second line
            "https://blogs.example.scot/islands/2019/08/14/ten-months-on-the-ferry-routes-what-families-told-us/",
            "Ten months on the ferry routes: what families told us",
        ),
        (  # the slug is an id, but the first line is the blog's own path segment ("island-life")
            "https://blogs.example.scot/island-life/2019/08/14/post-4411/",
            "Ten months on the ferry routes: what families told us",
        ),
        (  # no evidence in the URL: the first line stays the title
            "https://blogs.example.scot/2019/08/14/post-4411/",
            "Island Life",
        ),
    ],
    ids=["slug-matches-second-line", "site-segment-matches-first-line", "no-evidence"],
)
def test_site_name_line_above_the_title(url: str, title: str) -> None:
    bulletin = _clean(SITE_THEN_TITLE, url)
    assert bulletin.title == title
    assert bulletin.published == dt.date(2019, 8, 14)
    if title != "Island Life":
        assert "Island Life" not in bulletin.text
        assert title not in bulletin.text
        assert bulletin.blocks[0].text.startswith("The Ferry Families Panel")


def test_title_holding_a_topic_folder_word_is_not_the_site_name() -> None:
    body = (
        "Ferry Services Resilience Working Group minutes: 4 March 2015\n\n"
        "Minutes of meeting held on Wednesday 4 March 2015, Victoria Quay, Edinburgh\n\n"
        "Present\n\n- Ann Bell (Chair)\n\n1. Welcome\n\nThe Chair welcomed members.\n"
    )
    url = "https://www.gov.example/Topics/Transport/ferries/resilience-group/minutes-4-march-2015"
    assert _clean(body, url).title == "Ferry Services Resilience Working Group minutes: 4 March 2015"


def test_title_matching_the_slug_stays_the_title_when_a_heading_follows() -> None:
    body = "Summer at the forum\n\nWhat we did\n\nThe forum met four times.\n\nIt agreed a plan.\n"
    bulletin = _clean(body, "https://blogs.example.scot/forum/2019/08/14/summer-at-the-forum/")
    assert bulletin.title == "Summer at the forum"
    assert _headings(bulletin) == ["What we did"]


def test_collection_line_under_part_of_is_dropped() -> None:
    body = PUBLICATION.replace("Part of\n", "Part of\nHealth and social care\n")
    bulletin = _clean(body)
    assert "Health and social care" not in bulletin.text
    assert _headings(bulletin)[0] == "Attendees and apologies"


def test_collection_named_after_the_group_in_the_title_is_dropped() -> None:
    body = PUBLICATION.replace("Part of\n", "Part of\nKinship Care Advisory Group\n")
    bulletin = _clean(body)
    assert _headings(bulletin)[0] == "Attendees and apologies"


NEWS_RELEASE_WITH_STANDFIRST = """Island ferry winter timetable confirmed

Extra sailings on three routes from November

Published
4 May 2022

Directorate
Transport Directorate

Part of
Transport

Two extra sailings a week will run on each route this winter, the operator confirmed on 3 May.

What changes

The later boat leaves at 8pm from 1 November and runs until the end of March.
"""


def test_unbulleted_metadata_list_below_a_standfirst_gives_published() -> None:
    bulletin = _clean(NEWS_RELEASE_WITH_STANDFIRST)
    assert bulletin.title == "Island ferry winter timetable confirmed"
    assert bulletin.published == dt.date(2022, 5, 4)
    assert _headings(bulletin) == ["What changes"]
    assert "Transport Directorate" not in bulletin.text
    assert bulletin.blocks[0].kind == "paragraph"  # the standfirst is the page's summary, not a heading


def test_label_like_body_heading_below_the_title_is_not_metadata() -> None:
    body = "Open day at the depot\n\nAll welcome\n\nLocation\n\nThe day is at the north depot.\n\nIt starts at 10am.\n"
    bulletin = _clean(body)
    assert bulletin.published is None
    assert "Location" in _headings(bulletin)


def test_signoff_above_a_comment_count_is_dropped() -> None:
    body = BLOG.replace("\nComments\n", "\n12 Comments\n")
    bulletin = _clean(body)
    assert "Scottish Government" not in bulletin.text
    assert "Carers Policy Team" not in _headings(bulletin)


def test_attendee_list_without_bullets_is_list_items_not_headings() -> None:
    body = (
        "Rural Transport Forum minutes: March 2025\n\n"
        "Present\n\n"
        "Cabinet Secretary for Transport, Iain Rennie MSP (Chair)\n\n"
        "Fiona Lauder, Head of Bus Policy, Transport Scotland\n\n"
        "Dr Kenneth Bain (Highlands and Islands Enterprise)\n\n"
        "Apologies\n\n"
        "Morag Petrie, Argyll and Bute Council\n\n"
        "Items and actions\n\n"
        "1. Welcome, introductions and apologies\n\n"
        "The Chair welcomed members to the meeting.\n"
    )
    blocks = [(b.kind, b.text) for b in _clean(body).blocks]
    assert blocks == [
        ("heading", "Present"),
        ("list_item", "Cabinet Secretary for Transport, Iain Rennie MSP (Chair)"),
        ("list_item", "Fiona Lauder, Head of Bus Policy, Transport Scotland"),
        ("list_item", "Dr Kenneth Bain (Highlands and Islands Enterprise)"),
        ("heading", "Apologies"),
        ("list_item", "Morag Petrie, Argyll and Bute Council"),
        ("heading", "Items and actions"),
        ("heading", "1. Welcome, introductions and apologies"),
        ("paragraph", "The Chair welcomed members to the meeting."),
    ]


def test_two_stacked_headings_with_a_comma_stay_headings() -> None:
    body = "Title\n\nIntro.\n\nAgenda\n\nWelcome, introductions and apologies\n\nThe Chair opened the meeting.\n"
    assert [b.kind for b in _clean(body).blocks] == ["paragraph", "heading", "heading", "paragraph"]
