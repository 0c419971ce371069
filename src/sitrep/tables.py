"""Tab-separated tables shipped in sitrep/data."""

from __future__ import annotations

from importlib import resources


def load_table(name: str) -> list[list[str]]:
    """A tab-separated table from sitrep/data, comments and blank lines dropped."""
    text = resources.files("sitrep.data").joinpath(name).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines())
    return [row for row in rows if row[0] and not row[0].startswith("#")]
