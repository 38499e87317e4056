from pathlib import Path

from pipeline import schema
from pipeline.outputs.dictionary import main, render_dictionary

COMMITTED = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"


def test_committed_dictionary_is_up_to_date():
    assert COMMITTED.read_text(encoding="utf-8") == render_dictionary(), (
        "docs/data-dictionary.md is stale: run `python -m pipeline.outputs.dictionary > docs/data-dictionary.md`"
    )


def test_every_table_column_and_key_is_documented():
    text = render_dictionary()
    for table in schema.TABLES.values():
        section = text.split(f"## `{table.name}`", 1)[1].split("\n## ", 1)[0]
        assert table.description in section
        for column in table.columns:
            assert f"| `{column.name}` |" in section
        for column, other, other_column in table.foreign_keys:
            assert f"`{column}` refers to `{other}.{other_column}`" in section


def test_main_writes_a_file(tmp_path):
    assert main([str(tmp_path / "dd.md")]) == 0
    assert (tmp_path / "dd.md").read_text(encoding="utf-8") == render_dictionary()
