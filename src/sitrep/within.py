"""Items of a Doc lying inside a character window, found by bisection.

Stages hand out start-sorted lists (times, quantities); sentences, events and claims each ask
for the items of their own span, so a scan per span would be quadratic on long documents.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
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
