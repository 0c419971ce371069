"""The `sitrep` command: thin wrappers that parse arguments and call the library."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Optional, TextIO

import typer
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .export import ExportError, export as export_table
from .geo.cli import gazetteer_app
from .settings import DEFAULT_MODEL
from .store import Store, StoreError

if TYPE_CHECKING:
    from .ingest import IngestProblem
    from .pipeline import Extractor, RunReport

# `sitrep.pipeline` loads spaCy (about a second): only the commands that analyse text
# (ingest, extract, demo) import it, so stats, export and --help start without it.

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn conflict reporting into a checkable record.")
out = Console(soft_wrap=True)
# soft_wrap: a problem is one line on stderr whatever the terminal width.
err = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option(Path("sitrep.db"), "--db", help="SQLite database file.")
MODEL_OPTION = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model package name.")
PUBLISHED_OPTION = typer.Option(
    None, "--published", metavar="YYYY-MM-DD",
    help="Publication date for documents that carry none (plain text, an undated dateline); "
         "relative dates such as 'on Tuesday' resolve against it. A document's own date wins.")


def _checked_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        err.print(f"[red]error:[/red] --published must be a date as YYYY-MM-DD, not '{value}'")
        raise typer.Exit(2)

# The gazetteer commands live with the geoparser.
app.add_typer(gazetteer_app, name="gazetteer", help="Build or inspect the gazetteer.")


class RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.completed / task.elapsed if task.elapsed else 0.0
        return Text(f"{speed:.1f} docs/s")


@contextmanager
def _progress(label: str):
    """A live progress line on stderr; quiet when stderr is not a terminal."""
    progress = Progress(SpinnerColumn(), TextColumn(label), TextColumn("{task.completed} docs"),
                        RateColumn(), TimeElapsedColumn(), console=err, transient=True,
                        disable=not err.is_terminal)
    with progress:
        task = progress.add_task(label, total=None)
        yield lambda n: progress.advance(task, n)


def _report_problem(problem: IngestProblem) -> None:
    err.print(Text(problem.line(), style="yellow" if problem.skipped else "red"))


def _extractor(model: str, batch_size: int) -> Extractor:
    from .nlp import ModelMissing
    from .pipeline import Extractor

    try:
        return Extractor(model=model, batch_size=batch_size)
    except ModelMissing as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file written beside `path` and renamed onto it once the run
    ends: an interrupted run, or one that extracts nothing, leaves an earlier `path` whole."""
    if path is None:
        yield sys.stdout
        return
    partial = path.with_name(path.name + ".partial")
    sink = _open_output(partial, path)
    try:
        yield sink
    except BaseException:  # Ctrl-C, a missing model, a crash: no half-written output
        sink.close()
        partial.unlink(missing_ok=True)
        raise
    wrote = sink.tell() > 0
    sink.close()
    _put_in_place(partial, path, wrote)


def _open_output(partial: Path, path: Path) -> TextIO:
    try:
        return partial.open("w", encoding="utf-8")
    except OSError as exc:
        why = f"cannot write ({exc.strerror})" if path.parent.is_dir() else \
            f"no such directory {path.parent}"
        err.print(f"[red]error:[/red] {path}: {why}")
        raise typer.Exit(2)


def _put_in_place(partial: Path, path: Path, wrote: bool) -> None:
    if not wrote and path.exists():
        partial.unlink()
        err.print(f"nothing extracted; {path} left as it was")
        return
    try:
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        err.print(f"[red]error:[/red] {path}: cannot write ({exc.strerror})")
        raise typer.Exit(2)


def _open_store(db: Path) -> Store:
    try:
        return Store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories or - for stdin."),
    db: Path = DB_OPTION,
    model: str = MODEL_OPTION,
    batch_size: int = typer.Option(16, help="Documents per spaCy batch."),
    published: Optional[str] = PUBLISHED_OPTION,
) -> None:
    """Read, analyse and store documents; re-running the same input adds nothing."""
    published = _checked_date(published)  # refused before spaCy loads
    from . import pipeline

    extractor = _extractor(model, batch_size)
    started = time.perf_counter()
    try:
        with _open_store(db) as store, _progress("ingesting") as advance:
            report = pipeline.ingest(paths, store, extractor, _report_problem, advance,
                                     stdin=sys.stdin.buffer, published=published)
    except KeyboardInterrupt:
        # The document being written was rolled back; the stored ones are whole.
        err.print(f"interrupted; every stored document in {db} is complete: "
                  "run the same command again to resume")
        raise typer.Exit(130)
    elapsed = time.perf_counter() - started
    _print_run_summary(report, elapsed, db)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, directories or - for stdin."),
    format: str = typer.Option("jsonl", "--format", help="Output format (jsonl)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File (default stdout)."),
    model: str = MODEL_OPTION,
    batch_size: int = typer.Option(16, help="Documents per spaCy batch."),
    published: Optional[str] = PUBLISHED_OPTION,
) -> None:
    """Analyse documents and print one JSON object per document; no database is touched."""
    if format != "jsonl":
        err.print(f"[red]error:[/red] unknown format '{format}'; only jsonl is supported")
        raise typer.Exit(2)
    published = _checked_date(published)  # refused before spaCy loads
    with _output(output) as sink:  # an unwritable output is refused before spaCy loads too
        from . import pipeline

        extractor = _extractor(model, batch_size)

        def emit(extraction) -> None:
            # allow_nan=False: "Infinity" is not JSON; such a record is reported, not written.
            sink.write(json.dumps(extraction.to_dict(), ensure_ascii=False, allow_nan=False)
                       + "\n")
            sink.flush()

        with _progress("extracting") as advance:
            report = pipeline.extract(paths, extractor, emit, _report_problem, advance,
                                      stdin=sys.stdin.buffer, published=published)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def export(
    format: str = typer.Option(..., "--format", help="geojson, csv or parquet."),
    table: str = typer.Option("places", "--table", help="places, events, claims, quantities or times."),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="Output file (default sitrep_<table>.<ext>)."),
    db: Path = DB_OPTION,
) -> None:
    """Export a table of the store for maps, spreadsheets or dataframes."""
    if not db.exists():
        err.print(f"[red]error:[/red] {db}: no such database; run `sitrep ingest` first")
        raise typer.Exit(2)
    output = output or Path(f"sitrep_{table}.{format}")
    with _open_store(db) as store:
        try:
            count = export_table(store, table, format, output)
        except ExportError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2)
    err.print(f"wrote {count} {table} to {output}")


@app.command()
def stats(db: Path = DB_OPTION) -> None:
    """Counts per table and per source."""
    if not db.exists():
        err.print(f"[red]error:[/red] {db}: no such database; run `sitrep ingest` first")
        raise typer.Exit(2)
    with _open_store(db) as store:
        _print_stats(store)


@app.command()
def demo(
    examples: Path = typer.Option(Path("examples/dispatches"), help="Folder of example dispatches."),
    db: Path = typer.Option(Path("demo.db"), "--db", help="Database the demo writes."),
    geojson: Path = typer.Option(Path("demo_places.geojson"), help="GeoJSON written at the end."),
    model: str = MODEL_OPTION,
) -> None:
    """Ingest the example dispatches, show what was found and write a GeoJSON map layer."""
    if not examples.is_dir():
        err.print(f"[red]error:[/red] {examples}: no such folder of examples")
        raise typer.Exit(2)
    from . import pipeline

    extractor = _extractor(model, 16)
    started = time.perf_counter()
    with _open_store(db) as store:
        with _progress("ingesting examples") as advance:
            report = pipeline.ingest([str(examples)], store, extractor, _report_problem, advance)
        elapsed = time.perf_counter() - started
        _print_run_summary(report, elapsed, db)
        _print_stats(store)
        _print_events(store)
        count = export_table(store, "places", "geojson", geojson)
    out.print(f"wrote {count} places to {geojson}")
    if report.failed:
        raise typer.Exit(1)


def _print_run_summary(report: RunReport, elapsed: float, db: Path) -> None:
    failed = sum(not p.skipped for p in report.problems)
    rate = report.stored / elapsed if elapsed else 0.0
    out.print(
        f"stored {report.stored} new documents in {elapsed:.1f}s ({rate:.1f} docs/s) to {db}; "
        f"{report.already_stored} already stored, {report.duplicates} near-duplicates, "
        f"{report.skipped} skipped, {failed} failed"
    )


def _print_stats(store: Store) -> None:
    counts = store.counts()
    table = Table(title="sitrep store")
    for name in ("table", "rows"):
        table.add_column(name, justify="right" if name == "rows" else "left")
    for name, n in counts.items():
        table.add_row(name, str(n))
    out.print(table)
    by_source = Table(title="per source")
    for name in ("source", "documents", "duplicates", "places", "events", "claims"):
        by_source.add_column(name, justify="left" if name == "source" else "right")
    for row in store.counts_by_source():
        by_source.add_row(*(str(row[k] or 0) for k in row.keys()))
    out.print(by_source)


def _print_events(store: Store, limit: int = 12) -> None:
    rows = store.query(
        """SELECT date, event_type, sub_event_type, location_name, source_claimant, confidence
           FROM events ORDER BY date, event_id LIMIT ?""", (limit,))
    table = Table(title=f"events (first {limit})")
    for name in ("date", "event type", "sub-event type", "location", "claimed by", "conf."):
        table.add_column(name)
    for r in rows:
        table.add_row(*(str(v) if v is not None else "—" for v in
                        (r[0], r[1], r[2], r[3], r[4], f"{r[5]:.2f}")))
    out.print(table)


@app.callback(invoke_without_command=True)
def main(version: bool = typer.Option(False, "--version", help="Print the version.")) -> None:
    if version:
        out.print(f"sitrep {__version__}")
        raise typer.Exit()
