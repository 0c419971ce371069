"""Evidence only the whole document gives: which of two same-named countries holds its
other places, a namesake region of a local story, and names too far from everything to trust."""

from __future__ import annotations

from collections import Counter

from sitrep.geo.candidates import Scored, contains, within
from sitrep.geo.context import DocContext
from sitrep.geo.sources import DEMONYM
from sitrep.geo.store import LOOSE, Entry

_FAR_KM = 1500
_FAR_SPELLING = (f"only a spelling variant matches, in a country the document does not name, "
                 f"over {_FAR_KM} km from every other place: left unresolved")


def country_holding_the_places(items: list[Scored], others: list[Entry]) -> None:
    """'Congo' names two countries: the one that holds the document's other places (Goma,
    Uvira) is meant, when the other holds none of them."""
    if any(i.entry.matched == DEMONYM for i in items):
        return  # "Chinese" names a people wherever the places are
    holding = {a.cc for a in others}
    inside = [i for i in items if i.entry.level == "PCLI" and i.entry.cc in holding]
    if len(inside) == 1:
        inside[0].add(2.0, "holds the other places named")


def namesake_region_of_a_local_story(ctx: DocContext, scored: dict[str, list[Scored]],
                                      cands: dict[str, list[Entry]]) -> None:
    """'Georgia' in a story that also names Fulton County and Savannah: the state, not the
    country, even when no country is named. Needs two other names that can lie inside
    the region, a resolved place in the region's country and no word of the country
    itself ('Georgian', 'Tbilisi' keep it)."""
    winners = {key: items[0].entry for key, items in scored.items() if items}
    for key, items in scored.items():
        country = items[0].entry if items else None
        if country is None or country.level != "PCLI" or ctx.country_counts(key).get(country.cc):
            continue
        local = Counter(w.cc for k, w in winners.items() if k != key and w.cc)
        if local.get(country.cc):
            continue
        for item in items[1:]:
            region = item.entry
            inside = sum(any(contains(region, e) for e in entries)
                         for k, entries in cands.items() if k != key)
            if region.level == "ADM1" and local.get(region.cc) and inside >= 2:
                items[0].add(-4.5, f"the other places lie in {region.name}, its namesake")
                items.sort(key=lambda s: s.score, reverse=True)
                break


def far_spelling_variants(ctx: DocContext, scored: dict[str, list[Scored]]) -> dict[str, str]:
    """A name the gazetteer knows only by a looser spelling, whose best place lies in a
    country the document neither names nor places anything else in, far from every other
    place ("Kotlyne" in a Donetsk report read as Cuautitlán, Mexico), is left unresolved,
    with why: a wrong dot on the map is worse than none, and the mention is kept."""
    anchors = {key: items[0].entry for key, items in scored.items()
               if items and items[0].entry.lat is not None and items[0].entry.matched != LOOSE}
    named = ctx.country_counts()
    withheld = {}
    for key, items in scored.items():
        best = items[0].entry if items else None
        if best is None or best.lat is None or best.matched != LOOSE or best.cc in named:
            continue
        others = [a for k, a in anchors.items() if k != key]
        if others and all(a.cc != best.cc and not within(best, a, _FAR_KM) for a in others):
            withheld[key] = _FAR_SPELLING
    return withheld
