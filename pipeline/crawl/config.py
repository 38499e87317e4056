"""Crawl settings: one frozen object, politeness on by default."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import __version__

ROBOTS_TOKEN = "bulletin-pipeline"  # the name robots.txt rules address us by


def default_user_agent(contact: str | None = None) -> str:
    """Honest User-Agent: who we are, which version, and how to reach the operator when given."""
    extra = f"; +{contact}" if contact else ""
    return f"{ROBOTS_TOKEN}/{__version__} (policy-bulletin research crawler{extra})"


@dataclass(frozen=True)
class CrawlConfig:
    delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay can raise it)
    timeout: float = 20.0  # connect and read timeout of one request
    max_seconds: float = 60.0  # wall-clock limit of one download, so a trickling server cannot hold us
    retries: int = 3  # extra tries after a 429/5xx/timeout
    backoff: float = 1.0  # first wait between tries; doubles each time
    max_retry_after: float = 120.0  # a longer Retry-After means "come back later": give up on the page
    max_bytes: int = 5_000_000  # bigger pages are refused (not truncated)
    max_redirects: int = 5
    max_listing_pages: int = 500  # archive/API pages walked to discover posts
    robots: bool = True
    cache: bool = True  # HTTP cache (ETag/Last-Modified) under raw/http-cache
    trust_modified: bool = True  # skip a post whose REST/Atom/sitemap "modified" matches the manifest
    contact: str | None = None
    user_agent: str = field(default="")

    def __post_init__(self) -> None:
        if not self.user_agent:
            object.__setattr__(self, "user_agent", default_user_agent(self.contact))
