"""The SQLite store: one file, WAL mode, versioned schema, one transaction per document.

A document and everything extracted from it are written together or not at all, so a
killed ingest leaves each document fully stored or absent and the next run resumes by
skipping the doc_ids already present. Tables that hold points carry `latitude` and
`longitude` so Datasette's map plugin shows them as they are.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from .model import Extraction, Place, Quantity

SCHEMA_VERSION = 4

# Each entry upgrades the schema from version i to i+1; appended to, never edited.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        external_id TEXT, source TEXT NOT NULL, url TEXT, title TEXT,
        published TEXT, language TEXT, author TEXT, origin TEXT,
        text TEXT NOT NULL, ingested_at TEXT NOT NULL,
        duplicate_of TEXT REFERENCES documents(doc_id),
        minhash BLOB
    );
    CREATE INDEX documents_source ON documents(source);
    CREATE TABLE duplicate_clusters (
        cluster_doc_id TEXT NOT NULL REFERENCES documents(doc_id),
        member_doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id)
    );
    CREATE TABLE places (
        place_id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        name TEXT NOT NULL, geonameid INTEGER, resolved_name TEXT,
        latitude REAL, longitude REAL, country_code TEXT, admin1 TEXT, kind TEXT,
        confidence REAL NOT NULL, reason TEXT
    );
    CREATE INDEX places_doc ON places(doc_id);
    CREATE INDEX places_geonameid ON places(geonameid);
    CREATE TABLE place_mentions (
        mention_id INTEGER PRIMARY KEY,
        place_id INTEGER NOT NULL REFERENCES places(place_id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        metonymic INTEGER NOT NULL
    );
    CREATE TABLE events (
        event_id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
        date TEXT, date_precision TEXT, time_precision INTEGER,
        location_name TEXT, geonameid INTEGER, latitude REAL, longitude REAL,
        country_code TEXT, admin1 TEXT, geo_precision INTEGER,
        actor1 TEXT, actor2 TEXT, fatalities INTEGER, source_claimant TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, evidence_text TEXT NOT NULL,
        confidence REAL NOT NULL
    );
    CREATE INDEX events_doc ON events(doc_id);
    CREATE TABLE claims (
        claim_id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        speaker TEXT, speaker_type TEXT, affiliation TEXT, cue TEXT, stance TEXT NOT NULL,
        content TEXT NOT NULL, direct_quote INTEGER NOT NULL, hedged INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, evidence_text TEXT NOT NULL,
        confidence REAL NOT NULL
    );
    CREATE INDEX claims_doc ON claims(doc_id);
    CREATE TABLE quantities (
        quantity_id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        value REAL, value_max REAL, unit TEXT, normalized_value REAL, normalized_unit TEXT,
        bound TEXT NOT NULL, entity TEXT
    );
    CREATE INDEX quantities_doc ON quantities(doc_id);
    CREATE TABLE claim_quantities (
        claim_id INTEGER NOT NULL REFERENCES claims(claim_id) ON DELETE CASCADE,
        quantity_id INTEGER NOT NULL REFERENCES quantities(quantity_id) ON DELETE CASCADE,
        PRIMARY KEY (claim_id, quantity_id)
    );
    CREATE TABLE times (
        time_id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        value TEXT NOT NULL, type TEXT NOT NULL, mod TEXT
    );
    CREATE INDEX times_doc ON times(doc_id);
    """,
    # 2: confidence for times and quantities, the normalised upper end of a range. Rows
    # stored before it keep NULL: their confidence was never measured.
    """
    ALTER TABLE times ADD COLUMN confidence REAL;
    ALTER TABLE quantities ADD COLUMN confidence REAL;
    ALTER TABLE quantities ADD COLUMN normalized_value_max REAL;
    """,
    # 3: the exports look links up from the other side (a quantity's claims, a place's
    # mentions); without these each row scanned the whole link table.
    """
    CREATE INDEX claim_quantities_quantity ON claim_quantities(quantity_id);
    CREATE INDEX place_mentions_place ON place_mentions(place_id);
    """,
    # 4: the count a quantity is part of ("two of the 11 drones"), so totals count it once.
    # Rows stored before it keep NULL: no part was ever linked for them.
    """
    ALTER TABLE quantities ADD COLUMN part_of_quantity_id INTEGER
        REFERENCES quantities(quantity_id) ON DELETE SET NULL;
    """,
]

TABLES = (
    "documents", "places", "place_mentions", "events", "claims",
    "quantities", "claim_quantities", "times", "duplicate_clusters",
)


class StoreError(RuntimeError):
    """The database cannot be used as asked; the message says why."""


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _refuse_unusable(path: Path) -> None:
    """Refuse a path SQLite could not use, or that holds something else, before it is opened
    (SQLite would otherwise write a schema into an empty or short non-database file)."""
    if not path.parent.is_dir():
        raise StoreError(f"{path}: no such directory {path.parent}")
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return  # a new database
    except OSError as exc:
        raise StoreError(f"{path}: cannot open ({exc.strerror or exc})") from exc
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"{path}: not a SQLite database; left untouched")


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        _refuse_unusable(self.path)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        try:
            self._configure()
            self._migrate()
        except sqlite3.DatabaseError as exc:  # damaged, locked, unwritable
            self.conn.close()
            raise StoreError(f"{self.path}: cannot use the database ({exc})") from exc
        except BaseException:
            self.conn.close()
            raise

    def _configure(self) -> None:
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=10000")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------
    def schema_version(self) -> int:
        row = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        if row is None:
            return 0
        return self.conn.execute("SELECT version FROM schema_version").fetchone()[0]

    def _migrate(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            version = self.schema_version()
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: database schema version {version} is newer than this "
                    f"sitrep understands ({SCHEMA_VERSION}); upgrade sitrep to use it"
                )
            if version == 0:
                self.conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                self.conn.execute("INSERT INTO schema_version VALUES (0)")
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step].split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute("UPDATE schema_version SET version = ?", (step + 1,))
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # A Ctrl-C during COMMIT is raised only once COMMIT has returned: the transaction
        # is then already committed, and ROLLBACK would fail and hide the KeyboardInterrupt.
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    # -- reads ----------------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,))
        return row.fetchone() is not None

    def signatures(self) -> Iterator[tuple[str, bytes, str | None]]:
        """Stored MinHash signatures, so duplicate detection spans earlier runs."""
        yield from self.conn.execute(
            "SELECT doc_id, minhash, duplicate_of FROM documents WHERE minhash IS NOT NULL"
        )

    def text_of(self, doc_id: str) -> str:
        return self.conn.execute("SELECT text FROM documents WHERE doc_id = ?",
                                 (doc_id,)).fetchone()[0]

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def counts_by_source(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            """SELECT d.source,
                      count(*) AS documents,
                      sum(d.duplicate_of IS NOT NULL) AS duplicates,
                      (SELECT count(*) FROM places p JOIN documents x USING (doc_id)
                        WHERE x.source = d.source) AS places,
                      (SELECT count(*) FROM events e JOIN documents x USING (doc_id)
                        WHERE x.source = d.source) AS events,
                      (SELECT count(*) FROM claims c JOIN documents x USING (doc_id)
                        WHERE x.source = d.source) AS claims
               FROM documents d GROUP BY d.source ORDER BY documents DESC, d.source"""
        ).fetchall()

    def query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    # -- writes ---------------------------------------------------------------
    def write(self, extraction: Extraction, minhash: bytes | None = None) -> bool:
        """Store one document with everything found in it; False if it was already there."""
        doc_id = extraction.document.doc_id
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has(doc_id):
                self.conn.execute("ROLLBACK")
                return False
            self._insert(extraction, doc_id, minhash)
            self.conn.execute("COMMIT")
            return True
        except BaseException:
            self._rollback()
            raise

    def _insert(self, ex: Extraction, doc_id: str, minhash: bytes | None) -> None:
        doc = ex.document
        self.conn.execute(
            """INSERT INTO documents (doc_id, external_id, source, url, title, published,
                   language, author, origin, text, ingested_at, duplicate_of, minhash)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc_id, doc.external_id, doc.source, doc.url, doc.title, doc.published,
             doc.language, doc.author, doc.origin, doc.text,
             datetime.now(timezone.utc).isoformat(timespec="seconds"),
             ex.duplicate_of, minhash),
        )
        if ex.duplicate_of:
            self.conn.execute(
                "INSERT OR IGNORE INTO duplicate_clusters VALUES (?, ?)",
                (ex.duplicate_of, ex.duplicate_of),
            )
            self.conn.execute(
                "INSERT INTO duplicate_clusters VALUES (?, ?)", (ex.duplicate_of, doc_id)
            )
        for place in ex.places:
            self._insert_place(doc_id, doc.text, place)
        quantity_ids = {
            (q.start, q.end): self._insert_quantity(doc_id, q) for q in ex.quantities
        }
        self.conn.executemany(
            "UPDATE quantities SET part_of_quantity_id = ? WHERE quantity_id = ?",
            [(quantity_ids[(q.part_of.start, q.part_of.end)], quantity_ids[(q.start, q.end)])
             for q in ex.quantities
             if q.part_of is not None and (q.part_of.start, q.part_of.end) in quantity_ids],
        )
        for event in ex.events:
            self._insert_event(doc_id, event)
        for claim in ex.claims:
            self._insert_claim(doc_id, claim, quantity_ids)
        self.conn.executemany(
            """INSERT INTO times (doc_id, text, start, "end", value, type, mod, confidence)
               VALUES (?,?,?,?,?,?,?,?)""",
            [(doc_id, t.text, t.start, t.end, t.value, t.type, t.mod, t.confidence)
             for t in ex.times],
        )

    def _insert_place(self, doc_id: str, text: str, p: Place) -> None:
        cur = self.conn.execute(
            """INSERT INTO places (doc_id, name, geonameid, resolved_name, latitude, longitude,
                   country_code, admin1, kind, confidence, reason)
               VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
            (doc_id, p.name, p.geonameid, p.resolved_name, p.lat, p.lon, p.country_code,
             p.admin1, p.kind, p.confidence, p.reason),
        )
        self.conn.executemany(
            """INSERT INTO place_mentions (place_id, doc_id, start, "end", text, metonymic)
               VALUES (?,?,?,?,?,?)""",
            [(cur.lastrowid, doc_id, m.start, m.end, text[m.start:m.end], int(m.metonymic))
             for m in p.mentions],
        )

    def _insert_quantity(self, doc_id: str, q: Quantity) -> int:
        cur = self.conn.execute(
            """INSERT INTO quantities (doc_id, text, start, "end", value, value_max, unit,
                   normalized_value, normalized_value_max, normalized_unit, bound, entity,
                   confidence)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc_id, q.text, q.start, q.end, q.value, q.value_max, q.unit,
             q.normalized_value, q.normalized_value_max, q.normalized_unit, q.bound, q.entity,
             q.confidence),
        )
        return cur.lastrowid

    def _insert_event(self, doc_id: str, e) -> None:
        loc = e.location or {}
        self.conn.execute(
            """INSERT INTO events (doc_id, event_type, sub_event_type, date, date_precision,
                   time_precision, location_name, geonameid, latitude, longitude,
                   country_code, admin1, geo_precision, actor1, actor2, fatalities,
                   source_claimant, start, "end", evidence_text, confidence)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc_id, e.event_type, e.sub_event_type, e.date, e.date_precision,
             e.time_precision, loc.get("resolved_name") or loc.get("name"),
             loc.get("geonameid"), loc.get("lat"), loc.get("lon"), loc.get("country_code"),
             loc.get("admin1"), e.geo_precision, e.actor1, e.actor2, e.fatalities,
             e.source_claimant, e.evidence.start, e.evidence.end, e.evidence.text,
             e.confidence),
        )

    def _insert_claim(self, doc_id: str, c, quantity_ids: dict) -> None:
        cur = self.conn.execute(
            """INSERT INTO claims (doc_id, speaker, speaker_type, affiliation, cue, stance,
                   content, direct_quote, hedged, start, "end", evidence_text, confidence)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc_id, c.speaker, c.speaker_type, c.affiliation, c.cue, c.stance, c.content,
             int(c.direct_quote), int(c.hedged), c.evidence.start, c.evidence.end,
             c.evidence.text, c.confidence),
        )
        linked = {quantity_ids[(q.start, q.end)] for q in c.quantities
                  if (q.start, q.end) in quantity_ids}
        self.conn.executemany(
            "INSERT INTO claim_quantities VALUES (?, ?)",
            [(cur.lastrowid, qid) for qid in sorted(linked)],
        )

