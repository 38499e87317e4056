"""raw/: every page as fetched, one file per version, and a manifest of what was fetched when.

Layout::

    raw/pages/<host>/<url path>/v0001-<sha256[:12]>.html   one file per version, never overwritten
    raw/manifest.csv (+ manifest.parquet)                  one row per version, one per failed URL
    raw/http-cache/                                        CacheControl's store

``manifest.csv`` is the record of truth and is rewritten (atomically) after every
saved page, so a crawl killed at any moment loses nothing it saved. ``state``
says what the extractor still has to do: ``pending`` pages are extracted by
the next ``update`` even if the run that fetched them was killed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from .fetch import FetchResult

log = logging.getLogger(__name__)

PENDING, EXTRACTED, FAILED, REFUSED = "pending", "extracted", "failed", "refused"


@dataclass(frozen=True)
class ManifestEntry:
    url: str
    final_url: str = ""
    fetched_at: str = ""  # first fetch of this version (what the tables report as captured_at)
    checked_at: str = ""  # last time the server said the page is still this version
    status: int = 0
    etag: str = ""
    last_modified: str = ""
    modified: str = ""  # the blog's own "modified" (REST API / feed / sitemap), when it gives one
    content_type: str = ""
    sha256: str = ""
    bytes: int = 0
    version: int = 0
    path: str = ""  # relative to raw/; empty for a failure row
    state: str = ""
    message: str = ""

    @property
    def is_version(self) -> bool:
        return bool(self.sha256)


COLUMNS = [f.name for f in fields(ManifestEntry)]
_INT_COLUMNS = {"status", "bytes", "version"}
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def page_dir(url: str) -> Path:
    """pages/<host>/<path>/: readable, and one folder per URL."""
    parts = urlsplit(url)
    segments = [_SAFE.sub("_", s) for s in parts.path.split("/") if s and s not in (".", "..")] or ["_root"]
    if parts.query:
        segments[-1] += "_q" + hashlib.sha1(parts.query.encode()).hexdigest()[:8]
    return Path("pages", _SAFE.sub("_", parts.netloc.lower()), *segments)


class RawStore:
    def __init__(self, raw_dir: Path) -> None:
        self.raw_dir = Path(raw_dir)
        self.raw_dir.mkdir(parents=True, exist_ok=True)
        self.manifest_csv = self.raw_dir / "manifest.csv"
        self.entries: list[ManifestEntry] = self._load()

    # -- reading -----------------------------------------------------------------------------------
    def _load(self) -> list[ManifestEntry]:
        if not self.manifest_csv.exists():
            return []
        with self.manifest_csv.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        entries = []
        for row in rows:
            values = {k: (int(row.get(k) or 0) if k in _INT_COLUMNS else row.get(k) or "") for k in COLUMNS}
            entries.append(ManifestEntry(**values))
        return entries

    def versions(self, url: str) -> list[ManifestEntry]:
        return sorted((e for e in self.entries if e.url == url and e.is_version), key=lambda e: e.version)

    def latest(self, url: str) -> ManifestEntry | None:
        versions = self.versions(url)
        return versions[-1] if versions else None

    def latest_versions(self) -> list[ManifestEntry]:
        latest: dict[str, ManifestEntry] = {}
        for entry in self.entries:
            if entry.is_version and (entry.url not in latest or entry.version > latest[entry.url].version):
                latest[entry.url] = entry
        return [latest[url] for url in sorted(latest)]

    def pending(self) -> list[ManifestEntry]:
        return [e for e in self.latest_versions() if e.state == PENDING]

    def failures(self) -> list[ManifestEntry]:
        return sorted((e for e in self.entries if not e.is_version), key=lambda e: e.url)

    def read(self, entry: ManifestEntry) -> bytes:
        return (self.raw_dir / entry.path).read_bytes()

    # -- writing -----------------------------------------------------------------------------------
    def save(self, url: str, result: FetchResult, modified: str = "") -> str:
        """Keep ``result``'s body; return "new", "changed" or "unchanged"."""
        assert result.body is not None
        sha = hashlib.sha256(result.body).hexdigest()
        latest = self.latest(url)
        self._drop_failure(url)
        validators = {"etag": result.headers.get("etag", ""), "last_modified": result.headers.get("last-modified", "")}
        if latest is not None and latest.sha256 == sha:
            self._replace(latest, replace(latest, checked_at=result.fetched_at, modified=modified or latest.modified,
                                          **validators))
            return "unchanged"
        version = (latest.version if latest else 0) + 1
        rel = page_dir(url) / f"v{version:04d}-{sha[:12]}.html"
        target = self.raw_dir / rel
        if not target.exists():  # a run killed before its manifest write left it: same bytes, same name
            atomic_write_bytes(target, result.body)
        self.entries.append(ManifestEntry(
            url=url, final_url=result.final_url, fetched_at=result.fetched_at, checked_at=result.fetched_at,
            status=result.status, modified=modified, content_type=result.headers.get("content-type", ""),
            sha256=sha, bytes=len(result.body), version=version, path=rel.as_posix(), state=PENDING, **validators,
        ))
        self.flush()
        return "changed" if latest else "new"

    def touch(self, url: str, result: FetchResult, modified: str = "") -> None:
        """The server (304) or the blog's own ``modified`` says the latest version still stands."""
        latest = self.latest(url)
        if latest is not None:
            self._drop_failure(url)
            self._replace(latest, replace(latest, checked_at=result.fetched_at or latest.checked_at,
                                          modified=modified or latest.modified))

    def record_failure(self, url: str, result: FetchResult) -> None:
        """One row per failing URL (the last failure); earlier versions of the page stay as they are."""
        self._drop_failure(url)
        self.entries.append(ManifestEntry(
            url=url, final_url=result.final_url, fetched_at=result.fetched_at, checked_at=result.fetched_at,
            status=result.status, state=REFUSED if result.refused else FAILED, message=result.error or "",
        ))
        self.flush()

    def mark(self, entries: Iterable[ManifestEntry], state: str) -> None:
        for entry in entries:
            self._replace(entry, replace(entry, state=state))
        self.flush()

    def _drop_failure(self, url: str) -> None:
        self.entries = [e for e in self.entries if e.is_version or e.url != url]

    def _replace(self, old: ManifestEntry, new: ManifestEntry) -> None:
        def same(e: ManifestEntry) -> bool:
            return e is old or (e.is_version and (e.url, e.version) == (old.url, old.version))

        self.entries = [new if same(e) else e for e in self.entries]

    def frame(self) -> pd.DataFrame:
        rows = sorted(self.entries, key=lambda e: (e.url, e.version, e.sha256))
        return pd.DataFrame([asdict(e) for e in rows], columns=COLUMNS)

    def flush(self, parquet: bool = False) -> None:
        buffer = io.StringIO()
        self.frame().to_csv(buffer, index=False, lineterminator="\n")
        atomic_write_bytes(self.manifest_csv, buffer.getvalue().encode("utf-8"))
        if parquet:
            # The Parquet copy is for analysis; written at the end of a crawl, the CSV is the record.
            table = io.BytesIO()
            self.frame().to_parquet(table, index=False)
            atomic_write_bytes(self.raw_dir / "manifest.parquet", table.getvalue())
