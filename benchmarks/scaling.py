"""Work that grows with a document or a store: checks that it stays near linear.

Usage:
    python benchmarks/scaling.py [--sizes 1000 4000]

For each size it builds the input synthetically and prints the seconds taken:
* quantities: `find_quantities` on a report of N sentences, each with a clock time and four
  counts, given the times found in it (every number is checked against every time span; the
  "others" and the children are read through the counts before them);
* events: `extract_events` on N event sentences, after the other stages ran (each event looks
  up its sentence's times and places);
* export: CSV export of 5N quantities linked to claims and of 5N places with 10N mentions
  (each row looks up its links).
A stage that scales linearly takes about four times as long at the second size; a quadratic
one about sixteen times. The time of spaCy itself is not counted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.events import extract_events  # noqa: E402
from sitrep.export import export  # noqa: E402
from sitrep.nlp import build_pipeline  # noqa: E402
from sitrep.quantity.extract import find_quantities  # noqa: E402
from sitrep.store import Store  # noqa: E402
from sitrep.timex import find_times  # noqa: E402


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def quantities_seconds(n: int) -> float:
    text = " ".join(f"On Monday {i % 50 + 2} drones struck the depot at 05:{i % 60:02d}, "
                    f"killing {i % 7 + 3} people and wounding {i % 9 + 4} others, including "
                    f"{i % 3 + 1} children." for i in range(n))
    spans = [(t.start, t.end) for t in find_times(text, "2024-11-20")]
    return _timed(lambda: find_quantities(text, None, spans))


def events_seconds(nlp, n: int) -> float:
    text = " ".join(f"On Tuesday, U.S. officials said Russian forces shelled Kupiansk, "
                    f"killing {i % 5 + 1} people." for i in range(n))
    doc = nlp.make_doc(text)
    doc._.sitrep_published = "2025-06-11"
    with nlp.select_pipes(disable=["sitrep_events"]):
        doc = nlp(doc)
    return _timed(lambda: extract_events(doc))


def export_seconds(n: int) -> float:
    with tempfile.TemporaryDirectory() as name, Store(Path(name) / "s.db") as store:
        folder = Path(name)
        con = store.conn
        con.execute("BEGIN")
        con.execute("INSERT INTO documents (doc_id, source, text, ingested_at) "
                    "VALUES ('d', 's', 't', 'x')")
        con.executemany("INSERT INTO claims (claim_id, doc_id, stance, content, direct_quote, "
                        "hedged, start, \"end\", evidence_text, confidence) VALUES "
                        "(?, 'd', 'asserts', 'c', 0, 0, 0, 1, 'c', 0.5)", [(i,) for i in range(n)])
        con.executemany("INSERT INTO quantities (quantity_id, doc_id, text, start, \"end\", "
                        "value, bound, confidence) VALUES (?, 'd', '1', 0, 1, 1, 'exact', 0.9)",
                        [(i,) for i in range(n)])
        con.executemany("INSERT INTO claim_quantities VALUES (?, ?)", [(i, i) for i in range(n)])
        con.executemany("INSERT INTO places (place_id, doc_id, name, confidence) "
                        "VALUES (?, 'd', 'p', 0.5)", [(i,) for i in range(n)])
        con.executemany("INSERT INTO place_mentions (place_id, doc_id, start, \"end\", text, "
                        "metonymic) VALUES (?, 'd', 0, 1, 'p', 0)", [(i // 2,) for i in range(2 * n)])
        con.execute("COMMIT")
        return _timed(lambda: [export(store, table, "csv", folder / f"{table}.csv")
                               for table in ("quantities", "places")])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    args = parser.parse_args()
    nlp = build_pipeline(stages=["sitrep_times", "sitrep_quantities", "sitrep_places",
                                 "sitrep_events"])
    print("N | quantities s | events s | export of 5N rows s")
    print("--- | --- | --- | ---")
    for n in args.sizes:
        print(f"{n} | {quantities_seconds(n):.2f} | {events_seconds(nlp, n):.2f} | "
              f"{export_seconds(5 * n):.2f}")


if __name__ == "__main__":
    main()
