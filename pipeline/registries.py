"""Registries across bulletins: one id per person and per group, and the index tables that describe them.

Within a bulletin the stages already merge short forms ("the Leadership
Group", "Mr Matheson") into one row. Across bulletins this module links rows
that name the same group (same normalised name, or the same acronym) or the
same person (same normalised name; a surname-only name joins the one full
name in the run that ends with it, when there is exactly one).

Ids are hashes of the normalised canonical name, so they are stable across
runs as long as the fullest form of the name seen does not change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .evaluate import normalise
from .records import Extraction, GroupIndexEntry, GroupMention, PersonIndexEntry, PersonMention

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, keys: Iterable[str]) -> str:
        keys = list(keys)
        root = self.find(keys[0])
        for key in keys[1:]:
            other = self.find(key)
            if other != root:
                self.parent[other] = root
        return root


def _id(prefix: str, name: str) -> str:
    return prefix + hashlib.sha1(normalise(name).encode("utf-8")).hexdigest()[:12]


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _seen(dates: Iterable[dt.date | None]) -> tuple[dt.date | None, dt.date | None]:
    known = [d for d in dates if d is not None]
    return (min(known), max(known)) if known else (None, None)


def _fullest(names: Iterable[str]) -> str:
    """The longest form, then the most frequent: "Children and Young People Improvement Collaborative" over "CYPIC"."""
    counts = Counter(_LEADING_THE.sub("", n) for n in names)
    return max(counts, key=lambda n: (len(n.split()), counts[n], len(n), n))


def _group_keys(group: GroupMention) -> list[str]:
    keys = ["name:" + normalise(group.name)]
    if group.acronym:
        keys.append("acronym:" + normalise(group.acronym))
    return keys


def link_groups(
    groups: Sequence[GroupMention], published: dict[str, dt.date | None]
) -> tuple[list[GroupMention], list[GroupIndexEntry]]:
    """Give every group mention its group_id and build groups_index."""
    clusters = _UnionFind()
    roots = [clusters.union(_group_keys(g)) for g in groups]
    members: dict[str, list[GroupMention]] = defaultdict(list)
    for root, group in zip(roots, groups, strict=True):
        members[clusters.find(root)].append(group)

    ids: dict[int, str] = {}
    index = []
    for cluster in members.values():
        name = _fullest(g.name for g in cluster)
        group_id = _id("g", name)
        acronym = _most_common(g.acronym for g in cluster)
        forms = {g.name for g in cluster} | {a for g in cluster for a in g.aliases} | ({acronym} if acronym else set())
        bulletins = sorted({g.bulletin_id for g in cluster})
        first, last = _seen(published.get(b) for b in bulletins)
        kind = _most_common(g.kind for g in cluster) or "other"
        index.append(
            GroupIndexEntry(group_id, name, acronym, tuple(sorted(forms - {name})), kind, first, last, tuple(bulletins))
        )
        for g in cluster:
            ids[id(g)] = group_id
    return [dataclasses.replace(g, group_id=ids[id(g)]) for g in groups], index


def _surname_links(names: set[str]) -> dict[str, str]:
    """Single-word names -> the one multi-word name ending (or starting) with that word, when unambiguous."""
    full = [n for n in names if len(n.split()) > 1]
    links = {}
    for name in names:
        if len(name.split()) != 1:
            continue
        word = normalise(name)
        candidates = {f for f in full if normalise(f.split()[-1]) == word} or {
            f for f in full if normalise(f.split()[0]) == word
        }
        if len(candidates) == 1:
            links[name] = candidates.pop()
    return links


def link_people(
    people: Sequence[PersonMention], published: dict[str, dt.date | None]
) -> tuple[list[PersonMention], list[PersonIndexEntry]]:
    """Give every named person row its person_id and build people_index (unnamed role rows keep an empty id)."""
    named = [p for p in people if p.name]
    links = _surname_links({p.name for p in named})
    members: dict[str, list[PersonMention]] = defaultdict(list)
    for person in named:
        members[normalise(links.get(person.name, person.name))].append(person)

    ids: dict[int, str] = {}
    index = []
    for cluster in members.values():
        name = _fullest(p.name for p in cluster)
        person_id = _id("p", name)
        aliases = ({p.name for p in cluster} | {a for p in cluster for a in p.aliases}) - {name}
        role_dates: dict[str, set[str]] = defaultdict(set)
        for p in cluster:
            if p.role:
                when = published.get(p.bulletin_id)
                role_dates[p.role].add(when.isoformat() if when else "undated")
        roles = tuple(f"{role} ({', '.join(sorted(dates))})" for role, dates in sorted(role_dates.items()))
        bulletins = sorted({p.bulletin_id for p in cluster})
        first, last = _seen(published.get(b) for b in bulletins)
        index.append(
            PersonIndexEntry(
                person_id,
                name,
                _most_common(p.title for p in cluster),
                _most_common(p.post_nominals for p in cluster),
                tuple(sorted(aliases)),
                roles,
                first,
                last,
                tuple(bulletins),
            )
        )
        for p in cluster:
            ids[id(p)] = person_id
    return [dataclasses.replace(p, person_id=ids.get(id(p), "")) for p in people], index


def build_registries(
    extractions: Sequence[Extraction],
) -> tuple[list[Extraction], dict[str, list[PersonIndexEntry] | list[GroupIndexEntry]]]:
    """Link people and groups across bulletins; returns the extractions with ids and the two index tables."""
    published = {e.bulletin.bulletin_id: e.bulletin.published for e in extractions}
    groups, groups_index = link_groups([g for e in extractions for g in e.groups], published)
    people, people_index = link_people([p for e in extractions for p in e.people], published)
    groups_by_bulletin: dict[str, list[GroupMention]] = defaultdict(list)
    people_by_bulletin: dict[str, list[PersonMention]] = defaultdict(list)
    for g in groups:
        groups_by_bulletin[g.bulletin_id].append(g)
    for p in people:
        people_by_bulletin[p.bulletin_id].append(p)
    linked = [
        dataclasses.replace(
            e, groups=groups_by_bulletin[e.bulletin.bulletin_id], people=people_by_bulletin[e.bulletin.bulletin_id]
        )
        for e in extractions
    ]
    return linked, {"people_index": people_index, "groups_index": groups_index}
