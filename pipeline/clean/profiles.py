"""Site profiles: where a known page layout keeps its title, byline, body and furniture.

A profile is data, not code: CSS selectors, translated once into compiled XPath
(``select``/``compiled``, via cssselect) because lxml's XPath runs in C and is an
order of magnitude faster than matching CSS in Python. The HTML cleaner tries the profiles in order and uses the
first whose ``detect`` selector matches the page; pages no profile claims go to
the trafilatura fallback. Supporting a new site means adding a ``SiteProfile`` to
``PROFILES``, not writing code.

Every selector list is tried in order; the first that yields something wins.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from cssselect import HTMLTranslator
from lxml import etree

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """Selectors for one page layout."""

    name: str
    detect: tuple[str, ...]  # the profile applies when EVERY selector matches something on the page
    body: str  # the element holding the post body
    title: tuple[str, ...]  # elements whose text is the post title
    byline: tuple[str, ...]  # elements whose text reads "January 25, 2018 by Jane Smith | Category ..."
    published: tuple[str, ...]  # elements with a ``datetime`` attribute or a written date as text
    author: tuple[str, ...]  # elements whose text is the author's name
    categories: tuple[str, ...]  # elements whose texts are the category names
    drop: tuple[str, ...] = ()  # furniture inside the body, removed before reading it


# Furniture that WordPress plugins and themes put inside or right after the post body.
_WORDPRESS_FURNITURE = (
    # share buttons: <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3>, <ul class="social-share">,
    # <p class="dpsp-share-text">Sharing is caring</p>
    "[class*=share]",
    ".sd-like",
    # "Related" boxes: <div id="jp-relatedposts" class="jp-relatedposts">, <section class="c-related">
    "[class*=related]",
    # image galleries and their titles: <div class="su-custom-gallery">
    "[class*=gallery]",
    # comment area when a theme nests it in the article: <div id="comments" class="comments-area">
    "#comments",
    ".comments-area",
    "#respond",
    ".comment-respond",
    # "Previous post / Next post" links: <nav class="navigation post-navigation">
    ".post-navigation",
    ".nav-links",
    # text for screen readers only: <span class="screen-reader-text">Continue reading</span>
    ".screen-reader-text",
    # "Tags: ...", "Posted in ..." footers of some themes: <footer class="entry-footer">
    ".entry-footer",
    ".entry-meta",
    # cookie banners injected into content by plugins: <div id="cookie-notice">
    "#cookie-notice",
    "[class*=cookie-banner]",
    # image captions: <figcaption class="wp-caption-text">Photo: the group at its first meeting</figcaption>
    "figcaption",
    ".wp-caption-text",
    # scripts, forms and embeds never carry body text
    "script",
    "style",
    "noscript",
    "form",
    "iframe",
    "button",
    "svg",
)

WORDPRESS = SiteProfile(
    name="wordpress",
    detect=(
        # <article id="post-123" class="post type-post hentry"> ... <div class="entry-content">
        "article:is(.post, .type-post, .hentry, .type-page) .entry-content",
        # and a WordPress fingerprint: <link rel="stylesheet" href="/wp-content/themes/...">, <meta name="generator">,
        # so that news sites that merely reuse the class names ("h-entry ... entry-content") go to the fallback
        "[href*='/wp-content/'], [src*='/wp-content/'], [href*='/wp-includes/'], [src*='/wp-includes/'],"
        " meta[name=generator][content^=WordPress]",
    ),
    body="article:is(.post, .type-post, .hentry, .type-page) .entry-content",
    # <h1 class="entry-title">Child Protection Improvement Programme – Update #7</h1>
    title=("article h1.entry-title", "article .entry-title", "h1.entry-title"),
    # <div class="entry-meta">January 25, 2018 by <span class="author vcard"></span> ... | Category ...</div>
    byline=("article .entry-meta", "article .byline", "article .post-meta", ".entry-meta"),
    # <time class="entry-date published" datetime="2018-01-25T09:00:00+00:00">January 25, 2018</time>
    published=("article time.entry-date[datetime]", "article time.published[datetime]", "article time[datetime]"),
    # <span class="author vcard"><a class="url fn n" rel="author" href="...">Jane Smith</a></span>
    author=("article a[rel~=author]", "article .author.vcard a", "article .author.vcard"),
    # <a href=".../category/uncategorized/" rel="category tag">Uncategorized</a>
    categories=("article a[rel~=category]", "article .cat-links a"),
    drop=_WORDPRESS_FURNITURE,
)

PROFILES: tuple[SiteProfile, ...] = (WORDPRESS,)

# What the trafilatura fallback removes before it looks for the main text (XPath, as its ``prune_xpath`` takes).
# Each was kept because it raised F1 on the article-extraction benchmark (scripts/benchmark_cleaner.py);
# class-name guesses such as "//*[contains(@class,'cookie')]" lowered it (they match <body class="...">).
FALLBACK_PRUNE_XPATH: tuple[str, ...] = (
    # <header class="article-header"><p>News</p><h1>Title</h1> ...: headline, kicker, byline and share bar
    "//header",
    # <dl class="content-data"><dt>Published:</dt><dd>22 November 2018</dd>...: metadata as a definition list
    "//dl",
    # <h1>: the headline, which is the title, not body text
    "//h1",
)


_TRANSLATOR = HTMLTranslator()


@cache
def compiled(selector: str, inside: bool = False) -> etree.XPath:
    """A CSS selector as compiled XPath. ``inside``: match only strict descendants of the context element, as
    soupsieve's ``tag.select`` does (cssselect's default also matches the element itself)."""
    prefix = "descendant::" if inside else "descendant-or-self::"
    return etree.XPath(_TRANSLATOR.css_to_xpath(selector, prefix=prefix), smart_strings=False)


def select(root: etree._Element, selector: str, inside: bool = False) -> list[etree._Element]:
    """Elements matching a CSS selector, in document order."""
    return compiled(selector, inside)(root)  # type: ignore[return-value]


def choose_profile(root: etree._Element, profiles: tuple[SiteProfile, ...] = PROFILES) -> SiteProfile | None:
    """The first profile whose ``detect`` selectors all match the page (a parsed lxml tree), or None (fallback)."""
    return next((p for p in profiles if all(select(root, s) for s in p.detect)), None)


def _compile_all() -> None:
    """Translate every selector at import, so a typo fails loudly here rather than on the first page.
    (Called as ``select`` calls it: ``cache`` keys ``f(s)`` and ``f(s, False)`` apart.)"""
    for profile in PROFILES:
        for selector in (*profile.detect, profile.body, *profile.title, *profile.byline, *profile.published):
            compiled(selector, False)
        for selector in (*profile.author, *profile.categories):
            compiled(selector, False)
        for selector in profile.drop:
            compiled(selector, True)


_compile_all()
