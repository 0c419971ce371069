"""Near-duplicate detection: syndicated and re-spun copies of one story count as one source.

MinHash over word shingles with an LSH index (datasketch) finds candidates in
sub-linear time; the estimated Jaccard similarity decides, together with the facts the
two texts state. Each new document points to the first-seen member of its cluster, so
ten copies of one wire story form one cluster.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
# Re-spun wire copy (new headline, a sentence or two reworded) keeps well over half of
# its 3-word shingles; distinct reports on the same battle share far fewer.
THRESHOLD = 0.5
# Reports written to a template ("Overnight, the enemy attacked X district with drones. A
# 45-year-old man was wounded") share most shingles and differ only in their numbers and
# names. A copy may add a headline, byline or update line and may drop its last
# paragraphs, so the numbers and the names of one text must each recur in the other, with
# slack for one lost in rewording: four of five do, three of four (another town, another
# count) do not.
FACT_SHARE = 0.8
# Named explicitly so signatures stored by one datasketch release load in the next.
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)
# House styles differ on spelling out small numbers ("two" or "2"); "one" is left out,
# being as often a pronoun.
_SPELLED = "two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
    "fifteen sixteen seventeen eighteen nineteen twenty".split()
_NUMBER_WORDS = {word: str(n) for n, word in enumerate(_SPELLED, start=2)}
# The lookahead skips most words after one character: the alternation alone doubles the
# time spent on facts.
_NUMBER = re.compile(r"\b(?:\d+(?:[.,]\d+)*|(?=[efnstw])(?:%s)\b)" % "|".join(_SPELLED),
                     re.IGNORECASE)
# Words that may be capitalised (str.isupper decides): ASCII lower case is ruled out here,
# as most words are, so the Python loop sees few of them.
_MAYBE_CAPITALISED = re.compile(r"\b[^\W\d_a-z]\w*")
# A capital right after this is grammar, not a name: the match ends where a sentence's
# first word begins.
_SENTENCE_START = re.compile(r"(?:\A|[.!?:][\"'”’)\]]*\s|\n)\W*")


# What a copy adds to say when it was filed ("Updated 10:42 GMT, Nov 20, 2025") tells
# nothing of the story: clock times, years, zones and days of a month are no facts, nor
# month or weekday names.
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_STAMP = re.compile(rf"\b\d{{1,2}}[:.]\d\d\b|\b(?:19|20)\d\d\b|\b(?:GMT|UTC|EST|EDT|ET|CET|EET|MSK)\b"
                    rf"|\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}")
_CALENDAR_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
    "august september october november december monday tuesday wednesday thursday friday "
    "saturday sunday updated".split())


class Facts(NamedTuple):
    """What tells one templated report from another: the numbers it states, the
    capitalised words it uses mid-sentence (names), and all its capitalised words, so a
    name a re-spin moved to the front of a sentence is still found."""
    numbers: frozenset[str]
    names: frozenset[str]
    capitalised: frozenset[str]


class Signature(NamedTuple):
    minhash: MinHash
    facts: Facts | None  # None for a stored signature until a candidate needs its facts


def signature(text: str) -> Signature | None:
    """The text's MinHash and facts, or None for a text without words (nothing to compare)."""
    words = _WORD.findall(text.lower())
    if not words:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS])
                for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return Signature(mh, facts(text))


def facts(text: str) -> Facts:
    text = _STAMP.sub(" ", text)
    numbers = {_NUMBER_WORDS.get(n.lower()) or n.replace(",", "") for n in _NUMBER.findall(text)}
    found = [(m.start(), m[0].lower()) for m in _MAYBE_CAPITALISED.finditer(text)
             if m[0][0].isupper() and m[0].lower().rstrip(".") not in _CALENDAR_WORDS]
    starts = {m.end() for m in _SENTENCE_START.finditer(text)}
    return Facts(frozenset(numbers), frozenset(w for at, w in found if at not in starts),
                 frozenset(w for _, w in found))


def facts_agree(a: Facts, b: Facts) -> bool:
    """True if one text's numbers and names mostly recur in the other."""
    return max(_restated(a, b), _restated(b, a)) >= FACT_SHARE


def _restated(mine: Facts, theirs: Facts) -> float:
    return min(_share(mine.numbers, theirs.numbers), _share(mine.names, theirs.capitalised))


def _share(mine: frozenset[str], theirs: frozenset[str]) -> float:
    # Stating nothing of a kind contradicts nothing.
    return len(mine & theirs) / len(mine) if mine else 1.0


def to_bytes(sig: Signature) -> bytes:
    return sig.minhash.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> Signature:
    """A stored signature. Its facts are read again from the stored text, and only when it
    is a candidate: seeding a large store must not read every text."""
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME,
                 hashvalues=np.frombuffer(data, dtype=np.uint64))
    return Signature(mh, None)


class DuplicateFinder:
    """Remembers documents seen so far (this run and, via `seed`, earlier ones)."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, Signature] = {}
        self._cluster_of: dict[str, str] = {}
        self._stored_text: Callable[[str], str] | None = None

    def seed(self, stored: Iterable[tuple[str, bytes, str | None]],
             text_of: Callable[[str], str]) -> None:
        """Earlier documents' signatures; `text_of` gives a stored document's text."""
        self._stored_text = text_of
        for doc_id, blob, duplicate_of in stored:
            self._remember(doc_id, from_bytes(blob), duplicate_of)

    def _facts_of(self, doc_id: str) -> Facts:
        known = self._signatures[doc_id]
        if known.facts is None:
            known = known._replace(facts=facts(self._stored_text(doc_id)))
            self._signatures[doc_id] = known
        return known.facts

    def check(self, doc_id: str, sig: Signature) -> tuple[str | None, float]:
        """The cluster this document duplicates (or None) and the similarity seen."""
        best, best_sim = None, 0.0
        for other in self._lsh.query(sig.minhash):
            if other == doc_id:
                continue
            sim = sig.minhash.jaccard(self._signatures[other].minhash)
            if sim >= self.threshold and sim > best_sim and facts_agree(sig.facts,
                                                                        self._facts_of(other)):
                best, best_sim = other, sim
        if best is None:
            return None, 0.0
        return self._cluster_of.get(best) or best, best_sim

    def add(self, doc_id: str, sig: Signature, duplicate_of: str | None) -> None:
        if doc_id not in self._signatures:
            self._remember(doc_id, sig, duplicate_of)

    def _remember(self, doc_id: str, sig: Signature, duplicate_of: str | None) -> None:
        self._signatures[doc_id] = sig
        self._lsh.insert(doc_id, sig.minhash)
        if duplicate_of:
            self._cluster_of[doc_id] = duplicate_of
