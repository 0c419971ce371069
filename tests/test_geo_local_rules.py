"""Recognition and resolution rules for local and wire news (real model, real gazetteer):
civic words after a place, demonyms the small model tags as PERSON, a city's district
before its name, and a state named like a country in a local story."""

from __future__ import annotations

import pytest

from sitrep.geo.resolve import resolve_spans
from sitrep.geo.recognise import Recogniser
from sitrep.geo.store import get_gazetteer


@pytest.fixture(scope="module")
def nlp(nlp_places):
    return nlp_places


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_place_before_a_civic_title_is_a_place(nlp):
    doc = nlp("Mansfield Mayor Curtis McCoy said the shelter would open on Monday.")
    names = {p.name for p in doc._.sitrep_places}
    assert "Mansfield" in names, names


def test_generic_word_before_a_civic_title_is_not_a_place(nlp):
    doc = nlp("The proposal must go before City Council, and Border Police were not told.")
    names = {p.name for p in doc._.sitrep_places}
    assert not names & {"City", "Border"}, names


def test_demonym_tagged_as_person_is_a_nationality_when_asked(nlp):
    doc = nlp("The mines were laid by Azerbaijani soldiers during the war with Armenia.")
    found = {t.text: t for t in Recogniser(get_gazetteer(), demonyms_as_places=True)(doc)}
    assert found["Azerbaijani"].demonym, found
    plain = {t.text for t in Recogniser(get_gazetteer())(doc)}
    assert "Azerbaijani" not in plain, plain


def test_district_then_city_name_is_the_city_not_the_state():
    text = "Pupils at a school in Queens, New York, fell ill with influenza."
    places = {p.name: p for p in resolve_spans(text, _spans(text, "Queens", "New York"))}
    city = places["New York"]
    assert abs(city.lat - 40.71) < 0.2 and abs(city.lon + 74.0) < 0.2, city
    assert "a district of the city" in city.reason  # the rule, not coherence alone
    text = "The suspect was arrested in Albany, New York, on Friday."
    state = {p.name: p for p in resolve_spans(text, _spans(text, "Albany", "New York"))}
    assert state["New York"].kind == "admin_region", state["New York"]


def test_state_named_like_a_country_in_a_local_story():
    text = ("Agents from the Georgia Bureau of Investigation searched a home in Fulton County. "
            "The suspect was later held in Savannah.")
    place = resolve_spans(text, _spans(text, "Georgia", "Fulton County", "Savannah"))[0]
    assert place.country_code == "US" and place.kind == "admin_region", place
    text = "Russian troops entered Georgia after fighting in Tskhinvali, South Ossetia."
    place = resolve_spans(text, _spans(text, "Georgia", "Tskhinvali", "South Ossetia"))[0]
    assert place.country_code == "GE" and place.kind == "country", place
