"""TempEval-3 style evaluation of sitrep's temporal expressions.

Usage:
    python benchmarks/timex.py [--data ../shared/benchmarks/timex] [--split te3_platinum ...]
                               [--errors N]   # print N mismatches (use on te3_tbaq, the dev split)
                               [--spacy]      # run the real pipeline (sitrep_times stage) instead

Metrics (TempEval-3 Task A, as in the official scorer, on character spans):
* Pairing: each gold timex is paired with at most one system timex and vice versa, greedily by
  the largest character overlap (ties: earlier system span).
* strict P/R/F1: pairs whose spans are identical (after trimming surrounding whitespace),
  P = matches / system timexes, R = matches / gold timexes.
* relaxed P/R/F1: pairs whose spans overlap by at least one character.
* value P/R/F1: relaxed pairs whose TIMEX3 `value` strings are equal; P = correct / system
  timexes, R = correct / gold timexes. This equals relaxed F1 x value accuracy, the official
  TempEval-3 ranking figure.
* type acc: share of relaxed pairs with the same type (DATE/TIME/DURATION/SET).
The document creation time (DCT) in each record is passed as the publication date.

MEANTIME is annotated only in the opening sentences of each article (headline, dateline and
the first body sentences), so it is scored twice: "annotated region" keeps only system
timexes that start before the end of the last line holding any gold markable (events, timexes
or values; see benchmarks/meantime_region.py), "whole text" scores every system timex. The
first is the meaningful figure; the second is printed beside it for transparency.

--spacy runs `sitrep.nlp.build_pipeline(stages=["sitrep_times"])` (the model and the
registered component; the publication date set on `doc._.sitrep_published`) instead of the
plain `find_times(text, dct)` call, so the pipeline path is measured too.
Tune on te3_tbaq only; te3_platinum and meantime_en are test sets.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from meantime_region import annotated_end  # noqa: E402
from sitrep.model import TimeExpr  # noqa: E402
from sitrep.time import find_times  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "timex"
SPLITS = ["te3_tbaq", "te3_platinum", "meantime_en"]


def _span(item: dict, text: str) -> tuple[int, int]:
    start, end = item["start"], item["end"]
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


def pair(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index) by largest overlap first."""
    options = []
    for gi, (gs, ge) in enumerate(gold):
        for si, (ss, se) in enumerate(system):
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                options.append((-overlap, si, gi))
    used_g, used_s, pairs = set(), set(), []
    for _, si, gi in sorted(options):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


def prf(correct: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_system if n_system else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


Tagger = Callable[[str, "str | None"], list[TimeExpr]]


def rule_tagger(text: str, dct: str | None) -> list[TimeExpr]:
    return find_times(text, dct)


def spacy_tagger() -> Tagger:
    """The pipeline path: the spaCy model plus the registered `sitrep_times` stage."""
    from sitrep.nlp import build_pipeline

    nlp = build_pipeline(stages=["sitrep_times"])

    def tag(text: str, dct: str | None) -> list[TimeExpr]:
        doc = nlp.make_doc(text)
        doc._.sitrep_published = dct
        return nlp(doc)._.sitrep_times

    return tag


def evaluate(records: list[dict], errors: int = 0, tagger: Tagger = rule_tagger,
             annotated_only: bool = False) -> dict:
    counts = {"gold": 0, "system": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    shown = 0
    started = time.perf_counter()
    for record in records:
        text = record["text"]
        gold = record["timexes"]
        system = tagger(text, record.get("dct"))
        if annotated_only:
            limit = annotated_end(record)
            system = [t for t in system if t.start < limit]
        gold_spans = [_span(g, text) for g in gold]
        sys_spans = [(t.start, t.end) for t in system]
        pairs = pair(gold_spans, sys_spans)
        counts["gold"] += len(gold)
        counts["system"] += len(system)
        matched_g = {gi for gi, _ in pairs}
        matched_s = {si for _, si in pairs}
        for gi, si in pairs:
            g, s = gold[gi], system[si]
            counts["relaxed"] += 1
            counts["strict"] += gold_spans[gi] == sys_spans[si]
            counts["value"] += g["value"] == s.value
            counts["type"] += g["type"] == s.type
            if errors and shown < errors and (g["value"] != s.value or gold_spans[gi] != sys_spans[si]):
                shown += 1
                print(f"  MISMATCH {record.get('dct')} gold={g['text']!r} {g['value']} "
                      f"sys={s.text!r} {s.value} | {text[max(0, g['start'] - 40):g['end'] + 20]!r}")
        if errors and shown < errors:
            for gi, g in enumerate(gold):
                if gi not in matched_g and shown < errors:
                    shown += 1
                    print(f"  MISSED   {record.get('dct')} {g['text']!r} {g['value']} | "
                          f"{text[max(0, g['start'] - 40):g['end'] + 20]!r}")
            for si, s in enumerate(system):
                if si not in matched_s and shown < errors:
                    shown += 1
                    print(f"  SPURIOUS {s.text!r} {s.value} | "
                          f"{text[max(0, s.start - 40):s.end + 20]!r}")
    counts["seconds"] = time.perf_counter() - started
    counts["docs"] = len(records)
    return counts


def row(name: str, c: dict) -> str:
    strict = prf(c["strict"], c["system"], c["gold"])
    relaxed = prf(c["relaxed"], c["system"], c["gold"])
    value = prf(c["value"], c["system"], c["gold"])
    type_acc = c["type"] / c["relaxed"] if c["relaxed"] else 0.0
    rate = c["docs"] / c["seconds"] if c["seconds"] else 0.0
    cells = [name, str(c["docs"]), str(c["gold"]), str(c["system"])]
    cells += [f"{100 * x:.2f}" for x in (*strict, *relaxed, *value, type_acc)]
    cells.append(f"{rate:.0f}")
    return " | ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", action="append", choices=SPLITS)
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--spacy", action="store_true",
                        help="run the spaCy pipeline with the sitrep_times stage")
    args = parser.parse_args()
    tagger = spacy_tagger() if args.spacy else rule_tagger
    print("mode:", "spaCy pipeline (sitrep_times stage)" if args.spacy else "rules (find_times)")
    header = ("split | docs | gold | sys | strict P | strict R | strict F1 | relaxed P | "
              "relaxed R | relaxed F1 | value P | value R | value F1 | type acc | docs/s")
    print(header)
    print(" | ".join("---" for _ in header.split(" | ")))
    for split in args.split or SPLITS:
        path = args.data / f"{split}.jsonl"
        if not path.exists():
            print(f"{split} | missing: {path}")
            continue
        records = [json.loads(line) for line in path.open(encoding="utf-8")]
        if split == "meantime_en":
            print(row(f"{split} (annotated region)",
                      evaluate(records, args.errors, tagger, annotated_only=True)))
            print(row(f"{split} (whole text)", evaluate(records, 0, tagger)))
            print("  (MEANTIME gold covers only the opening sentences: 'annotated region' scores "
                  "system timexes up to the last line with any gold markable; 'whole text' is "
                  "shown for comparison)")
        else:
            print(row(split, evaluate(records, args.errors, tagger)))


if __name__ == "__main__":
    main()
