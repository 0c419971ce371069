"""How firmly a passage is reported: doubt words and modals inside it, or a wire disclaimer
("could not be independently verified") in its sentence or later in its paragraph. Read by the
claims stage (a claim's `hedged`) and the events stage (an event's).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span

from sitrep.segments import text_of

if TYPE_CHECKING:
    from sitrep.attribution import Attribution

# Words by which a speaker or the reporter doubts the content. Approximation ("about 50 miles")
# is no doubt: the quantity carries it as its own bound.
HEDGE_WORDS = frozenset(
    "reportedly allegedly purportedly apparently unconfirmed unverified possibly presumably perhaps likely probably".split())
HEDGE_MODALS = frozenset("may might could".split())  # only as modal verbs: "May" is also a month
# The wire disclaimer that hedges the claim before it (or in the same sentence).
UNVERIFIED = re.compile(
    r"\b(?:could not|couldn't|cannot|can't|has not|have not|was not|were not|not)\s+"
    r"(?:be\s+|been\s+|also\s+)*(?:immediately\s+|independently\s+)*(?:verif|confirm|check)",
    re.IGNORECASE,
)
# doc.user_data key of the disclaimer search, done once per segment.
UNVERIFIED_KEY = "sitrep_unverified"


def is_hedged(seg: Span, start: int, end: int) -> bool:
    """Hedge words in [start, end), or a 'could not be verified' note in the segment."""
    if says_unverified(seg):
        return True
    # Only the tokens of [start, end): a walk over the whole segment per claim was quadratic.
    low, high = max(start, seg.start_char), min(end, seg.end_char)
    inside = seg.doc.char_span(low, high, alignment_mode="expand") if low < high else None
    tokens = [t for t in inside if start <= t.idx < end] if inside is not None else []
    return any(t.lower_ in HEDGE_WORDS or (t.lower_ in HEDGE_MODALS and t.tag_ == "MD") for t in tokens)


def says_unverified(seg: Span) -> bool:
    """Whether the segment carries a 'could not be verified' note; searched once per segment
    (a claim or event asks for each of its own) and kept in `doc.user_data`."""
    found = seg.doc.user_data.setdefault(UNVERIFIED_KEY, {})
    key = (seg.start, seg.end)
    if key not in found:
        found[key] = UNVERIFIED.search(seg.text) is not None
    return found[key]


def disclaimed(per_segment: list[tuple[Span, list[Attribution]]], quiet_only: bool) -> list[bool]:
    """Per segment: whether a later "could not be verified" sentence of the same paragraph covers it.

    Wire copy puts the disclaimer after the claims it qualifies ("X said ... Y said ... The accounts
    could not be verified."), often with a sentence between; a new paragraph starts a new subject.
    With `quiet_only`, a disclaimer that makes attributions of its own covers only those.
    """
    covered = [False] * len(per_segment)
    for j, (seg, found) in enumerate(per_segment):
        if not says_unverified(seg) or (quiet_only and found):
            continue
        i = j - 1
        text = text_of(seg.doc)
        # A covered segment means an earlier disclaimer already covered back to the paragraph start.
        while i >= 0 and not covered[i] and "\n\n" not in text[
                per_segment[i][0].end_char : per_segment[i + 1][0].start_char]:
            covered[i] = True
            i -= 1
    return covered
