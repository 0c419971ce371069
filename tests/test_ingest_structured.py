"""JSON Lines, whole-file JSON and Telegram exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_helpers import documents, problems, read_all

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
WIRE = FIXTURES / "batch" / "nested" / "wire.jsonl"
EXPORT = FIXTURES / "channel_export.json"


def test_jsonl_fields_map_onto_documents():
    first, second = documents(read_all(WIRE))
    assert first.external_id == "w-101"
    assert first.title == "Fighting continues near Bakhmut"
    assert first.published == "2023-02-07"
    assert first.url == "https://wire.example.com/w-101"
    assert first.source == "Example Wire"
    assert first.origin == f"{WIRE}:1"
    assert second.external_id == "102"  # numeric ids become strings
    assert second.source == "wire.jsonl"  # no source field: the file name
    assert second.origin == f"{WIRE}:2"


def test_jsonl_bad_lines_are_reported_by_line_and_others_still_read():
    items = read_all(WIRE)
    by_where = {problem.where: problem for problem in problems(items)}
    assert set(by_where) == {f"{WIRE}:3", f"{WIRE}:4", f"{WIRE}:5"}
    assert by_where[f"{WIRE}:3"].message.startswith("malformed JSON line")
    assert "text" in by_where[f"{WIRE}:4"].message
    skipped = by_where[f"{WIRE}:5"]
    assert skipped.skipped and "'fr'" in skipped.message
    assert not by_where[f"{WIRE}:3"].skipped
    assert len(documents(items)) == 2


def test_jsonl_keeps_unknown_fields_in_meta_and_unparsed_dates(tmp_path):
    path = tmp_path / "extra.jsonl"
    record = {"text": "Two soldiers were killed near Avdiivka, the brigade said on Monday.",
              "published": "sometime", "desk": "east", "language": "en-GB"}
    path.write_text(json.dumps(record) + "\n\n")
    [document] = read_all(path)
    assert document.meta["desk"] == "east"
    assert document.meta["published_raw"] == "sometime"
    assert document.published is None
    assert document.language == "en"


def test_jsonl_line_that_is_not_an_object(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('["a", "list"]\n{"text": "Shelling hit Nikopol across the river overnight."}\n')
    items = read_all(path)
    assert [problem.where for problem in problems(items)] == [f"{path}:1"]
    assert [document.origin for document in documents(items)] == [f"{path}:2"]


def test_jsonl_recognised_by_content_without_extension(tmp_path):
    path = tmp_path / "dump"
    path.write_bytes(WIRE.read_bytes())
    assert len(documents(read_all(path))) == 2


def test_telegram_export_messages():
    items = read_all(EXPORT)
    assert problems(items) == []  # service and photo-only messages are passed over silently
    plain, entities = documents(items)
    assert plain.text.startswith("Air raid alert in Dnipro region")
    assert plain.published == "2023-01-11"
    assert plain.source == "Frontline Updates"
    assert plain.external_id == "1700123456/2"
    assert plain.url == "https://t.me/frontline_updates_demo/2"
    assert entities.text == (
        "Update: a missile hit an apartment block in #Dnipro. Rescue teams are searching "
        "the rubble. Details: official statement"
    )
    assert entities.meta["forwarded_from"] == "Regional Military Administration"
    assert entities.meta["links"] == ["https://example.gov/statement"]
    assert entities.origin == f"{EXPORT}#message-3"


def test_telegram_export_without_username_has_no_url(tmp_path):
    export = json.loads(EXPORT.read_text())
    del export["username"]
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False))  # minified: one line
    docs = documents(read_all(path))
    assert [doc.url for doc in docs] == [None, None]
    assert docs[0].external_id == "1700123456/2"


def test_telegram_full_account_export(tmp_path):
    channel = json.loads(EXPORT.read_text())
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"about": "export", "chats": {"list": [channel]}}, indent=1))
    assert len(documents(read_all(path))) == 2


def test_telegram_export_with_no_text_messages(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": "Quiet", "id": 5, "messages": [
        {"id": 1, "type": "message", "date": "2023-01-01T00:00:00", "text": ""}]}))
    [problem] = read_all(path)
    assert problem.where == str(path) and "no text messages" in problem.message


def test_json_array_of_documents(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([
        {"text": "Explosions were heard in Melitopol late on Saturday, residents said.",
         "id": "m-1"},
        "not an object",
    ], indent=2))
    items = read_all(path)
    assert [doc.origin for doc in documents(items)] == [f"{path}#item-1"]
    assert [problem.where for problem in problems(items)] == [f"{path}#item-2"]


def test_malformed_json_file_is_one_problem(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{\n  "name": "Cut off",\n  "messages": [\n    {"id": 1,')
    items = read_all(path, WIRE)
    assert problems(items)[0].line().startswith(f"{path}: malformed JSON")
    assert len(documents(items)) == 2


ONE_LINE_DOCUMENT = {"text": "Shelling hit Nikopol across the river overnight, officials said.",
                     "id": "n-1"}


@pytest.mark.parametrize("content, expected", [
    (lambda export: json.dumps(export), ["1700123456/2", "1700123456/3"]),  # minified export
    (lambda export: json.dumps(export, indent=1), ["1700123456/2", "1700123456/3"]),
    (lambda export: json.dumps(ONE_LINE_DOCUMENT) + "\n", ["n-1"]),
    (lambda export: json.dumps(export)[:-2], ["malformed JSON (Expecting ',' delimiter at line 1)"]),
], ids=["minified-export", "pretty-export", "one-line-document", "cut-off-one-line"])
def test_whole_file_json_is_parsed_once(tmp_path, monkeypatch, content, expected):
    # A sniffer that parses to tell Telegram from JSON Lines must hand its parse on, not
    # leave the reader to parse a possibly 50 MB file again.
    path = tmp_path / "result.json"
    path.write_text(content(json.loads(EXPORT.read_text())))
    parsed: list[int] = []
    loads = json.loads

    def counting_loads(text, *args, **kwargs):
        parsed.append(len(text))
        return loads(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting_loads)
    items = read_all(path)
    assert [doc.external_id for doc in documents(items)] + [
        problem.message for problem in problems(items)] == expected
    assert len(parsed) == 1


def test_json_nested_too_deeply_is_one_problem_and_the_batch_goes_on(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' * 100_000 + "1" + "}" * 100_000)
    deep_line = tmp_path / "wire.jsonl"
    deep_line.write_text('{"text": "Drones hit Kharkiv overnight, officials said."}\n'
                         + "[" * 100_000 + "]" * 100_000 + "\n")
    plain = tmp_path / "note.txt"
    plain.write_text("Drones hit Kharkiv overnight, officials said.")
    items = read_all(deep, deep_line, plain)
    assert {p.where: p.message for p in problems(items)} == {
        str(deep): "malformed JSON (nested too deeply to read at line 1)",
        f"{deep_line}:2": "malformed JSON line (nested too deeply to read, column 1)"}
    assert len(documents(items)) == 2


def test_a_one_line_record_wrapped_in_other_white_space_is_still_a_record(tmp_path):
    # A form feed after the line is not JSON white space, so the file as a whole is no JSON
    # value; its one line still is a record.
    path = tmp_path / "wire.txt"
    path.write_text('{"text": "Drones hit Kharkiv overnight, officials said."}\n\x0c\n')
    items = read_all(path)
    assert problems(items) == []
    assert [d.text for d in documents(items)] == ["Drones hit Kharkiv overnight, officials said."]
