"""Evaluation of sitrep's quantities.

Usage:
    python benchmarks/quantities.py [--data ../shared/benchmarks/timex] [--table PATH]
                                    [--heldout PATH] [--errors]

Two tables:
1. MEANTIME English (`values` in meantime_en.jsonl: QUANTITY, MONEY and PERCENT markables,
   no units or normalised values). MEANTIME's `values` span is the number with its currency
   and quantifier only - "179" in "179 new aerial refueling tankers", "$40 billion",
   "up to 60", "15-20%" - while sitrep's quantity also covers the counted noun or unit
   ("179 new aerial refueling tankers"). Spans are therefore matched by OVERLAP (at least one
   shared character), one-to-one, largest overlap first (the TempEval pairing of
   benchmarks/timex.py). span P = paired sitrep quantities / sitrep quantities, span R = paired
   gold spans / gold spans.
   MEANTIME annotates only the opening sentences of each article, so the first row scores only
   sitrep quantities that start inside the annotated region (up to the end of the last line
   holding any gold markable of any layer, see benchmarks/meantime_region.py); the second row
   scores the whole text, where precision is not meaningful. Times are found first and their
   numbers skipped, as in the pipeline. MEANTIME is a test set: do not tune on it.
2. The team's phrase table (benchmarks/data/quantity_phrases.tsv): for each phrase the first
   quantity found is compared with the row. value = value and value_max equal (relative
   tolerance 1e-6); unit = normalized_unit equal; bound = bound equal; all = the three together.
   Rows whose value is "-" expect no quantity at all and count as correct on every column only
   when none is found. `--table` picks the table (default: the team's).
3. The held-out phrase table (benchmarks/data/quantity_phrases_heldout.tsv, same columns plus an
   eighth comment column), written blind to the extractor and scored the same way when the file
   exists. Rows whose comment starts with "ambiguous:" depend on a convention the spec leaves
   open; they are scored in the "held-out" row and left out of the "held-out (unambiguous)" row.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from meantime_region import annotated_end  # noqa: E402
from sitrep.quantities import find_quantities  # noqa: E402
from timex import pair  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "timex"
PHRASES = ROOT / "benchmarks" / "data" / "quantity_phrases.tsv"
HELDOUT = ROOT / "benchmarks" / "data" / "quantity_phrases_heldout.tsv"
COLUMNS = 8  # phrase, value, value_max, normalized_value, normalized_unit, bound, entity, comment


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _num(cell: str) -> float | None:
    return float(cell) if cell.strip() else None


Run = tuple[dict, list]  # a MEANTIME record and the quantities sitrep found in it


def run_meantime(path: Path) -> tuple[list[Run], float]:
    """Every record with its quantities, found once for all the tables; and the seconds taken."""
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    started = time.perf_counter()
    runs = [(record, find_quantities(record["text"])) for record in records]
    return runs, time.perf_counter() - started


def _scored(runs: list[Run], annotated_only: bool):
    """(record, quantities kept, indices of the kept ones paired with a gold span)."""
    for record, quantities in runs:
        if annotated_only:
            limit = annotated_end(record)
            quantities = [q for q in quantities if q.start < limit]
        gold = [(v["start"], v["end"]) for v in record.get("values", [])]
        yield record, quantities, {si for _, si in pair(gold, [(q.start, q.end)
                                                               for q in quantities])}


def meantime(runs: list[Run], seconds: float, annotated_only: bool) -> str:
    gold_total = sys_total = paired = 0
    for record, quantities, matched in _scored(runs, annotated_only):
        gold_total += len(record.get("values", []))
        sys_total += len(quantities)
        paired += len(matched)
    recall = paired / gold_total if gold_total else 0.0
    precision = paired / sys_total if sys_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    name = "annotated region" if annotated_only else "whole text"
    return (f"meantime_en values ({name}) | {len(runs)} | {gold_total} | {sys_total} | "
            f"{100 * precision:.2f} | {100 * recall:.2f} | {100 * f1:.2f} | "
            f"{len(runs) / seconds:.0f}")


def precision_by_confidence(runs: list[Run]) -> list[str]:
    """Span precision per confidence level in the annotated region: the levels are set by
    hand, so this only checks that a lower level is right less often."""
    found, paired = Counter(), Counter()
    for _, quantities, matched in _scored(runs, annotated_only=True):
        for si, q in enumerate(quantities):
            found[q.confidence] += 1
            paired[q.confidence] += si in matched
    return [f"{level:.3f} | {found[level]} | {100 * paired[level] / found[level]:.2f}"
            for level in sorted(found, reverse=True)]


def load_rows(path: Path, skip_ambiguous: bool = False) -> list[list[str]]:
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")
            if line.strip() and not line.startswith("#")]
    rows = [row + [""] * (COLUMNS - len(row)) for row in rows]
    if skip_ambiguous:
        rows = [row for row in rows if not row[7].startswith("ambiguous")]
    return rows


def phrases(rows: list[list[str]], name: str, show_errors: bool) -> list[str]:
    scores = {"value": 0, "unit": 0, "bound": 0, "all": 0, "normalized": 0, "entity": 0}
    started = time.perf_counter()
    for row in rows:
        phrase, value = row[0], row[1]
        found = find_quantities(phrase)
        if value == "-":
            ok = not found
            for key in scores:
                scores[key] += ok
            if show_errors and not ok:
                print(f"  SPURIOUS [{name}] {phrase!r}: {found[0]}")
            continue
        q = found[0] if found else None
        checks = {
            "value": bool(q) and _close(q.value, _num(value)) and _close(q.value_max, _num(row[2])),
            "unit": bool(q) and (q.normalized_unit or "") == row[4],
            "bound": bool(q) and q.bound == row[5],
            "normalized": bool(q) and _close(q.normalized_value, _num(row[3])),
            "entity": bool(q) and (q.entity or "") == row[6],
        }
        checks["all"] = checks["value"] and checks["unit"] and checks["bound"]
        for key, ok in checks.items():
            scores[key] += ok
        if show_errors and not all(checks.values()):
            print(f"  WRONG [{name}] {phrase!r}: expected {row[1:7]} got {q}")
    seconds = time.perf_counter() - started
    n = len(rows)
    return [f"{name} | {n} | " + " | ".join(
        f"{100 * scores[k] / n:.2f}" for k in ("value", "unit", "bound", "all", "normalized",
                                               "entity")) + f" | {n / seconds:.0f}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--table", "--phrases", dest="table", type=Path, default=PHRASES,
                        help="phrase table to score (default: the team's)")
    parser.add_argument("--heldout", type=Path, default=HELDOUT,
                        help="held-out phrase table, scored as separate rows when it exists")
    parser.add_argument("--errors", action="store_true", help="print the phrase-table misses")
    args = parser.parse_args()
    print("table | rows | value acc | unit acc | bound acc | value+unit+bound acc | "
          "normalized value acc | entity acc | phrases/s")
    print(" | ".join(["---"] * 9))
    name = "phrase table" if args.table == PHRASES else args.table.name
    for line in phrases(load_rows(args.table), name, args.errors):
        print(line)
    if args.heldout.exists():
        for line in phrases(load_rows(args.heldout), "held-out", args.errors):
            print(line)
        for line in phrases(load_rows(args.heldout, skip_ambiguous=True),
                            "held-out (unambiguous)", show_errors=False):
            print(line)
    print()
    print("corpus | docs | gold spans | sitrep quantities | span P | span R | span F1 | docs/s")
    print(" | ".join(["---"] * 8))
    path = args.data / "meantime_en.jsonl"
    if not path.exists():
        print(f"meantime_en | missing: {path}")
        return
    runs, seconds = run_meantime(path)
    print(meantime(runs, seconds, annotated_only=True))
    print(meantime(runs, seconds, annotated_only=False))
    print("\nconfidence | sitrep quantities (annotated region) | span P")
    print(" | ".join(["---"] * 3))
    for line in precision_by_confidence(runs):
        print(line)
    print("\nSpans match by overlap (MEANTIME marks the number, not the counted noun). "
          "'annotated region' = up to the last line with any MEANTIME gold markable; "
          "'whole text' counts unannotated sentences against precision.")


if __name__ == "__main__":
    main()
