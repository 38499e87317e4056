"""One SQLite database with every table, declared types, primary and foreign keys (ready for datasette).

Dates and datetimes are stored as ISO text (SQLite has no date type; ISO text sorts and
compares correctly and datasette shows it as is); lists are "; "-joined text. Each column's
description from the schema is kept as a comment in the CREATE TABLE statement, so
``.schema`` in the sqlite3 shell documents the table.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pandas as pd

from .. import schema
from ..atomic import atomic_path
from .common import flat_value, ordered_tables

log = logging.getLogger(__name__)

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "date": "TEXT", "datetime": "TEXT", "list": "TEXT"}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: schema.Table, known_tables: set[str]) -> str:
    """CREATE TABLE for ``table``; foreign keys only to tables that are in the database."""
    lines: list[str] = []
    for column in table.columns:
        not_null = " NOT NULL" if column.required or column.name in table.primary_key else ""
        lines.append(f"{quote(column.name)} {SQL_TYPES.get(column.type, 'TEXT')}{not_null}")
    if table.primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(map(quote, table.primary_key))})")
    for column, other, other_column in table.foreign_keys:
        if other in known_tables:
            lines.append(f"FOREIGN KEY ({quote(column)}) REFERENCES {quote(other)} ({quote(other_column)})")
    comments = {c.name: c.description.replace("\n", " ") for c in table.columns}
    body = []
    for i, line in enumerate(lines):
        comma = "," if i < len(lines) - 1 else ""
        name = table.columns[i].name if i < len(table.columns) else ""
        body.append(f"  {line}{comma}" + (f"  -- {comments[name]}" if comments.get(name) else ""))
    header = f"-- {table.description}\n" if table.description else ""
    return f"CREATE TABLE {quote(table.name)} ( {header}" + "\n".join(body) + "\n)"


def _nullify(value: object) -> object:
    # CSV cannot tell "" from missing, so neither does the database: both are NULL, which
    # also keeps an empty section_id from failing its foreign key.
    return None if value == "" else value


def write_sqlite(frames: dict[str, pd.DataFrame], path: Path) -> Path:
    """Write every table to the SQLite file ``path`` (replacing it); return ``path``."""
    path = Path(path)
    tables = list(ordered_tables(frames))
    names = {table.name for table, _ in tables}
    with atomic_path(path) as tmp:
        connection = sqlite3.connect(tmp)
        try:
            with connection:  # one transaction: all tables or none
                for table, frame in tables:
                    connection.execute(create_table_sql(table, names))
                    for column, other, _ in table.foreign_keys:
                        if other in names:
                            # Joins and datasette's facet counts go through these columns.
                            index = quote(f"idx_{table.name}_{column}")
                            connection.execute(f"CREATE INDEX {index} ON {quote(table.name)} ({quote(column)})")
                    types = [c.type for c in table.columns]
                    rows = ([_nullify(flat_value(t, v)) for t, v in zip(types, values, strict=True)]
                            for values in frame.itertuples(index=False, name=None))
                    marks = ", ".join("?" * len(types))
                    connection.executemany(f"INSERT INTO {quote(table.name)} VALUES ({marks})", rows)
            _report_orphans(connection)
        finally:
            connection.close()
    log.info("wrote %s", path)
    return path


def _report_orphans(connection: sqlite3.Connection) -> None:
    """Log rows whose foreign key points nowhere; the data is written anyway, the log says what to fix."""
    problems = connection.execute("PRAGMA foreign_key_check").fetchall()
    by_table: dict[str, int] = {}
    for table, _rowid, _parent, _fk in problems:
        by_table[table] = by_table.get(table, 0) + 1
    for table, count in sorted(by_table.items()):
        log.warning("sqlite: %d row(s) of %s refer to a missing row of another table", count, table)
