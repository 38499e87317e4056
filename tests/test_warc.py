"""Reading web archives written with warcio: pages, capture dates, charsets, damaged files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.records import ErrorRecord, RawDocument
from pipeline.warc import iter_warc

BLOG = "https://blogs.example.org/child-protection-improvement-programme"
UPDATE_7 = (
    "<html><head><title>Child Protection Improvement Programme – Update #7</title></head><body>"
    '<h1 class="entry-title">Child Protection Improvement Programme – Update #7</h1>'
    '<time class="entry-date">25 January 2018</time><div class="entry-content">'
    "<p>The Leadership Group met on 21 November 2017 to agree “next steps”.</p></div></body></html>"
)
MINUTES = (
    '<html><head><meta charset="utf-8"></head><body><h1 class="entry-title">Leadership Group minutes</h1>'
    '<div class="entry-content"><p>Minutes of the meeting of 27 March 2018 – now published.</p></div></body></html>'
)


def _response(writer: WARCWriter, url: str, body: bytes, date: str, status: str = "200 OK",
              content_type: str = "text/html; charset=UTF-8", gzip_body: bool = False) -> None:
    headers = [("Content-Type", content_type)]
    if gzip_body:
        import gzip

        body = gzip.compress(body)
        headers.append(("Content-Encoding", "gzip"))
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def write_archive(path: Path, gzip: bool = True) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))  # record 1
        request = StatusAndHeaders("GET /x HTTP/1.1", [("Host", "blogs.example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(f"{BLOG}/2018/01/25/update-7/", "request",
                                                      payload=io.BytesIO(b""), http_headers=request))  # 2
        _response(writer, f"{BLOG}/2018/01/25/update-7/", UPDATE_7.encode("cp1252"), "2018-01-26T10:15:00Z",
                  content_type="text/html; charset=windows-1252")  # 3
        _response(writer, f"{BLOG}/wp-content/logo.png", b"\x89PNG\r\n", "2018-01-26T10:15:01Z",
                  content_type="image/png")  # 4
        _response(writer, f"{BLOG}/gone/", b"<h1>Not found</h1>", "2018-01-26T10:15:02Z", status="404 Not Found")  # 5
        _response(writer, f"{BLOG}/2018/04/19/minutes/", MINUTES.encode(), "2018-04-20T08:00:00Z",
                  gzip_body=True)  # 6


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_documents_with_capture_dates(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_archive(path, gzip=gzip)
    items = list(iter_warc(path))
    assert all(isinstance(i, RawDocument) for i in items)
    update, minutes = items
    assert update.source == f"{path}#3" and minutes.source == f"{path}#6"
    assert update.url == f"{BLOG}/2018/01/25/update-7/"
    assert (update.captured_at, minutes.captured_at) == ("2018-01-26T10:15:00Z", "2018-04-20T08:00:00Z")
    assert update.media == "html"
    assert "Update #7" in update.body and "“next steps”" in update.body  # decoded as Windows-1252
    assert "27 March 2018 – now published" in minutes.body  # gzip content-encoding undone


def test_corrupt_archive_yields_an_error_and_stops(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    write_archive(path)
    data = path.read_bytes()
    path.write_bytes(data + b"this is not a WARC record at all\r\n" * 3)
    items = list(iter_warc(path))
    assert [type(i) for i in items] == [RawDocument, RawDocument, ErrorRecord]
    error = items[-1]
    assert isinstance(error, ErrorRecord)
    assert (error.source, error.stage) == (str(path), "read") and "corrupt WARC" in error.message


def test_not_an_archive_at_all(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_bytes(b"Meeting notes, not an archive.\n")
    [error] = list(iter_warc(path))
    assert isinstance(error, ErrorRecord) and error.source == str(path)


def test_sources_reads_warc_files_through_iter_warc(tmp_path: Path) -> None:
    from pipeline.sources import iter_documents

    write_archive(tmp_path / "crawl.warc.gz")
    docs = [d for d in iter_documents([tmp_path]) if isinstance(d, RawDocument)]
    assert sorted(d.captured_at or "" for d in docs) == ["2018-01-26T10:15:00Z", "2018-04-20T08:00:00Z"]
    assert all(d.source.startswith(str(tmp_path / "crawl.warc.gz") + "#") for d in docs)
