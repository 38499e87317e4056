"""Groups stage on invented bulletins written in the style of Scottish Government policy updates."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.bulletin import make_bulletin
from pipeline.groups import find_groups
from pipeline.model import load_model
from pipeline.names import acronym_matches, is_short_form, looks_like_acronym, name_key
from pipeline.parsed import ParsedBulletin, parse
from pipeline.records import Block
from pipeline.sections import find_sections


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def parse_text(nlp, text: str) -> ParsedBulletin:
    """Blocks are separated by blank lines; a line starting with '## ' is a heading, '- ' a list item."""
    blocks = [
        Block("heading", p[3:], 2)
        if p.startswith("## ")
        else Block("list_item", p[2:])
        if p.startswith("- ")
        else Block("paragraph", p)
        for p in (part.strip() for part in text.split("\n\n"))
        if p
    ]
    bulletin = make_bulletin(
        source="test",
        url="https://blogs.example.scot/update-3",
        title="Update #3",
        published=dt.date(2019, 5, 14),
        author=None,
        categories=[],
        blocks=blocks,
    )
    return parse([bulletin], [find_sections(bulletin)], nlp)[0]


def groups_of(nlp, text: str) -> dict[str, object]:
    return {g.name: g for g in find_groups(parse_text(nlp, text))}


FOUND = [
    (
        "head noun",
        "The Adult Support Oversight Board met on 3 May to agree its work plan.",
        "Adult Support Oversight Board",
    ),
    (
        "complement in capitals",
        "A new Committee on Kinship Care & Fostering for Young People will report in June.",
        "Committee on Kinship Care & Fostering for Young People",
    ),
    (
        "complement running on in lower case",
        "An update came from the Working Group on Preventing Online Harm affecting children and young people"
        " which met.",
        "Working Group on Preventing Online Harm affecting children and young people",
    ),
    (
        "lower-case head after a capitalised run",
        "The Gender Based Violence Strategy Implementation group continues to meet every quarter.",
        "Gender Based Violence Strategy Implementation group",
    ),
    (
        "thing Scotland",
        "Officers from Police Scotland and Social Work Scotland presented the findings.",
        "Police Scotland",
    ),
    (
        "second of two",
        "Officers from Police Scotland and Social Work Scotland presented the findings.",
        "Social Work Scotland",
    ),
    ("council", "Staff at West Dunbartonshire Council hosted the session.", "West Dunbartonshire Council"),
    ("university", "Dr Ruth Alder of Stirling University spoke about neglect.", "Stirling University"),
    (
        "centre for",
        "The review was led by the Centre for Family Justice Research at Dunmore.",
        "Centre for Family Justice Research",
    ),
    ("university of", "Researchers at the University of Dundee led the evaluation.", "University of Dundee"),
    ("known body without head noun", "We thank Barnardo's and Europol for their continued support.", "Europol"),
    ("acronym alone", "Colleagues from COSLA and the NSPCC joined the meeting.", "COSLA"),
    (
        "government",
        "The Scottish Government and Education Scotland published a joint statement.",
        "Scottish Government",
    ),
    (
        "role before group",
        "Jo Marr, Chief Executive of the Crown Office and Procurator Fiscal Service, attended.",
        "Crown Office and Procurator Fiscal Service",
    ),
    (
        "possessive name then Scotland",
        "Volunteers from Barnardo’s Scotland and Includem ran the sessions.",
        "Barnardo’s Scotland",
    ),
    (
        "capitalised stop word inside a complement",
        "The report was written by the Institute for Looked After Young People in Scotland last year.",
        "Institute for Looked After Young People in Scotland",
    ),
    (
        "in <town> ends the name",
        "At the annual gathering of the Foster Carers Support Service for Scotland in Dundee, she spoke.",
        "Foster Carers Support Service for Scotland",
    ),
    (
        "defined long form extending a known body",
        "Courses from NHS Training for Scotland (NTS) start soon.",
        "NHS Training for Scotland",
    ),
    ("enterprise agency", "Funding came from Tayside Enterprise and the local council.", "Tayside Enterprise"),
    (
        "small linking word inside a capitalised run",
        "The report goes next to the Regional Support at Night Review Board in May.",
        "Regional Support at Night Review Board",
    ),
    (
        "ordinal inside a name",
        "Members of the Rural Transport Third Sector Funding Group met in Oban.",
        "Rural Transport Third Sector Funding Group",
    ),
    (
        "hyphenated capitalised word",
        "Advice came from the Trauma-Informed Housing Steering Group last week.",
        "Trauma-Informed Housing Steering Group",
    ),
    ("health board", "A nurse consultant from NHS Borders described the pilot.", "NHS Borders"),
    (
        "known acronym starting a longer name",
        "Trainers from NHS Skills for Wellbeing and the local council ran the course.",
        "NHS Skills for Wellbeing",
    ),
    (
        "university of the",
        "A lecturer at the University of the North Coast led the survey.",
        "University of the North Coast",
    ),
    ("regulator", "The Scottish Water Regulator wrote to all providers in June.", "Scottish Water Regulator"),
    (
        "acronym and a name ending in Scotland",
        "Both the NASUWT and GMB Scotland asked for a meeting in the new year.",
        "GMB Scotland",
    ),
    (
        "a team at a body ending in Scotland",
        "I run the helpline for Fuel Grant Payments at Disclosure Scotland this winter.",
        "Disclosure Scotland",
    ),
    (
        "a post's remit at a known body",
        "It was chaired by Ian Muir, Director of Ports, Harbours and Rail at Transport Scotland, in May.",
        "Transport Scotland",
    ),
    ("a unit at a council", "Our Family Support at Moray Council team wrote in.", "Moray Council"),
    (
        "an at-idiom inside a name",
        "A new Children at Risk Oversight Group met in March.",
        "Children at Risk Oversight Group",
    ),
    (
        "a comma list of portfolios before a committee",
        "Ms Laird gave evidence to the Tourism, Culture and External Affairs Committee on Tuesday.",
        "Tourism, Culture and External Affairs Committee",
    ),
    (
        "a possessive before a comma-listed committee",
        "She wrote to the Parliament's Finance, Audit and Public Administration Committee last week.",
        "Finance, Audit and Public Administration Committee",
    ),
    ("a health board at a line end", "Attendees\n\n- Ruth Dunn, Lead Nurse, NHS Grampian", "NHS Grampian"),
    ("a health board after at", "Dr Ali Shah, Consultant at NHS Forth Valley, opened the day.", "NHS Forth Valley"),
    (
        "capitalised stop word inside a name",
        "I chair the Grow Together Fife Advisory Panel.",
        "Grow Together Fife Advisory Panel",
    ),
    ("consortium", "Bids will be scored by the Highland Housing Consortium in May.", "Highland Housing Consortium"),
    (
        "confederation",
        "The Confederation of Island Ferry Operators wrote to us.",
        "Confederation of Island Ferry Operators",
    ),
    (
        "a nation inside a defined name",
        "The Tenant Rights Action Group in Scotland (TRAG) checked the leaflet.",
        "Tenant Rights Action Group in Scotland",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in FOUND], ids=[i for i, _, _ in FOUND])
def test_finds_group(nlp, text, expected):
    assert expected in groups_of(nlp, text)


NOT_GROUPS = [
    ("venue", "The event took place at Victoria Quay and later at the Glasgow Science Centre.", "Victoria Quay"),
    ("venue centre", "The awards were held at the Dundee Science Centre in November.", "Dundee Science Centre"),
    ("venue acronym", "Over 600 delegates gathered at the SECC in Glasgow.", "SECC"),
    (
        "programme",
        "Work continues on the Adult Protection Improvement Programme this year.",
        "Adult Protection Improvement Programme",
    ),
    ("generic", "The Group agreed the minutes. The Committee will meet again.", "Group"),
    ("role fragment", "The Cabinet Secretary for Justice opened the conference.", "Cabinet"),
    ("non-group acronym defined", "Work on Female Genital Mutilation (FGM) continues with partners.", "FGM"),
    ("acronym of a programme", "The Safer Homes Programme (SHP) will end in 2020.", "SHP"),
    ("post-nominal", "Speakers included Alan Reid MSP and Fiona Kerr QC.", "MSP"),
    ("post-nominal from the people list", "The lecture was given by Professor Ann Dow FRSE in May.", "FRSE"),
    ("unknown post-nominal after a name", "Members include Ewan Doig MSYP, Scottish Youth Parliament.", "MSYP"),
    (
        "name cut before a town",
        "She spoke to the Foster Carers Support Service for Scotland in Dundee.",
        "Foster Carers Support Service for Scotland in Dundee",
    ),
    ("region", "Services in North East Scotland have reported progress.", "North East Scotland"),
    (
        "head of a role title",
        "Ann Reid, Chief Executive of Carers Trust Scotland, welcomed the plan.",
        "Executive of Carers Trust Scotland",
    ),
    (
        "acronym starting a post",
        "Cllr Ian Muir, COSLA Health and Wellbeing Spokesperson, agreed.",
        "COSLA Health",
    ),
    (
        "unit at its host",
        "The Institute for Rural Studies at Highland Coast University ran the survey.",
        "Institute for Rural Studies at Highland Coast University",
    ),
    ("person at a body", "Members heard from Tam Lindsay at Angus Council on Monday.", "Tam Lindsay at Angus Council"),
    ("sentence-opening word before a linker", "Funding for Perth and Kinross Council was agreed.", "Funding for"),
    (
        "acronym joined to a name ending in Scotland",
        "Both the NASUWT and GMB Scotland asked for a meeting in the new year.",
        "NASUWT and GMB Scotland",
    ),
    (
        "a team run on into the body it works at",
        "I run the helpline for Fuel Grant Payments at Disclosure Scotland this winter.",
        "Fuel Grant Payments at Disclosure Scotland",
    ),
    (
        "a post's remit run on into a known body",
        "It was chaired by Ian Muir, Director of Ports, Harbours and Rail at Transport Scotland, in May.",
        "Harbours and Rail at Transport Scotland",
    ),
    (
        "a unit run on into a council",
        "Our Family Support at Moray Council team wrote in.",
        "Family Support at Moray Council",
    ),
    (
        "a committee cut after the comma list",
        "Ms Laird gave evidence to the Tourism, Culture and External Affairs Committee on Tuesday.",
        "Culture and External Affairs Committee",
    ),
    (
        "a place before a comma is not a list item",
        "In Moray, Health and Social Care Partnership staff led the work.",
        "Moray, Health and Social Care Partnership",
    ),
    (
        "a person before a comma is not a list item",
        "Thanks to Ann Dow, Housing and Homelessness Group chair, for her work.",
        "Ann Dow, Housing and Homelessness Group",
    ),
    (
        "a comma list with no 'and' is not one name",
        "Topics: Budget, Staffing, Workforce Group minutes.",
        "Budget, Staffing, Workforce Group",
    ),
    ("the acronym alone when NHS staff are meant", "A new Guide for NHS Staff was issued.", "NHS Staff"),
    ("a sentence-opening stop word", "Together Fife Advisory Panel members met.", "Together Fife Advisory Panel"),
    ("an awareness week", "Pupils read stories during Poetry Week Scotland in March.", "Poetry Week Scotland"),
    ("a festival", "Stalls were booked for Science Festival Scotland in June.", "Science Festival Scotland"),
    (
        "a nation where the group met",
        "The Tenant Rights Action Group met in Scotland for the first time.",
        "Tenant Rights Action Group in Scotland",
    ),
]


@pytest.mark.parametrize(("text", "rejected"), [(t, r) for _, t, r in NOT_GROUPS], ids=[i for i, _, _ in NOT_GROUPS])
def test_rejects_non_group(nlp, text, rejected):
    names = {name_key(n) for n in groups_of(nlp, text)}
    assert name_key(rejected) not in names


def test_joined_names_stay_apart(nlp):
    names = groups_of(nlp, "The Scottish Government and Healthcare Improvement Scotland backed the awards.")
    assert set(names) == {"Scottish Government", "Healthcare Improvement Scotland"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials gave evidence to the Rural Affairs and Islands Committee of the Scottish Parliament in May.",
            {"Rural Affairs and Islands Committee", "Scottish Parliament"},
        ),
        # the complement is the committee's subject, or a one-word "Parliament": one name
        ("The Committee of the Regions met in Brussels.", {"Committee of the Regions"}),
        ("The Standing Committee on Rural Schools met on 4 June.", {"Standing Committee on Rural Schools"}),
    ],
    ids=["parent-parliament", "no-left-part", "subject"],
)
def test_committee_of_a_parliament_is_two_groups(nlp, text, expected):
    assert set(groups_of(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Minister wrote to the Department for Culture, Media and Sport (DCMS) on 3 May.",
            {"Department for Culture, Media and Sport"},
        ),
        (
            "The Cross-Party Group on Children Affected by Parental Illness met in the Scottish Parliament.",
            {"Cross-Party Group on Children Affected by Parental Illness", "Scottish Parliament"},
        ),
        ("ACO Calum Reid of the Scottish Fire and Rescue Service spoke.", {"Scottish Fire and Rescue Service"}),
        ("A pilot began at HMP Shotts and HMYOI Polmont in May.", set()),
        (
            "Thanks to Historic Environment Scotland, NatureScot and Forestry and Land Scotland.",
            {"Historic Environment Scotland", "NatureScot", "Forestry and Land Scotland"},
        ),
        # a one-word body named after the nation ends a name, known or not
        ("Members heard from Poppyshire Scotland and Veterans Scotland.", {"Poppyshire Scotland", "Veterans Scotland"}),
        ("Members heard from Lochscotland and Veterans Scotland.", {"Veterans Scotland"}),
        (
            "The University of the Highlands and Islands and Glasgow Caledonian University will run it.",
            {"University of the Highlands and Islands", "Glasgow Caledonian University"},
        ),
        (
            "The Society of Local Authority Chief Executives (SOLACE) agreed the plan.",
            {"Society of Local Authority Chief Executives"},
        ),
        ("The Health, Social Care and Sport Committee met.", {"Health, Social Care and Sport Committee"}),
        ("Scottish Forestry and RSPB Scotland will lead.", {"Scottish Forestry", "RSPB Scotland"}),
        (
            "Ann Hill, who chairs COSLA's Children and Families Board, spoke.",
            {"COSLA's Children and Families Board", "COSLA"},
        ),
        ("NatureScot's Head of Peatland, Ewan Doig, spoke.", {"NatureScot"}),
        ("We are working with Asthma + Lung UK Scotland on it.", {"Asthma + Lung UK Scotland"}),
        ("A report on “Clean Air Scotland: Our Strategy” is due.", set()),
    ],
    ids=[
        "acronym-spells-a-comma-list",
        "affected-by",
        "rank-acronym",
        "prison-prefix",
        "list-of-bodies",
        "nation-named-body-ends-a-name",
        "unknown-nation-named-word-ends-a-name",
        "two-universities",
        "acronym-spells-past-a-post-word",
        "committee-lists-portfolios",
        "acronym-with-the-nation-after-and",
        "known-body-owning-a-name",
        "known-public-body",
        "plus-inside-a-name",
        "quoted-title-is-no-body",
    ],
)
def test_name_edges(nlp, text, expected):
    assert set(groups_of(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        (
            "We commissioned the study from CITB (the Construction Industry Training Board). CITB will report soon.",
            "Construction Industry Training Board",
            "CITB",
        ),
        (
            "The service is run by CYCJ (the Centre for Youth and Criminal Justice's Care Network) in Glasgow.",
            "Centre for Youth and Criminal Justice's Care Network",
            "CYCJ",
        ),
    ],
    ids=["acronym-first-with-the", "acronym-glossed-by-a-possessive-name"],
)
def test_acronym_glossed_by_the_group_name_in_brackets(nlp, text, name, acronym):
    groups = groups_of(nlp, text)
    assert set(groups) == {name}
    assert groups[name].acronym == acronym


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aileen Moss, who worked for years with the charity Sealight, will speak.", {"Sealight"}),
        ("Professor Ruth Kinnaird, Chief Executive of Families Ahead, welcomed the plan.", {"Families Ahead"}),
        # the cue names a post, not a body, when a post follows
        ("Ann Hill, Chief Executive of Highland Housing Spokesperson group, spoke.", set()),
    ],
    ids=["the-charity", "chief-executive-of", "near-miss-post-follows"],
)
def test_organisation_named_by_a_cue(nlp, text, expected):
    assert set(groups_of(nlp, text)) == expected


def _list_groups(nlp, *lines: str) -> set[str]:
    return set(groups_of(nlp, "\n\n".join(["## Present", *(f"- {line}" for line in lines)])))


def test_organisation_parts_of_attendee_lines(nlp):
    names = _list_groups(
        nlp,
        "Margaret Oliver, Sacro, depute for Tom Reid",
        "Tom Reid, Chief Executive, Sacro",
        "Dr Sarah Kwon (Age Scotland)",
        "Jill Paton, Scottish Government (Secretariat)",
        "Hugh Whyte, SDS",
        "Coastal Waters and Inland Ferries, Marine Directorate",
    )
    assert names == {"Sacro", "Age Scotland", "Scottish Government", "SDS"}


def test_portfolio_of_a_minister_is_not_a_group(nlp):
    text = "The Minister for Local Government, Housing and Planning, Iain Strachan MSP, opened the Summit."
    assert "Local Government" not in groups_of(nlp, text)


def test_acronym_spelling_a_comma_list_is_the_groups(nlp):
    groups = groups_of(nlp, "The Minister wrote to the Department for Culture, Media and Sport (DCMS) in May.")
    assert groups["Department for Culture, Media and Sport"].acronym == "DCMS"


BULLETIN = """## The National Adult Protection Strategy Group

The National Adult Protection Strategy Group met on 2 April. The Strategy Group agreed its priorities and
the Adult Protection Strategy Group will meet again in June.

## Learning together

The Family Wellbeing Improvement Collaborative (FWIC) brings together practitioners.
The FWIC learning event was held in Perth.

Members of the National Domestic Abuse Group met the Justice Secretary.
The National DA Group will report in the autumn.

The Expert Panel on Harmful Sexual Behaviour was set up in March.
The Expert Panel includes members from COSLA and the NHS."""


def test_short_forms_merge_into_full_name(nlp):
    groups = groups_of(nlp, BULLETIN)
    lead = groups["National Adult Protection Strategy Group"]
    assert set(lead.aliases) == {"Strategy Group", "Adult Protection Strategy Group"}
    assert lead.mentions == 4
    assert lead.text == "National Adult Protection Strategy Group"
    assert "National Domestic Abuse Group" in groups
    assert "National DA Group" in groups["National Domestic Abuse Group"].aliases
    assert "Expert Panel" in groups["Expert Panel on Harmful Sexual Behaviour"].aliases
    assert "Strategy Group" not in groups and "Expert Panel" not in groups


def test_defined_acronym_belongs_to_its_group(nlp):
    groups = groups_of(nlp, BULLETIN)
    fwic = groups["Family Wellbeing Improvement Collaborative"]
    assert fwic.acronym == "FWIC"
    assert fwic.kind == "group"
    assert "FWIC" not in groups


def test_loosely_matching_acronym_in_brackets_belongs_to_the_name_before_it(nlp):
    # the acronym takes a letter from inside a compound word: Play-Work -> PW
    groups = groups_of(nlp, "The Scottish Playwork Alliance (SPWA) agreed. SPWA will write to its members.")
    assert list(groups) == ["Scottish Playwork Alliance"]
    assert groups["Scottish Playwork Alliance"].acronym == "SPWA"


def test_known_body_is_not_a_short_form_of_a_longer_name(nlp):
    groups = groups_of(
        nlp, "The Scottish Youth Parliament met ministers. The bill now goes to the Scottish Parliament."
    )
    assert {"Scottish Youth Parliament", "Scottish Parliament"} <= set(groups)


def test_name_walk_crosses_a_sentence_break_inside_a_line(nlp):
    from spacy.tokens import Doc

    from pipeline.names import line_bounds

    words = ["Notes", ".", "Young", "People", "’s", "Voices", "Scotland", "met", "."]
    spaces = [False, True, False, False, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[1, 0, 1, 0, 1, 0, 0, 0, 0])
    assert line_bounds(doc, 5) == (2, 9)  # the parser's break inside "People’s Voices" is ignored


def test_acronym_before_long_form(nlp):
    groups = groups_of(nlp, "Staff from SWAN (Scottish Women’s Advocacy Network) took part.")
    assert list(groups) == ["Scottish Women’s Advocacy Network"]
    assert groups["Scottish Women’s Advocacy Network"].acronym == "SWAN"


def test_record_offsets_point_at_first_mention(nlp):
    parsed = parse_text(nlp, BULLETIN)
    for group in find_groups(parsed):
        assert parsed.text[group.char_start : group.char_end] == group.text
        assert group.sentence and group.text in group.sentence
        assert group.section_id.startswith(parsed.bulletin_id)


KINDS = [
    ("Falkirk Council staff attended.", "Falkirk Council", "council"),
    ("The Scottish Parliament debated the bill.", "Scottish Parliament", "parliament"),
    ("Help came from Police Scotland.", "Police Scotland", "police"),
    ("The Care Inspectorate will inspect services.", "Care Inspectorate", "agency"),
    ("The Children's Services Partnership Board met.", "Children's Services Partnership Board", "board"),
]


@pytest.mark.parametrize(("text", "name", "kind"), KINDS, ids=[k for _, _, k in KINDS])
def test_kind(nlp, text, name, kind):
    assert groups_of(nlp, text)[name].kind == kind


@pytest.mark.parametrize(
    ("acronym", "words", "expected"),
    [
        ("CCPS", ["Coalition", "of", "Care", "and", "Support", "Providers", "Scotland"], True),
        ("ToR", ["Terms", "of", "Reference"], True),
        ("CYPIC", ["Children", "and", "Young", "People", "Improvement", "Collaborative"], True),
        ("FGM", ["Scotland’s", "National", "Action", "Plan"], False),
        ("AB", ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"], False),
    ],
    ids=["skips-a-word", "connector-letter", "five-words", "wrong-letters", "too-few-letters"],
)
def test_acronym_matches(acronym, words, expected):
    assert acronym_matches(acronym, words) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("NSPCC", True), ("CoSLA", True), ("ToR", True), ("McDonald", False), ("Group", False), ("A", False)],
    ids=["caps", "mixed", "short-mixed", "surname", "word", "single"],
)
def test_looks_like_acronym(text, expected):
    assert looks_like_acronym(text) is expected


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Leadership Group", "National Child Protection Leadership Group", True),
        ("National CSE Group", "National Child Sexual Exploitation Group", True),
        ("Expert Group", "Expert Group on Preventing Online Harm", True),
        ("Strategy Group", "Child Trafficking Strategy Group", True),
        ("Leadership Board", "National Child Protection Leadership Group", False),
        ("Child Trafficking Strategy Group", "Child Trafficking Strategy Group", False),
    ],
    ids=["suffix", "inner-acronym", "head-before-complement", "two-word", "other-head", "same"],
)
def test_is_short_form(short, full, expected):
    assert is_short_form(short, full) is expected
