"""`sitrep gazetteer ...`: build the index from the full GeoNames dumps."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import typer

from sitrep.geo.dumps import read_dumps
from sitrep.geo.store import _progress, custom_index_path, write_index

gazetteer_app = typer.Typer(help="Build or inspect the place-name gazetteer.",
                            no_args_is_help=True)


@gazetteer_app.callback()
def _group() -> None:
    """Gazetteer commands."""


@gazetteer_app.command("build")
def build(
    geonames: Path = typer.Option(..., "--geonames", exists=True, dir_okay=False,
                                  help="GeoNames allCountries.zip (or any dump zip)"),
    alternate_names: Path | None = typer.Option(
        None, "--alternate-names", exists=True, dir_okay=False,
        help="GeoNames alternateNamesV2.zip; without it the dump's own name column is used"),
    out: Path | None = typer.Option(
        None, "--out", help="index file to write (default: the cache location sitrep reads)"),
) -> None:
    """Build the gazetteer index from GeoNames dumps; sitrep then uses it instead of the
    packaged one (or point SITREP_GAZETTEER at --out)."""
    target = out or custom_index_path()
    started = time.monotonic()
    source = read_dumps(geonames, alternate_names, _progress)
    digest = hashlib.sha256(f"{geonames.stat().st_size}:{geonames.stat().st_mtime}".encode())
    write_index(target, source, "dumps-" + digest.hexdigest()[:16], _progress)
    typer.echo(f"wrote {target} ({len(source.rows)} places, {len(source.names)} names) "
               f"in {time.monotonic() - started:.1f}s")
