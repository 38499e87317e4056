"""HTML cleaner: WordPress profile, trafilatura fallback, metadata helpers, tidying rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.clean import clean_document
from pipeline.clean.html import clean_html, drop_sign_off, drop_title_and_kicker, is_furniture, parse_html
from pipeline.clean.metadata import date_from_url, parse_byline, parse_date, strip_site_suffix
from pipeline.clean.profiles import choose_profile
from pipeline.errors import InputError
from pipeline.records import Block, Bulletin, RawDocument

DATA = Path(__file__).parent / "data" / "html"
SAMPLES = Path(__file__).parents[1] / "raw" / "sample"


def clean_fixture(name: str, **hints: object) -> Bulletin:
    path = DATA / name
    return clean_html(RawDocument(source=str(path), media="html", body=path.read_text(encoding="utf-8"), **hints))


@pytest.fixture(scope="module")
def no_author_post() -> Bulletin:
    return clean_fixture("wordpress-no-author.html")


# --- WordPress profile --------------------------------------------------------------------------------


def test_wordpress_metadata(no_author_post: Bulletin) -> None:
    assert no_author_post.title == "Youth Justice Programme – Update #3"
    assert no_author_post.published == dt.date(2019, 4, 3)
    assert no_author_post.author is None  # "by No Comments": the byline names nobody
    assert no_author_post.categories == ("Uncategorized",)
    assert no_author_post.url == "https://blogs.example.scot/youth-justice/2019/04/03/youth-justice-programme-update-3/"


def test_wordpress_author_and_categories_from_links() -> None:
    post = clean_fixture("wordpress-author.html")
    assert (post.title, post.published, post.author) == ("Listening to carers", dt.date(2019, 7, 9), "Niamh Doherty")
    assert post.categories == ("Carers", "Health and Social Care")
    assert post.text.endswith("before the new term starts in August.")  # "Niamh Doherty, Head of ..." is a sign-off


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Programme Board", 2),  # an <h1> inside the body is a section heading
        ("Guidance", 2),
        ("Timetable", 3),
        ("Consultation", 4),
        ("Easy read version", 4),  # <h5> -> 4
    ],
    ids=["h1-in-body", "h2", "h3", "h4", "h5"],
)
def test_wordpress_heading_levels(no_author_post: Bulletin, text: str, level: int) -> None:
    headings = {b.text: b.level for b in no_author_post.blocks if b.kind == "heading"}
    assert headings[text] == level


def test_wordpress_list_items_nested_lists_flattened(no_author_post: Bulletin) -> None:
    items = [b.text for b in no_author_post.blocks if b.kind == "list_item"]
    assert items == [
        "early and effective intervention, due in May 2019;",
        "diversion from prosecution, with two parts:",
        "a practice note for reporters;",
        "a leaflet for families.",
        "the Secure Care Pathway.",
    ]


def test_wordpress_links_have_offsets_into_text(no_author_post: Bulletin) -> None:
    links = {link.text: link for link in no_author_post.links}
    assert set(links) == {"Programme Board", "Secure Care Pathway"}
    board = links["Programme Board"]
    assert board.url == "https://blogs.example.scot/board/"  # made absolute against the canonical URL
    assert no_author_post.text[board.start : board.end] == "Programme Board"


@pytest.mark.parametrize(
    "furniture",
    [
        "Youth Justice Programme – Update #3",  # the title
        "April 3, 2019",  # the byline
        "Comments",
        "Leave a comment",
        "Share this",
        "Twitter",
        "privacy notice",
        "We use cookies",
        "Recent Posts",
        "Archives",
        "Board members at the March meeting",  # image caption
        "Youth Justice Team",  # sign-off
        "Scottish Government",
        "Crown copyright",
    ],
)
def test_wordpress_furniture_is_not_body(no_author_post: Bulletin, furniture: str) -> None:
    assert furniture not in no_author_post.text


def test_wordpress_body_ends_with_last_real_paragraph(no_author_post: Bulletin) -> None:
    assert no_author_post.blocks[-1].text == "An easy read version will be produced with Who Cares? Scotland."


def test_profile_needs_wordpress_fingerprint() -> None:
    """A news site reusing WordPress class names without being WordPress goes to the fallback."""
    lookalike = (
        '<html><body><article class="post"><div class="entry-content"><p>Text.</p></div></article></body></html>'
    )
    genuine = lookalike.replace("<body>", '<body><link rel="stylesheet" href="/wp-content/themes/a/style.css">')
    assert choose_profile(parse_html(lookalike)) is None
    assert choose_profile(parse_html(genuine)) is not None


# --- trafilatura fallback -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def news_release() -> Bulletin:
    return clean_fixture("news-release.html")


def test_fallback_body(news_release: Bulletin) -> None:
    kinds = [(b.kind, b.level) for b in news_release.blocks]
    assert ("heading", 2) in kinds
    assert next(b.text for b in news_release.blocks if b.kind == "list_item") == (
        "four hubs in the west, led by the Ayrshire partnership;"
    )
    assert news_release.text.startswith("Twelve new family support hubs")  # no kicker ("News"), no headline
    for furniture in ("Related news", "We use some essential cookies", "Crown Copyright", "Part of:"):
        assert furniture not in news_release.text


def test_fallback_title_drops_site_suffix(news_release: Bulletin) -> None:
    assert news_release.title == "Funding for family support hubs"
    assert news_release.published is None  # the page gives no date and no URL


def test_fallback_links(news_release: Bulletin) -> None:
    (link,) = news_release.links
    assert link.text == "Family Support Delivery Plan"
    assert news_release.text[link.start : link.end] == link.text


def test_published_from_url_path() -> None:
    bulletin = clean_fixture("news-release.html", url="https://www.example.scot/news/2021/11/05/family-hubs/")
    assert bulletin.published == dt.date(2021, 11, 5)


def test_hints_win_over_page() -> None:
    hints = {
        "url": "https://archive.example.org/post-88",
        "title": "Update 3 (archived copy)",
        "published": dt.date(2019, 4, 4),
        "author": "Archive Editor",
    }
    bulletin = clean_fixture("wordpress-no-author.html", **hints)
    assert (bulletin.url, bulletin.title, bulletin.published, bulletin.author) == tuple(hints.values())


# --- bad input ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["no-body.html", "furniture-only.html"], ids=["no-body", "furniture-only"])
def test_page_without_body_text_raises(name: str) -> None:
    with pytest.raises(InputError) as error:
        clean_fixture(name)
    assert error.value.stage == "clean"
    assert "no body text" in error.value.reason


def test_dispatcher_routes_html_here() -> None:
    path = DATA / "wordpress-author.html"
    bulletin = clean_document(RawDocument(source=str(path), media="html", body=path.read_text(encoding="utf-8")))
    assert bulletin.author == "Niamh Doherty"


# --- sample archive ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "published", "author"),
    [
        ("2018-03-14-cpip-update-8.html", "Child Protection Improvement Programme – Update #8", "2018-03-14", None),
        ("2018-05-02-cpip-update-9.html", "Child Protection Improvement Programme – Update #9", "2018-05-02",
         "Alasdair Munro"),
        ("2018-06-20-leadership-group-minutes.html",
         "National Child Protection Leadership Group – minutes of 30 May 2018", "2018-06-20", None),
        ("2018-08-09-cpip-update-10.html", "Child Protection Improvement Programme – Update #10", "2018-08-09", None),
        ("2018-10-31-cswa-highland-visits.html", "What I heard in the Highlands", "2018-10-31", "Iona Macrae"),
        ("2018-11-22-news-child-trafficking-strategy.html", "New strategy to protect children from trafficking",
         "2018-11-22", None),
    ],
    ids=["update-8", "update-9", "minutes", "update-10", "cswa", "news-release"],
)  # fmt: skip
def test_sample_pages(name: str, title: str, published: str, author: str | None) -> None:
    path = SAMPLES / name
    bulletin = clean_html(RawDocument(source=str(path), media="html", body=path.read_text(encoding="utf-8")))
    assert (bulletin.title, bulletin.published, bulletin.author) == (title, dt.date.fromisoformat(published), author)
    for furniture in ("Share this", "Leave a comment", "privacy notice", "Recent Posts", "Policy Team", "cookies"):
        assert furniture not in bulletin.text


# --- metadata helpers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "published", "author", "categories"),
    [
        ("January 25, 2018 by No Comments | Category Uncategorized", dt.date(2018, 1, 25), None, ("Uncategorized",)),
        ("January 25, 2018 by Jane Smith No Comments | Category Uncategorized", dt.date(2018, 1, 25), "Jane Smith",
         ("Uncategorized",)),
        ("Posted on 3 March 2018 by Sam Reid 2 Comments | Categories Children, Justice", dt.date(2018, 3, 3),
         "Sam Reid", ("Children", "Justice")),
        ("14th Sept 2018", dt.date(2018, 9, 14), None, ()),
        ("", None, None, ()),
    ],
    ids=["no-author", "author", "posted-on-two-categories", "date-only", "empty"],
)  # fmt: skip
def test_parse_byline(byline: str, published: dt.date | None, author: str | None, categories: tuple[str, ...]) -> None:
    parsed = parse_byline(byline)
    assert (parsed.published, parsed.author, parsed.categories) == (published, author, categories)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://blogs.gov.scot/cpip/2018/01/25/update-7/", dt.date(2018, 1, 25)),
        ("https://example.org/news/2019/4/3", dt.date(2019, 4, 3)),
        ("https://example.org/2018/02/31/no-such-day/", None),
        ("https://example.org/2018/02/", None),
        (None, None),
    ],
    ids=["wordpress-permalink", "unpadded-no-slash", "impossible-date", "month-archive", "no-url"],
)
def test_date_from_url(url: str | None, expected: dt.date | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-01-25T09:00:00+00:00", dt.date(2018, 1, 25)),
        ("January 25, 2018", dt.date(2018, 1, 25)),
        ("25 Jan 2018", dt.date(2018, 1, 25)),
        ("March 2018", None),  # no day: not a publication date
        ("3 Marching 2018", None),
    ],
    ids=["iso", "us-written", "uk-abbreviated", "month-only", "not-a-month"],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Update #7 – Child Protection Improvement Programme", None, "Update #7"),
        ("Programme – Update #7 | gov.scot", "gov.scot", "Programme – Update #7"),
        ("Just a title", None, "Just a title"),
    ],
    ids=["dash-suffix", "named-site", "no-suffix"],
)
def test_strip_site_suffix(title: str, site: str | None, expected: str) -> None:
    assert strip_site_suffix(title, site) == expected


# --- tidying rules ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leave a comment", True),
        ("3 Comments", True),
        ("Share this:", True),
        ("Your email address will not be published. Required fields are marked *", True),
        ("The group will comment on the draft privacy notice in May.", False),
        ("Related work on neglect continues in three areas.", False),
    ],
    ids=["leave-comment", "comment-count", "share", "email-notice", "prose-privacy", "prose-related"],
)
def test_is_furniture(text: str, expected: bool) -> None:
    assert is_furniture(text) is expected


def _paragraphs(*texts: str) -> list[Block]:
    return [Block("paragraph", t) for t in texts]


@pytest.mark.parametrize(
    ("blocks", "kept"),
    [
        (_paragraphs("The group met in May.", "Child Protection Policy Team", "Scottish Government"), 1),
        (_paragraphs("The group met in May.", "Thank you all."), 2),  # punctuated: body, not sign-off
        ([*_paragraphs("The group met."), Block("heading", "Contact", 2), *_paragraphs("Email: team@example.org")], 1),
        ([*_paragraphs("The group met."), Block("list_item", "Jane Doe, Chair")], 2),  # list items are body
        (_paragraphs("Home"), 0),  # nothing but a navigation word: not a bulletin
    ],
    ids=["team-and-organisation", "punctuated-thanks", "contact-section", "list-item", "only-furniture"],
)
def test_drop_sign_off(blocks: list[Block], kept: int) -> None:
    assert len(drop_sign_off(blocks)) == kept


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        ([*_paragraphs("News"), Block("heading", "Hubs open", 2), *_paragraphs("Twelve hubs open.")],
         ["Twelve hubs open."]),
        ([*_paragraphs("Hubs open!", "Twelve hubs open.")], ["Twelve hubs open."]),  # punctuation differs
        ([*_paragraphs("A long opening sentence.", "Hubs open", "More.")], ["A long opening sentence.", "More."]),
        ([*_paragraphs("Twelve hubs open.", "More.")], ["Twelve hubs open.", "More."]),
    ],
    ids=["kicker-and-headline", "headline-only", "headline-after-prose", "no-headline"],
)  # fmt: skip
def test_drop_title_and_kicker(blocks: list[Block], expected: list[str]) -> None:
    assert [b.text for b in drop_title_and_kicker(blocks, "Hubs open")] == expected


# --- regression snapshot ---------------------------------------------------------------------------------------

SNAPSHOT = DATA / "expected" / "clean-html-snapshot.json"
SNAPSHOT_PAGES = sorted([*SAMPLES.glob("*.html"), *DATA.glob("*.html")])


def snapshot_of(path: Path) -> dict[str, object]:
    """What the cleaner extracts from one page, as JSON: the fields a speed-up must not change."""
    raw = RawDocument(source=path.name, media="html", body=path.read_text(encoding="utf-8"))
    try:
        bulletin = clean_html(raw)
    except InputError as error:
        return {"error": error.reason}
    return {
        "url": bulletin.url,
        "title": bulletin.title,
        "published": bulletin.published.isoformat() if bulletin.published else None,
        "author": bulletin.author,
        "categories": list(bulletin.categories),
        "blocks": [[b.kind, b.text, b.level, b.start, b.end] for b in bulletin.blocks],
        "links": [[link.text, link.url, link.start, link.end] for link in bulletin.links],
    }


def write_snapshot() -> None:
    """Record the snapshot (only when the cleaner's output is MEANT to change): ``python -c 'import
    tests.test_clean_html as t; t.write_snapshot()'``."""
    pages = {f"{p.parent.name}/{p.name}": snapshot_of(p) for p in SNAPSHOT_PAGES}
    SNAPSHOT.write_text(json.dumps(pages, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.mark.parametrize("path", SNAPSHOT_PAGES, ids=lambda p: p.name)
def test_output_matches_snapshot(path: Path) -> None:
    """Every sample and fixture page cleans exactly as recorded (guards refactors and speed-ups)."""
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[f"{path.parent.name}/{path.name}"]
    assert snapshot_of(path) == expected
