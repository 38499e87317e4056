"""``crawl()``: discover a blog's posts, fetch the new or changed ones, keep them in raw/."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import CrawlConfig
from .discovery import DiscoveryError, discover
from .fetch import Fetcher, FetchResult
from .policies import Scope
from .store import RawStore

log = logging.getLogger(__name__)


@dataclass
class CrawlResult:
    start_url: str
    discovered: int = 0
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (url, reason): robots, scope, size
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason): HTTP errors, timeouts
    error: str | None = None  # the blog could not be listed at all
    requests: int = 0

    @property
    def ok(self) -> bool:
        """Every post was listed and saved (robots.txt refusals are the site's wish, not a failure)."""
        return self.error is None and not self.failed and not [r for r in self.refused if "robots" not in r[1]]


def crawl(
    start_url: str,
    raw_dir: Path,
    max_pages: int | None = None,
    delay: float = 1.0,
    *,
    config: CrawlConfig | None = None,
    store: RawStore | None = None,
) -> CrawlResult:
    """Save every new or changed post of the blog at ``start_url`` under ``raw_dir``.

    ``max_pages`` caps the posts fetched (not those listed). ``config`` overrides
    every other politeness setting; its ``delay`` wins over ``delay`` when given.
    """
    config = config or CrawlConfig(delay=delay)
    store = store or RawStore(Path(raw_dir))
    fetcher = Fetcher(config, cache_dir=Path(raw_dir) / "http-cache", scope=Scope.of(start_url))
    result = CrawlResult(start_url)
    try:
        try:
            posts = discover(fetcher, start_url)
        except DiscoveryError as exc:
            log.error("%s", exc)
            result.error = str(exc)
            return result
        result.discovered = len(posts)
        fetched = 0
        for post in posts:
            latest = store.latest(post.url)
            if latest is not None and config.trust_modified and post.modified and post.modified == latest.modified:
                result.unchanged.append(post.url)  # the blog says it has not changed: no request at all
                continue
            if max_pages is not None and fetched >= max_pages:
                break
            fetched += 1
            _fetch_post(fetcher, store, post.url, post.modified, result)
    finally:
        result.requests = fetcher.requests_made
        fetcher.close()
        store.flush(parquet=True)
    log.info("%s: %d listed, %d new, %d changed, %d unchanged, %d refused, %d failed", start_url, result.discovered,
             len(result.new), len(result.changed), len(result.unchanged), len(result.refused), len(result.failed))
    return result


def _fetch_post(fetcher: Fetcher, store: RawStore, url: str, modified: str, result: CrawlResult) -> None:
    latest = store.latest(url)
    headers = {}
    if latest is not None:
        # Our own validators as well as CacheControl's: its cache may be gone, the manifest is not.
        if latest.etag:
            headers["If-None-Match"] = latest.etag
        if latest.last_modified:
            headers["If-Modified-Since"] = latest.last_modified
    fetched: FetchResult = fetcher.get(url, headers=headers)
    if fetched.not_modified and latest is not None:
        store.touch(url, fetched, modified)
        result.unchanged.append(url)
    elif fetched.ok:
        outcome = store.save(url, fetched, modified)
        getattr(result, outcome).append(url)
        if outcome != "unchanged":
            log.info("%s %s", outcome, url)
    else:
        reason = fetched.error or f"HTTP {fetched.status}"
        store.record_failure(url, replace(fetched, error=reason))
        (result.refused if fetched.refused else result.failed).append((url, reason))
        log.warning("%s %s: %s", "refused" if fetched.refused else "failed", url, reason)
