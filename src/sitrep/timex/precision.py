"""From a TIMEX3 value to an event's date precision, and the expression that dates an event."""

from __future__ import annotations

import re

from sitrep.model import TimeExpr

# ACLED time_precision: 1 = the day is known, 2 = within a week or a few days, 3 = month or coarser.
_PATTERNS: list[tuple[re.Pattern, str, int]] = [
    (re.compile(r"^\d{4}-\d\d-\d\d(?:T.*)?$"), "day", 1),
    (re.compile(r"^\d{4}-W\d\d(?:-WE|-\d)?$"), "week", 2),
    (re.compile(r"^\d{4}-\d\d$"), "month", 3),
    (re.compile(r"^\d{4}-(?:Q\d|H\d|SP|SU|FA|WI)$"), "season", 3),
    (re.compile(r"^\d{4}$"), "year", 3),
    (re.compile(r"^\d{3}$"), "decade", 3),
    (re.compile(r"^\d{2}$"), "century", 3),
]


def time_precision(value: str) -> tuple[str, int]:
    """(date_precision name, ACLED time_precision code) for a TIMEX3 value."""
    for pattern, name, code in _PATTERNS:
        if pattern.match(value or ""):
            return name, code
    return "unknown", 3


def resolve_event_date(times: list[TimeExpr], start: int, end: int,
                       window: tuple[int, int] | None = None) -> TimeExpr | None:
    """The DATE (or dated TIME) that governs the span [start, end): among the expressions
    inside `window` (the sentence; by default the span itself), the nearest to the span's
    middle. Durations, sets and vague references (PAST_REF) do not date an event."""
    lo, hi = window or (start, end)
    middle = (start + end) / 2
    dated = [t for t in times if t.type in {"DATE", "TIME"} and t.value[:1].isdigit()
             and t.start >= lo and t.end <= hi]
    if not dated:
        return None
    return min(dated, key=lambda t: (abs((t.start + t.end) / 2 - middle), -len(t.value)))
