"""A small WordPress-like blog served by pytest-httpserver, with the faults a real crawl meets.

Every text here is invented for the tests. The blog lives under a path, as the
real one does (``/child-protection-improvement-programme/``), and serves:

- archive pages (3 posts each, "Older posts" link) at ``BLOG`` and ``BLOG/page/N/``;
- an RSS feed at ``BLOG/feed/`` and, when ``rest=True``, the WP REST API;
- ``/robots.txt`` (one post disallowed);
- posts in the WordPress layout (``h1.entry-title``, ``time.entry-date``, ``div.entry-content``),
  with an ETag, answering ``If-None-Match`` with 304;
- faults, when ``faults=True``: a 500 then success, a 429 with Retry-After then success, a slow
  page, an off-site redirect, a huge page and a page in Windows-1252.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

BLOG = "/child-protection-improvement-programme/"
PER_PAGE = 3


@dataclass
class Post:
    slug: str
    date: dt.date
    title: str
    author: str
    sections: list[tuple[str, list[str]]]  # (h2 heading or "", paragraphs)
    charset: str = "utf-8"
    fault: str = ""  # "", "flaky", "ratelimited", "slow", "moved", "huge", "private"

    @property
    def path(self) -> str:
        return f"{BLOG}{self.date:%Y/%m/%d}/{self.slug}/"

    def html(self) -> str:
        body = []
        for heading, paragraphs in self.sections:
            if heading:
                body.append(f"<h2>{html.escape(heading)}</h2>")
            body += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
        if self.fault == "huge":
            body.append("<p>" + "Appendix table row. " * 20_000 + "</p>")
        content = "\n".join(body)
        return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="{self.charset}">
<title>{html.escape(self.title)} – Child Protection Improvement Programme</title></head>
<body class="single single-post">
<header class="site-header"><p class="site-title">Child Protection Improvement Programme</p>
<nav><a href="{BLOG}">Home</a> <a href="{BLOG}about/">About</a></nav></header>
<main id="main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">{html.escape(self.title)}</h1>
<div class="entry-meta">Posted by <span class="author vcard">{html.escape(self.author)}</span> on
<time class="entry-date published" datetime="{self.date.isoformat()}">{self.date:%-d %B %Y}</time>
in <a href="{BLOG}category/child-protection/" rel="category tag">Child protection</a></div></header>
<div class="entry-content">
{content}
</div></article></main>
<footer class="site-footer"><p>Tags: child protection, improvement programme</p></footer>
</body></html>
"""


def default_posts() -> list[Post]:
    return [
        Post("child-protection-improvement-programme-update-5", dt.date(2017, 9, 14),
             "Child Protection Improvement Programme – Update #5", "Programme Team", [
                 ("", ["Welcome to the fifth update on the Child Protection Improvement Programme."]),
                 ("Systems Review", ["The Systems Review group met on 30 August 2017 in Glasgow and agreed its "
                                     "terms of reference for the autumn."]),
             ]),
        Post("child-protection-improvement-programme-update-6", dt.date(2017, 11, 2),
             "Child Protection Improvement Programme – Update #6", "Programme Team", [
                 ("", ["This update covers the National Child Protection Leadership Group and the data work."]),
                 ("Leadership Group", ["The Leadership Group, chaired by the Minister for Childcare and Early Years, "
                                       "will next meet on 21 November 2017."]),
                 ("Data and evidence", ["The Care Inspectorate published its review of child protection data "
                                        "in October 2017."]),
             ], fault="flaky"),
        Post("child-protection-improvement-programme-update-7", dt.date(2018, 1, 25),
             "Child Protection Improvement Programme – Update #7", "Programme Team", [
                 ("", ["Happy New Year and welcome to the seventh update."]),
                 ("Neglect", ["The Neglect Improvement Programme, run with CELCIS, moves into its second phase "
                              "in February 2018."]),
             ], fault="ratelimited"),
        Post("child-protection-improvement-programme-update-8", dt.date(2018, 3, 8),
             "Child Protection Improvement Programme – Update #8", "Programme Team", [
                 ("", ["This update reports on the Child Protection Improvement Programme’s progress in the "
                       "first quarter of 2018 – with “quick wins” on guidance."]),
                 ("National Guidance", ["A refreshed National Guidance for Child Protection in Scotland will be "
                                        "consulted on in the summer of 2018."]),
             ], charset="windows-1252"),
        Post("leadership-group-minutes-published", dt.date(2018, 4, 19),
             "Leadership Group minutes published", "Policy Officer", [
                 ("", ["The minutes of the National Child Protection Leadership Group meeting of 27 March 2018 "
                       "are now available."]),
             ]),
    ]


def fault_posts() -> list[Post]:
    """Listed in the archive like any post; each one misbehaves in its own way."""
    return [
        Post("slow-update", dt.date(2018, 5, 3), "A slow page", "Programme Team", [("", ["Slow."])], fault="slow"),
        Post("moved-update", dt.date(2018, 5, 10), "A moved page", "Programme Team", [("", ["Moved."])],
             fault="moved"),
        Post("annual-data-tables", dt.date(2018, 5, 17), "Annual data tables", "Statistician",
             [("", ["Tables."])], fault="huge"),
        Post("draft-notes", dt.date(2018, 5, 24), "Draft notes", "Programme Team", [("", ["Not for robots."])],
             fault="private"),
    ]


@dataclass
class BlogSite:
    server: HTTPServer
    posts: list[Post]
    rest: bool = False
    slow_seconds: float = 0.6
    retry_after: str = "1"
    # (monotonic time, path+query, request headers) of every request, in order
    requests: list[tuple[float, str, dict[str, str]]] = field(default_factory=list)
    _seen: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return self.server.url_for(BLOG)

    def url(self, post: Post) -> str:
        return self.server.url_for(post.path)

    def post(self, slug: str) -> Post:
        return next(p for p in self.posts if p.slug == slug)

    def hits(self, path: str) -> list[tuple[float, str, dict[str, str]]]:
        return [r for r in self.requests if r[1].split("?")[0] == path]

    def edit(self, slug: str, paragraph: str) -> None:
        """The blog's editor adds a paragraph to a published post."""
        post = self.post(slug)
        heading, paragraphs = post.sections[-1]
        post.sections[-1] = (heading, [*paragraphs, paragraph])

    # -- the server side ----------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        full = request.full_path.rstrip("?")
        with self._lock:
            self.requests.append((time.monotonic(), full, dict(request.headers)))
            count = self._seen[full] = self._seen.get(full, 0) + 1
        path = request.path
        if path == "/robots.txt":
            return Response(f"User-agent: *\nDisallow: {BLOG}2018/05/24/\n", content_type="text/plain")
        if path == BLOG or re.fullmatch(re.escape(BLOG) + r"page/\d+/", path):
            return self._archive(path)
        if path == BLOG + "feed/":
            return self._feed()
        if path.startswith(BLOG + "wp-json/") and self.rest:
            return self._rest(request)
        post = next((p for p in self.posts if p.path == path), None)
        if post is None:
            return Response("<h1>Not found</h1>", status=404, content_type="text/html")
        return self._post(post, request, count)

    def _listed(self) -> list[Post]:
        return sorted(self.posts, key=lambda p: p.date, reverse=True)

    def _archive(self, path: str) -> Response:
        match = re.search(r"page/(\d+)/", path)
        number = int(match.group(1)) if match else 1
        posts = self._listed()[(number - 1) * PER_PAGE : number * PER_PAGE]
        if not posts:
            return Response("<h1>Nothing found</h1>", status=404, content_type="text/html")
        items = "\n".join(
            f'<article class="post"><h2 class="entry-title"><a href="{p.path}" rel="bookmark">'
            f"{html.escape(p.title)}</a></h2><p>{html.escape(p.sections[0][1][0])}</p></article>"
            for p in posts
        )
        older = ""
        if number * PER_PAGE < len(self.posts):
            older = f'<div class="nav-previous"><a href="{BLOG}page/{number + 1}/">Older posts</a></div>'
        page = (f'<html><head><meta charset="utf-8"><title>CPIP</title></head><body>'
                f'<a href="{BLOG}category/child-protection/">Child protection</a>{items}{older}</body></html>')
        return Response(page, content_type="text/html; charset=UTF-8")

    def _feed(self) -> Response:
        items = "".join(
            f"<item><title>{html.escape(p.title)}</title><link>{self.url(p)}</link>"
            f"<pubDate>{p.date:%a, %d %b %Y} 09:00:00 +0000</pubDate></item>"
            for p in self._listed()[:PER_PAGE]
        )
        rss = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>CPIP</title>'
               f"<link>{self.base}</link>{items}</channel></rss>")
        return Response(rss, content_type="application/rss+xml; charset=UTF-8")

    def _rest(self, request: Request) -> Response:
        page = int(request.args.get("page", "1"))
        per_page = int(request.args.get("per_page", "10"))
        posts = self._listed()
        chunk = posts[(page - 1) * per_page : page * per_page]
        if not chunk:
            return Response(json.dumps({"code": "rest_post_invalid_page_number"}), status=400,
                            content_type="application/json")
        items = [{"link": self.url(p), "modified_gmt": self._modified(p)} for p in chunk]
        pages = -(-len(posts) // per_page)
        return Response(json.dumps(items), content_type="application/json",
                        headers={"X-WP-Total": str(len(posts)), "X-WP-TotalPages": str(pages)})

    def _modified(self, post: Post) -> str:
        # Changes whenever the post's text does, as WordPress's modified_gmt does on an edit.
        digest = int(hashlib.sha1(post.html().encode()).hexdigest()[:6], 16) % 86400
        return f"{post.date.isoformat()}T{digest // 3600:02d}:{digest // 60 % 60:02d}:{digest % 60:02d}"

    def _post(self, post: Post, request: Request, count: int) -> Response:
        if post.fault == "flaky" and count == 1:
            return Response("<h1>Internal Server Error</h1>", status=500, content_type="text/html")
        if post.fault == "ratelimited" and count == 1:
            return Response("Too many requests", status=429, headers={"Retry-After": self.retry_after})
        if post.fault == "slow":
            time.sleep(self.slow_seconds)
        if post.fault == "moved":
            host, port = self.server.host, self.server.port
            other = "localhost" if host != "localhost" else "127.0.0.1"  # same machine, another host name
            return Response("", status=301, headers={"Location": f"http://{other}:{port}/elsewhere/{post.slug}/"})
        body = post.html().encode(post.charset)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        content_type = f"text/html; charset={post.charset}"
        if post.fault == "huge":  # streamed without Content-Length: the limit must hold while reading
            return Response(iter([body[i : i + 8192] for i in range(0, len(body), 8192)]), content_type=content_type)
        return Response(body, content_type=content_type, headers={"ETag": etag})


@contextlib.contextmanager
def serve_blog(*, faults: bool = True, rest: bool = False) -> Iterator[BlogSite]:
    server = HTTPServer(host="127.0.0.1", threaded=True)  # threaded: a slow page must not block the others
    server.start()
    try:
        site = BlogSite(server, default_posts() + (fault_posts() if faults else []), rest=rest)
        if not faults:
            for post in site.posts:
                post.fault = ""
        server.expect_request(re.compile(".*")).respond_with_handler(site.handle)
        yield site
    finally:
        server.clear()
        server.stop()
