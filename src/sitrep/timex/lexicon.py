"""Word lists and regex fragments for temporal expressions.

Month and weekday names are matched case-sensitively ("May" the month, not "may" the verb);
everything else is case-insensitive (patterns are compiled with IGNORECASE and names are
wrapped in `(?-i:...)`).
"""

from __future__ import annotations

from sitrep.quantity.numbers import DIGIT_NUMBER, WORD_NUMBER

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}


def full_names(table: dict[str, int]) -> set[str]:
    """The unabbreviated names of a month or weekday table: the longest word per number."""
    longest: dict[int, str] = {}
    for word, number in table.items():
        if len(word) > len(longest.get(number, "")):
            longest[number] = word
    return set(longest.values())


SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}
# Unit word -> (TIMEX3 duration letter, is a time-of-day unit, multiplier into that letter).
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("DE", False, 1), "century": ("CE", False, 1),
    "centurie": ("CE", False, 1),
}
MODS_BEFORE = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END",
}
# Quantifying modifiers of durations and "ago" expressions, kept inside the span as TimeML does.
APPROX_MODS = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "nearly": "EQUAL_OR_LESS",
    "almost": "EQUAL_OR_LESS", "less than": "LESS_THAN", "under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "not more than": "EQUAL_OR_LESS",
    "no less than": "EQUAL_OR_MORE", "no fewer than": "EQUAL_OR_MORE", "about": "APPROX", "around": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "approximately": "APPROX", "an estimated": "APPROX",
}


def _alts(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH_NAMES = [w.capitalize() for w in MONTHS if len(w) > 3] + [
    w.capitalize() + r"\.?" for w in MONTHS if len(w) <= 4 and w not in {"may", "june", "july"}
] + ["May", "June", "July"]
MONTH = rf"(?-i:(?P<month>{_alts(_MONTH_NAMES)}))"
MONTH2 = MONTH.replace("?P<month>", "?P<month2>")
_WEEKDAY_NAMES = [w.capitalize() for w in WEEKDAYS if len(w) > 4] + [
    w.capitalize() + r"\." for w in WEEKDAYS if len(w) <= 4
]
WEEKDAY = rf"(?-i:(?P<weekday>{_alts(_WEEKDAY_NAMES)}))"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:,.]\d)"
YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d%])"
YEAR_SHORT = r"(?P<year>(?:1[6-9]|20)\d\d|'\d\d)(?![\d%])"
NUM = rf"(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER}|a|an|several|a\s+few|few|a\s+couple\s+of|couple\s+of|many|some)"
UNIT_NAME = _alts(UNITS)  # singular, no group
UNIT = rf"(?P<unit>(?:{UNIT_NAME})s?)"
SEASON = rf"(?P<season>{_alts(SEASONS)})"
PART = r"(?P<part>morning|afternoon|evening|night)"
EDGE = r"(?:early|mid|late|earlier|later)"
EDGE_OF = r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
# "over" is a preposition before a determiner ("over the past week"), a quantifier otherwise.
_OVER = r"over(?!\s+(?:the|these|those|its|their)\b)"
APPROX = "(?P<approx>" + "|".join(
    _OVER if w == "over" else w.replace(" ", r"\s+")
    for w in sorted(APPROX_MODS, key=len, reverse=True)) + ")"
REL = r"(?P<rel>last|this|next|coming|past|previous|current|following|latest)"
MONTH_NAME = MONTH.replace("(?P<month>", "(?:")
WEEKDAY_NAME = WEEKDAY.replace("(?P<weekday>", "(?:")

# Newspaper titles named after a day or a rhythm: "the Sunday Times", "the Daily Mail".
PAPER_NOUNS = (r"(?-i:Times|Telegraph|Express|Mirror|Post|Herald|Observer|Mail|Independent|"
               r"Tribune|Sport|Record|Review|Edition|Beast|News|Star|Standard|Caller|Nation|"
               r"Monitor|Maverick|Sabah)")
