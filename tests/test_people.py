"""People stage: names, titles, post-nominals, roles, aliases and unnamed roles on invented bulletins."""

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


def _bulletin(nlp, blocks: list[tuple[str, str]], author: str | None = None) -> ParsedBulletin:
    built = [Block(kind, text, 2 if kind == "heading" else 0) for kind, text in blocks]
    bulletin = make_bulletin(
        source="test",
        url="https://blogs.example.scot/test/",
        title="Test bulletin",
        published=dt.date(2019, 5, 20),
        author=author,
        categories=[],
        blocks=built,
    )
    return parse([bulletin], [find_sections(bulletin)], nlp)[0]


def _groups(parsed: ParsedBulletin, *names: str, acronym: dict[str, str] | None = None) -> list[GroupMention]:
    acronym = acronym or {}
    return [GroupMention(parsed.bulletin_id, "", name, acronym.get(name), "group", name, 0, 0, "") for name in names]


def _people(nlp, blocks, groups=(), author=None) -> list[PersonMention]:
    parsed = _bulletin(nlp, blocks, author)
    return find_people(parsed, _groups(parsed, *groups))


def _pairs(rows: list[PersonMention]) -> set[tuple[str, str]]:
    return {(r.name, r.role) for r in rows}


PARAGRAPH_CASES = [
    (
        "apposition-list",
        "Several Ministers joined the session, including Fraser Lennox, Deputy First Minister and Cabinet Secretary "
        "for Rural Affairs and Islands; Morag Tait, Minister for Older People and Carers; and Ewan Baird, Cabinet "
        "Secretary for Culture, Tourism and External Affairs.",
        (),
        {
            ("Fraser Lennox", "Deputy First Minister"),
            ("Fraser Lennox", "Cabinet Secretary for Rural Affairs and Islands"),
            ("Morag Tait", "Minister for Older People and Carers"),
            ("Ewan Baird", "Cabinet Secretary for Culture, Tourism and External Affairs"),
        },
    ),
    (
        "role-before-name",
        "The Tenancy Reform (Scotland) Bill was introduced to Parliament by the Cabinet Secretary for Communities, "
        "Gordon Fairlie MSP, on 3 May 2019.",
        (),
        {("Gordon Fairlie", "Cabinet Secretary for Communities")},
    ),
    (
        "two-offices-two-holders",
        "The Minister for Mental Health and the Lord Advocate, Rhona Kerr KC, launched the review in June.",
        (),
        {("Rhona Kerr", "Lord Advocate"), ("", "Minister for Mental Health")},
    ),
    (
        "role-before-name-no-comma",
        "Health Secretary Douglas Arnott visited the new unit on Friday.",
        (),
        {("Douglas Arnott", "Health Secretary")},
    ),
    (
        "chaired-by-name",
        "The Case Learning Board was set up in 2018. This Board is chaired by Duncan Reith and meets every quarter.",
        ("Case Learning Board",),
        {("Duncan Reith", "Chair")},
    ),
    (
        "led-by-its-independent-chair",
        "The Youth Justice Improvement Board, led by its independent Chair, Morven Greig, has met twice since April.",
        ("Youth Justice Improvement Board",),
        {("Morven Greig", "independent Chair")},
    ),
    (
        "unnamed-roles-co-chaired",
        "The Safer Streets Board, which is co-chaired by the Minister for Local Government and the COSLA Health "
        "Spokesperson, last met in March. The Minister thanked members for their work.",
        ("Safer Streets Board",),
        {("", "Minister for Local Government"), ("", "COSLA Health Spokesperson")},
    ),
    (
        "unnamed-role-tied-to-name",
        "The forum is chaired by the Minister for Children and Families. At the spring event Ruth Paterson, Minister "
        "for Children and Families, opened the first session.",
        (),
        {("Ruth Paterson", "Minister for Children and Families")},
    ),
    (
        "honorific-surname-only-news",
        "There will be more support for carers, the Health Secretary said today. The plan was launched at a "
        "community hub in Paisley. Mr Galbraith said: “Carers deserve our thanks.”",
        (),
        {("Galbraith", "Health Secretary")},
    ),
    (
        "name-without-role",
        "The session heard from leading expert Dr Priya Natarajan, Tayside University, on learning from case reviews.",
        ("Tayside University",),
        {("Priya Natarajan", "")},
    ),
    (
        "acronym-office-with-and",
        "The Youth Work Group, convened by Councillor Jean Finlay, COSLA Children and Young People Spokesperson, "
        "meets again in June. Kirsty Baird and Education Secretary Owen Lyle visited the school.",
        ("Youth Work Group",),
        {
            ("Jean Finlay", "Convener"),
            ("Jean Finlay", "COSLA Children and Young People Spokesperson"),
            ("Kirsty Baird", ""),
            ("Owen Lyle", "Education Secretary"),
        },
    ),
    (
        "who-chairs",
        "Shona Blair, who chairs the Rural Housing Forum, welcomed the report.",
        ("Rural Housing Forum",),
        {("Shona Blair", "Chair")},
    ),
    (
        "possessive-office-before-name",
        "The Children’s Commissioner, Duncan Moray, gave evidence to the committee.",
        (),
        {("Duncan Moray", "Children’s Commissioner")},
    ),
    (
        "bare-chair-of-group-without-name-is-optional",
        "The Chair of the Care Leavers Board wrote to members in July, and the Minister replied.",
        ("Care Leavers Board",),
        set(),
    ),
    (
        "name-inside-organisation-name",
        "Researchers at the Alistair Hume Centre presented early findings.",
        (),
        set(),
    ),
    (
        "look-alike-names-are-not-people",
        "The programme covers Children’s Hearings, Early Years and Barnahus. The Bill is now at Stage 2 and the "
        "Review reported in May. No Comments were received.",
        (),
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "groups", "expected"), [c[1:] for c in PARAGRAPH_CASES], ids=[c[0] for c in PARAGRAPH_CASES]
)
def test_people_and_roles_in_paragraphs(nlp, text, groups, expected):
    assert _pairs(_people(nlp, [("paragraph", text)], groups)) == expected


STATEMENT_BLOCKS = [
    ("heading", "Short Life Working Group on Hospital Discharge"),
    (
        "paragraph",
        "A Short Life Working Group on Hospital Discharge has been set up. In a statement to Parliament on "
        "2 April, the Cabinet Secretary for Health announced that Helen Ashby will Chair the Group.",
    ),
    (
        "paragraph",
        "Helen was the Independent Chair of the Care Standards Inquiry. She will draw on that work and on her "
        "earlier experience as Chief Executive of the Scottish Tenancy Service.",
    ),
]


def test_statements_first_name_and_pronoun(nlp):
    rows = _people(nlp, STATEMENT_BLOCKS, ("Short Life Working Group on Hospital Discharge",))
    assert _pairs(rows) == {
        ("Helen Ashby", "Chair"),
        ("Helen Ashby", "Independent Chair"),
        ("Helen Ashby", "Chief Executive of the Scottish Tenancy Service"),
        ("", "Cabinet Secretary for Health"),
    }
    chair = next(r for r in rows if r.role == "Chair")
    assert chair.role_organisation == "Short Life Working Group on Hospital Discharge"
    independent = next(r for r in rows if r.role == "Independent Chair")
    assert independent.role_organisation == "Care Standards Inquiry"
    assert "Helen" in chair.aliases


MINUTES_BLOCKS = [
    ("paragraph", "Minutes of the meeting of the Community Safety Leadership Group held on 4 March 2019."),
    ("heading", "Attendees"),
    ("list_item", "Iain Cowie (Chair), Minister for Community Safety"),
    ("list_item", "Fiona Rennie, Head of Youth Justice, Scottish Government"),
    ("list_item", "Lorna Devine, Care Inspectorate, depute for Brian Tolmie"),
    ("list_item", "ACC Stuart Dowie, Police Scotland, representing DCS Hannah Reid"),
    ("list_item", "ACC Greer, Police Scotland"),
    ("list_item", "Moira Lang, Chief Executive, Safe Families, and Chair of the Third Sector Forum"),
    ("list_item", "Callum Ure, Director of Practice/Deputy Chief Executive NCSB"),
    ("list_item", "Professor Gillian Moffat, Professor of Social Policy, Strathmore University"),
    (
        "list_item",
        "Deputy Director for Safer Communities, Aisha Malik (Deputising for Cabinet Secretary for Justice, "
        "Rhona Kerr MSP)",
    ),
    ("list_item", "Chief Officer Fire Operations Scotland, Kenny Baird"),
    ("heading", "Apologies"),
    ("list_item", "Cabinet Secretary for Justice, Rhona Kerr MSP"),
    ("heading", "Items"),
    ("paragraph", "The Minister welcomed members. Ms Rennie noted that the Permanent Secretary would attend in June."),
]
MINUTES_GROUPS = (
    "Scottish Government",
    "Care Inspectorate",
    "Police Scotland",
    "Safe Families",
    "Third Sector Forum",
    "NCSB",
    "Strathmore University",
)
MINUTES_EXPECTED = {
    ("Iain Cowie", "Chair"),
    ("Iain Cowie", "Minister for Community Safety"),
    ("Fiona Rennie", "Head of Youth Justice"),
    ("Lorna Devine", ""),
    ("Brian Tolmie", ""),
    ("Stuart Dowie", ""),
    ("Hannah Reid", ""),
    ("Greer", ""),
    ("Moira Lang", "Chief Executive"),
    ("Moira Lang", "Chair"),
    ("Callum Ure", "Director of Practice"),
    ("Callum Ure", "Deputy Chief Executive"),
    ("Gillian Moffat", "Professor of Social Policy"),
    ("Aisha Malik", "Deputy Director for Safer Communities"),
    ("Rhona Kerr", "Cabinet Secretary for Justice"),
    ("Kenny Baird", "Chief Officer Fire Operations Scotland"),
    ("", "Permanent Secretary"),
}


def test_minutes_attendee_list(nlp):
    rows = _people(nlp, MINUTES_BLOCKS, MINUTES_GROUPS)
    assert _pairs(rows) == MINUTES_EXPECTED


@pytest.mark.parametrize(
    ("name", "title", "post_nominals"),
    [
        ("Stuart Dowie", "ACC", None),
        ("Hannah Reid", "DCS", None),
        ("Greer", "ACC", None),
        ("Gillian Moffat", "Professor", None),
        ("Rhona Kerr", None, "MSP"),
        ("Fiona Rennie", None, None),
    ],
    ids=["acc", "dcs", "rank-and-surname", "professor", "msp", "plain"],
)
def test_minutes_titles_and_post_nominals(nlp, name, title, post_nominals):
    rows = [r for r in _people(nlp, MINUTES_BLOCKS, MINUTES_GROUPS) if r.name == name]
    assert rows and {(r.title, r.post_nominals) for r in rows} == {(title, post_nominals)}


def test_minutes_chair_organisation_and_aliases(nlp):
    rows = _people(nlp, MINUTES_BLOCKS, MINUTES_GROUPS)
    lang_chair = next(r for r in rows if r.name == "Moira Lang" and r.role == "Chair")
    assert lang_chair.role_organisation == "Third Sector Forum"
    rennie = next(r for r in rows if r.name == "Fiona Rennie")
    assert rennie.aliases == ("Ms Rennie",)
    # the apologies line repeats Rhona Kerr: still one row
    assert sum(r.name == "Rhona Kerr" for r in rows) == 1


ALIAS_CASES = [
    ("mr-surname", "Gordon Fairlie MSP opened the debate. Later Mr Fairlie thanked members.", "Mr Fairlie"),
    ("ms-dot-surname", "Rhona Kerr spoke first. Ms. Kerr then took questions.", "Ms. Kerr"),
    ("first-name", "Helen Ashby has led the review since May. Helen thanked the team.", "Helen"),
]


@pytest.mark.parametrize(("text", "alias"), [c[1:] for c in ALIAS_CASES], ids=[c[0] for c in ALIAS_CASES])
def test_later_short_mentions_are_aliases(nlp, text, alias):
    rows = _people(nlp, [("paragraph", text)])
    assert len(rows) == 1
    assert alias in rows[0].aliases


def test_evidence_points_into_the_text(nlp):
    parsed = _bulletin(nlp, STATEMENT_BLOCKS)
    rows = find_people(parsed, _groups(parsed, "Short Life Working Group on Hospital Discharge"))
    for row in rows:
        assert parsed.text[row.char_start : row.char_end] == row.text
        assert row.text in row.sentence or row.sentence in row.text
        assert row.section_id == parsed.section_id_at(row.char_start)
        assert row.bulletin_id == parsed.bulletin_id


def test_author_is_not_a_person_row(nlp):
    rows = _people(nlp, [("paragraph", "Ailsa Munro visited three projects in Fife this week.")], author="Ailsa Munro")
    assert rows == []


def test_one_row_per_person_and_role(nlp):
    text = (
        "Morag Tait, Minister for Older People and Carers, opened the event. Morag Tait, Minister for Older People "
        "and Carers, also closed it."
    )
    rows = _people(nlp, [("paragraph", text)])
    assert [(r.name, r.role) for r in rows] == [("Morag Tait", "Minister for Older People and Carers")]


# How chairs are stated beyond "X will Chair the Group": past an apposition or affiliation, "who has chaired",
# "elected as the Forum's first Chair", "with X of Y as Vice Chair", a self-introduction; and their near misses.
CHAIR_CASES = [
    (
        "self-introduced-chair",
        "I'm Morag Dunbar, and I chair the Lothian Reading Forum.",
        {("Morag Dunbar", "Chair")},
    ),
    (
        "near-miss-writer-chairs-not-the-name",
        "I met Morag Dunbar, and I chair the Lothian Reading Forum.",
        {("Morag Dunbar", "")},
    ),
    (
        "elected-as-possessed-first-chair-past-apposition",
        "Dr Alan Pryce, Director of the Institute for Coastal Studies at Napier-Leith University, was elected as "
        "the Forum's first Chair, with Amit Khosla of Clean Coasts Scotland (CCS) as Vice Chair.",
        {
            ("Alan Pryce", "Director of the Institute for Coastal Studies"),
            ("Alan Pryce", "Chair"),
            ("Amit Khosla", "Vice Chair"),
        },
    ),
    (
        "month-first-name-who-has-chaired",
        "June Ballantyne, who has chaired the Network since 2018, retires in March.",
        {("June Ballantyne", "Chair")},
    ),
    (
        "near-miss-month-before-who-will-chair",
        "In June, who will chair the Network was still open.",
        set(),
    ),
    (
        "will-chair-past-possessed-apposition",
        "Councillor Hamish Tully, COSLA's Housing Spokesperson, will chair the Network from June.",
        {("Hamish Tully", "Housing Spokesperson"), ("Hamish Tully", "Chair")},
    ),
    (
        "will-chair-a-working-group",
        "Ruth Okafor will chair a short-life working group on transport.",
        {("Ruth Okafor", "Chair")},
    ),
    ("near-miss-chairing-a-session", "Ruth Okafor will chair a session on transport.", {("Ruth Okafor", "")}),
    (
        "affiliation-then-copula",
        "The panel is chaired by the Minister for Rural Affairs, and Dr Ewan Craig of the University of Stirling "
        "is its Vice Chair.",
        {("", "Minister for Rural Affairs"), ("Ewan Craig", "Vice Chair")},
    ),
    (
        "second-office-after-at-organisation",
        "Dr Isla Moir, Head of Digital Services at SCVO and the Network's Vice Chair, will lead the review.",
        {("Isla Moir", "Head of Digital Services"), ("Isla Moir", "Vice Chair")},
    ),
    (
        "near-miss-name-after-at-organisation",
        "Dr Isla Moir, Head of Digital Services at SCVO and Bob Gray, Head of Policy, met in Perth.",
        {("Isla Moir", "Head of Digital Services"), ("Bob Gray", "Head of Policy")},
    ),
    ("welcomed-as-role", "The Board welcomed Deepak Rana as its Treasurer.", {("Deepak Rana", "Treasurer")}),
    ("near-miss-with-body-as-host", "The Board met with Clean Coasts Scotland as its host.", set()),
    (
        "will-chair-past-relative-clause",
        "Fiona Rennie, who spent eight years running a youth project with the charity Includem, will chair the "
        "Panel.",
        {("Fiona Rennie", "Chair")},
    ),
    (
        "near-miss-relative-clause-then-said",
        "Fiona Rennie, who worked with the Panel for years, said the plans were welcome.",
        {("Fiona Rennie", "")},
    ),
    (
        "will-chair-it",
        "Members set up a Harbour Safety Working Group. Ruaridh Bain will chair it, and it meets in March.",
        {("Ruaridh Bain", "Chair")},
    ),
    (
        "object-relative-past-affiliation-with-brackets",
        "The fund will be overseen by a new Kinship Care Advisory Board, which Professor Lesley Orr of KCH (the "
        "Kinship Care Hub) at the University of Dundee will chair.",
        {("Lesley Orr", "Chair")},
    ),
    (
        "chaired-by-then-a-clause-of-its-own",
        "The Board is chaired by Professor Ewan Baird of the University of Glasgow, and Councillor Ruth Devlin, COSLA "
        "Spokesperson for Housing, is its Vice Chair.",
        {
            ("Ewan Baird", "Chair"),
            ("Ruth Devlin", "COSLA Spokesperson for Housing"),
            ("Ruth Devlin", "Vice Chair"),
        },
    ),
    (
        "portfolio-then-name-without-comma",
        "Minister for Rural Affairs Morven Tait said the plan would help.",
        {("Morven Tait", "Minister for Rural Affairs")},
    ),
    (
        "portfolio-with-and-then-name-without-comma",
        "The Cabinet Secretary for Health and Social Care Ewan Laird visited the ward on 3 May.",
        {("Ewan Laird", "Cabinet Secretary for Health and Social Care")},
    ),
    (
        "near-miss-portfolio-as-subject",
        "Minister for Rural Affairs said the plan would help.",
        {("", "Minister for Rural Affairs")},
    ),
    (
        "recently-named-chair",
        "Bob Gray, who was recently named Chair of the Fair Work Forum, opened the session.",
        {("Bob Gray", "Chair")},
    ),
    ("confirmed-as-chair", "Ann Hill was confirmed as Chair of the Forum in May.", {("Ann Hill", "Chair")}),
    ("present-chair-verb", "Angela Dunbar chairs the Network.", {("Angela Dunbar", "Chair")}),
    (
        "near-miss-past-chair-verb-of-a-meeting",
        "Angela Dunbar chaired the meeting.",
        {("Angela Dunbar", "")},
    ),
    (
        "pronoun-after-semicolon-appointed",
        "The outgoing Chair, Callum Fraser, stepped down in August; he has been appointed Chief Executive of the "
        "Moss Trust.",
        {("Callum Fraser", "Chair"), ("Callum Fraser", "Chief Executive of the Moss Trust")},
    ),
    (
        "owner-then-new-office-for-a-surname",
        "The Chair introduced Dr Nisha Rao. The Chair welcomed Dr Rao, Public Health Scotland's new Consultant in "
        "Environmental Health.",
        {("Nisha Rao", "Consultant in Environmental Health")},
    ),
    (
        "one-word-body-owns-an-office",
        "NatureScot's Head of Peatland Delivery, Ewan Doig, spoke.",
        {("Ewan Doig", "Head of Peatland Delivery")},
    ),
    (
        "services-manager-after-first-name-copula",
        "Angela Dunbar leads it. Angela is Catering Services Manager at Angus Council.",
        {("Angela Dunbar", "Catering Services Manager")},
    ),
    ("near-miss-place-after-in", "I visited a hydro scheme in Glen Lyon last year.", set()),
    ("bracketed-role-and-organisation", "Ann Hill (Director, Scottish Water) said so.", {("Ann Hill", "Director")}),
    (
        "dash-apposition",
        "Ann Hill – our new Programme Manager – joined in May.",
        {("Ann Hill", "Programme Manager")},
    ),
    ("label-line", "Chair: Ann Hill", {("Ann Hill", "Chair")}),
    (
        "stacked-titles-after-a-role",
        "Scotland's Chief Medical Officer, Professor Sir Gregor Smith, said the vaccine would help.",
        {("Gregor Smith", "Chief Medical Officer")},
    ),
    (
        "near-miss-object-relative-with-other-verb",
        "The fund will be overseen by a new Kinship Care Advisory Board, which Professor Lesley Orr welcomed.",
        {("Lesley Orr", "")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CHAIR_CASES], ids=[c[0] for c in CHAIR_CASES])
def test_chairs_stated_in_other_ways(nlp, text, expected):
    assert _pairs(_people(nlp, [("paragraph", text)])) == expected


def test_isla_moir_second_office_keeps_its_organisation(nlp):
    rows = _people(nlp, [("paragraph", CHAIR_CASES[9][1])])
    assert {(r.role, r.role_organisation) for r in rows} == {
        ("Head of Digital Services", "SCVO"),
        ("Vice Chair", "Network"),
    }


LIST_LINE_CASES = [
    (
        "dash-separates-role",
        "Morag Dunbar – Head of Family Services, NHS Fife",
        {("Morag Dunbar", "Head of Family Services")},
    ),
    (
        "two-names-described",
        "Amit Khosla and Deepak Rana, parent representatives",
        {("Amit Khosla", ""), ("Deepak Rana", "")},
    ),
    ("near-miss-two-portfolios-then-body", "Coastal Waters and Inland Ferries, Marine Directorate", set()),
    ("near-miss-two-portfolios-described", "Rural Affairs and Island Policy, policy officials", set()),
    ("bare-office-between-commas", "Kirsty Main, Governor, HMP Shotts", {("Kirsty Main", "Governor")}),
    (
        "bracketed-chair-closing-the-line",
        "Kevin Reid MSP, Minister for Mental Wellbeing (Chair)",
        {("Kevin Reid", "Minister for Mental Wellbeing"), ("Kevin Reid", "Chair")},
    ),
    ("bracketed-vice-chair-after-organisation", "Professor Bob Gray, University of Dundee (Vice Chair)",
     {("Bob Gray", "Vice Chair")}),
    (
        "portfolio-the-ner-calls-a-person",
        "Ravi Menon, Head of Homelessness Policy, Scottish Government",
        {("Ravi Menon", "Head of Homelessness Policy")},
    ),
    (
        "organisation-after-a-portfolio-comma",
        "Gillian Orr, Director of Housing, Perth and Kinross Council",
        {("Gillian Orr", "Director of Housing")},
    ),
    ("rank-before-name", "ACO Calum Reid, Scottish Fire and Rescue Service", {("Calum Reid", "")}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in LIST_LINE_CASES], ids=[c[0] for c in LIST_LINE_CASES])
def test_more_list_line_layouts(nlp, text, expected):
    assert _pairs(_people(nlp, [("list_item", text)])) == expected
