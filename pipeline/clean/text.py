"""Clean a text dump (what a browser shows of a page) into a ``Bulletin``.

Layouts handled by general rules, in this order:

1. furniture: comment forms, share bars and cookie banners are dropped (``data/clean-text-*.txt``);
2. header: a blog byline ("January 25, 2018 by Jane Smith 2 Comments | Category News") marks the line
   before it as the title and the lines above that as the site name; without a byline the first line is the
   title. A publication page's metadata list under the title ("- Published" / "- 21 October 2025" /
   "- Date of meeting" / ...) gives ``published`` and is dropped; the summary line after it is kept as a
   paragraph of section 0 (it is the page's own description of the bulletin, often with the meeting date);
3. body: each line is a block (blank lines separate paragraphs; hard-wrapped text is re-joined). Bullet lines
   are list items; short unpunctuated lines that introduce body text are headings (see ``blocks.py`` rules
   below); a trailing run of short name-like lines is the sign-off and is dropped.

Precedence: title = record hint > layout rule > first line; published = record hint > byline / "Published"
field > /YYYY/MM/DD/ in the URL > None. A meeting date is never a publication date.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from ..bulletin import make_bulletin, normalise_space
from ..errors import InputError
from ..lexicon import load_list, load_set
from ..records import Block, Bulletin, RawDocument
from .metadata import Byline, clean_author, date_from_url, parse_byline, parse_date
from .text_blocks import lines_to_blocks
from .text_title import site_name_above_title

log = logging.getLogger(__name__)

# Lines searched for a byline below the top of the page: site name (or a few navigation lines), title, byline
BYLINE_SEARCH_LINES = 10
# A line holding only a date is a byline only right under the title (site name, title, date); deeper down it is body
DATE_LINE_MAX_POSITION = 2
_WRITTEN_DATE = (
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d\d"  # January 25, 2018
    r"|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? (?:19|20)\d\d)"  # 25 January 2018
)
# A first line longer than this, or ending like a sentence, is body text rather than the page's title
TITLE_MAX_WORDS = 25
# Date-first byline: a written date, then "by ..." / "| ..." / nothing.
#   "January 25, 2018 by No Comments | Category Uncategorized", "Posted on 3 March 2019 by Sam Reid",
#   "12 March 2019" (a news page's date line)
BYLINE_LINE = re.compile(
    rf"^(?:(?:Posted|Published)(?: on)?:? )?(?:[A-Z][a-z]+day,? )?{_WRITTEN_DATE}(?P<rest>\s*$|\s+by\b|\s*[|–—-]\s)",
)
# Author-first byline: "By Sam Reid on 3 March 2019", "Posted by Sam Reid | March 3, 2019"
AUTHOR_FIRST_BYLINE = re.compile(
    rf"^(?:Posted |Written )?[Bb]y (?P<author>[A-Z][^|,–—]{{1,60}}?)\s*(?:,|\||–|—|-|\bon\b)\s*"
    rf"(?:(?:Posted|Published)(?: on)?:? )?(?:[A-Z][a-z]+day,? )?(?P<date>{_WRITTEN_DATE})",
)
# "Published: 21 October 2025" on one line (label and value)
_LABEL_VALUE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(?P<value>\S.*)$")
_BULLET = re.compile(r"^\s*[•\-*–·▪●◦]\s+")
_NUMBER = re.compile(r"\d+")
# Non-blank lines (a news release's standfirst) that may stand between the title and its metadata list
METADATA_SEARCH_LINES = 2
# Labels whose value is the publication date, most trusted first; "date of meeting" is deliberately absent
PUBLISHED_LABELS = ("published", "first published", "date published", "date")


@dataclass(slots=True)
class Header:
    """What the top of the page says about the bulletin, and where its body starts."""

    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    categories: tuple[str, ...] = ()
    body_start: int = 0  # index into the line list
    summary_lines: tuple[int, ...] = ()  # lines that must stay paragraphs (a publication page's summary)
    skipped_lines: tuple[int, ...] = ()  # a metadata list below a news release's standfirst: dropped from the body
    metadata: dict[str, list[str]] = field(default_factory=dict)


def clean_text(raw: RawDocument) -> Bulletin:
    """Text dump -> Bulletin. Raises InputError when nothing but furniture is left."""
    lines = drop_furniture(split_lines(raw.body))
    header = read_header(lines, raw.title, raw.url)
    for index in header.skipped_lines:
        lines[index] = ""
    blocks = lines_to_blocks(lines[header.body_start :], _forced_paragraphs(header))
    if not blocks:
        raise InputError(raw.source, "no body text after removing page furniture", stage="clean")
    title = raw.title or header.title or _first_words(blocks)
    published = raw.published or header.published or date_from_url(raw.url)
    log.debug("%s: title=%r published=%s blocks=%d", raw.source, title, published, len(blocks))
    return make_bulletin(
        source=raw.source,
        url=raw.url,
        title=title,
        published=published,
        author=raw.author or header.author,
        categories=header.categories,
        blocks=blocks,
        captured_at=raw.captured_at,
    )


def _forced_paragraphs(header: Header) -> frozenset[int]:
    return frozenset(index - header.body_start for index in header.summary_lines if index >= header.body_start)


def _first_words(blocks: list[Block], limit: int = 12) -> str:
    """A title of last resort: the first words of the body."""
    return " ".join(blocks[0].text.split()[:limit])


# --- lines and furniture ----------------------------------------------------------------------------------------------


def split_lines(body: str) -> list[str]:
    """Lines without trailing space or invisible characters; blank lines kept (they separate paragraphs)."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\u200b", "")
    return [line.rstrip() for line in body.split("\n")]


def _matches(line: str, patterns: tuple[str, ...]) -> bool:
    """Whole-line, case-insensitive match; a pattern ending in "*" matches any rest of the line.

    ``<n>`` in a pattern stands for any number ("<n> comments" matches "3 Comments"): counts vary per page.
    """
    text = normalise_space(_BULLET.sub("", line)).casefold()
    numbered = _NUMBER.sub("<n>", text)
    for pattern in patterns:
        if "<n>" in pattern and numbered == pattern.casefold():
            return True
        if pattern.endswith("*"):
            if text.startswith(pattern[:-1].rstrip().casefold()):
                return True
        elif text == pattern.casefold():
            return True
    return False


def drop_furniture(lines: list[str]) -> list[str]:
    """Blank out furniture lines and cut everything from the first end marker (comment form, share bar)."""
    end_markers = load_list("clean-text-end-markers")
    weak_markers = load_list("clean-text-weak-end-markers")
    furniture = load_list("clean-text-furniture")
    collection_markers = load_list("clean-text-collection-markers")
    title = next((line for line in lines if line.strip()), "")
    in_collection = False
    kept: list[str] = []
    for index, line in enumerate(lines):
        if not line.strip():
            kept.append("")
        elif in_collection and _is_collection(line, title):
            kept.append("")  # "Part of" / "Children and families": a collection link
        elif _matches(line, end_markers) or (
            _matches(line, weak_markers) and _furniture_follows(lines[index + 1 :], end_markers + furniture)
        ):
            break
        elif _matches(line, furniture):
            kept.append("")
        else:
            kept.append(line)
        in_collection = _matches(line, collection_markers) or (in_collection and not kept[-1])
    return kept


def _is_collection(line: str, title: str) -> bool:
    """A gov.scot topic, or the group the page's title is about ("Part of" / "Child Poverty Board")."""
    text = normalise_space(line)
    if _matches(text, load_list("clean-text-collections")):
        return True
    return len(text.split()) >= 2 and normalise_space(title).casefold().startswith(text.casefold())


def _furniture_follows(rest: list[str], patterns: tuple[str, ...], window: int = 3) -> bool:
    following = [line for line in rest if line.strip()][:window]
    return not following or any(_matches(line, patterns) for line in following)


# --- header -----------------------------------------------------------------------------------------------------------


def _non_blank(lines: list[str], start: int = 0) -> list[int]:
    return [i for i in range(start, len(lines)) if lines[i].strip()]


def read_header(lines: list[str], title_hint: str | None, url: str | None = None) -> Header:
    """Find title, byline and metadata list at the top of the page; say where the body starts."""
    indices = _non_blank(lines)
    if not indices:
        return Header(body_start=len(lines))
    header = _blog_header(lines, indices[:BYLINE_SEARCH_LINES])
    if header is None:
        header = _plain_header(lines, indices, title_hint, url)
    _read_metadata_list(lines, header)
    return header


def _blog_header(lines: list[str], top: list[int]) -> Header | None:
    """Site name / title / byline: the title is the line before the byline, the lines above it the site name."""
    for position, index in enumerate(top):
        if _BULLET.match(lines[index]):
            continue  # a bulleted date is a metadata list's value ("- Published" / "- 21 October 2025")
        if position and _label_of(lines[top[position - 1]]):
            continue  # "Published" / "21 October 2025" without bullets: a metadata list, read later
        byline = _parse_byline_line(normalise_space(lines[index]), position)
        if byline is None:
            continue
        title = normalise_space(lines[top[position - 1]]) if position else None
        return Header(title, byline.published, byline.author, byline.categories, body_start=index + 1)
    return None


def _parse_byline_line(line: str, position: int) -> Byline | None:
    """The byline's date, author and categories when ``line`` is a byline; else None."""
    author_first = AUTHOR_FIRST_BYLINE.match(line)
    if author_first:
        return Byline(parse_date(author_first["date"]), clean_author(author_first["author"]))
    date_first = BYLINE_LINE.match(line)
    if not date_first or (not date_first["rest"].strip() and position > DATE_LINE_MAX_POSITION):
        return None
    byline = parse_byline(line)
    return byline if byline.published else None


def _plain_header(lines: list[str], indices: list[int], title_hint: str | None, url: str | None) -> Header:
    """No byline: the first line is the title, unless it reads as body text (a long or punctuated paragraph).

    A text without a title line (an article body alone) keeps its first paragraph; the title then comes from
    the hint or the first words. When the URL shows the first line is the site's name (site name, title, body
    with no byline), the second line is the title.
    """
    first = normalise_space(re.sub(r"^\s*#+\s+", "", lines[indices[0]]))  # "# Title" in Markdown-like dumps
    if not _title_shaped(first) and not (title_hint and _same_title(first, title_hint)):
        return Header(body_start=indices[0])
    if len(indices) > 2:
        second = normalise_space(lines[indices[1]])
        if _title_shaped(second) and site_name_above_title(first, second, url):
            return Header(title=second, body_start=indices[1] + 1)
    return Header(title=first, body_start=indices[0] + 1)


def _same_title(line: str, title: str) -> bool:
    squash = re.compile(r"\W+")
    line_key, title_key = squash.sub(" ", line).casefold().strip(), squash.sub(" ", title).casefold().strip()
    return line_key == title_key or line_key.startswith(title_key)


def _title_shaped(line: str) -> bool:
    """A short line without a full stop: the page's title even when it differs from the hint (site suffix)."""
    return len(line.split()) <= TITLE_MAX_WORDS and not line.endswith((".", ";", ",", "”", '"', "…"))


def _label_of(line: str) -> str | None:
    label = normalise_space(_BULLET.sub("", line)).rstrip(":").strip().casefold()
    return label if label in load_set("clean-text-metadata-labels", casefold=True) else None


def _read_metadata_list(lines: list[str], header: Header) -> None:
    """Consume a "- Published / - 21 October 2025 / - Directorate / ..." list right after the title.

    Bullets are optional: a label alone on its line takes the next line as its value ("Published" /
    "21 October 2025"). Fills ``header.metadata`` and ``header.published`` (from "Published", never "Date of
    meeting"), moves ``body_start`` past the list and marks the summary line after it as a paragraph. A news
    release puts a standfirst of a line or two between title and list; the list is then skipped in place
    (the standfirst stays a paragraph), but only when it holds a date, so that a body heading that happens
    to read like a label ("Location") is not taken for metadata.
    """
    indices = _non_blank(lines, header.body_start)
    start = next(
        (k for k, index in enumerate(indices[: METADATA_SEARCH_LINES + 1]) if _starts_metadata(lines[index])), None
    )
    if start is None:
        return
    metadata: dict[str, list[str]] = {}
    last = _consume_metadata(lines, indices[start:], metadata)
    if last is None or (start and not any(parse_date(v) for values in metadata.values() for v in values)):
        return
    header.metadata = metadata
    header.published = header.published or _metadata_date(metadata)
    if start:
        header.skipped_lines = tuple(range(indices[start], last + 1))
        header.summary_lines = tuple(indices[:start])
        return
    header.body_start = last + 1
    following = _non_blank(lines, header.body_start)
    if following and not _BULLET.match(lines[following[0]]):
        header.summary_lines = (following[0],)


def _consume_metadata(lines: list[str], indices: list[int], metadata: dict[str, list[str]]) -> int | None:
    """Read label / value lines into ``metadata``; the index of the list's last line (None if no list)."""
    label: str | None = None
    last = None
    for index in indices:
        line = lines[index]
        is_bullet = bool(_BULLET.match(line))
        inline = _LABEL_VALUE.match(normalise_space(_BULLET.sub("", line)))
        if _label_of(line):
            label = _label_of(line)
            metadata.setdefault(label or "", [])
        elif inline and _label_of(inline["label"]):
            metadata.setdefault(_label_of(inline["label"]) or "", []).append(inline["value"])
            label = None
        elif label is not None and (is_bullet or not metadata[label]):
            metadata[label].append(normalise_space(_BULLET.sub("", line)))
        else:
            break
        last = index
    return last


def _starts_metadata(line: str) -> bool:
    inline = _LABEL_VALUE.match(normalise_space(_BULLET.sub("", line)))
    return _label_of(line) is not None or bool(inline and _label_of(inline["label"]))


def _metadata_date(metadata: dict[str, list[str]]) -> dt.date | None:
    for label in PUBLISHED_LABELS:
        for value in metadata.get(label, []):
            date = parse_date(value)
            if date:
                return date
    return None
