import datetime as dt

import pytest

from pipeline.bulletin import make_bulletin
from pipeline.evaluate import normalise, score_bulletin
from pipeline.records import Block, DateMention, Event, Extraction, GroupMention, PersonMention, PublicationMention


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Kinship Care Group", "kinship care group"),
        ("Children’s Panel", "Childrens Panel"),
        ("Domestic Abuse (Scotland)  Bill", "domestic abuse scotland bill"),
    ],
    ids=["leading-the", "apostrophe", "brackets-and-spaces"],
)
def test_normalise(a, b):
    assert normalise(a) == normalise(b)


def _got(**tables) -> Extraction:
    b = make_bulletin(
        source="g", url=None, title="T", published=None, author=None, categories=[], blocks=[Block("paragraph", "x")]
    )
    return Extraction(b, **tables)


def _date(value: str) -> DateMention:
    day = dt.date(2019, 1, 1)
    return DateMention("b", "", value, value, day, day, "day", 0, 1, "")


def _group(name: str, acronym: str | None = None) -> GroupMention:
    return GroupMention("b", "", name, acronym, "group", name, 0, 1, "")


def _person(name: str, role: str = "") -> PersonMention:
    return PersonMention("b", "", name, None, None, role, None, name, 0, 1, "")


GOLD = {
    "sections": [],
    "dates": [{"value": "2019-02-04"}, {"value": "2019-02-04"}, {"value": "2019-03"}],
    "dates_optional": ["2019"],
    "groups": [
        {"name": "Kinship Care Working Group", "acronym": None, "aliases": ["Working Group"]},
        {"name": "Scottish Care Forum", "acronym": "SCF", "aliases": []},
    ],
    "groups_optional": ["Parliament"],
    "people": [{"name": "Ruth Ogilvie", "roles": ["Minister for Care"]}],
    "roles_unnamed": ["Permanent Secretary"],
    "roles_optional": ["Minister"],
    "publications": [{"title": "Kinship Care Action Plan 2019", "kind": "plan", "aliases": []}],
    "publications_optional": ["progress report"],
    "events": [{"type": "meeting", "value": "2019-02-04"}],
}


def test_dates_are_a_multiset_and_optional_values_count_neither_way():
    got = _got(dates=[_date("2019-02-04"), _date("2019"), _date("2019-05")])
    score = score_bulletin(GOLD, got)["dates"]
    assert (score.tp, score.fp, score.fn) == (1, 1, 2)
    assert score.extra == ["2019-05 -> 2019-05"]


def test_group_matches_by_acronym_and_alias_and_duplicates_are_extra():
    got = _got(
        groups=[_group("SCF"), _group("Working Group"), _group("Kinship Care Working Group"), _group("Parliament")]
    )
    score = score_bulletin(GOLD, got)["groups"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 0)
    assert score.extra == ["Kinship Care Working Group (duplicate)"]


def test_roles_score_named_and_unnamed_pairs():
    got = _got(
        people=[
            _person("Ruth Ogilvie", "Minister for Care"),
            _person("", "Permanent Secretary"),
            _person("", "Minister"),
        ]
    )
    scores = score_bulletin(GOLD, got)
    assert (scores["roles"].tp, scores["roles"].fp, scores["roles"].fn) == (2, 0, 0)
    assert (scores["people"].tp, scores["people"].fp) == (1, 0)  # unnamed rows are not people


def test_publications_match_closely_not_loosely():
    pub = PublicationMention("b", "", "the Kinship Care Action Plan (2019)", "plan", 2019, None, None, "", 0, 1, "")
    other = PublicationMention("b", "", "Foster Care Strategy", "strategy", None, None, None, "", 0, 1, "")
    score = score_bulletin(GOLD, _got(publications=[pub, other]))["publications"]
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


def test_events_by_value_and_by_type():
    event = Event("b", "", "publication", "2019-02-04", (), None, "", 0, 1)
    scores = score_bulletin(GOLD, _got(events=[event]))
    assert scores["events"].tp == 1
    assert scores["event_types"].tp == 0
