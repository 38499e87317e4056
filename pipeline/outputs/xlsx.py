"""One Excel workbook with a sheet per table, typed cells and a header ready for filtering."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from .. import schema
from ..atomic import atomic_path
from .common import join_list, ordered_tables, to_date, to_datetime, to_int, to_text

log = logging.getLogger(__name__)

EXCEL_MAX_CHARS = 32_767  # per cell; Excel refuses or silently cuts longer text
EXCEL_MAX_ROWS = 1_048_576  # including the header row
TRUNCATION_MARKER = " … [truncated: full text in the CSV/Parquet output]"
MIN_WIDTH, MAX_WIDTH = 8, 60  # in characters; long text columns wrap rather than widen the sheet
WIDTH_SAMPLE_ROWS = 200  # enough rows to judge a column's typical width without scanning a huge table


def truncate(text: str) -> str:
    if len(text) <= EXCEL_MAX_CHARS:
        return text
    return text[: EXCEL_MAX_CHARS - len(TRUNCATION_MARKER)] + TRUNCATION_MARKER


def _cell(column_type: str, value: Any) -> Any:
    if column_type == "date":
        return to_date(value)
    if column_type == "datetime":
        return to_datetime(value)
    if column_type == "integer":
        return to_int(value)
    text = join_list(value) if column_type == "list" else to_text(value)
    return truncate(text) if text else None  # "" is an empty cell, as in the CSV


def _width(column: schema.Column, values: list[Any]) -> float:
    if column.type == "date":
        return 12
    if column.type == "datetime":
        return 20
    lengths = sorted(len(str(v)) for v in values if v is not None)
    # The 90th percentile, so one long sentence does not make the whole column wide.
    typical = lengths[int(len(lengths) * 0.9)] if lengths else 0
    return max(MIN_WIDTH, min(MAX_WIDTH, max(typical, len(column.name)) + 2))


def _write_sheet(book: xlsxwriter.Workbook, table: schema.Table, frame: pd.DataFrame, formats: dict) -> None:
    sheet: Worksheet = book.add_worksheet(table.name[:31])  # Excel's limit on sheet names
    if len(frame) > EXCEL_MAX_ROWS - 1:
        log.warning("table %s has %d rows; Excel holds %d, the rest are left out of the workbook",
                    table.name, len(frame), EXCEL_MAX_ROWS - 1)
        frame = frame.iloc[: EXCEL_MAX_ROWS - 1]
    columns = table.columns
    rows = [[_cell(c.type, v) for c, v in zip(columns, values, strict=True)]
            for values in frame.itertuples(index=False, name=None)]

    for col, column in enumerate(columns):
        sample = [row[col] for row in rows[:WIDTH_SAMPLE_ROWS]]
        sheet.set_column(col, col, _width(column, sample), formats.get(column.type))
        sheet.write_string(0, col, column.name, formats["header"])
        if column.description:
            # The dictionary's meaning of the column, shown when the header cell is hovered.
            sheet.write_comment(0, col, column.description, {"x_scale": 2, "y_scale": 1.5})

    for r, row in enumerate(rows, start=1):
        for col, (column, value) in enumerate(zip(columns, row, strict=True)):
            if value is None:
                continue
            if column.type in ("date", "datetime"):
                sheet.write_datetime(r, col, value, formats[column.type])
            elif column.type == "integer":
                sheet.write_number(r, col, value)
            else:
                sheet.write_string(r, col, value)

    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)


def write_xlsx(frames: dict[str, pd.DataFrame], path: Path) -> Path:
    """Write every table to ``path`` (one sheet each, schema order); return ``path``."""
    path = Path(path)
    with atomic_path(path) as tmp:
        # Bulletin text is untrusted: never let a cell starting with "=" become a formula,
        # and keep URLs as text (Excel caps hyperlinks per sheet).
        options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
        book = xlsxwriter.Workbook(str(tmp), options)
        formats = {
            "header": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
            "date": book.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
        }
        for table, frame in ordered_tables(frames):
            _write_sheet(book, table, frame, formats)
        book.close()
    log.info("wrote %s", path)
    return path
