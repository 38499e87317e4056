"""Reading inputs: every input kind, decoding, and one ErrorRecord per bad input (fixtures in tests/data/inputs)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from pipeline import sources
from pipeline.records import ErrorRecord, RawDocument
from pipeline.sources import iter_documents

INPUTS = Path(__file__).parent / "data" / "inputs"
GOOD = INPUTS / "good"
BAD = INPUTS / "bad"


def _by_name(records: list[RawDocument | ErrorRecord]) -> dict[str, RawDocument | ErrorRecord]:
    return {
        Path(r.source.split("#")[0]).name + ("#" + r.source.split("#")[1] if "#" in r.source else ""): r
        for r in records
    }


def test_folder_walk_is_sorted_recursive_and_skips_hidden_manifest_and_unknown_types() -> None:
    sources_seen = [r.source for r in iter_documents([GOOD])]
    names = [Path(s).relative_to(GOOD).as_posix() for s in sources_seen]
    assert names == [
        "blog-update.txt",
        "nested/page-latin1.htm",
        "page.html",
        "records.jsonl#1",
        "records.jsonl#3",  # line 2 is blank: N is the line number, so errors point at the right line
        "release.json",
        "utf16.txt",
        "utf8-bom.txt",
        "windows-1252.txt",
    ]


def test_folder_walk_yields_no_errors_for_good_inputs() -> None:
    assert not [r for r in iter_documents([GOOD]) if isinstance(r, ErrorRecord)]


@pytest.mark.parametrize(
    ("name", "media", "url", "title", "published", "author", "body_contains"),
    [
        ("blog-update.txt", "text", None, None, None, None, "Family Support Delivery Group"),
        ("page.html", "html", None, None, None, None, "<h1>Kinship care review</h1>"),
        ("page-latin1.htm", "html", None, None, None, None, "panel’s “first” report – published"),
        (
            "release.json",
            "text",
            "https://news.example.org/2019/08/14/new-foster-care-allowance/",
            None,
            None,
            None,
            "higher weekly allowance",
        ),
        ("records.jsonl#1", "text", "https://example.org/a", None, None, None, "forum met on 5 June 2019"),
        (
            "records.jsonl#3",
            "html",
            "https://example.org/b",
            "Annual review",
            dt.date(2019, 9, 30),
            "Rhona Gilchrist",
            "<p>The annual review is out.</p>",
        ),
        ("windows-1252.txt", "text", None, None, None, None, "Minister said: “We’re listening — and acting.”"),
        ("utf8-bom.txt", "text", None, None, None, None, "Café meeting"),
        ("utf16.txt", "text", None, None, None, None, "The board met – twice."),
    ],
    ids=["txt", "html", "htm-declared-latin1", "json", "jsonl-minimal", "jsonl-full-html", "cp1252", "bom8", "bom16"],
)
def test_each_input_kind_becomes_a_raw_document(
    name: str,
    media: str,
    url: str | None,
    title: str | None,
    published: dt.date | None,
    author: str | None,
    body_contains: str,
) -> None:
    document = _by_name(list(iter_documents([GOOD])))[name]
    assert isinstance(document, RawDocument)
    assert (document.media, document.url, document.title, document.published, document.author) == (
        media,
        url,
        title,
        published,
        author,
    )
    assert body_contains in document.body
    assert "\ufeff" not in document.body


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("whitespace-only.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("truncated.json", "invalid JSON"),
        ("no-body.json", "no 'text' or 'html'"),
        ("wrong-types.json", "'published' must be a date string, got int"),
        ("bad-date.json", "'published' is not a date"),
        ("archive.zip", "unsupported file type '.zip'"),
    ],
    ids=["empty", "whitespace", "binary", "truncated-json", "no-body", "wrong-type", "bad-date", "unknown-type"],
)
def test_bad_file_named_explicitly_gives_one_error_record(name: str, reason: str, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="pipeline.sources"):
        records = list(iter_documents([BAD / name]))
    assert len(records) == 1
    error = records[0]
    assert isinstance(error, ErrorRecord)
    assert error.stage == "read"
    assert error.source == str(BAD / name)
    assert reason in error.message
    assert name in caplog.text


def test_jsonl_bad_lines_are_reported_by_line_and_good_lines_still_read() -> None:
    records = list(iter_documents([BAD / "mixed.jsonl"]))
    kinds = [(r.source.rsplit("#", 1)[1], type(r).__name__) for r in records]
    assert kinds == [
        ("1", "RawDocument"),
        ("2", "ErrorRecord"),
        ("3", "ErrorRecord"),
        ("4", "ErrorRecord"),
        ("5", "ErrorRecord"),
    ]
    messages = [r.message for r in records if isinstance(r, ErrorRecord)]
    assert messages[0].startswith("line 2: invalid JSON")
    assert "line 3" in messages[1] and "no 'text' or 'html'" in messages[1]
    assert "expected a JSON object, got list" in messages[2]
    assert "'author' must be a string, got list" in messages[3]


def test_bad_folder_goes_on_after_every_error() -> None:
    records = list(iter_documents([BAD, GOOD / "page.html"]))
    errors = [r for r in records if isinstance(r, ErrorRecord)]
    # archive.zip is skipped silently in a folder walk; each bad file or line is one error
    assert len(errors) == 11
    assert isinstance(records[-1], RawDocument) and records[-1].source.endswith("page.html")


def test_missing_path_is_an_error_and_iteration_goes_on(tmp_path: Path) -> None:
    records = list(iter_documents([tmp_path / "nowhere.txt", GOOD / "utf8-bom.txt"]))
    assert isinstance(records[0], ErrorRecord) and "no such file" in records[0].message
    assert isinstance(records[1], RawDocument)


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Locked\n\nSecret minutes.\n", encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # chmod 000 does not stop root, so refuse the read the way the OS would
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    [error] = list(iter_documents([locked]))
    assert isinstance(error, ErrorRecord) and "permission denied" in error.message


def test_warc_without_reader_module_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(b"\x1f\x8b\x08\x00")
    monkeypatch.setitem(__import__("sys").modules, "pipeline.warc", None)  # import of pipeline.warc fails
    [error] = list(iter_documents([archive]))
    assert isinstance(error, ErrorRecord) and "WARC support is not installed" in error.message


def test_warc_is_delegated_to_the_warc_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    archive = tmp_path / "crawl.warc"
    archive.write_bytes(b"WARC/1.0\r\n")
    fake = types.ModuleType("pipeline.warc")
    fake.iter_warc = lambda path: iter([RawDocument(f"{path}#1", "html", "<p>Hi</p>")])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pipeline.warc", fake)
    [document] = list(iter_documents([archive]))
    assert isinstance(document, RawDocument) and document.source == f"{archive}#1"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Caf\u00e9 \u201cquoted\u201d \u2013 dash".encode("cp1252"), "Café “quoted” – dash"),
        ("Plain UTF-8 \u2019 text".encode(), "Plain UTF-8 ’ text"),
        (
            b'<?xml version="1.0" encoding="ISO-8859-1"?><p>\xa315</p>',
            '<?xml version="1.0" encoding="ISO-8859-1"?><p>£15</p>',
        ),
        ("Привет, как дела? Это тест русского текста для проверки кодировки.".encode("cp1251"), "Привет, как дела?"),
    ],
    ids=["cp1252", "utf8", "xml-declaration", "cyrillic-detected"],
)
def test_decode_bytes(raw: bytes, expected: str) -> None:
    assert expected in sources.decode_bytes(raw, "x.txt")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-07-02", dt.date(2019, 7, 2)),
        ("2019-07-02T09:30:00Z", dt.date(2019, 7, 2)),
        ("2 July 2019", dt.date(2019, 7, 2)),
        ("July 2, 2019", dt.date(2019, 7, 2)),
        (None, None),
        ("", None),
    ],
    ids=["iso", "timestamp", "dmy", "mdy", "none", "empty"],
)
def test_published_field_parsing(value: str | None, expected: dt.date | None) -> None:
    assert sources.parse_published(value, "r.json") == expected
