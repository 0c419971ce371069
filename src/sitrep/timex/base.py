"""A recognition rule: a pattern plus the function that turns a match into a TIMEX3 value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.timex.calendar import Context
from sitrep.timex.lexicon import MODS_BEFORE, MONTHS, PAPER_NOUNS, WEEKDAYS

# (value, type, mod); a handler returns None to reject a match that only looks temporal.
Result = tuple[str, str, str | None]
Handler = Callable[[re.Match, Context], Result | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Handler
    priority: int = 0
    # A named group that is the expression itself; the rest of the match is context
    # (one day of a range "5-6 May" is marked, the range only tells its month).
    span: str | None = None

    def bounds(self, match: re.Match) -> tuple[int, int]:
        return match.span(self.span) if self.span else match.span()


def rule(name: str, pattern: str, handler: Handler, priority: int = 0,
         span: str | None = None) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE), handler, priority, span)


def group(m: re.Match, name: str) -> str | None:
    """A named group's text, or None when the pattern has no such group or it did not match."""
    return m.groupdict().get(name)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def edge_mod(m: re.Match) -> str | None:
    """START / MID / END from "early", "mid-", "late", "the end of" and kin."""
    for name in ("edge", "edgeof"):
        word = group(m, name)
        if word:
            for key, mod in MODS_BEFORE.items():
                if key in word.lower():
                    return mod
    return None


def words_before(ctx: Context, start: int, count: int = 1) -> list[str]:
    return re.findall(r"[\w'$£€%]+", ctx.text[max(0, start - 40):start].lower())[-count:]


def word_after(ctx: Context, end: int) -> str:
    found = re.match(r"\s*([\w'-]+)", ctx.text[end:end + 40])
    return found.group(1) if found else ""


_PAPER_AFTER = re.compile(rf"\s+{PAPER_NOUNS}\b")
_PAPER_BEFORE = re.compile(r"\b(?-i:Mail|Independent)\s+on\s+$")


def is_paper_name(ctx: Context, start: int, end: int) -> bool:
    """A day or a rate that names a newspaper: "the Sunday Times", "the Mail on Sunday",
    "the Daily Mail"."""
    return bool(_PAPER_AFTER.match(ctx.text, end)
                or _PAPER_BEFORE.search(ctx.text, max(0, start - 16), start))
