"""Rules for dates written in figures: ISO "2023-03-17", and dotted or slashed day, month
and year ("17.03.2023", "3/17/2023", and "24.02.22" as Ukrainian and Russian official posts
write them)."""

from __future__ import annotations

import re
from datetime import date

from sitrep.timex.base import Result, rule
from sitrep.timex.calendar import Context, day_value


def _iso(m: re.Match, ctx: Context) -> Result | None:
    try:
        return day_value(date(int(m["y"]), int(m["mo"]), int(m["d"]))), "DATE", None
    except ValueError:
        return None


def _full_year(digits: str, ctx: Context) -> int | None:
    """'22' in '24.02.22' is 2022, or 1922 if 2022 would lie over a year after the report."""
    if len(digits) == 4:
        return int(digits)
    if ctx.dct is None:
        return None
    year = 2000 + int(digits)
    return year if year <= ctx.dct.year + 1 else year - 100


def _numeric_date(m: re.Match, ctx: Context) -> Result | None:
    """"17.03.2013" is day first; with slashes American month-first is as common, so
    "3/17/2013" is read the only way it can be, and "3/4/2013" as the nearer day on or
    before the report (reports look back), counted as a guess for its confidence."""
    a, b = int(m["a"] or m["a2"]), int(m["b"] or m["b2"])
    year = _full_year(m["y"] or m["y2"], ctx)
    if year is None:
        return None
    orders = [(b, a)] if (m["sep"] or m["sep2"]) == "." else [(a, b), (b, a)]
    readings = []
    for month, day in orders:
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if not readings:
        return None
    if len(readings) == 2 and readings[0] != readings[1]:
        ctx.tense_reads.append(None)
        if ctx.dct is not None:
            readings.sort(key=lambda found: (found > ctx.dct, abs((found - ctx.dct).days)))
    return day_value(readings[0]), "DATE", None


NUMERIC_RULES = [
    rule("iso", r"\b(?P<y>(?:1[6-9]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b", _iso, 6),
    # "24.02.22": two digits each, dots only.
    rule("numeric_date", r"(?<![\d./])(?:(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
         r"(?P<y>(?:19|20)\d\d)|(?P<a2>[0-3]\d)(?P<sep2>\.)(?P<b2>[01]\d)\.(?P<y2>\d\d))"
         r"(?![\d/]|\.\d)", _numeric_date, 6),
]
