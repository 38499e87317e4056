"""Politeness as small switchable pieces (like Scrapy's downloader middlewares).

Each check answers "may we request this URL?" with ``None`` (yes) or a reason;
the throttle and the retry policy say how long to wait. ``Fetcher`` runs them
in order and any of them can be left out.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from protego import Protego

log = logging.getLogger(__name__)


class Check(Protocol):
    def refuse(self, url: str) -> str | None:
        """A reason not to request ``url``, or None."""


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


@dataclass(frozen=True)
class Scope:
    """Stay on one host and under one path: the blog, not the whole site. Applies to every redirect hop too."""

    host: str  # scheme://netloc
    path_prefix: str = "/"

    @classmethod
    def of(cls, start_url: str) -> Scope:
        path = urlsplit(start_url).path or "/"
        if not path.endswith("/"):  # /blog/index.php -> /blog/
            path = path.rsplit("/", 1)[0] + "/"
        return cls(host_of(start_url), path)

    def contains(self, url: str) -> bool:
        if host_of(url) != self.host:
            return False
        path = urlsplit(url).path or "/"
        return path.startswith(self.path_prefix) or path + "/" == self.path_prefix

    def refuse(self, url: str) -> str | None:
        return None if self.contains(url) else f"out of scope ({self.host}{self.path_prefix})"


class RobotsPolicy:
    """robots.txt via protego, read once per host.

    A missing robots.txt (4xx) allows everything; one that cannot be read (5xx,
    network) disallows the host for this run, as RFC 9309 asks.
    """

    def __init__(self, fetch_text: Callable[[str], tuple[int, str]], token: str) -> None:
        self._fetch_text = fetch_text
        self._token = token
        self._parsers: dict[str, Protego | None] = {}

    def _parser(self, url: str) -> Protego | None:
        host = host_of(url)
        if host not in self._parsers:
            status, text = self._fetch_text(host + "/robots.txt")
            if status == 200:
                self._parsers[host] = Protego.parse(text)
            elif 400 <= status < 500:
                self._parsers[host] = Protego.parse("")
            else:
                log.warning("robots.txt of %s unreadable (status %s): not crawling that host", host, status)
                self._parsers[host] = None
        return self._parsers[host]

    def refuse(self, url: str) -> str | None:
        parser = self._parser(url)
        if parser is None:
            return "robots.txt unreadable"
        return None if parser.can_fetch(url, self._token) else "disallowed by robots.txt"

    def crawl_delay(self, url: str) -> float | None:
        parser = self._parser(url)
        delay = parser.crawl_delay(self._token) if parser is not None else None
        return float(delay) if delay is not None else None

    def sitemaps(self, url: str) -> list[str]:
        parser = self._parser(url)
        return list(parser.sitemaps) if parser is not None else []


@dataclass
class HostThrottle:
    """At least ``delay`` seconds between the starts of two requests to one host."""

    delay: float
    per_host: dict[str, float] = field(default_factory=dict)  # robots.txt Crawl-delay overrides
    _last: dict[str, float] = field(default_factory=dict)

    def wait(self, url: str) -> None:
        host = host_of(url)
        delay = max(self.delay, self.per_host.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()


RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Retry 429 and 5xx (and timeouts) with exponential backoff, honouring Retry-After."""

    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0

    def wait_for(self, attempt: int, status: int | None, retry_after: str | None) -> float | None:
        """Seconds to wait before try ``attempt + 1``; None when we should give up."""
        if attempt >= self.retries or (status is not None and status not in RETRY_STATUSES):
            return None
        wait = self.backoff * (2**attempt)
        if retry_after:
            asked = parse_retry_after(retry_after)
            if asked is not None:
                if asked > self.max_retry_after:
                    return None
                wait = max(wait, asked)
        return wait


def parse_retry_after(value: str) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
