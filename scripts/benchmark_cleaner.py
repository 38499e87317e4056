"""Score the HTML cleaner's body text against the article-extraction benchmark, next to trafilatura alone.

For every page ``html/<id>.html.gz`` of the benchmark folder it writes ``<id>.txt`` twice into
a temporary folder: our ``clean_html(...).text`` (the body the pipeline keeps: section headings
and text in order, without the post title, which the benchmark's ``articleBody`` leaves out too)
and plain ``trafilatura.extract(html, include_comments=False)``. It then runs the benchmark's own
``score.py`` on both folders and prints both F1s and their ratio.

Gate: exits 1 unless our F1 is at least ``--floor`` (0.95) and not below trafilatura's.

Example:
    python scripts/benchmark_cleaner.py
    python scripts/benchmark_cleaner.py --bench ../shared/benchmarks/article-extraction --worst 10
"""

from __future__ import annotations

import csv
import gzip
import json
import logging
import subprocess
import sys
import tempfile
from pathlib import Path

import click
import trafilatura
from tqdm import tqdm

from pipeline.clean.html import clean_html
from pipeline.errors import InputError
from pipeline.records import RawDocument

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO_ROOT.parent / "shared" / "benchmarks" / "article-extraction"
SYSTEMS = ("ours", "trafilatura")


def ours(path: Path, html: str) -> str:
    try:
        return clean_html(RawDocument(source=str(path), media="html", body=html)).text
    except InputError:
        return ""


def trafilatura_alone(html: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def write_predictions(pages: list[Path], out: Path) -> None:
    for system in SYSTEMS:
        (out / system).mkdir(parents=True, exist_ok=True)
    for path in tqdm(pages, desc="cleaning pages", unit="page"):
        page_id = path.name.removesuffix(".html.gz")
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        (out / "ours" / f"{page_id}.txt").write_text(ours(path, html), encoding="utf-8")
        (out / "trafilatura" / f"{page_id}.txt").write_text(trafilatura_alone(html), encoding="utf-8")


def score(bench: Path, predictions: Path, protocol: str) -> tuple[dict, dict[str, float]]:
    """Run the benchmark's score.py; return its summary and the per-page F1."""
    summary_path, pages_path = predictions.with_suffix(".json"), predictions.with_suffix(".tsv")
    command = [sys.executable, str(bench / "score.py"), str(predictions), "--protocol", protocol,
               "--json", str(summary_path), "--per-page", str(pages_path)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, text=True)
    with pages_path.open(encoding="utf-8") as fh:
        per_page = {row["page_id"]: float(row["f1"]) for row in csv.DictReader(fh, delimiter="\t")}
    return json.loads(summary_path.read_text(encoding="utf-8")), per_page


@click.command(help=__doc__)
@click.option("--bench", type=click.Path(path_type=Path), default=DEFAULT_BENCH, show_default=True,
              help="benchmark folder holding html/*.html.gz, ground-truth.json and score.py")  # fmt: skip
@click.option("--protocol", type=click.Choice(["tokens", "aeb"]), default="tokens", show_default=True)
@click.option("--floor", type=float, default=0.95, show_default=True, help="lowest acceptable F1 for ours")
@click.option("--worst", type=int, default=0, help="list the K pages where ours trails trafilatura most")
@click.option("--keep", type=click.Path(path_type=Path), help="write the predictions here instead of a temp folder")
def main(bench: Path, protocol: str, floor: float, worst: int, keep: Path | None) -> None:
    bench = bench.resolve()
    pages = sorted((bench / "html").glob("*.html.gz"))
    if not pages or not (bench / "score.py").is_file():
        raise click.ClickException(f"no benchmark at {bench}: expected html/*.html.gz and score.py there (see --bench)")
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its per-page notes would bury the progress bar
    with tempfile.TemporaryDirectory(prefix="bench-cleaner-") as tmp:
        out = keep or Path(tmp)
        write_predictions(pages, out)
        results = {system: score(bench, out / system, protocol) for system in SYSTEMS}

    f1 = {system: results[system][0]["f1"] for system in SYSTEMS}
    for system in SYSTEMS:
        summary = results[system][0]
        click.echo(f"{system:12} F1 {summary['f1']:.4f}  P {summary['precision']:.4f}  R {summary['recall']:.4f}"
                   f"  (empty {summary['n_empty']} of {summary['n_pages']})")  # fmt: skip
    click.echo(f"ratio ours/trafilatura {f1['ours'] / f1['trafilatura']:.4f}   ({protocol} protocol)")
    if worst:
        ours_pages, theirs = results["ours"][1], results["trafilatura"][1]
        gaps = sorted(ours_pages, key=lambda p: ours_pages[p] - theirs[p])[:worst]
        for page in gaps:
            click.echo(f"  {page[:16]}  ours {ours_pages[page]:.3f}  trafilatura {theirs[page]:.3f}")
    if f1["ours"] < floor or f1["ours"] < f1["trafilatura"]:
        click.echo(f"FAIL: ours must reach {floor} and match trafilatura", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
