"""The `sitrep_quantities` stage: amounts with their bound, range, unit and counted noun.

The extractor lives in `sitrep.quantity`; this module registers the spaCy component. It
reads `doc._.sitrep_times` so that "24 February" or "four days" are not counted as amounts.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.model import Quantity
from sitrep.quantity.extract import find_quantities as _find
from sitrep.within import within

__all__ = ["find_quantities", "quantities_stage", "quantities_within"]


def find_quantities(text: str, doc: Any = None) -> list[Quantity]:
    """Quantities in `text`; with a Doc, numbers inside its time expressions are skipped."""
    times = getattr(doc._, "sitrep_times", None) if doc is not None else None
    if times is None:
        from sitrep.timex import find_times  # without a times stage, find them ourselves
        published = getattr(doc._, "sitrep_published", None) if doc is not None else None
        times = find_times(text, published)
    return _find(text, doc, [(t.start, t.end) for t in times])


def quantities_within(doc: Doc, start: int, end: int, quantities: list[Quantity] | None = None,
                      ) -> list[Quantity]:
    """The quantities (by default `doc._.sitrep_quantities`, which come sorted by start) lying
    wholly inside [start, end), in text order."""
    return within(doc._.sitrep_quantities or [] if quantities is None else quantities, start, end)


@Language.component("sitrep_quantities")
def quantities_stage(doc: Doc) -> Doc:
    doc._.sitrep_quantities = find_quantities(doc.text, doc)
    return doc
