"""Finding temporal expressions: run every rule, keep the longest non-overlapping matches,
then normalise them in reading order so anaphora ("the day before") can lean on the last
date mentioned."""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.model import TimeExpr
from sitrep.timex.base import Result, Rule, group
from sitrep.timex.calendar import Context, parse_iso
from sitrep.timex.confidence import BORROWED_DAY, confidence, kind_of
from sitrep.timex.extend import widen_tails
from sitrep.timex.lexicon import MONTH_NAME, WEEKDAY_NAME
from sitrep.timex.rules_dates import DATE_RULES
from sitrep.timex.rules_clock import CLOCK_RULE_LIST, CLOCK_RULES
from sitrep.timex.rules_holidays import HOLIDAY_RULES
from sitrep.timex.rules_numeric import NUMERIC_RULES
from sitrep.timex.rules_periods import PERIOD_RULES
from sitrep.timex.rules_ranges import RANGE_RULES
from sitrep.timex.rules_spans import SPAN_RULES
from sitrep.timex.rules_spoken import SPOKEN_RULES

RULES: list[Rule] = (DATE_RULES + NUMERIC_RULES + RANGE_RULES + SPAN_RULES + CLOCK_RULE_LIST + PERIOD_RULES
                     + HOLIDAY_RULES + SPOKEN_RULES)
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
_DAY_ONLY = re.compile(r"^\d{4}-\d\d-\d\d$")


Candidate = tuple[int, int, Rule, re.Match, Result, str]


def _read(rule: Rule, match: re.Match, ctx: Context) -> tuple[Result | None, str]:
    """The rule's reading of a match, and the tense it went by: "" when it needed none,
    else "past", "future" or "none" (it had to choose without one)."""
    ctx.tense_reads.clear()
    result = rule.handler(match, ctx) if match.end() > match.start() else None
    if None in ctx.tense_reads:
        return result, "none"
    return result, "future" if "future" in ctx.tense_reads else (
        "past" if ctx.tense_reads else "")


def _candidates(ctx: Context) -> list[Candidate]:
    """(start, end, rule, match, result, tense read) of every match a rule accepts, read
    against the publication date alone (no date mentioned in the text is known yet)."""
    found = []
    for rule in RULES:
        pos = 0
        while (match := rule.pattern.search(ctx.text, pos)) is not None:
            result, guessed = _read(rule, match, ctx)
            if result is None:
                # A rejected match may hide a shorter, valid one starting just after it.
                pos = match.start() + 1
                continue
            found.append((*rule.bounds(match), rule, match, result, guessed))
            pos = match.end()
    return found


def _select(found: list) -> list:
    """Longest first, then the more specific rule; overlapping losers are dropped."""
    chosen: list = []
    taken: list[tuple[int, int]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), -f[2].priority, f[0])):
        start, end = item[0], item[1]
        if any(start < e and s < end for s, e in taken):
            continue
        chosen.append(item)
        taken.append((start, end))
    return sorted(chosen, key=lambda f: f[0])


def _trim(text: str, start: int, end: int) -> int:
    """Drop a sentence-final full stop swallowed by an abbreviation ("10 p.m.")."""
    stripped = text[start:end].rstrip()
    end = start + len(stripped)
    if stripped.endswith(".") and re.match(r"\s*(?:$|[A-Z\"'“”])", text[end:end + 3]):
        return end - 1
    return end


# TimeBank leaves these outside the span (9 of 11 "about", 5 of 5 "just", 4 of 4 "earlier"
# before "this week", against 12 of 16 inside before "this month"/"this year"); the mod keeps
# them. "before"/"after" are signals in TimeML, never part of an expression: "shortly after
# 8 p.m." marks "8 p.m." with the mod AFTER.
_LEADING_OUTSIDE = re.compile(r"(?:about|just|shortly\s+(?:before|after)|(?:earlier|later)"
                              r"(?=\s+this\s+week\b))\s+(?=\S)", re.IGNORECASE)


def _trim_lead(text: str, start: int, end: int) -> int:
    lead = _LEADING_OUTSIDE.match(text, start, end)
    return lead.end() if lead else start


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """Temporal expressions in `text`, with TIMEX3 values anchored on `published`."""
    return [time for time, _ in find_times_with_kinds(text, published)]


def find_times_with_kinds(text: str, published: str | None) -> list[tuple[TimeExpr, str]]:
    """Each expression with the kind its confidence was measured for (timex.confidence)."""
    ctx = Context(text=text, dct=parse_iso(published))
    times: list[TimeExpr] = []
    kinds: list[str] = []
    dayless_clocks: list[int] = []
    for start, end, rule, match, result, tense in _select(_candidates(ctx)):
        if ctx.ref is not None:
            # Read again now that an earlier date anchors anaphora ("the next day"); a match
            # accepted once stays accepted, so the selection above holds.
            again, tense_again = _read(rule, match, ctx)
            if again is not None:
                result, tense = again, tense_again
        value, kind, mod = result
        end = _trim(text, start, end)
        start = _trim_lead(text, start, end)
        if rule.name in CLOCK_RULES and not group(match, "tail"):
            dayless_clocks.append(len(times))
        kinds.append(kind_of(rule.name, tense))
        times.append(TimeExpr(text=text[start:end], start=start, end=end, value=value,
                              type=kind, confidence=confidence(kinds[-1]), mod=mod))
        if kind == "DATE" and _DAY_VALUE.match(value) and rule.name != "anaphora":
            ctx.ref = parse_iso(value)
    for index in dayless_clocks:
        times[index], borrowed = _anchor_clock(index, times, text, published,
                                               set(dayless_clocks))
        if borrowed:
            kinds[index] += BORROWED_DAY
            times[index] = replace(times[index], confidence=confidence(kinds[index]))
    return list(zip(widen_tails(times, text), kinds))


# A full stop ends a sentence; after "a.m."/"p.m." only when no day, month or zone follows
# ("at 10 p.m. Wednesday" is one sentence, "until 4 a.m. On the night of ..." two).
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[AaPp]\.[Mm])[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n|"
    rf"(?<=\b[AaPp]\.[Mm])\.\s+(?=[A-Z])(?!{WEEKDAY_NAME}|{MONTH_NAME}|[A-Z]{{2,4}}\b)")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max((m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - 400), start)),
             default=0)
    after = _SENTENCE_BREAK.search(text, end)
    return lo, after.start() if after else len(text)


def _anchor_clock(index: int, times: list[TimeExpr], text: str, published: str | None,
                  dayless: set[int]) -> tuple[TimeExpr, bool]:
    """The clock time `times[index]`, without its own day, takes the day that governs its
    sentence ("At 05:00 on 12 June", "On Thursday, at 23:40"), else the publication date
    (True: borrowed). `dayless`: indexes of the clock times whose day is only a fallback,
    which vouch for none."""
    clock = times[index]
    lo, hi = _sentence_bounds(text, clock.start, clock.end)
    # A stated day, or the day of another clock time in the sentence that states one
    # ("05:00 and 07:00 on Thursday").
    days = [t for j, t in enumerate(times) if j not in dayless and lo <= t.start and t.end <= hi
            and (_DAY_ONLY.match(t.value) or t.type == "TIME" and _DAY_VALUE.match(t.value))]
    middle = (clock.start + clock.end) / 2
    if days:
        day = min(days, key=lambda t: abs((t.start + t.end) / 2 - middle)).value[:10]
    elif published and parse_iso(published):
        day = parse_iso(published).isoformat()
    else:
        return clock, False
    stamp = clock.value[clock.value.index("T"):]
    return replace(clock, value=day + stamp), not days
