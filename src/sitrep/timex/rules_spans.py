"""Rules for durations, "N units ago", sets, vague references and anaphora."""

from __future__ import annotations

import re

from sitrep.quantity.numbers import DIGIT_NUMBER, WORD_NUMBER, parse_number
from sitrep.timex.base import Result, group, is_paper_name, rule, weekday_number, words_before
from sitrep.timex.calendar import Context, day_value, shift, value_at
from sitrep.timex.calendar import reported_quarter
from sitrep.timex.lexicon import (
    APPROX, APPROX_MODS, NUM, UNIT, UNITS, WEEKDAY,
)

_QUARTER_TALK = re.compile(r"\bquarter\b", re.IGNORECASE)
VAGUE = {"several", "few", "a few", "many", "some", "couple of", "a couple of"}
_SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}
_REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
         "these days": "PRESENT_REF", "at present": "PRESENT_REF", "recently": "PAST_REF",
         "lately": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
         "the past": "PAST_REF", "current": "PRESENT_REF",
         "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
         "coming days": "FUTURE_REF", "coming weeks": "FUTURE_REF",
         "coming months": "FUTURE_REF", "coming years": "FUTURE_REF",
         "coming quarters": "FUTURE_REF", "future quarters": "FUTURE_REF",
         "future months": "FUTURE_REF", "future years": "FUTURE_REF",
         "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
         "the long term": "FUTURE_REF", "the medium term": "FUTURE_REF",
         "the days ahead": "FUTURE_REF", "the weeks ahead": "FUTURE_REF",
         "the months ahead": "FUTURE_REF", "the years ahead": "FUTURE_REF"}


def _unit(m: re.Match) -> tuple[str, bool, int]:
    word = m["unit"].lower().rstrip("s")
    return UNITS[word if word in UNITS else word + "s"]


def _amount(m: re.Match) -> float | None:
    """The number in front of a unit; None for vague words ("several days")."""
    text = re.sub(r"\s+", " ", (group(m, "low") or group(m, "num") or "").lower())
    if text in VAGUE:
        return None
    if text in {"a", "an", ""}:
        return 1.0
    return parse_number(text)


def _approx_mod(m: re.Match) -> str | None:
    word = group(m, "approx")
    return APPROX_MODS.get(re.sub(r"\s+", " ", word.lower())) if word else None


# Half a unit written in the next smaller one, as TIMEX3 values do ("2 1/2 years" = P2Y6M).
_HALF_OF = {("Y", False): "6M", ("D", False): "T12H", ("H", True): "30M", ("M", True): "30S"}


def duration_value(amount: float | None, m: re.Match) -> str:
    letter, clock, factor = _unit(m)
    if (group(m, "half") or group(m, "frac")) and factor == 1 and (letter, clock) in _HALF_OF:
        whole = "" if amount is None else f"{int(amount)}{letter}"
        return ("PT" if clock else "P") + whole + _HALF_OF[(letter, clock)]
    if group(m, "half") or group(m, "frac"):
        amount = (amount or 0) + 0.5
    if letter in {"DE", "CE"}:
        amount = None if amount is None else amount * (10 if letter == "DE" else 100)
        letter = "Y"
    elif letter == "Q":
        amount = None if amount is None else amount * 3
        letter = "M"
    number = "X" if amount is None else f"{amount * factor:g}"
    return f"PT{number}{letter}" if clock else f"P{number}{letter}"


def _duration(m: re.Match, ctx: Context) -> Result | None:
    plural = m["unit"].lower().endswith("s")
    num = group(m, "num")
    rel, det = group(m, "rel"), group(m, "det")
    after = ctx.text[m.end():m.end() + 8]
    if re.match(r"-?\s*old\b|-\w", after) or re.search(r"-quarters", m.group(0), re.I):
        return None  # "a 16-year-old", "two-day-long"
    if not num and not (rel and (det or rel.lower() == "recent")):
        return None
    if m["unit"][0].isupper() and not (num or rel or "")[:1].isupper():
        return None  # "Sandra Day O'Connor"
    if num and num.lower() == "one" and words_before(ctx, m.start())[-1:] in (
            ["will"], ["would"], ["could"], ["might"], ["may"], ["'ll"]):
        return None  # "will one day be"
    if num and num.lower() in {"a", "an"} and plural:
        return None
    if m["unit"].lower().rstrip("s") == "quarter" and _SHARE_OF.match(ctx.text, m.end()):
        return None  # "a quarter of the town" is a share (dev: 0 of 3 "a quarter of" are times)
    if (num or "").lower() == "a" and m["unit"].lower() == "second" and re.match(
            r"\s+(?!(?:or|and|later|ago|earlier|before|after)\b)[A-Za-z]", after):
        return None  # "a second strike" is an ordinal (dev: 0 of 2 "a second" are times)
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if num and num.lower() in {"a", "an"} and re.search(r"(?:\d|%|\btimes|\btwice|\bonce)\s*$",
                                                          before):
        return None  # "$5 a day", "twice a week" are frequencies
    if rel and rel.lower() == "recent" and not num and not plural:
        return "PAST_REF", "DATE", None  # "recent" before a singular unit: no stretch named
    amount = _amount(m) if num else 1.0
    if not num and plural:
        amount = None
    return duration_value(amount, m), "DURATION", _approx_mod(m)


def _unit_long(m: re.Match, ctx: Context) -> Result | None:
    plural = m["unit"].lower().endswith("s")
    amount = _amount(m) if group(m, "num") else (None if plural else 1.0)
    return duration_value(amount, m), "DURATION", None


def _half_unit(m: re.Match, ctx: Context) -> Result | None:
    letter, clock, factor = _unit(m)
    if factor == 1 and (letter, clock) in _HALF_OF:
        return ("PT" if clock else "P") + _HALF_OF[(letter, clock)], "DURATION", None
    return duration_value(0.5, m), "DURATION", None


# "of" after "quarter" makes a share, unless a year follows: "the first two quarters of 1990".
_SHARE_OF = re.compile(r"\s+of\b(?!\s+(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?:year|\d{4}|"
                       r"next|last|this)\b)", re.IGNORECASE)
_QUARTER_OF = {"hour": "PT15M", "minute": "PT15S", "day": "PT6H", "year": "P3M",
               "decade": "P2Y6M", "century": "P25Y"}


def _quarter_unit(m: re.Match, ctx: Context) -> Result | None:
    value = _QUARTER_OF.get(m["unit"].lower())
    return (value, "DURATION", None) if value else None


def _bare_units(m: re.Match, ctx: Context) -> Result | None:
    return duration_value(None, m), "DURATION", None


def _bare_ago(m: re.Match, ctx: Context) -> Result | None:
    before = words_before(ctx, m.start())
    if before and (before[-1] in {"a", "an", "few", "several", "many", "some", "of"}
                   or parse_number(before[-1]) is not None):
        return None  # "36 hours ago": the amount is counted, the unit is not bare
    return "PAST_REF", "DATE", None


def _vague_duration(m: re.Match, ctx: Context) -> Result | None:
    return ("PXY" if m.group(0).lower().endswith(("years", "decades")) else "PXX"), "DURATION", None


def _ago(m: re.Match, ctx: Context) -> Result | None:
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if direction in {"before", "after"} and not re.match(r"\s*(?:[,.;:)]|$)",
                                                         ctx.text[m.end():m.end() + 3]):
        return None
    letter, clock, factor = _unit(m)
    amount = _amount(m)
    backwards = direction in {"ago", "earlier", "before", "previously", "prior"}
    anchor = ctx.dct if direction in {"ago", "from now", "hence"} else ctx.anchor
    if amount is None or anchor is None:
        return ("PAST_REF" if backwards else "FUTURE_REF"), "DATE", _approx_mod(m)
    if clock:
        return None
    steps = int(round(amount * factor)) * (-1 if backwards else 1)
    after_quarter = _QUARTER_TALK.search(ctx.text, max(0, m.start() - 400), m.start())
    if letter == "Y" and steps == -1 and ctx.dct and after_quarter:
        # Results stories compare with the same quarter a year back (dev: 31 of 37 "a year
        # ago/earlier" after a mention of a quarter).
        year, quarter = reported_quarter(ctx.dct)
        return f"{year - 1:04d}-Q{quarter}", "DATE", _approx_mod(m)
    moved = shift(anchor, steps, letter)
    if moved is None:  # beyond the calendar ("3000 years ago"): a reference without a date
        return ("PAST_REF" if backwards else "FUTURE_REF"), "DATE", _approx_mod(m)
    return value_at(moved, letter), "DATE", _approx_mod(m)


def _ref(m: re.Match, ctx: Context) -> Result | None:
    word = re.sub(r"\s+", " ", m["ref"].lower())
    follows = ctx.text[m.end():m.end() + 1]
    if word == "now" and (follows == "-" or (follows == "," and m["ref"][0].isupper())):
        return None  # "now-defunct"; "Now, ..." opens a sentence as a discourse marker
    return _REFS[word], "DATE", None


def _set_adverb(m: re.Match, ctx: Context) -> Result | None:
    if m["adv"][0].isupper() and is_paper_name(ctx, m.start(), m.end()):
        return None  # a title: "the Daily Mail", "the Weekly Standard"
    return _SET_ADVERBS[m["adv"].lower()], "SET", None


def _set_every(m: re.Match, ctx: Context) -> Result | None:
    if group(m, "weekday"):
        return f"XXXX-WXX-{weekday_number(m['weekday'])}", "SET", None
    number = parse_number(group(m, "num") or "") if group(m, "num") else 1.0
    if group(m, "num") and m["num"].lower() == "other":
        number = 2.0
    return duration_value(number, m), "SET", None


def _set_rate(m: re.Match, ctx: Context) -> Result | None:
    return duration_value(1.0, m), "SET", None


def _set_weekdays(m: re.Match, ctx: Context) -> Result | None:
    return f"XXXX-WXX-{weekday_number(m['weekday'])}", "SET", None


def _anaphora(m: re.Match, ctx: Context) -> Result | None:
    anchor = ctx.anchor
    lead, unit = re.sub(r"\s+", " ", m["lead"].lower()), m["per"].lower()
    step = 1 if lead in {"the next", "the following", "the day after"} else (
        -1 if lead in {"the previous", "the day before", "the night before"} else 0)
    letter = {"day": "D", "morning": "D", "afternoon": "D", "evening": "D", "night": "D", "week": "W",
              "month": "M", "year": "Y"}[unit]
    if anchor is None:
        return None
    moved = shift(anchor, step, letter)
    if moved is None:
        return None
    value = value_at(moved, letter)
    part = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}.get(unit)
    return (value + part, "TIME", None) if part else (value, "DATE", None)


def _anaphora_checked(m: re.Match, ctx: Context) -> Result | None:
    lead = re.sub(r"\s+", " ", m["lead"].lower())
    per = group(m, "per")
    if lead in {"the day before", "the day after", "the night before"}:
        if per or not re.match(r"\s*(?:[,.;:)]|$)", ctx.text[m.end():m.end() + 3]):
            return None
        return _anaphora_fixed(m, ctx, lead)
    if not per:
        return None
    if lead == "the" and (per.lower() not in _THE_UNITS
                          or _THE_UNIT_TIED.match(ctx.text, m.end())):
        return None
    if lead in {"the next", "the previous"} and per.lower() in {"week", "month", "year"}:
        return None  # "the next week" is a duration
    return _anaphora(m, ctx)


# "in the morning", "for the week" name the part of the day or the week of the date in
# play (dev: "the week" 5 of 5 gold, "the morning" 2 of 2). "the night" is not marked (dev: 0
# of 3: "spent the night" is a stay), nor "the day" (3 of 9), "the month" or "the year",
# which other rules read.
# "the week of March 6", "the morning after the vote" are tied to another date, not ours.
_THE_UNITS = {"week", "morning", "afternoon", "evening"}
_THE_UNIT_TIED = re.compile(r"\s+(?:of|before|after|following|prior)\b", re.IGNORECASE)


def _anaphora_fixed(m: re.Match, ctx: Context, lead: str) -> Result | None:
    anchor = ctx.anchor
    if anchor is None:
        return None
    step = 1 if lead == "the day after" else -1
    moved = shift(anchor, step, "D")
    if moved is None:
        return None
    value = day_value(moved)
    return (value + "TNI", "TIME", None) if "night" in lead else (value, "DATE", None)


# The low end of "two to three weeks", "12-18 months": the span is the whole range and the
# value its low end (dev: 2 of 3 such ranges are one expression).
_LOW_END = rf"(?:(?P<low>{DIGIT_NUMBER}|{WORD_NUMBER})\s*(?:-|–|\s(?:to|or)\s)\s*)"
_HALF = r"(?P<half>\s+and\s+a\s+half)?"
SPAN_RULES = [
    rule("duration", rf"(?:{APPROX}\s+)?(?:(?P<det>the|these|those)\s+(?!\S+-\w))?(?:(?P<rel>past|"
         rf"last|next|coming|first|previous|following|final|initial|recent)\s+)?(?:{_LOW_END}?{NUM}"
         rf"(?P<frac>\s+1/2|\s*½|[-\s]+and[-\s]+a[-\s]+half)?[-\s]+)?"
         rf"(?:(?:more|full|straight|consecutive|long|whole|entire|trading|business|working)\s+)?"
         rf"\b{UNIT}\b{_HALF}",
         _duration, 1),
    # "day-long", "decades-long" are durations (dev: 2 of 2 gold spans).
    rule("unit_long", rf"\b(?:{NUM}-)?{UNIT}-long\b", _unit_long, 2),
    rule("half_unit", rf"\bhalf\s+(?:an?|one)\s+{UNIT}\b", _half_unit, 2),
    rule("quarter_unit", r"\b(?:a|one)\s+quarter\s+of\s+(?:an?|one)\s+"
         r"(?P<unit>hour|minute|day|year|decade|century)\b", _quarter_unit, 2),
    # Unnumbered units: "for weeks", "within days", "in the weeks before the attack" (dev: 6
    # of 10 bare units before "before"/"after" are gold), "the first time in years".
    rule("bare_units", r"(?P<unit>(?:(?<=\bfor\s)|(?<=\bwithin\s))(?:hours|days|weeks|months|"
         r"years|decades|centuries)\b|(?:hours|days|weeks|months)(?=\s+(?:before|after)\b)|"
         r"(?<=\bin\s)(?:years|decades)(?=\s*[.,;:!?)]|$)|"
         r"\b(?:seconds|minutes|hours|days|weeks|months|years|decades)(?=\s+later\b)|"
         r"(?<=\bthe\s)(?:hours|days|weeks|months|years|decades)(?=\s+(?:that\s+followed|since)\b))",
         _bare_units, 0),
    # "Days later" marks the unit as "three days later" marks the amount; "months ago",
    # "weeks earlier" are whole, as "a year earlier" is (dev: "months ago" 1 of 1).
    rule("bare_ago", r"\b(?P<unit>hours|days|weeks|months|years|decades)\s+(?:ago|earlier)\b",
         _bare_ago, 2),
    # Unmeasured stretches TimeML marks as durations: "for a while", "over the years" (dev:
    # "a while" 1 of 1, "some time" 1 of 1 and "the years" 1 of 1 after these prepositions).
    rule("vague_duration", r"(?:(?<=\bfor\s)(?:a\s+while|some\s+time)|(?<=\bover\s)the\s+(?:years|decades))\b",
         _vague_duration, 1),
    rule("ago", rf"(?:{APPROX}\s+)?(?:just\s+)?{NUM}\s+{UNIT}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|"
         r"before|after|from\s+now|hence|previously|prior)\b", _ago, 3),
    # "three days later" is a DURATION without its "later", unlike "a year earlier" (dev: 3
    # of 4 "N units later" mark the amount alone, none the whole; 25 of 27 "earlier" whole).
    rule("later", rf"(?P<amount>(?:{APPROX}\s+)?{NUM}\s+{UNIT})\s+later\b", _duration, 3,
         span="amount"),
    # "in the coming weeks" keeps its article outside (dev: 5 of 5 "coming <units>").
    # "soon" is left out: TimeBank marks it in only 5 of its 18 uses. Adjectival "current"
    # ("current market conditions") is PRESENT_REF; before a unit it is a relative period.
    rule("ref", r"\b(?P<ref>now|currently|nowadays|these\s+days|at\s+present|recently|"
         r"lately|more\s+recently|most\s+recently|the\s+past|the\s+future|"
         r"the\s+near\s+future|coming\s+(?:days|weeks|months|years|quarters)|"
         r"future\s+(?:quarters|months|years)|"
         r"the\s+(?:near|short|long|medium)\s+term|the\s+(?:days|weeks|months|years)\s+ahead|"
         rf"current(?!\s+(?:fiscal\s+)?{UNIT}|\s+account|\s+affairs|ly))\b",
         _ref, 2),
    rule("set_adverb", r"\b(?P<adv>daily|nightly|weekly|monthly|annually|yearly|hourly)\b",
         _set_adverb, 2),
    rule("set_every", rf"\b(?:every|each)\s+(?:(?P<num>other|\d+|two|three|four|five|six)\s+)?"
         rf"(?:{WEEKDAY}|{UNIT})\b", _set_every, 3),
    rule("set_rate", rf"\b(?:once|twice|(?:\d+|two|three|four|five|several)\s+times)\s+(?:a|an|per|"
         rf"each|every)\s+{UNIT}\b", _set_rate, 3),
    rule("set_weekdays", rf"{WEEKDAY}s\b", _set_weekdays, 2),
    rule("anaphora", r"\b(?P<lead>that(?:\s+same)?|the\s+same|the\s+next|the\s+following|the\s+previous|"
         r"the\s+day\s+before|the\s+day\s+after|the\s+night\s+before|the)(?:\s+(?P<per>day|morning|"
         r"afternoon|evening|night|week|month|year))?\b", _anaphora_checked, 2),
]
