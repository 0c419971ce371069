"""What every reader shares: its result type and how a file becomes a source name."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..model import Document
from . import IngestProblem

Items = Iterator[Document | IngestProblem]

STDIN_WHERE = "<stdin>"


def source_name(where: str) -> str:
    """A stable, human source name for a file: its basename ('stdin' for standard input)."""
    if where == STDIN_WHERE:
        return "stdin"
    return os.path.basename(where.rstrip("/\\")) or where
