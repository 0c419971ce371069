"""The `sitrep_times` stage: TIMEX3 temporal expressions anchored on the publication date.

The rules live in `sitrep.timex`; this module registers the spaCy component and re-exports
the plain functions so callers without spaCy can use them too.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.timex import find_times, resolve_event_date, time_precision

__all__ = ["TimesStage", "find_times", "resolve_event_date", "time_precision"]


class TimesStage:
    """Writes `doc._.sitrep_times`; reads the anchor from `doc._.sitrep_published`."""

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.sitrep_published if Doc.has_extension("sitrep_published") else None
        doc._.sitrep_times = find_times(doc.text, published)
        return doc


@Language.factory("sitrep_times")
def make_times_stage(nlp: Language, name: str) -> TimesStage:
    return TimesStage()
