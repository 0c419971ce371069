"""Choosing the place a toponym refers to, with the document's evidence.

Each candidate gets a prior (feature type, population, capital) plus evidence, in two
passes. Pass one: the countries the document names (a country named in the same sentence
is near-decisive), "region"/"city of" cues, and "City, State" patterns seen from the
state's side. Pass two uses pass one's winners: a region resolved beside the mention
("Novoselivka, Kramatorsk Raion, Donetsk Oblast") and closeness to the other places.
The winner's evidence becomes the Place's `reason`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from sitrep.geo.candidates import (
    BIG_CITY,
    COUNTRY_LEVELS,
    Scored,
    Toponym,
    candidates,
    contains,
    haversine_km,
    is_main_city,
    prior,
    within,
)
from sitrep.geo.context import document_context
from sitrep.geo.normalise import name_key
from sitrep.geo.sources import DEMONYM
from sitrep.geo.store import LOOSE, Entry, Gazetteer, get_gazetteer
from sitrep.geo.whole_document import (
    country_holding_the_places,
    far_spelling_variants,
    namesake_region_of_a_local_story,
)
from sitrep.model import Mention, Place

# Which admin level a cue word announces: "Kharkiv region" is the oblast, but "the Houston
# region" is a metro area, not Houston County.
_CUE_LEVELS = {"oblast": "ADM1", "region": "ADM1", "province": "ADM1", "governorate": "ADM1",
               "state": "ADM1", "raion": "ADM2", "district": "ADM2", "county": "ADM2"}
_REGION_CUE = re.compile(rf"^\W{{0,2}}\s*({'|'.join(_CUE_LEVELS)})s?\b", re.I)
# "Sumy, Chernihiv and Odesa oblasts": every name of the list is a region.
_NAME = r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?"
_LISTED_REGIONS = re.compile(
    rf"^(?:\s*,\s*{_NAME})*\s*,?\s+(?:and|or)\s+{_NAME}\s+({'|'.join(_CUE_LEVELS)})s\b")
_TOWN_CUE = re.compile(r"\b(city|town|village|settlement|hamlet|suburb) of\s+$", re.I)
_ADJACENT = re.compile(r"^\s*,\s*$|^\s+in\s+(the\s+)?$")
_DISTRICT_KM = 30


@dataclass
class Weights:
    """Evidence weights that were tuned on the benchmarks' dev split."""

    country_doc: float = 1.0
    country_doc_dominant: float = 1.5
    region_doc: float = 2.0
    coherence: tuple = ((50, 4.0), (150, 2.5), (400, 0.5))


W = Weights()


class Resolver:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def resolve(self, text: str, toponyms: list[Toponym]) -> list[Place]:
        ctx = document_context(self.gaz, text)
        groups: dict[str, list[Toponym]] = defaultdict(list)
        for top in toponyms:
            groups[name_key(top.text)].append(top)
        for top in toponyms:
            top.region_word = _region_word(text, top)
        cands = {key: candidates(self.gaz, tops[0], any(t.region_word for t in tops))
                 for key, tops in groups.items()}
        ordered = sorted(toponyms, key=lambda t: t.start)
        scored = {key: self._first_pass(ctx, key, groups[key], cands[key], ordered, cands)
                  for key in groups}
        self._regions_beside(ctx, groups, scored, ordered)
        namesake_region_of_a_local_story(ctx, scored, cands)
        self._coherence(scored)
        withheld = far_spelling_variants(ctx, scored)
        return self._places(text, groups, scored, withheld)

    # -- pass one ----------------------------------------------------------------------

    def _first_pass(self, ctx, key, tops, entries, ordered, cands) -> list[Scored]:
        sentences = {ctx.sentence_of(t.start) for t in tops}
        dominant = ctx.dominant_country(exclude_key=key)
        counts = ctx.country_counts(exclude_key=key)
        out = []
        for entry in entries:
            item = Scored(entry, prior(entry))
            item.reasons.append((item.score, _prior_reason(entry, len(entries))))
            self._country_evidence(ctx, item, key, sentences, dominant, counts, entries)
            self._cues(ctx, item, tops)
            _eponymous_city(item, entries)
            self._after_a_place_inside(ctx.text, item, tops, ordered, cands)
            out.append(item)
        return sorted(out, key=lambda s: s.score, reverse=True)

    def _country_evidence(self, ctx, item, key, sentences, dominant, counts, entries) -> None:
        entry = item.entry
        if entry.level in COUNTRY_LEVELS:
            # "Georgia" in a document about the US: the namesake state, not the country.
            namesake = any(e.level == "ADM1" and e.cc == dominant for e in entries)
            if dominant and dominant != entry.cc and not counts.get(entry.cc) and namesake:
                item.add(-3.0, "a namesake region lies in the document's country")
            return
        if not entry.cc or not counts.get(entry.cc):
            return
        if any(e.level == "PCLI" and e.cc == entry.cc for e in entries):
            return  # 'Mexico' names the country: Mexican context cannot favour Mexico City
        name = self._country_name(entry.cc)
        if ctx.country_sentences(entry.cc, key) & sentences:
            item.add(3.5, f"country {name} named in same sentence")
        else:
            item.add(W.country_doc_dominant if entry.cc == dominant else W.country_doc,
                     f"country {name} named in document")
        item.country_points = item.score - prior(entry)

    def _cues(self, ctx, item, tops) -> None:
        entry, text = item.entry, ctx.text
        if entry.kind == "admin_region":
            for top in tops:
                if top.region_word and _CUE_LEVELS[top.region_word.lower()] == entry.level:
                    item.add(3.0, f"followed by '{top.region_word}'")
                    break
        if entry.level.startswith("PPL") and any(
                _TOWN_CUE.search(text[max(0, t.start - 20):t.start]) for t in tops):
            item.add(1.5, "introduced as a city, town or village")

    def _after_a_place_inside(self, text, item, tops, ordered, cands) -> None:
        """'Atlanta, Georgia' / 'Glasgow, Ky.': the state that holds the place before it."""
        entry = item.entry
        big_city = entry.level.startswith("PPL") and entry.population >= BIG_CITY
        if entry.level not in ("ADM1", "ADM2", "PCLI") and not big_city:
            return
        for top in tops:
            before = _previous(ordered, top)
            if before is None or not _ADJACENT.match(text[before.end:top.start]):
                continue
            if big_city:
                # 'Queens, New York' / 'Salford, Manchester': a district of the city, so
                # the name after it is the city, not the state or county named after it.
                if any(within(e, entry, _DISTRICT_KM) for e in cands.get(
                        name_key(before.text), []) if e.gid != entry.gid):
                    item.add(6.0, f"follows {before.text}, a district of the city")
                    return
                continue
            inside = [e for e in cands.get(name_key(before.text), []) if contains(entry, e)]
            if inside:
                item.add(5.0, f"follows {before.text}, a place inside it")
                return

    # -- pass two ----------------------------------------------------------------------

    def _regions_beside(self, ctx, groups, scored, ordered) -> None:
        """Candidates inside a region that another mention resolved to."""
        winners = {key: items[0].entry for key, items in scored.items() if items}
        regions = {key: w for key, w in winners.items() if w.level in ("ADM1", "ADM2")}
        if not regions:
            return
        for key, items in scored.items():
            tops = groups[key]
            sentences = {ctx.sentence_of(t.start) for t in tops}
            for item in items:
                self._region_evidence(ctx, item, key, tops, sentences, regions, ordered)
            items.sort(key=lambda s: s.score, reverse=True)

    def _region_evidence(self, ctx, item, key, tops, sentences, regions, ordered) -> None:
        for level, gid in (("admin2", item.entry.admin2), ("admin1", item.entry.admin1)):
            named = [(k, r) for k, r in regions.items() if r.gid == gid and k != key]
            if gid is None or gid == item.entry.gid or not named:
                continue
            region_name = named[0][1].name
            region_tops = [t for t in ordered if name_key(t.text) in {k for k, _ in named}]
            if any(_adjacent_after(ctx.text, t, r) for t in tops for r in region_tops):
                item.add_region(6.0, f"{level} {region_name} named beside it")
            elif any(ctx.sentence_of(r.start) in sentences for r in region_tops):
                item.add_region(4.0, f"{level} {region_name} named in same sentence")
            else:
                item.add_region(W.region_doc, f"{level} {region_name} named in document")
            return

    def _coherence(self, scored: dict[str, list[Scored]]) -> None:
        """Favour candidates near the other places this document resolved."""
        anchors = {key: items[0].entry for key, items in scored.items()
                   if items and items[0].entry.lat is not None
                   and items[0].entry.level not in COUNTRY_LEVELS}
        for key, items in scored.items():
            others = [a for k, a in anchors.items() if k != key]
            if len(items) < 2 or not others:
                continue
            # Closeness to places inside a country is no evidence against the country
            # itself: 'Mexico' beside 'Mexico City' stays the country, not México state.
            countries = {i.entry.cc for i in items if i.entry.level == "PCLI"}
            if len(countries) > 1:
                country_holding_the_places(items, others)
            for item in items:
                if item.entry.lat is None or item.entry.level in COUNTRY_LEVELS \
                        or item.entry.cc in countries:
                    continue
                nearest = min(others, key=lambda a: haversine_km(
                    item.entry.lat, item.entry.lon, a.lat, a.lon))
                dist = haversine_km(item.entry.lat, item.entry.lon, nearest.lat, nearest.lon)
                bonus = next((b for limit, b in W.coherence if dist < limit), 0.0)
                if bonus:
                    item.add(bonus, f"{dist:.0f} km from {nearest.name}, also named")
            items.sort(key=lambda s: s.score, reverse=True)

    # -- output ------------------------------------------------------------------------

    def _places(self, text, groups, scored, withheld: dict[str, str]) -> list[Place]:
        by_place: dict[object, Place] = {}
        for key, tops in groups.items():
            items = scored[key]
            mentions = [Mention(t.start, t.end, t.metonymic) for t in tops]
            if not items or key in withheld:
                by_place[("unresolved", key)] = Place(
                    tops[0].text, None, None, None, None, None, None, "other", mentions, 0.1,
                    withheld.get(key, "no gazetteer entry for this name"))
                continue
            split = _region_and_city(text, tops, items)
            for best, share in split:
                mentions = [Mention(t.start, t.end, t.metonymic) for t in share]
                partners = tuple(other for other, _ in split if other is not best)
                if best.entry.gid in by_place:
                    by_place[best.entry.gid].mentions.extend(mentions)
                else:
                    by_place[best.entry.gid] = self._place(share[0].text, best, items, mentions,
                                                           partners)
        places = list(by_place.values())
        for place in places:
            place.mentions.sort(key=lambda m: m.start)
        return sorted(places, key=lambda p: p.mentions[0].start)

    def _place(self, surface, best: Scored, items: list[Scored], mentions,
               partners: tuple[Scored, ...] = ()) -> Place:
        entry = best.entry
        top = max(s.score for s in items)
        total = sum(math.exp(s.score - top) for s in items)
        # A region and its city split by their mentions share one belief: the two together.
        scores = [best.score] + [c.score for c in partners]
        share = sum(math.exp(x - top) for x in scores) / total
        confidence = round(min(0.99, share) * (0.8 if entry.matched == LOOSE else 1.0), 3)
        admin1 = None
        if entry.level == "ADM1":
            admin1 = entry.name
        elif entry.admin1 is not None:
            region = self.gaz.get(entry.admin1)
            admin1 = region.name if region else None
        reasons = [why for points, why in sorted(best.reasons, key=lambda r: -r[0]) if points > 0]
        return Place(surface, entry.geonameid, entry.name, entry.lat, entry.lon, entry.cc,
                     admin1, entry.kind, mentions, confidence, "; ".join(reasons[:3]))

    def _country_name(self, cc: str) -> str:
        country = self.gaz.country(cc)
        return country.name if country else cc


def _region_and_city(text: str, tops: list[Toponym],
                     items: list[Scored]) -> list[tuple[Scored, list[Toponym]]]:
    """The winner with the mentions it takes. 'Kharkiv region' and bare 'Kharkiv' in one
    report share a name but not a place: when the winner is a region named with its region
    word, the bare mentions go to its main city."""
    best = items[0]
    cued = [t for t in tops if t.region_word]
    bare = [t for t in tops if not t.region_word]
    if best.entry.kind != "admin_region" or not cued or not bare:
        return [(best, tops)]
    city = next((i for i in items if is_main_city(i.entry, best.entry)), None)
    return [(best, cued), (city, bare)] if city else [(best, tops)]


def _eponymous_city(item: Scored, entries: list[Entry]) -> None:
    """Bare 'Kharkiv' or 'Donetsk' is the city, not the oblast named after it: a region
    loses to a same-named city inside it that holds a real share of its people (but
    'Quebec' stays the province: Québec City is 5% of it). A region cue outweighs this."""
    region = item.entry
    if region.level not in ("ADM1", "ADM2") or not region.population:
        return
    if any(e.matched == 0 and is_main_city(e, region) for e in entries):
        item.add(-2.5, "the name is first its main city's")


def _region_word(text: str, top: Toponym) -> str | None:
    """The region word after a name, or after the list it ends ("Sumy, Chernihiv and Odesa
    oblasts"), as written."""
    cue = _REGION_CUE.match(text[top.end:top.end + 14]) or _LISTED_REGIONS.match(
        text[top.end:top.end + 120])
    return cue.group(1) if cue else None


def _previous(ordered: list[Toponym], top: Toponym) -> Toponym | None:
    before = [t for t in ordered if t.end <= top.start]
    return before[-1] if before else None


def _adjacent_after(text: str, place: Toponym, region: Toponym) -> bool:
    """'X, Region' or 'X in (the) Region', possibly through a chain of regions."""
    if region.start < place.end or region.start - place.end > 60:
        return False
    gap = text[place.end:region.start]
    return bool(_ADJACENT.match(gap)) or bool(re.fullmatch(r"\s*,\s*[\w\s'’-]+,\s*", gap))


def _prior_reason(entry: Entry, n: int) -> str:
    kind = {"PCLI": "country", "CONT": "continent", "ADM1": "admin1 region",
            "ADM2": "admin2 region", "PPLC": "capital"}.get(entry.level,
                                                         entry.kind.replace("_", " "))
    how = {LOOSE: " (spelling variant)", DEMONYM: " (demonym)"}.get(entry.matched, "")
    if n == 1:
        return f"only {kind} of this name{how}"
    if entry.population:
        return f"{kind}, population {entry.population:,}{how}, of {n} candidates"
    return f"{kind}{how}, of {n} candidates"


def resolve_spans(text: str, spans: list[tuple[int, int]]) -> list[Place]:
    """Oracle mode: resolve given character spans (gold toponyms) without recognition.
    A span that is both a demonym and a place name ('Spanish', 'Canadian') keeps both
    readings as candidates: the country's prior and the document decide."""
    gaz = get_gazetteer()
    toponyms = [Toponym(start, end, text[start:end]) for start, end in spans]
    return Resolver(gaz).resolve(text, toponyms)
