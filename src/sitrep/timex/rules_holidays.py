"""Named days: fixed-date holidays and the movable feasts whose date needs a rule.

A holiday names one day of a year; without a stated year it takes the occurrence the tense
points to ("was found Thanksgiving Day" reported in January is last November's).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from sitrep.timex.base import Result, group, rule
from sitrep.timex.calendar import Context, day_value, tense_at, week_value
from sitrep.timex.lexicon import YEAR


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 for the last) ISO weekday of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    after = date(year + (month == 12), month % 12 + 1, 1)
    last = after - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _election_day(year: int) -> date:
    # US federal elections: the Tuesday after the first Monday of November.
    return _nth_weekday(year, 11, 1, 1) + timedelta(days=1)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's": lambda y: date(y, 1, 1),
    "independence day": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "election day": _election_day,
    "easter": _easter,
    "good friday": lambda y: _easter(y) - timedelta(days=2),
}


def _key(name: str) -> str:
    name = re.sub(r"\s+", " ", name.lower())
    for suffix in (" day", " sunday", " week"):
        if name.endswith(suffix) and name[: -len(suffix)] in HOLIDAYS:
            return name[: -len(suffix)]
    return name


def _occurrence(ctx: Context, find: Callable[[int], date], rel: str, tense: str | None) -> date:
    dct = ctx.dct
    options = [find(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    past = [d for d in options if d <= dct]
    future = [d for d in options if d >= dct]
    if rel == "last" or (tense == "past" and rel != "next"):
        return max(past)
    if rel in {"next", "coming"} or tense == "future":
        return min(future)
    return min(options, key=lambda d: (d - dct).days * 2 if d > dct else (dct - d).days)


def _holiday(m: re.Match, ctx: Context) -> Result | None:
    find = HOLIDAYS[_key(m["hol"])]
    week = m["hol"].lower().endswith(" week")
    year = int(m["year"]) if group(m, "year") else None
    if year is None and ctx.dct is None:
        return "XXXX-XX-XX", "DATE", None
    if year is not None:
        day = find(year)
    else:
        rel = (group(m, "rel") or "").lower()
        day = _occurrence(ctx, find, rel, tense_at(ctx, m.start(), m.end()))
    return (week_value(day) if week else day_value(day)), "DATE", None


# dev: 5 of 6 Thanksgiving / Election Day / Easter week mentions are gold spans ("last
# Thanksgiving" keeps its "last"); names are matched case-sensitively.
_NAMES = (r"(?-i:Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|"
          r"Thanksgiving(?:\s+Day)?|"
          r"Independence\s+Day|Halloween|Memorial\s+Day|Labor\s+Day|Election\s+Day|"
          r"Good\s+Friday|Easter(?:\s+Sunday|\s+week)?)")
HOLIDAY_RULES = [
    rule("holiday", rf"(?:\b(?P<rel>last|this|next|coming)\s+)?\b(?P<hol>{_NAMES})\b"
         rf"(?:,?\s+{YEAR})?", _holiday, 3),
]
