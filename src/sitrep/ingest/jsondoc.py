"""A whole-file JSON value: a Telegram export, one document object, or a list of them."""

from __future__ import annotations

import json

from . import IngestProblem, telegram
from .base import Items, source_name
from .jsonl import document_from_record
from .jsontext import JsonText


def read(source: JsonText, where: str) -> Items:
    try:
        value = source.value()
    except json.JSONDecodeError as error:
        yield IngestProblem(where, f"malformed JSON ({error.msg} at line {error.lineno})")
        return
    name = source_name(where)
    if telegram.is_export(value):
        yield from telegram.read_export(value, where)
    elif isinstance(value, dict) and "text" in value:
        yield document_from_record(value, where, name)
    elif isinstance(value, list) and value:
        for number, record in enumerate(value, start=1):
            item_where = f"{where}#item-{number}"
            if isinstance(record, dict):
                yield document_from_record(record, item_where, name)
            else:
                yield IngestProblem(item_where, "expected a JSON object")
    else:
        yield IngestProblem(
            where, "unsupported JSON: neither a Telegram export nor documents with 'text'"
        )
