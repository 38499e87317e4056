import datetime as dt

from pipeline.bulletin import make_bulletin
from pipeline.records import Block, Extraction, GroupMention, PersonMention
from pipeline.registries import build_registries


def _extraction(url: str, published: dt.date, groups=(), people=()) -> Extraction:
    b = make_bulletin(
        source=url,
        url=url,
        title="t",
        published=published,
        author=None,
        categories=[],
        blocks=[Block("paragraph", "x")],
    )
    fix = lambda rec: type(rec)(**{**{f: getattr(rec, f) for f in rec.__slots__}, "bulletin_id": b.bulletin_id})  # noqa: E731
    return Extraction(b, groups=[fix(g) for g in groups], people=[fix(p) for p in people])


def _group(name, acronym=None, aliases=()):
    return GroupMention("", "", name, acronym, "group", name, 0, 1, "", aliases=tuple(aliases))


def _person(name, role="", title=None, post=None, aliases=()):
    return PersonMention("", "", name, title, post, role, None, name, 0, 1, "", aliases=tuple(aliases))


def _two_bulletins():
    first = _extraction(
        "https://blog.example/2018/01/25/a/",
        dt.date(2018, 1, 25),
        groups=[
            _group("Kinship Care Improvement Collaborative", "KCIC", aliases=["the Collaborative"]),
            _group("Scottish Care Forum"),
        ],
        people=[
            _person("Ruth Ogilvie", "Minister for Care", post="MSP", aliases=["Ms Ogilvie"]),
            _person("", "Permanent Secretary"),
        ],
    )
    second = _extraction(
        "https://blog.example/2018/06/02/b/",
        dt.date(2018, 6, 2),
        groups=[_group("KCIC", "KCIC"), _group("the Scottish Care Forum")],
        people=[_person("Ogilvie", "Minister for Care"), _person("Ruth Ogilvie", "Chair")],
    )
    return first, second


def test_groups_link_by_acronym_and_name_across_bulletins():
    (first, second), tables = build_registries(_two_bulletins())
    index = {g.name: g for g in tables["groups_index"]}
    assert set(index) == {"Kinship Care Improvement Collaborative", "Scottish Care Forum"}
    kcic = index["Kinship Care Improvement Collaborative"]
    assert kcic.acronym == "KCIC"
    assert "KCIC" in kcic.aliases and "the Collaborative" in kcic.aliases
    assert (kcic.first_seen, kcic.last_seen) == (dt.date(2018, 1, 25), dt.date(2018, 6, 2))
    assert len(kcic.bulletins) == 2
    assert first.groups[0].group_id == second.groups[0].group_id == kcic.group_id
    assert second.groups[1].group_id == index["Scottish Care Forum"].group_id


def test_people_link_surname_and_collect_roles_with_dates():
    (first, second), tables = build_registries(_two_bulletins())
    assert len(tables["people_index"]) == 1
    ruth = tables["people_index"][0]
    assert ruth.name == "Ruth Ogilvie"
    assert ruth.post_nominals == "MSP"
    assert set(ruth.aliases) == {"Ogilvie", "Ms Ogilvie"}
    assert ruth.roles == ("Chair (2018-06-02)", "Minister for Care (2018-01-25, 2018-06-02)")
    ids = {p.person_id for e in (first, second) for p in e.people if p.name}
    assert ids == {ruth.person_id}
    unnamed = [p for p in first.people if not p.name]
    assert unnamed[0].person_id == ""


def test_ambiguous_surname_is_not_linked():
    e = _extraction(
        "https://blog.example/x/",
        dt.date(2019, 1, 1),
        people=[_person("Anna Reid"), _person("Tom Reid"), _person("Reid")],
    )
    _, tables = build_registries([e])
    assert sorted(p.name for p in tables["people_index"]) == ["Anna Reid", "Reid", "Tom Reid"]


def test_ids_are_stable_across_runs():
    (a, _), _ = build_registries(_two_bulletins())
    (b, _), _ = build_registries(_two_bulletins())
    assert [g.group_id for g in a.groups] == [g.group_id for g in b.groups]
