"""The data dictionary (Markdown) rendered from ``pipeline.schema``.

``docs/data-dictionary.md`` is this module's output; regenerate it after changing the schema::

    python -m pipeline.outputs.dictionary > docs/data-dictionary.md

(or ``python -m pipeline.outputs.dictionary docs/data-dictionary.md``). A test fails when
the committed file differs from what the schema renders.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from .. import schema
from ..atomic import write_text_atomic
from .common import LIST_SEPARATOR

log = logging.getLogger(__name__)

TYPE_NOTES = {
    "string": "text",
    "integer": "whole number",
    "date": "date (YYYY-MM-DD)",
    "datetime": "date and time (ISO 8601)",
    "list": f"list of text (`{LIST_SEPARATOR}`-separated in CSV, xlsx and SQLite; a list in Parquet)",
}


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def render_table(table: schema.Table) -> str:
    lines = [f"## `{table.name}`", "", table.description, ""]
    keys: list[str] = []
    if table.primary_key:
        keys.append("Primary key: " + ", ".join(f"`{c}`" for c in table.primary_key) + ".")
    for column, other, other_column in table.foreign_keys:
        keys.append(f"`{column}` refers to `{other}.{other_column}`.")
    if keys:
        lines += [" ".join(keys), ""]
    lines += ["| Column | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
    for column in table.columns:
        required = "yes" if column.required or column.name in table.primary_key else ""
        lines.append(f"| `{column.name}` | {TYPE_NOTES.get(column.type, column.type)} | {required} | "
                     f"{_cell(column.description)} |")
    return "\n".join(lines) + "\n"


def render_dictionary() -> str:
    """The whole data dictionary as Markdown."""
    tables = list(schema.TABLES.values())
    parts = [
        "# Data dictionary",
        "",
        "<!-- Generated from pipeline/schema.py by `python -m pipeline.outputs.dictionary`; do not edit by hand. -->",
        "",
        "Every run writes these tables (as CSV, Parquet, xlsx sheets or SQLite tables, as configured). "
        "`char_start`/`char_end` are offsets into the `text` column of `bulletins`: "
        "`text[char_start:char_end]` is the evidence for the row. Empty cells mean \"not known\" or \"not said\".",
        "",
        "Tables: " + ", ".join(f"[`{t.name}`](#{t.name})" for t in tables) + ".",
        "",
    ]
    parts += [render_table(t) for t in tables]
    return "\n".join(parts)


def write_dictionary(path: Path) -> Path:
    write_text_atomic(Path(path), render_dictionary())
    log.info("wrote %s", path)
    return Path(path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args:
        write_dictionary(Path(args[0]))
    else:
        sys.stdout.write(render_dictionary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
