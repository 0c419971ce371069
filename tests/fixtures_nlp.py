"""Session-wide spaCy pipelines for the stage tests.

Building a pipeline is the slow part of these tests, so each set of stages is built once per
session: `stage_pipeline` is cached, and the fixtures below hand out its pipelines. Registered
as a pytest plugin from tests/conftest.py (`pytest_plugins = ["fixtures_nlp"]`).
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


@pytest.fixture(scope="session")
def nlp_places() -> Language:
    return stage_pipeline("sitrep_places")
