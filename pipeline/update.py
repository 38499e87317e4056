"""The batch job for new posts: crawl the configured blogs, extract what is new or changed, refresh the tables.

Steps, each safe to interrupt:

1. ``crawl`` every source into raw/: a page is saved (with ``state=pending`` in
   the manifest) before anything else happens to it.
2. Extract every latest page version that has no cached extraction yet, in
   batches; each result is cached under ``raw/extracted/`` and the page marked
   ``extracted``. A run killed here leaves the rest ``pending`` for the next one.
3. Rebuild every table from the cached extractions of the latest versions (so a
   changed post's rows replace its old ones and nothing else moves), with the
   cross-bulletin registries, and write them atomically.

Two runs with nothing new write byte-identical tables: rows are sorted, the
tables carry no run timestamps, and ``captured_at`` is the first fetch of a version.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import __version__, writers
from .crawl import CrawlConfig, CrawlResult, crawl
from .crawl.encoding import decode_html
from .crawl.sources_config import load_sources
from .crawl.store import EXTRACTED, ManifestEntry, RawStore
from .errors import InputError
from .records import ErrorRecord, Extraction, RawDocument
from .registries import build_registries
from .run import extract_documents, write_companions
from .settings import Settings

log = logging.getLogger(__name__)

LOG_NAME = "update.log"
CACHE_DIR = "extracted"


@dataclass
class UpdateResult:
    sources: list[CrawlResult] = field(default_factory=list)
    extracted: int = 0  # page versions extracted by this run
    bulletins: int = 0  # rows of the bulletins table now
    errors: int = 0  # rows of the errors table now
    files: list[Path] = field(default_factory=list)
    log_file: Path | None = None

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sources)

    @property
    def exit_code(self) -> int:
        """0: every source listed and saved; 1: some source (or page) failed, the rest was saved."""
        return 0 if self.ok else 1


def update(
    raw_dir: Path,
    out_dir: Path,
    config_file: Path | None = None,
    source_url: str | None = None,
    settings: Settings | None = None,
    *,
    crawl_config: CrawlConfig | None = None,
) -> UpdateResult:
    """Crawl the sources of ``config_file`` (or just ``source_url``) into ``raw_dir`` and refresh ``out_dir``."""
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    settings = settings or Settings()
    sources, config = load_sources(config_file, source_url, base=crawl_config)
    raw_dir.mkdir(parents=True, exist_ok=True)
    result = UpdateResult(log_file=raw_dir / LOG_NAME)
    with _log_to(result.log_file):
        log.info("update %s: %d source(s) -> %s", __version__, len(sources), out_dir)
        store = RawStore(raw_dir)
        for source in sources:
            source_config = replace(config, delay=source.delay) if source.delay is not None else config
            try:
                result.sources.append(crawl(source.url, raw_dir, max_pages=source.max_pages, config=source_config,
                                            store=store))
            except Exception as exc:  # one broken source must not stop the others
                log.exception("%s: crawl failed", source.url)
                result.sources.append(CrawlResult(source.url, error=f"{type(exc).__name__}: {exc}"))
        cache = ExtractionCache(raw_dir / CACHE_DIR, settings)
        result.extracted = extract_pending(store, cache, settings)
        frames = build_frames(store, cache)
        result.files = writers.write_tables(frames, out_dir, settings.formats)
        result.files += write_companions(frames, out_dir, settings)
        result.bulletins, result.errors = len(frames["bulletins"]), len(frames["errors"])
        log.info("update done: %d extracted, %d bulletins, %d errors, exit %d", result.extracted, result.bulletins,
                 result.errors, result.exit_code)
    return result


class ExtractionCache:
    """What one page version gave (Extractions and ErrorRecords), keyed by its raw file.

    Stale entries (another package version or model) read as missing, so the page is extracted again.
    """

    def __init__(self, root: Path, settings: Settings) -> None:
        self.root = root
        self.stamp = (__version__, settings.model)

    def _path(self, entry: ManifestEntry) -> Path:
        return self.root / (entry.path + ".pickle")

    def load(self, entry: ManifestEntry) -> list[Extraction | ErrorRecord] | None:
        path = self._path(entry)
        if not path.exists():
            return None
        try:
            with path.open("rb") as handle:
                stamp, items = pickle.load(handle)  # our own files, written by save() below
        except Exception:  # an unreadable or outdated cache entry only costs a re-extraction
            log.info("%s: cached extraction unreadable, extracting again", entry.path)
            return None
        return items if stamp == self.stamp else None

    def save(self, entry: ManifestEntry, items: list[Extraction | ErrorRecord]) -> None:
        from .crawl.store import atomic_write_bytes

        atomic_write_bytes(self._path(entry), pickle.dumps((self.stamp, items), protocol=pickle.HIGHEST_PROTOCOL))


def document_for(store: RawStore, entry: ManifestEntry) -> RawDocument | ErrorRecord:
    source = entry.path
    try:
        body = decode_html(store.read(entry), entry.content_type, source)
    except (OSError, InputError) as exc:
        return ErrorRecord(source, "read", getattr(exc, "reason", None) or str(exc))
    return RawDocument(source=source, media="html", body=body, url=entry.final_url or entry.url,
                       captured_at=entry.fetched_at)


def extract_pending(store: RawStore, cache: ExtractionCache, settings: Settings) -> int:
    """Extract the latest versions with no cached result, one batch at a time; return how many."""
    todo = [e for e in store.latest_versions() if cache.load(e) is None]
    done_already = [e for e in store.pending() if e not in todo]  # cached by a run killed before marking
    if done_already:
        store.mark(done_already, EXTRACTED)
    size = max(1, settings.batch_size)
    for start in range(0, len(todo), size):
        batch = todo[start : start + size]
        results: dict[str, list[Extraction | ErrorRecord]] = {e.path: [] for e in batch}
        for item in extract_documents((document_for(store, e) for e in batch), settings):
            source = item.bulletin.source if isinstance(item, Extraction) else item.source
            results.setdefault(source, []).append(item)
        for entry in batch:
            cache.save(entry, results[entry.path])
        store.mark(batch, EXTRACTED)
        log.info("extracted %d page(s)", start + len(batch))
    return len(todo)


def build_frames(store: RawStore, cache: ExtractionCache) -> dict:
    """Every table from the latest version of every page, deterministic in content and order."""
    latest: dict[str, tuple[str, Extraction]] = {}
    errors: list[ErrorRecord] = []
    for entry in store.latest_versions():
        for item in cache.load(entry) or []:
            if isinstance(item, ErrorRecord):
                errors.append(item)
                continue
            key = item.bulletin.bulletin_id  # two URLs of one post: keep the newer capture, once
            if key not in latest or entry.fetched_at > latest[key][0]:
                latest[key] = (entry.fetched_at, item)
    errors += [ErrorRecord(f.url, "read", f.message or f"HTTP {f.status}") for f in store.failures()]
    extractions = [latest[key][1] for key in sorted(latest)]
    extractions, registries = build_registries(extractions)
    return writers.extractions_to_frames(extractions, sorted(set(errors), key=_error_key), extra=registries)


def _error_key(error: ErrorRecord) -> tuple[str, str, str]:
    return (error.source, error.stage, error.message)


class _Forward(logging.Handler):
    """Pass records on to the root logger's handlers only at the level the caller (the CLI) asked for."""

    def emit(self, record: logging.LogRecord) -> None:
        root = logging.getLogger()
        if record.levelno >= root.getEffectiveLevel():
            root.handle(record)


@contextlib.contextmanager
def _log_to(path: Path) -> Iterator[None]:
    """Everything from INFO up into ``path``; the console stays as quiet as it was set up to be."""
    logger = logging.getLogger("pipeline")
    saved = (logger.level, logger.propagate)
    file_handler = logging.FileHandler(path, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    forward = _Forward()
    logger.addHandler(file_handler)
    logger.addHandler(forward)
    logger.setLevel(logging.INFO if logger.getEffectiveLevel() > logging.INFO else logger.getEffectiveLevel())
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(file_handler)
        logger.removeHandler(forward)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        file_handler.close()
