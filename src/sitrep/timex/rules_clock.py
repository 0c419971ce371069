"""Rules for clock times: "10 p.m. Wednesday", "at 05:00", "0300 GMT", "17:45 Kyiv time".

A bare "hh:mm" is also a score, a ratio or a verse ("won 21:15", "John 3:16") and a bare
four-digit number is a year or a count, so both need a sign of clock talk: a preposition
that takes a time ("at", "until", "since", ...), a time zone, "hrs", a day right after, or
another clock time they run to or from. A clock time without its own day takes the date
that governs its sentence (see `find.anchor_clock_times`); the handler gives the fallback.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.timex.base import Result, group, month_number, rule, weekday_number, words_before
from sitrep.timex.calendar import Context, day_value, nearest_year, tense_at, weekday_date
from sitrep.timex.lexicon import MONTH_NAME, WEEKDAY_NAME

# Rules whose times may borrow the day of a date elsewhere in the sentence.
CLOCK_RULES = {"clock", "clock24", "clock_range_first", "oclock"}

# Words after which a number with minutes reads as a time of day.
_CLOCK_LEADS = {"at", "from", "until", "till", "by", "since", "before", "after", "around",
                "about", "approximately", "between", "past", "circa", "ca"}
_CLOCK_BEFORE = re.compile(r"\d(?:[:h][0-5]\d|\s*[ap]\.?m\.?)\s*(?:-|–|to|and|until|till)\s*$",
                           re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s*(?:-|–|to|and|until|till)\s*[012]?\d[:h][0-5]\d", re.IGNORECASE)

# US wire copy also writes the zone without its season ("9 a.m. ET").
_ZONES = ("GMT|UTC|EST|EDT|ET|CET|CEST|BST|EET|EEST|MSK|TRT|IRST|GST|IST|IDT|EAT|WAT|CAT|SAST|"
          "PKT|AFT|AST|ICT|WIB|HKT|SGT|JST|KST|AEST|AEDT|PST|PDT|PT|CST|CDT|CT|MST|MDT|MT")
# Zone abbreviations are upper case only ("cat", "ast"); "Kyiv time", "local time" in any case.
_TZ_BODY = rf"(?-i:{_ZONES})\b|local\s+time|(?-i:[A-Z][a-z]+)\s+time\b"
_TZ = rf"(?:\s+(?P<tz>{_TZ_BODY}))?"
_TAIL = (rf"(?:,?\s+(?:on\s+)?(?P<tail>today|yesterday|tomorrow|{MONTH_NAME}\s+[0-3]?\d\b|"
         rf"{WEEKDAY_NAME}))?")
_APPROX_CLOCK = r"(?:(?P<approx>about|around|approximately|shortly\s+(?:before|after))\s+)?"


def _clock(m: re.Match, ctx: Context) -> Result | None:
    word = (group(m, "named") or "").lower()
    if word:
        return _clock_time(0 if word == "midnight" else 12, 0, m, ctx)
    hour, minute = int(m["h"]), int(group(m, "min") or 0)
    ampm = (group(m, "ampm") or "").lower()
    if hour > 24 or minute > 59 or (ampm and not 1 <= hour <= 12):
        return None
    return _clock_time(_to_24h(hour, ampm), minute, m, ctx)


def _to_24h(hour: int, half: str) -> int:
    """`half` is "a…" or "p…" (a.m., pm), or "" when the text leaves it open."""
    if half.startswith("p") and hour < 12:
        return hour + 12
    return 0 if half.startswith("a") and hour == 12 else hour


def _clock_time(hour: int, minute: int, m: re.Match, ctx: Context) -> Result:
    """The value, with its day from the words after it, and "about"/"shortly after" as mod."""
    day = _tail_day(group(m, "tail"), ctx, m)
    approx = (group(m, "approx") or "").lower()
    mod = ("AFTER" if approx.endswith("after") else "BEFORE" if approx.endswith("before")
           else "APPROX" if approx else None)
    return (day_value(day) if day else "XXXX-XX-XX") + f"T{hour:02d}:{minute:02d}", "TIME", mod


def _has_clock_lead(ctx: Context, start: int, end: int) -> bool:
    before = words_before(ctx, start, 2)
    if before and (before[-1] in _CLOCK_LEADS or before == ["as", "of"]):
        return True  # "as of 08:00": a ledger's closing time
    left = ctx.text[max(0, start - 20):start]
    return bool(_CLOCK_BEFORE.search(left) or _CLOCK_AFTER.match(ctx.text, end))


def _clock24(m: re.Match, ctx: Context) -> Result | None:
    """hh:mm, hhmm or 17h45: accepted only with a sign that it is a time of day."""
    separated, suffix = bool(m["sep"]), (group(m, "suffix") or "").lower()
    zoned = bool(group(m, "tz"))
    if not separated:
        # "0300 GMT", "1700 hrs"; "1200 hours" is a duration unless it reads "at 1200 hours".
        if len(m["h"]) < 2 or not (zoned or suffix):
            return None
        if suffix == "hours" and not (m["h"].startswith("0")
                                      or _has_clock_lead(ctx, m.start("h"), m.end())):
            return None
    elif not (zoned or suffix or group(m, "tail") or group(m, "approx")
              or _has_clock_lead(ctx, m.start("h"), m.end())):
        return None
    return _clock(m, ctx)


def _tail_day(tail: str | None, ctx: Context, m: re.Match) -> date | None:
    if ctx.dct is None:
        return None
    if not tail:
        return ctx.anchor
    lower = tail.lower().strip()
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
    if lower in offsets:
        return ctx.dct + timedelta(days=offsets[lower])
    parts = tail.replace(",", " ").split()
    if len(parts) >= 2 and parts[1].isdigit():
        month, day = month_number(parts[0]), int(parts[1])
        try:
            return date(nearest_year(ctx.dct, month, day, None), month, day)
        except ValueError:
            return None
    return weekday_date(ctx.dct, weekday_number(parts[0]), tense_at(ctx, m.start(), m.end()))


_HALF_OF_DAY = {"morning": "am", "afternoon": "pm", "evening": "pm"}


def _oclock(m: re.Match, ctx: Context) -> Result | None:
    """"10 o'clock", "4 in the morning": the half of the day is named or left open."""
    hour = int(m["h"])
    if not 1 <= hour <= 12:
        return None
    dayhalf = (group(m, "dayhalf") or "").lower()
    if dayhalf and not _has_clock_lead(ctx, m.start("h"), m.end()):
        return None  # "killed 3 in the night attack" counts people
    # "10 at night" is evening, "2 at night" and "12 at night" the small hours.
    night = "pm" if 6 <= hour <= 11 else "am"
    half = (group(m, "ampm") or "").lower() or _HALF_OF_DAY.get(dayhalf, night if dayhalf else "")
    return _clock_time(_to_24h(hour, half), 0, m, ctx)


CLOCK_RULE_LIST = [
    rule("clock", rf"{_APPROX_CLOCK}"
         rf"(?:(?P<h>[012]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)|"
         rf"\b(?P<named>noon|midnight|midday)){_TZ}{_TAIL}", _clock, 4),
    # The first end of "between 2 and 4 a.m.", "from 9 to 11.30 p.m." shares the second's
    # a.m./p.m.; the second end is found by the rule above.
    rule("clock_range_first", r"(?<![\d:.,])(?P<first>(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?)"
         r"\s*(?:-|–|\s(?:to|and|until|till)\s)\s*[01]?\d(?:[:.][0-5]\d)?\s*"
         r"(?P<ampm>[ap]\.?\s?m\b\.?)", _clock, 4, span="first"),
    # Two-digit minutes only: "a 2:1 vote", "won 3:2" never match.
    rule("clock24", rf"{_APPROX_CLOCK}\b(?<![\d,.])(?P<h>[01]?\d|2[0-3])(?P<sep>[:h]?)"
         rf"(?P<min>[0-5]\d)(?![\d:]|[.,]\d)(?:\s*(?P<suffix>hrs|hours|h)\b)?{_TZ}{_TAIL}",
         _clock24, 4),
    rule("oclock", rf"{_APPROX_CLOCK}\b(?P<h>[01]?\d)(?:\s+o['’]\s?clock\b"
         rf"(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?|\s+in\s+the\s+(?P<dayhalf>morning|afternoon|"
         rf"evening|night)\b){_TZ}{_TAIL}", _oclock, 4),
]
