"""Temporal forms news reports use that the TimeBank training text rarely or never shows:
numeric dates, o'clock, unnumbered units with "later"/"ago", halves of a named year, and
the look-alikes that are no times (newspaper names, "the fall of" a city)."""

from __future__ import annotations

import pytest

from sitrep.time import find_times

PUBLISHED = "2023-06-15"  # a Thursday


def found(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in find_times(text, PUBLISHED)]


@pytest.mark.parametrize("text, expected", [
    ("Profit for fiscal year 2022 fell.", [("fiscal year 2022", "2022", "DATE")]),
    ("Profit for the 2021 fiscal year fell.", [("the 2021 fiscal year", "2021", "DATE")]),
    ("Exports were lower than in the prior year.", [("the prior year", "2022", "DATE")]),
    ("Days later, the town fell.", [("Days", "PXD", "DURATION")]),
    ("Minutes later, a second blast hit.", [("Minutes", "PTXM", "DURATION")]),
    ("Weeks earlier, the bridge had been hit.", [("Weeks earlier", "PAST_REF", "DATE")]),
    ("The plant, closed just months ago, reopened.", [("months ago", "PAST_REF", "DATE")]),
    ("In the years that followed, the town was rebuilt.", [("years", "PXY", "DURATION")]),
    ("The city grew over the decades.", [("the decades", "PXY", "DURATION")]),
    ("The siege lasted four-and-a-half years.", [("four-and-a-half years", "P4Y6M",
                                                 "DURATION")]),
    ("Output rose in the second half of the year.", [("the second half of the year",
                                                      "2023-H2", "DATE")]),
    ("Output fell in the first half of last year.", [("the first half of last year",
                                                      "2022-H1", "DATE")]),
    ("Output fell in the latter half of 2021.", [("the latter half of 2021", "2021-H2",
                                                  "DATE")]),
    ("The convoy left at 10 o'clock.", [("10 o'clock", "2023-06-15T10:00", "TIME")]),
    ("The convoy left at 4 in the morning.", [("4 in the morning", "2023-06-15T04:00",
                                               "TIME")]),
    ("Shelling resumed at 10 in the evening on Tuesday.",
     [("10 in the evening on Tuesday", "2023-06-13T22:00", "TIME")]),
    ("The order is dated 3/17/2023.", [("3/17/2023", "2023-03-17", "DATE")]),
    ("The order is dated 17/3/2023.", [("17/3/2023", "2023-03-17", "DATE")]),
    ("The order is dated 17.03.2023.", [("17.03.2023", "2023-03-17", "DATE")]),
    ("Earlier in the week, the army said it had advanced.", [("the week", "2023-W24", "DATE")]),
    ("On June 3 the town was shelled in the morning.",
     [("June 3", "2023-06-03", "DATE"), ("the morning", "2023-06-03TMO", "TIME")]),
    ("Shelling resumed in the afternoon.", [("the afternoon", "2023-06-15TAF", "TIME")]),
    ("Losses from 24.02.22 to 14.06.23 were approximately:",
     [("24.02.22", "2022-02-24", "DATE"), ("14.06.23", "2023-06-14", "DATE")]),
    ("Losses as of 08:00 on 14 June 2023:",
     [("08:00", "2023-06-14T08:00", "TIME"), ("14 June 2023", "2023-06-14", "DATE")]),
])
def test_news_forms(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "The fall of Kabul shocked the world.",
    "The fall in grain prices hurt farmers.",
    "The Sunday Times reported the deal.",
    "The Mail on Sunday ran the story.",
    "The Daily Mail ran the story.",
    "Output rose in the latter quarter.",
    "The council passed Resolution 1973 on Libya.",
    "Troops took Hill 1776 at dawn.",
    "A 2000-strong force crossed the river.",
    "The Spring Offensive stalled.",
    "They planned the Spring Offensive.",
    "The Independent on Sunday ran the story.",
    "Two holidays later, he left.",
    "The strike killed 3 in the night attack.",
    "They spent the night in shelters.",
    "He said the week before that talks had failed.",
    "Update the app to version 1.2.22.",
])
def test_look_alikes_are_no_times(text):
    assert found(text) == []


def test_a_count_before_a_part_of_day_is_no_clock_time():
    assert found("Two were killed in the morning and 4 in the evening.") == [
        ("the morning", "2023-06-15TMO", "TIME"), ("the evening", "2023-06-15TEV", "TIME")]


def test_a_part_of_day_or_week_tied_to_another_date_is_not_read_as_ours():
    assert found("The morning of June 3 was quiet.") == [("June 3", "2023-06-03", "DATE")]
    assert found("The week of June 5 was tense.") == [("June 5", "2023-06-05", "DATE")]


def test_autumn_is_still_a_season_and_a_paper_is_still_dated():
    assert found("Fighting eased in the fall.") == [("the fall", "2022-FA", "DATE")]
    assert found("The fall of 2021 was quiet.") == [("The fall of 2021", "2021-FA", "DATE")]
    assert found("The Washington Post on Sunday reported the deal.") == [
        ("Sunday", "2023-06-11", "DATE")]


def test_a_slashed_date_that_reads_both_ways_takes_the_nearer_past_day_and_says_it_guessed():
    # 6/5/2023 is June 5 or May 6; both are before publication and June 5 is nearer.
    ambiguous = find_times("The order is dated 6/5/2023.", PUBLISHED)[0]
    plain = find_times("The order is dated 17/5/2023.", PUBLISHED)[0]
    assert (ambiguous.value, plain.value) == ("2023-06-05", "2023-05-17")
    # 5/7/2023 is May 7 or July 5: the day already past wins over the nearer future one.
    assert find_times("The order is dated 5/7/2023.", PUBLISHED)[0].value == "2023-05-07"
    # 7/5/2023 is July 5 read month first, but May 7 has passed: the past day wins.
    assert find_times("The order is dated 7/5/2023.", PUBLISHED)[0].value == "2023-05-07"
    assert ambiguous.confidence < plain.confidence


def test_a_weekday_with_its_part_of_day_keeps_the_part_without_a_publication_date():
    undated = find_times("Shelling hit Kherson on Tuesday afternoon.", None)
    assert [(t.text, t.value, t.type) for t in undated] == [
        ("Tuesday afternoon", "XXXX-WXX-2TAF", "TIME")]


@pytest.mark.parametrize("text, expected", [
    # A counted unit keeps its amount: only an unnumbered unit is "months ago".
    ("The plant closed 36 hours ago.", [("36 hours", "PT36H", "DURATION")]),
    ("Some 48 hours earlier, the bridge fell.", [("Some 48 hours", "PT48H", "DURATION")]),
    # The lookalike checks leave real dates alone.
    ("Fighting eased during the fall in Donetsk.", [("the fall", "2022-FA", "DATE")]),
    ("There was no 2014 ceasefire.", [("2014", "2014", "DATE")]),
    ("Law No. 2012 of the state was cited.", []),
    ("Daily Russian shelling continued.", [("Daily", "P1D", "SET")]),
    ("On Sunday People fled.", [("Sunday", "2023-06-11", "DATE")]),
    ("Code 10.1.12.2021 was used; on 1.12.2021 it changed.",
     [("1.12.2021", "2021-12-01", "DATE")]),
])
def test_lookalike_checks_keep_what_they_should(text, expected):
    assert found(text) == expected


def test_clock_times_without_a_day_lend_none_to_each_other():
    first, second = find_times("Sirens sounded at 05:00 and again at 07:00.", PUBLISHED)
    [alone] = find_times("Sirens sounded at 05:00.", PUBLISHED)
    assert (first.value, second.value) == ("2023-06-15T05:00", "2023-06-15T07:00")
    # Both borrowed the publication day, as a clock alone does.
    assert first.confidence == second.confidence == alone.confidence
    after_a_date = find_times("On 12 June shelling began. Sirens sounded at 05:00 and again "
                              "at 07:00.", PUBLISHED)
    assert [t.value for t in after_a_date][1:] == ["2023-06-15T05:00", "2023-06-15T07:00"]
    stated = find_times("Sirens sounded at 05:00 and 07:00 on Tuesday.", PUBLISHED)
    assert [t.value for t in stated] == ["2023-06-13T05:00", "2023-06-13T07:00"]


def test_a_clock_before_a_new_sentence_keeps_to_its_own():
    clock, day = find_times("Shelling lasted until 4 a.m. On 5 May the town was quiet.", PUBLISHED)
    assert (clock.value, day.value) == ("2023-06-15T04:00", "2023-05-05")


def test_o_clock_takes_the_mods_and_halves_of_other_clock_times():
    [after] = find_times("Drones came shortly after 10 o'clock.", PUBLISHED)
    assert (after.value, after.mod) == ("2023-06-15T10:00", "AFTER")
    [night] = find_times("The convoy left at 10 in the night.", PUBLISHED)
    assert night.value == "2023-06-15T22:00"
