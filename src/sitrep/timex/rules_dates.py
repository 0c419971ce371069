"""Rules for calendar dates, named days and periods relative to the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.quantity.numbers import ORDINALS
from sitrep.quantity.units import is_measure_word
from sitrep.timex.base import (
    Result, edge_mod, group, is_paper_name, month_number, rule, weekday_number, word_after,
    words_before,
)
from sitrep.timex.calendar import (
    Context, day_value, month_value, nearest_year, quarter_of, shift, shift_months, tense_at,
    week_value, weekday_date,
)
from sitrep.timex.lexicon import (
    DAY, EDGE, EDGE_OF, MONTH, PART, PARTS_OF_DAY, SEASON, SEASONS, WEEKDAY, YEAR,
    YEAR_SHORT,
)
from sitrep.timex.rules_ranges import range_bounds, range_year

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_BOUND_WORDS = {"than", "about", "some", "over", "nearly", "around", "least", "almost",
                "approximately", "estimated", "roughly"}
# Words a number labels rather than dates: "Resolution 1973", "Hill 1776", "flight 1549".
_LABEL_WORDS = {"resolution", "resolutions", "unscr", "hill", "box", "article", "number",
                "flight", "route", "highway", "room", "chapter", "section", "paragraph",
                "clause", "page", "platform", "gate", "bus", "tower", "block", "exit", "height",
                "model", "version", "code"}
_NOT_YEAR_AFTER = _BOUND_WORDS | _LABEL_WORDS | {"$", "£", "€"}
_NUMBER_SIGN = re.compile(r"\b(?-i:No|Nr)\.\s*$|#\s*$|№\s*$")  # "Law No. 2012"


# A number joined to a year by "to"/"and"/"or", and the word after it ("1500 to 2000 people").
_PAIRED_NUMBER = re.compile(r"\s*(?:to|and|or)\s+(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s+([\w'-]+))?")


def _year_of(m: re.Match) -> int | None:
    text = group(m, "year")
    if not text:
        return None
    if text.startswith("'"):
        return 1900 + int(text[1:]) if int(text[1:]) > 30 else 2000 + int(text[1:])
    return int(text)


def _calendar_date(m: re.Match, ctx: Context) -> Result | None:
    month, day = month_number(m["month"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    year = _year_of(m) or range_year(ctx, m.end())
    if year is None and ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}", "DATE", None
    if year is None:
        weekday = weekday_number(m["weekday"]) if group(m, "weekday") else None
        tense = tense_at(ctx, *range_bounds(ctx, m.start(), m.end()))
        year = nearest_year(ctx.dct, month, day, tense, weekday)
    try:
        return day_value(date(year, month, day)), "DATE", None
    except ValueError:
        return None


def _month(m: re.Match, ctx: Context) -> Result | None:
    word = m["month"]
    year = _year_of(m)
    if year is None and len(word.rstrip(".")) <= 4 and word not in {"May", "June", "July"}:
        return None  # a bare "Mar." or "Jan" is more often a name than a month
    month = month_number(word)
    rel = (group(m, "rel") or "").lower()
    if year is None and ctx.dct is None:
        return f"XXXX-{month:02d}", "DATE", edge_mod(m)
    if year is None and rel:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    if year is None:
        year = nearest_year(ctx.dct, month, None, tense_at(ctx, m.start(), m.end()))
    return month_value(year, month), "DATE", edge_mod(m)


def _year(m: re.Match, ctx: Context) -> Result | None:
    before = words_before(ctx, m.start(), 2)
    if before and before[-1] in _NOT_YEAR_AFTER or _NUMBER_SIGN.search(
            ctx.text, max(0, m.start() - 6), m.start()):
        return None
    after = word_after(ctx, m.end())
    if after and is_measure_word(after.lstrip("-")) or after in {"-strong", "-man"}:
        return None  # "2000 troops", "a 1500-strong force", "a 1000-page report"
    # "2,000 to 3,000 troops", "1500 to 2000 people": the pair is an amount. A year joined
    # to words ("in 1985 and spearheaded", dev: 17 of 17 gold) or to a year stays a year.
    paired = _PAIRED_NUMBER.match(ctx.text, m.end())  # matched in place: no copy of the rest
    if paired and not group(m, "edge") and (
            not re.fullmatch(r"(?:1[6-9]|20)\d\d", paired.group(1))
            or (paired.group(2) and is_measure_word(paired.group(2)))):
        return None
    return f"{_year_of(m):04d}", "DATE", edge_mod(m)


def _decade(m: re.Match, ctx: Context) -> Result | None:
    text = m["dec"]
    decade = ("19" + text[1]) if text.startswith("'") else text[:3]
    return decade, "DATE", edge_mod(m)


def _century(m: re.Match, ctx: Context) -> Result | None:
    word = m["ord"].lower()
    number = int(word[:-2]) if word[0].isdigit() else ORDINALS.get(word)
    return (f"{number - 1:02d}", "DATE", edge_mod(m)) if number else None


def _ordinal_day(m: re.Match, ctx: Context) -> Result | None:
    if not words_before(ctx, m.start()) or words_before(ctx, m.start())[-1] not in {
            "on", "by", "until", "till", "since", "from", "before", "after", "to", "and"}:
        return None
    day = int(m["day"])
    if not 1 <= day <= 31 or ctx.dct is None:
        return None if ctx.dct is None else None
    tense = tense_at(ctx, m.start(), m.end())
    step = 1 if tense == "future" and day < ctx.dct.day else (
        -1 if tense != "future" and day > ctx.dct.day else 0)
    month = shift_months(ctx.dct.replace(day=1), step)
    if month is None:
        return None
    try:
        return day_value(month.replace(day=day)), "DATE", None
    except ValueError:
        return None


def _day_word(m: re.Match, ctx: Context) -> Result | None:
    word = m["word"].lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0}[word]
    if group(m, "around"):
        offset += -1 if "before" in m["around"].lower() else 1
    part = PARTS_OF_DAY.get((group(m, "part") or word).lower())
    if ctx.dct is None:
        return ("PRESENT_REF" if word == "today" else "XXXX-XX-XX"), "DATE", edge_mod(m)
    value = day_value(ctx.dct + timedelta(days=offset))
    if word == "overnight":
        value = day_value(ctx.dct - timedelta(days=1))
    return (value + "T" + part, "TIME", edge_mod(m)) if part else (value, "DATE", edge_mod(m))


def _overnight_weekday(m: re.Match, ctx: Context) -> Result | None:
    """"overnight into Monday" is the night that ends on Monday: Sunday night in TIMEX3."""
    if ctx.dct is None:
        return "XXXX-XX-XXTNI", "TIME", None
    day = weekday_date(ctx.dct, weekday_number(m["weekday"]), tense_at(ctx, m.start(), m.end()))
    return day_value(day - timedelta(days=1)) + "TNI", "TIME", None


def _part_of_day(m: re.Match, ctx: Context) -> Result | None:
    lead = m["lead"].lower()
    part = PARTS_OF_DAY[m["part"].lower()]
    if ctx.dct is None:
        return f"XXXX-XX-XXT{part}", "TIME", None
    offset = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[lead]
    if lead == "last" and part != "NI":
        return None  # "last morning" is not idiomatic; "last night" is the day before
    return day_value(ctx.dct + timedelta(days=offset)) + "T" + part, "TIME", None


def _edged_part(m: re.Match, ctx: Context) -> Result | None:
    part = PARTS_OF_DAY[m["part"].lower()]
    if ctx.dct is None:
        return f"XXXX-XX-XXT{part}", "TIME", edge_mod(m)
    offset = {"yesterday": -1, "tomorrow": 1}.get((group(m, "word") or "").lower(), 0)
    return day_value(ctx.dct + timedelta(days=offset)) + "T" + part, "TIME", edge_mod(m)


# Weekend papers are named after their day: "the Sunday Times", "the Mail on Sunday".
def _weekday(m: re.Match, ctx: Context) -> Result | None:
    if not group(m, "part") and is_paper_name(ctx, m.start(), m.end()):
        return None
    weekday = weekday_number(m["weekday"])
    part = PARTS_OF_DAY.get((group(m, "part") or "").lower())
    if ctx.dct is None:
        value = f"XXXX-WXX-{weekday}"
        return (value + "T" + part, "TIME", edge_mod(m)) if part else (value, "DATE", edge_mod(m))
    rel = (group(m, "rel") or "").lower()
    if rel == "last":
        found = weekday_date(ctx.dct - timedelta(days=1), weekday, "past")
    elif rel in {"next", "coming"}:
        found = weekday_date(ctx.dct + timedelta(days=1), weekday, "future")
    else:
        found = weekday_date(ctx.dct, weekday, tense_at(ctx, m.start(), m.end()))
    if part:
        return day_value(found) + "T" + part, "TIME", edge_mod(m)
    return day_value(found), "DATE", edge_mod(m)


def _season_year(dct: date, season: str, rel: str) -> int:
    start = SEASON_START[season]
    if rel == "last":
        return dct.year if start + 2 < dct.month else dct.year - 1
    if rel in {"next", "coming"}:
        return dct.year + 1 if start <= dct.month else dct.year
    return dct.year


def _relative_period(m: re.Match, ctx: Context) -> Result | None:
    rel = m["rel"].lower()
    if rel == "the" and not group(m, "edgeof") and m["per"].lower() not in {"weekend", "year"}:
        return None
    if rel == "the" and re.match(r"-|\s+(?:before|after|earlier|later|ago)\b",
                                 ctx.text[m.end():m.end() + 8]):
        return None  # "the year-earlier quarter", "the year before": not this year
    rel = {"the": "this", "current": "this", "past": "last", "previous": "last", "prior": "last",
           "coming": "next", "latest": "last"}.get(rel, rel)
    period = m["per"].lower()
    mod = edge_mod(m)
    if ctx.dct is None:
        return ("PAST_REF" if rel == "last" else "FUTURE_REF" if rel == "next"
                else "PRESENT_REF"), "DATE", mod
    step = {"last": -1, "this": 0, "next": 1}[rel]
    anchor = ctx.dct
    if period == "week" and ctx.dct.isoweekday() == 7:
        anchor = ctx.dct + timedelta(days=1)  # a Sunday report opens the new week
    if period in SEASONS:
        code = SEASONS[period]
        return f"{_season_year(ctx.dct, code, rel):04d}-{code}", "DATE", mod
    if period == "weekend":
        saturday = ctx.dct + timedelta(days=6 - ctx.dct.isoweekday())
        if rel == "last" or (rel == "this" and tense_at(ctx, m.start(), m.end()) == "past"):
            saturday -= timedelta(days=7)
        if rel == "next":
            saturday += timedelta(days=7) if ctx.dct.isoweekday() >= 6 else timedelta(0)
        return week_value(saturday) + "-WE", "DATE", mod
    letter = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE",
              "century": "CE"}[period]
    moved = shift(anchor, step, letter)
    if moved is None:
        return None
    if letter == "Q":
        return f"{moved.year:04d}-Q{quarter_of(moved)}", "DATE", mod
    values = {"W": week_value(moved), "M": month_value(moved.year, moved.month),
              "Y": f"{moved.year:04d}", "DE": f"{moved.year // 10:03d}",
              "CE": f"{moved.year // 100:02d}"}
    return values[letter], "DATE", mod


def _relative_month(m: re.Match, ctx: Context) -> Result | None:
    month = month_number(m["month"])
    if ctx.dct is None:
        return f"XXXX-{month:02d}", "DATE", edge_mod(m)
    rel = m["rel"].lower()
    year = ctx.dct.year
    if rel == "last":
        # The month just gone is "last month"; "last February" in March means a year back.
        year -= 1 if month >= ctx.dct.month - 1 else 0
    elif rel in {"next", "coming"}:
        year += 1 if month <= ctx.dct.month else 0
    return month_value(year, month), "DATE", edge_mod(m)


_AFTER_LOWER_WORD = re.compile(r"[a-z][\s-]+$")
# "the fall of Kabul", "the fall in prices" (a lower-case noun: "the fall in Donetsk" is autumn)
_FALL_OF = re.compile(r"\s+(?:(?:of|from|to)\b(?!\s+(?:the|this|last|next)\s+year\b)|"
                      r"in\s+(?-i:[a-z]))", re.IGNORECASE)


def _season(m: re.Match, ctx: Context) -> Result | None:
    code = SEASONS[m["season"].lower()]
    year = _year_of(m)
    if year is None:
        if m["season"][0].isupper() and _AFTER_LOWER_WORD.search(
                ctx.text, max(0, m.start("season") - 20), m.start("season")):
            return None  # a name mid-sentence: "the Arab Spring", "the Spring Offensive"
        lead = words_before(ctx, m.start())
        if not (group(m, "det") or group(m, "edge")) and not (
                lead and lead[-1] in {"in", "during", "by", "over", "since", "until", "this"}):
            return None
        if m["season"].lower() in {"spring", "fall"} and not group(m, "det"):
            return None
        if m["season"].lower() == "fall" and _FALL_OF.match(ctx.text, m.end()):
            return None  # "the fall of Kabul", "the fall in prices": a fall, not autumn
        if ctx.dct is None:
            return f"XXXX-{code}", "DATE", edge_mod(m)
        year = ctx.dct.year - (1 if SEASON_START[code] > ctx.dct.month + 1 else 0)
    return f"{year:04d}-{code}", "DATE", edge_mod(m)


def _quarter(m: re.Match, ctx: Context) -> Result | None:
    ordinal = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4,
               "latter": 2}[m["ord"].lower()]
    stated = _year_of(m) or (int(m["year2"]) if group(m, "year2") else None)
    year = stated or (ctx.dct.year if ctx.dct else None)
    # "the second half of last year" counts from the year named after it.
    det = (group(m, "det") or group(m, "ofrel") or "").lower()
    if year and (det.startswith("last") or group(m, "prior")):
        year -= 1
    if year and det.startswith("next"):
        year += 1
    if year and not (stated or det or group(m, "prior")) and ctx.dct and unit_is_quarter(m) and (
            ordinal > quarter_of(ctx.dct)):
        year -= 1  # results "for the fourth quarter" reported in January
    unit = "H" if m["q"].lower() == "half" else "Q"
    if (unit == "H" and ordinal > 2) or (unit == "Q" and m["ord"].lower() == "latter"):
        return None
    return f"{year:04d}-{unit}{ordinal}" if year else f"XXXX-{unit}{ordinal}", "DATE", None


def unit_is_quarter(m: re.Match) -> bool:
    return m["q"].lower() == "quarter"


_EDGED = rf"(?:(?P<edge>{EDGE})[-\s]+(?:in\s+|on\s+)?|(?P<edgeof>{EDGE_OF})\s+)?"
_LEAD_WEEKDAY = rf"(?:{WEEKDAY},?\s+)?"
DATE_RULES = [
    rule("date_mdy", rf"{_LEAD_WEEKDAY}{MONTH}\s+{DAY}(?:(?:,\s*|\s+){YEAR})?\b", _calendar_date, 5),
    rule("date_dmy", rf"{_LEAD_WEEKDAY}(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?\b",
         _calendar_date, 5),
    rule("month", rf"{_EDGED}{MONTH}(?:,?\s+(?:of\s+)?{YEAR}|\s+(?P<rel>this|last|next)\s+year)?\b",
         _month, 3),
    rule("year", rf"{_EDGED}(?:(?:fiscal(?:\s+year)?|the\s+year)\s+)?(?<![\d$£€.,/]){YEAR}(?!,\d|\.\d|\w)",
         _year, 2),
    rule("decade", r"(?:the\s+)?(?:(?P<edge>early|mid|late)[-\s]+)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)'?s\b",
         _decade, 4),
    rule("century", r"(?:the\s+)?(?:(?P<edge>early|mid|late)[-\s]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
         r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
         r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
         r"twentieth|twenty-first)[-\s]century\b", _century, 4),
    rule("ordinal_day", r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?![-\s]+(?:of\s+)?\w)",
         _ordinal_day, 1),
    rule("day_word", rf"(?:(?P<edge>early|late|earlier|later)\s+)?(?:the\s+day\s+(?P<around>before|"
         rf"after)\s+)?(?P<word>today|yesterday|tomorrow|tonight|overnight)\b(?:\s+{PART})?",
         _day_word, 4),
    rule("overnight_weekday", rf"\bovernight\s+(?:(?:into|to|on)\s+)?{WEEKDAY}\b",
         _overnight_weekday, 5),
    rule("part_of_day", rf"\b(?P<lead>this|last|tomorrow|yesterday)\s+{PART}\b", _part_of_day, 4),
    # "by mid afternoon", "mid-afternoon yesterday" (dev: 2 of 2 gold spans, day word inside).
    rule("edged_part", r"\b(?P<edge>early|mid|late)[-\s]?(?P<part>morning|afternoon|evening)\b"
         r"(?:\s+(?P<word>yesterday|today|tomorrow)\b)?", _edged_part, 3),
    # "Earlier Friday, ..." is a comparative adverb outside the date (dev: 4 of 5 spans).
    rule("weekday", rf"(?:(?P<edge>early|late)\s+)?(?:(?P<rel>last|this|next|coming|"
         rf"past)\s+)?{WEEKDAY}(?!s)\b(?:\s+{PART})?", _weekday, 3),
    # "this past spring" is one span (dev: 1 of 1).
    rule("relative_period", rf"{_EDGED}(?:the\s+(?=latest|current|previous|prior|coming)|"
         rf"this\s+(?=past\s))?"
         rf"(?P<rel>last|this|next|coming|past|previous|prior|current|the|latest)"
         r"\s+(?P<per>week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|"
         r"winter)\b", _relative_period, 3),
    rule("relative_month", rf"{_EDGED}(?P<rel>last|this|next|coming)\s+{MONTH}\b", _relative_month, 4),
    rule("season", rf"(?:(?P<det>the|this)\s+)?(?:(?P<edge>early|mid|late)[-\s]+)?{SEASON}\b"
         rf"(?:\s+(?:of\s+)?{YEAR_SHORT})?", _season, 2),
    # "the third quarter" keeps its article; the adjectival "the third-quarter loss" does not.
    # "the year-ago third quarter", "the 1988 third quarter" are one span (dev: 3 of 3).
    rule("quarter", r"(?:(?P<det>this\s+year's|last\s+year's|next\s+year's)\s+|"
         r"the\s+(?!(?:fiscal[-\s]+)?\w+-(?:quarter|half))(?:(?P<prior>year-ago|year-earlier)\s+|"
         r"(?P<year2>(?:19|20)\d\d)\s+)?)?(?:fiscal[-\s]+)?"
         r"(?P<ord>first|second|third|fourth|final|latter)[-\s]+(?P<q>quarter|half)\b"
         rf"(?:\s+of\s+(?:{YEAR}|(?P<ofrel>the|this|last|next)\s+year\b))?", _quarter, 3),
]
