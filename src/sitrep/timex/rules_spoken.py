"""Years and decades written out in words, as broadcast transcripts spell them:
"nineteen ninety-six", "January nineteen ninety-seven", "the winter of nineteen ninety-four",
"the year two thousand", "the nineties".

TimeML marks them like their digit forms (dev: 7 of 7 "nineteen ..." years are gold spans
or inside one, 2 of 2 "the year two thousand", 1 of 1 "the nineties"). "two thousand" alone
is mostly a count ("two thousand years"), so it is a year only after "the year", a month or
a season.
"""

from __future__ import annotations

import re

from sitrep.quantity.units import is_measure_word
from sitrep.timex.base import Result, edge_mod, group, month_number, rule, word_after
from sitrep.timex.calendar import Context, month_value
from sitrep.timex.lexicon import MONTH, SEASON, SEASONS

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
# "twenty" -> "twenties": the decade named by its tens word.
_DECADE_WORDS = {word[:-1] + "ies": value for word, value in _TENS.items()}


def _alts(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_TWO_DIGITS = (rf"(?:(?:{_alts(_TENS)})(?:[-\s](?:{_alts(_ONES)}))?|{_alts(_TEENS)}|"
               rf"(?:oh|o)[-\s](?:{_alts(_ONES)}))")
# "nineteen ninety-six", "nineteen hundred", "nineteen oh five".
_NINETEEN = rf"nineteen[-\s](?:{_TWO_DIGITS}|hundred)\b"
_TWO_THOUSAND = rf"two\s+thousand(?:(?:\s+and)?\s+(?:{_alts(_ONES)}|{_alts(_TEENS)}))?\b"
_DECADE = rf"(?:nineteen[-\s])?(?P<decade>{_alts(_DECADE_WORDS)})\b"


def spoken_year(text: str) -> int | None:
    """The year a spelled-out year names: "nineteen ninety-six" -> 1996."""
    words = re.findall(r"[a-z]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(_ONES.get(w, 0) + _TEENS.get(w, 0) for w in rest)
    if words[:1] != ["nineteen"]:
        return None
    rest = [w for w in words[1:] if w not in {"oh", "o", "hundred"}]
    return 1900 + sum(_TENS.get(w, 0) + _ONES.get(w, 0) + _TEENS.get(w, 0) for w in rest)


def _spoken_date(m: re.Match, ctx: Context) -> Result | None:
    year = spoken_year(m["spoken"])
    if year is None or is_measure_word(word_after(ctx, m.end())):
        return None  # "nineteen fifty people" is a count
    if group(m, "month"):
        return month_value(year, month_number(m["month"])), "DATE", edge_mod(m)
    if group(m, "season"):
        return f"{year:04d}-{SEASONS[m['season'].lower()]}", "DATE", edge_mod(m)
    return f"{year:04d}", "DATE", edge_mod(m)


def _spoken_decade(m: re.Match, ctx: Context) -> Result | None:
    decade = 1900 + _DECADE_WORDS[m["decade"].lower()]
    return f"{decade // 10:03d}", "DATE", edge_mod(m)


_EDGE = r"(?:(?P<edge>early|mid|late)[-\s]+)?"
SPOKEN_RULES = [
    rule("spoken_year", rf"\b{_EDGE}(?:the\s+year\s+|(?:the\s+)?{SEASON}\s+of\s+|{MONTH}\s+(?:of\s+)?)?"
         rf"(?P<spoken>{_NINETEEN})(?![-\s](?:years?|{_alts(_ONES)})\b)", _spoken_date, 4),
    rule("spoken_year_2000", rf"\b(?:the\s+year\s+|(?:the\s+)?{SEASON}\s+of\s+|"
         rf"{MONTH}\s+(?:of\s+)?)(?P<spoken>{_TWO_THOUSAND})(?!\s+(?:years?|people)\b)",
         _spoken_date, 4),
    rule("spoken_decade", rf"\bthe\s+{_EDGE}{_DECADE}", _spoken_decade, 4),
]
