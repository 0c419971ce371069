"""Plain text (.txt, wire copy): one document per file.

The text is kept exactly as decoded (only newlines normalised) so that offsets computed
on it point at what the analyst sees in the file.
"""

from __future__ import annotations

from ..model import Document
from . import IngestProblem
from .base import Items, source_name
from .decoding import decode_text, normalise_newlines

# A first line this short, followed by a blank line, is a headline rather than prose.
_MAX_TITLE_CHARS = 150


def read(data: bytes, where: str) -> Items:
    raw, encoding = decode_text(data)
    text = normalise_newlines(raw)
    if not text.strip():
        yield IngestProblem(where, "empty file")
        return
    document = Document(
        text=text,
        source=source_name(where),
        title=guess_title(text),
        origin=where,
        meta={"format": "text", "encoding": encoding},
    )
    yield document  # its dateline is read in dispatch, as for every reader


def guess_title(text: str) -> str | None:
    body = text.lstrip("\n")
    first, sep, rest = body.partition("\n")
    first = first.strip()
    if not sep or not first or len(first) > _MAX_TITLE_CHARS:
        return None
    if not rest.startswith("\n") and not rest.lstrip(" \t").startswith("\n"):
        return None
    if not rest.strip():  # a one-line text is the story itself, not a headline
        return None
    return first
