"""Counts read through another count in their sentence.

* Parts: "two of the 11 drones", "12 people were killed, including three children", "Of the
  300 soldiers, 40 were wounded". Both numbers are true and both are kept, but they must not
  be added up: the part points at its whole through `part_of` (the whole's span), so a reader
  totalling casualties or drones counts the whole once. A whole is taken in the part's
  sentence, before the part or around it; "41 of them" may also point into the sentence before
  and "105 of the drones" up to two sentences back, as both name a count already given. A count
  is never made part of one in another unit ("12 people ... three tanks") or of a smaller one.
* Others: "killed 14 people and wounded 52 others", "six died and 12 more were hurt" are
  counted in the noun of the nearest earlier count.

A bare count read this way takes the other count's noun, and the confidence of a counted
noun in place of a bare number's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from sitrep.model import Evidence, Quantity
from sitrep.quantity.confidence import as_counted
from sitrep.within import within

_SENTENCE_END = re.compile(r"[.!?]\s")
# Just before the part: "..., including three children", "..., among them four women".
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s*,?\s*$",
                        re.IGNORECASE)
# After the part's number: "12 people were killed, three of them children".
_OF_THEM = re.compile(r"\S+\s+of\s+(?:them|whom)\b", re.IGNORECASE)
# Right after a part whose span is its number: "41 of them".
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|those)\b", re.IGNORECASE)
# Inside a part that names its whole by its noun alone: "105 of the drones".
_OF_THE_NOUN = re.compile(r"\bof\s+(?:the|these|those)\s+[^\d\s]", re.IGNORECASE)
# Inside the part, between its number and the whole: "two of the 11 drones".
_OF_THE = re.compile(r"\s+of\s+(?:the|these|those|its|their|all)?\s*$", re.IGNORECASE)
# Before the whole that opens its clause: "Of the 300 soldiers, 40 were wounded".
_LEADING_OF = re.compile(r"(?:^|[.!?;]\s+|\n)\s*Of\s+(?:the|these|those)\s+$")


def link_counts(found: list[Quantity], text: str) -> list[Quantity]:
    """`found` sorted by start, with "others" counted and parts linked to their wholes."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    return _link_parts(_count_others(found, text, ends), text, ends)


def counted_as(count: Quantity, source: Quantity) -> Quantity:
    """`count` in the noun `source` counts; the unit stays as written. Only a bare count moves
    from a bare number's confidence to a counted noun's (a vague one keeps its factor)."""
    if count.entity is not None and count.entity not in _ANAPHORIC:
        return count
    bare = count.entity is None and count.unit is None
    return replace(count, entity=source.entity, normalized_unit=source.normalized_unit,
                   confidence=as_counted(count.confidence) if bare
                   else count.confidence)


def _same_sentence(ends: list[int], first: Quantity, later: Quantity) -> bool:
    return bisect_left(ends, later.start) == bisect_left(ends, first.end)


_ANAPHORIC = {"other", "more"}
_MORE = re.compile(r"\s+more\b")


def _count_others(found: list[Quantity], text: str, ends: list[int]) -> list[Quantity]:
    counted = list(found)
    for i, count in enumerate(found):
        bare_more = count.entity is None and count.unit is None and _MORE.match(text, count.end)
        if count.entity not in _ANAPHORIC and not bare_more:
            continue
        for j in range(i - 1, -1, -1):
            earlier = counted[j]
            if not _same_sentence(ends, earlier, count):
                break
            if earlier.entity and earlier.entity not in _ANAPHORIC:
                counted[i] = counted_as(count, earlier)
                break
    return counted


def _link_parts(found: list[Quantity], text: str, ends: list[int]) -> list[Quantity]:
    leading = [i for i, q in enumerate(found)
               if _LEADING_OF.search(text, max(0, q.start - 40), q.start)]
    linked = list(found)
    for i, part in enumerate(found):
        if part.part_of is not None:
            continue  # linked where it was read: a ledger's "(+4)" to its total
        whole = _containing_whole(found, part, text) or _earlier_whole(
            linked, i, text, ends, leading)
        if whole is None:
            continue
        linked[i] = replace(part, part_of=Evidence(whole.start, whole.end, whole.text))
        if part.entity is None and part.unit is None and whole.entity is not None:
            linked[i] = counted_as(linked[i], whole)
    return linked


def _containing_whole(found: list[Quantity], part: Quantity, text: str) -> Quantity | None:
    for whole in within(found, part.start + 1, part.end):
        if _OF_THE.search(text, part.start, whole.start):
            return whole
    return None


def _earlier_whole(linked: list[Quantity], i: int, text: str, ends: list[int],
                   leading: list[int]) -> Quantity | None:
    """The whole before the part: after "including" the nearest fitting count in its sentence,
    after "41 of them" also in the sentence before, after "105 of the drones" a count of drones
    up to two sentences before; otherwise only a count opened by "Of the" in its sentence."""
    part = linked[i]
    reach = _reach(text, part)
    # `leading` is in text order: walk back from the part without copying it.
    candidates = (range(i - 1, -1, -1) if reach is not None
                  else (leading[k] for k in range(bisect_left(leading, i) - 1, -1, -1)))
    for j in candidates:
        whole = linked[j]
        if whole.end > part.start or whole.part_of is not None or _smaller(whole, part):
            continue
        if _sentences_apart(ends, whole, part) > (reach or 0):
            return None
        if _same_kind(part, whole):
            return whole
        if whole.entity is None and whole.unit is None:
            # "killed 8 people and wounded 20, including four children": among the 20.
            return whole if part.normalized_unit == "people" else None
    return None


def _reach(text: str, part: Quantity) -> int | None:
    """How many sentences back the part's cue lets its whole lie; None without a cue."""
    if _INCLUDING.search(text, max(0, part.start - 30), part.start):
        return 0
    if _OF_THEM.match(text, part.start) or _OF_THEM_AFTER.match(text, part.end):
        return 1  # "Russia launched 46 drones. Our defenders stopped 41 of them."
    if part.entity is not None and _OF_THE_NOUN.search(part.text):
        return 2  # "the drones" names a count the reader has already been given
    return None


def _smaller(whole: Quantity, part: Quantity) -> bool:
    """A whole below its part is some other count: "46 drones and 3 missiles ... 41 of them"."""
    return (whole.value_max if whole.value_max is not None else whole.value) < part.value


def _sentences_apart(ends: list[int], whole: Quantity, part: Quantity) -> int:
    return bisect_left(ends, part.start) - bisect_left(ends, whole.end)


def _same_kind(part: Quantity, whole: Quantity) -> bool:
    if part.entity is None and part.unit is None:
        return whole.entity is not None or whole.normalized_unit == "people"
    return part.normalized_unit == whole.normalized_unit
