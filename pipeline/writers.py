"""Turn records into the output tables and write them (CSV, Parquet, and the analyst formats), atomically.

This is the only module that turns records into DataFrames. Column names,
order and types come from ``schema.py``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .atomic import atomic_path
from .records import ErrorRecord, Extraction
from .schema import TABLES, Table

log = logging.getLogger(__name__)

LIST_SEPARATOR = "; "
CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel read UTF-8 (curly quotes, dashes) correctly

_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "date": pa.date32(),
    "datetime": pa.string(),  # ISO 8601 text, as captured; kept verbatim
    "list": pa.list_(pa.string()),
}

# Integer columns with gaps stay integers (not 2014.0) in pandas, CSV and the data package.
_NULLABLE_INTEGERS = {pa.int64(): pd.Int64Dtype()}

# Row order of every table, so that the same inputs always give the same bytes.
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "bulletins": ("bulletin_id",),
    "sections": ("bulletin_id", "position"),
    "dates": ("bulletin_id", "char_start", "char_end", "value"),
    "groups": ("bulletin_id", "char_start", "name"),
    "people": ("bulletin_id", "char_start", "name", "role"),
    "publications": ("bulletin_id", "char_start", "title"),
    "events": ("bulletin_id", "char_start", "type", "value"),
    "errors": ("source", "stage", "message"),
    "people_index": ("person_id",),
    "groups_index": ("group_id",),
}


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema([pa.field(c.name, _ARROW_TYPES[c.type]) for c in table.columns])


def _row(record: Any, table: Table) -> dict[str, Any]:
    values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    row = {}
    for column in table.columns:
        value = values.get(column.name)
        if column.type == "list":
            value = list(value or ())
        elif isinstance(value, str) and value == "" and not column.required:
            value = None  # empty cells, not empty strings, for "not given"
        row[column.name] = value
    return row


def records_to_frame(table_name: str, records: Iterable[Any]) -> pd.DataFrame:
    """One table as a DataFrame with the schema's columns and types, in canonical row order."""
    table = TABLES[table_name]
    rows = [_row(r, table) for r in records]
    frame = pa.Table.from_pylist(rows, schema=arrow_schema(table)).to_pandas(
        date_as_object=True, types_mapper=_NULLABLE_INTEGERS.get
    )
    return sort_frame(table_name, frame)


def sort_frame(table_name: str, frame: pd.DataFrame) -> pd.DataFrame:
    keys = [k for k in SORT_KEYS.get(table_name, ()) if k in frame.columns]
    if keys and len(frame):
        frame = frame.sort_values(keys, kind="mergesort", na_position="first").reset_index(drop=True)
    return frame


def extractions_to_frames(
    extractions: Sequence[Extraction], errors: Sequence[ErrorRecord], extra: dict[str, Iterable[Any]] | None = None
) -> dict[str, pd.DataFrame]:
    """All tables for a run. ``extra`` adds tables built elsewhere (the cross-bulletin registries)."""
    frames = {
        "bulletins": records_to_frame("bulletins", (e.bulletin for e in extractions)),
        "sections": records_to_frame("sections", (s for e in extractions for s in e.sections)),
        "dates": records_to_frame("dates", (d for e in extractions for d in e.dates)),
        "groups": records_to_frame("groups", (g for e in extractions for g in e.groups)),
        "people": records_to_frame("people", (p for e in extractions for p in e.people)),
        "publications": records_to_frame("publications", (p for e in extractions for p in e.publications)),
        "events": records_to_frame("events", (v for e in extractions for v in e.events)),
        "errors": records_to_frame("errors", errors),
    }
    for name, records in (extra or {}).items():
        frames[name] = records_to_frame(name, records)
    return frames


def _csv_frame(table_name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Lists joined with "; " and dates as YYYY-MM-DD, the forms a spreadsheet reads."""
    out = frame.copy()
    for column in TABLES[table_name].columns:
        if column.type == "list":
            out[column.name] = [LIST_SEPARATOR.join(v) if v is not None else "" for v in out[column.name]]
    return out


def write_csv(table_name: str, frame: pd.DataFrame, path: Path) -> None:
    with atomic_path(path) as tmp:
        _csv_frame(table_name, frame).to_csv(tmp, index=False, encoding=CSV_ENCODING, lineterminator="\n")


def write_parquet(table_name: str, frame: pd.DataFrame, path: Path) -> None:
    arrow = pa.Table.from_pandas(frame, schema=arrow_schema(TABLES[table_name]), preserve_index=False)
    with atomic_path(path) as tmp:
        pq.write_table(arrow, tmp)


def read_parquet_tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    """Tables already in ``out_dir`` (for merging a batch update into them)."""
    frames = {}
    for name in TABLES:
        path = out_dir / f"{name}.parquet"
        if path.exists():
            frames[name] = pq.read_table(path).to_pandas(date_as_object=True, types_mapper=_NULLABLE_INTEGERS.get)
    return frames


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Write every table in every format; each file is replaced atomically. Returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, frame in frames.items():
        if "csv" in formats:
            write_csv(name, frame, out_dir / f"{name}.csv")
            written.append(out_dir / f"{name}.csv")
        if "parquet" in formats:
            write_parquet(name, frame, out_dir / f"{name}.parquet")
            written.append(out_dir / f"{name}.parquet")
    if "xlsx" in formats:
        from .outputs.xlsx import write_xlsx

        write_xlsx(frames, out_dir / "bulletins.xlsx")
        written.append(out_dir / "bulletins.xlsx")
    if "sqlite" in formats:
        from .outputs.sqlite import write_sqlite

        write_sqlite(frames, out_dir / "bulletins.sqlite")
        written.append(out_dir / "bulletins.sqlite")
    log.info("wrote %d files to %s", len(written), out_dir)
    return written
