"""Read inputs from disk: files and folders -> ``RawDocument`` (or an ``ErrorRecord`` per bad input).

Supported inputs (chosen by file extension):

- ``.html`` / ``.htm``: a saved page, media "html";
- ``.txt``: a text dump of a page (what a browser shows), media "text";
- ``.json``: one record ``{"url", "title", "published", "author", "html" | "text"}`` (a list of records is
  also accepted, source ``path#N``); ``.jsonl``: one record per line, source ``path#N`` with N the line number;
- ``.warc`` / ``.warc.gz``: delegated to ``pipeline.warc.iter_warc``.

Error policy: every bad input becomes one ``ErrorRecord(stage="read")`` plus a log warning, and iteration
goes on with the next input. Nothing here raises for a bad input.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .errors import InputError
from .records import ErrorRecord, MediaType, RawDocument

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")
# Files a folder walk leaves alone: crawl manifests ("manifest.csv", "manifest.json") describe inputs, are not inputs
MANIFEST_STEM = "manifest"

# Record fields that must be strings when present (``published`` is checked separately: it must parse as a date)
_STRING_FIELDS = ("url", "title", "author", "html", "text", "captured_at")

Reader = Callable[[Path], Iterator[RawDocument | ErrorRecord]]


def iter_documents(paths: Sequence[Path]) -> Iterator[RawDocument | ErrorRecord]:
    """Yield one RawDocument per readable input, one ErrorRecord per unreadable one.

    Folders are walked recursively in sorted order (deterministic runs), skipping hidden files and folders,
    ``manifest.*`` files, and files of unknown type (debug log). A file named explicitly with an unknown type
    is an error.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            if _is_crawl_store(path):
                yield from _read_crawl_store(path)
            for file in _walk(path):
                yield from _read_file(file)
        elif path.exists() or path.is_symlink():
            if _reader_for(path) is None:
                yield _error(str(path), f"unsupported file type {_suffix(path) or '(no extension)'!r}")
            else:
                yield from _read_file(path)
        else:
            yield _error(str(path), "no such file or directory")


# --- walking ----------------------------------------------------------------------------------------------------------


def _suffix(path: Path) -> str:
    """The extension that decides the reader; ``.warc.gz`` counts as one extension."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return path.suffix.lower()


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


# A folder the crawler keeps (``bulletins crawl``/``update``): a manifest plus one file per page version.
# Its pages are read through the manifest, latest version only and with their URL and capture date;
# these sub-folders are never walked as plain files.
CRAWL_STORE_DIRS = ("pages", "http-cache", "extracted")


def _is_crawl_store(folder: Path) -> bool:
    return (folder / "manifest.csv").is_file() and (folder / "pages").is_dir()


def _read_crawl_store(folder: Path) -> Iterator[RawDocument | ErrorRecord]:
    from .crawl.store import RawStore  # lazy: the crawler is only needed for crawled folders
    from .update import document_for

    store = RawStore(folder)
    for entry in store.latest_versions():
        yield document_for(store, entry)


def _in_crawl_store(path: Path) -> bool:
    """Inside ``<store>/pages`` (etc.) of a crawl store: read through the manifest instead."""
    return any(parent.name in CRAWL_STORE_DIRS and _is_crawl_store(parent.parent) for parent in path.parents)


def _walk(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if not path.is_file() or _is_hidden(path, root) or _in_crawl_store(path):
            continue
        if path.name.lower().split(".", 1)[0] == MANIFEST_STEM:
            log.debug("skipping manifest %s", path)
            continue
        if _reader_for(path) is None:
            log.debug("skipping %s: not an input type", path)
            continue
        yield path


def _reader_for(path: Path) -> Reader | None:
    suffix = _suffix(path)
    if suffix in HTML_SUFFIXES:
        return _read_html
    if suffix in TEXT_SUFFIXES:
        return _read_text
    if suffix in JSON_SUFFIXES:
        return _read_json
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl
    if suffix in WARC_SUFFIXES:
        return _read_warc
    return None


def _read_file(path: Path) -> Iterator[RawDocument | ErrorRecord]:
    reader = _reader_for(path)
    assert reader is not None  # callers filter unknown types
    try:
        yield from reader(path)
    except InputError as exc:
        yield _error(exc.source, exc.reason, exc.stage)


def _error(source: str, message: str, stage: str = "read") -> ErrorRecord:
    log.warning("%s: %s", source, message)
    return ErrorRecord(source=source, stage=stage, message=message)


# --- readers ----------------------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "cannot read file: permission denied") from None
    except FileNotFoundError:
        raise InputError(str(path), "no such file or directory (broken link?)") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(str(path), "empty file")
    return data


def _read_decoded(path: Path, media: MediaType) -> str:
    text = decode_bytes(_read_bytes(path), str(path), markup=media == "html")
    if _looks_binary(text):
        raise InputError(str(path), "binary file (control characters), not text")
    return text


def _looks_binary(text: str) -> bool:
    """Many control characters: an image or archive that happened to decode."""
    controls = sum(not ch.isprintable() and ch not in "\r\n\t\f\v" for ch in text[:20000])
    return controls > max(2, len(text[:20000]) // 100)


def _read_html(path: Path) -> Iterator[RawDocument | ErrorRecord]:
    yield RawDocument(source=str(path), media="html", body=_read_decoded(path, "html"))


def _read_text(path: Path) -> Iterator[RawDocument | ErrorRecord]:
    body = _read_decoded(path, "text")
    if not body.strip():
        raise InputError(str(path), "empty file")
    yield RawDocument(source=str(path), media="text", body=body)


def _read_json(path: Path) -> Iterator[RawDocument | ErrorRecord]:
    text = _read_decoded(path, "text")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON (truncated?) at line {exc.lineno} column {exc.colno}: {exc.msg}"
        raise InputError(str(path), reason) from None
    if isinstance(data, list):  # a list of records: number them like a .jsonl
        for number, item in enumerate(data, start=1):
            yield _record_or_error(item, f"{path}#{number}")
        return
    yield _record_or_error(data, str(path))


def _read_jsonl(path: Path) -> Iterator[RawDocument | ErrorRecord]:
    text = _read_decoded(path, "text")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}#{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error(source, f"line {number}: invalid JSON (truncated?) at column {exc.colno}: {exc.msg}")
            continue
        yield _record_or_error(data, source, line_number=number)


def _read_warc(path: Path) -> Iterator[RawDocument | ErrorRecord]:
    try:
        from .warc import iter_warc  # lazy: WARC support is optional and heavier
    except ImportError as exc:
        yield _error(str(path), f"WARC support is not installed ({exc})")
        return
    try:
        yield from iter_warc(path)
    except InputError:
        raise
    except Exception as exc:  # a broken archive must not stop the run: report it and go on
        yield _error(str(path), f"cannot read WARC archive: {exc}")


# --- JSON records -----------------------------------------------------------------------------------------------------


def _record_or_error(data: object, source: str, line_number: int | None = None) -> RawDocument | ErrorRecord:
    where = f"line {line_number}: " if line_number else ""
    try:
        return record_to_document(data, source)
    except InputError as exc:
        return _error(source, where + exc.reason)


def record_to_document(data: object, source: str) -> RawDocument:
    """A JSON record -> RawDocument with its fields as hints. Raises InputError for a bad record."""
    if not isinstance(data, dict):
        raise InputError(source, f"expected a JSON object, got {type(data).__name__}")
    for name in _STRING_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"field {name!r} must be a string, got {type(value).__name__}")
    html, text = data.get("html"), data.get("text")
    if html and html.strip():
        media: MediaType = "html"
        body = html
    elif text and text.strip():
        media, body = "text", text
    else:
        raise InputError(source, "record has no 'text' or 'html' (or it is empty)")
    return RawDocument(
        source=source,
        media=media,
        body=body,
        url=_blank_to_none(data.get("url")),
        title=_blank_to_none(data.get("title")),
        published=parse_published(data.get("published"), source),
        author=_blank_to_none(data.get("author")),
        captured_at=_blank_to_none(data.get("captured_at")),
    )


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value else None


def parse_published(value: object, source: str) -> dt.date | None:
    """A record's ``published``: ISO date or timestamp ("2019-07-02", "2019-07-02T09:00:00Z"); None when absent."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(source, f"field 'published' must be a date string, got {type(value).__name__}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    date = _parse_written_date(text)
    if date is None:
        raise InputError(source, f"field 'published' is not a date: {value!r}")
    return date


def _parse_written_date(text: str) -> dt.date | None:
    """ "2 July 2019", "July 2, 2019": day, month and year all required (a bare "2019" is not a date)."""
    import dateparser  # lazy: slow to import, rarely needed

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


# --- decoding ---------------------------------------------------------------------------------------------------------

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="windows-1252">, <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# <?xml version="1.0" encoding="ISO-8859-1"?>
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.IGNORECASE)
# Browsers read these labels as Windows-1252 (WHATWG Encoding Standard): "ISO-8859-1" pages use 0x93 for a quote
_WINDOWS_1252_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"})
# Characters a Western-European page plausibly has beyond ASCII: typographic punctuation, currency, bullets
_TYPOGRAPHIC = set("‘’‚“”„–—…•·€£¢¥§©®°±´¨×÷«»¡¿ªº¹²³¼½¾ ")
# Share of non-ASCII letters above which a cp1252 reading is probably a different alphabet (Cyrillic, Greek ...)
_MAX_ACCENTED_SHARE = 0.2


def decode_bytes(data: bytes, source: str, markup: bool = False) -> str:
    """Bytes -> text: BOM, then declared charset (HTML meta / XML declaration), then strict UTF-8, then detection.

    Raises InputError for binary or undecodable data. Detection prefers Windows-1252 when it reads the bytes as
    plausible Western text, because short English pages defeat statistical detectors (curly quotes come out as
    Central-European letters).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, source)
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    declared = _declared_charset(data, markup)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %r does not fit, detecting instead", source, declared)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _detect(data)
    if text is None:
        raise InputError(source, "cannot decode file: not UTF-8 and no text encoding fits (binary?)")
    return text


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        reason = f"cannot decode file as {encoding} (its byte-order mark says so): {exc.reason}"
        raise InputError(source, reason) from None


def _declared_charset(data: bytes, markup: bool) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.search(head) or (_META_CHARSET.search(head) if markup else None)
    if not match:
        return None
    label = match[1].decode("ascii", "replace").strip().lower()
    return "cp1252" if label in _WINDOWS_1252_ALIASES else label


def _detect(data: bytes) -> str | None:
    western = _as_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 inputs need it

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _as_western(data: bytes) -> str | None:
    """The Windows-1252 reading of the bytes when it looks like Western text; else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(ch.isalpha() for ch in text)
    accented = sum(ch.isalpha() and not ch.isascii() for ch in text)
    controls = sum(not ch.isprintable() and ch not in "\r\n\t\f" for ch in text)
    odd = sum(not ch.isascii() and not ch.isalpha() and ch not in _TYPOGRAPHIC for ch in text)
    if controls or odd or not letters or accented > _MAX_ACCENTED_SHARE * letters:
        return None
    return text
