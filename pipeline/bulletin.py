"""Build a ``Bulletin`` from cleaned blocks: joins the text, fixes offsets, derives the id.

Every cleaner (HTML, text dump, JSON record) ends by calling ``make_bulletin`` so
that text layout, offsets and ids are the same whatever the input was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit, urlunsplit

from .records import Block, Bulletin, Link

BLOCK_SEPARATOR = "\n\n"
_SPACE = re.compile(r"[ \t\u00a0\u2009\u200a\u202f]+")


def normalise_space(text: str) -> str:
    """Collapse runs of spaces (incl. no-break spaces) and trim; keep newlines out of blocks."""
    return _SPACE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, fragment and trailing slash dropped: one post, one id."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "https", parts.netloc.lower(), path, parts.query, ""))


def bulletin_id_for(url: str | None, text: str) -> str:
    """Stable id: from the URL when known (re-crawls keep their id), else from the text."""
    key = "url:" + canonical_url(url) if url else "text:" + text
    return "b" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def make_bulletin(
    *,
    source: str,
    url: str | None,
    title: str,
    published: dt.date | None,
    author: str | None,
    categories: Iterable[str],
    blocks: Sequence[Block],
    links: Sequence[tuple[str, str]] = (),
    captured_at: str | None = None,
) -> Bulletin:
    """Join blocks into the bulletin text and give every block and link its offsets.

    ``links`` are (anchor text, href) pairs; each is located at its first
    occurrence in the text not already claimed by an earlier link.
    """
    placed: list[Block] = []
    pieces: list[str] = []
    offset = 0
    for block in blocks:
        text = normalise_space(block.text)
        if not text:
            continue
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        placed.append(Block(block.kind, text, block.level, offset, offset + len(text)))
        pieces.append(text)
        offset += len(text)
    full_text = "".join(pieces)

    located: list[Link] = []
    search_from: dict[str, int] = {}
    for anchor, href in links:
        anchor = normalise_space(anchor)
        if not anchor or not href:
            continue
        pos = full_text.find(anchor, search_from.get(anchor, 0))
        if pos < 0:
            continue
        search_from[anchor] = pos + len(anchor)
        located.append(Link(anchor, href, pos, pos + len(anchor)))

    return Bulletin(
        bulletin_id=bulletin_id_for(url, full_text),
        source=source,
        url=url,
        title=normalise_space(title),
        published=published,
        author=normalise_space(author) if author else None,
        categories=tuple(c for c in (normalise_space(c) for c in categories) if c),
        text=full_text,
        blocks=tuple(placed),
        links=tuple(located),
        captured_at=captured_at,
    )
