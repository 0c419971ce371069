"""The public output contract: its JSON Schema and a check that offsets really point at text."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    path = resources.files("sitrep") / "schema" / "extraction.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def problems(record: dict[str, Any]) -> list[str]:
    """Everything wrong with one extraction record; empty when it honours the contract."""
    validator = jsonschema.Draft202012Validator(schema())
    found = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
             for e in validator.iter_errors(record)]
    if not found:
        found.extend(_offset_problems(record))
    return found


def _offset_problems(record: dict[str, Any]) -> list[str]:
    text, found = record["text"], []

    def check(where: str, start: int, end: int, expected: str | None = None) -> None:
        if not 0 <= start <= end <= len(text):
            found.append(f"{where}: span {start}-{end} outside the text")
        elif expected is not None and text[start:end] != expected:
            found.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {expected!r}")

    for i, place in enumerate(record["places"]):
        for j, m in enumerate(place["mentions"]):
            check(f"places/{i}/mentions/{j}", m["start"], m["end"])
    for kind in ("events", "claims"):
        for i, item in enumerate(record[kind]):
            ev = item["evidence"]
            check(f"{kind}/{i}/evidence", ev["start"], ev["end"], ev["text"])
    for kind in ("quantities", "times"):
        for i, item in enumerate(record[kind]):
            check(f"{kind}/{i}", item["start"], item["end"], item["text"])
    spans = {(q["start"], q["end"]) for q in record["quantities"]}
    quantities = [(f"quantities/{i}", q) for i, q in enumerate(record["quantities"])] + [
        (f"claims/{i}/quantities/{j}", q) for i, claim in enumerate(record["claims"])
        for j, q in enumerate(claim["quantities"])]
    for where, quantity in quantities:
        whole = quantity["part_of"]
        if whole is None:
            continue
        span = (whole["start"], whole["end"])
        check(f"{where}/part_of", *span, whole["text"])
        if span not in spans or span == (quantity["start"], quantity["end"]):
            found.append(f"{where}/part_of: {span[0]}-{span[1]} is no other quantity")
    return found
