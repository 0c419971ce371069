"""The SQLite store on real SQLite: schema, idempotent writes, atomicity, refusal of newer schemas."""

from __future__ import annotations

import sqlite3

import pytest

from samples import TEXT, sample_extraction
from sitrep.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError

def test_write_creates_every_row_and_is_idempotent(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.write(sample_extraction()) is True
        assert store.write(sample_extraction()) is False
        counts = store.counts()
    assert {k: counts[k] for k in ("documents", "places", "place_mentions", "events",
                                   "claims", "quantities", "claim_quantities", "times")} == {
        "documents": 1, "places": 1, "place_mentions": 1, "events": 1, "claims": 1,
        "quantities": 1, "claim_quantities": 1, "times": 1}


def test_points_have_latitude_longitude_columns(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.write(sample_extraction())
        place = store.query("SELECT latitude, longitude FROM places")[0]
        event = store.query("SELECT latitude, longitude, location_name FROM events")[0]
        mention = store.query('SELECT text FROM place_mentions')[0]
    assert (place["latitude"], place["longitude"]) == (49.71, 37.61)
    assert event["location_name"] == "Kupiansk" and event["latitude"] == 49.71
    assert mention["text"] == "Kupiansk"


def test_wal_mode_and_foreign_keys(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute("INSERT INTO times (doc_id, text, start, \"end\", value, type) "
                               "VALUES ('nope', 'x', 0, 1, 'P1D', 'DURATION')")


def test_failed_write_leaves_nothing(tmp_path):
    broken = sample_extraction()
    broken.times[0].value = None  # NOT NULL column: the last insert of the document fails
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.write(broken)
        assert all(n == 0 for n in store.counts().values())
        assert store.write(sample_extraction()) is True


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this sitrep understands"):
        Store(path)


def test_a_path_that_is_no_database_is_refused_and_left_alone(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body>not a database</body></html>")
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    for path, message in ((page, "not a SQLite database"), (damaged, "cannot use the database"),
                          (tmp_path / "nodir" / "s.db", "no such directory")):
        before = path.read_bytes() if path.exists() else None
        with pytest.raises(StoreError, match=message):
            Store(path)
        assert (path.read_bytes() if path.exists() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.db", "page.html"]


def test_reopening_keeps_data_and_version(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.write(sample_extraction())
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts()["documents"] == 1
        assert [r["source"] for r in store.counts_by_source()] == ["test.txt"]


def test_duplicates_form_clusters(tmp_path):
    first, second = sample_extraction(), sample_extraction(TEXT + " Updated.")
    second.duplicate_of = first.document.doc_id
    with Store(tmp_path / "s.db") as store:
        store.write(first)
        store.write(second)
        rows = store.query("SELECT cluster_doc_id, member_doc_id FROM duplicate_clusters "
                           "ORDER BY member_doc_id = cluster_doc_id DESC")
    assert [tuple(r) for r in rows] == [
        (first.document.doc_id, first.document.doc_id),
        (first.document.doc_id, second.document.doc_id)]


def test_a_version_1_store_is_migrated_in_place(tmp_path):
    """A store written before times and quantities had a confidence keeps its rows; they
    read NULL (never measured) and new documents get the measured values."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE schema_version (version INTEGER NOT NULL);"
                       "INSERT INTO schema_version VALUES (1);" + MIGRATIONS[0])
    conn.execute("INSERT INTO documents (doc_id, source, text, ingested_at) "
                 "VALUES ('old', 'old.txt', 'Shelling on Monday.', '2025-01-01')")
    conn.execute("INSERT INTO times (doc_id, text, start, \"end\", value, type) "
                 "VALUES ('old', 'Monday', 12, 18, '2024-12-30', 'DATE')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 4
        assert store.write(sample_extraction()) is True
        rows = store.query("SELECT doc_id, confidence FROM times ORDER BY doc_id = 'old'")
        assert [r["confidence"] for r in rows] == [0.8, None]
        quantity = store.query("SELECT confidence, normalized_value_max FROM quantities")[0]
        assert (quantity["confidence"], quantity["normalized_value_max"]) == (0.9, None)


def test_a_part_count_links_to_its_whole_and_older_stores_migrate(tmp_path):
    from dataclasses import replace

    from sitrep.quantities import find_quantities

    text = "KHARKIV, June 3, 2025 — Air defences shot down two of the 11 drones over Kupiansk."
    extraction = sample_extraction(text)
    extraction.quantities = find_quantities(text)
    extraction.claims = [replace(extraction.claims[0], quantities=[])]
    path = tmp_path / "s.db"
    conn = sqlite3.connect(path)  # a version-3 store, made before parts were linked
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_version VALUES (3)")
    for migration in MIGRATIONS[:3]:
        conn.executescript(migration)
    conn.commit()
    conn.close()
    with Store(path) as store:
        store.write(extraction)
        rows = {r["text"]: r for r in store.query(
            "SELECT quantity_id, text, part_of_quantity_id FROM quantities")}
    assert rows["two of the 11 drones"]["part_of_quantity_id"] == rows["11 drones"]["quantity_id"]
    assert rows["11 drones"]["part_of_quantity_id"] is None
