"""Which top line of a text dump is the page's title, judged against the page's URL.

A browser shows a blog post as site name, title, body. With a byline under the title the layout is clear
(``text.py``); without one, the URL decides: a post's slug spells its title
(``/2019/07/02/one-year-of-the-commission/``), and the blog's own path segment or host spells the site name
(``blogs.example.scot/island-life/...`` above "Island Life"). Without URL evidence the first line stays the title.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

# Words of a URL part or a line: "one-year-of-the-commission" -> one, year, of, the, commission
_WORD = re.compile(r"[a-z0-9]+")
# Apostrophes vanish from slugs: "What’s next" -> "whats-next"
_APOSTROPHES = re.compile(r"['’]")
# Path segments that say nothing about the site's name: dates, "news", "blog", "publications", numeric ids
_NOT_SITE_SEGMENT = re.compile(r"^(?:\d+|news|blogs?|publications?|posts?|articles?|en|www)$")
# Share of the slug's words a line must hold (slugs drop some small words)
SLUG_MATCH_SHARE = 0.8
# A site name line holds at most this many words per word of the path segment it spells ("Rural Scotland")
SITE_NAME_MAX_SHARE = 2
MIN_SLUG_WORDS = 3  # "post-4411" and other short ids are not titles


def _words(text: str) -> list[str]:
    return _WORD.findall(_APOSTROPHES.sub("", text.casefold()))


def _path_segments(url: str) -> list[str]:
    return [segment for segment in urlsplit(url).path.split("/") if segment]


def _slug_words(url: str) -> list[str]:
    segments = _path_segments(url)
    words = _words(segments[-1].replace("-", " ")) if segments else []
    return words if len(words) >= MIN_SLUG_WORDS else []


def matches_slug(line: str, url: str | None) -> bool:
    """Does ``line`` spell the URL's last path segment ('Ten months on ...: what families told us')?"""
    slug = _slug_words(url) if url else []
    if not slug:
        return False
    words = set(_words(line))
    return sum(word in words for word in slug) >= SLUG_MATCH_SHARE * len(slug) and len(words) <= 2 * len(slug)


def names_site(line: str, url: str | None) -> bool:
    """Does ``line`` spell the blog's path segment or host ('Island Life' over /island-life/, 'Rural Scotland'
    over /rural/)?"""
    if not url:
        return False
    words = _words(line)
    if not words:
        return False
    parts = urlsplit(url)
    candidates = [s for s in _path_segments(url)[:-1] if not _NOT_SITE_SEGMENT.match(s)]
    candidates += [label for label in parts.netloc.split(".")[:-2] if not _NOT_SITE_SEGMENT.match(label)]
    squashed = "".join(words)
    for candidate in candidates:
        segment_words = _words(candidate.replace("-", " "))
        if not segment_words:
            continue
        # the line is the segment's words and little else: a title that merely contains a topic folder's word
        # ("Throughcare ... Group minutes: 11 September 2013" under /throughcare/) is not the site's name
        short = len(words) <= SITE_NAME_MAX_SHARE * len(segment_words)
        if (short and set(segment_words) <= set(words)) or "".join(segment_words) == squashed:
            return True
    return False


def site_name_above_title(first: str, second: str, url: str | None) -> bool:
    """Is ``first`` the site's name and ``second`` the post's title (no byline to say so)?"""
    if matches_slug(first, url):
        return False
    decided = matches_slug(second, url) or names_site(first, url)
    if decided:
        log.debug("site name %r above title %r (%s)", first, second, url)
    return decided
