"""Pipeline throughput: documents per second through the full extractor, and per stage.

Runs the demo dispatches (repeated to a corpus of --docs documents) through
`sitrep.pipeline.Extractor` and prints docs/s; then runs each spaCy component on its own,
one document at a time, and prints its share of the time, so that a slow stage shows up
as a ratio rather than an absolute figure (these machines are noisy).

    python benchmarks/throughput.py [--docs 200] [--batch-size 16]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitrep.ingest import IngestProblem, read_inputs
from sitrep.pipeline import Extractor

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "dispatches"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    started = time.perf_counter()
    extractor = Extractor(batch_size=args.batch_size)
    print(f"model and stages loaded in {time.perf_counter() - started:.2f} s")
    base = [d for d in read_inputs([str(EXAMPLES)]) if not isinstance(d, IngestProblem)]
    corpus = [base[i % len(base)] for i in range(args.docs)]
    chars = sum(len(d.text) for d in corpus)

    started = time.perf_counter()
    done = sum(not isinstance(r, IngestProblem) for r in extractor.extract(corpus))
    elapsed = time.perf_counter() - started
    print(f"{done} documents, {chars / len(corpus):.0f} characters each on average")
    print(f"throughput: {done / elapsed:.1f} docs/s ({chars / elapsed / 1000:.1f} k chars/s)")

    shares = stage_shares(extractor, corpus[: len(base)])
    print("share of component time (unbatched, one pass over the distinct documents):")
    for name, share in shares.items():
        print(f"  {name:18s} {100 * share:5.1f} %")


def stage_shares(extractor: Extractor, documents) -> dict[str, float]:
    nlp = extractor.nlp
    totals = {name: 0.0 for name in nlp.pipe_names}
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc._.sitrep_published = document.published
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            doc = component(doc)
            totals[name] += time.perf_counter() - started
    grand = sum(totals.values()) or 1.0
    return {name: t / grand for name, t in totals.items()}


if __name__ == "__main__":
    main()
