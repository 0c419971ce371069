"""Plain-text reading: encodings, newlines, titles and datelines."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sitrep.ingest import IngestProblem, read_inputs
from sitrep.ingest.dates import dateline_day, find_dateline, to_iso_date
from ingest_helpers import read_all
from sitrep.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
STORY = (
    "Shelling near Kharkiv\n\n"
    "KHARKIV, April 2, 2023 — Shells fell on the Saltivka district overnight, "
    "wounding a woman and damaging a school, the governor said.\n"
)


def only_document(items: list[Document | IngestProblem]) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def test_text_fixture_gives_title_dateline_date_and_exact_text():
    path = FIXTURES / "kharkiv_shelling.txt"
    document = only_document(read_all(path))
    assert document.text == path.read_text(encoding="utf-8")
    assert document.title == "Overnight shelling damages homes in Kharkiv"
    assert document.published == "2023-03-03"
    assert document.meta["dateline"] == "KHARKIV, March 3, 2023"
    assert document.source == "kharkiv_shelling.txt"
    assert document.origin == str(path)
    assert document.language == "en"


def test_crlf_newlines_become_lf_and_agency_dateline_has_no_date():
    path = FIXTURES / "batch" / "odesa_drone.txt"
    assert b"\r\n" in path.read_bytes()
    document = only_document(read_all(path))
    assert "\r" not in document.text
    assert document.text == path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert document.meta["dateline"] == "ODESA, Ukraine (Wire)"
    assert document.published is None
    assert document.title is None  # the first line is a long paragraph, not a headline


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(STORY.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + STORY.encode("utf-8"), id="utf-8-bom"),
        pytest.param(STORY.encode("utf-16"), id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(STORY.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(STORY.encode("cp1252"), id="windows-1252"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, encoded):
    path = tmp_path / "story.txt"
    path.write_bytes(encoded)
    document = only_document(read_all(path))
    assert document.text == STORY
    assert document.published == "2023-04-02"


def test_latin1_and_cp1252_specific_characters(tmp_path):
    path = tmp_path / "quotes.txt"
    text = ("MYKOLAIV \u2014 Officials said the \u201cnight was calm\u201d in the "
            "caf\u00e9 district.\n")
    path.write_bytes(text.encode("cp1252"))
    assert only_document(read_all(path)).text == text
    latin = tmp_path / "latin.txt"
    latin_text = "R\u00e9sum\u00e9 of the day: shelling reported near Kupiansk \u00b1 two km\x81.\n"
    latin.write_bytes(latin_text.encode("latin-1"))  # 0x81 is undefined in cp1252
    assert only_document(read_all(latin)).text == latin_text


def test_one_line_text_has_no_title(tmp_path):
    path = tmp_path / "flash.txt"
    path.write_text("Explosions reported in Zaporizhzhia city this morning, officials said.\n")
    assert only_document(read_all(path)).title is None


def test_title_needs_blank_line_after_it(tmp_path):
    path = tmp_path / "two_lines.txt"
    path.write_text("Short first line\nSecond line continues the same paragraph about Sumy.\n")
    assert only_document(read_all(path)).title is None


def test_dateline_date_does_not_override_given_date():
    line = (
        '{"text": "KHERSON, May 1, 2023 \\u2014 Shelling of the city centre wounded four '
        'people, officials said.", "published": "2023-05-02"}\n'
    )
    document = only_document(list(read_inputs(["-"], stdin=line.encode())))
    assert document.published == "2023-05-02"
    assert document.meta["dateline"] == "KHERSON, May 1, 2023"


@pytest.mark.parametrize(
    ("text", "head", "day"),
    [
        ("ODESA, March 3, 2023 — Text", "ODESA, March 3, 2023", "2023-03-03"),
        ("KYIV, Ukraine (Reuters) - The capital", "KYIV, Ukraine (Reuters)", None),
        ("NEW YORK, 3 March 2023 -- The council", "NEW YORK, 3 March 2023", "2023-03-03"),
        ("BAKHMUT, Ukraine, Feb. 7, 2023 – Fighting", "BAKHMUT, Ukraine, Feb. 7, 2023",
         "2023-02-07"),
        ("AL-QUSAYR, Syria, Sept 14th, 2013 — x", "AL-QUSAYR, Syria, Sept 14th, 2013",
         "2013-09-14"),
        ("Kyiv, March 3, 2023 — Title-case place", "Kyiv, March 3, 2023", "2023-03-03"),
        ("KYIV, March 3 (Reuters) - No year given", "KYIV, March 3 (Reuters)", None),
        ("Headline here\n\nGAZA, 2023-10-20 - Strikes", "GAZA, 2023-10-20", "2023-10-20"),
    ],
)
def test_datelines(text, head, day):
    assert find_dateline(text) == (head, day)


@pytest.mark.parametrize(
    "text",
    [
        "UN officials said on Monday - that was all",
        "Kyiv - no date after a title-case place",
        "The KYIV office - not at the start",
        "Zaporizhzhia, Unit 4 - the reactor was shut down",
        "Talks, Round 2 - delegates met again",
    ],
)
def test_not_datelines(text):
    assert find_dateline(text) is None


def test_an_impossible_date_keeps_the_dateline_head_only():
    assert find_dateline("KHARKIV, February 30, 2023 — impossible day") == (
        "KHARKIV, February 30, 2023", None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-04T01:00:00+03:00", "2023-03-04"),  # local day, not shifted to UTC
        ("Sat, 04 Mar 2023 01:00:00 +0300", "2023-03-04"),
        ("2023-03-04", "2023-03-04"),
        ("4 March 2023", "2023-03-04"),
        (1678000000, "2023-03-05"),
        ("2023-02-30", None),
        ("soon", None),
        (None, None),
        (True, None),
    ],
)
def test_to_iso_date(value, expected):
    assert to_iso_date(value) == expected


def test_the_dateline_is_read_once_for_every_format_by_dispatch():
    from sitrep.ingest import text as text_reader
    from sitrep.ingest.dispatch import read_bytes

    data = STORY.encode("utf-8")
    (raw,) = text_reader.read(data, "story.txt")
    assert "dateline" not in raw.meta and raw.published is None  # left to dispatch
    (finished,) = read_bytes(data, "story.txt")
    assert finished.meta["dateline"] == "KHARKIV, April 2, 2023"
    assert finished.published == "2023-04-02"


@pytest.mark.parametrize("written, iso", [
    ("Sept. 3, 2023", "2023-09-03"), ("3 Sep 2023", "2023-09-03"), ("May 1, 2024", "2024-05-01"),
    ("12 December 2022", "2022-12-12"),
])
def test_written_dates_read_every_month_spelling(written, iso):
    assert to_iso_date(written) == iso


def test_dateline_end_measures_the_dateline_the_segments_drop():
    from sitrep.ingest.dates import dateline_end

    assert dateline_end("KRAMATORSK, Ukraine, June 9, 2025 — Russian jets struck.") == len(
        "KRAMATORSK, Ukraine, June 9, 2025 — ")
    assert dateline_end("KYIV (Reuters) - Drones struck.") == len("KYIV (Reuters) - ")
    assert dateline_end("Russian forces advanced — slowly — near Lyman.") == 0


@pytest.mark.parametrize("head, around, day", [
    ("OUAGADOUGOU, Nov 19 (Dispatch)", "2026-11-20", "2026-11-19"),
    ("KYIV, Dec 31 (Reuters)", "2027-01-01", "2026-12-31"),  # the year before
    ("KYIV, 21 November (Wire)", "2026-11-20", "2026-11-21"),  # a day's slack for zones
    ("KYIV (Reuters)", "2026-11-20", None),
])
def test_a_dateline_without_its_year_takes_the_year_of_the_date_given(head, around, day):
    assert dateline_day(head, around) == day


def test_a_dateline_naming_two_places_with_a_slash_is_a_dateline():
    assert find_dateline("GAZA/BEIRUT, Nov 20 - Israeli strikes killed 14 people.") is not None
