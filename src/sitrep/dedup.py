"""Near-duplicate detection: syndicated and re-spun copies of one story count as one source.

MinHash over word shingles with an LSH index (datasketch) finds candidates in
sub-linear time; the estimated Jaccard similarity decides. Each new document points to
the first-seen member of its cluster, so ten copies of one wire story form one cluster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
# Re-spun wire copy (new headline, a sentence or two reworded) keeps well over half of
# its 3-word shingles; distinct reports on the same battle share far fewer.
THRESHOLD = 0.5
# Named explicitly so signatures stored by one datasketch release load in the next.
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def signature(text: str) -> MinHash | None:
    """The text's MinHash, or None for a text without words (nothing to compare)."""
    words = _WORD.findall(text.lower())
    if not words:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS])
                for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME,
                   hashvalues=np.frombuffer(data, dtype=np.uint64))


class DuplicateFinder:
    """Remembers documents seen so far (this run and, via `seed`, earlier ones)."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._cluster_of: dict[str, str] = {}

    def seed(self, stored: Iterable[tuple[str, bytes, str | None]]) -> None:
        for doc_id, blob, duplicate_of in stored:
            self._remember(doc_id, from_bytes(blob), duplicate_of)

    def check(self, doc_id: str, mh: MinHash) -> tuple[str | None, float]:
        """The cluster this document duplicates (or None) and the similarity seen."""
        best, best_sim = None, 0.0
        for other in self._lsh.query(mh):
            if other == doc_id:
                continue
            sim = mh.jaccard(self._signatures[other])
            if sim >= self.threshold and sim > best_sim:
                best, best_sim = other, sim
        if best is None:
            return None, 0.0
        return self._cluster_of.get(best) or best, best_sim

    def add(self, doc_id: str, mh: MinHash, duplicate_of: str | None) -> None:
        if doc_id not in self._signatures:
            self._remember(doc_id, mh, duplicate_of)

    def _remember(self, doc_id: str, mh: MinHash, duplicate_of: str | None) -> None:
        self._signatures[doc_id] = mh
        self._lsh.insert(doc_id, mh)
        if duplicate_of:
            self._cluster_of[doc_id] = duplicate_of
