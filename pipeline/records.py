"""Typed records that flow between the pipeline's stages.

Every stage is a function from these records to these records. Field order of
the output records is the column order of the tables (see ``schema.py``); only
``writers.py`` turns them into DataFrames.

Offsets (``char_start``/``char_end``) always index ``Bulletin.text``: the
bulletin's cleaned text, blocks joined by a blank line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item"]
MediaType = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read from disk, an archive or the web, before cleaning.

    ``body`` is already decoded to ``str``. The optional fields are hints that
    came with the input (a JSON record's fields, a WARC record's headers); the
    cleaner fills in whatever is missing.
    """

    source: str  # file path, plus "#N" for the N-th record of a .jsonl/.warc
    media: MediaType
    body: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    captured_at: str | None = None  # ISO timestamp of a crawl or web-archive capture


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph or list item of the body, in reading order."""

    kind: BlockKind
    text: str
    level: int = 0  # 2-4 for headings (h2-h4, or 2 for plain-text headings); 0 otherwise
    start: int = 0  # offsets into Bulletin.text, filled by make_bulletin()
    end: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    url: str
    start: int  # offsets into Bulletin.text of the anchor text
    end: int


@dataclass(frozen=True, slots=True)
class Bulletin:
    """A cleaned bulletin: metadata plus body blocks and the text they make."""

    bulletin_id: str
    source: str
    url: str | None
    title: str
    published: dt.date | None
    author: str | None
    categories: tuple[str, ...]
    text: str
    blocks: tuple[Block, ...]
    links: tuple[Link, ...] = ()
    captured_at: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    bulletin_id: str
    section_id: str
    position: int  # 0 = text before the first heading
    heading: str
    level: int
    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class DateMention:
    bulletin_id: str
    section_id: str
    text: str  # surface form, e.g. "21 and 22 November 2017"
    value: str  # ISO at the text's granularity: "2017-11-21/2017-11-22", "2018-02", "2016"
    start: dt.date  # first day the value covers
    end: dt.date  # last day the value covers
    granularity: Literal["day", "month", "year"]
    char_start: int
    char_end: int
    sentence: str


@dataclass(frozen=True, slots=True)
class GroupMention:
    """One group per bulletin (first mention as evidence)."""

    bulletin_id: str
    section_id: str
    name: str  # full name, no leading "the"
    acronym: str | None
    kind: str  # see schema.GROUP_KINDS
    text: str  # surface form of the first mention
    char_start: int
    char_end: int
    sentence: str
    aliases: tuple[str, ...] = ()  # other surface forms in this bulletin ("Leadership Group")
    mentions: int = 1
    group_id: str = ""  # filled by registries


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One row per (person, role) per bulletin; a person with no role has one row with role ""."""

    bulletin_id: str
    section_id: str
    name: str  # "" for a role whose holder the bulletin does not name
    title: str | None  # Dr, Professor, DCS, ACC, Cllr ...
    post_nominals: str | None  # MSP, QC, OBE ...
    role: str
    role_organisation: str | None  # group the role belongs to ("Chair" of X)
    text: str
    char_start: int
    char_end: int
    sentence: str
    aliases: tuple[str, ...] = ()  # "Catherine", "Mr Matheson"
    person_id: str = ""  # filled by registries


@dataclass(frozen=True, slots=True)
class PublicationMention:
    bulletin_id: str
    section_id: str
    title: str
    kind: str  # report, plan, strategy, guidance, legislation, consultation, minutes, framework, other
    year: int | None
    url: str | None
    status: str | None  # published, forthcoming, consultation, introduced, None when unknown
    text: str
    char_start: int
    char_end: int
    sentence: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    bulletin_id: str
    section_id: str
    type: str  # meeting, publication, legislation, consultation, announcement, conference, awards, ...
    value: str  # ISO date value as in DateMention.value
    groups: tuple[str, ...]
    location: str | None
    sentence: str
    char_start: int  # the date mention that anchors the event
    char_end: int
    publication: str | None = None


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    source: str
    stage: str  # read, clean, nlp, write
    message: str


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one bulletin."""

    bulletin: Bulletin
    sections: list[Section] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    groups: list[GroupMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    publications: list[PublicationMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PersonIndexEntry:
    """One person across all bulletins of a run (the people_index table)."""

    person_id: str
    name: str
    title: str | None
    post_nominals: str | None
    aliases: tuple[str, ...]
    roles: tuple[str, ...]  # "Role (2018-01-25, 2018-03-14)": each role with the dates of the bulletins stating it
    first_seen: dt.date | None
    last_seen: dt.date | None
    bulletins: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GroupIndexEntry:
    """One group across all bulletins of a run (the groups_index table)."""

    group_id: str
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    kind: str
    first_seen: dt.date | None
    last_seen: dt.date | None
    bulletins: tuple[str, ...]
