"""Window lookups by bisection, checked against the plain scan they replace."""

from __future__ import annotations

import random

from sitrep.model import TimeExpr
from sitrep.within import SpanSet, within


def test_spanset_agrees_with_a_scan_including_spans_inside_longer_ones():
    rng = random.Random(7)
    spans = [(s, s + rng.randint(1, 40)) for s in (rng.randint(0, 500) for _ in range(60))]
    spans.append((0, 450))  # a long span that shorter later ones sit inside
    spanset = SpanSet(spans)
    for start in range(0, 520, 3):
        for width in (1, 5, 30):
            expected = any(start < e and s < start + width for s, e in spans)
            assert spanset.overlaps(start, start + width) == expected


def test_within_keeps_items_wholly_inside_the_window():
    items = [TimeExpr("x", s, e, "2023", "DATE", 0.8) for s, e in [(0, 5), (4, 9), (10, 12),
                                                                   (11, 30)]]
    assert [(t.start, t.end) for t in within(items, 4, 12)] == [(4, 9), (10, 12)]
    assert within(items, 40, 50) == []
