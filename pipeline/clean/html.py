"""HTML cleaner: a saved web page -> ``Bulletin`` (metadata, body blocks, links).

Two routes to the body:

1. a site profile (``profiles.py``) when one matches the page: its selectors give
   the title, byline and body element, and its furniture selectors are removed;
2. otherwise trafilatura, whose XML output (head, p, list/item) becomes blocks.

Metadata is taken from, in order of trust: the ``RawDocument``'s hints (a JSON
record's fields), the profile's selectors and byline, the page's markup (meta
tags, JSON-LD, ``<time>``), the URL's /YYYY/MM/DD/ path, then trafilatura's own
guess. Then the body is tidied the same way whatever the route: the title is not
a block, furniture blocks go (``data/clean-html-furniture.txt``) and so does the
sign-off (see ``drop_sign_off``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from functools import cache

import trafilatura
from lxml import etree

from ..bulletin import make_bulletin, normalise_space
from ..errors import InputError
from ..lexicon import load_list
from ..records import Block, Bulletin, RawDocument
from . import metadata
from .html_blocks import BlockDraft, blocks_from_element, blocks_from_trafilatura, get_text, has_text, remove_element
from .profiles import FALLBACK_PRUNE_XPATH, SiteProfile, choose_profile, select

log = logging.getLogger(__name__)

FURNITURE_LIST = "clean-html-furniture"
FURNITURE_MAX_WORDS = 60  # longer blocks are prose, whatever they start with
SIGN_OFF_MAX_WORDS = 8  # "Child Protection Policy Team", "Directorate for Children and Families, Scottish Government"
TITLE_SEARCH_BLOCKS = 5  # how far down the body a repeated headline is looked for
SIGN_OFF_MAX_BLOCKS = 3  # a sign-off is a name, a team and an organisation at most
SIGN_OFF_MAX_CHARS = 70  # the same limit for scripts without spaces between words
_CLOSING_PUNCTUATION = tuple('.!?:;…"”’)]。！？」')

# Fallback settings, measured on the article-extraction benchmark (scripts/benchmark_cleaner.py):
# links on, tables on, no comments, neither precision nor recall favoured (favor_precision scores the same F1
# with lower recall, and recall is what the NLP stages need), page headers, <dl> metadata and <h1> pruned.
TRAFILATURA_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "include_links": True,
    "prune_xpath": list(FALLBACK_PRUNE_XPATH),
}


@dataclass(slots=True)
class PageFacts:
    """What one route found on the page; None/empty where it found nothing."""

    draft: BlockDraft
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    author_known: bool = False  # True when a byline was read: its empty name means "no author"
    categories: tuple[str, ...] = field(default_factory=tuple)


def clean_html(raw: RawDocument) -> Bulletin:
    """Clean one HTML page. Raises ``InputError`` when the page has no body text."""
    root = parse_html(raw.body)
    body = root.find("body") if root is not None else None
    if body is None or not has_text(body):
        raise InputError(raw.source, "HTML page has no body text", stage="clean")
    url = raw.url or _declared_url(root)

    profile = choose_profile(root)
    facts = _read_with_profile(root, profile, url) if profile else None
    if facts is None:
        facts = _read_with_trafilatura(raw.body, url)
    elif not facts.draft.blocks:  # keep the profile's metadata, take trafilatura's body
        log.info("%s: profile %s found no body; using trafilatura", raw.source, profile.name)
        facts.draft = _read_with_trafilatura(raw.body, url).draft
    if not facts.draft.blocks:
        raise InputError(raw.source, "HTML page has no body text", stage="clean")

    title = raw.title or facts.title or metadata.find_title(root) or ""
    published = raw.published or facts.published or metadata.find_published(root) or metadata.date_from_url(url)
    author = raw.author or (facts.author if facts.author_known else facts.author or metadata.find_author(root))
    categories = facts.categories or metadata.find_categories(root)
    blocks = tidy_blocks(facts.draft.blocks, title)
    if not blocks:
        raise InputError(raw.source, "HTML page has no body text once furniture is removed", stage="clean")
    return make_bulletin(
        source=raw.source,
        url=url,
        title=title,
        published=published,
        author=author,
        categories=categories,
        blocks=blocks,
        links=facts.draft.links,
        captured_at=raw.captured_at,
    )


def parse_html(html: str) -> etree._Element | None:
    """The page as an lxml tree (None when there is nothing to parse). Fed to the parser the way BeautifulSoup
    fed it, so the tree (and so the output) is the one the cleaner always read."""
    parser = etree.HTMLParser(recover=True)
    try:
        parser.feed(html)
        return parser.close()
    except etree.XMLSyntaxError:  # an empty document
        return None


_CANONICAL = etree.XPath("(descendant::link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')])[1]")


def _declared_url(root: etree._Element) -> str | None:
    """The page's own address: <link rel=canonical> or og:url."""
    canonical = _CANONICAL(root)
    if canonical and canonical[0].get("href"):  # type: ignore[index,union-attr]
        return str(canonical[0].get("href")).strip()  # type: ignore[index,union-attr]
    return metadata.meta_content(root, "og:url")


# --- route 1: a site profile ------------------------------------------------------------------------


def _first_text(root: etree._Element, selectors: tuple[str, ...]) -> str | None:
    for selector in selectors:
        for tag in select(root, selector):
            text = normalise_space(get_text(tag, " ", strip=True))
            if text:
                return text
    return None


def _profile_published(root: etree._Element, profile: SiteProfile) -> dt.date | None:
    for selector in profile.published:
        for tag in select(root, selector):
            date = metadata.parse_date(str(tag.get("datetime") or "")) or metadata.parse_date(get_text(tag, " "))
            if date:
                return date
    return None


def _read_with_profile(root: etree._Element, profile: SiteProfile, url: str | None) -> PageFacts:
    """Metadata from the profile's selectors and byline, body from its body element minus furniture."""
    byline_text = _first_text(root, profile.byline)
    byline = metadata.parse_byline(byline_text)
    author_link = _first_text(root, profile.author)
    categories = tuple(
        dict.fromkeys(normalise_space(get_text(a, " ")) for s in profile.categories for a in select(root, s))
    )
    facts = PageFacts(
        draft=BlockDraft(),
        title=_first_text(root, profile.title),
        published=_profile_published(root, profile) or byline.published,
        author=metadata.clean_author(author_link) or byline.author,
        author_known=byline_text is not None or author_link is not None,
        categories=tuple(c for c in categories if c) or byline.categories,
    )
    bodies = select(root, profile.body)
    if bodies:
        body = bodies[0]
        for selector in profile.drop:
            for tag in select(body, selector, inside=True):
                remove_element(tag)
        facts.draft = blocks_from_element(body, url)
    return facts


# --- route 2: trafilatura ----------------------------------------------------------------------------


def _read_with_trafilatura(html: str, url: str | None) -> PageFacts:
    """trafilatura's main-text extraction; its metadata fills gaps the page markup leaves."""
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, **TRAFILATURA_OPTIONS)
    except (ValueError, TypeError) as error:  # trafilatura raises on some malformed trees
        log.warning("trafilatura failed on %s: %s", url, error)
        document = None
    if document is None or getattr(document, "body", None) is None:
        return PageFacts(draft=BlockDraft())
    return PageFacts(
        draft=blocks_from_trafilatura(document.body, url),
        title=document.title or None,
        author=metadata.clean_author(document.author),
        categories=tuple(document.categories or ()),
    )


# --- tidying, the same for both routes ---------------------------------------------------------------


@cache
def _furniture_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rule, re.IGNORECASE) for rule in load_list(FURNITURE_LIST))


def is_furniture(text: str) -> bool:
    """True for a block that is page furniture ("Leave a comment", "Share this:", a privacy notice)."""
    text = normalise_space(text)
    if len(text.split()) > FURNITURE_MAX_WORDS:
        return False
    return any(p.fullmatch(text) for p in _furniture_patterns())


def _same_text(a: str, b: str) -> bool:
    fold = re.compile(r"\W+")
    return fold.sub(" ", a).strip().casefold() == fold.sub(" ", b).strip().casefold()


def _is_sign_off_line(block: Block) -> bool:
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and len(text.split()) <= SIGN_OFF_MAX_WORDS
        and len(text) <= SIGN_OFF_MAX_CHARS
        and not text.endswith(_CLOSING_PUNCTUATION)
    )


def drop_sign_off(blocks: list[Block]) -> list[Block]:
    """Drop the sign-off: a trailing run (at most ``SIGN_OFF_MAX_BLOCKS``) of short paragraphs without
    closing punctuation, e.g. "Child Protection Policy Team" / "Scottish Government", or "Contact" /
    "Email: news@example.org" (the heading left empty goes too). A body made of nothing but such lines
    ("Home" from a navigation bar) goes entirely: it is not a bulletin."""
    run = 0
    while run < min(SIGN_OFF_MAX_BLOCKS, len(blocks)) and _is_sign_off_line(blocks[-1 - run]):
        run += 1
    return drop_trailing_headings(blocks[: len(blocks) - run])


def drop_trailing_headings(blocks: list[Block]) -> list[Block]:
    """A heading with nothing after it ("Related posts" once its links are gone) is not a section."""
    end = len(blocks)
    while end > 1 and blocks[end - 1].kind == "heading":
        end -= 1
    return blocks[:end]


def drop_title_and_kicker(blocks: list[Block], title: str) -> list[Block]:
    """Drop the title when the body repeats it near the top, with the short labels before it
    ("News", a breadcrumb, a date): text above the headline is the page's furniture, not the post's."""
    if not title:
        return blocks
    for position, block in enumerate(blocks[:TITLE_SEARCH_BLOCKS]):
        if _same_text(block.text, title):
            if all(_is_sign_off_line(b) or b.kind == "heading" for b in blocks[:position]):
                return blocks[position + 1 :]
            return blocks[:position] + blocks[position + 1 :]
    return blocks


def tidy_blocks(blocks: list[Block], title: str) -> list[Block]:
    """Drop furniture blocks, the title repeated as a block (and labels above it), and the sign-off."""
    kept = [b for b in blocks if not is_furniture(b.text)]
    return drop_sign_off(drop_title_and_kicker(kept, title))
