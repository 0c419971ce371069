"""Counts a toll names: "the death toll had risen to 44,056".

A number after "death toll ... to" counts deaths though no noun follows it. Read as a bare
number it had no unit, so a total of people killed across reports missed the tolls, which are
the figures reported most. It is counted as the toll's noun: entity "death" (or "casualty"),
normalised to people like "12 killed", with the toll as its unit as written and a counted
noun's confidence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.model import Quantity
from sitrep.quantity.confidence import as_counted

# The toll, then words without another number or a sentence end, then the verb or preposition
# the number follows: "risen to", "stands at", "a toll of", "reached", "Death toll:".
_TOLL = re.compile(
    r"\b(?P<kind>death|casualty|fatality)\s+toll\b[^.;!?\d]{0,80}?"
    r"(?:\b(?:to|at|of|is|was|reached|hit|passed|exceeded|topped|surpassed)|:)\s+$",
    re.IGNORECASE)
_ENTITY = {"death": "death", "fatality": "death", "casualty": "casualty"}
_WINDOW = 120  # characters before the number in which the toll is looked for


def read_tolls(found: list[Quantity], text: str) -> list[Quantity]:
    """`found` with every bare number that a toll counts counted as its deaths or casualties."""
    return [_as_toll(q, text) if q.entity is None and q.unit is None else q for q in found]


def _as_toll(q: Quantity, text: str) -> Quantity:
    toll = _TOLL.search(text, max(0, q.start - _WINDOW), q.start)
    if toll is None:
        return q
    kind = toll["kind"].lower()
    # A vague count keeps its factor, as when "others" are counted.
    return replace(q, unit=f"{kind} toll", entity=_ENTITY[kind], normalized_unit="people",
                   confidence=as_counted(q.confidence))
