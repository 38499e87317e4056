"""Small hand-written bulletins as table frames, for the output writers' tests.

Built from ``pipeline.records`` so the frames look like what ``writers.extractions_to_frames``
produces (schema columns, list columns as tuples, dates as ``datetime.date``), without
running the NLP stages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from pipeline import records as r
from pipeline import schema

TEXT_1 = (
    "Leadership Group meets again\n\n"
    "The Child Protection Improvement Programme’s Leadership Group met on 21 and 22 November 2017 in Edinburgh. "
    "Catherine Dyer, Chair of the Leadership Group, welcomed Dr Anne Smith OBE – the new Children’s Commissioner.\n\n"
    "The Care Inspectorate will publish the “Review of Systems” report in March 2018. "
    "The <script>alert(1)</script> tag & “quotes” must stay text."
)
TEXT_2 = (
    "Consultation opens\n\n"
    "The Scottish Government opened a consultation on the Children and Young People (Scotland) Act 2014 "
    "guidance on 3 April 2018. Police Scotland and the Care Inspectorate will respond by June 2018."
)


def span(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def sentence_of(text: str, start: int) -> str:
    begin = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    end = text.find(". ", start)
    return text[begin: end + 1 if end != -1 else len(text)]


@dataclass
class Sample:
    extractions: list[r.Extraction]
    errors: list[r.ErrorRecord]


def _date(b: str, text: str, surface: str, value: str, start: dt.date, end: dt.date, gran: str) -> r.DateMention:
    s, e = span(text, surface)
    return r.DateMention(b, f"{b}-1", surface, value, start, end, gran, s, e, sentence_of(text, s))  # type: ignore[arg-type]


def sample() -> Sample:
    b1 = r.Bulletin("b1", "archive/update-7.html", "https://blogs.gov.scot/cpip/update-7/",
                    "Child Protection Improvement Programme – Update #7", dt.date(2017, 12, 1), "CPIP Team",
                    ("Child protection", "Updates"), TEXT_1, (), captured_at="2018-01-05T10:30:00Z")
    b2 = r.Bulletin("b2", "archive/news.jsonl#2", None, "Consultation on “Getting it right” guidance",
                    dt.date(2018, 4, 3), None, (), TEXT_2, ())
    e1 = r.Extraction(b1)
    e1.sections = [r.Section("b1", "b1-0", 0, "", 0, "", 0, 0),
                   r.Section("b1", "b1-1", 1, "Leadership Group meets again", 2, TEXT_1[30:], 30, len(TEXT_1))]
    e1.dates = [
        _date("b1", TEXT_1, "21 and 22 November 2017", "2017-11-21/2017-11-22", dt.date(2017, 11, 21),
              dt.date(2017, 11, 22), "day"),
        _date("b1", TEXT_1, "March 2018", "2018-03", dt.date(2018, 3, 1), dt.date(2018, 3, 31), "month"),
    ]
    s, e = span(TEXT_1, "Leadership Group", 2)
    s2, e2 = span(TEXT_1, "Care Inspectorate")
    e1.groups = [
        r.GroupMention("b1", "b1-1", "Child Protection Improvement Programme’s Leadership Group", None, "group",
                       "Leadership Group", s, e, sentence_of(TEXT_1, s), ("Leadership Group",), 2, "g-leadership"),
        r.GroupMention("b1", "b1-1", "Care Inspectorate", None, "agency", "Care Inspectorate", s2, e2,
                       sentence_of(TEXT_1, s2), (), 1, "g-ci"),
    ]
    s, e = span(TEXT_1, "Catherine Dyer")
    s3, e3 = span(TEXT_1, "Dr Anne Smith OBE")
    e1.people = [
        r.PersonMention("b1", "b1-1", "Catherine Dyer", None, None, "Chair", "Leadership Group", "Catherine Dyer",
                        s, e, sentence_of(TEXT_1, s), ("Catherine",), "p-dyer"),
        r.PersonMention("b1", "b1-1", "Anne Smith", "Dr", "OBE", "Children’s Commissioner", None,
                        "Dr Anne Smith OBE", s3, e3, sentence_of(TEXT_1, s3), (), "p-smith"),
    ]
    s, e = span(TEXT_1, "Review of Systems")
    e1.publications = [r.PublicationMention("b1", "b1-1", "Review of Systems", "report", None, None, "forthcoming",
                                            "Review of Systems", s, e, sentence_of(TEXT_1, s))]
    d = e1.dates
    e1.events = [
        r.Event("b1", "b1-1", "meeting", d[0].value, ("Child Protection Improvement Programme’s Leadership Group",),
                "Edinburgh", d[0].sentence, d[0].char_start, d[0].char_end),
        r.Event("b1", "b1-1", "publication", d[1].value, ("Care Inspectorate",), None, d[1].sentence,
                d[1].char_start, d[1].char_end, "Review of Systems"),
    ]

    e2 = r.Extraction(b2)
    e2.sections = [r.Section("b2", "b2-1", 1, "Consultation opens", 2, TEXT_2[20:], 20, len(TEXT_2))]
    e2.dates = [
        _date("b2", TEXT_2, "3 April 2018", "2018-04-03", dt.date(2018, 4, 3), dt.date(2018, 4, 3), "day"),
        _date("b2", TEXT_2, "June 2018", "2018-06", dt.date(2018, 6, 1), dt.date(2018, 6, 30), "month"),
        # "2014" inside the Act's title overlaps the publication: the page must still render both sides.
        _date("b2", TEXT_2, "2014", "2014", dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year"),
    ]
    groups_2 = [("Scottish Government", "government", "g-sg"), ("Police Scotland", "police", "g-ps"),
                ("Care Inspectorate", "agency", "g-ci")]
    for name, kind, gid in groups_2:
        s, e = span(TEXT_2, name)
        e2.groups.append(r.GroupMention("b2", "b2-1", name, None, kind, name, s, e, sentence_of(TEXT_2, s),
                                        (), 1, gid))
    s, e = span(TEXT_2, "Children and Young People (Scotland) Act 2014")
    e2.publications = [r.PublicationMention("b2", "b2-1", "Children and Young People (Scotland) Act 2014",
                                            "legislation", 2014, "https://www.legislation.gov.uk/asp/2014/8",
                                            "published", TEXT_2[s:e], s, e, sentence_of(TEXT_2, s), ("the Act",))]
    d = e2.dates
    e2.events = [r.Event("b2", "b2-1", "consultation", d[0].value, ("Scottish Government",), None, d[0].sentence,
                         d[0].char_start, d[0].char_end, "Children and Young People (Scotland) Act 2014")]
    errors = [r.ErrorRecord("archive/broken.html", "clean", "no body text after removing the page furniture")]
    return Sample([e1, e2], errors)


def index_rows(extractions: list[r.Extraction], kind: str) -> list[dict[str, object]]:
    """people_index / groups_index rows for the ids the mentions use: whichever columns the schema gives."""
    key = "person_id" if kind == "people" else "group_id"
    by_id: dict[str, dict[str, object]] = {}
    for ex in extractions:
        for mention in getattr(ex, kind):
            row = by_id.setdefault(getattr(mention, key), {
                key: getattr(mention, key), "name": mention.name, "aliases": mention.aliases, "roles": (),
                "first_seen": ex.bulletin.published, "last_seen": ex.bulletin.published, "bulletins": (),
                "kind": getattr(mention, "kind", None), "acronym": getattr(mention, "acronym", None),
                "title": getattr(mention, "title", None), "post_nominals": getattr(mention, "post_nominals", None),
            })
            row["bulletins"] = (*row["bulletins"], ex.bulletin.bulletin_id)
            row["last_seen"] = ex.bulletin.published
            if kind == "people" and mention.role:
                row["roles"] = (*row["roles"], f"{mention.role} ({ex.bulletin.published})")
    return [row for gid, row in by_id.items() if gid]


def frame_for(table: schema.Table, rows: list[object]) -> pd.DataFrame:
    """Rows (records or dicts) as a frame with exactly the table's columns, integers as nullable Int64."""

    def get(row: object, column: str) -> object:
        return row.get(column) if isinstance(row, dict) else getattr(row, column)

    frame = pd.DataFrame([{c: get(row, c) for c in table.column_names} for row in rows],
                         columns=table.column_names)
    for column in table.columns:
        if column.type == "integer":
            frame[column.name] = frame[column.name].astype("Int64")
        else:
            frame[column.name] = frame[column.name].astype(object)
    return frame


def sample_frames() -> dict[str, pd.DataFrame]:
    data = sample()
    rows: dict[str, list[object]] = {name: [] for name in schema.TABLES}
    for ex in data.extractions:
        rows["bulletins"].append(ex.bulletin)
        for name in ("sections", "dates", "groups", "people", "publications", "events"):
            rows[name].extend(getattr(ex, name))
    rows["errors"].extend(data.errors)
    if "people_index" in rows:
        rows["people_index"] = index_rows(data.extractions, "people")
    if "groups_index" in rows:
        rows["groups_index"] = index_rows(data.extractions, "groups")
    return {name: frame_for(schema.TABLES[name], rows[name]) for name in schema.TABLES}
