"""Gazetteer cold load: time and resident memory in a fresh process.

Each measurement runs in its own interpreter so nothing is warm: it opens the cached index
(building it first if it is missing, which is reported separately), resolves a handful of
conflict toponyms, and prints the wall time and the process's resident memory before and
after. Run: python benchmarks/gazetteer_load.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

PROBE = r"""
import json, resource, time
def rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
started = time.perf_counter()
before = rss_mb()
from sitrep.geo.resolve import resolve_spans  # the gazetteer and resolver, without spaCy
imported = time.perf_counter() - started
text = "Shelling hit Pokrovsk, Kramatorsk and Zaporizhzhia; Kyiv and El Obeid were quiet."
names = ["Pokrovsk", "Kramatorsk", "Zaporizhzhia", "Kyiv", "El Obeid"]
spans = [(text.index(n), text.index(n) + len(n)) for n in names]
places = resolve_spans(text, spans)
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "import_seconds": imported, "rss_before_mb": before, "rss_after_mb": rss_mb(),
                  "resolved": sum(p.geonameid is not None for p in places)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    warm = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    if warm.returncode:
        sys.exit(warm.stderr)
    if "building index" in warm.stderr:
        print("(the index was missing and has been built; timings below use the cached index)")
    runs = [json.loads(subprocess.run([sys.executable, "-c", PROBE], capture_output=True,
                                      text=True, check=True).stdout) for _ in range(args.runs)]
    seconds = [r["seconds"] for r in runs]
    print(f"cold import + open + first resolutions: min {min(seconds):.2f} s, "
          f"median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s ({args.runs} runs)")
    opening = [r["seconds"] - r["import_seconds"] for r in runs]
    print(f"  of which opening the index and resolving (imports excluded): "
          f"median {statistics.median(opening):.2f} s")
    print(f"resident memory: {runs[0]['rss_before_mb']:.0f} MB at start, "
          f"{statistics.median(r['rss_after_mb'] for r in runs):.0f} MB after loading "
          f"(resolved {runs[0]['resolved']} of 5 probe names)")


if __name__ == "__main__":
    main()
