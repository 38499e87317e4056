"""``datapackage.json``: a Frictionless Data Package describing the tables written beside it.

Everything comes from ``pipeline.schema``: field names, types, descriptions, required
columns, primary and foreign keys. ``frictionless validate datapackage.json`` then checks
the files against the schema (types, keys, references, and each file's hash and size,
so a CSV edited after the run is noticed).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import __version__, schema
from ..atomic import write_text_atomic
from .common import LIST_SEPARATOR

log = logging.getLogger(__name__)

FILE_NAME = "datapackage.json"
# pandas writes the CSVs with encoding="utf-8-sig": UTF-8 with a byte-order mark. The spec wants an
# IANA encoding name, and "utf-8" is the right one: UTF-8 readers (frictionless included) skip the BOM.
CSV_ENCODING = "utf-8"
CSV_DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True}
FIELD_TYPES = {"string": "string", "integer": "integer", "date": "date", "datetime": "datetime", "list": "string"}


def field_descriptor(column: schema.Column, file_format: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": FIELD_TYPES.get(column.type, "string"),
                             "description": column.description}
    if column.type == "list":
        if file_format == "parquet":
            field["type"] = "array"  # Parquet keeps a real list column
        else:
            field["description"] = f"{column.description} A list: items separated by {LIST_SEPARATOR!r}."
    if column.required:
        field["constraints"] = {"required": True}
    return field


def table_schema(table: schema.Table, file_format: str, present: set[str]) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "fields": [field_descriptor(c, file_format) for c in table.columns],
        "missingValues": [""],
    }
    if table.primary_key:
        descriptor["primaryKey"] = list(table.primary_key)
    foreign = [
        {"fields": [column], "reference": {"resource": other, "fields": [other_column]}}
        for column, other, other_column in table.foreign_keys
        if other in present  # a reference to a table that was not written would make the package invalid
    ]
    if foreign:
        descriptor["foreignKeys"] = foreign
    return descriptor


def _file_stats(path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return {"bytes": path.stat().st_size, "hash": f"sha256:{digest.hexdigest()}"}


def resource_descriptor(table: schema.Table, out_dir: Path, file_format: str, present: set[str]) -> dict[str, Any]:
    path = f"{table.name}.{file_format}"
    resource: dict[str, Any] = {
        "name": table.name,
        "path": path,
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": file_format,
    }
    if file_format == "csv":
        resource |= {"mediatype": "text/csv", "encoding": CSV_ENCODING, "dialect": dict(CSV_DIALECT)}
    else:
        resource["mediatype"] = "application/vnd.apache.parquet"
    resource |= _file_stats(out_dir / path)
    resource["schema"] = table_schema(table, file_format, present)
    return resource


def build_descriptor(out_dir: Path, file_format: str) -> dict[str, Any]:
    """The package descriptor for the ``<table>.<file_format>`` files in ``out_dir``."""
    present = {name for name in schema.TABLES if (out_dir / f"{name}.{file_format}").is_file()}
    missing = [name for name in schema.TABLES if name not in present]
    if missing:
        log.warning("datapackage: no %s file for %s; left out of the package", file_format, ", ".join(missing))
    return {
        "profile": "tabular-data-package",
        "name": "policy-bulletins",
        "title": "Policy bulletins as tables",
        "description": (
            "Bulletins (blog updates, news releases, minutes) and the dates, groups, people, publications "
            "and events extracted from them. Offsets (char_start/char_end) index the text column of bulletins. "
            "Column meanings: docs/data-dictionary.md."
        ),
        "version": __version__,
        "resources": [resource_descriptor(schema.TABLES[name], out_dir, file_format, present)
                      for name in schema.TABLES if name in present],
    }


def write_datapackage(out_dir: Path, formats: Iterable[str]) -> Path | None:
    """Write ``out_dir/datapackage.json`` for the CSV files (else the Parquet files); return its path.

    Returns None, writing nothing, when neither CSV nor Parquet was among ``formats``.
    """
    out_dir = Path(out_dir)
    formats = tuple(formats)
    file_format = next((f for f in ("csv", "parquet") if f in formats), None)
    if file_format is None:
        log.info("datapackage: no CSV or Parquet output to describe; %s not written", FILE_NAME)
        return None
    path = out_dir / FILE_NAME
    write_text_atomic(path, json.dumps(build_descriptor(out_dir, file_format), indent=2, ensure_ascii=False) + "\n")
    log.info("wrote %s", path)
    return path
