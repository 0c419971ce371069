"""Small helpers shared by the ingest tests."""

from __future__ import annotations

from pathlib import Path

from sitrep.ingest import IngestProblem, read_inputs
from sitrep.model import Document


def read_all(*paths: str | Path, **kwargs) -> list[Document | IngestProblem]:
    return list(read_inputs([str(path) for path in paths], **kwargs))


def documents(items) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def problems(items) -> list[IngestProblem]:
    return [item for item in items if isinstance(item, IngestProblem)]
