"""Date arithmetic and the TIMEX3 value spellings, plus the tense that anchors a date."""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|wo|going\s+to|is\s+to|are\s+to|due\s+(?:to|on|in)|scheduled|"
    r"expected|plans?|planned|set\s+to|until|upcoming|next|tomorrow|intends?|hopes?\s+to|"
    r"payable)\b",
    re.IGNORECASE,
)
PAST_CUES = re.compile(
    r"\b(?:said|says|told|was|were|had|did|ago|last|yesterday|earlier|since|began|took|"
    r"fell|rose|won|lost|met|held|killed|attacked|struck|captured|seized|launched|fired|"
    r"shelled|died|announced|reported|arrived|left|signed|hit|retook|fled|fought|shot|"
    r"drove|broke|came|went|began|gave|spoke|stood|sent|lost|flew|threw|fell)\b", re.IGNORECASE
)
# A deadline's preposition right before the expression ("extended to Nov. 16", "as soon as
# Tuesday"); a "to" after a number links a range ("from 9 to 11 p.m.") instead.
NEAR_FUTURE = re.compile(r"\b(?:until|till|(?<![\d.]\s)to|by|as\s+early\s+as|as\s+soon\s+as|due|expires?|"
                         r"payable|record|starting|beginning)\s+(?:on\s+)?$", re.IGNORECASE)
REPORTING = re.compile(r"\b(?:said|says|told|according)\b", re.IGNORECASE)
# A past participle right before the expression ("killed on Tuesday", "captured Monday").
NEAR_PAST = re.compile(r"\b\w{3,}ed\s+(?:\w+\s+)?(?:on\s+|in\s+|at\s+|early\s+|late\s+)?$",
                       re.IGNORECASE)
CLAUSE_START = re.compile(r"[.;!?\n]")
# "to be published in", "will be held on": a participle that still points forward.
FUTURE_PASSIVE = re.compile(r"\b(?:to|will|would|shall|'ll)\s+be\s+$", re.IGNORECASE)
# A regular past form anywhere in the clause ("attended a rally Thursday"), minus the
# participles that announce a plan ("scheduled", "expected", "planned").
REGULAR_PAST = re.compile(r"\b[a-z]{3,}ed\b")


@dataclass
class Context:
    """What anchors relative expressions: the publication date and the last date mentioned."""

    text: str
    dct: date | None
    ref: date | None = None
    # Every tense read for the current match; a None among them means a value was chosen
    # without a tense to go by, which lowers the confidence of that value.
    tense_reads: list[str | None] = field(default_factory=list)

    @property
    def anchor(self) -> date | None:
        return self.ref or self.dct


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def reported_quarter(dct: date) -> tuple[int, int]:
    """(year, quarter) of the last quarter completed before `dct`, the one results report."""
    quarter = quarter_of(dct) - 1
    return (dct.year, quarter) if quarter else (dct.year - 1, 4)


def shift_months(d: date, months: int) -> date | None:
    """`d` moved by whole months (day clipped to the month's end); None past year 1 or 9999."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return None  # "3000 years ago": older than any date the calendar can write
    day = min(d.day, _cal.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def shift(d: date, amount: int, letter: str) -> date | None:
    """`d` moved by `amount` units; None when the result falls outside years 1 to 9999."""
    if letter in {"D", "W"}:
        try:
            return d + timedelta(days=amount * (7 if letter == "W" else 1))
        except OverflowError:
            return None  # "1,000,000 days ago"
    if letter == "M":
        return shift_months(d, amount)
    if letter == "Q":
        return shift_months(d, 3 * amount)
    factor = {"Y": 1, "DE": 10, "CE": 100}[letter]
    return shift_months(d, 12 * factor * amount)


def value_at(d: date, letter: str) -> str:
    """`d` written at the granularity of a unit: a day, an ISO week, a month, ..."""
    if letter == "D":
        return day_value(d)
    if letter == "W":
        return week_value(d)
    if letter == "M":
        return month_value(d.year, d.month)
    if letter == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if letter == "DE":
        return f"{d.year // 10:03d}"
    if letter == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def tense_at(ctx: Context, start: int, end: int) -> str | None:
    """'future' or 'past' for the clause around an expression, None when unclear. Read
    from the words around it only: the small model's parse, tried as a fallback, changed no
    value on any split (`benchmarks/timex.py --spacy` printed the same rows as rules mode)."""
    tense = _tense_from_words(ctx, start, end)
    ctx.tense_reads.append(tense)
    return tense


def _tense_from_words(ctx: Context, start: int, end: int) -> str | None:
    left_edge = max(0, start - 80)
    left = ctx.text[left_edge:start]
    cut = [m.end() for m in CLAUSE_START.finditer(left)]
    left = left[cut[-1]:] if cut else left
    right = ctx.text[end:end + 40]
    stop = CLAUSE_START.search(right)
    right = right[: stop.start()] if stop else right
    if NEAR_FUTURE.search(left):
        # "Until Thursday, they had not ..." looks back from a past deadline.
        return "past" if re.match(r"[\s,]*(?:\w+\s+){0,4}had\b", right) else "future"
    near_past = NEAR_PAST.search(left)
    if near_past and not FUTURE_CUES.match(near_past.group()):
        return "future" if FUTURE_PASSIVE.search(left[:near_past.start()]) else "past"
    cues = [(m.start(), "future") for m in FUTURE_CUES.finditer(left)]
    cues += [(m.start(), "past") for m in PAST_CUES.finditer(left)
             if not FUTURE_PASSIVE.search(left[:m.start()])]  # "will be held"
    cues += [(m.start(), "past") for m in REGULAR_PAST.finditer(left)
             if not FUTURE_CUES.match(m.group()) and not FUTURE_PASSIVE.search(left[:m.start()])]
    if cues:
        return max(cues)[1]
    return _first_cue(REPORTING.sub(" ", right))


# After the expression the nearest verb decides, and a participle of planning is a past
# verb there ("On Friday, the government planned to ...").
_PLANNING = re.compile(r"(?:scheduled|expected|planned)$", re.IGNORECASE)


def _first_cue(right: str) -> str | None:
    cues = [(m.start(), "past" if _PLANNING.match(m.group()) else "future")
            for m in FUTURE_CUES.finditer(right)]
    cues += [(m.start(), "past") for m in PAST_CUES.finditer(right)]
    cues += [(m.start(), "past") for m in REGULAR_PAST.finditer(right)
             if not FUTURE_CUES.match(m.group())]
    return min(cues)[1] if cues else None


def nearest_year(dct: date, month: int, day: int | None, tense: str | None,
                 weekday: int | None = None) -> int:
    """The year that puts a month (or month and day) where the tense points, else nearest.

    A weekday named with the date ("Saturday, April 25") settles the year when it can.
    """
    day = day or 1
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, min(day, _cal.monthrange(year, month)[1])))
        except ValueError:
            continue
    if weekday:
        matching = [c for c in candidates if c.isoweekday() == weekday]
        if len(matching) == 1:
            return matching[0].year
    pivot = dct if day != 1 else dct.replace(day=1)
    if tense == "past":
        pool = [c for c in candidates if c <= pivot] or candidates
        return max(pool).year
    if tense == "future":
        pool = [c for c in candidates if c >= pivot] or candidates
        return min(pool).year
    # News mostly reports the past: a future reading must be twice as close to win.
    return min(candidates, key=lambda c: (c - pivot).days * 2 if c > pivot
               else (pivot - c).days).year


def weekday_date(dct: date, weekday: int, tense: str | None) -> date:
    """The most recent such weekday (today included) unless the tense points forward."""
    delta = (dct.isoweekday() - weekday) % 7
    if tense == "future" and delta:
        return dct + timedelta(days=7 - delta)
    return dct - timedelta(days=delta)
