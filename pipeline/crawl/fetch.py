"""One HTTP session for the crawler: cache, scope, robots, throttle, retries, size limit.

Redirects are followed by hand so that every hop passes the same checks as the
first request: an off-site redirect is refused, not followed.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import requests
from cachecontrol import CacheControl
from cachecontrol.caches.file_cache import FileCache

from .config import ROBOTS_TOKEN, CrawlConfig
from .policies import RETRY_STATUSES, Check, HostThrottle, RetryPolicy, RobotsPolicy, Scope, host_of

log = logging.getLogger(__name__)


@dataclass
class FetchResult:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int = 0  # 0 when no response came
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str = ""
    from_cache: bool = False
    error: str | None = None  # why there is no usable body
    refused: bool = False  # a policy said no (scope, robots, size), as opposed to a failure

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200 and self.body is not None

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class TooLarge(Exception):
    pass


def build_session(config: CrawlConfig, cache_dir: Path | None) -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = config.user_agent
    if config.cache and cache_dir is not None:
        # CacheControl stores validators and bodies and revalidates with If-None-Match itself.
        session = CacheControl(session, cache=FileCache(str(cache_dir)))
    return session


class Fetcher:
    def __init__(self, config: CrawlConfig, *, cache_dir: Path | None = None, scope: Scope | None = None) -> None:
        self.config = config
        self.session = build_session(config, cache_dir)
        self.throttle = HostThrottle(config.delay)
        self.retry = RetryPolicy(config.retries, config.backoff, config.max_retry_after)
        self.robots = RobotsPolicy(self._robots_text, ROBOTS_TOKEN) if config.robots else None
        self.checks: list[Check] = [c for c in (scope, self.robots) if c is not None]
        self.requests_made = 0

    def close(self) -> None:
        self.session.close()

    def _robots_text(self, url: str) -> tuple[int, str]:
        result = self._attempts(url, {})
        if result.status == 200 and result.body is not None:
            return 200, result.body.decode("utf-8", errors="replace")
        return result.status or 599, ""

    def get(self, url: str, headers: dict[str, str] | None = None) -> FetchResult:
        """GET ``url`` after every check; follow redirects that pass the checks too."""
        current = url
        for _hop in range(self.config.max_redirects + 1):
            for check in self.checks:
                reason = check.refuse(current)
                if reason:
                    log.info("refused %s: %s", current, reason)
                    return FetchResult(url, current, error=f"{reason}: {current}", refused=True, fetched_at=utc_now())
            if self.robots is not None:
                delay = self.robots.crawl_delay(current)
                if delay is not None:
                    self.throttle.per_host.setdefault(host_of(current), delay)
            result = self._attempts(current, headers or {})
            result.url = url
            location = result.headers.get("location")
            if result.error is None and result.status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)
                continue
            return result
        return FetchResult(url, current, error="too many redirects", fetched_at=utc_now())

    def _attempts(self, url: str, headers: dict[str, str]) -> FetchResult:
        attempt = 0
        while True:
            result = self._once(url, headers)
            retryable = not result.refused and (result.error is not None or result.status in RETRY_STATUSES)
            wait = None
            if retryable:
                wait = self.retry.wait_for(attempt, result.status or None, result.headers.get("retry-after"))
            if wait is None:
                if result.error is None and result.status >= 400:
                    result.error = f"HTTP {result.status}"
                if attempt and result.error:
                    result.error += f" after {attempt + 1} tries"
                return result
            log.info("retrying %s in %.2f s (%s)", url, wait, result.error or f"HTTP {result.status}")
            time.sleep(wait)
            attempt += 1

    def _once(self, url: str, headers: dict[str, str]) -> FetchResult:
        self.throttle.wait(url)
        self.requests_made += 1
        fetched_at = utc_now()
        timeout = self.config.timeout
        try:
            with self.session.get(url, headers=headers, stream=True, timeout=(timeout, timeout),
                                  allow_redirects=False) as resp:
                info = {k.lower(): v for k, v in resp.headers.items()}
                result = FetchResult(url, url, resp.status_code, headers=info, fetched_at=fetched_at,
                                     from_cache=bool(getattr(resp, "from_cache", False)))
                if resp.status_code == 200:
                    result.body = self._read_body(resp)
                return result
        except TooLarge as exc:
            return FetchResult(url, url, error=str(exc), refused=True, fetched_at=fetched_at)
        except requests.Timeout:
            return FetchResult(url, url, error=f"timed out after {timeout:g} s", fetched_at=fetched_at)
        except requests.RequestException as exc:
            return FetchResult(url, url, error=f"{type(exc).__name__}: {exc}", fetched_at=fetched_at)

    def _read_body(self, resp: requests.Response) -> bytes:
        limit = self.config.max_bytes
        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLarge(f"page of {declared} bytes is over the {limit}-byte limit")
        deadline = time.monotonic() + self.config.max_seconds
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_content(64 * 1024):
            size += len(chunk)
            if size > limit:
                raise TooLarge(f"page is over the {limit}-byte limit")
            if time.monotonic() > deadline:
                raise requests.Timeout(f"download took over {self.config.max_seconds:g} s")
            chunks.append(chunk)
        return b"".join(chunks)
