"""Crawling the synthetic blog: discovery, politeness, faults, raw/ layout and versions."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest
from blogsite import BLOG, serve_blog
from pytest_httpserver import HTTPServer

from pipeline.crawl import CrawlConfig, crawl
from pipeline.crawl.encoding import decode_html
from pipeline.crawl.fetch import Fetcher
from pipeline.crawl.policies import HostThrottle, RetryPolicy, Scope, parse_retry_after
from pipeline.crawl.store import RawStore

# Tiny waits so the suite stays fast; the limits still bite on the fault pages.
FAST = CrawlConfig(delay=0, timeout=0.3, retries=2, backoff=0.01, max_bytes=100_000, max_retry_after=5)
GOOD = [
    "child-protection-improvement-programme-update-5",
    "child-protection-improvement-programme-update-6",
    "child-protection-improvement-programme-update-7",
    "child-protection-improvement-programme-update-8",
    "leadership-group-minutes-published",
]


def test_crawl_saves_every_post_and_handles_each_fault(tmp_path: Path) -> None:
    with serve_blog(faults=True) as blog:
        result = crawl(blog.base, tmp_path, config=FAST)

        assert sorted(result.new) == sorted(blog.url(blog.post(s)) for s in GOOD)
        assert result.discovered == 9
        refused = dict(result.refused)
        assert "out of scope" in refused[blog.url(blog.post("moved-update"))]
        assert "limit" in refused[blog.url(blog.post("annual-data-tables"))]
        assert "robots.txt" in refused[blog.url(blog.post("draft-notes"))]
        assert "timed out" in dict(result.failed)[blog.url(blog.post("slow-update"))]
        assert not result.ok

        # The off-site redirect was not followed and the disallowed post never asked for.
        assert not [r for r in blog.requests if "/elsewhere/" in r[1]]
        assert blog.hits(blog.post("draft-notes").path) == []
        # 500 then success: retried once. 429: retried after at least Retry-After seconds.
        assert len(blog.hits(blog.post(GOOD[1]).path)) == 2
        first, second = blog.hits(blog.post(GOOD[2]).path)
        assert second[0] - first[0] >= 0.95
        # The slow page was tried 1 + retries times, then given up.
        assert len(blog.hits(blog.post("slow-update").path)) == 3
        assert all(h["User-Agent"].startswith("bulletin-pipeline/") for _, _, h in blog.requests)

    manifest = pd.read_csv(tmp_path / "manifest.csv", keep_default_na=False)
    assert set(manifest.columns) >= {"url", "final_url", "fetched_at", "status", "etag", "last_modified", "sha256",
                                     "bytes", "state"}
    huge = manifest[manifest.url.str.contains("annual-data-tables")].iloc[0]
    assert (huge.state, huge.sha256, huge.path) == ("refused", "", "")
    assert "100000-byte limit" in huge.message
    saved = manifest[manifest.sha256 != ""]
    assert len(saved) == 5 and set(saved.state) == {"pending"}
    for row in saved.itertuples():
        assert (tmp_path / row.path).stat().st_size == row.bytes
    assert pd.read_parquet(tmp_path / "manifest.parquet").shape == manifest.shape
    assert (tmp_path / "http-cache").is_dir()


def test_second_crawl_sends_conditional_requests_and_saves_nothing(tmp_path: Path) -> None:
    with serve_blog(faults=False) as blog:
        crawl(blog.base, tmp_path, config=FAST)
        files_before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "pages").rglob("*.html"))
        blog.requests.clear()
        again = crawl(blog.base, tmp_path, config=FAST)

        assert sorted(again.unchanged) == sorted(blog.url(p) for p in blog.posts)
        assert again.new == again.changed == []
        post_requests = [h for _, path, h in blog.requests if any(path == p.path for p in blog.posts)]
        assert len(post_requests) == 5 and all("If-None-Match" in h for h in post_requests)
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "pages").rglob("*.html")) == files_before


def test_edited_post_is_kept_as_a_new_version(tmp_path: Path) -> None:
    with serve_blog(faults=False) as blog:
        crawl(blog.base, tmp_path, config=FAST)
        post = blog.post(GOOD[4])
        blog.edit(post.slug, "Update: the minutes of the April meeting will follow in May 2018.")
        result = crawl(blog.base, tmp_path, config=FAST)
        assert result.changed == [blog.url(post)]
        assert len(result.unchanged) == 4

    store = RawStore(tmp_path)
    old, new = store.versions(blog.url(post))
    assert (old.version, new.version) == (1, 2)
    assert old.sha256 != new.sha256 and new.state == "pending"
    assert b"April meeting" not in store.read(old) and b"April meeting" in store.read(new)


def test_windows_1252_page_is_decoded_from_its_http_charset(tmp_path: Path) -> None:
    with serve_blog(faults=False) as blog:
        crawl(blog.base, tmp_path, config=FAST)
        entry = RawStore(tmp_path).latest(blog.url(blog.post(GOOD[3])))
    assert entry is not None and "windows-1252" in entry.content_type
    raw = (tmp_path / entry.path).read_bytes()
    assert b"\x93quick wins\x94" in raw
    text = decode_html(raw, entry.content_type, entry.path)
    assert "Programme’s progress" in text and "2018 – with “quick wins”" in text


def test_rest_api_lists_posts_and_unmodified_posts_are_not_fetched_again(tmp_path: Path) -> None:
    with serve_blog(faults=False, rest=True) as blog:
        first = crawl(blog.base, tmp_path, config=FAST)
        assert len(first.new) == 5
        assert blog.hits(BLOG + "feed/") == [] and blog.hits(BLOG + "page/2/") == []
        blog.requests.clear()
        blog.edit(GOOD[0], "A late correction to the Systems Review dates.")
        second = crawl(blog.base, tmp_path, config=FAST)
        assert second.changed == [blog.url(blog.post(GOOD[0]))]
        post_paths = {p.path for p in blog.posts}
        assert [path for _, path, _ in blog.requests if path in post_paths] == [blog.post(GOOD[0]).path]


def test_max_pages_caps_the_posts_fetched(tmp_path: Path) -> None:
    with serve_blog(faults=False) as blog:
        result = crawl(blog.base, tmp_path, max_pages=2, config=FAST)
    assert len(result.new) == 2


def test_page_over_the_size_limit_is_refused_from_its_content_length(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/blog/big/").respond_with_data("x" * 50_000, content_type="text/html")
    fetcher = Fetcher(CrawlConfig(delay=0, max_bytes=10_000, cache=False), scope=Scope.of(httpserver.url_for("/blog/")))
    result = fetcher.get(httpserver.url_for("/blog/big/"))
    assert result.refused and "50000 bytes" in (result.error or "")


def test_unreadable_robots_txt_keeps_the_crawler_off_the_host(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("down", status=503)
    fetcher = Fetcher(CrawlConfig(delay=0, retries=0, cache=False))
    result = fetcher.get(httpserver.url_for("/blog/"))
    assert result.refused and "robots.txt unreadable" in (result.error or "")
    assert [r.path for r, _ in httpserver.log] == ["/robots.txt"]


def test_throttle_spaces_requests_to_one_host() -> None:
    throttle = HostThrottle(delay=0.15)
    started = time.monotonic()
    for _ in range(3):
        throttle.wait("http://127.0.0.1:1/a")
    throttle.wait("http://127.0.0.2:1/b")  # another host: no wait
    assert 0.3 <= time.monotonic() - started < 0.6


@pytest.mark.parametrize(
    ("attempt", "status", "retry_after", "expected"),
    [
        (0, 500, None, 1.0),
        (2, 503, None, 4.0),
        (0, 429, "3", 3.0),
        (0, 429, "600", None),  # longer than max_retry_after: give up rather than hang
        (3, 500, None, None),  # out of retries
        (0, 404, None, None),  # not worth retrying
    ],
    ids=["backoff", "doubles", "retry-after", "too-long", "exhausted", "not-retryable"],
)
def test_retry_policy(attempt: int, status: int, retry_after: str | None, expected: float | None) -> None:
    policy = RetryPolicy(retries=3, backoff=1.0, max_retry_after=120)
    assert policy.wait_for(attempt, status, retry_after) == expected


def test_retry_after_as_http_date() -> None:
    when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 30))
    assert 25 <= (parse_retry_after(when) or 0) <= 31


@pytest.mark.parametrize(
    ("url", "inside"),
    [
        ("https://blogs.example.org/cpip/2018/01/25/update-7/", True),
        ("https://blogs.example.org/cpip", True),
        ("https://blogs.example.org/other-blog/2018/01/25/x/", False),
        ("https://elsewhere.example.org/cpip/x/", False),
        ("http://blogs.example.org/cpip/x/", False),
    ],
    ids=["post", "root-without-slash", "other-path", "other-host", "other-scheme"],
)
def test_scope(url: str, inside: bool) -> None:
    assert Scope.of("https://blogs.example.org/cpip/").contains(url) is inside
