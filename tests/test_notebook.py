"""Runs notebooks/analysis.ipynb top to bottom with nbclient against small extracted/ folders."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from outputs_fixtures import sample_frames

from pipeline import schema

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "analysis.ipynb"


def write_parquet(frames, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame = frame.copy()
        for column in schema.TABLES[name].columns:
            if column.type == "list":  # what Parquet holds: a list column
                frame[column.name] = frame[column.name].map(list)
        frame.to_parquet(out_dir / f"{name}.parquet", index=False)
    return out_dir


def run(extracted, monkeypatch, tmp_path):
    monkeypatch.setenv("BULLETINS_EXTRACTED", str(extracted))
    monkeypatch.setenv("MPLBACKEND", "Agg")  # headless, whatever the machine's matplotlib default
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    return notebook


def outputs(notebook, tag):
    """(text, has_image) of the code cell tagged ``tag``."""
    cell = next(c for c in notebook.cells if tag in c.metadata.get("tags", []))
    text, image = [], False
    for out in cell.outputs:
        text.append(out.get("text", ""))
        data = out.get("data", {})
        text.append(data.get("text/plain", ""))
        image = image or "image/png" in data
        assert out.output_type != "error", out
    return "\n".join(text), image


def test_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "clear the notebook's outputs before committing"


def test_runs_on_sample_tables(tmp_path, monkeypatch):
    notebook = run(write_parquet(sample_frames(), tmp_path / "extracted"), monkeypatch, tmp_path)
    text, image = outputs(notebook, "timeline")
    assert image and "Edinburgh" in text
    text, _ = outputs(notebook, "roles")
    assert "Catherine Dyer" in text and "Chair" in text and "2017-12-01" in text
    _, image = outputs(notebook, "roles-chart")
    assert image
    text, image = outputs(notebook, "publications")
    assert image and "legislation" in text and "forthcoming" in text
    text, image = outputs(notebook, "cooccurrence")
    assert image and "Care Inspectorate" in text


def test_runs_on_empty_and_missing_tables(tmp_path, monkeypatch):
    frames = {name: frame.iloc[0:0] for name, frame in sample_frames().items()}
    extracted = write_parquet(frames, tmp_path / "extracted")
    (extracted / "events.parquet").unlink()  # a table the run did not write at all
    notebook = run(extracted, monkeypatch, tmp_path)
    assert "No events in this extract." in outputs(notebook, "timeline")[0]
    assert "No people in this extract." in outputs(notebook, "roles")[0]
    assert "No groups in this extract." in outputs(notebook, "cooccurrence")[0]


def test_runs_without_any_folder(tmp_path, monkeypatch):
    notebook = run(tmp_path / "nowhere", monkeypatch, tmp_path)
    assert "run the pipeline first" in outputs(notebook, "load")[0]


def test_runs_on_tables_written_by_the_pipeline(tmp_path, monkeypatch):
    from outputs_fixtures import sample

    from pipeline.writers import extractions_to_frames, write_tables

    data = sample()
    extracted = tmp_path / "extracted"
    write_tables(extractions_to_frames(data.extractions, data.errors), extracted, ["parquet"])
    notebook = run(extracted, monkeypatch, tmp_path)
    text, image = outputs(notebook, "timeline")
    assert image and "Edinburgh" in text
    assert "Anne Smith" in outputs(notebook, "roles")[0]
