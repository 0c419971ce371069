"""Loss ledgers: "tanks — 11,352 (+4); armoured combat vehicles — 23,571 (+7); ...".

The Ukrainian General Staff's daily tally, and the lists written after it, put the counted
noun BEFORE a dash and the number after it, with the day's increase in brackets. Read left to
right, each number would take the next item's noun and "(+4)" would be a unit; here each total
takes its own label, and each increase is a count of the same thing that is part of its total
(`part_of`): the day's losses are already inside the running total, so the two are never added.

Only a run of two or more such items, one after the other, is a ledger: a lone "the result —
3" in prose is left to the main pattern. A header such as "the total combat losses ... were
approximately:" bounds every total of its ledger; the increases keep their own bound.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.model import Evidence, Quantity
from sitrep.quantity.confidence import COUNTED
from sitrep.quantity.numbers import DIGIT_NUMBER, parse_number
from sitrep.quantity.units import is_known_count_noun, is_person, singular
from sitrep.quantity.vague import BOUND_PATTERN, bound_of
from sitrep.within import SpanSet

_LABEL_WORD = r"[A-Za-z][\w'’/-]*"
# An item opens a line or follows a separator; bullets and emoji may lead it ("👉 tanks — 4").
_ITEM = re.compile(
    rf"(?:^|[\n;:,])[^\S\n]*[^\w\s]*[^\S\n]*"
    rf"(?P<label>{_LABEL_WORD}(?:[^\S\n]+{_LABEL_WORD}){{0,4}})[^\S\n]*(?:[—–‒―-]|:)[^\S\n]*"
    rf"(?:(?P<bound>{BOUND_PATTERN})[^\S\n]+)?(?P<num>{DIGIT_NUMBER})"
    rf"(?:[^\S\n]*\([^\S\n]*(?P<plus>\+)[^\S\n]*(?P<inc>{DIGIT_NUMBER})[^\S\n]*\))?"
    rf"(?:[^\S\n]+(?:persons|people)\b)?[^\S\n]*(?=[;,.]|\n|$)",
    re.IGNORECASE,
)
_BETWEEN_ITEMS = re.compile(r"[\s;,.]*")
_HEADER_APPROX = re.compile(r"\b(?:approximately|approx\.|roughly|estimated)\b|"
                            r"\b(?:about|around)\s*:\s*$", re.IGNORECASE)
_HEADER_START = re.compile(r".*(?:[.!?]\s|\n\s*\n)", re.DOTALL)


def find_ledger(text: str, skip: SpanSet) -> list[Quantity]:
    """The totals and daily increases of every ledger in `text`, in text order; items whose
    numbers a time expression holds are left out."""
    found: list[Quantity] = []
    for run in _runs(text):
        approx = _header_is_approx(text, run[0].start("label"))
        for m in run:
            numbers_end = m.end("inc") if m["inc"] else m.end("num")
            if _names_a_noun(m["label"]) and not skip.overlaps(m.start("num"), numbers_end):
                found.extend(_item(m, approx))
    return found


def _runs(text: str) -> list[list[re.Match]]:
    """Items that follow one another with only separators between them, two or more a run."""
    runs: list[list[re.Match]] = []
    current: list[re.Match] = []
    for m in _ITEM.finditer(text):
        if current and _BETWEEN_ITEMS.fullmatch(text, current[-1].end(), m.start()) is None:
            runs.append(current)
            current = []
        current.append(m)
    runs.append(current)
    return [run for run in runs if len(run) >= 2]


def _header_is_approx(text: str, first_label: int) -> bool:
    window_start = max(0, first_label - 300)
    header = text[window_start:first_label]
    opening = _HEADER_START.match(header)
    return bool(_HEADER_APPROX.search(header[opening.end() if opening else 0:]))


def _names_a_noun(label: str) -> bool:
    """A label that counts something: "tanks", "MLRS", "UAVs", "Personnel"; a name such as
    "Kharkiv — 3; Sumy — 2" (shelling per region) says where, not what, and is left alone."""
    head = label.split()[-1].split("/")[0]
    return (head[0].islower() or head.isupper() or bool(re.fullmatch(r"[A-Z]{2,}s", head))
            or is_known_count_noun(head))


def _item(m: re.Match, approx: bool) -> list[Quantity]:
    label = re.sub(r"\s+", " ", m["label"])
    entity = _entity_of(label)
    noun = (label.lower(), "people" if is_person(label.split()[-1]) else entity, entity)
    bound = bound_of(m["bound"])
    total = _count(m.string, m.start("label"), m.end("num"), m["num"],
                   "approx" if bound == "exact" and approx else bound, noun)
    if not m["inc"]:
        return [total]
    increase = _count(m.string, m.start("plus"), m.end("inc"), m["inc"], "exact", noun)
    return [total, replace(increase, part_of=Evidence(total.start, total.end, total.text))]


def _count(text: str, start: int, end: int, number: str, bound: str,
           noun: tuple[str, str, str]) -> Quantity:
    unit, norm_unit, entity = noun
    value = parse_number(number) or 0.0  # digits only: always a number
    return Quantity(text=text[start:end], start=start, end=end, value=value, value_max=None,
                    unit=unit, normalized_value=value, normalized_unit=norm_unit, bound=bound,
                    entity=entity, confidence=COUNTED)


def _entity_of(label: str) -> str:
    """The label in the singular: "ships/boats" -> "ship/boat", "operational-tactical UAVs"
    -> "operational-tactical uav"; an acronym in capitals ("MLRS") is no plural."""
    *modifiers, head = label.split(" ")
    forms = [part.lower() if part.isupper() else
             part[:-1].lower() if re.fullmatch(r"[A-Z]{2,}s", part) else singular(part)
             for part in head.split("/")]
    return " ".join([*(w.lower() for w in modifiers), "/".join(forms)])
