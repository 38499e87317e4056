"""Which posts does the blog have? Ask the way that gives the most for the fewest requests.

1. WordPress REST API (``wp-json/wp/v2/posts``): every post with its ``modified``
   time, 100 per request. When it answers, nothing else is needed.
2. Otherwise the union of the RSS/Atom feed (recent posts, with ``updated``),
   the archive pages ("Older posts" / ``/page/N/``) and ``sitemap.xml``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree, html

from ..bulletin import canonical_url
from .fetch import Fetcher

log = logging.getLogger(__name__)

# Links on archive pages that are lists, not posts.
_NOT_A_POST = re.compile(r"/(page|category|tag|author|feed|wp-json|wp-admin|wp-content|comments)(/|$)|[?&](p|s|paged)=")
_POST_LINKS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-title ')]//a/@href",
    "//a[contains(concat(' ', normalize-space(@rel), ' '), ' bookmark ')]/@href",
)
_NEXT_LINKS = (
    "//link[@rel='next']/@href",
    "//a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href",
    "//*[contains(@class, 'nav-previous')]//a/@href",
    "//a[contains(@class, 'next')]/@href",
    "//a[contains(normalize-space(.), 'Older posts') or contains(normalize-space(.), 'Older entries')]/@href",
)


@dataclass(frozen=True)
class PostRef:
    url: str
    modified: str = ""  # as the blog states it; "" when unknown


class DiscoveryError(Exception):
    """Not one way of listing the blog's posts worked."""


def discover(fetcher: Fetcher, start_url: str) -> list[PostRef]:
    base = start_url if start_url.endswith("/") else start_url + "/"
    posts = from_rest_api(fetcher, base)
    if posts is not None:
        log.info("%s: %d posts from the REST API", base, len(posts))
        return posts
    found: dict[str, PostRef] = {}
    answered = False
    for name, finder in (("feed", from_feed), ("archive", from_archive), ("sitemap", from_sitemap)):
        refs = finder(fetcher, base)
        if refs is None:
            continue
        answered = True
        log.info("%s: %d posts from the %s", base, len(refs), name)
        for ref in refs:
            key = canonical_url(ref.url)
            if key not in found or (ref.modified and not found[key].modified):
                found[key] = ref
    if not answered:
        raise DiscoveryError(f"{base}: no REST API, feed, archive page or sitemap could be read")
    return sorted(found.values(), key=lambda r: r.url)


def _in_blog(base: str, url: str) -> bool:
    parts, root = urlsplit(url), urlsplit(base)
    return (
        parts.netloc.lower() == root.netloc.lower()
        and parts.path.startswith(root.path)
        and canonical_url(url) != canonical_url(base)
        and not _NOT_A_POST.search(url[len(base) - 1:] if url.startswith(base) else parts.path)
    )


def _unique(base: str, refs: Iterable[PostRef]) -> list[PostRef]:
    seen: dict[str, PostRef] = {}
    for ref in refs:
        url = ref.url.split("#", 1)[0]
        if _in_blog(base, url) and canonical_url(url) not in seen:
            seen[canonical_url(url)] = PostRef(url, ref.modified)
    return list(seen.values())


def from_rest_api(fetcher: Fetcher, base: str) -> list[PostRef] | None:
    refs: list[PostRef] = []
    page, total = 1, 1
    while page <= min(total, fetcher.config.max_listing_pages):
        url = f"{base}wp-json/wp/v2/posts?per_page=100&page={page}&_fields=link,modified_gmt"
        result = fetcher.get(url)
        try:
            items = json.loads(result.body or b"") if result.ok else None
        except ValueError:
            items = None
        if not isinstance(items, list):
            if page == 1:
                return None
            raise DiscoveryError(f"REST API page {page} unreadable: {result.error or 'not a JSON list'}")
        items = [i for i in items if isinstance(i, dict) and i.get("link")]
        refs += [PostRef(i["link"], i.get("modified_gmt") or "") for i in items]
        total_pages = result.headers.get("x-wp-totalpages", "1")
        total = int(total_pages) if total_pages.isdigit() else 1
        page += 1
    return _unique(base, refs)


def from_feed(fetcher: Fetcher, base: str) -> list[PostRef] | None:
    result = fetcher.get(base + "feed/")
    if not result.ok:
        return None
    feed = feedparser.parse(result.body)
    if not feed.entries:
        return None
    # Only Atom's <updated> is a modification time; RSS pubDate (which feedparser also offers as
    # "updated") says nothing about edits, so it must not let the crawler skip a page.
    atom = feed.version.startswith("atom")
    return _unique(base, (PostRef(e.get("link", ""), e.get("updated", "") if atom else "") for e in feed.entries))


def from_archive(fetcher: Fetcher, base: str) -> list[PostRef] | None:
    refs: list[PostRef] = []
    seen_pages: set[str] = set()
    url: str | None = base
    number = 1
    while url and len(seen_pages) < fetcher.config.max_listing_pages:
        seen_pages.add(canonical_url(url))
        result = fetcher.get(url)
        if not result.ok:
            if number == 1:
                return None
            break  # /page/N/ past the last page answers 404: the end
        tree = html.fromstring(result.body)
        links = [urljoin(result.final_url, h) for xp in _POST_LINKS for h in tree.xpath(xp)]
        page_refs = _unique(base, (PostRef(link) for link in links))
        if not page_refs:
            break
        refs += page_refs
        number += 1
        nexts = [urljoin(result.final_url, h) for xp in _NEXT_LINKS for h in tree.xpath(xp)]
        nexts = [n for n in nexts if urlsplit(n).netloc == urlsplit(base).netloc and canonical_url(n) not in seen_pages]
        url = nexts[0] if nexts else f"{base}page/{number}/"
        if canonical_url(url) in seen_pages:
            break
    return _unique(base, refs)


def from_sitemap(fetcher: Fetcher, base: str) -> list[PostRef] | None:
    candidates = [base + "sitemap.xml", base + "wp-sitemap.xml"]
    if fetcher.robots is not None:
        candidates += [s for s in fetcher.robots.sitemaps(base) if s.startswith(base)]
    for start in candidates:
        refs = _read_sitemap(fetcher, start, depth=0)
        if refs is not None:
            return _unique(base, refs)
    return None


def _read_sitemap(fetcher: Fetcher, url: str, depth: int) -> list[PostRef] | None:
    result = fetcher.get(url)
    if not result.ok or depth > 2:
        return None
    try:
        root = etree.fromstring(result.body, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    children = root.xpath("//s:sitemap/s:loc/text()", namespaces=ns)
    if children:
        # A WordPress index lists post, page, category and user sitemaps: posts are all we want.
        children = [c.strip() for c in children]
        posts = [c for c in children if re.search(r"posts-post|post-sitemap", c)] or children
        refs: list[PostRef] = []
        for child in posts[: fetcher.config.max_listing_pages]:
            refs += _read_sitemap(fetcher, child, depth + 1) or []
        return refs
    return [
        PostRef((node.findtext("s:loc", namespaces=ns) or "").strip(),
                (node.findtext("s:lastmod", namespaces=ns) or "").strip())
        for node in root.xpath("//s:url[s:loc]", namespaces=ns)
    ]
