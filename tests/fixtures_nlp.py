"""Session-wide spaCy pipelines for the stage tests.

Loading the model is the slow part of these tests, so it happens once per session: the
builder is cached at module level, and `nlp_times` is session-scoped. Registered as a pytest
plugin from tests/conftest.py (`pytest_plugins = ["fixtures_nlp"]`); test modules may also
import the fixture directly - the cache still loads the model only once.
"""

from __future__ import annotations

import functools

import pytest
from spacy.language import Language


@functools.cache
def stage_pipeline(*stages: str) -> Language:
    from sitrep.nlp import build_pipeline

    return build_pipeline(stages=list(stages))


@pytest.fixture(scope="session")
def nlp_times() -> Language:
    return stage_pipeline("sitrep_times", "sitrep_quantities")


@pytest.fixture(scope="session")
def nlp_events_claims() -> Language:
    return stage_pipeline("sitrep_events", "sitrep_claims")
