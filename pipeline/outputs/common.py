"""Helpers shared by the output writers: tables in schema order and cell values made flat.

The writers get pandas frames whose cells may be Python objects (lists, ``datetime.date``),
pandas missing markers (``None``, ``NaN``, ``pd.NA``, ``NaT``) or, after a Parquet round
trip, numpy arrays; these helpers turn each into one plain value per cell.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterator
from typing import Any

import pandas as pd

from .. import schema

log = logging.getLogger(__name__)

LIST_SEPARATOR = "; "


def is_missing(value: Any) -> bool:
    """True for None, NaN, pd.NA and NaT; False for lists and arrays (which are never 'missing')."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        # pd.isna on a scalar returns a bool; on list-likes an array, which we treat as present.
        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, bool) else False


def join_list(value: Any) -> str | None:
    """A list cell as one "; "-separated string; a plain string is kept as it is."""
    if is_missing(value):
        return None
    if isinstance(value, str):
        return value
    try:
        items = list(value)
    except TypeError:
        return str(value)
    return LIST_SEPARATOR.join(str(item) for item in items if not is_missing(item))


def to_date(value: Any) -> dt.date | None:
    if is_missing(value) or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        log.warning("not a date, left empty: %r", value)
        return None


def to_datetime(value: Any) -> dt.datetime | None:
    """An ISO timestamp as a naive UTC datetime (Excel has no time zones)."""
    if is_missing(value) or value == "":
        return None
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        log.warning("not a timestamp, left empty: %r", value)
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp.to_pydatetime()


def to_int(value: Any) -> int | None:
    if is_missing(value) or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        log.warning("not an integer, left empty: %r", value)
        return None


def to_text(value: Any) -> str | None:
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def flat_value(column_type: str, value: Any) -> Any:
    """A cell as a plain value for a flat format: dates/datetimes as ISO text, lists joined."""
    if column_type == "list":
        return join_list(value)
    if column_type == "integer":
        return to_int(value)
    if column_type == "date":
        date = to_date(value)
        return date.isoformat() if date else None
    return to_text(value)


def table_for(name: str, frame: pd.DataFrame) -> schema.Table:
    """The schema's table, or for a frame the schema does not know (yet) an all-string table."""
    if name in schema.TABLES:
        return schema.TABLES[name]
    log.warning("table %s is not in pipeline.schema; writing its columns as text", name)
    columns = tuple(schema.Column(str(c), "string", "") for c in frame.columns)
    return schema.Table(name, "", columns)


def ordered_tables(frames: dict[str, pd.DataFrame]) -> Iterator[tuple[schema.Table, pd.DataFrame]]:
    """(table, frame) in schema order, then any extra frames; frames get exactly the table's columns."""
    names = [n for n in schema.TABLES if n in frames] + [n for n in frames if n not in schema.TABLES]
    for name in names:
        frame = frames[name]
        table = table_for(name, frame)
        extra = [c for c in frame.columns if c not in table.column_names]
        if extra:
            log.warning("table %s: dropping columns the schema does not define: %s", name, ", ".join(map(str, extra)))
        yield table, frame.reindex(columns=table.column_names)
