"""Finding quantities: a number with its bound, range, unit or counted noun.

Numbers that name things rather than count them are skipped: dates and times (found by
the times stage), ordinals ("47th"), designations ("Su-25", "M777", "Resolution 2334",
"Brigade 47") and ages.
"""

from __future__ import annotations

import math
import re
from typing import Any

from sitrep.model import Quantity
from sitrep.quantity.confidence import level
from sitrep.quantity.fractions import find_fractions
from sitrep.quantity.ledger import find_ledger
from sitrep.quantity.nouns import counted_noun
from sitrep.quantity.numbers import NUMBER, parse_number
from sitrep.quantity.partitive import link_counts
from sitrep.quantity.toll import read_tolls
from sitrep.quantity.units import (
    CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DESIGNATION_AFTER, DESIGNATION_BEFORE,
    MEASURE_RE, MEASURES, is_person, measure_key, singular,
)
from sitrep.quantity.vague import (
    BOUND_PATTERN, BOUND_WORDS, VAGUE_BARE, VAGUE_COUNTS, WEAK_VAGUE, alternation, bound_of,
)
from sitrep.timex.lexicon import MONTHS, WEEKDAYS, full_names
from sitrep.within import SpanSet


_CUR = rf"(?:{alternation(CURRENCY_SYMBOLS)}|(?:{'|'.join(sorted(CURRENCY_CODES))})(?=\s?\d))"
_CUR_WORDS = alternation(CURRENCY_WORDS)
_ONE = rf"(?:(?P<cur>{_CUR})\s?)?(?P<num>{NUMBER})"
_TWO = rf"(?:(?P<cur2>{_CUR})\s?)?(?P<num2>{NUMBER})"
QUANTITY_RE = re.compile(
    rf"(?<![\w.,$€£-])(?:(?P<bound>{BOUND_PATTERN})\s+)?"
    rf"(?:(?P<vague>{alternation(VAGUE_COUNTS)}|{alternation(WEAK_VAGUE)}|"
    rf"(?:{alternation(VAGUE_BARE)})\b(?!\s+of\b|-))"
    rf"|{_ONE}(?:\s*(?P<sep>-|–|to|and|or)\s*{_TWO})?)(?P<mscale>(?<=\d)m\b(?!²))?"
    rf"(?:(?:\s*|-)(?P<unit>{MEASURE_RE.pattern})|\s+(?:of\s+)?(?P<curword>{_CUR_WORDS})\b)?"
    rf"(?P<orso>\s+or\s+so)?",
    re.IGNORECASE,
)
def _scale_to_unit(value: float, factor: float) -> float:
    return round(value * factor, 9)


def _is_clock_time(text: str, start: int, end: int) -> bool:
    """Digits on either side of a colon are a time of day ("05:00", also when the times
    stage did not find it) or a score or ratio ("2:1"), not an amount."""
    return bool(re.match(r":\d", text[end:end + 2])
                or re.search(r"\d:$", text[max(0, start - 2):start]))


# A number running on into ".22" is a dotted date ("24.02.22") or a version, not an amount.
_DOTTED = re.compile(r"\.\d")
_MEASURE_AFTER = re.compile(r"-?\s*(?:" + MEASURE_RE.pattern + ")", re.IGNORECASE)


def _is_designation(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20):start]
    after = text[end:end + 20]
    if _MEASURE_AFTER.match(after):
        return False  # "a 2,000-metre runway"
    if re.search(r"[A-Za-z]-?$|[A-Za-z]-?\d+/$|#$|№\s*$", before) or re.match(r"(?:st|nd|rd|th)\b|[A-Za-z]\w|-[A-Za-z]", after):
        return True
    word_before = re.findall(r"[\w.]+", before.lower())[-1:]
    if word_before and word_before[0] in DESIGNATION_BEFORE and before.rstrip()[-1:].isalpha():
        return True
    word_after = re.match(r"\s+([A-Z]\w+)", after)
    if word_after and word_after.group(1).lower() in DESIGNATION_AFTER:
        return True
    return _is_model_number(text[start:end], before, after)


# Capitalised words that open a sentence or a count rather than name a thing.
_NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "of", "to", "and", "but",
    "or", "since", "until", "after", "before", "only", "just", "all", "another", "these",
    "those", "its", "their", "his", "her", "our", "my", "your", "total", "both", "some",
} | full_names(MONTHS) | full_names(WEEKDAYS)


def _is_model_number(number: str, before: str, after: str) -> bool:
    """A bare whole number right after a name is a model or series: "Leopard 2 tanks",
    "Boeing 777". A person noun after it keeps the count ("In Kharkiv 3 people")."""
    if not number.isdigit():
        return False
    name = re.search(r"(?<![\w'’])([A-Za-z][\w&]*)\s+$", before)
    if not name or not any(c.isupper() for c in name.group(1)):
        return False
    if name.group(1).lower() in _NOT_NAMES or name.group(1).lower() in BOUND_WORDS:
        return False
    noun = re.match(r"\s+([a-z]+)", after)
    return not (noun and is_person(noun.group(1))) and not after.startswith("%")


_ENDS_IN_OF = re.compile(r"\s+of$", re.IGNORECASE)


def _numbers(m: re.Match) -> tuple[float, float | None] | None:
    """(value, upper end of a range or None); None when the match is no amount. A "range"
    whose upper end is below its lower one is a score or a code ("won 3-0"), not an amount."""
    if m["vague"]:
        key = re.sub(r"\s+", " ", m["vague"].lower())
        return VAGUE_COUNTS.get(key) or WEAK_VAGUE.get(key) or VAGUE_BARE[key]
    low = parse_number(m["num"])
    if low is None:
        return None
    if not m["num2"]:
        return low, None
    high = parse_number(m["num2"])
    if high is None:
        return None
    if not re.search(r"[a-z]", m["num"], re.I):
        # "1.5 to 2 billion": the scale of the upper number carries to the lower one.
        bare_high = parse_number(re.sub(r"[^\d.,]", "", m["num2"])) or high
        if bare_high > 0 and high > bare_high and low <= bare_high:
            low *= high / bare_high
    return (low, high) if high >= low else None


def _bound(m: re.Match, high: float | None) -> str:
    if m["vague"] or high is not None:
        return "range"
    return "approx" if m["orso"] else bound_of(m["bound"])


def _counted(text: str, m: re.Match, doc: Any
             ) -> tuple[str | None, str | None, str | None, int] | None:
    """The unit, normalised unit and entity of the noun a number counts, and where the quantity
    ends; None when a number without a noun is no amount."""
    after_of = bool(m["vague"] and _ENDS_IN_OF.search(m["vague"]))
    found = counted_noun(text, m.end(), doc, m.start("num") if m["num"] else m.start(), after_of)
    if found:
        entity = singular(found.text)
        return found.text.lower(), "people" if found.people else entity, entity, found.end
    if m["vague"] and m["vague"].lower() in WEAK_VAGUE:
        return None
    if m["num"] and not re.search(r"\d", m["num"]) and not m["vague"]:
        return None  # a bare "two" is more often a pronoun than an amount
    if after_of and m.end() == m.end("vague"):
        # "Dozens of Ukraine's ...": the "of" leads to no counted noun, so it is no part of the count.
        return None, None, None, m.start("vague") + _ENDS_IN_OF.search(m["vague"]).start()
    return None, None, None, m.end()


def _is_list(m: re.Match) -> bool:
    """Two numbers joined by "and" (without "between") or by an "or" too wide for a range."""
    sep = (m["sep"] or "").lower()
    return bool(m["num2"]) and (sep == "or" or sep == "and" and (m["bound"] or "").lower() != "between")


def _build(text: str, m: re.Match, doc: Any) -> Quantity | None:
    numbers = _numbers(m)
    if numbers is None:
        return None
    value, high = numbers
    sep = (m["sep"] or "").lower()
    if sep == "and" and (m["bound"] or "").lower() != "between":
        return None  # "5 and 6" is a list unless "between" makes it a range
    if sep == "or" and high is not None and high - value > 2:
        return None
    symbol = m["cur"] or m["cur2"]
    unit_word = m["unit"]
    code = CURRENCY_SYMBOLS.get(symbol.upper(), symbol.upper()) if symbol else None
    code = code or (CURRENCY_WORDS.get(re.sub(r"\s+", " ", m["curword"].lower()))
                    if m["curword"] else None)
    entity = None
    start, end = m.start(), m.end()
    if m["mscale"] and code:
        value, high = value * 1e6, (high * 1e6 if high is not None else None)
    elif m["mscale"]:
        unit_word = "metres"
    if code:
        unit, norm_unit, factor = code, code, 1.0
    elif unit_word:
        key = measure_key(unit_word)
        unit, norm_unit, factor = MEASURES.get(key.lower()) or (
            key, key, 1.0)
    else:
        counted = _counted(text, m, doc)
        if counted is None:
            return None
        unit, norm_unit, entity, end = counted
        factor = 1.0
    if m["num"] and not re.search(r"\d", m["num"]) and value <= 1 and not (code or unit_word):
        return None  # "one of the", "a tank"
    norm = _scale_to_unit(value, factor)
    norm_high = _scale_to_unit(high, factor) if high is not None else None
    if not all(math.isfinite(v) for v in (value, norm, high or 0.0, norm_high or 0.0)):
        return None  # overflowed by a scale word or unit factor
    return Quantity(text=text[start:end], start=start, end=end, value=value, value_max=high,
                    unit=unit, normalized_value=norm, normalized_unit=norm_unit,
                    bound=_bound(m, high), entity=entity,
                    confidence=level(bool(code or unit_word), bool(entity), bool(m["vague"])),
                    normalized_value_max=norm_high)


def find_quantities(text: str, doc: Any = None,
                    skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in `text`; `skip` holds spans (times) whose numbers are not amounts."""
    times = SpanSet(skip or [])
    read_first = find_fractions(text, times) + find_ledger(text, times)
    taken = SpanSet((skip or []) + [(q.start, q.end) for q in read_first])
    found: list[Quantity] = []
    pos = 0
    while (m := QUANTITY_RE.search(text, pos)) is not None:
        pos = max(m.end(), m.start() + 1)
        num_start = m.start("num") if m["num"] else m.start()
        num_end = m.end("num") if m["num"] else m.end()
        # A range belongs to a date when either end does: "the night of 5-6 May".
        numbers_end = m.end("num2") if m["num2"] else num_end
        if taken.overlaps(num_start, numbers_end):
            continue
        if m["num"] and (_is_clock_time(text, num_start, numbers_end)
                         or _DOTTED.match(text, numbers_end)):
            continue
        # An amount of money is never a name: "GBP 90m" is not "Boeing 777".
        if m["num"] and not m["cur"] and _is_designation(text, num_start, numbers_end):
            continue
        quantity = _build(text, m, doc)
        if quantity is None and _is_list(m):
            # "rose to 35 and 120 people were wounded": two counts, each read on its own.
            first = QUANTITY_RE.match(text, m.start(), m.end("num"))
            quantity = _build(text, first, doc) if first else None
            pos = m.start("num2")
        if quantity is not None:
            found.append(quantity)
    found = sorted(found + read_first, key=lambda q: q.start)
    return link_counts(read_tolls(found, text), text)
