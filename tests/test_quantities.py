"""Quantities: values, bounds, ranges, units, counted entities and the numbers that are not amounts."""

from __future__ import annotations


import pytest

from sitrep.quantities import find_quantities
from sitrep.quantity.numbers import parse_number


def first(text: str):
    found = find_quantities(text)
    assert found, text
    return found[0]


@pytest.mark.parametrize("text, value", [
    ("12,000", 12000), ("1.5 billion", 1.5e9), ("twelve thousand", 12000),
    ("three hundred and forty", 340), ("two dozen", 24), ("half a million", 5e5),
    ("twenty-one", 21), ("3bn", 3e9), ("40k", 4e4),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, span, value, value_max, unit, norm_value, norm_unit, bound, entity", [
    ("They hold more than 400 square kilometres.", "more than 400 square kilometres", 400, None,
     "km²", 400, "km²", "at_least", None),
    ("The front moved 90 square miles.", "90 square miles", 90, None, "mi²", 233.09892, "km²",
     "exact", None),
    ("Troops advanced roughly 20 km in two days.", "roughly 20 km", 20, None, "km", 20, "km",
     "approx", None),
    ("An estimated 12,000 fighters massed.", "An estimated 12,000 fighters", 12000, None,
     "fighters", 12000, "people", "approx", "fighter"),
    ("Dozens of drones struck.", "Dozens of drones", 24, 99, "drones", 24, "drone", "range",
     "drone"),
    ("The package is worth $1.5 billion.", "$1.5 billion", 1.5e9, None, "USD", 1.5e9, "USD",
     "exact", None),
    ("Brussels pledged €500m.", "€500m", 5e8, None, "EUR", 5e8, "EUR", "exact", None),
    ("Up to 50 tanks were lost.", "Up to 50 tanks", 50, None, "tanks", 50, "tank", "at_most",
     "tank"),
    ("Fewer than 10 villages remain.", "Fewer than 10 villages", 10, None, "villages", 10,
     "village", "at_most", "village"),
    ("At least 17 civilians died.", "At least 17 civilians", 17, None, "civilians", 17, "people",
     "at_least", "civilian"),
    ("Over 2,000 soldiers left.", "Over 2,000 soldiers", 2000, None, "soldiers", 2000, "people",
     "at_least", "soldier"),
    ("About 300 casualties were reported.", "About 300 casualties", 300, None, "casualties",
     300, "people", "approx", "casualty"),
    ("Around 40 settlements were hit.", "Around 40 settlements", 40, None, "settlements", 40,
     "settlement", "approx", "settlement"),
    ("Some 3,000 troops took part.", "Some 3,000 troops", 3000, None, "troops", 3000, "people",
     "approx", "troop"),
    ("Between 300 and 400 soldiers surrendered.", "Between 300 and 400 soldiers", 300, 400,
     "soldiers", 300, "people", "range", "soldier"),
    ("Hundreds of civilians fled.", "Hundreds of civilians", 200, 999, "civilians", 200,
     "people", "range", "civilian"),
    ("Thousands of homes burned.", "Thousands of homes", 2000, 9999, "homes", 2000, "home",
     "range", "home"),
    ("Turnout fell 15 per cent.", "15 per cent", 15, None, "%", 15, "%", "exact", None),
    ("Fires burned 2,000 hectares.", "2,000 hectares", 2000, None, "ha", 20, "km²", "exact", None),
    ("The river is 200 metres wide.", "200 metres", 200, None, "m", 0.2, "km", "exact", None),
])
def test_quantity_pattern(text, span, value, value_max, unit, norm_value, norm_unit, bound, entity):
    q = first(text)
    assert q.text == span and text[q.start:q.end] == span
    assert q.value == pytest.approx(value) and q.value_max == value_max
    assert q.unit == unit and q.normalized_unit == norm_unit and q.bound == bound
    assert q.normalized_value == pytest.approx(norm_value) and q.entity == entity


@pytest.mark.parametrize("text", [
    "The 47th Brigade attacked.", "Su-25 jets bombed the bridge.", "M777 howitzers moved up.",
    "UN Resolution 2334 was cited.", "The attack came on 24 February 2022.",
    "Fighting continued for four days.", "The raid began at 10 p.m. on Tuesday.",
    "The war began in 2014.", "One of the soldiers was wounded.", "The T-72 is old.",
    "Leopard 2 tanks arrived in Poland.", "A Boeing 777 was shot down.",
])
def test_numbers_that_are_not_amounts(text):
    assert find_quantities(text) == []


def test_a_number_after_a_name_still_counts_people():
    q = first("In Kharkiv 3 people died overnight.")
    assert (q.text, q.value, q.normalized_unit) == ("3 people", 3, "people")
    assert first("On Monday 12 civilians were killed.").entity == "civilian"


def test_word_numbers_need_something_to_count():
    assert first("Three people were killed.").normalized_unit == "people"
    assert find_quantities("The two met at dawn.") == []  # a bare "two" is a pronoun
    assert first("The two sides met.").entity == "side"


def test_range_scale_carries_to_the_lower_number():
    q = first("Damage is put at $1.5 to 2 billion.")
    assert (q.value, q.value_max, q.bound) == (1.5e9, 2e9, "range")




def test_component_skips_numbers_inside_times(nlp_times):
    doc = nlp_times.make_doc("On 3 March 2022 some 400 fighters held the plant for 80 days.")
    doc._.sitrep_published = "2022-03-10"
    doc = nlp_times(doc)
    assert [t.text for t in doc._.sitrep_times] == ["3 March 2022", "80 days"]
    assert [(q.text, q.value, q.entity) for q in doc._.sitrep_quantities] == [
        ("some 400 fighters", 400, "fighter")]


def test_component_uses_the_parse_for_the_counted_noun(nlp_times):
    doc = nlp_times.make_doc("Russia lost 31 modern Abrams tanks.")
    doc._.sitrep_published = "2024-01-01"
    q = nlp_times(doc)._.sitrep_quantities[0]
    assert (q.value, q.entity, q.normalized_unit) == (31, "tank", "tank")


# Fixes for errors the held-out table (benchmarks/data/quantity_phrases_heldout.tsv) exposed;
# the sentences here are new, not rows of that table.

@pytest.mark.parametrize("text, span, norm_value, norm_unit", [
    ("Engineers cleared a 4-square-mile strip near the dam.", "4-square-mile", 10.359952441344,
     "km²"),
    ("They proposed a 25-square-kilometer safe zone.", "25-square-kilometer", 25, "km²"),
    ("A 12-nautical-mile limit was announced.", "12-nautical-mile", 22.224, "km"),
])
def test_hyphenated_multiword_units(text, span, norm_value, norm_unit):
    q = first(text)
    assert q.text == span and text[q.start:q.end] == span
    assert q.normalized_value == pytest.approx(norm_value, rel=1e-9)
    assert q.normalized_unit == norm_unit


def test_square_miles_convert_exactly():
    assert first("The burnt area is 1,000 square miles.").normalized_value == pytest.approx(
        2589.988110336, rel=1e-12)


@pytest.mark.parametrize("text, value, code", [
    ("Tokyo set aside USD 4.2 billion for demining.", 4.2e9, "USD"),
    ("The bank lent EUR 350 million to the grid operator.", 3.5e8, "EUR"),
    ("London added GBP 90m for drones.", 9e7, "GBP"),
])
def test_currency_code_before_the_amount(text, value, code):
    q = first(text)
    assert (q.value, q.unit, q.normalized_unit, q.bound) == (pytest.approx(value), code, code,
                                                             "exact")


def test_a_capitalised_word_before_a_number_is_not_taken_for_a_currency_code():
    # "EU" is not a code: the number after it stays a plain count of members.
    found = find_quantities("The EU 27 members agreed, sending 40 trucks.")
    assert [(q.text, q.value, q.unit, q.normalized_unit, q.bound) for q in found] == [
        ("27 members", 27, "members", "people", "exact"), ("40 trucks", 40, "trucks", "truck", "exact")]


@pytest.mark.parametrize("text", [
    "Dynamo Kyiv won 3-0 against the visitors on Sunday.",
    "The home side led 5-0 at the break.",
    "Officials said between 5 and 0 people remained in the shelter.",
    "Aid fell from 5 to 0 million hryvnias a month.",
])
def test_a_range_whose_upper_end_is_below_the_lower_is_no_amount(text):
    # A score or a reversed pair is not a range; an upper end of 0 used to divide by zero.
    assert find_quantities(text) == []


def test_zero_with_a_scale_word_is_zero():
    assert parse_number("0 million") == 0
    assert parse_number("a million") == 1e6


def test_a_real_range_keeps_both_ends():
    q = first("Between 4 and 7 civilians were evacuated from the hospital.")
    assert (q.text, q.value, q.value_max, q.bound, q.normalized_unit) == (
        "Between 4 and 7 civilians", 4, 7, "range", "people")


@pytest.mark.parametrize("digits", [400, 330])
def test_numbers_too_long_for_a_float_are_not_amounts(digits):
    number = "9" * digits
    assert parse_number(number) is None
    assert parse_number(f"{number} trillion") is None
    found = find_quantities(f"Reports claimed {number} people fled, and 12 buses left.")
    assert [(q.text, q.value) for q in found] == [("12 buses", 12)]


@pytest.mark.parametrize("text", [
    "Curfew starts at 22:00 in the city.", "The vote went 3:2 against the motion.",
    "Strikes were reported on the night of 11-12 June.",
])
def test_clock_times_scores_and_date_ranges_are_not_amounts(text):
    assert find_quantities(text) == []


def test_clock_time_before_a_count_is_skipped():
    q = first("By 06:15 about 70 marines had come ashore.")
    assert (q.text, q.value, q.bound, q.normalized_unit) == ("about 70 marines", 70, "approx",
                                                             "people")


@pytest.mark.parametrize("text, entity", [
    ("Medics moved 45 injured civilians to Dnipro.", "civilian"),
    ("Some 30 displaced families returned home.", "family"),
    ("The strike left 12 wounded.", "wounded"),
])
def test_a_participle_before_the_noun_describes_it(text, entity):
    q = first(text)
    assert q.entity == entity and q.normalized_unit == "people"


def test_a_range_normalises_both_ends():
    found = find_quantities("Troops retook between 10 and 15 square miles.")
    assert [(q.normalized_value, q.normalized_value_max, q.normalized_unit) for q in found] == [
        (pytest.approx(25.899881), pytest.approx(38.8498215), "km²")]


@pytest.mark.parametrize("text, level", [
    ("The army retook 400 square kilometres.", "measured"),
    ("The offensive cost $1.5 billion.", "measured"),
    ("Some 12,000 fighters took part.", "counted"),
    ("The count rose to 1,250.", "bare"),
])
def test_confidence_follows_what_the_text_states(text, level):
    from sitrep.quantity import confidence
    expected = {"measured": confidence.MEASURED, "counted": confidence.COUNTED,
                "bare": confidence.BARE}[level]
    assert [q.confidence for q in find_quantities(text)] == [expected]


def test_vague_counts_are_less_certain_than_the_same_count_written_out():
    vague = find_quantities("Dozens of drones were launched.")[0]
    stated = find_quantities("Forty drones were launched.")[0]
    assert vague.bound == "range" and vague.confidence < stated.confidence


@pytest.mark.parametrize("text, span, low, high", [
    ("Tens of thousands were evacuated.", "Tens of thousands", 20_000, 99_999),
    ("Dozens were injured in the strike.", "Dozens", 24, 99),
    ("Thousands fled the city.", "Thousands", 2_000, 9_999),
])
def test_vague_counts_standing_alone_are_ranges_without_a_noun(text, span, low, high):
    [q] = find_quantities(text)
    assert (q.text, q.value, q.value_max, q.bound, q.entity) == (span, low, high, "range", None)


def test_hyphenated_vague_words_are_no_count():
    assert find_quantities("Hundreds-strong crowds gathered.") == []


@pytest.mark.parametrize("text, expected", [
    ("The strike killed at least 14 people and wounded 52 others.", "people"),
    ("Six soldiers died and 12 more were wounded.", "soldier"),
])
def test_others_are_counted_in_the_noun_before_them(text, expected):
    first, second = find_quantities(text)
    assert second.entity == first.entity == expected
    assert second.normalized_unit == "people"


def test_others_do_not_reach_into_the_previous_sentence():
    _, others = find_quantities("Five tanks were hit. 3 others broke down.")
    assert others.entity == "other"


@pytest.mark.parametrize("text, span, percent, bound", [
    ("Russia controls about a fifth of Ukraine.", "about a fifth", 20.0, "approx"),
    ("Two-thirds of the population fled.", "Two-thirds", 66.6667, "exact"),
    ("More than half the homes burned.", "More than half", 50.0, "at_least"),
    ("Three quarters of the villages were shelled.", "Three quarters", 75.0, "exact"),
    ("Nearly one-third of Gaza was flattened.", "Nearly one-third", 33.3333, "at_most"),
])
def test_shares_written_as_words_are_percentages(text, span, percent, bound):
    [q] = find_quantities(text)
    assert (q.text, q.normalized_value, q.normalized_unit, q.bound, q.unit) == (
        span, percent, "%", bound, "fraction")


@pytest.mark.parametrize("text", [
    "He scored in the second half of the match.",
    "It was a half-hearted attempt.",
    "A third attack followed.",
    "It took half an hour.",
])
def test_parts_ordinals_and_times_are_not_shares(text):
    assert [q for q in find_quantities(text) if q.unit == "fraction"] == []


def test_half_a_million_is_an_amount_not_a_share():
    [q] = find_quantities("Half a million people fled.")
    assert (q.value, q.normalized_unit) == (500_000, "people")


@pytest.mark.parametrize("text, part, whole, entity", [
    ("Air defences shot down two of the 11 Shahed drones.", "two of the 11 Shahed drones",
     "11 Shahed drones", "drone"),
    ("At least 12 people were killed, including three children.", "three children",
     "At least 12 people", "child"),
    ("12 people were killed, three of them children.", "three of them children", "12 people",
     "child"),
    ("Of the 300 soldiers, 40 were wounded.", "40", "300 soldiers", "soldier"),
    ("Russia fired 40 missiles, including 10 Kinzhals.", "10", "40 missiles", "missile"),
])
def test_a_count_that_is_part_of_another_points_at_its_whole(text, part, whole, entity):
    found = {q.text: q for q in find_quantities(text)}
    assert found[part].part_of is not None and found[part].part_of.text == whole
    assert text[found[part].part_of.start:found[part].part_of.end] == whole
    assert found[part].entity == entity and found[whole].part_of is None


@pytest.mark.parametrize("text", [
    "Russia fired 40 missiles and 30 drones.",
    "Ukraine retook 12 km2, including three villages.",  # another kind of count
    "Twelve people were killed. Police detained four suspects, including two women.",
    "12 people were killed on Monday. Of the 300 soldiers, 40 were wounded.",
    "Russia fired 40, including 10 tanks.",  # a bare whole is taken only for people
])
def test_counts_of_another_kind_or_sentence_are_no_parts(text):
    found = find_quantities(text)
    parts = {q.text: q.part_of.text for q in found if q.part_of is not None}
    assert "12 km2" not in parts.values() and "12 people" not in parts.values()
    assert "40 missiles" not in parts.values() and "Twelve people" not in parts.values()
    assert "40" not in parts.values()


def test_a_weapon_designation_with_a_slash_is_no_count_and_the_count_takes_the_noun_after_it():
    found = {q.text: q for q in find_quantities(
        "Air defence shot down 8 of the 9 Shahed-136/131 drones and 2 Kh-101/555 missiles.")}
    assert set(found) == {"8 of the 9 Shahed-136/131 drones", "9 Shahed-136/131 drones",
                          "2 Kh-101/555 missiles"}
    assert found["9 Shahed-136/131 drones"].entity == "drone"
    assert found["8 of the 9 Shahed-136/131 drones"].part_of.text == "9 Shahed-136/131 drones"


def test_a_slash_between_nouns_keeps_the_first_noun():
    assert [(q.text, q.entity) for q in find_quantities("Russia fired 10 drones/missiles.")] == [
        ("10 drones", "drone")]


@pytest.mark.parametrize("text, part, whole", [
    ("12 people were killed, including three children and including two women.", "two women",
     "12 people"),
    ("The strike killed 8 people and wounded 20, including four children.", "four children",
     "20"),
])
def test_a_part_takes_the_nearest_whole_that_is_no_part_itself(text, part, whole):
    found = {q.text: q for q in find_quantities(text)}
    assert found[part].part_of.text == whole


def test_a_part_named_by_order_or_held_by_a_time_is_no_share():
    from sitrep.quantity.fractions import find_fractions
    from sitrep.time import find_times
    from sitrep.within import SpanSet

    assert find_quantities("Troops held the other half of the town.") == []
    text = "Output fell for a quarter of the year."
    times = SpanSet([(t.start, t.end) for t in find_times(text, "2023-06-15")])
    assert find_fractions(text, SpanSet([])) and find_fractions(text, times) == []


# The Ukrainian General Staff's daily losses ledger: the noun comes before its dash, the day's
# increase follows the total in brackets.
GENERAL_STAFF = (
    "The total combat losses of the enemy from 24.02.22 to 20.11.26 were approximately: "
    "personnel — about 1,158,320 (+1,090) persons; tanks — 11,352 (+4); armoured combat "
    "vehicles — 23,571 (+7); MLRS — 1,551; operational-tactical UAVs — 80,311 (+256); "
    "ships/boats — 28; special equipment — 3,981.")


def test_a_ledger_total_takes_the_noun_before_its_dash():
    found = [(q.text, q.value, q.unit, q.normalized_unit, q.entity, q.bound)
             for q in find_quantities(GENERAL_STAFF) if q.part_of is None]
    assert found == [
        ("personnel — about 1,158,320", 1158320, "personnel", "people", "personnel", "approx"),
        ("tanks — 11,352", 11352, "tanks", "tank", "tank", "approx"),
        ("armoured combat vehicles — 23,571", 23571, "armoured combat vehicles",
         "armoured combat vehicle", "armoured combat vehicle", "approx"),
        ("MLRS — 1,551", 1551, "mlrs", "mlrs", "mlrs", "approx"),
        ("operational-tactical UAVs — 80,311", 80311, "operational-tactical uavs",
         "operational-tactical uav", "operational-tactical uav", "approx"),
        ("ships/boats — 28", 28, "ships/boats", "ship/boat", "ship/boat", "approx"),
        ("special equipment — 3,981", 3981, "special equipment", "special equipment",
         "special equipment", "approx"),
    ]  # the dates "24.02.22" and "20.11.26" are no amounts


def test_a_ledger_increase_counts_the_same_thing_and_is_part_of_its_total():
    increases = [(q.text, q.value, q.normalized_unit, q.bound, q.part_of.text)
                 for q in find_quantities(GENERAL_STAFF) if q.part_of is not None]
    assert increases == [
        ("+1,090", 1090, "people", "exact", "personnel — about 1,158,320"),
        ("+4", 4, "tank", "exact", "tanks — 11,352"),
        ("+7", 7, "armoured combat vehicle", "exact", "armoured combat vehicles — 23,571"),
        ("+256", 256, "operational-tactical uav", "exact", "operational-tactical UAVs — 80,311"),
    ]


def test_a_ledger_on_lines_is_exact_unless_an_item_says_about():
    text = ("Losses of the enemy as of today:\n👉 personnel ‒ about 900 (+10) persons\n"
            "👉 tanks ‒ 40 (+1)\n\nShelling by region: Kharkiv — 3; Sumy — 2.")
    found = [(q.text, q.normalized_unit, q.bound) for q in find_quantities(text)]
    assert found == [("personnel ‒ about 900", "people", "approx"), ("+10", "people", "exact"),
                     ("tanks ‒ 40", "tank", "exact"), ("+1", "tank", "exact"),
                     ("3", None, "exact"), ("2", None, "exact")]  # places name no noun


def test_a_noun_behind_brackets_or_a_semicolon_belongs_to_the_next_phrase(nlp_times):
    text = "Losses reached 11,352 (+4); armoured vehicles burned. The toll: 1,158,320 (+1,090) persons."
    doc = nlp_times.make_doc(text)
    doc._.sitrep_published = "2026-11-20"
    found = [(q.text, q.unit) for q in nlp_times(doc)._.sitrep_quantities]
    assert ("11,352", None) in found and all(unit is None or unit[0].isalpha()
                                             for _, unit in found)


@pytest.mark.parametrize("text, part, whole, entity", [
    ("Russia launched 46 drones overnight. Our defenders stopped 41 of them.", "41",
     "46 drones", "drone"),
    # The whole is the count the part fits in, not the nearest one.
    ("Russia launched 46 drones and 3 missiles. Our defenders stopped 41 of them.", "41",
     "46 drones", "drone"),
    ("Russia launched about 130 drones overnight, the air force said. Most flew south. "
     "Air defence destroyed 105 of the drones.", "105 of the drones", "about 130 drones",
     "drone"),
])
def test_a_part_may_name_a_whole_from_an_earlier_sentence(text, part, whole, entity):
    found = {q.text: q for q in find_quantities(text)}
    assert found[part].part_of is not None and found[part].part_of.text == whole
    assert found[part].entity == entity and found[part].normalized_unit == entity


@pytest.mark.parametrize("text, span, bound, entity", [
    ("The ministry said the death toll had risen to 44,056.", "44,056", "exact", "death"),
    ("The death toll has climbed to at least 300.", "at least 300", "at_least", "death"),
    ("Officials put the casualty toll at 12 on Monday.", "12", "exact", "casualty"),
])
def test_a_toll_counts_people(text, span, bound, entity):
    [q] = find_quantities(text)
    assert (q.text, q.bound, q.entity, q.normalized_unit) == (span, bound, entity, "people")
    assert q.unit is not None and q.confidence == 0.8


def test_deaths_are_people_like_the_killed():
    assert [q.normalized_unit for q in find_quantities(
        "Officials reported 300 deaths and 12 killed.")] == ["people", "people"]


@pytest.mark.parametrize("text, span, entity, unit", [
    ("Dozens of energy sites were damaged.", "Dozens of energy sites", "site", "site"),
    ("Dozens of them fled.", "Dozens", None, None),  # "of" leads to no noun: not in the span
    ("Israeli strikes killed at least 27 Palestinians.", "at least 27 Palestinians",
     "palestinian", "people"),
    ("Hundreds of Afghans crossed.", "Hundreds of Afghans", "afghan", "people"),
    ("Police held 30 suspects.", "30 suspects", "suspect", "people"),
])
def test_peoples_and_nouns_after_of_are_counted(text, span, entity, unit):
    q = first(text)
    assert (q.text, q.entity, q.normalized_unit) == (span, entity, unit)


def test_a_people_whose_plural_is_its_singular_counts_alone_and_qualifies_a_noun():
    found = find_quantities("12 Lebanese soldiers and 5 Lebanese were hurt.")
    assert [(q.text, q.entity, q.normalized_unit) for q in found] == [
        ("12 Lebanese soldiers", "soldier", "people"), ("5 Lebanese", "lebanese", "people")]


def test_a_vague_count_takes_the_noun_the_parse_gives_to_of(nlp_times):
    doc = nlp_times.make_doc("Dozens of energy sites were damaged overnight.")
    doc._.sitrep_published = "2026-11-20"
    [q] = nlp_times(doc)._.sitrep_quantities
    assert (q.text, q.entity) == ("Dozens of energy sites", "site")


def test_two_counts_joined_by_and_are_each_kept():
    found = find_quantities("The death toll rose to 35 and 120 people were wounded.")
    assert [(q.text, q.value, q.normalized_unit) for q in found] == [
        ("35", 35, "people"), ("120 people", 120, "people")]
