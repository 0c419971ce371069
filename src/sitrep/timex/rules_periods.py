"""Rules for reporting periods: "the quarter", "the year-ago period", "the fiscal year",
"year-end", and unnumbered spans ahead or behind ("coming weeks", "past years").

Company and budget reporting talks about the period just reported without naming it: a
results story dated in October means the third quarter by "the quarter" and the same
quarter a year before by "the year-earlier quarter". TimeML marks these as DATEs.
"""

from __future__ import annotations

import re
from sitrep.timex.base import Result, group, rule
from sitrep.timex.calendar import Context, quarter_of, reported_quarter


def _reporting_period(m: re.Match, ctx: Context) -> Result | None:
    if ctx.text[m.end():m.end() + 1] == "-":
        return None  # "the quarter-to-quarter comparison"
    noun = m["noun"].lower()
    words = re.sub(r"\s+", " ", m.group(0).lower())
    earlier = bool(re.search(r"year-(?:ago|earlier)|prior-year|last year|a year", words))
    stated = int(m["year"]) if group(m, "year") else None
    if noun == "year" and stated:
        return f"{stated:04d}", "DATE", None  # "the 2012 fiscal year", dated or not
    if ctx.dct is None:
        return ("XXXX-QX" if noun == "quarter" else "XXXX"), "DATE", None
    if noun == "year":
        if "latest" in words or earlier:
            return f"{ctx.dct.year - 1:04d}", "DATE", None
        return f"{ctx.dct.year:04d}", "DATE", None
    year, quarter = reported_quarter(ctx.dct)
    if "current" in words:
        year, quarter = ctx.dct.year, quarter_of(ctx.dct)
    if earlier:
        year -= 1
    if stated:
        year = stated
    return f"{year:04d}-Q{quarter}", "DATE", None


def _year_ago_adjective(m: re.Match, ctx: Context) -> Result | None:
    if ctx.dct is None:
        return "XXXX", "DATE", None
    year, quarter = reported_quarter(ctx.dct)
    return f"{year - 1:04d}-Q{quarter}", "DATE", None


def _year_end(m: re.Match, ctx: Context) -> Result | None:
    return (f"{ctx.dct.year:04d}" if ctx.dct else "XXXX"), "DATE", None


def _open_span(m: re.Match, ctx: Context) -> Result | None:
    return ("FUTURE_REF" if m["dir"].lower() == "coming" else "PAST_REF"), "DATE", None


def _year_ended(m: re.Match, ctx: Context) -> Result | None:
    return "P1Y", "DURATION", None


# "the corresponding period last year", "the quarter a year ago" (dev: 2 of 2 one span).
_BACK = r"(?:\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?"
# dev: 17 of 22 "the/this/that quarter|period" are exact gold spans, 23 of 24 "the
# current/latest/full/fiscal year|quarter|period", 10 of 11 "the latest/comparable/
# year-ago/year-earlier/same period".
_PERIOD_MODS = (r"(?:(?:latest|current|comparable|corresponding|same|full|fiscal|"
                r"year-ago|year-earlier|prior-year|(?P<year>(?:19|20)\d\d))\s+)")
PERIOD_RULES = [
    rule("reporting_quarter",
         rf"\b(?:the|this|that)\s+{_PERIOD_MODS}*(?P<noun>quarter)\b{_BACK}",
         _reporting_period, 2),
    # A bare "the period" is any span of time; with a reporting word it is the quarter.
    rule("reporting_period",
         rf"\b(?:the|this|that)\s+{_PERIOD_MODS}+(?P<noun>period|year)\b{_BACK}",
         _reporting_period, 2),
    # dev: "the (fiscal) year ended March 31" is a twelve-month DURATION in 7 of 8.
    rule("year_ended", r"\bthe\s+(?:fiscal\s+)?year(?=\s+(?:ended|ending)\b)", _year_ended, 5),
    # dev: the bare adjective "year-ago results", "year-earlier profit" is 8 of 9 a DATE.
    rule("year_ago_adjective", r"\b(?:year-ago|year-earlier)\b(?!\s+(?:quarter|period)\b)",
         _year_ago_adjective, 1),
    # dev: 4 of 6 "year-end", "year end", "year's end" are gold spans on their own.
    rule("year_end", r"\b(?:year-end|year\s+end|year's\s+end)\b", _year_end, 1),
    # "in coming weeks", "in past years" without an article (dev: 4 of 4 gold spans).
    rule("open_span", r"(?<!\bthe\s)\b(?P<dir>coming|past)\s+(?:days|weeks|months|quarters|years|"
         r"decades)\b", _open_span, 2),
]
