"""Exports opened by real readers: GDAL (via pyogrio) for GeoJSON, pyarrow for Parquet, csv."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pyogrio
import pytest

from sitrep.export import ExportError, export
from sitrep.store import Store
from samples import sample_extraction


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.write(sample_extraction())
        unresolved = sample_extraction("ODESA — Fighting near Bilozerka was reported, officials said.",
                                       "Bilozerka")
        unresolved.places[0].lat = unresolved.places[0].lon = None
        unresolved.places[0].geonameid = None
        s.write(unresolved)
        yield s


def test_geojson_has_valid_points_and_gdal_opens_it(store, tmp_path):
    out = tmp_path / "places.geojson"
    assert export(store, "places", "geojson", out) == 1  # the unresolved place has no point
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["name"] == "Kupiansk"
    info = pyogrio.read_info(out)
    assert info["features"] == 1 and info["geometry_type"] == "Point"
    _, _, geometry, fields = pyogrio.raw.read(out)
    assert len(geometry) == 1 and "resolved_name" in list(info["fields"])


def test_events_geojson(store, tmp_path):
    out = tmp_path / "events.geojson"
    assert export(store, "events", "geojson", out) == 2
    props = json.loads(out.read_text())["features"][0]["properties"]
    assert props["sub_event_type"] == "Shelling/artillery/missile attack"


def test_csv_has_header_and_all_rows(store, tmp_path):
    out = tmp_path / "places.csv"
    assert export(store, "places", "csv", out) == 2
    with out.open() as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2 and {"latitude", "longitude", "name", "doc_id"} <= set(rows[0])


@pytest.mark.parametrize("table", ["places", "events", "claims", "quantities", "times"])
def test_parquet_read_by_pyarrow(store, tmp_path, table):
    out = tmp_path / f"{table}.parquet"
    written = export(store, table, "parquet", out)
    frame = pq.read_table(out)
    assert frame.num_rows == written > 0
    assert "doc_id" in frame.column_names and "confidence" in frame.column_names


def test_quantities_and_times_keep_their_values_and_links(store, tmp_path):
    quantities = pq.read_table(_export(store, "quantities", "parquet", tmp_path)).to_pylist()
    assert quantities[0]["value"] == 3.0 and quantities[0]["confidence"] == 0.9
    assert quantities[0]["claim_ids"] == "1"  # the sample claim contains it
    times_out = _export(store, "times", "csv", tmp_path)
    with times_out.open() as fh:
        times = list(csv.DictReader(fh))
    assert [(t["text"], t["value"], t["type"]) for t in times] == [("Monday", "2025-06-02",
                                                                   "DATE")] * 2
    assert pq.read_table(_export(store, "times", "parquet", tmp_path)).schema.field(
        "value").type == "string"
    with pytest.raises(ExportError, match="times have no coordinates"):
        export(store, "times", "geojson", tmp_path / "t.geojson")


def _export(store, table, fmt, tmp_path):
    out = tmp_path / f"{table}.{fmt}"
    export(store, table, fmt, out)
    return out


def test_empty_export_keeps_header(tmp_path):
    with Store(tmp_path / "empty.db") as store:
        out = tmp_path / "events.csv"
        assert export(store, "events", "csv", out) == 0
        assert out.read_text().startswith("event_id,doc_id,event_type")
        assert pq.read_table(_export(store, "events", "parquet", tmp_path)).num_rows == 0


def test_bad_requests_are_refused(store, tmp_path):
    with pytest.raises(ExportError, match="no coordinates"):
        export(store, "claims", "geojson", tmp_path / "c.geojson")
    with pytest.raises(ExportError, match="unknown table"):
        export(store, "people", "csv", tmp_path / "p.csv")
    with pytest.raises(ExportError, match="unknown format"):
        export(store, "places", "xlsx", tmp_path / "p.xlsx")
    assert not list(tmp_path.glob("*.partial"))


def test_an_unwritable_output_is_one_error(store, tmp_path):
    for fmt in ("csv", "geojson", "parquet"):
        with pytest.raises(ExportError, match="no such directory"):
            export(store, "places", fmt, tmp_path / "nodir" / f"places.{fmt}")
    (tmp_path / "taken").mkdir()
    with pytest.raises(ExportError, match="cannot write"):
        export(store, "places", "csv", tmp_path / "taken")  # a directory, not a file
    assert not list(tmp_path.rglob("*.partial"))


def test_quantities_export_the_id_of_the_whole_they_are_part_of(store, tmp_path):
    # The link itself is written and tested in test_store; here only that it is exported.
    with _export(store, "quantities", "csv", tmp_path).open() as fh:
        assert "part_of_quantity_id" in csv.DictReader(fh).fieldnames


def test_a_csv_export_does_not_import_pyarrow(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "s.db"
    with Store(db) as store:
        store.write(sample_extraction())
    code = ("import sys; from pathlib import Path; from sitrep.export import export; "
            "from sitrep.store import Store\n"
            f"with Store({str(db)!r}) as s: export(s, 'quantities', 'csv', Path({str(tmp_path / 'q.csv')!r}))\n"
            "print('pyarrow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
