"""The contract check itself: a good record passes, and each kind of breach is named."""

from __future__ import annotations

import copy

from samples import sample_extraction
from sitrep.contract import problems


def _record() -> dict:
    return sample_extraction().to_dict()


def test_a_record_built_from_the_model_honours_the_contract():
    assert problems(_record()) == []


def test_unknown_fields_are_refused_at_every_level():
    for path in (("places", 0), ("events", 0), ("events", 0, "location"), ("claims", 0),
                 ("quantities", 0), ("times", 0), ()):
        record = copy.deepcopy(_record())
        target = record
        for key in path:
            target = target[key]
        target["surprise"] = 1
        assert any("surprise" in p for p in problems(record)), path


def test_offsets_must_point_at_the_quoted_text():
    record = _record()
    record["times"][0]["start"] += 1
    assert any(p.startswith("times/0") for p in problems(record))
    record = _record()
    record["places"][0]["mentions"][0]["end"] = len(record["text"]) + 5
    assert any("outside the text" in p for p in problems(record))


def test_values_outside_their_ranges_are_refused():
    record = _record()
    record["places"][0]["lat"] = 123.0
    record["events"][0]["confidence"] = 1.5
    found = problems(record)
    assert any(p.startswith("places/0") for p in found)
    assert any(p.startswith("events/0/confidence") for p in found)


def test_a_part_must_point_at_a_quantity_of_the_record():
    record = _record()
    whole = record["quantities"][0]
    end = whole["end"] + 2  # "June 3" holding "June": a stand-in part, only its span matters
    part = dict(whole, end=end, text=record["text"][whole["start"]:end],
                part_of={"start": whole["start"], "end": whole["end"], "text": whole["text"]})
    record["quantities"].append(part)
    assert problems(record) == []
    part["part_of"] = {"start": 0, "end": 3, "text": record["text"][:3]}
    assert problems(record) == ["quantities/1/part_of: 0-3 is no other quantity"]
    whole["part_of"] = {"start": whole["start"], "end": whole["end"], "text": "nonsense"}
    found = problems(record)
    assert any("quantities/0/part_of: text[" in p for p in found)
    assert any("quantities/0/part_of" in p and "is no other quantity" in p for p in found)
    record = _record()
    record["claims"][0]["quantities"][0]["part_of"] = {"start": 0, "end": 3,
                                                       "text": record["text"][:3]}
    assert problems(record) == ["claims/0/quantities/0/part_of: 0-3 is no other quantity"]


def test_the_schema_itself_is_a_valid_json_schema():
    import jsonschema

    from sitrep.contract import schema

    jsonschema.Draft202012Validator.check_schema(schema())
