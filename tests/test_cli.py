"""The CLI end to end: real files in, real tables out, exit codes as documented."""

import json
import subprocess
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import cli

BLOG_TEXT = """Foster Care Improvement Programme

Foster Care Improvement Programme – Update #3

March 12, 2019 by No Comments | Category Uncategorized

This update covers the work of the programme since the last post in December.

The Kinship Care Working Group

The Kinship Care Working Group met on 19 February 2019 at Saughton House and will meet again in April.
The group is chaired by the Minister for Children and Families, Ruth Ogilvie MSP.

Foster Carer Allowance Guidance

The Foster Carer Allowance Guidance will be published in May 2019.

Children and Families Policy Team

Scottish Government

Comments

Leave a comment
"""

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Update #4 – Foster Care blog</title></head>
<body><header><p class="site-title">Foster Care Improvement Programme</p></header>
<main><article class="post"><h1 class="entry-title">Foster Care Improvement Programme – Update #4</h1>
<div class="entry-meta"><time class="entry-date" datetime="2019-06-03T09:00:00+00:00">June 3, 2019</time></div>
<div class="entry-content">
<p>The Fostering Network Scotland hosted a learning event on 15 May 2019 in Perth.</p>
<h2>Foster Carer Allowance Guidance</h2>
<p>The Foster Carer Allowance Guidance was published on 28 May 2019 by the Scottish Government.</p>
</div></article></main><footer>© Crown copyright</footer></body></html>
"""


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "update-3.txt").write_text(BLOG_TEXT, encoding="utf-8")
    (folder / "update-4.html").write_text(PAGE, encoding="utf-8")
    (folder / "records.jsonl").write_text(
        json.dumps(
            {
                "url": "https://blog.example/2019/07/01/news/",
                "text": "Care review\n\nThe Care Review Board met on 1 July 2019.",
            }
        )
        + "\n{not json\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    return folder


def test_extract_writes_every_table_and_lists_bad_inputs(inputs, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["-q", "extract", str(inputs), "--out", str(out)], obj={})
    assert result.exit_code == 0, result.output
    assert "3 bulletins" in result.output
    for table in ("bulletins", "sections", "dates", "groups", "people", "publications", "events", "errors"):
        assert (out / f"{table}.csv").exists() and (out / f"{table}.parquet").exists()
    errors = pd.read_csv(out / "errors.csv")
    assert len(errors) == 3  # bad JSONL line, empty file, binary file
    assert any("records.jsonl#2" in s for s in errors["source"])
    bulletins = pq.read_table(out / "bulletins.parquet").to_pandas()
    assert set(bulletins["title"]) >= {"Foster Care Improvement Programme – Update #3", "Care review"}
    dates = pq.read_table(out / "dates.parquet").to_pandas()
    assert "2019-02-19" in set(dates["value"])
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["bulletins"] == 3 and run["counts"]["errors"] == 3
    assert run["model"]["version"] and run["settings"]["formats"] == ["csv", "parquet"]


def test_mention_offsets_point_at_their_text(inputs, tmp_path):
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["-q", "extract", str(inputs), "--out", str(out)], obj={})
    texts = pq.read_table(out / "bulletins.parquet").to_pandas().set_index("bulletin_id")["text"]
    for table, column in (("dates", "text"), ("groups", "text"), ("people", "text")):
        frame = pq.read_table(out / f"{table}.parquet").to_pandas()
        for row in frame.itertuples():
            assert texts[row.bulletin_id][row.char_start : row.char_end] == getattr(row, column)


def test_nothing_extracted_exits_1_and_keeps_previous_tables(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "dates.csv").write_text("previous", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"url": "https://x.example/a"}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["-q", "extract", str(bad), "--out", str(out / "new")], obj={})
    assert result.exit_code == 1
    assert "could not be read" in result.output
    assert (out / "dates.csv").read_text(encoding="utf-8") == "previous"


@pytest.mark.parametrize(
    "args",
    [["extract", "x.txt"], ["extract", "x.txt", "--out", "o", "--format", "pdf"], ["evaluate", "/no/such/dir"]],
    ids=["missing-out", "unknown-format", "missing-gold"],
)
def test_bad_arguments_exit_2(args, tmp_path):
    result = CliRunner().invoke(cli, args, obj={})
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["run", "extract", "evaluate", "crawl", "update"])
def test_every_command_help_teaches_with_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"], obj={})
    assert result.exit_code == 0
    assert "Example" in result.output and f"bulletins {command}" in result.output


def test_console_script_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, check=True)
    assert "bulletins run" in result.stdout
