"""Counts that are part of another count: "two of the 11 drones", "12 people were killed,
including three children", "Of the 300 soldiers, 40 were wounded".

Both numbers are true and both are kept, but they must not be added up: the part points at
its whole through `part_of` (the whole's span), so a reader totalling casualties or drones
counts the whole once. Only a whole in the same sentence, before the part or around it, is
taken; a count is never made part of one in another unit ("12 people ... three tanks").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from sitrep.model import Evidence, Quantity
from sitrep.within import within

_SENTENCE_END = re.compile(r"[.!?]\s")
# Just before the part: "..., including three children", "..., among them four women".
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s*,?\s*$",
                        re.IGNORECASE)
# After the part's number: "12 people were killed, three of them children".
_OF_THEM = re.compile(r"\S+\s+of\s+(?:them|whom)\b", re.IGNORECASE)
# Inside the part, between its number and the whole: "two of the 11 drones".
_OF_THE = re.compile(r"\s+of\s+(?:the|these|those|its|their|all)?\s*$", re.IGNORECASE)
# Before the whole that opens its clause: "Of the 300 soldiers, 40 were wounded".
_LEADING_OF = re.compile(r"(?:^|[.!?;]\s+|\n)\s*Of\s+(?:the|these|those)\s+$")


def link_parts(found: list[Quantity], text: str) -> list[Quantity]:
    """`found` sorted by start; each part gets `part_of` and, when it counts nothing of its
    own ("Of the 300 soldiers, 40 ..."), the whole's counted noun."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    leading = [i for i, q in enumerate(found)
               if _LEADING_OF.search(text, max(0, q.start - 40), q.start)]
    linked = list(found)
    for i, part in enumerate(found):
        whole = _containing_whole(found, part, text) or _earlier_whole(
            linked, i, text, ends, leading)
        if whole is None:
            continue
        linked[i] = replace(part, part_of=Evidence(whole.start, whole.end, whole.text))
        if part.entity is None and part.unit is None and whole.entity is not None:
            linked[i] = replace(linked[i], entity=whole.entity, unit=whole.unit,
                                normalized_unit=whole.normalized_unit)
    return linked


def _containing_whole(found: list[Quantity], part: Quantity, text: str) -> Quantity | None:
    for whole in within(found, part.start + 1, part.end):
        if _OF_THE.search(text, part.start, whole.start):
            return whole
    return None


def _earlier_whole(linked: list[Quantity], i: int, text: str, ends: list[int],
                   leading: list[int]) -> Quantity | None:
    """The whole before the part in its sentence: after "including" or "of them" the
    nearest fitting count; otherwise only a count opened by "Of the"."""
    part = linked[i]
    cue = bool(_INCLUDING.search(text, max(0, part.start - 30), part.start)
               or _OF_THEM.match(text, part.start))
    # `leading` is in text order: walk back from the part without copying it.
    candidates = (range(i - 1, -1, -1) if cue
                  else (leading[k] for k in range(bisect_left(leading, i) - 1, -1, -1)))
    for j in candidates:
        whole = linked[j]
        if whole.end > part.start or whole.part_of is not None:
            continue
        if bisect_left(ends, part.start) != bisect_left(ends, whole.end):
            return None  # a sentence ends between them
        if _same_kind(part, whole):
            return whole
        if whole.entity is None and whole.unit is None:
            # "killed 8 people and wounded 20, including four children": among the 20.
            return whole if part.normalized_unit == "people" else None
    return None


def _same_kind(part: Quantity, whole: Quantity) -> bool:
    if part.entity is None and part.unit is None:
        return whole.entity is not None or whole.normalized_unit == "people"
    return part.normalized_unit == whole.normalized_unit
