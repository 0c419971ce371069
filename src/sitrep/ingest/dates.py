"""Publication dates: metadata values to 'YYYY-MM-DD', and wire-style datelines.

A date is kept as the writer's local calendar day: "Sat, 04 Mar 2023 01:00 +0300" is
2023-03-04, not the UTC day before, because that is the day the report speaks from.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from sitrep.model import Document
from sitrep.timex.lexicon import MONTH_NAME, MONTHS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # March 3, 2023
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 3 March 2023
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
_ISO_PREFIX = re.compile(r"^\s*((?:19|20)\d\d)-([01]\d)-([0-3]\d)")

# A dateline opens a report: a place (upper case, or title case when a date follows),
# maybe ", Region", maybe a date, maybe "(Agency)", then a dash:
# "ODESA, March 3, 2023 —", "KYIV, Ukraine (Reuters) -", "Kyiv, 3 March 2023 -".
_UPPER_PLACE = r"[A-Z][A-Z'’.\-/]+(?:[ ][A-Z][A-Z'’.\-/]+){0,3}"  # "GAZA/BEIRUT" too
_TITLE_PLACE = r"[A-Z][a-z'’.\-]+(?:[ ][A-Z][a-z'’.\-]+){0,2}"
_REGION = r"(?:,[ ]?[A-Z][\w'’.\-]+(?:[ ][A-Z][\w'’.\-]+){0,2})?"
# Month names only (title case, "Sept." too): "Zaporizhzhia, Unit 4 - " is no dateline.
_WRITTEN_DATE = (
    rf",?[ ](?:{MONTH_NAME}\.?[ ]\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ ]\d{{4}})?"
    rf"|\d{{1,2}}[ ]{MONTH_NAME}\.?(?:,?[ ]\d{{4}})?|\d{{4}}-\d\d-\d\d)"
)
_AGENCY = r"(?:[ ]?\([^)\n]{2,40}\))?"
_DASH = r"[ \t]*(?:—|–|--|-)[ \t]+"
_DATELINES = (
    re.compile(rf"^[ \t]*(?P<head>{_UPPER_PLACE}{_REGION}(?:{_WRITTEN_DATE})?{_AGENCY}){_DASH}"),
    re.compile(rf"^[ \t]*(?P<head>{_TITLE_PLACE}{_REGION}{_WRITTEN_DATE}{_AGENCY}){_DASH}"),
)
_DATELINE_LINES = 4


def to_iso_date(value: Any) -> str | None:
    """A metadata date (ISO string, RFC 822 string, datetime, epoch seconds) as YYYY-MM-DD."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    return _from_string(value.strip())


def _from_epoch(seconds: float) -> str | None:
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _from_string(text: str) -> str | None:
    match = _ISO_PREFIX.match(text)
    if match:
        return _valid(*(int(part) for part in match.groups()))
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return find_date(text)


def find_date(text: str) -> str | None:
    """The first full written date (day, month and year) in a short text."""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        month = match.group("month").lower().rstrip(".")
        month_number = int(month) if month.isdigit() else MONTHS[month]
        found = _valid(int(match.group("year")), month_number, int(match.group("day")))
        if found:
            return found
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _dateline_match(line: str) -> re.Match | None:
    for pattern in _DATELINES:
        match = pattern.match(line)
        if match:
            return match
    return None


def find_dateline(text: str) -> tuple[str, str | None] | None:
    """The dateline among the first lines of a text: (dateline head, date or None)."""
    lines = [line for line in text.split("\n", 12)[:12] if line.strip()]
    for line in lines[:_DATELINE_LINES]:
        match = _dateline_match(line)
        if match:
            head = match.group("head").strip()
            return head, find_date(head)
    return None


def dateline_end(line: str) -> int:
    """Characters of the dateline opening `line`, its dash and spaces included, or 0:
    "KRAMATORSK, Ukraine, June 9, 2025 — Russian jets struck." gives 36."""
    match = _dateline_match(line)
    return match.end() if match else 0


_YEARLESS = [re.compile(rf"\b{_MONTH}\s+{_DAY}\b", re.IGNORECASE),  # Nov 19
             re.compile(rf"\b{_DAY}\s+{_MONTH}\b", re.IGNORECASE)]  # 19 November


def dateline_day(head: str, around: str) -> str | None:
    """The day of a dateline written without its year ("OUAGADOUGOU, Nov 19 (Reuters)"),
    in the year that puts it nearest on or before `around` (YYYY-MM-DD), a day's slack
    for time zones."""
    match = next((m for p in _YEARLESS if (m := p.search(head))), None)
    if match is None:
        return None
    month = match.group("month").lower().rstrip(".")
    limit = date.fromisoformat(around) + timedelta(days=1)
    for year in (limit.year, limit.year - 1):
        found = _valid(year, MONTHS[month], int(match.group("day")))
        if found and date.fromisoformat(found) <= limit:
            return found
    return None


def apply_dateline(document: Document) -> None:
    """Record a dateline in meta; its date becomes `published` when nothing set one.

    Called once per document by `dispatch`, whatever format it came in."""
    found = find_dateline(document.text)
    if not found:
        return
    head, day = found
    document.meta.setdefault("dateline", head)
    if day and not document.published:
        document.published = day
