"""Exports of the store: GeoJSON for maps, CSV for spreadsheets, Parquet for dataframes."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Literal

from .store import Store

ExportTable = Literal["places", "events", "claims", "quantities", "times"]
ExportFormat = Literal["geojson", "csv", "parquet"]

_QUERIES: dict[str, str] = {
    "places": """
        SELECT p.place_id, p.doc_id, p.name, p.geonameid, p.resolved_name,
               p.latitude, p.longitude, p.country_code, p.admin1, p.kind,
               p.confidence, p.reason,
               (SELECT count(*) FROM place_mentions m WHERE m.place_id = p.place_id)
                   AS mentions,
               (SELECT sum(m.metonymic) FROM place_mentions m WHERE m.place_id = p.place_id)
                   AS metonymic_mentions,
               d.title, d.published, d.source, d.url, d.duplicate_of
        FROM places p JOIN documents d USING (doc_id) ORDER BY p.place_id""",
    "events": """
        SELECT e.event_id, e.doc_id, e.event_type, e.sub_event_type, e.date,
               e.date_precision, e.time_precision, e.location_name, e.geonameid,
               e.latitude, e.longitude, e.country_code, e.admin1, e.geo_precision,
               e.actor1, e.actor2, e.fatalities, e.source_claimant,
               e.start, e."end", e.evidence_text, e.confidence,
               d.title, d.published, d.source, d.url, d.duplicate_of
        FROM events e JOIN documents d USING (doc_id) ORDER BY e.event_id""",
    "claims": """
        SELECT c.claim_id, c.doc_id, c.speaker, c.speaker_type, c.affiliation, c.cue,
               c.stance, c.content, c.direct_quote, c.hedged, c.start, c."end",
               c.evidence_text, c.confidence,
               (SELECT group_concat(q.text, ' | ') FROM claim_quantities cq
                  JOIN quantities q USING (quantity_id) WHERE cq.claim_id = c.claim_id)
                   AS quantities,
               d.title, d.published, d.source, d.url, d.duplicate_of
        FROM claims c JOIN documents d USING (doc_id) ORDER BY c.claim_id""",
    "quantities": """
        SELECT q.quantity_id, q.doc_id, q.text, q.start, q."end", q.value, q.value_max,
               q.unit, q.normalized_value, q.normalized_value_max, q.normalized_unit,
               q.bound, q.entity, q.confidence, q.part_of_quantity_id,
               (SELECT group_concat(cq.claim_id, ' ') FROM claim_quantities cq
                  WHERE cq.quantity_id = q.quantity_id) AS claim_ids,
               d.title, d.published, d.source, d.url, d.duplicate_of
        FROM quantities q JOIN documents d USING (doc_id) ORDER BY q.quantity_id""",
    "times": """
        SELECT t.time_id, t.doc_id, t.text, t.start, t."end", t.value, t.type, t.mod,
               t.confidence, d.title, d.published, d.source, d.url, d.duplicate_of
        FROM times t JOIN documents d USING (doc_id) ORDER BY t.time_id""",
}
_WITHOUT_POINTS = {"claims", "quantities", "times"}


class ExportError(ValueError):
    """The export cannot be made as asked."""


def rows(store: Store, table: ExportTable) -> list[dict]:
    if table not in _QUERIES:
        raise ExportError(f"unknown table '{table}'; choose one of {', '.join(_QUERIES)}")
    return [dict(r) for r in store.query(_QUERIES[table])]


def export(store: Store, table: ExportTable, fmt: ExportFormat, out: Path) -> int:
    """Write `table` to `out` in `fmt`; returns the number of records written."""
    writers = {"geojson": _write_geojson, "csv": _write_csv, "parquet": _write_parquet}
    if fmt not in writers:
        raise ExportError(f"unknown format '{fmt}'; choose one of {', '.join(writers)}")
    if fmt == "geojson" and table in _WITHOUT_POINTS:
        raise ExportError(f"{table} have no coordinates; export them as csv or parquet")
    if not out.parent.is_dir():
        raise ExportError(f"{out}: no such directory {out.parent}")
    data = rows(store, table)
    tmp = out.with_name(out.name + ".partial")
    try:
        count = writers[fmt](data, tmp, _columns(store, table), table)
        tmp.replace(out)  # a reader never sees a half-written export
    except OSError as exc:  # no such folder, no permission, disk full
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{out}: cannot write ({exc.strerror or exc})") from exc
    return count


def _write_geojson(data: list[dict], out: Path, columns: list[str], table: str) -> int:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
            "properties": {k: v for k, v in r.items() if k not in ("latitude", "longitude")},
        }
        for r in data
        if r["latitude"] is not None and r["longitude"] is not None
    ]
    collection = {"type": "FeatureCollection", "features": features}
    out.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return len(features)


def _write_csv(data: list[dict], out: Path, columns: list[str], table: str) -> int:
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(data)
    return len(data)


def _write_parquet(data: list[dict], out: Path, columns: list[str], table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = _arrow_types(table)
    arrays = {name: pa.array([r[name] for r in data], type=types.get(name, pa.string()))
              for name in columns}
    pq.write_table(pa.table(arrays), out)
    return len(data)


def _columns(store: Store, table: str) -> list[str]:
    """Column names from the query itself, so empty exports keep a header."""
    cursor = store.conn.execute(_QUERIES[table] + " LIMIT 0")
    return [d[0] for d in cursor.description]


_INTS = ["place_id", "geonameid", "mentions", "metonymic_mentions", "event_id", "time_precision",
         "geo_precision", "fatalities", "start", "end", "claim_id", "direct_quote", "hedged",
         "quantity_id", "time_id", "part_of_quantity_id"]
_FLOATS = ["latitude", "longitude", "confidence", "value", "value_max", "normalized_value",
           "normalized_value_max"]
# Where one column name means another type in one table: a time's value is a TIMEX3 string.
_STRINGS_BY_TABLE = {"times": ["value"]}


def _arrow_types(table: str) -> dict:
    """Built when Parquet is written, so other exports do not import pyarrow."""
    import pyarrow as pa

    types = {**{n: pa.int64() for n in _INTS}, **{n: pa.float64() for n in _FLOATS}}
    return types | {n: pa.string() for n in _STRINGS_BY_TABLE.get(table, [])}
