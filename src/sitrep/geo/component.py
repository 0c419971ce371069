"""The `sitrep_places` pipeline stage and plain functions for scripts and benchmarks."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.geo.recognise import Recogniser
from sitrep.geo.resolve import Resolver
from sitrep.geo.store import get_gazetteer

if not Doc.has_extension("sitrep_places"):
    Doc.set_extension("sitrep_places", default=None)


class PlacesComponent:
    """Sets doc._.sitrep_places: one Place per distinct place, with all its mentions."""

    def __init__(self, demonyms_as_places: bool = False):
        self.demonyms_as_places = demonyms_as_places
        self._recogniser: Recogniser | None = None
        self._resolver: Resolver | None = None

    def _ready(self) -> tuple[Recogniser, Resolver]:
        # The gazetteer opens on first document, not at pipeline construction.
        if self._recogniser is None:
            gaz = get_gazetteer()
            self._recogniser = Recogniser(gaz, self.demonyms_as_places)
            self._resolver = Resolver(gaz)
        return self._recogniser, self._resolver

    def __call__(self, doc: Doc) -> Doc:
        recogniser, resolver = self._ready()
        doc._.sitrep_places = resolver.resolve(doc.text, recogniser(doc))
        return doc


@Language.factory("sitrep_places", default_config={"demonyms_as_places": False})
def make_places(nlp: Language, name: str, demonyms_as_places: bool) -> PlacesComponent:
    return PlacesComponent(demonyms_as_places)

