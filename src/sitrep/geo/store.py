"""The gazetteer index: one SQLite file in the user cache, built once, opened lazily.

SQLite keeps resident memory small (pages are read on demand) and opening is instant;
the name index answers exact- and loose-key lookups with one indexed query each.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from sitrep.geo.normalise import loose_key, name_key
from sitrep.geo.sources import (ABBREVIATION, DEMONYM, Source, admin1_codes, alias_table,
                                read_packaged, source_files_digest)

SCHEMA_VERSION = "7"  # bump whenever sources.py or the index layout changes
LOOSE = 2
_COLUMNS = "gid, name, kind, level, lat, lon, cc, admin1, admin2, population"


@dataclass(frozen=True)
class Entry:
    """One gazetteer record; `matched` says how the queried name reached it."""

    gid: int
    name: str
    kind: str
    level: str
    lat: float | None
    lon: float | None
    cc: str | None
    admin1: int | None
    admin2: int | None
    population: int
    matched: int = 0  # sources.PRIMARY / ALTERNATE / LOOSE / DEMONYM

    @property
    def geonameid(self) -> int | None:
        return self.gid if self.gid > 0 else None


def cache_dir() -> Path:
    root = os.environ.get("SITREP_CACHE") or Path.home() / ".cache" / "sitrep"
    return Path(root)


# Every name of every country (primary, alternate, demonym) with its code and population.
_COUNTRY_NAMES = ("SELECT n.key, p.cc, p.population FROM names n JOIN places p ON p.gid = n.gid "
                  "WHERE p.level = 'PCLI' AND n.flag IN (0, 1, 3) AND p.cc IS NOT NULL")


def write_index(path: Path, source: Source, digest: str, progress=lambda msg: None) -> None:
    """Write `source` to a fresh SQLite file at `path` (atomically replaced)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
        "CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);"
        f"CREATE TABLE places({_COLUMNS}, PRIMARY KEY(gid)) WITHOUT ROWID;"
        "CREATE TABLE names(key TEXT, gid INTEGER, flag INTEGER);"
    )
    con.executemany(
        f"INSERT OR IGNORE INTO places VALUES ({','.join('?' * 10)})",
        [(r.gid, r.name, r.kind, r.level, r.lat, r.lon, r.cc, r.admin1, r.admin2, r.population)
         for r in source.rows],
    )
    progress(f"indexing {len(source.names)} names")
    con.executemany("INSERT INTO names VALUES (?,?,?)", _name_rows(source, con))
    con.execute("CREATE INDEX names_key ON names(key)")
    # The country names a document's context is read against, joined once here: at run time
    # the join has no index on names.gid and cost about a second per process.
    con.execute(f"CREATE TABLE country_names AS {_COUNTRY_NAMES}")
    con.executemany("INSERT INTO meta VALUES (?,?)", [("digest", digest)])
    con.commit()
    con.close()
    os.replace(tmp, path)


def _name_rows(source: Source, con: sqlite3.Connection):
    seen: set[tuple[str, int]] = set()
    for name, gid, flag in [*source.names, *_alias_names(con)]:
        for key, key_flag in ((name_key(name), flag), (loose_key(name), LOOSE)):
            if key_flag == LOOSE and flag in (DEMONYM, ABBREVIATION):
                continue
            if key and (key, gid) not in seen:
                seen.add((key, gid))
                yield key, gid, key_flag


def _alias_names(con: sqlite3.Connection) -> list[tuple[str, int, int]]:
    countries = dict(con.execute("SELECT cc, gid FROM places WHERE level='PCLI'"))
    continents = {
        code: gid for code, gid in
        con.execute("SELECT name, gid FROM places WHERE level='CONT'")
    }
    continent_codes = {"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
                       "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}
    regions = admin1_codes()
    flags = {"demonym": DEMONYM, "abbreviation": ABBREVIATION}
    out = []
    for name, target, kind in alias_table():
        if target.startswith("continent:"):
            gid = continents.get(continent_codes[target.split(":")[1]])
        elif target.startswith("admin1:"):
            gid = regions.get(target.split(":")[1])
        else:
            gid = countries.get(target)
        if gid is not None:
            out.append((name, gid, flags.get(kind, 1)))
    return out


class Gazetteer:
    """Read-only lookups over a built index file."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._cache: dict[tuple, list[Entry]] = {}
        self._countries: dict[str, Entry] | None = None
        self._country_names: dict[str, str] | None = None
        self._gets: dict[int, Entry | None] = {}
        self._keys: dict[str, bool] = {}

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def lookup(self, surface: str, loose: bool = True) -> list[Entry]:
        """Places named `surface`; loose (romanisation-folded) matches only if no exact one.
        Abbreviations ('Ky.', 'OH') match only a surface written as an abbreviation."""
        key = name_key(surface)
        cache_key = (key, loose, looks_abbreviated(surface))
        found = self._cache.get(cache_key)
        if found is not None:
            return found
        found = self._query(key, exact=True)
        if not cache_key[2]:
            found = [e for e in found if e.matched != ABBREVIATION]
        if not found and loose:
            lkey = loose_key(surface)
            found = self._query(lkey, exact=False) if lkey else []
        if len(self._cache) > 50_000:  # bounds memory on endless streams
            self._cache.clear()
        self._cache[cache_key] = found
        return found

    def country_names(self) -> dict[str, str]:
        """Name key -> country code for every country name, alias and demonym; a shared
        demonym ('French') goes to the most populous country. Read once: scanning a
        document's capitalised words must not cost one query per word."""
        if self._country_names is None:
            table: dict[str, tuple[int, str]] = {}
            for key, cc, population in self._country_rows():
                if key not in table or population > table[key][0]:
                    table[key] = (population, cc)
            self._country_names = {key: cc for key, (_, cc) in table.items()}
        return self._country_names

    def _country_rows(self) -> list[tuple[str, str, int]]:
        try:
            return self._con.execute("SELECT key, cc, population FROM country_names").fetchall()
        except sqlite3.OperationalError:  # an index built from the dumps before the table
            return self._con.execute(_COUNTRY_NAMES).fetchall()

    def _query(self, key: str, exact: bool) -> list[Entry]:
        flags = "flag != 2" if exact else "flag = 2"
        # Two simple indexed queries: a join lets SQLite's planner scan all places.
        matched = dict(self._con.execute(
            f"SELECT gid, MIN(flag) FROM names WHERE key = ? AND {flags} GROUP BY gid", (key,)))
        if not matched:
            return []
        marks = ",".join("?" * len(matched))
        rows = self._con.execute(
            f"SELECT {_COLUMNS} FROM places WHERE gid IN ({marks})", list(matched)).fetchall()
        return [Entry(*row, matched=matched[row[0]]) for row in rows]

    def get(self, gid: int | None) -> Entry | None:
        if gid is None:
            return None
        if gid not in self._gets:
            if len(self._gets) > 50_000:
                self._gets.clear()
            row = self._con.execute(f"SELECT {_COLUMNS} FROM places WHERE gid=?",
                                    (gid,)).fetchone()
            self._gets[gid] = Entry(*row) if row else None
        return self._gets[gid]

    def country(self, cc: str | None) -> Entry | None:
        if self._countries is None:
            # ~250 rows, read once: a per-call query on (level, cc) would scan the table.
            self._countries = {row[6]: Entry(*row) for row in self._con.execute(
                f"SELECT {_COLUMNS} FROM places WHERE level='PCLI'")}
        return self._countries.get(cc) if cc else None

    def has_key(self, key: str) -> bool:
        known = self._keys.get(key)
        if known is None:
            if len(self._keys) > 200_000:
                self._keys.clear()
            known = self._con.execute("SELECT 1 FROM names WHERE key=? LIMIT 1",
                                      (key,)).fetchone() is not None
            self._keys[key] = known
        return known


def looks_abbreviated(surface: str) -> bool:
    """'Ky.', 'W.Va.', 'OH', 'NSW': a dot, or two to three capitals."""
    return "." in surface or (2 <= len(surface) <= 3 and surface.isupper())


def custom_index_path() -> Path:
    """Where `sitrep gazetteer build` writes by default; preferred over the packaged index."""
    return cache_dir() / "gazetteer-geonames.sqlite"


def default_index_path() -> Path:
    return cache_dir() / f"gazetteer-v{SCHEMA_VERSION}-{source_files_digest()}.sqlite"


_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def _progress(message: str) -> None:
    print(f"sitrep gazetteer: {message}", file=sys.stderr, flush=True)


def _remove_older_indexes(current: Path) -> None:
    """Packaged indexes of other versions (about 75 MB each) left by earlier sitrep versions."""
    for old in current.parent.glob("gazetteer-v*-*.sqlite"):
        if old != current:
            old.unlink(missing_ok=True)


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer; builds the packaged index on first use if it is missing."""
    global _INSTANCE
    with _LOCK:
        if _INSTANCE is None:
            override = os.environ.get("SITREP_GAZETTEER")
            custom = custom_index_path()
            index = Path(override) if override else custom if custom.exists() \
                else default_index_path()
            if not index.exists():
                started = time.monotonic()
                _progress(f"building index at {index} (once)")
                write_index(index, read_packaged(_progress), source_files_digest(), _progress)
                _progress(f"built in {time.monotonic() - started:.0f}s")
                if index == default_index_path():
                    _remove_older_indexes(index)
            _INSTANCE = Gazetteer(index)
        return _INSTANCE
