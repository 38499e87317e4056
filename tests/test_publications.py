"""Publications stage on invented bulletins written in the style of Scottish Government policy updates."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.bulletin import make_bulletin
from pipeline.groups import find_groups
from pipeline.model import load_model
from pipeline.names import name_key
from pipeline.parsed import ParsedBulletin, parse
from pipeline.publications import find_publications
from pipeline.records import Block, PublicationMention
from pipeline.sections import find_sections


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def parse_text(nlp, text: str, links: tuple[tuple[str, str], ...] = ()) -> ParsedBulletin:
    """Blocks are separated by blank lines; a line starting with '## ' is a heading."""
    blocks = [
        Block("heading", p[3:], 2) if p.startswith("## ") else Block("paragraph", p)
        for p in (part.strip() for part in text.split("\n\n"))
        if p
    ]
    bulletin = make_bulletin(
        source="test",
        url="https://blogs.example.scot/update-5",
        title="Update #5",
        published=dt.date(2019, 9, 2),
        author=None,
        categories=[],
        blocks=blocks,
        links=links,
    )
    return parse([bulletin], [find_sections(bulletin)], nlp)[0]


def publications_of(nlp, text: str, links: tuple[tuple[str, str], ...] = ()) -> dict[str, PublicationMention]:
    parsed = parse_text(nlp, text, links)
    return {p.title: p for p in find_publications(parsed, find_groups(parsed))}


FOUND = [
    (
        "act with year",
        "Part 3 of the Children (Care and Justice) (Scotland) Act 2024 is now in force.",
        "Children (Care and Justice) (Scotland) Act 2024",
        "legislation",
        2024,
    ),
    (
        "bill",
        "The Victims and Witnesses (Scotland) Bill was introduced to Parliament in April.",
        "Victims and Witnesses (Scotland) Bill",
        "legislation",
        None,
    ),
    (
        "guidance",
        "Councils should follow the Kinship Care Assessment Guidance when placing children.",
        "Kinship Care Assessment Guidance",
        "guidance",
        None,
    ),
    (
        "plan with complement and year",
        "We published the Refresh of the Action Plan on Tackling Loneliness (2021) today.",
        "Refresh of the Action Plan on Tackling Loneliness (2021)",
        "plan",
        2021,
    ),
    (
        "place possessive and acronym",
        "Scotland’s Strategy to End Domestic Abuse (SEDA) sets out our aims.",
        "Scotland’s Strategy to End Domestic Abuse (SEDA)",
        "strategy",
        None,
    ),
    (
        "lower-case head",
        "The Safe Streets delivery plan will be published next month.",
        "Safe Streets delivery plan",
        "plan",
        None,
    ),
    (
        "introduced by report",
        "Barnardo's shared their new report Hidden Harm – Support for young carers in rural areas.",
        "Hidden Harm – Support for young carers in rural areas",
        "report",
        None,
    ),
    (
        "framework",
        "The Trauma Informed Practice Framework supports staff across services.",
        "Trauma Informed Practice Framework",
        "framework",
        None,
    ),
    (
        "quoted title",
        "Professor Lyle spoke on ‘Listening to Young Witnesses’ at the event.",
        "Listening to Young Witnesses",
        "other",
        None,
    ),
    (
        "act title with lower-case words before its head",
        "Guidance under the Prevention of Harm from Online Abuse (Scotland) Act 2021 comes into force in May.",
        "Prevention of Harm from Online Abuse (Scotland) Act 2021",
        "legislation",
        2021,
    ),
    (
        "document for an act",
        "The revised Code of Practice for the Carers (Scotland) Act 2016 was published on 3 May.",
        "Code of Practice for the Carers (Scotland) Act 2016",
        "guidance",
        2016,
    ),
    (
        "the act inside a document's title",
        "The revised Code of Practice for the Carers (Scotland) Act 2016 is out.",
        "Carers (Scotland) Act 2016",
        "legislation",
        2016,
    ),
    (
        "quoted title opening with a small word",
        "The taskforce published “Every Child the Best Start” in May.",
        "Every Child the Best Start",
        "other",
        None,
    ),
    (
        "quoted title with a question",
        "A summary, “Fostering Futures: What Have We Learned?”, was published.",
        "Fostering Futures: What Have We Learned?",
        "other",
        None,
    ),
    (
        "quoted title with a subtitle holding an article",
        "Families can now order “Open Doors: Making a Home Visit Plan”, a new booklet, from the council.",
        "Open Doors: Making a Home Visit Plan",
        "other",
        None,
    ),
    (
        "year range after the head",
        "Members will sign off the Walk Safely Highlands Action Plan 2021-2024 in March.",
        "Walk Safely Highlands Action Plan 2021-2024",
        "plan",
        2021,
    ),
    (
        "financial year after the head",
        "The Island Ferries Investment Plan 2022-23 sets out the budget.",
        "Island Ferries Investment Plan 2022-23",
        "plan",
        2022,
    ),
    (
        "capitalised stop word inside a title",
        "Schools can use the Learn Together Outdoors Strategy this term.",
        "Learn Together Outdoors Strategy",
        "strategy",
        None,
    ),
    (
        "gerund opening a title after a determiner",
        "Every club will get a copy of our Growing Together Toolkit next year.",
        "Growing Together Toolkit",
        "guidance",
        None,
    ),
    (
        "statistics publication with its year",
        "The agency will publish Scottish Ferry Passenger Statistics 2019 on 3 June.",
        "Scottish Ferry Passenger Statistics 2019",
        "report",
        2019,
    ),
    (
        "long quoted title with a colon subtitle",
        "The paper, “Closing the Attainment Gap Together: Funded Breakfast Clubs for Six-Year-Olds”, is out.",
        "Closing the Attainment Gap Together: Funded Breakfast Clubs for Six-Year-Olds",
        "other",
        None,
    ),
    (
        "quoted title with 'among'",
        'A report, "Rising Costs: Food Insecurity among Island Households", is expected next summer.',
        "Rising Costs: Food Insecurity among Island Households",
        "other",
        None,
    ),
    (
        "edition number",
        "The National Transport Strategy 2 sets out our vision.",
        "National Transport Strategy 2",
        "strategy",
        None,
    ),
    (
        "horizon year",
        "The Road Safety Framework to 2030 was published in 2021.",
        "Road Safety Framework to 2030",
        "framework",
        2030,
    ),
    (
        "capitalised small word opening a title",
        "The Just Transition Plan for Transport is due next year.",
        "Just Transition Plan for Transport",
        "plan",
        None,
    ),
    (
        "rules made under an act",
        "Any changes to the Harbour Visits (Family Contact) (Scotland) Rules 2014 would follow.",
        "Harbour Visits (Family Contact) (Scotland) Rules 2014",
        "legislation",
        2014,
    ),
]


@pytest.mark.parametrize(("text", "title", "kind", "year"), [f[1:] for f in FOUND], ids=[f[0] for f in FOUND])
def test_finds_publication(nlp, text, title, kind, year):
    found = publications_of(nlp, text)
    assert title in found, list(found)
    assert (found[title].kind, found[title].year) == (kind, year)


NOT_PUBLICATIONS = [
    ("generic report", "A progress report was shared with members in May.", "progress report"),
    ("generic capitalised", "The Annual Report will follow.", "Annual Report"),
    (
        "group containing a plan",
        "The Loneliness Action Plan Implementation group met on 3 June.",
        "Loneliness Action Plan",
    ),
    ("group containing a strategy", "The Rural Housing Strategy Group met on 3 June.", "Rural Housing Strategy"),
    (
        "group's consultation",
        "The Scottish Government consultation closes on Friday.",
        "Scottish Government consultation",
    ),
    (
        "group's possessive",
        "The Scottish Government’s Youth Work Strategy was launched.",
        "Scottish Government’s Youth Work Strategy",
    ),
    ("minutes of a meeting", "The minutes of the October meeting are now available.", "minutes"),
    ("sentence-case heading", "## Neglect guidance\n\nThe new guidance was laid in March.", "Neglect guidance"),
    (
        "document cut from a longer title",
        "The revised Code of Practice for the Carers (Scotland) Act 2016 is out.",
        "Code of Practice",
    ),
    (
        "act cut at its start",
        "Guidance under the Prevention of Harm from Online Abuse (Scotland) Act 2021 comes into force in May.",
        "Online Abuse (Scotland) Act 2021",
    ),
    (
        "portfolio of a post",
        "Ravi Singh, the agency's Head of Building Standards, will present the data.",
        "Building Standards",
    ),
    ("portfolio of a minister", "The Minister for Road Safety Strategy spoke first.", "Road Safety Strategy"),
    ("generic statistics", "The Official Statistics will follow in May.", "Official Statistics"),
    ("head of statistics", "Ann Lyle, Head of Transport Statistics, presented.", "Transport Statistics"),
    (
        "sentence-opening gerund before a title",
        "Following Scotland's Housing Strategy, councils wrote plans.",
        "Following Scotland's Housing Strategy",
    ),
    (
        "a year and a number are no range",
        "The Fife Parking Plan 2020 - 15 sites - was agreed.",
        "Fife Parking Plan 2020 - 15",
    ),
]


@pytest.mark.parametrize(("text", "rejected"), [n[1:] for n in NOT_PUBLICATIONS], ids=[n[0] for n in NOT_PUBLICATIONS])
def test_rejects(nlp, text, rejected):
    assert name_key(rejected) not in {name_key(t) for t in publications_of(nlp, text)}


STATUS = [
    ("The Rural Transport Strategy was published on 3 March.", "published"),
    ("The Rural Transport Strategy is expected to be published in February.", "forthcoming"),
    ("The Rural Transport Strategy will be published next year.", "forthcoming"),
    ("A consultation on the Rural Transport Strategy runs until June.", "consultation"),
    ("The Rural Transport Bill was introduced to Parliament on 2 May.", "introduced"),
    ("The Rural Transport Strategy sets out five outcomes.", None),
]


@pytest.mark.parametrize(("text", "status"), STATUS, ids=[str(s) + str(i) for i, (_, s) in enumerate(STATUS)])
def test_status(nlp, text, status):
    (found,) = publications_of(nlp, text).values()
    assert found.status == status


BULLETIN = """## The Housing (Tenants' Rights) (Scotland) Act 2022

Work to implement the Housing (Tenants' Rights) (Scotland) Act 2022 continues.
Section 4 of the Tenants' Rights (Scotland) Act 2022 comes into force in May.

## Fair Rents Bill

The Fair Rents (Scotland) Bill was introduced on 6 June. The Bill is now at Stage 1.

The Safer Homes Strategy was out for consultation until March.
Responses to the draft strategy are online at
https://www.example.gov.scot/consultations/safer-homes-2021 for anyone to read."""


def test_later_short_forms_are_aliases(nlp):
    found = publications_of(nlp, BULLETIN)
    act = found["Housing (Tenants' Rights) (Scotland) Act 2022"]
    assert "Tenants' Rights (Scotland) Act 2022" in act.aliases
    assert "Bill" in found["Fair Rents (Scotland) Bill"].aliases
    assert "draft strategy" in found["Safer Homes Strategy"].aliases
    assert len(found) == 3


def test_url_written_after_title(nlp):
    found = publications_of(nlp, BULLETIN)
    # the URL stands in the next sentence, not the title's: no url
    assert found["Safer Homes Strategy"].url is None
    text = "The Safer Homes Strategy is online at https://www.example.gov.scot/safer-homes."
    assert publications_of(nlp, text)["Safer Homes Strategy"].url == "https://www.example.gov.scot/safer-homes"


def test_url_from_link(nlp):
    text = "Read the Safer Homes Strategy on our pages."
    found = publications_of(nlp, text, links=(("Safer Homes Strategy", "https://www.example.gov.scot/shs"),))
    assert found["Safer Homes Strategy"].url == "https://www.example.gov.scot/shs"


def test_offsets_point_at_first_mention(nlp):
    parsed = parse_text(nlp, BULLETIN)
    for publication in find_publications(parsed, find_groups(parsed)):
        assert parsed.text[publication.char_start : publication.char_end] == publication.text
        assert publication.text in publication.sentence
