"""The `sitrep_quantities` stage: amounts with their bound, range, unit and counted noun.

The extractor lives in `sitrep.quantity`; this module registers the spaCy component. It
reads `doc._.sitrep_times` so that "24 February" or "four days" are not counted as amounts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.model import Quantity
from sitrep.quantity.extract import find_quantities as _find

__all__ = ["find_quantities", "quantities_stage", "quantities_within"]

# doc.user_data key of the start-sorted index that `quantities_within` builds once per Doc.
_INDEX_KEY = "sitrep_quantity_index"


def find_quantities(text: str, doc: Any = None) -> list[Quantity]:
    """Quantities in `text`; with a Doc, numbers inside its time expressions are skipped."""
    times = getattr(doc._, "sitrep_times", None) if doc is not None else None
    if times is None:
        from sitrep.timex import find_times  # without a times stage, find them ourselves
        published = getattr(doc._, "sitrep_published", None) if doc is not None else None
        times = find_times(text, published, doc)
    return _find(text, doc, [(t.start, t.end) for t in times])


def quantities_within(doc: Doc, start: int, end: int, quantities: list[Quantity] | None = None,
                      ) -> list[Quantity]:
    """The quantities (by default `doc._.sitrep_quantities`) lying wholly inside [start, end),
    in text order. Sentences and claims each ask for theirs; bisection on an index sorted once
    per Doc keeps that linear on long documents, where a scan per sentence was quadratic."""
    if quantities is None:
        quantities = doc._.sitrep_quantities or []
    index = doc.user_data.get(_INDEX_KEY)
    if index is None or index[0] is not quantities:
        ordered = sorted(quantities, key=lambda q: q.start)
        index = doc.user_data[_INDEX_KEY] = (quantities, [q.start for q in ordered], ordered)
    _, starts, ordered = index
    window = ordered[bisect_left(starts, start) : bisect_right(starts, end)]
    return [q for q in window if q.end <= end]


@Language.component("sitrep_quantities")
def quantities_stage(doc: Doc) -> Doc:
    doc._.sitrep_quantities = find_quantities(doc.text, doc)
    return doc
