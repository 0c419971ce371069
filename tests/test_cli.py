"""The `sitrep` command end to end: real spaCy, real gazetteer, real SQLite, real processes."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import EXAMPLES, run_sitrep, sitrep_command
from sitrep.contract import problems
from sitrep.store import Store

TOWNS = ["Kupiansk", "Izium", "Lyman", "Siversk", "Kramatorsk", "Sloviansk", "Pokrovsk",
         "Kostiantynivka", "Myrnohrad", "Toretsk", "Vovchansk", "Balakliia"]
ACTS = ["shelled", "struck with drones", "attacked", "hit with guided bombs"]


def _corpus(n: int) -> str:
    """n distinct short reports, one JSON object per line."""
    lines = []
    for i in range(n):
        town, act = TOWNS[i % len(TOWNS)], ACTS[i % len(ACTS)]
        day = 1 + i % 28
        text = (f"Russian forces {act} {town} on June {day}, 2025, the regional governor said. "
                f"Report number {i}: {i % 7 + 2} people were wounded and more than {10 + i} "
                f"homes were damaged, officials in {town} said on Tuesday.")
        lines.append(json.dumps({"id": f"r{i}", "text": text, "source": "wire",
                                 "published": f"2025-06-{day:02d}"}))
    return "\n".join(lines) + "\n"


def _per_doc_counts(db: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db)
    tables = ["places", "place_mentions", "events", "claims", "quantities", "times"]
    result = {}
    for (doc_id,) in conn.execute("SELECT doc_id FROM documents"):
        result[doc_id] = tuple(
            conn.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?", (doc_id,)).fetchone()[0]
            for t in tables)
    conn.close()
    return result


def test_extract_output_honours_the_contract(tmp_path):
    proc = run_sitrep("extract", str(EXAMPLES), "--format", "jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(records) >= 8
    for record in records:
        assert problems(record) == [], record["source"]
    assert any(p["lat"] is not None for r in records for p in r["places"])
    assert any(t["value"].startswith("20") for r in records for t in r["times"])
    assert sum(r["duplicate_of"] is not None for r in records) >= 1
    assert len({r["doc_id"] for r in records}) == len(records)


def test_ingest_twice_changes_nothing(tmp_path):
    db = tmp_path / "s.db"
    first = run_sitrep("ingest", str(EXAMPLES), "--db", str(db), cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    before = _per_doc_counts(db)
    second = run_sitrep("ingest", str(EXAMPLES), "--db", str(db), cwd=tmp_path)
    assert second.returncode == 0
    assert "stored 0 new documents" in second.stdout.decode()
    assert _per_doc_counts(db) == before and len(before) >= 8


@pytest.fixture(scope="module")
def crash_corpus(tmp_path_factory):
    """A corpus and the per-document row counts of one uninterrupted ingest of it."""
    folder = tmp_path_factory.mktemp("crash")
    corpus = folder / "corpus.jsonl"
    corpus.write_text(_corpus(160))
    reference = folder / "reference.db"
    assert run_sitrep("ingest", str(corpus), "--db", str(reference), "--batch-size", "4",
                      cwd=folder).returncode == 0
    expected = _per_doc_counts(reference)
    assert len(expected) == 160
    return corpus, expected


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_interrupted_ingest_leaves_whole_documents_and_resumes(tmp_path, crash_corpus, sig):
    corpus, expected = crash_corpus

    db = tmp_path / "killed.db"
    proc = subprocess.Popen([*sitrep_command(), "ingest", str(corpus), "--db", str(db),
                             "--batch-size", "4"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_for_documents(db, at_least=8, proc=proc)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and b"run the same command again" in stderr
    partial = _per_doc_counts(db)
    assert 0 < len(partial) < 160, "the kill should land mid-ingest"
    assert all(partial[d] == expected[d] for d in partial)  # each stored doc is whole

    resumed = run_sitrep("ingest", str(corpus), "--db", str(db), cwd=tmp_path)
    assert resumed.returncode == 0
    assert f"{len(partial)} already stored" in resumed.stdout.decode()
    assert _per_doc_counts(db) == expected


def _wait_for_documents(db: Path, at_least: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, "ingest ended before it could be killed"
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            conn.close()
            if n >= at_least:
                return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.05)
    pytest.fail("ingest stored nothing within two minutes")


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text("LVIV, May 2, 2025 — Air defence units shot down "
                                     "drones over Lviv overnight, the city's mayor said.")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (inputs / "cut.txt.gz").write_bytes(gzip.compress(b"Shelling near Kherson " * 200)[:60])
    (inputs / "lines.jsonl").write_text(
        '{"id": "a", "text": "Explosions were heard in Odesa on Friday night, officials said."}\n'
        '{"id": "b", "text": "unterminated\n'
        '{"id": "c", "text": "Drones struck the port of Izmail on Saturday, the governor said."}\n')
    missing = tmp_path / "nowhere.txt"
    db = tmp_path / "s.db"
    proc = run_sitrep("ingest", str(inputs), str(missing), "--db", str(db), cwd=tmp_path)
    stderr = proc.stderr.decode()
    assert proc.returncode == 1
    for name in ("empty.txt", "image.bin", "cut.txt.gz", "lines.jsonl:2", "nowhere.txt"):
        assert any(name in line for line in stderr.splitlines()), (name, stderr)
    stored = sqlite3.connect(db).execute("SELECT external_id, source FROM documents").fetchall()
    assert len(stored) == 3 and {"a", "c"} <= {e for e, _ in stored}


def test_stdin_non_english_and_missing_model(tmp_path):
    french = ("Les forces russes ont bombardé la ville pendant la nuit, selon les autorités "
              "régionales, qui font état de plusieurs blessés et de dégâts importants.")
    proc = run_sitrep("extract", "-", cwd=tmp_path, stdin=french.encode())
    assert proc.returncode == 0 and proc.stdout == b""
    assert "skipped" in proc.stderr.decode() and "'fr'" in proc.stderr.decode()

    english = "Russian troops shelled Kharkiv on March 3, 2024, the governor said."
    proc = run_sitrep("extract", "-", cwd=tmp_path, stdin=english.encode())
    record = json.loads(proc.stdout)
    assert problems(record) == [] and record["text"] == english

    proc = run_sitrep("extract", "-", "--model", "no_such_model", cwd=tmp_path,
                      stdin=english.encode())
    assert proc.returncode == 2
    assert "no_such_model" in proc.stderr.decode() and "pip install" in proc.stderr.decode()


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> Path:
    """The example dispatches ingested once by the real command, for tests that only read."""
    folder = tmp_path_factory.mktemp("examples_db")
    db = folder / "s.db"
    proc = run_sitrep("ingest", str(EXAMPLES), "--db", str(db), cwd=folder)
    assert proc.returncode == 0, proc.stderr.decode()
    return db


def test_stats_and_exports(tmp_path, examples_db):
    db = examples_db
    stats = run_sitrep("stats", "--db", str(db), cwd=tmp_path)
    assert stats.returncode == 0 and "documents" in stats.stdout.decode()
    geojson = tmp_path / "places.geojson"
    assert run_sitrep("export", "--format", "geojson", "--db", str(db), "-o", str(geojson),
                      cwd=tmp_path).returncode == 0
    features = json.loads(geojson.read_text())["features"]
    assert features and all(-90 <= f["geometry"]["coordinates"][1] <= 90 for f in features)
    parquet = tmp_path / "claims.parquet"
    assert run_sitrep("export", "--format", "parquet", "--table", "claims", "--db", str(db),
                      "-o", str(parquet), cwd=tmp_path).returncode == 0
    assert pq.read_table(parquet).num_rows >= 1


# One command in a fresh interpreter; then the heavy NLP packages it imported, as JSON.
_RUN_THEN_LIST_NLP_IMPORTS = """
import json, sys
from sitrep.cli import app
try:
    app(sys.argv[1:], prog_name="sitrep")
except SystemExit as exc:
    assert not exc.code, exc.code
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "thinc"})))
"""


def test_commands_that_only_read_the_store_do_not_load_spacy(tmp_path, examples_db):
    commands = [["stats", "--db", str(examples_db)],
                ["export", "--format", "csv", "--table", "events", "--db", str(examples_db),
                 "-o", str(tmp_path / "events.csv")],
                ["export", "--format", "geojson", "--db", str(examples_db),
                 "-o", str(tmp_path / "places.geojson")],
                ["--version"], ["--help"], ["gazetteer", "--help"]]
    for args in commands:
        proc = subprocess.run([sys.executable, "-c", _RUN_THEN_LIST_NLP_IMPORTS, *args],
                              cwd=tmp_path, capture_output=True, timeout=120, check=False)
        assert proc.returncode == 0, (args, proc.stderr.decode())
        assert json.loads(proc.stdout.decode().splitlines()[-1]) == [], args
    assert (tmp_path / "events.csv").read_text().count("\n") > 1
    assert json.loads((tmp_path / "places.geojson").read_text())["features"]


def test_newer_database_is_refused(tmp_path):
    db = tmp_path / "s.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_version VALUES (999)")
    conn.commit()
    conn.close()
    proc = run_sitrep("stats", "--db", str(db), cwd=tmp_path)
    assert proc.returncode == 2 and "newer than this sitrep understands" in proc.stderr.decode()


def test_unusable_database_or_output_paths_get_one_line_and_exit_2(tmp_path, examples_db):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Shelling hit Nikopol overnight, the governor said.</p>"
                    "</body></html>")
    before = page.read_bytes()
    runs = {
        "not a SQLite database": [["stats", "--db", str(page)],
                                  ["ingest", str(page), "--db", str(page)]],
        "no such directory": [["ingest", str(page), "--db", "nodir/x.db"],
                              ["export", "--format", "csv", "--db", str(examples_db),
                               "-o", "nodir/x.csv"],
                              ["extract", str(page), "-o", "nodir/out.jsonl"]],
    }
    for expected, commands in runs.items():
        for args in commands:
            proc = run_sitrep(*args, cwd=tmp_path)
            lines = proc.stderr.decode().splitlines()
            assert proc.returncode == 2 and len(lines) == 1 and expected in lines[0], (args, lines)
    assert page.read_bytes() == before
    assert not (tmp_path / "nodir").exists()


def test_demo_runs_from_a_fresh_directory(tmp_path):
    proc = run_sitrep("demo", "--examples", str(EXAMPLES), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    output = proc.stdout.decode()
    assert "stored" in output and "events" in output
    assert json.loads((tmp_path / "demo_places.geojson").read_text())["features"]
    assert os.path.exists(tmp_path / "demo.db")


def test_every_reader_feeds_the_pipeline(tmp_path):
    """All fixture formats through ingest in one batch (this once hung on a parse-tree walk)."""
    fixtures = Path(__file__).parent / "fixtures" / "ingest"
    db = tmp_path / "s.db"
    proc = run_sitrep("ingest", str(fixtures), "--db", str(db), cwd=tmp_path, timeout=240)
    assert proc.returncode == 1  # the fixtures include a malformed line
    conn = sqlite3.connect(db)
    formats = {row[0] for row in conn.execute("SELECT origin FROM documents")}
    assert any(".html" in o for o in formats) and any(".jsonl:" in o for o in formats)
    assert any("#entry-" in o for o in formats) and any("#message-" in o for o in formats)
    assert conn.execute("SELECT count(*) FROM places WHERE latitude IS NOT NULL").fetchone()[0]


def test_a_document_the_store_rejects_is_reported_and_the_batch_goes_on(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()  # the real schema, then a constraint of our own on top
    conn = sqlite3.connect(db)
    # A real SQLite constraint, as a full disk or a corrupt value would be: the write fails
    # at the last table a document fills, after its document, place and event rows.
    conn.execute("CREATE TRIGGER reject BEFORE INSERT ON times WHEN (SELECT text FROM documents "
                 "WHERE doc_id = NEW.doc_id) LIKE '%Izmail%' "
                 "BEGIN SELECT RAISE(ABORT, 'rejected by the test trigger'); END")
    conn.commit()
    conn.close()
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, town in (("a.txt", "Odesa"), ("b.txt", "Izmail"), ("c.txt", "Mykolaiv")):
        (inputs / name).write_text(f"Drones struck the port of {town} on Monday, officials said.")
    proc = run_sitrep("ingest", str(inputs), "--db", str(db), cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.decode().splitlines()
    assert any("b.txt" in line and "rejected by the test trigger" in line for line in lines)
    stored = sqlite3.connect(db).execute("SELECT source FROM documents ORDER BY source")
    assert [row[0] for row in stored] == ["a.txt", "c.txt"]
    places = sqlite3.connect(db).execute("SELECT name FROM places ORDER BY name").fetchall()
    assert [row[0] for row in places] == ["Mykolaiv", "Odesa"]  # b.txt's rows rolled back


def test_a_rejected_document_is_no_original_for_a_later_copy(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TRIGGER reject BEFORE INSERT ON documents WHEN NEW.source = 'a.txt' "
                 "BEGIN SELECT RAISE(ABORT, 'rejected by the test trigger'); END")
    conn.commit()
    conn.close()
    inputs = tmp_path / "in"
    inputs.mkdir()
    wire = ("Russian drones struck the port of Izmail overnight, damaging grain silos and a "
            "warehouse, the regional governor said on Monday. Two workers were injured.")
    (inputs / "a.txt").write_text(wire)
    (inputs / "b.txt").write_text(wire + " More details to follow.")
    proc = run_sitrep("ingest", str(inputs), "--db", str(db), cwd=tmp_path)
    assert proc.returncode == 1
    rows = sqlite3.connect(db).execute("SELECT source, duplicate_of FROM documents").fetchall()
    assert rows == [("b.txt", None)]


def test_extract_reports_repeated_inputs(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Shelling hit Nikopol overnight, the regional governor said.")
    proc = run_sitrep("extract", str(report), str(report), cwd=tmp_path)
    assert proc.returncode == 0 and len(proc.stdout.decode().splitlines()) == 1
    assert "same text and source as an earlier input" in proc.stderr.decode()


def test_extract_output_is_replaced_only_by_a_run_that_extracts(tmp_path):
    out = tmp_path / "keep.jsonl"
    out.write_text('{"earlier": true}\n')
    (tmp_path / "empty.txt").write_bytes(b"")
    report = tmp_path / "r.txt"
    report.write_text("Shelling hit Nikopol overnight, the regional governor said.")
    for args, code in (([str(tmp_path / "empty.txt")], 1),
                       ([str(report), "--model", "no_such_model"], 2)):
        proc = run_sitrep("extract", *args, "-o", str(out), cwd=tmp_path)
        assert proc.returncode == code and out.read_text() == '{"earlier": true}\n', args
    proc = run_sitrep("extract", str(report), "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(out.read_text())["text"].startswith("Shelling")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "keep.jsonl", "r.txt"]


def test_published_dates_undated_documents_only(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Drones struck Odesa on Tuesday, the regional governor said.")
    dated = tmp_path / "dated.txt"
    dated.write_text("KYIV, Aug 23, 2023 (Wire) - Drones struck Odesa on Tuesday, officials said.")
    yearless = tmp_path / "yearless.txt"
    yearless.write_text("KYIV, Aug 20 (Wire) - Drones struck Odesa on Friday, officials said.")
    proc = run_sitrep("extract", str(undated), str(dated), str(yearless), "--published",
                      "2023-08-24", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    records = {Path(r["source"]).name: r for r in map(json.loads, proc.stdout.decode().splitlines())}
    assert records["undated.txt"]["published"] == "2023-08-24"
    assert [t["value"] for t in records["undated.txt"]["times"]] == ["2023-08-22"]
    assert records["dated.txt"]["published"] == "2023-08-23"  # its own dateline wins
    # A dateline without its year still gives the day, in the year --published puts it in.
    assert records["yearless.txt"]["published"] == "2023-08-20"
    assert "2023-08-18" in [t["value"] for t in records["yearless.txt"]["times"]]
    bad = run_sitrep("extract", str(undated), "--published", "24/08/2023", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stdout == b""
    assert "--published must be a date as YYYY-MM-DD, not '24/08/2023'" in bad.stderr.decode()
