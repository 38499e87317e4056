"""Speed and memory of the whole pipeline against bare spaCy, measured in the same run.

Speed: the pipeline (clean, parse, every stage, registries, tables) and spaCy's
bare ``nlp.pipe`` with the same model run over the same texts in this process;
the script prints bulletins per second for both and their ratio (target: the
pipeline at >= 0.8 of bare spaCy). Each is timed ``--repeat`` times, alternating,
and the best time of each is kept.

Memory: for each size in ``--memory-sizes``, a child process runs the pipeline
over that many bulletins and reports its peak resident memory, beside a child
that only loads the model (the baseline), so growth per bulletin can be read.

The texts are the inputs under ``--inputs`` (default: the sample archive),
repeated under distinct URLs until there are ``--bulletins`` of them.

    python scripts/benchmark_speed.py
    python scripts/benchmark_speed.py --bulletins 400 --memory-sizes 100,1000
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import spacy

from pipeline.clean import clean_document
from pipeline.errors import InputError
from pipeline.model import load_model
from pipeline.records import RawDocument
from pipeline.registries import build_registries
from pipeline.run import extract_documents
from pipeline.settings import Settings
from pipeline.sources import iter_documents
from pipeline.writers import extractions_to_frames


def corpus(inputs: Path, count: int) -> list[RawDocument]:
    """``count`` raw documents cycling through the readable inputs, each under its own URL."""
    originals = []
    for item in iter_documents([inputs]):
        if not isinstance(item, RawDocument):
            continue
        try:
            clean_document(item)
        except InputError:
            continue
        originals.append(item)
    if not originals:
        sys.exit(f"no readable bulletins under {inputs}")
    documents = []
    for i in range(count):
        doc = originals[i % len(originals)]
        url = f"https://bench.example/{i:05d}/" + (doc.url or doc.source).rsplit("/", 1)[-1]
        documents.append(dataclasses.replace(doc, source=f"{doc.source}#{i}", url=url))
    return documents


def run_pipeline(documents: list[RawDocument], settings: Settings) -> float:
    """The whole pipeline up to the output tables; returns the tables' size in MB (pandas' deep memory usage)."""
    extractions = [e for e in extract_documents(documents, settings) if not hasattr(e, "stage")]
    extractions, registries = build_registries(extractions)
    frames = extractions_to_frames(extractions, [], extra=registries)
    return sum(int(frame.memory_usage(deep=True).sum()) for frame in frames.values()) / 2**20


def texts_of(documents: list[RawDocument]) -> list[str]:
    return [clean_document(d).text for d in documents]


def peak_rss_mb() -> float:
    """Peak resident memory since the last reset_peak(): VmHWM on Linux, else the whole process's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def reset_peak() -> None:
    """Forget the peak so far (Linux: writing 5 to clear_refs resets VmHWM), so loading the model's
    transient spike does not hide what the run itself needs."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def child(mode: str, inputs: Path, count: int) -> None:
    """Run in a fresh process so the peak is this workload's alone."""
    settings = Settings(progress=False)
    load_model(settings.model)
    documents = corpus(inputs, max(count, 1))
    run_pipeline(documents[:1], settings)  # warm-up: lazy word lists, regexes, trafilatura import
    reset_peak()
    tables_mb = run_pipeline(documents, settings) if mode == "pipeline" else 0.0
    print(json.dumps({"peak_mb": peak_rss_mb(), "tables_mb": tables_mb}))


def measure_child(mode: str, inputs: Path, count: int) -> tuple[float, float]:
    """Peak resident memory of a fresh process running ``mode`` over ``count`` bulletins, and its tables' size."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--inputs", str(inputs), "--bulletins", str(count)],
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["peak_mb"], result["tables_mb"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=Path, default=Path("raw"), help="Folder of inputs (default: raw/).")
    parser.add_argument("--bulletins", type=int, default=200, help="Bulletins per speed run (default: 200).")
    parser.add_argument("--repeat", type=int, default=2, help="Timed runs of each, best kept (default: 2).")
    parser.add_argument("--memory-sizes", default="100,1000", help="Bulletin counts for the memory runs ('' to skip).")
    parser.add_argument("--child", choices=["pipeline", "model"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.inputs, args.bulletins)
        return

    settings = Settings(progress=False)
    documents = corpus(args.inputs, args.bulletins)
    texts = texts_of(documents)
    bare = spacy.load(load_model(settings.model).meta["lang"] + "_" + load_model(settings.model).meta["name"])
    run_pipeline(documents[:8], settings)  # warm-up: model, lazy word lists, regex compilation
    list(bare.pipe(texts[:8]))

    # Wall time is what a user waits; CPU time (this process, all threads) is what the work costs and
    # barely moves when other programs load the machine. Both are the best of --repeat alternating runs.
    wall = {"bare": float("inf"), "pipeline": float("inf")}
    cpu = dict(wall)
    for _ in range(args.repeat):
        for name, work in (
            ("bare", lambda: list(bare.pipe(texts, batch_size=settings.batch_size))),
            ("pipeline", lambda: run_pipeline(documents, settings)),
        ):
            start, start_cpu = time.perf_counter(), time.process_time()
            work()
            wall[name] = min(wall[name], time.perf_counter() - start)
            cpu[name] = min(cpu[name], time.process_time() - start_cpu)

    n = len(documents)
    chars = sum(len(t) for t in texts)
    print(
        f"{n} bulletins, {chars / n:,.0f} characters each on average, model {bare.meta['name']} {bare.meta['version']}"
    )
    print(f"{'':14}{'wall':>12}{'cpu':>12}   (bulletins per second)")
    print(f"{'bare nlp.pipe':14}{n / wall['bare']:12.2f}{n / cpu['bare']:12.2f}")
    print(f"{'pipeline':14}{n / wall['pipeline']:12.2f}{n / cpu['pipeline']:12.2f}")
    print(
        f"{'ratio':14}{wall['bare'] / wall['pipeline']:12.3f}{cpu['bare'] / cpu['pipeline']:12.3f}"
        "   (pipeline speed / bare spaCy speed; target >= 0.8)"
    )

    sizes = [int(s) for s in args.memory_sizes.split(",") if s.strip()]
    if sizes:
        baseline, _ = measure_child("model", args.inputs, 1)
        print(f"peak memory, model loaded, warm: {baseline:8.1f} MB")
        previous: tuple[int, float, float] | None = None
        for size in sizes:
            peak, tables = measure_child("pipeline", args.inputs, size)
            line = f"peak memory, {size:>5} bulletins  : {peak:8.1f} MB (+{peak - baseline:.1f} MB over the warm model"
            if previous:  # what each further bulletin costs, beside what its rows in the output tables take
                extra = (peak - previous[1]) * 1024 / (size - previous[0])
                rows = (tables - previous[2]) * 1024 / (size - previous[0])
                line += f"; {extra:.1f} KB per bulletin beyond {previous[0]}, of which its table rows {rows:.1f} KB"
            print(line + ")")
            previous = (size, peak, tables)


if __name__ == "__main__":
    main()
