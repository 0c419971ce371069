"""Spans inside or across a character window, found by bisection.

Stages hand out start-sorted lists (times, quantities); sentences, events and claims each ask
for the items of their own span, so a scan per span would be quadratic on long documents.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import attrgetter
from typing import Protocol, TypeVar


class _Spanned(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=_Spanned)
_START = attrgetter("start")


def within(items: list[T], start: int, end: int) -> list[T]:
    """The items (sorted by start) lying wholly inside [start, end), in text order."""
    window = items[bisect_left(items, start, key=_START):bisect_right(items, end, key=_START)]
    return [item for item in window if item.end <= end]


class SpanSet:
    """Fixed (start, end) spans that answer "does [start, end) overlap any?" by bisection:
    checking every number of a long document against every time span was quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end among the spans starting at or before each position.
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        count = bisect_left(self._starts, end)  # spans starting before `end`
        return count > 0 and self._reach[count - 1] > start
