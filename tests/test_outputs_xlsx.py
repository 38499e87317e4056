import datetime as dt

import openpyxl
import pandas as pd
import pytest
from outputs_fixtures import sample_frames

from pipeline import schema
from pipeline.outputs.xlsx import EXCEL_MAX_CHARS, TRUNCATION_MARKER, write_xlsx


@pytest.fixture
def workbook(tmp_path):
    frames = sample_frames()
    bulletins = frames["bulletins"]
    # A bulletin too long for one Excel cell, and one whose title would be a formula if not escaped.
    frames["bulletins"].loc[0, "text"] = "x" * (EXCEL_MAX_CHARS + 10)
    frames["bulletins"].loc[1, "title"] = "=HYPERLINK(\"http://example.invalid\")"
    frames["bulletins"] = bulletins
    path = write_xlsx(frames, tmp_path / "out" / "bulletins.xlsx")
    return openpyxl.load_workbook(path)


def header(sheet):
    return [c.value for c in sheet[1]]


def test_one_sheet_per_table_in_schema_order(workbook):
    assert workbook.sheetnames == list(schema.TABLES)
    for name, table in schema.TABLES.items():
        assert header(workbook[name]) == table.column_names


def test_header_frozen_and_filtered(workbook):
    sheet = workbook["groups"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(schema.TABLES['groups'].columns))}6"


def test_dates_are_excel_dates_and_integers_numbers(workbook):
    sheet = workbook["dates"]
    cols = header(sheet)
    row = [c.value for c in sheet[2]]
    assert row[cols.index("start")] == dt.datetime(2017, 11, 21)
    assert sheet.cell(2, cols.index("start") + 1).is_date
    assert sheet.cell(2, cols.index("start") + 1).number_format == "yyyy-mm-dd"
    assert row[cols.index("char_start")] == 99
    bulletins = workbook["bulletins"]
    bcols = header(bulletins)
    assert bulletins.cell(2, bcols.index("published") + 1).value == dt.datetime(2017, 12, 1)
    assert bulletins.cell(2, bcols.index("captured_at") + 1).value == dt.datetime(2018, 1, 5, 10, 30)


def test_lists_joined_and_text_kept(workbook):
    bulletins = workbook["bulletins"]
    cols = header(bulletins)
    assert bulletins.cell(2, cols.index("categories") + 1).value == "Child protection; Updates"
    assert bulletins.cell(3, cols.index("categories") + 1).value is None  # empty list -> empty cell
    assert bulletins.cell(3, cols.index("url") + 1).value is None
    people = workbook["people"]
    assert people.cell(3, header(people).index("role") + 1).value == "Children’s Commissioner"


def test_long_cells_truncated_with_marker_and_formulas_stay_text(workbook):
    bulletins = workbook["bulletins"]
    cols = header(bulletins)
    text = bulletins.cell(2, cols.index("text") + 1).value
    assert len(text) == EXCEL_MAX_CHARS
    assert text.endswith(TRUNCATION_MARKER)
    title = bulletins.cell(3, cols.index("title") + 1)
    assert title.data_type == "s"
    assert title.value.startswith("=HYPERLINK")


def test_column_widths_capped(workbook):
    sheet = workbook["bulletins"]
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    assert max(widths.values()) <= 61
    assert min(widths.values()) >= 8


def test_empty_table_and_unknown_table(tmp_path):
    frames = {"errors": pd.DataFrame(columns=schema.TABLES["errors"].column_names),
              "not_in_schema": pd.DataFrame({"thing_id": ["t1"], "label": ["Anne Smith"]})}
    book = openpyxl.load_workbook(write_xlsx(frames, tmp_path / "x.xlsx"))
    assert book.sheetnames == ["errors", "not_in_schema"]
    assert header(book["errors"]) == ["source", "stage", "message"]
    assert book["not_in_schema"]["B2"].value == "Anne Smith"
