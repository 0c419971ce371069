"""The gazetteer's readings of a toponym, and what is believed of each before the
document's evidence: its prior (feature type, population, seat) and which readings are
never what prose means."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from sitrep.geo.sources import ALTERNATE, DEMONYM
from sitrep.geo.store import LOOSE, Entry, Gazetteer

_REGION_SUFFIX = re.compile(
    r"\s+(oblast|region|province|raion|district|governorate|state|krai|county)$", re.I)
_REGION_NAMES = ("Oblast", "Province", "Governorate", "Krai", "Region")
_MAX_CANDIDATES = 60
BIG_CITY = 1_000_000
EPONYM_SHARE = 0.1
COUNTRY_LEVELS = ("PCLI", "CONT")
_SEAT_BONUS = {"PPLC": 1.5, "PPLA": 0.8, "PPLA2": 0.3}


@dataclass
class Toponym:
    """A recognised (or gold) span to resolve."""

    start: int
    end: int
    text: str
    metonymic: bool = False
    demonym: bool = False
    region_word: str | None = None  # "region" in "the Kursk region"; set by the resolver


def prior(entry: Entry) -> float:
    """Belief before evidence: countries and continents dominate, then regions, then size."""
    size = math.log10(entry.population + 1)
    if entry.level in COUNTRY_LEVELS:
        return 9.0 + 0.05 * size
    base = {"AREA": 6.5, "WATER": 6.5, "OTHER": 6.0, "ADM1": 3.5 + 0.3 * size,
            "ADM2": 1.0 + 0.25 * size}.get(entry.level)
    score = 0.75 * size + _SEAT_BONUS.get(entry.level, 0.0) if base is None else base
    if entry.matched == ALTERNATE:
        score -= 0.3
    elif entry.matched == LOOSE:
        score -= 1.5
    return score


def candidates(gaz: Gazetteer, top: Toponym, region_next: bool = False) -> list[Entry]:
    """Gazetteer entries for the mention, trying the bare name of 'X region' forms, and the
    region's own name when a region word follows a name that only a city answers to
    ('the Kursk region': Kurskaya oblast')."""
    found = gaz.lookup(top.text)
    if region_next and not any(e.kind == "admin_region" for e in found):
        known = {e.gid for e in found}
        found = found + [e for suffix in _REGION_NAMES for e in gaz.lookup(f"{top.text} {suffix}")
                         if e.kind == "admin_region" and e.gid not in known]
    if top.demonym:
        found = [e for e in found if e.matched == DEMONYM or e.level in COUNTRY_LEVELS]
    if not found:
        base = _REGION_SUFFIX.sub("", top.text)
        if base != top.text:
            found = [e for e in gaz.lookup(base) if e.matched != DEMONYM]
            regions = [e for e in found if e.kind == "admin_region"]
            found = regions or found
    found = _drop_hijackers(found)
    if len(found) > _MAX_CANDIDATES:
        found = sorted(found, key=prior, reverse=True)[:_MAX_CANDIDATES]
    return found


def _drop_hijackers(found: list[Entry]) -> list[Entry]:
    """A town known by a country's or state's name only as an alternate name ('Turkey'
    for a New Jersey borough, 'São Paulo' for a village) is never what prose means when
    the country or state itself is a candidate, nor is a county ('Delaware' for Delaware
    County, Indiana). Big cities keep their short names
    ('New York' for New York City)."""
    if not any(e.level in (*COUNTRY_LEVELS, "ADM1") for e in found):
        return found
    regions = {e.gid: e for e in found if e.level == "ADM1"}
    return [e for e in found if _main_city_of_region(e, regions) or not (
        e.matched in (ALTERNATE, LOOSE) and (
            e.level == "ADM2" or e.level.startswith("PPL") and e.population < BIG_CITY))]


def _main_city_of_region(entry: Entry, regions: dict[int, Entry]) -> bool:
    """'Zaporizhzhia' is also the other spelling of the oblast's main city (Zaporizhzhya):
    that city stays a candidate, for a cue such as 'the city of' to choose. `regions`: the
    ADM1 candidates by id."""
    region = regions.get(entry.admin1)
    return entry.matched == ALTERNATE and region is not None and is_main_city(entry, region)


def is_main_city(city: Entry, region: Entry) -> bool:
    """A populated place inside the region that holds a real share of its people: Kharkiv
    of Kharkiv Oblast, not Québec City (5% of Quebec)."""
    return (city.level.startswith("PPL") and region.gid in (city.admin1, city.admin2)
            and city.population >= EPONYM_SHARE * region.population)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Scored:
    entry: Entry
    score: float
    reasons: list[tuple[float, str]] = field(default_factory=list)
    country_points: float = 0.0

    def add(self, points: float, why: str) -> None:
        self.score += points
        self.reasons.append((points, why))

    def add_region(self, points: float, why: str) -> None:
        """A region named beside the place says all its country does, and more: the two
        pieces of evidence do not stack."""
        self.add(points - self.country_points, why)
        self.country_points = 0.0


def within(a: Entry, b: Entry, km: float) -> bool:
    return a.lat is not None and b.lat is not None and haversine_km(a.lat, a.lon, b.lat,
                                                                    b.lon) <= km


def contains(region: Entry, entry: Entry) -> bool:
    if region.level == "PCLI":
        return entry.cc == region.cc and entry.gid != region.gid
    return region.gid in (entry.admin1, entry.admin2) and entry.gid != region.gid
