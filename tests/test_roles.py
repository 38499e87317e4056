"""Roles on unseen wording: where a role ends, roles standing away from the name, possessive organisations,
list lines that put the role first, and organisations the NER takes for people. All text is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.bulletin import make_bulletin
from pipeline.model import load_model
from pipeline.parsed import ParsedBulletin, parse
from pipeline.people import find_people
from pipeline.records import Block, GroupMention, PersonMention
from pipeline.sections import find_sections


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _people(nlp, blocks: list[tuple[str, str]], groups: tuple[str, ...] = ()) -> list[PersonMention]:
    built = [Block(kind, text, 2 if kind == "heading" else 0) for kind, text in blocks]
    bulletin = make_bulletin(
        source="test",
        url="https://blogs.example.scot/roles/",
        title="Roles test bulletin",
        published=dt.date(2021, 4, 14),
        author=None,
        categories=[],
        blocks=built,
    )
    parsed: ParsedBulletin = parse([bulletin], [find_sections(bulletin)], nlp)[0]
    group_rows = [GroupMention(parsed.bulletin_id, "", g, None, "group", g, 0, 0, "") for g in groups]
    return find_people(parsed, group_rows)


def _pairs(rows: list[PersonMention]) -> set[tuple[str, str]]:
    return {(r.name, r.role.casefold()) for r in rows}


def _expect(*pairs: tuple[str, str]) -> set[tuple[str, str]]:
    return {(name, role.casefold()) for name, role in pairs}


ROLE_END_CASES = [
    (
        "at-organisation-ends-role",
        "The pilot will be evaluated by Fiona Carr, Head of Family Support at Lothian Carers Trust, over the winter.",
        ("Lothian Carers Trust",),
        _expect(("Fiona Carr", "Head of Family Support")),
    ),
    (
        "at-the-university-ends-role",
        "The panel is chaired by Dr Hamish Oduya, Director of the Centre for Rural Wellbeing at the University of "
        "Inverlochy, and will report in the autumn.",
        ("University of Inverlochy",),
        _expect(("Hamish Oduya", "Chair"), ("Hamish Oduya", "Director of the Centre for Rural Wellbeing")),
    ),
    (
        "month-ends-role",
        "Young carers met the Minister for Older People in June to talk about respite breaks.",
        (),
        _expect(("", "Minister for Older People")),
    ),
    (
        "second-role-after-and",
        "The data work is led by Dr Omar Shah, Head of Family Statistics and Principal Analyst at the Scottish "
        "Government.",
        ("Scottish Government",),
        _expect(("Omar Shah", "Head of Family Statistics"), ("Omar Shah", "Principal Analyst")),
    ),
    (
        "in-field-and-honorary-post",
        "The review is led by Dr Jenny Lau, Consultant in Child Psychiatry and Honorary Senior Lecturer at the "
        "University of Cromarty.",
        ("University of Cromarty",),
        _expect(("Jenny Lau", "Consultant in Child Psychiatry"), ("Jenny Lau", "Honorary Senior Lecturer")),
    ),
    (
        "compound-lead-officer-is-not-a-role",
        "Every council now has a named CAMHS lead officer for looked after children.",
        (),
        set(),
    ),
]

DISTANT_ROLE_CASES = [
    (
        "its-chair",
        "The Island Transport Forum met in Kirkwall, and its chair, Professor Ellen Rowe, set out its priorities.",
        ("Island Transport Forum",),
        _expect(("Ellen Rowe", "Chair")),
    ),
    (
        "our-chair-sentence-start",
        "We have met six times. Our chair, Eilidh Rowan, runs a small croft in Lochaber.",
        (),
        _expect(("Eilidh Rowan", "Chair")),
    ),
    (
        "possessive-group-chair-then-office",
        "Ravi Kumar deputised for the Council’s chair, the Minister for Local Democracy, Joan Baillie MSP, who was "
        "in Parliament.",
        (),
        _expect(("Joan Baillie", "Chair"), ("Joan Baillie", "Minister for Local Democracy"), ("Ravi Kumar", "")),
    ),
    (
        "currently-before-role",
        "She will be succeeded in June by Carol Mayne, currently Deputy Chief Inspector at the Care Standards Agency.",
        ("Care Standards Agency",),
        _expect(("Carol Mayne", "Deputy Chief Inspector")),
    ),
    (
        "joined-as-role",
        "The Board welcomed Nadia Khan, who joined the Board as Deputy Chair in March.",
        (),
        _expect(("Nadia Khan", "Deputy Chair")),
    ),
    (
        "the-outgoing-role",
        "Members thanked Iain Gow, the outgoing Chief Executive of Fife Carers Centre, for his work.",
        ("Fife Carers Centre",),
        _expect(("Iain Gow", "Chief Executive of Fife Carers Centre")),
    ),
]

POSSESSIVE_CASES = [
    (
        "acronym-possessive-spokesperson",
        "COSLA’s Housing and Communities Spokesperson, Councillor Ruth Mair, said councils welcomed the fund.",
        ("COSLA",),
        _expect(("Ruth Mair", "Housing and Communities Spokesperson")),
    ),
    (
        "copula-possessive-champion",
        "Dr Ewan Hart is the Scottish Government’s Rural Carers Champion.",
        ("Scottish Government",),
        _expect(("Ewan Hart", "Rural Carers Champion")),
    ),
]

MONTH_SURNAME_CASES = [
    (
        "titled-surname-confirms-name-after-role",
        "Islands will gain a new fund, Minister for Children and Young People Morag Ferrier announced today. "
        "Ms Ferrier said the fund would help carers.",
        (),
        _expect(("Morag Ferrier", "Minister for Children and Young People")),
    ),
    (
        "list-part-role-with-and",
        "Councillor Ruth Baird, Children and Young People Spokesperson, COSLA, opened the session.",
        ("COSLA",),
        _expect(("Ruth Baird", "Children and Young People Spokesperson")),
    ),
    (
        "month-surname-before-role",
        "Alasdair May, currently Director of Finance at Tayside Carers Trust, will join the Board in the spring.",
        ("Tayside Carers Trust",),
        _expect(("Alasdair May", "Director of Finance")),
    ),
    (
        "month-with-a-day-is-a-date",
        "Ann Lyall MSP opened the new centre on 4 May 2019.",
        (),
        _expect(("Ann Lyall", "")),
    ),
]

NOT_PEOPLE_CASES = [
    (
        "organisation-coordinated-with-group",
        "Thanks go to the Scottish Youth Parliament and Home Start, whose members tested the leaflets.",
        ("Scottish Youth Parliament",),
        set(),
    ),
    (
        "place-with-which",
        "Three areas are testing the approach: Moray, which shares a chronology, and West Kilbride, which is "
        "working with schools.",
        (),
        set(),
    ),
    (
        "organisation-owning-volunteers",
        "The leaflets were tested by Kinship Kin, whose volunteers visited forty families.",
        (),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "groups", "expected"),
    [c[1:] for c in ROLE_END_CASES + DISTANT_ROLE_CASES + POSSESSIVE_CASES + MONTH_SURNAME_CASES + NOT_PEOPLE_CASES],
    ids=[c[0] for c in ROLE_END_CASES + DISTANT_ROLE_CASES + POSSESSIVE_CASES + MONTH_SURNAME_CASES + NOT_PEOPLE_CASES],
)
def test_roles_in_paragraphs(nlp, text, groups, expected):
    assert _pairs(_people(nlp, [("paragraph", text)], groups)) == expected


def test_role_organisation_after_at_and_possessive(nlp):
    rows = _people(nlp, [("paragraph", ROLE_END_CASES[0][1])], ROLE_END_CASES[0][2])
    assert rows[0].role_organisation == "Lothian Carers Trust"
    rows = _people(nlp, [("paragraph", POSSESSIVE_CASES[0][1])], POSSESSIVE_CASES[0][2])
    assert rows[0].role_organisation == "COSLA"
    rows = _people(nlp, [("paragraph", DISTANT_ROLE_CASES[0][1])], DISTANT_ROLE_CASES[0][2])
    assert rows[0].role_organisation == "Island Transport Forum"


ROLE_FIRST_LIST = [
    ("heading", "Present"),
    ("list_item", "Cabinet Secretary for Rural Affairs, Douglas Fyfe MSP (Chair)"),
    ("list_item", "Chief Executive, Highland Carers Trust, Dr Rona Fleming"),
    ("list_item", "Head of Family Policy Unit, Scottish Government, Alan Reid"),
    ("list_item", "Chair, Fair Housing Commission, Professor Neil Dow"),
    ("list_item", "Kirsty Lyall, Youth Representative and Board Member, Carers Voice Network"),
    ("list_item", "Dr Maya Singh, Senior Lecturer, Northern Isles College"),
    ("list_item", "Liam Ortiz MSYP, Scottish Youth Parliament"),
    ("list_item", "COSLA Housing and Communities Spokesperson, Councillor Iona Rae"),
]
ROLE_FIRST_GROUPS = (
    "Highland Carers Trust",
    "Scottish Government",
    "Fair Housing Commission",
    "Carers Voice Network",
    "Northern Isles College",
    "Scottish Youth Parliament",
)


def test_list_line_place_with_which_is_not_a_person(nlp):
    blocks = [
        ("paragraph", "Three areas joined the pilot:"),
        ("list_item", "Moray, which shares one chronology across services;"),
        ("list_item", "West Kilbride, which is working with schools."),
    ]
    assert _people(nlp, blocks) == []


def test_list_lines_with_role_first_or_org_between(nlp):
    rows = _people(nlp, ROLE_FIRST_LIST, ROLE_FIRST_GROUPS)
    assert _pairs(rows) == _expect(
        ("Douglas Fyfe", "Cabinet Secretary for Rural Affairs"),
        ("Douglas Fyfe", "Chair"),
        ("Rona Fleming", "Chief Executive"),
        ("Alan Reid", "Head of Family Policy Unit"),
        ("Neil Dow", "Chair"),
        ("Kirsty Lyall", "Youth Representative"),
        ("Kirsty Lyall", "Board Member"),
        ("Maya Singh", "Senior Lecturer"),
        ("Liam Ortiz", ""),
        ("Iona Rae", "COSLA Housing and Communities Spokesperson"),
    )
    by_pair = {(r.name, r.role): r for r in rows}
    assert by_pair[("Rona Fleming", "Chief Executive")].role_organisation == "Highland Carers Trust"
    assert by_pair[("Neil Dow", "Chair")].role_organisation == "Fair Housing Commission"
    assert by_pair[("Liam Ortiz", "")].post_nominals == "MSYP"


# Month words as first names: a name only where the layout or a title says person, never after a date cue.
MONTH_FIRST_NAME_LIST = [
    ("heading", "In attendance"),
    ("list_item", "May Fordyce, Lived Experience Ambassador, Carers Voice Network"),
    ("list_item", "Deputy Director for Mental Health, August Pringle"),
    ("paragraph", "Cllr June Rattray welcomed everyone. In March Alan Gow had set out the timetable."),
    ("paragraph", "We were joined by our Youth Champion, April Gunn, who spoke about the survey."),
    ("paragraph", "May thanked members. The next meeting is in April and June will be quieter."),
]


def test_month_words_as_first_names(nlp):
    rows = _people(nlp, MONTH_FIRST_NAME_LIST, ("Carers Voice Network",))
    assert _pairs(rows) == _expect(
        ("May Fordyce", "Lived Experience Ambassador"),
        ("August Pringle", "Deputy Director for Mental Health"),
        ("June Rattray", ""),
        ("Alan Gow", ""),
        ("April Gunn", "Youth Champion"),
    )


LATER_CASES = [
    (
        "role-then-name-without-comma-surname-entity",
        "Addressing the conference in Inverness, the Minister for Drugs and Alcohol Policy Eilidh Rattray said it was "
        "a turning point. Ms Rattray later visited a recovery cafe in the city.",
        (),
        _expect(("Eilidh Rattray", "Minister for Drugs and Alcohol Policy")),
    ),
    (
        "methodologist-head",
        "The questions were tested by Euan Moffat, Principal Research Methodologist at the Household Survey Unit.",
        (),
        _expect(("Euan Moffat", "Principal Research Methodologist")),
    ),
    (
        "trailing-depute-belongs-to-role",
        "Figures were presented by Nadia Brook, Senior Procurator Fiscal Depute, who leads on hate crime.",
        (),
        _expect(("Nadia Brook", "Senior Procurator Fiscal Depute")),
    ),
    (
        "vice-chair-hyphen-and-space",
        "Colin Baxter, Vice Chair of the Rural Housing Forum, opened the session with Ailsa Dow, its Vice-Chair "
        "for finance.",
        ("Rural Housing Forum",),
        _expect(("Colin Baxter", "Vice Chair"), ("Ailsa Dow", "Vice-Chair")),
    ),
    (
        "two-roles-joined-second-modified-by-group-word",
        "Lesley Hope, Volunteer Manager and Network Co-ordinator at Carers Link, answered questions.",
        ("Carers Link",),
        _expect(("Lesley Hope", "Volunteer Manager"), ("Lesley Hope", "Network Co-ordinator")),
    ),
    (
        "had-chaired",
        "The Crofting Forum thanked Fiona Watt, who had chaired the Forum for six years.",
        ("Crofting Forum",),
        _expect(("Fiona Watt", "Chair")),
    ),
    (
        "co-chaired-by-two",
        "The new Island Ferries Forum will be co-chaired by Ewan Laird of the Crofting Trust and Dr Nisha Rao.",
        ("Island Ferries Forum", "Crofting Trust"),
        _expect(("Ewan Laird", "Co-Chair"), ("Nisha Rao", "Co-Chair")),
    ),
    (
        "will-co-chair",
        "Mairi Begg will co-chair the Island Ferries Forum from May.",
        ("Island Ferries Forum",),
        _expect(("Mairi Begg", "Co-Chair")),
    ),
    (
        "as-role-after-apposition",
        "The Board welcomed Greig Allan, Head of Planning at Fife Council, who joins the Board as its Deputy Chair.",
        ("Fife Council",),
        _expect(("Greig Allan", "Head of Planning"), ("Greig Allan", "Deputy Chair")),
    ),
    (
        "head-before-an-event-noun-is-no-office",
        "Over eighty staff came to the Fife Practitioner Day and to the launch of the Carers Ambassador Programme.",
        (),
        set(),
    ),
    (
        "advocate-head",
        "Priya Shah, Independent Advocate with the Circle project, described the first cases.",
        (),
        _expect(("Priya Shah", "Independent Advocate")),
    ),
    (
        "singular-possessor-is-organisation",
        "Kamala Roy, the Tribunal's Director of Operations, will report in the spring.",
        (),
        _expect(("Kamala Roy", "Director of Operations")),
    ),
]


@pytest.mark.parametrize(("text", "groups", "expected"), [c[1:] for c in LATER_CASES], ids=[c[0] for c in LATER_CASES])
def test_more_roles_in_paragraphs(nlp, text, groups, expected):
    assert _pairs(_people(nlp, [("paragraph", text)], groups)) == expected


# A portfolio list goes on past a comma when capitalised items close with "and <Capitalised>"; the words in it are
# never a person. Near misses: names after the role, places modifying a lower-case noun.
PORTFOLIO_LIST_CASES = [
    (
        "portfolio-list-before-a-verb",
        "In May the Cabinet Secretary for Rural Affairs, Islands and Food Security announced new grants for crofters.",
        (),
        _expect(("", "Cabinet Secretary for Rural Affairs, Islands and Food Security")),
    ),
    (
        "portfolio-list-before-at-organisation",
        "The review was led by Ewan Boyd, Deputy Director of Ports, Harbours and Inland Waterways at Marine Scotland, "
        "with support from councils.",
        (),
        _expect(("Ewan Boyd", "Deputy Director of Ports, Harbours and Inland Waterways")),
    ),
    (
        "portfolio-list-before-a-date-word",
        "Grants were agreed by the Minister for Energy, Coastal Waters and Island Ferries today.",
        (),
        _expect(("", "Minister for Energy, Coastal Waters and Island Ferries")),
    ),
    (
        "portfolio-list-then-name",
        "The Head of Research, Policy and Evaluation, Dr Lorna Baird, presented the findings.",
        (),
        _expect(("Lorna Baird", "Head of Research, Policy and Evaluation")),
    ),
    (
        "near-miss-names-after-role",
        "The Minister for Housing, Ann Hill and Bob Gray visited the site.",
        (),
        _expect(("Ann Hill", "Minister for Housing"), ("Bob Gray", "")),
    ),
    (
        "near-miss-places-modifying-a-noun",
        "Copies went to the Director of Planning, Angus and Moray councils and the local press.",
        (),
        _expect(("", "Director of Planning")),
    ),
    (
        "near-miss-title-case-words-are-no-person",
        "Grants were agreed by the Minister for Energy, Coastal Waters and Island Ferries budget holders.",
        (),
        _expect(("", "Minister for Energy")),
    ),
]


@pytest.mark.parametrize(
    ("text", "groups", "expected"), [c[1:] for c in PORTFOLIO_LIST_CASES], ids=[c[0] for c in PORTFOLIO_LIST_CASES]
)
def test_portfolio_lists_past_a_comma(nlp, text, groups, expected):
    assert _pairs(_people(nlp, [("paragraph", text)], groups)) == expected
