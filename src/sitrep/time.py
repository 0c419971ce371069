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

    def __init__(self, use_parse: bool = True) -> None:
        # The tense of a clause is read from a word window first; the parse settles only what
        # the window leaves open (on the dev split the parse first scored value F1 78.97, the
        # window first 79.56, the window alone the same).
        self.use_parse = use_parse

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.sitrep_published if Doc.has_extension("sitrep_published") else None
        doc._.sitrep_times = find_times(doc.text, published, doc if self.use_parse else None)
        return doc


@Language.factory("sitrep_times", default_config={"use_parse": True})
def make_times_stage(nlp: Language, name: str, use_parse: bool) -> TimesStage:
    return TimesStage(use_parse=use_parse)
