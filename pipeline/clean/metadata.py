"""Small, stable helpers that find a bulletin's title, date, author and categories.

Two kinds of helper live here:

- string helpers, usable by any cleaner (the text-dump cleaner imports them):
  ``parse_date``, ``date_from_url``, ``parse_byline``, ``strip_site_suffix``,
  ``clean_author``;
- page helpers that read common markup from a page parsed by lxml:
  ``meta_content``, ``json_ld_objects``, ``find_title``, ``find_published``,
  ``find_author``, ``find_categories``.

Every helper returns ``None`` (or an empty tuple) when it finds nothing rather
than guessing, so callers can chain them in order of trust.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..bulletin import normalise_space
from .html_blocks import get_text, visible_strings
from .profiles import compiled

log = logging.getLogger(__name__)

# "/2018/01/25/child-protection-..." -> 2018-01-25 (WordPress permalinks, many news sites)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)")
# "2018-01-25", "2018-01-25T09:30:00+00:00", "2018-01-25 09:30"
_ISO_DATE = re.compile(r"^\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$")
# Spelled-out dates as bylines write them: "January 25, 2018", "25 January 2018", "25th Jan 2018"
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WRITTEN_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),  # January 25, 2018
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),  # 25 January 2018
)

# WordPress byline as the theme prints it:
#   "January 25, 2018 by Jane Smith No Comments | Category Uncategorized"
#   "Posted on 3 March 2018 by Sam Reid 2 Comments | Categories Children, Justice"
#   "January 25, 2018 by No Comments | Category Uncategorized"   (no author: the name slot is empty)
_BYLINE_CATEGORIES = re.compile(r"\|?\s*Categor(?:y|ies)\s*:?\s*(?P<cats>.*)$", re.IGNORECASE)
_BYLINE_COMMENTS = re.compile(r"(?:\bNo|\b\d+|\bOne)\s+Comments?\b|\bLeave a comment\b", re.IGNORECASE)
_BYLINE_BY = re.compile(r"(?:^|\s)by(?:\s+(?P<author>.*))?$", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^\s*(?:posted|published)(?:\s+on)?\s*:?\s*", re.IGNORECASE)

# Words that fill an author slot without naming anybody ("by No Comments", "by admin").
_NOT_AUTHORS = frozenset({"", "no comments", "comments", "admin", "administrator", "guest", "unknown"})

# " – Child Protection Improvement Programme", " | gov.scot", " - BBC News": a site name after the title
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—]+$")


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline string says: each part None/empty when it is not there."""

    published: dt.date | None = None
    author: str | None = None
    categories: tuple[str, ...] = ()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(word: str) -> int | None:
    """1-12 for a month name or its abbreviation of three or more letters ("Jan", "Sept", "March")."""
    word = word.lower()
    if word == "sept":
        return 9
    return next((n for n, name in enumerate(_MONTH_NAMES, start=1) if name.startswith(word)), None)


def parse_date(text: str | None) -> dt.date | None:
    """A calendar date from an ISO string or a written date ("January 25, 2018", "25 Jan 2018"); else None.

    Deliberately strict: a string without a day, month and year gives None.
    """
    if not text:
        return None
    iso = _ISO_DATE.match(text)
    if iso:
        return _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
    for pattern in _WRITTEN_DATES:
        for match in pattern.finditer(text):
            month = _month_number(match["month"])
            if month:
                return _safe_date(int(match["year"]), month, int(match["day"]))
    return None


def date_from_url(url: str | None) -> dt.date | None:
    """The date of a /YYYY/MM/DD/ path: ".../2018/01/25/update-7/" -> 2018-01-25; else None."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    return _safe_date(int(match[1]), int(match[2]), int(match[3])) if match else None


def clean_author(name: str | None) -> str | None:
    """Trim a byline name; None when it names nobody ("No Comments", "admin", "")."""
    if name is None:
        return None
    name = normalise_space(re.sub(r"^\s*by\s+", "", name, flags=re.IGNORECASE)).strip(" ,|")
    return None if name.lower() in _NOT_AUTHORS else name


def parse_byline(text: str | None) -> Byline:
    """Split a WordPress byline into date, author and categories.

    >>> parse_byline("January 25, 2018 by No Comments | Category Uncategorized")
    Byline(published=datetime.date(2018, 1, 25), author=None, categories=('Uncategorized',))
    """
    if not text:
        return Byline()
    text = normalise_space(text)
    categories: tuple[str, ...] = ()
    cat_match = _BYLINE_CATEGORIES.search(text)
    if cat_match:
        categories = tuple(c.strip() for c in re.split(r"\s*,\s*", cat_match["cats"]) if c.strip())
        text = text[: cat_match.start()]
    text = _BYLINE_COMMENTS.sub(" ", text).strip(" |")
    text = _BYLINE_PREFIX.sub("", text)
    author = None
    by_match = _BYLINE_BY.search(text)
    if by_match:
        author = clean_author(by_match["author"])
        text = text[: by_match.start()]
    return Byline(parse_date(text), author, categories)


def strip_site_suffix(title: str, site_name: str | None = None) -> str:
    """Drop a trailing " – Site name" / " | Site" from a <title>; keep the title when nothing would be left.

    With ``site_name`` only that name is removed; without it, the last " | ..." / " – ..." part is.
    "Child Protection Improvement Programme – Update #7" keeps its dash when ``site_name`` is given
    and does not end the string, so pass the site name whenever the page declares one.
    """
    title = normalise_space(title)
    if site_name:
        site = re.escape(normalise_space(site_name))
        stripped = re.sub(rf"\s*[|–—-]\s*{site}$", "", title, flags=re.IGNORECASE)
        return stripped or title
    stripped = _SITE_SUFFIX.sub("", title)
    return stripped or title


# --- page helpers ---------------------------------------------------------------------------------
# They read a page parsed by lxml (``lxml.etree.HTMLParser``); ``get_text`` reads elements as BeautifulSoup
# did, so the values found did not change when the cleaner moved from BeautifulSoup to lxml.

_META = {attr: etree.XPath(f"descendant::meta[@{attr}=$key]") for attr in ("property", "name", "itemprop")}
_JSON_LD = etree.XPath("descendant::script[@type='application/ld+json']")
_TITLE = etree.XPath("(descendant::title)[1]")
_TIME = etree.XPath("(descendant::time)[1]")
_AUTHOR_LINKS = compiled("a[rel~=author], .byline .author, .author.vcard", False)
_CATEGORY_LINKS = compiled("a[rel~=category]", False)
_SECTION_META = compiled("meta[property='article:section']", False)
_LABEL_TAGS = ("p", "span", "div", "dd", "li")
_LABEL_MAX_CHARS = 60  # a "Published: 12 March 2019" field is short; longer text is a paragraph that says so
_LABEL_MAX_TAGS = 2000


def meta_content(root: etree._Element, *keys: str) -> str | None:
    """First non-empty ``<meta property|name=KEY content=...>`` among keys, e.g. "og:title"."""
    for key in keys:
        for query in _META.values():
            found = query(root, key=key)
            if found:
                content = normalise_space(str(found[0].get("content") or ""))  # type: ignore[index,union-attr]
                if content:
                    return content
    return None


def json_ld_objects(root: etree._Element) -> Iterator[dict]:
    """Every JSON-LD object of the page, ``@graph`` members included; broken JSON is skipped."""
    for script in _JSON_LD(root):  # type: ignore[union-attr]
        try:
            data = json.loads(script.text or "")  # type: ignore[union-attr]
        except (json.JSONDecodeError, TypeError):
            log.debug("skipping unreadable JSON-LD block")
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _json_ld_value(root: etree._Element, key: str) -> object:
    for item in json_ld_objects(root):
        if item.get(key):
            return item[key]
    return None


def find_title(root: etree._Element) -> str | None:
    """The post's own title: og:title, JSON-LD headline, then <title> without its site suffix."""
    title = meta_content(root, "og:title", "twitter:title")
    headline = _json_ld_value(root, "headline")
    if not title and isinstance(headline, str):
        title = normalise_space(headline)
    if title:
        return title
    found = _TITLE(root)
    if found and get_text(found[0], strip=True):  # type: ignore[index,arg-type]
        return strip_site_suffix(get_text(found[0]), meta_content(root, "og:site_name"))  # type: ignore[index,arg-type]
    return None


# A "Published: 12 March 2019" field of a news page (gov.scot style): label, then a date
_PUBLISHED_LABEL = re.compile(r"^\s*(?:Published|Date published|Posted)\s*:?\s*(.+)$", re.IGNORECASE)


def find_published(root: etree._Element) -> dt.date | None:
    """Publication date from meta tags, JSON-LD, <time datetime>, or a "Published: ..." label."""
    candidates: list[str | None] = [
        meta_content(root, "article:published_time", "datePublished", "date", "DC.date.issued", "pubdate"),
    ]
    ld_date = _json_ld_value(root, "datePublished")
    candidates.append(ld_date if isinstance(ld_date, str) else None)
    for time_tag in _TIME(root):  # the first <time> is the post's; later ones are comments or sidebars
        candidates.append(str(time_tag.get("datetime") or "") or get_text(time_tag, " ", strip=True))  # type: ignore
    for date in (parse_date(c) for c in candidates):
        if date:
            return date
    for count, tag in enumerate(root.iter(*_LABEL_TAGS), start=1):
        if count > _LABEL_MAX_TAGS:
            break
        text = _short_text(tag)
        if text is not None:
            label = _PUBLISHED_LABEL.match(text)
            date = parse_date(label[1]) if label else None
            if date:
                return date
    return None


def _short_text(element: etree._Element) -> str | None:
    """``get_text(" ", strip=True)`` when shorter than the label limit, else None, without joining long texts:
    most candidates are page-sized <div>s."""
    parts: list[str] = []
    length = -1
    for string in visible_strings(element):  # type: ignore[union-attr]
        string = string.strip()  # type: ignore[union-attr]
        if string:
            length += len(string) + 1
            if length >= _LABEL_MAX_CHARS:
                return None
            parts.append(string)
    return " ".join(parts)


def find_author(root: etree._Element) -> str | None:
    """Author from ``a[rel=author]``, ``meta[name=author]``, or JSON-LD; None when nobody is named."""
    for link in _AUTHOR_LINKS(root):  # type: ignore[union-attr]
        name = clean_author(get_text(link, " ", strip=True))
        if name:
            return name
    name = clean_author(meta_content(root, "author", "article:author"))
    if name and not name.startswith("http"):
        return name
    ld_author = _json_ld_value(root, "author")
    if isinstance(ld_author, list) and ld_author:
        ld_author = ld_author[0]
    if isinstance(ld_author, dict):
        ld_author = ld_author.get("name")
    return clean_author(ld_author) if isinstance(ld_author, str) else None


def find_categories(root: etree._Element) -> tuple[str, ...]:
    """Category names from ``a[rel~=category]`` links (WordPress), or ``article:section`` meta tags."""
    names = [normalise_space(get_text(a, " ", strip=True)) for a in _CATEGORY_LINKS(root)]  # type: ignore[union-attr]
    if not names:
        names = [normalise_space(str(m.get("content") or "")) for m in _SECTION_META(root)]  # type: ignore[union-attr]
    return tuple(dict.fromkeys(n for n in names if n))
