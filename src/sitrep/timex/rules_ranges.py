"""Ranges of days that name the month once: "5-6 May", "from 3 to 5 March", "June 12-13".

TimeML marks such a range as one DATE per day, the bare day on its own: in the dev split
(te3_tbaq) both ranges that share a month are annotated that way, "April 24 and 25" as
"April 24" + "25" (and "Aug. 26 to Oct. 20" as two full dates). The day with the month is
found by the date rules; these rules mark the bare day, taking month and year from the
other end. Both ends get their year from the tense of the whole range, so they agree.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.quantity.units import is_measure_word
from sitrep.timex.base import Result, group, month_number, rule, word_after
from sitrep.timex.calendar import Context, day_value, nearest_year, tense_at
from sitrep.timex.lexicon import MONTH, MONTH_NAME, YEAR

# "5-6", "5 to 6", "5th and 6th".
_LINK = r"\s*(?:-|–|—|\s(?:to|and|or|through|thru|until|till)\s)\s*"
_DAY1 = r"(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
# After "June 12 and 13" a counted noun makes the 13 an amount ("13 others").
_COUNTED = {"others", "more", "other", "of", "percent", "per", "times", "fewer", "less"}
_BARE_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_OPENING = re.compile(rf"(?<![\d,.$£€])\b{_BARE_DAY}{_LINK}$", re.IGNORECASE)
_OPENING_MDY = re.compile(rf"{MONTH_NAME}\s+{_BARE_DAY}{_LINK}$", re.IGNORECASE)
_CLOSING = re.compile(rf"{_LINK}{_BARE_DAY}(?![\d:]|[.,]\d)(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d))?\b",
                      re.IGNORECASE)


def range_bounds(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Widen a date's span over the other day of a range it closes or opens.

    The tense is read around the whole range: in "from 3 to 5 March" the "to" is the link
    of the range, not a deadline pointing forward.
    """
    left = ctx.text[max(0, start - 30):start]
    opening = _OPENING_MDY.search(left) or _OPENING.search(left)
    if opening:
        start -= len(left) - opening.start()
    closing = _CLOSING.match(ctx.text, end)
    if closing:
        end = closing.end()
    return start, end


def range_year(ctx: Context, end: int) -> int | None:
    """The year written after the last day of a range: "June 12-13, 2025"."""
    closing = _CLOSING.match(ctx.text, end)
    return int(closing["year"]) if closing and closing["year"] else None


def _day_in_range(day: int, other: int, m: re.Match, ctx: Context) -> Result | None:
    if not (1 <= day <= 31 and 1 <= other <= 31 and int(m["day1"]) < int(m["day2"])):
        return None  # "3-2" is a score, "30-2" would cross a month
    month = month_number(m["month"])
    year = int(m["year"]) if group(m, "year") else None
    if year is None and ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}", "DATE", None
    if year is None:
        year = nearest_year(ctx.dct, month, other, tense_at(ctx, m.start(), m.end()))
    try:
        return day_value(date(year, month, day)), "DATE", None
    except ValueError:
        return None


def _first_day(m: re.Match, ctx: Context) -> Result | None:
    return _day_in_range(int(m["day1"]), int(m["day2"]), m, ctx)


def _last_day(m: re.Match, ctx: Context) -> Result | None:
    follows = word_after(ctx, m.end())
    if follows and (is_measure_word(follows) or follows.isdigit() or follows in _COUNTED):
        return None  # "on June 12 and 13 others", "May 3 to 5 people"
    return _day_in_range(int(m["day2"]), int(m["day1"]), m, ctx)


RANGE_RULES = [
    rule("range_first_day", rf"(?<![\d,.$£€])\b(?P<first>{_DAY1}){_LINK}{_DAY2}(?:\s+of)?"
         rf"\s+{MONTH}(?:,?\s+{YEAR})?\b", _first_day, 5, span="first"),
    rule("range_last_day", rf"\b{MONTH}\s+{_DAY1}{_LINK}(?P<last>{_DAY2}(?![\d:]|[.,]\d)"
         rf"(?:,?\s+{YEAR})?)\b(?!\s+(?:of\s+)?{MONTH_NAME})", _last_day, 5, span="last"),
]
