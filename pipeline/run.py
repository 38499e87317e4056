"""The pipeline, top to bottom: read -> clean -> parse -> stages -> registries -> write.

Each arrow is one module; this file only calls them in order, times them and
keeps going when one input fails (see ``errors.py`` for the policy).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from . import __version__, writers
from .atomic import write_text_atomic
from .clean import clean_document
from .dates import find_dates
from .errors import InputError
from .events import find_events
from .groups import find_groups
from .model import load_model, model_description
from .parsed import ParsedBulletin, parse
from .people import find_people
from .publications import find_publications
from .records import Bulletin, ErrorRecord, Extraction, RawDocument
from .registries import build_registries
from .sections import find_sections
from .settings import Settings
from .sources import iter_documents

log = logging.getLogger(__name__)


@dataclass
class Timings:
    """Seconds spent per stage, summed over bulletins (reported in run.json)."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] += now - started
        return now

    def as_dict(self) -> dict[str, float]:
        return {k: round(v, 3) for k, v in self.seconds.items()}


def extract_bulletin(parsed: ParsedBulletin, timings: Timings | None = None) -> Extraction:
    """Run the NLP stages on one parsed bulletin, in dependency order."""
    timings = timings or Timings()
    t = time.perf_counter()
    dates = find_dates(parsed)
    t = timings.add("dates", t)
    groups = find_groups(parsed)
    t = timings.add("groups", t)
    people = find_people(parsed, groups)
    t = timings.add("people", t)
    publications = find_publications(parsed, groups)
    t = timings.add("publications", t)
    events = find_events(parsed, dates, groups, publications)
    timings.add("events", t)
    return Extraction(parsed.bulletin, list(parsed.sections), dates, groups, people, publications, events)


def _clean_all(items: Iterable[RawDocument | ErrorRecord], timings: Timings) -> Iterator[Bulletin | ErrorRecord]:
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, ErrorRecord):
            yield item
            continue
        t = time.perf_counter()
        try:
            bulletin = clean_document(item)
        except InputError as exc:
            log.warning("%s: %s", exc.source, exc.reason)
            yield ErrorRecord(exc.source, exc.stage, exc.reason)
            continue
        finally:
            timings.add("clean", t)
        if bulletin.bulletin_id in seen:
            message = f"same bulletin as {seen[bulletin.bulletin_id]} (same URL or text); skipped"
            log.warning("%s: %s", item.source, message)
            yield ErrorRecord(item.source, "clean", message)
            continue
        seen[bulletin.bulletin_id] = item.source
        yield bulletin


def _batches(items: Iterator[Bulletin | ErrorRecord], size: int) -> Iterator[tuple[list[Bulletin], list[ErrorRecord]]]:
    bulletins: list[Bulletin] = []
    errors: list[ErrorRecord] = []
    for item in items:
        if isinstance(item, ErrorRecord):
            errors.append(item)
        else:
            bulletins.append(item)
        if len(bulletins) >= size:
            yield bulletins, errors
            bulletins, errors = [], []
    if bulletins or errors:
        yield bulletins, errors


def extract_documents(
    items: Iterable[RawDocument | ErrorRecord],
    settings: Settings,
    timings: Timings | None = None,
) -> Iterator[Extraction | ErrorRecord]:
    """Clean, parse (in ``nlp.pipe`` batches) and extract; one Extraction per bulletin, one ErrorRecord per failure."""
    timings = timings or Timings()
    nlp = load_model(settings.model)
    for bulletins, errors in _batches(_clean_all(items, timings), settings.batch_size):
        yield from errors
        if not bulletins:
            continue
        t = time.perf_counter()
        sections = [find_sections(b) for b in bulletins]
        t = timings.add("sections", t)
        parsed_batch = parse(bulletins, sections, nlp, batch_size=settings.batch_size)
        timings.add("parse", t)
        for parsed in parsed_batch:
            try:
                yield extract_bulletin(parsed, timings)
            except Exception as exc:  # a bug on one bulletin must not lose the others
                log.exception("%s: extraction failed", parsed.bulletin.source)
                yield ErrorRecord(parsed.bulletin.source, "nlp", f"extraction failed: {type(exc).__name__}: {exc}")


@dataclass
class RunSummary:
    out_dir: Path
    bulletins: int
    errors: list[ErrorRecord]
    rows: dict[str, int]
    files: list[Path]
    seconds: float

    @property
    def exit_code(self) -> int:
        return 0 if self.bulletins else 1


def run_extract(inputs: Sequence[Path], out_dir: Path, settings: Settings) -> RunSummary:
    """The main job: every input -> every table in ``out_dir`` (plus run.json)."""
    started = time.perf_counter()
    started_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    timings = Timings()
    extractions: list[Extraction] = []
    errors: list[ErrorRecord] = []
    items = extract_documents(iter_documents(list(inputs)), settings, timings)
    with tqdm(items, desc="bulletins", unit=" input", disable=not settings.progress, leave=False) as bar:
        for item in bar:
            (errors if isinstance(item, ErrorRecord) else extractions).append(item)

    t = time.perf_counter()
    extractions, registries = build_registries(extractions)
    timings.add("registries", t)
    frames = writers.extractions_to_frames(extractions, errors, extra=registries)
    t = time.perf_counter()
    files = writers.write_tables(frames, out_dir, settings.formats)
    files += write_companions(frames, out_dir, settings)
    timings.add("write", t)

    summary = RunSummary(
        out_dir=out_dir,
        bulletins=len(extractions),
        errors=errors,
        rows={name: len(frame) for name, frame in frames.items()},
        files=files,
        seconds=time.perf_counter() - started,
    )
    write_run_record(out_dir, inputs, settings, summary, timings, started_at)
    return summary


def write_companions(frames: dict[str, Any], out_dir: Path, settings: Settings) -> list[Path]:
    """Files written beside the tables for analysts: the data package and the review page."""
    from .outputs.datapackage import write_datapackage
    from .outputs.report import write_report

    package = write_datapackage(out_dir, settings.formats)  # None when no csv/parquet was written
    return [p for p in (package, write_report(frames, out_dir / "report.html")) if p is not None]


def write_run_record(
    out_dir: Path, inputs: Sequence[Path], settings: Settings, summary: RunSummary, timings: Timings, started_at: str
) -> None:
    """run.json: what made these tables (versions, model, settings, inputs, counts, timings)."""
    record = {
        "package": {"name": "bulletin-pipeline", "version": __version__},
        "model": model_description(load_model(settings.model)),
        "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in settings.as_dict().items()},
        "inputs": [str(p) for p in inputs],
        "started_at": started_at,
        "counts": {"bulletins": summary.bulletins, "errors": len(summary.errors), "rows": summary.rows},
        "timings_seconds": {"total": round(summary.seconds, 3), **timings.as_dict()},
        "files": sorted(p.name for p in summary.files),
    }
    write_text_atomic(out_dir / "run.json", json.dumps(record, indent=2, ensure_ascii=False) + "\n")
