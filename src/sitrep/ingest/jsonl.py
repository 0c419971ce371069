"""JSON Lines: one document per line.

Fields: `text` (required), `id`, `title`, `published`, `url`, `source`, `language`,
`author`; anything else is kept in `meta`. A bad line is reported with its line number
and the other lines are still read.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Document
from . import IngestProblem
from .base import Items, source_name
from .dates import to_iso_date
from .jsontext import JsonText, parse_json
from .language import normalise_code

_KNOWN = frozenset({"text", "id", "title", "published", "url", "source", "language", "author"})


def read(source: JsonText, where: str) -> Items:
    name = source_name(where)
    # Split on newlines only: JSON strings may legally hold U+2028, which splitlines() breaks.
    lines = [(number, line) for number, line in enumerate(source.text.split("\n"), start=1)
             if line.strip()]
    if len(lines) == 1 and source.is_parsed:
        # A one-line file the sniffer has parsed whole: the line's value is the file's.
        number, _line = lines[0]
        yield record_from_value(source.value(), f"{where}:{number}", name)
        return
    for number, line in lines:
        yield record_document(line.rstrip("\r"), f"{where}:{number}", name)


def record_document(line: str, where: str, default_source: str) -> Document | IngestProblem:
    try:
        record = parse_json(line)
    except json.JSONDecodeError as error:
        return IngestProblem(where, f"malformed JSON line ({error.msg}, column {error.colno})")
    return record_from_value(record, where, default_source)


def record_from_value(record: Any, where: str, default_source: str) -> Document | IngestProblem:
    if not isinstance(record, dict):
        return IngestProblem(where, f"expected a JSON object, got {type(record).__name__}")
    return document_from_record(record, where, default_source)


def document_from_record(
    record: dict[str, Any], where: str, default_source: str
) -> Document | IngestProblem:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestProblem(where, "missing or empty 'text' field")
    meta: dict[str, Any] = {"format": "jsonl"}
    meta.update({key: value for key, value in record.items() if key not in _KNOWN})
    published = to_iso_date(record.get("published"))
    if record.get("published") is not None and published is None:
        meta["published_raw"] = record["published"]
    return Document(
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        source=_string(record.get("source")) or default_source,
        external_id=_string(record.get("id")),
        url=_string(record.get("url")),
        title=_string(record.get("title")),
        published=published,
        language=normalise_code(record.get("language")),
        author=_string(record.get("author")),
        origin=where,
        meta=meta,
    )


def _string(value: Any) -> str | None:
    """Ids may be numbers in the wild; everything else must already be a string."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
