"""Turn HTML elements into body blocks: a walker for profile pages, a reader for trafilatura's XML.

Both return ``BlockDraft``s: blocks without offsets plus the (anchor, href) links found
in them, which ``make_bulletin`` places in the joined text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from ..bulletin import normalise_space
from ..records import Block

log = logging.getLogger(__name__)

HEADING_LEVELS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}  # h1 in a body is a section, not the title
PARAGRAPH_TAGS = frozenset({"p", "pre", "address", "dd", "dt", "figcaption", "caption", "summary"})
LIST_ITEM_TAGS = frozenset({"li"})
SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "form", "iframe", "button", "select", "input", "textarea", "svg"}
)
# Tags that flow inside a line of text; anything else starts a new block.
INLINE_TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "img", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
        "del", "ins", "label",
    }
)  # fmt: skip
_BLOCK_DESCENDANTS = ("p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section")
_WORDS = re.compile(r"\w")
_UNUSABLE_HREF = re.compile(r"^\s*(?:#|javascript:|data:)", re.IGNORECASE)


@dataclass(slots=True)
class BlockDraft:
    """Blocks in reading order and the links inside them, before ``make_bulletin`` joins them."""

    blocks: list[Block] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


def usable_href(href: str | None, base_url: str | None) -> str | None:
    """An absolute link target, or None for in-page anchors and script links."""
    if not href or _UNUSABLE_HREF.match(href):
        return None
    return urljoin(base_url, href.strip()) if base_url else href.strip()


# --- element text, as BeautifulSoup read it ----------------------------------------------------------
#
# The cleaner used to walk a BeautifulSoup tree; it now walks lxml's (the same parser underneath, ~4x faster
# to build and query). These helpers keep BeautifulSoup's reading so the extracted text did not change:
# - ``get_text`` leaves out text inside <script>, <style>, <template>, <rt> and <rp> (BeautifulSoup files
#   it under other string types) and comments;
# - a string of nothing but ASCII whitespace counts as one space (BeautifulSoup collapses such strings).

_ASCII_SPACES = " \n\t\x0c\r"
_SEEN_TEXT = etree.XPath(
    "descendant::text()[not(ancestor::script or ancestor::style or ancestor::template or ancestor::rt"
    " or ancestor::rp)]",
    smart_strings=False,
)
# _raw_text's reading: text outside SKIPPED_TAGS (checked up to the root, as BeautifulSoup's ``parents`` are)
# and every <br> as a space, in document order.
_RAW_PARTS = etree.XPath(
    "descendant::br | descendant::text()[not(ancestor::*["
    + " or ".join(f"self::{t}" for t in sorted(SKIPPED_TAGS))
    + "])]",
    smart_strings=False,
)


def _collapse(text: str) -> str:
    return text if text.strip(_ASCII_SPACES) else " "


def visible_strings(element: etree._Element) -> list[str]:
    """The text nodes ``get_text`` joins, in document order."""
    return _SEEN_TEXT(element)  # type: ignore[return-value]


def get_text(element: etree._Element, separator: str = "", strip: bool = False) -> str:
    """BeautifulSoup's ``tag.get_text(separator, strip=strip)`` for an lxml element."""
    strings: list[str] = _SEEN_TEXT(element)  # type: ignore[assignment]
    if strip:
        return separator.join(s for s in (s.strip() for s in strings) if s)
    return separator.join(_collapse(s) for s in strings)


def has_text(element: etree._Element) -> bool:
    """``bool(tag.get_text(strip=True))``: stops at the first visible character instead of joining the page."""
    return any(s.strip() for s in _SEEN_TEXT(element))  # type: ignore[union-attr]


def remove_element(element: etree._Element) -> None:
    """Take an element out of the tree, keeping the text that follows it (lxml stores it on the element)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
        element.tail = None
    parent.remove(element)


def _has_block_descendant(element: etree._Element) -> bool:
    return next(element.iterdescendants(*_BLOCK_DESCENDANTS), None) is not None


# --- element walker (profile pages) -------------------------------------------------------------------


def inline_text(element: etree._Element) -> str:
    """Text of an element as it reads: <br> becomes a space, comments and scripts are skipped."""
    return normalise_space(_raw_text(element))


def _raw_text(element: etree._Element) -> str:
    """Text of an element with its edge spaces kept, so "a<b> b</b>" stays two words when joined."""
    # (inside a <form> that wraps the whole page, only the <br>s count: the ancestor test reaches the root)
    return "".join(_collapse(p) if isinstance(p, str) else " " for p in _RAW_PARTS(element))  # type: ignore[union-attr]


class _Walker:
    """Walks a body element in document order, emitting a block at every block boundary."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.draft = BlockDraft()
        self._line: list[str] = []  # loose inline text waiting for a block boundary
        self._line_links: list[tuple[str, str]] = []

    def emit(self, kind: str, text: str, level: int = 0, links: list[tuple[str, str]] | None = None) -> None:
        text = normalise_space(text)
        if _WORDS.search(text):  # not a spacer like "\u200b" or "•"
            self.draft.blocks.append(Block(kind, text, level))  # type: ignore[arg-type]
            self.draft.links.extend(links or [])

    def links_in(self, element: etree._Element) -> list[tuple[str, str]]:
        found = [element] if element.tag == "a" else [a for a in element.iterdescendants("a") if "href" in a.attrib]
        pairs = []
        for anchor in found:
            href = usable_href(str(anchor.get("href") or ""), self.base_url)
            if href:
                pairs.append((inline_text(anchor), href))
        return pairs

    def flush(self) -> None:
        self.emit("paragraph", "".join(self._line), links=self._line_links)
        self._line, self._line_links = [], []

    def walk(self, element: etree._Element) -> BlockDraft:
        self._walk_children(element)
        self.flush()
        return self.draft

    def _walk_children(self, element: etree._Element) -> None:
        if element.text:
            self._line.append(_collapse(element.text))
        for child in element:
            if isinstance(child.tag, str):  # comments (and processing instructions) are not text
                self._walk_tag(child)
            if child.tail:
                self._line.append(_collapse(child.tail))

    def _walk_tag(self, element: etree._Element) -> None:
        name = element.tag
        if name in SKIPPED_TAGS:
            return
        if name in INLINE_TAGS and not _has_block_descendant(element):
            self._line.append(" " if name == "br" else _raw_text(element))
            self._line_links.extend(self.links_in(element))
            return
        self.flush()
        if name in HEADING_LEVELS:
            self.emit("heading", inline_text(element), HEADING_LEVELS[name], self.links_in(element))
        elif name in LIST_ITEM_TAGS:
            self._walk_list_item(element)
        elif name in PARAGRAPH_TAGS and not _has_block_descendant(element):
            self.emit("paragraph", inline_text(element), links=self.links_in(element))
        else:  # a container: div, section, ul, ol, table, blockquote, figure ...
            self._walk_children(element)
        self.flush()

    def _walk_list_item(self, item: etree._Element) -> None:
        """The item's own text is one block; a nested list's items follow as blocks of their own."""
        nested = [child for child in item if child.tag in ("ul", "ol")]
        for sublist in nested:
            remove_element(sublist)
        if _has_block_descendant(item):  # <li><p>...</p></li>: its paragraphs are the item's text
            first = len(self.draft.blocks)
            self._walk_children(item)
            self.flush()
            blocks = self.draft.blocks
            blocks[first:] = [Block("list_item", b.text) if b.kind == "paragraph" else b for b in blocks[first:]]
        else:
            self.emit("list_item", inline_text(item), links=self.links_in(item))
        for sublist in nested:
            self._walk_children(sublist)
            self.flush()


def blocks_from_element(body: etree._Element, base_url: str | None) -> BlockDraft:
    """Blocks of a profile page's body element (furniture already removed)."""
    return _Walker(base_url).walk(body)


# --- trafilatura XML reader (fallback) ----------------------------------------------------------------


def _xml_text(element: etree._Element) -> str:
    """Text of a trafilatura element with <lb/> as a space; nested lists are left to their own items."""
    return normalise_space(_xml_raw_text(element))


def _xml_raw_text(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag != "list":
            parts.append(" " if child.tag == "lb" else _xml_raw_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _xml_links(element: etree._Element, base_url: str | None) -> list[tuple[str, str]]:
    pairs = []
    for ref in element.iter("ref"):
        href = usable_href(ref.get("target"), base_url)
        if href:
            pairs.append((_xml_text(ref), href))
    return pairs


def _heading_level(head: etree._Element) -> int:
    """trafilatura writes the source tag in ``rend``: <head rend="h3"> -> 3."""
    return HEADING_LEVELS.get((head.get("rend") or "h2").lower(), 2)


def _add_loose_text(text: str | None, draft: BlockDraft) -> None:
    """Text trafilatura leaves between elements (an element's tail) is a paragraph of its own."""
    if text and _WORDS.search(text):
        draft.blocks.append(Block("paragraph", normalise_space(text)))


def _read_xml_children(parent: etree._Element, draft: BlockDraft, base_url: str | None) -> None:
    _add_loose_text(parent.text, draft)
    for child in parent:
        _read_xml_element(child, draft, base_url)
        _add_loose_text(child.tail, draft)


def _read_xml_element(element: etree._Element, draft: BlockDraft, base_url: str | None) -> None:
    tag = element.tag
    if tag == "head":
        kind, level = "heading", _heading_level(element)
    elif tag == "item":
        kind, level = "list_item", 0
    elif tag in ("list", "table", "row", "quote", "div") and len(element):
        _read_xml_children(element, draft, base_url)
        return
    else:  # p, cell, code, a quote without children ...
        kind, level = "paragraph", 0
    text = _xml_text(element)
    if _WORDS.search(text):
        draft.blocks.append(Block(kind, text, level))  # type: ignore[arg-type]
        draft.links.extend(_xml_links(element, base_url))
    for sublist in element.findall("list"):  # an item's nested list
        _read_xml_element(sublist, draft, base_url)


def blocks_from_trafilatura(body: etree._Element, base_url: str | None) -> BlockDraft:
    """Blocks of trafilatura's ``<body>``: head -> heading, p -> paragraph, list/item -> list_item."""
    draft = BlockDraft()
    _read_xml_children(body, draft, base_url)
    return draft
