"""The one place that defines the output tables: their columns, types and meanings.

Writers, the data package, the data dictionary in the README and the tests all
read these definitions; change a table here and nowhere else.

Types: ``string``, ``integer``, ``date`` (YYYY-MM-DD), ``datetime`` (ISO 8601)
and ``list`` (several strings; "; "-separated in CSV, xlsx and SQLite, a list
column in Parquet).
"""

from __future__ import annotations

from dataclasses import dataclass

GROUP_KINDS = (
    "government",
    "parliament",
    "agency",
    "council",
    "police",
    "court",
    "university",
    "charity",
    "group",
    "board",
    "committee",
    "partnership",
    "network",
    "forum",
    "other",
)
PUBLICATION_KINDS = (
    "report",
    "plan",
    "strategy",
    "guidance",
    "legislation",
    "consultation",
    "minutes",
    "framework",
    "other",
)
EVENT_TYPES = (
    "meeting",
    "publication",
    "legislation",
    "consultation",
    "announcement",
    "conference",
    "awards",
    "establishment",
    "appointment",
    "event",
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    required: bool = False  # never empty


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, other table, other column)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name: str, type_: str, description: str, required: bool = False) -> Column:
    return Column(name, type_, description, required)


BULLETIN_ID = _c(
    "bulletin_id",
    "string",
    "Stable id of the bulletin: a hash of its URL, or of its text when the URL is unknown.",
    True,
)
SECTION_ID = _c("section_id", "string", "Section the row comes from (`<bulletin_id>-<position>`); joins `sections`.")
CHAR_START = _c(
    "char_start", "integer", "Offset of the first character of the evidence in the bulletin's cleaned text."
)
CHAR_END = _c("char_end", "integer", "Offset just past the last character of the evidence.")
SENTENCE = _c("sentence", "string", "The sentence the evidence stands in, to check the row by eye.")
TO_BULLETIN = ("bulletin_id", "bulletins", "bulletin_id")
TO_SECTION = ("section_id", "sections", "section_id")

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "bulletins",
            "One row per bulletin (blog post, news release, set of minutes).",
            (
                BULLETIN_ID,
                _c(
                    "source",
                    "string",
                    "Input it was read from: file path, plus #N for the N-th record of a .jsonl or .warc file.",
                    True,
                ),
                _c("url", "string", "Address of the page, when known."),
                _c("title", "string", "The bulletin's own title (not the site's name)."),
                _c(
                    "published",
                    "date",
                    "Publication date from the byline, a 'Published' field or the URL; empty when the page gives none.",
                ),
                _c("author", "string", "Byline's person; empty when the byline names nobody."),
                _c("categories", "list", "Blog categories from the byline."),
                _c("captured_at", "datetime", "When the page was fetched or archived (crawl or WARC), when known."),
                _c("text", "string", "The cleaned text every char_start/char_end of the mention tables indexes into."),
            ),
            primary_key=("bulletin_id",),
        ),
        Table(
            "sections",
            "One row per section: the text under each heading; position 0 is the text before the first heading.",
            (
                BULLETIN_ID,
                _c("section_id", "string", "`<bulletin_id>-<position>`.", True),
                _c("position", "integer", "Order in the bulletin; 0 = text before the first heading.", True),
                _c("heading", "string", "Heading text; empty for section 0."),
                _c("level", "integer", "Heading level (2-4 as h2-h4; 2 for plain-text headings; 0 for section 0)."),
                _c("text", "string", "Body of the section, blocks separated by a blank line."),
                CHAR_START,
                CHAR_END,
            ),
            primary_key=("section_id",),
            foreign_keys=(TO_BULLETIN,),
        ),
        Table(
            "dates",
            "One row per date mention in the body (a multiset: the same date said twice is two rows).",
            (
                BULLETIN_ID,
                SECTION_ID,
                _c("text", "string", "The words as written, e.g. '21 and 22 November 2017'.", True),
                _c(
                    "value",
                    "string",
                    "ISO value at the text's granularity: 2017-06-22, 2017-09, 2017, or START/END for a range.",
                    True,
                ),
                _c("start", "date", "First day the value covers."),
                _c("end", "date", "Last day the value covers."),
                _c("granularity", "string", "day, month or year (of the value, or of a range's ends)."),
                CHAR_START,
                CHAR_END,
                SENTENCE,
            ),
            foreign_keys=(TO_BULLETIN, TO_SECTION),
        ),
        Table(
            "groups",
            "One row per named group per bulletin (organisations, boards, committees, agencies, ...).",
            (
                BULLETIN_ID,
                SECTION_ID,
                _c("name", "string", "Full name without a leading 'the'.", True),
                _c("acronym", "string", "Acronym the bulletin defines or uses for it."),
                _c("kind", "string", "One of: " + ", ".join(GROUP_KINDS) + "."),
                _c("text", "string", "Surface form of the first mention."),
                CHAR_START,
                CHAR_END,
                SENTENCE,
                _c("aliases", "list", "Other forms the bulletin uses for the same group ('the Leadership Group')."),
                _c("mentions", "integer", "How many times the bulletin mentions it."),
                _c("group_id", "string", "Group across bulletins; joins `groups_index`."),
            ),
            foreign_keys=(TO_BULLETIN, TO_SECTION, ("group_id", "groups_index", "group_id")),
        ),
        Table(
            "people",
            "One row per (person, role) per bulletin; a person with no role has one row with an empty role, "
            "a role whose holder is not named has one row with an empty name.",
            (
                BULLETIN_ID,
                SECTION_ID,
                _c("name", "string", "Name without honorifics or post-nominals; empty for an unnamed role holder."),
                _c("title", "string", "Dr, Professor, Cllr, ranks such as DCS or ACC."),
                _c("post_nominals", "string", "MSP, MP, QC, KC, OBE, ..."),
                _c("role", "string", "Office as written, without a leading 'the'; empty when none is given."),
                _c("role_organisation", "string", "Group the role belongs to, when named (Chair of X)."),
                _c("text", "string", "Surface form of the mention the row comes from."),
                CHAR_START,
                CHAR_END,
                SENTENCE,
                _c("aliases", "list", "Other forms used for the same person ('Catherine', 'Mr Matheson')."),
                _c("person_id", "string", "Person across bulletins; joins `people_index` (empty for an unnamed role)."),
            ),
            foreign_keys=(TO_BULLETIN, TO_SECTION, ("person_id", "people_index", "person_id")),
        ),
        Table(
            "publications",
            "One row per named document per bulletin: reports, plans, strategies, guidance, acts and bills, ...",
            (
                BULLETIN_ID,
                SECTION_ID,
                _c(
                    "title",
                    "string",
                    "Title as written, without a leading 'the', keeping a year that is part of it.",
                    True,
                ),
                _c("kind", "string", "One of: " + ", ".join(PUBLICATION_KINDS) + "."),
                _c("year", "integer", "Year in the title, when there is one."),
                _c("url", "string", "Link the bulletin gives for it."),
                _c("status", "string", "published, forthcoming, consultation, introduced, or empty when not said."),
                _c("text", "string", "Surface form of the first mention."),
                CHAR_START,
                CHAR_END,
                SENTENCE,
                _c("aliases", "list", "Later short forms ('the Bill', 'the delivery plan')."),
            ),
            foreign_keys=(TO_BULLETIN, TO_SECTION),
        ),
        Table(
            "events",
            "One row per dated event: a meeting, a publication, a bill's stage, a consultation, an announcement, ...",
            (
                BULLETIN_ID,
                SECTION_ID,
                _c("type", "string", "One of: " + ", ".join(EVENT_TYPES) + ".", True),
                _c("value", "string", "When, as an ISO value like the dates table's.", True),
                _c("groups", "list", "Groups involved."),
                _c("location", "string", "Where, when given."),
                SENTENCE,
                _c("char_start", "integer", "Offset of the date mention that anchors the event."),
                _c("char_end", "integer", "End offset of that date mention."),
                _c("publication", "string", "The publication the event is about, if any."),
            ),
            foreign_keys=(TO_BULLETIN, TO_SECTION),
        ),
        Table(
            "people_index",
            "One row per person across all bulletins: the same person written 'Michael Matheson MSP', "
            "'Mr Matheson' or by their office has one person_id.",
            (
                _c("person_id", "string", "Id of the person (a hash of the normalised full name).", True),
                _c("name", "string", "Fullest form of the name seen.", True),
                _c("title", "string", "Title most often given (Dr, Professor, DCS, ...)."),
                _c("post_nominals", "string", "Post-nominals most often given (MSP, QC, ...)."),
                _c("aliases", "list", "Every other form of the name seen."),
                _c(
                    "roles",
                    "list",
                    "Each role with the publication dates of the bulletins that state it: 'Role (2018-01-25, ...)'.",
                ),
                _c("first_seen", "date", "Earliest publication date of a bulletin naming the person."),
                _c("last_seen", "date", "Latest publication date of a bulletin naming the person."),
                _c("bulletins", "list", "bulletin_id of every bulletin naming the person."),
            ),
            primary_key=("person_id",),
        ),
        Table(
            "groups_index",
            "One row per group across all bulletins, short forms and acronyms merged.",
            (
                _c("group_id", "string", "Id of the group (a hash of the normalised full name).", True),
                _c("name", "string", "Fullest form of the name seen.", True),
                _c("acronym", "string", "Acronym, when one is defined or used."),
                _c("aliases", "list", "Every other form seen (short forms, acronyms)."),
                _c("kind", "string", "Kind most often assigned (see groups.kind)."),
                _c("first_seen", "date", "Earliest publication date of a bulletin naming the group."),
                _c("last_seen", "date", "Latest publication date of a bulletin naming the group."),
                _c("bulletins", "list", "bulletin_id of every bulletin naming the group."),
            ),
            primary_key=("group_id",),
        ),
        Table(
            "errors",
            "One row per input that could not be turned into a bulletin, and why.",
            (
                _c("source", "string", "The input (file path, #N for a record inside a file).", True),
                _c("stage", "string", "Where it failed: read, clean, nlp or write.", True),
                _c("message", "string", "What was wrong.", True),
            ),
        ),
    )
}
