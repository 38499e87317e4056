import dataclasses
import datetime as dt

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import records
from pipeline.atomic import atomic_path
from pipeline.bulletin import make_bulletin
from pipeline.records import Block, DateMention, ErrorRecord, Extraction, PersonMention
from pipeline.schema import TABLES
from pipeline.writers import extractions_to_frames, write_tables

RECORD_OF_TABLE = {
    "sections": records.Section,
    "dates": records.DateMention,
    "groups": records.GroupMention,
    "people": records.PersonMention,
    "publications": records.PublicationMention,
    "events": records.Event,
    "errors": records.ErrorRecord,
}


@pytest.mark.parametrize("table", sorted(RECORD_OF_TABLE), ids=sorted(RECORD_OF_TABLE))
def test_record_fields_are_the_table_columns_in_order(table):
    fields = [f.name for f in dataclasses.fields(RECORD_OF_TABLE[table])]
    assert fields == TABLES[table].column_names


def _extraction() -> Extraction:
    b = make_bulletin(
        source="raw/x.html",
        url="https://blogs.example.scot/cpip/2019/03/01/update/",
        title="Update – spring",
        published=dt.date(2019, 3, 1),
        author=None,
        categories=["Child protection"],
        blocks=[Block("paragraph", "The Kinship Care Group met on 4 February 2019 – “a useful session”.")],
    )
    date = DateMention(
        b.bulletin_id, "", "4 February 2019", "2019-02-04", dt.date(2019, 2, 4), dt.date(2019, 2, 4), "day", 31, 46, ""
    )
    person = PersonMention(
        b.bulletin_id,
        "",
        "Ruth Ogilvie",
        None,
        "MSP",
        "Minister for Care",
        None,
        "Ruth Ogilvie MSP",
        0,
        5,
        "s",
        aliases=("Ms Ogilvie",),
    )
    return Extraction(b, dates=[date], people=[person])


def test_tables_round_trip_through_csv_and_parquet(tmp_path):
    frames = extractions_to_frames([_extraction()], [ErrorRecord("raw/bad.json", "read", "no text")])
    files = write_tables(frames, tmp_path, ["csv", "parquet"])
    assert {p.name for p in files} >= {"bulletins.csv", "dates.parquet", "errors.csv"}

    csv = pd.read_csv(tmp_path / "bulletins.csv", encoding="utf-8-sig")
    assert csv.loc[0, "title"] == "Update – spring"  # dash survives
    assert (tmp_path / "bulletins.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert "“a useful session”" in csv.loc[0, "text"]
    assert pd.read_csv(tmp_path / "people.csv").loc[0, "aliases"] == "Ms Ogilvie"

    dates = pq.read_table(tmp_path / "dates.parquet")
    assert str(dates.schema.field("start").type) == "date32[day]"
    assert dates.column("value").to_pylist() == ["2019-02-04"]
    people = pq.read_table(tmp_path / "people.parquet")
    assert people.column("aliases").to_pylist() == [["Ms Ogilvie"]]
    assert people.column("title").to_pylist() == [None]


def test_empty_tables_keep_their_columns_and_types(tmp_path):
    frames = extractions_to_frames([], [])
    write_tables(frames, tmp_path, ["parquet", "csv"])
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == 0
    assert table.schema.names == TABLES["events"].column_names
    assert list(pd.read_csv(tmp_path / "events.csv").columns) == TABLES["events"].column_names


def test_same_input_same_bytes(tmp_path):
    for run in ("a", "b"):
        write_tables(extractions_to_frames([_extraction()], []), tmp_path / run, ["csv", "parquet"])
    for name in ("people.csv", "dates.parquet", "bulletins.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_failed_write_leaves_previous_file_intact(tmp_path):
    target = tmp_path / "dates.csv"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["dates.csv"]  # no temp file left behind


def test_outputs_are_readable_by_others(tmp_path):
    write_tables(extractions_to_frames([_extraction()], []), tmp_path, ["csv"])
    assert (tmp_path / "dates.csv").stat().st_mode & 0o044 == 0o044


def test_integer_column_with_gaps_stays_integer_in_csv(tmp_path):
    pub = records.PublicationMention("b", "", "Carers Plan 2018", "plan", 2018, None, None, "x", 0, 1, "")
    undated = records.PublicationMention("b", "", "Carers Guidance", "guidance", None, None, None, "y", 2, 3, "")
    b = _extraction()
    frames = extractions_to_frames([Extraction(b.bulletin, publications=[pub, undated])], [])
    write_tables(frames, tmp_path, ["csv"])
    assert "2018.0" not in (tmp_path / "publications.csv").read_text(encoding="utf-8-sig")
