"""Readers: every supported input format becomes `Document`s.

`read_inputs(paths)` walks files, directories (recursively) and `-` (stdin), recognises
each format by content and extension, and yields `Document`s interleaved with
`IngestProblem`s. A problem never stops the batch: it names the file (and line or
record) and says what is wrong in one line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class IngestProblem:
    """One bad input, or one deliberately skipped document (`skipped=True`)."""

    where: str  # "path", "path:line" or "path#record"
    message: str
    skipped: bool = False

    def line(self) -> str:
        return f"{self.where}: {self.message}"


from .dispatch import read_inputs  # noqa: E402  (IngestProblem must exist first)

__all__ = ["IngestProblem", "read_inputs"]
