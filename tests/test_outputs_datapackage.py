import json

import frictionless
import pytest
from outputs_fixtures import sample_frames

from pipeline import schema
from pipeline.outputs.datapackage import write_datapackage


def write_csvs(frames, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame = frame.copy()
        for column in schema.TABLES[name].columns:
            if column.type == "list":
                frame[column.name] = frame[column.name].map(lambda v: "; ".join(v))
        frame.to_csv(out_dir / f"{name}.csv", index=False, encoding="utf-8-sig")


def errors_of(report):
    return report.flatten(["type", "note"])


@pytest.fixture
def package(tmp_path):
    write_csvs(sample_frames(), tmp_path)
    return write_datapackage(tmp_path, ("csv", "parquet"))


def test_package_is_valid(package):
    text = (package.parent / "bulletins.csv").read_text(encoding="utf-8-sig")
    assert "–" in text and "“" in text  # the data really has curly quotes and en dashes
    report = frictionless.validate(str(package))
    assert report.valid, errors_of(report)


def test_descriptor_from_schema(package):
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == list(schema.TABLES)
    bulletins = resources["bulletins"]
    assert bulletins["path"] == "bulletins.csv"
    assert bulletins["schema"]["primaryKey"] == ["bulletin_id"]
    fields = {f["name"]: f for f in bulletins["schema"]["fields"]}
    assert [f["name"] for f in bulletins["schema"]["fields"]] == schema.TABLES["bulletins"].column_names
    assert fields["published"]["type"] == "date"
    assert fields["captured_at"]["type"] == "datetime"
    assert fields["categories"]["type"] == "string" and "'; '" in fields["categories"]["description"]
    assert fields["bulletin_id"]["constraints"] == {"required": True}
    people = resources["people"]["schema"]
    assert {"fields": ["bulletin_id"], "reference": {"resource": "bulletins", "fields": ["bulletin_id"]}} in people[
        "foreignKeys"]
    assert {f["name"]: f["type"] for f in people["fields"]}["char_start"] == "integer"


def test_broken_reference_makes_it_invalid(tmp_path):
    frames = sample_frames()
    frames["people"].loc[0, "bulletin_id"] = "no-such-bulletin"
    write_csvs(frames, tmp_path)
    report = frictionless.validate(str(write_datapackage(tmp_path, ["csv"])))
    assert not report.valid
    assert "foreign-key" in [e[0] for e in errors_of(report)]


def test_stale_file_detected_by_hash(package):
    with (package.parent / "errors.csv").open("a", encoding="utf-8") as handle:
        handle.write("late.html,read,added after the package was written\n")
    report = frictionless.validate(str(package))
    assert not report.valid


def test_missing_table_left_out_and_no_tabular_format(tmp_path):
    frames = sample_frames()
    del frames["sections"]
    write_csvs(frames, tmp_path)
    descriptor = json.loads(write_datapackage(tmp_path, ["csv"]).read_text(encoding="utf-8"))
    names = [r["name"] for r in descriptor["resources"]]
    assert "sections" not in names
    dates = next(r for r in descriptor["resources"] if r["name"] == "dates")
    assert [fk["reference"]["resource"] for fk in dates["schema"]["foreignKeys"]] == ["bulletins"]
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid
    assert write_datapackage(tmp_path / "x", ["xlsx"]) is None
