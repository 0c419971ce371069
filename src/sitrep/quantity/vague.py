"""Vague counts as ranges, and the words that bound a number.

The ranges are our reading of everyday English, kept deliberately wide:
"dozens" is at least two dozen and fewer than a hundred, "hundreds" 200-999, and so on.
"""

from __future__ import annotations

import re

from sitrep.timex.lexicon import APPROX_MODS

# phrase (lower case, single spaces) -> (low, high)
VAGUE_COUNTS: dict[str, tuple[float, float]] = {
    "dozens of": (24, 99), "scores of": (40, 99), "hundreds of": (200, 999),
    "thousands of": (2_000, 9_999), "tens of thousands of": (20_000, 99_999),
    "hundreds of thousands of": (200_000, 999_999), "millions of": (2e6, 9.999e6),
    "tens of millions of": (2e7, 9.999e7), "hundreds of millions of": (2e8, 9.999e8),
    "billions of": (2e9, 9.999e9), "several dozen": (36, 108), "a few dozen": (24, 60),
    "several hundred": (300, 900), "a few hundred": (200, 500), "several thousand": (3_000, 9_000),
    "a few thousand": (2_000, 5_000), "several million": (3e6, 9e6), "a few million": (2e6, 5e6),
    "several billion": (3e9, 9e9), "a handful of": (2, 5), "a dozen or so": (10, 14),
}
# The same counts standing alone as nouns ("Thousands fled", "tens of thousands were
# evacuated"); matched only when no "of" follows, which the table above covers.
VAGUE_BARE: dict[str, tuple[float, float]] = {
    words: VAGUE_COUNTS[words + " of"] for words in (
        "dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands", "millions")}
# Only with a counted noun after them: "several villages", "a few tanks".
WEAK_VAGUE: dict[str, tuple[float, float]] = {"several": (3, 9), "a few": (2, 5),
                                               "a couple of": (2, 3), "numerous": (10, 99)}

# The bound words of durations ("more than four days") bound amounts the same way.
_BOUND_OF_MOD = {"MORE_THAN": "at_least", "EQUAL_OR_MORE": "at_least", "LESS_THAN": "at_most",
                 "EQUAL_OR_LESS": "at_most", "APPROX": "approx"}
BOUND_WORDS: dict[str, str] = {word: _BOUND_OF_MOD[mod] for word, mod in APPROX_MODS.items()} | {
    "upwards of": "at_least", "in excess of": "at_least", "above": "at_least",
    "not less than": "at_least",
    "greater than": "at_least", "a minimum of": "at_least", "fewer than": "at_most",
    "at most": "at_most", "a maximum of": "at_most", "just under": "at_most", "below": "at_most",
    "as many as": "at_most", "as much as": "at_most", "estimated": "approx",
    "close to": "approx", "circa": "approx", "~": "approx", "more or less": "approx",
    "approx.": "approx", "nearly some": "approx", "an approximate": "approx",
    "a reported": "exact", "between": "range", "from": "range",
}


def alternation(words) -> str:
    """A regex alternative of the words, longest first, any run of spaces between words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


BOUND_PATTERN = alternation(BOUND_WORDS)


def bound_of(words: str | None) -> str:
    """The bound a leading phrase sets on one number; "between" and "from" bound only ranges."""
    bound = BOUND_WORDS.get(re.sub(r"\s+", " ", (words or "").lower()), "exact")
    return "exact" if bound == "range" else bound
