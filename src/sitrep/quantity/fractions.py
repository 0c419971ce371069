"""Shares written as words: "a fifth of Ukraine", "two-thirds of the homes", "half the town".

They are read as percentages (value 0.2 as a fraction, normalised 20 %), because that is how
a share is compared with "18% of the territory" in another report. A fraction needs "of" or
a determiner after it, so "half-hearted", "a third attack", "half an hour" and "half a million"
(an amount, read by the main pattern) stay out; an ordinal before it names a part ("the second
half of the match", "the other half of the town"), and a span a time expression holds ("a
quarter of the year") is the time's.
"""

from __future__ import annotations

import re

from sitrep.model import Quantity
from sitrep.quantity.vague import BOUND_PATTERN, bound_of
from sitrep.within import SpanSet

_ONE = r"(?:a|one)[-\s]+"
FRACTIONS = {
    "half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fifth": 1 / 5, "sixth": 1 / 6,
    "tenth": 1 / 10, "two-thirds": 2 / 3, "three-quarters": 3 / 4, "two-fifths": 2 / 5,
    "three-fifths": 3 / 5, "four-fifths": 4 / 5,
}
_PLAIN = "|".join(sorted((k for k in FRACTIONS if "-" not in k), key=len, reverse=True))
_MANY = "|".join(k.replace("-", r"[-\s]+") for k in FRACTIONS if "-" in k)
FRACTION_RE = re.compile(
    rf"(?<![\w-])(?:(?P<bound>{BOUND_PATTERN})\s+)?(?P<share>(?:{_ONE})?(?:{_PLAIN})|{_MANY})"
    r"(?=\s+(?:of\s+)?(?:the|its|their|his|her|our|all|these|those)\b|\s+of\s+[A-Z])",
    re.IGNORECASE,
)
CONFIDENCE = 0.9  # the share is written out in full


_ORDER_BEFORE = re.compile(r"\b(?:first|second|third|last|latter|former|other|final)\s+$",
                           re.IGNORECASE)


def find_fractions(text: str, skip: SpanSet) -> list[Quantity]:
    found = []
    for m in FRACTION_RE.finditer(text):
        share = re.sub(r"^(?:a|one)[-\s]+", "", m["share"].lower())
        share = re.sub(r"[-\s]+", "-", share)
        if _ORDER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "the second half of the match" names a part, not a share
        if skip.overlaps(m.start(), m.end()):
            continue
        value = FRACTIONS[share]
        found.append(Quantity(
            text=m.group(0), start=m.start(), end=m.end(), value=round(value, 6),
            value_max=None, unit="fraction", normalized_value=round(100 * value, 4),
            normalized_unit="%", bound=bound_of(m["bound"]), entity=None,
            confidence=CONFIDENCE))
    return found
