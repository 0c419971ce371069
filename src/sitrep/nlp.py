"""Loading spaCy and assembling sitrep's stages as spaCy components.

Each stage is a component registered by name (`sitrep_times`, `sitrep_places`, ...) in
its own module; it reads what earlier stages left on the Doc and writes its own
`doc._.sitrep_<stage>` list. The publication date rides on `doc._.sitrep_published`
so that relative dates resolve against the report's own date.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .settings import DEFAULT_MODEL, MODEL_PACKAGE_HINT

# Stage name -> module that registers it. Order matters: later stages read earlier ones.
STAGES: dict[str, str] = {
    "sitrep_times": "sitrep.time",
    "sitrep_quantities": "sitrep.quantities",
    "sitrep_places": "sitrep.geo.component",
    "sitrep_events": "sitrep.events",
    "sitrep_claims": "sitrep.claims",
}

for _name in ("published", "times", "quantities", "places", "events", "claims"):
    if not Doc.has_extension(f"sitrep_{_name}"):
        Doc.set_extension(f"sitrep_{_name}", default=None)


class ModelMissing(RuntimeError):
    """The spaCy model is not installed; the message says what to install."""


def load_spacy(model: str = DEFAULT_MODEL) -> Language:
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model '{model}' is not installed; install it with: {MODEL_PACKAGE_HINT}"
        ) from exc


def build_pipeline(
    model: str = DEFAULT_MODEL,
    stages: Iterable[str] = STAGES,
    config: dict[str, dict] | None = None,
) -> Language:
    """The spaCy model with sitrep's stages appended; `config` is per-stage settings."""
    nlp = load_spacy(model)
    importlib.import_module("sitrep.segments")
    # Paragraph breaks go in before whatever sets the sentences; a model with none gets
    # spaCy's rule-based sentencizer, as the stages read sentences.
    setter = next((name for name in ("senter", "parser", "sentencizer") if name in nlp.pipe_names),
                  None)
    if setter is None:
        setter = "sentencizer"
        nlp.add_pipe(setter)
    nlp.add_pipe("sitrep_paragraphs", before=setter)
    config = config or {}
    for stage in stages:
        importlib.import_module(STAGES[stage])
        nlp.add_pipe(stage, last=True, config=config.get(stage, {}))
    return nlp
