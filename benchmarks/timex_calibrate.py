"""Fit and check the confidence of temporal expressions.

Usage:
    python benchmarks/timex_calibrate.py [--data ../shared/benchmarks/timex] [--write]

On te3_tbaq (the dev split) it counts, for each kind of expression (timex.confidence), how many
the rules found and how many overlap a gold TIMEX3 with the same value; --write stores those
counts in src/sitrep/data/timex_confidence.tsv, which is all the fitting there is.

On every split it then prints a reliability table: expressions grouped by the confidence they
were given, with the share that was right in each group, and the expected calibration error
(ECE, the gap between confidence and that share, weighted by group size). Only the dev split
was used for fitting; te3_platinum and meantime_en (annotated region) show how it transfers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from meantime_region import annotated_end  # noqa: E402
from timex import DEFAULT_DATA, SPLITS, _span, pair  # noqa: E402
from sitrep.timex import confidence as timex_confidence  # noqa: E402
from sitrep.timex.find import find_times_with_kinds  # noqa: E402

TABLE = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / timex_confidence.TABLE
EDGES = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]


def judged(record: dict, annotated_only: bool) -> list[tuple[str, float, bool]]:
    """(kind, confidence, right) for every expression found in one document."""
    text = record["text"]
    found = find_times_with_kinds(text, record.get("dct"))
    if annotated_only:
        limit = annotated_end(record)
        found = [(t, k) for t, k in found if t.start < limit]
    gold = record["timexes"]
    pairs = dict((si, gi) for gi, si in pair([_span(g, text) for g in gold],
                                             [(t.start, t.end) for t, _ in found]))
    return [(kind, time.confidence, si in pairs and gold[pairs[si]]["value"] == time.value)
            for si, (time, kind) in enumerate(found)]


def fit(rows: list[tuple[str, float, bool]]) -> str:
    found, correct = Counter(), Counter()
    for kind, _, right in rows:
        found[kind] += 1
        correct[kind] += right
    lines = ["# kind\tfound\tcorrect\t(written by benchmarks/timex_calibrate.py --write from "
             "te3_tbaq; do not edit)"]
    lines += [f"{kind}\t{found[kind]}\t{correct[kind]}" for kind in sorted(found)]
    return "\n".join(lines) + "\n"


def reliability(name: str, rows: list[tuple[str, float, bool]]) -> None:
    print(f"\n{name}: {len(rows)} expressions")
    print("confidence | n | mean confidence | share right")
    print("--- | --- | --- | ---")
    gap = 0.0
    for lo, hi in zip(EDGES, EDGES[1:]):
        group = [(c, r) for _, c, r in rows if lo <= c < hi]
        if not group:
            continue
        mean = sum(c for c, _ in group) / len(group)
        share = sum(r for _, r in group) / len(group)
        gap += len(group) * abs(mean - share)
        print(f"{lo:.1f}-{min(hi, 1.0):.1f} | {len(group)} | {mean:.3f} | {share:.3f}")
    print(f"ECE {gap / len(rows):.3f}" if rows else "ECE n/a")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help=f"rewrite {TABLE.name} from dev")
    args = parser.parse_args()
    for split in SPLITS:
        path = args.data / f"{split}.jsonl"
        if not path.exists():
            print(f"{split}: missing {path}")
            continue
        records = [json.loads(line) for line in path.open(encoding="utf-8")]
        rows = [r for rec in records for r in judged(rec, split == "meantime_en")]
        if split == "te3_tbaq" and args.write:
            TABLE.write_text(fit(rows), encoding="utf-8")
            timex_confidence._table.cache_clear()
            print(f"wrote {TABLE} ({len({k for k, _, _ in rows})} kinds)")
            rows = [(kind, timex_confidence.confidence(kind), right) for kind, _, right in rows]
        label = split + (" (annotated region)" if split == "meantime_en" else "") + (
            " [dev: fitted here]" if split == "te3_tbaq" else " [test]")
        reliability(label, rows)


if __name__ == "__main__":
    main()
