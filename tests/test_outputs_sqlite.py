import sqlite3

import pytest
from outputs_fixtures import sample_frames

from pipeline import schema
from pipeline.outputs.sqlite import write_sqlite


@pytest.fixture
def db(tmp_path):
    path = write_sqlite(sample_frames(), tmp_path / "bulletins.sqlite")
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def test_every_table_with_declared_types(db):
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY rowid")]
    assert names == list(schema.TABLES)
    info = {r[1]: (r[2], r[3], r[5]) for r in db.execute("PRAGMA table_info(dates)")}
    assert info["char_start"][0] == "INTEGER"
    assert info["value"] == ("TEXT", 1, 0)  # required -> NOT NULL
    pk = {r[1]: r[5] for r in db.execute("PRAGMA table_info(bulletins)")}
    assert pk["bulletin_id"] == 1


def test_foreign_keys_declared_and_satisfied(db):
    fks = {(r[3], r[2], r[4]) for r in db.execute("PRAGMA foreign_key_list(people)")}
    assert ("bulletin_id", "bulletins", "bulletin_id") in fks
    assert fks == set(schema.TABLES["people"].foreign_keys)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_values(db):
    row = db.execute("SELECT published, categories, captured_at FROM bulletins WHERE bulletin_id='b1'").fetchone()
    assert row == ("2017-12-01", "Child protection; Updates", "2018-01-05T10:30:00Z")
    assert db.execute("SELECT url FROM bulletins WHERE bulletin_id='b2'").fetchone() == (None,)
    count = db.execute("SELECT count(*) FROM dates WHERE start >= '2018-01-01'").fetchone()[0]
    assert count == 3
    assert db.execute("SELECT typeof(char_start) FROM dates LIMIT 1").fetchone() == ("integer",)
    assert db.execute("SELECT aliases FROM groups WHERE group_id='g-leadership'").fetchone() == ("Leadership Group",)


def test_descriptions_kept_in_schema_sql(db):
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name='bulletins'").fetchone()[0]
    assert "-- The cleaned text every char_start/char_end" in sql


def test_duplicate_primary_key_fails_and_keeps_old_file(tmp_path):
    path = tmp_path / "b.sqlite"
    write_sqlite(sample_frames(), path)
    frames = sample_frames()
    frames["bulletins"].loc[1, "bulletin_id"] = "b1"
    with pytest.raises(sqlite3.IntegrityError):
        write_sqlite(frames, path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM bulletins").fetchone() == (2,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.sqlite"]
