"""Read web archives: every HTML page a ``.warc``/``.warc.gz`` holds -> ``RawDocument``.

A page is a ``response`` record with HTTP status 200 and an HTML content type.
Requests, metadata, revisits, redirects and non-HTML responses are skipped (and
counted in the log). ``source`` is ``<path>#N`` with N the record's 1-based
position in the file, like the line number of a ``.jsonl``; ``captured_at`` is
the record's ``WARC-Date``, so captures of one page at several dates stay apart.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from .crawl.encoding import decode_html
from .errors import InputError
from .records import ErrorRecord, RawDocument

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: Path) -> Iterator[RawDocument | ErrorRecord]:
    """One RawDocument per HTML page; a corrupt archive yields one ErrorRecord and ends the file."""
    path = Path(path)
    number = 0
    skipped = 0
    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                number += 1
                if not record.format.startswith("warc"):
                    # warcio reads any text line as a legacy ARC header: "notes.warc" full of prose would pass.
                    raise ValueError(f"record {number} is not a WARC record (format {record.format!r})")
                item = _document(record, f"{path}#{number}")
                if item is None:
                    skipped += 1
                else:
                    yield item
    except Exception as exc:  # warcio raises many kinds on damaged input; all mean "the rest is unreadable"
        where = f" at record {number}" if number else ""
        log.warning("%s: corrupt archive%s: %s", path, where, exc)
        yield ErrorRecord(str(path), "read", f"corrupt WARC archive{where}: {type(exc).__name__}: {exc}")
        return
    if number == 0:
        yield ErrorRecord(str(path), "read", "no WARC records in the file")
        return
    log.info("%s: %d records, %d skipped (not an HTML 200 response)", path, number, skipped)


def _document(record: ArcWarcRecord, source: str) -> RawDocument | ErrorRecord | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    content_type = record.http_headers.get_header("Content-Type") or ""
    if status != "200" or content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    body = record.content_stream().read()  # de-chunked and decompressed by warcio
    try:
        text = decode_html(body, content_type, source)
    except InputError as exc:
        return ErrorRecord(source, "read", exc.reason)
    return RawDocument(
        source=source,
        media="html",
        body=text,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        captured_at=record.rec_headers.get_header("WARC-Date"),
    )
