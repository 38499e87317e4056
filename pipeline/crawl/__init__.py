"""Crawl a blog politely and keep every page as fetched (issue #4).

    discovery  -> which posts the blog has (WP REST API, else feed + archive pages + sitemap)
    fetch      -> one HTTP session with the politeness pieces of ``policies``
    store      -> raw/ layout: one file per page version + manifest
    crawler    -> ``crawl()``: the three above, in that order
"""

from .config import CrawlConfig
from .crawler import CrawlResult, crawl

__all__ = ["CrawlConfig", "CrawlResult", "crawl"]
