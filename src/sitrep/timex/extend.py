"""Words after a found expression that TimeML keeps inside its span.

The rules find the core ("the next year", "1994", "weeks"); these tails only ever widen a
core that was already accepted, so they cannot invent an expression:

* "or so" (approximation): "the next year or so", "a week or so" (dev: 3 of 3 whole);
* an open end: "1994 or later", "1990 and beyond" (dev: 2 of 2 whole), with TIMEX3's
  ON_OR_AFTER / ON_OR_BEFORE mod;
* "or two" after a single unit: "a year or two";
* a second unit joined by "or"/"and": "weeks or months", "recent weeks and months";
* the noun that a compound duration modifies when that noun is itself a stretch of time:
  "a three-year period", "its one-year term" (dev: 2 of 3 whole).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.model import TimeExpr
from sitrep.timex.lexicon import UNIT_NAME as _UNIT_WORD
_OR_SO = re.compile(r"\s+or\s+so\b", re.IGNORECASE)
_OPEN_END = re.compile(r"\s+(?:or\s+(?P<after>later|after)|and\s+(?P<beyond>beyond|after)|"
                       r"or\s+(?P<before>earlier|before))\b", re.IGNORECASE)
_OR_TWO = re.compile(r"\s+or\s+two\b", re.IGNORECASE)
_SECOND_UNIT = re.compile(rf"\s+(?:or|and)\s+(?:{_UNIT_WORD})s\b", re.IGNORECASE)
_PLURAL_UNIT_END = re.compile(rf"\b(?:{_UNIT_WORD})s$", re.IGNORECASE)
_SINGLE_UNIT = re.compile(rf"^(?:an?|one)\s+(?:{_UNIT_WORD})$", re.IGNORECASE)
_COMPOUND = re.compile(rf"^(?:\S+-)(?:{_UNIT_WORD})$", re.IGNORECASE)
_PERIOD_NOUN = re.compile(r"\s+(?:period|term|span|stretch|spell)\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the)\s+$", re.IGNORECASE)


def _widen(time: TimeExpr, text: str, limit: int) -> TimeExpr:
    core = time.text
    end, start, mod = time.end, time.start, time.mod
    if (tail := _OR_SO.match(text, end)) and time.type in {"DATE", "DURATION"}:
        end, mod = tail.end(), mod or "APPROX"
    elif (tail := _OPEN_END.match(text, end)) and time.type == "DATE" and time.value[:1].isdigit():
        end = tail.end()
        mod = "ON_OR_BEFORE" if tail["before"] else "ON_OR_AFTER"
    elif (tail := _OR_TWO.match(text, end)) and _SINGLE_UNIT.match(core):
        end, mod = tail.end(), mod or "APPROX"
    elif (tail := _SECOND_UNIT.match(text, end)) and _PLURAL_UNIT_END.search(core):
        end = tail.end()
    elif (tail := _PERIOD_NOUN.match(text, end)) and _COMPOUND.match(core):
        end = tail.end()
        article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
        start = article.start() if article else start
    if end > limit or (start, end) == (time.start, time.end):
        return time
    return replace(time, text=text[start:end], start=start, end=end, mod=mod)


def widen_tails(times: list[TimeExpr], text: str) -> list[TimeExpr]:
    """Each expression widened over its tail, never into the next expression."""
    widened = []
    for index, time in enumerate(times):
        limit = times[index + 1].start if index + 1 < len(times) else len(text)
        widened.append(_widen(time, text, limit))
    return widened
