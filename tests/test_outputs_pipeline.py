"""The analyst outputs fed by the lead's writers (extractions_to_frames + write_tables), as a run does it."""

import sqlite3

import frictionless
import openpyxl
import pytest
from outputs_fixtures import sample

from pipeline.outputs.datapackage import write_datapackage
from pipeline.outputs.report import write_report
from pipeline.writers import extractions_to_frames, write_tables


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("extracted")
    data = sample()
    frames = extractions_to_frames(data.extractions, data.errors)
    write_tables(frames, out, ["csv", "parquet", "xlsx", "sqlite"])
    write_datapackage(out, ["csv", "parquet"])
    write_report(frames, out / "report.html")
    return out


def test_xlsx_and_sqlite_from_pipeline_frames(run_dir):
    book = openpyxl.load_workbook(run_dir / "bulletins.xlsx")
    sheet = book["publications"]
    header = [c.value for c in sheet[1]]
    assert sorted(sheet.cell(r, header.index("year") + 1).value or 0 for r in (2, 3)) == [0, 2014]
    with sqlite3.connect(run_dir / "bulletins.sqlite") as db:
        assert db.execute("SELECT typeof(year) FROM publications WHERE year IS NOT NULL").fetchone() == ("integer",)


def test_report_from_pipeline_frames(run_dir):
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    assert html.count('data-label="PUBLICATION"') == 2


def test_datapackage_valid_for_pipeline_csvs(run_dir):
    report = frictionless.validate(str(run_dir / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])
