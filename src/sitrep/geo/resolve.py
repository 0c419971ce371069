"""Choosing the place a toponym refers to, with the document's evidence.

Each candidate gets a prior (feature type, population) plus evidence: the countries the
document mentions (names, demonyms, datelines), admin regions named beside it, a
"region"/"city of" cue, and, in a second pass, closeness to the other places resolved in
the document. The winner's evidence becomes the Place's `reason`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from sitrep.geo.normalise import name_key
from sitrep.geo.store import LOOSE, Entry, Gazetteer
from sitrep.geo.sources import ALTERNATE, DEMONYM
from sitrep.model import Mention, Place

_REGION_SUFFIX = re.compile(
    r"\s+(oblast|region|province|raion|district|governorate|state|krai)$", re.I)
_REGION_CUE = re.compile(r"^\W{0,2}\s*(oblast|region|province|raion|district|governorate)\b", re.I)
_TOWN_CUE = re.compile(r"\b(city|town|village|settlement|hamlet) of\s+$", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n+")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
_MAX_CANDIDATES = 60


@dataclass
class Toponym:
    """A recognised (or gold) span to resolve."""

    start: int
    end: int
    text: str
    metonymic: bool = False
    demonym: bool = False


@dataclass
class _Scored:
    entry: Entry
    score: float
    reasons: list[tuple[float, str]] = field(default_factory=list)

    def add(self, points: float, why: str) -> None:
        self.score += points
        self.reasons.append((points, why))


def prior(entry: Entry) -> float:
    """Belief before evidence: countries and continents dominate, then size."""
    size = math.log10(entry.population + 1)
    base = {"PCLI": 6.0, "CONT": 6.0, "AREA": 5.5, "WATER": 5.0, "OTHER": 5.0,
            "ADM1": 2.0 + 0.3 * size, "ADM2": 1.0 + 0.25 * size}.get(entry.level)
    score = 0.75 * size if base is None else base
    if entry.matched == ALTERNATE:
        score -= 0.3
    elif entry.matched == LOOSE:
        score -= 1.0
    return score


def candidates(gaz: Gazetteer, top: Toponym) -> list[Entry]:
    """Gazetteer entries for the mention, trying the bare name of 'X region' forms."""
    found = [e for e in gaz.lookup(top.text) if (e.matched == DEMONYM) == top.demonym
             or e.level in ("PCLI", "CONT") and top.demonym]
    if not found:
        base = _REGION_SUFFIX.sub("", top.text)
        if base != top.text:
            found = [e for e in gaz.lookup(base) if e.matched != DEMONYM]
            regions = [e for e in found if e.kind == "admin_region"]
            found = regions or found
    if len(found) > _MAX_CANDIDATES:
        found = sorted(found, key=prior, reverse=True)[:_MAX_CANDIDATES]
    return found


def sentence_index(text: str) -> list[int]:
    """Start offsets of sentences (a cheap splitter: the resolver must work without spaCy)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _sentence_of(starts: list[int], offset: int) -> int:
    lo = 0
    for i, s in enumerate(starts):
        if s <= offset:
            lo = i
    return lo


def document_countries(gaz: Gazetteer, text: str) -> dict[str, int]:
    """Countries named or implied (demonyms) anywhere in the text, with counts."""
    counts: dict[str, int] = defaultdict(int)
    for match in _CAPITALISED.finditer(text):
        for entry in gaz.lookup(match.group(), loose=False):
            if entry.level == "PCLI" and entry.cc and entry.matched in (0, 1, DEMONYM):
                counts[entry.cc] += 1
    return counts


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class Resolver:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def resolve(self, text: str, toponyms: list[Toponym]) -> list[Place]:
        groups: dict[str, list[Toponym]] = defaultdict(list)
        for top in toponyms:
            groups[name_key(top.text)].append(top)
        cands = {key: candidates(self.gaz, tops[0]) for key, tops in groups.items()}
        starts = sentence_index(text)
        countries = document_countries(self.gaz, text)
        admins = self._admin_mentions(groups, cands, starts)
        scored = {key: self._score(text, groups[key], cands[key], starts, countries, admins)
                  for key in groups}
        self._coherence(scored)
        return self._places(groups, scored)

    def _admin_mentions(self, groups, cands, starts) -> dict[int, dict[str, set[int]]]:
        """Admin-region gid -> {mention key: sentences} for mentions that could name it."""
        where: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for key, entries in cands.items():
            sentences = {_sentence_of(starts, t.start) for t in groups[key]}
            for entry in entries:
                if entry.level in ("ADM1", "ADM2", "PCLI"):
                    where[entry.gid][key] |= sentences
        return where

    def _score(self, text, tops, entries, starts, countries, admins) -> list[_Scored]:
        sentences = {_sentence_of(starts, t.start) for t in tops}
        after = " ".join(text[t.end:t.end + 12] for t in tops)
        before = " ".join(text[max(0, t.start - 20):t.start] for t in tops)
        out = []
        for entry in entries:
            item = _Scored(entry, prior(entry))
            item.reasons.append((item.score, _prior_reason(entry, len(entries))))
            self._evidence(item, tops, sentences, countries, admins, after, before)
            out.append(item)
        return sorted(out, key=lambda s: s.score, reverse=True)

    def _evidence(self, item, tops, sentences, countries, admins, after, before) -> None:
        entry = item.entry
        own_key = name_key(tops[0].text)
        for level, gid in (("admin2", entry.admin2), ("admin1", entry.admin1)):
            # Only another mention counts: "Moscow" must not vouch for Moscow's own region.
            named_by = {k: s for k, s in admins.get(gid, {}).items() if k != own_key}
            if gid is None or gid == entry.gid or not named_by:
                continue
            region = self.gaz.get(gid)
            if region is None:
                continue
            if set().union(*named_by.values()) & sentences:
                item.add(4.0, f"{level} {region.name} named in same sentence")
            else:
                item.add(2.5, f"{level} {region.name} named in document")
        if entry.cc and entry.level != "PCLI":
            named = countries.get(entry.cc, 0)
            if named:
                country = self.gaz.country(entry.cc)
                item.add(2.0, f"country {country.name if country else entry.cc} named in document")
        if entry.kind == "admin_region" and any(_REGION_CUE.match(after[i:]) for i in (0,)):
            item.add(3.0, "followed by a region word")
        if entry.level == "PPL" and _TOWN_CUE.search(before):
            item.add(1.5, "introduced as a city, town or village")

    def _coherence(self, scored: dict[str, list[_Scored]]) -> None:
        """Second pass: favour candidates near the other places this document resolved."""
        anchors = {key: items[0].entry for key, items in scored.items()
                   if items and items[0].entry.lat is not None and items[0].entry.level
                   in ("PPL", "ADM2", "ADM1", "AREA", "WATER")}
        for key, items in scored.items():
            others = [a for k, a in anchors.items() if k != key]
            if len(items) < 2 or not others:
                continue
            for item in items:
                if item.entry.lat is None or item.entry.level in ("PCLI", "CONT"):
                    continue
                nearest = min(others, key=lambda a: haversine_km(
                    item.entry.lat, item.entry.lon, a.lat, a.lon))
                dist = haversine_km(item.entry.lat, item.entry.lon, nearest.lat, nearest.lon)
                bonus = 2.0 if dist < 50 else 1.5 if dist < 150 else 1.0 if dist < 400 else 0.0
                if bonus:
                    item.add(bonus, f"{dist:.0f} km from {nearest.name}, also named")
            items.sort(key=lambda s: s.score, reverse=True)

    def _places(self, groups, scored) -> list[Place]:
        by_place: dict[object, Place] = {}
        for key, tops in groups.items():
            items = scored[key]
            mentions = [Mention(t.start, t.end, t.metonymic) for t in tops]
            if not items:
                by_place[("unresolved", key)] = Place(
                    tops[0].text, None, None, None, None, None, None, "other", mentions, 0.1,
                    "no gazetteer entry for this name")
                continue
            best = items[0]
            place_id = best.entry.gid
            if place_id in by_place:
                by_place[place_id].mentions.extend(mentions)
                continue
            by_place[place_id] = self._place(tops[0].text, best, items, mentions)
        places = list(by_place.values())
        for place in places:
            place.mentions.sort(key=lambda m: m.start)
        return sorted(places, key=lambda p: p.mentions[0].start)

    def _place(self, surface, best: _Scored, items: list[_Scored], mentions) -> Place:
        entry = best.entry
        top = max(s.score for s in items)
        total = sum(math.exp(s.score - top) for s in items)
        confidence = round(min(0.99, 1.0 / total) * (0.8 if entry.matched == LOOSE else 1.0), 3)
        admin1 = None
        if entry.level == "ADM1":
            admin1 = entry.name
        elif entry.admin1 is not None:
            region = self.gaz.get(entry.admin1)
            admin1 = region.name if region else None
        reasons = [why for points, why in sorted(best.reasons, key=lambda r: -r[0]) if points > 0]
        return Place(surface, entry.geonameid, entry.name, entry.lat, entry.lon, entry.cc,
                     admin1, entry.kind, mentions, confidence, "; ".join(reasons[:3]))


def _prior_reason(entry: Entry, n: int) -> str:
    kind = {"PCLI": "country", "CONT": "continent", "ADM1": "admin1 region",
            "ADM2": "admin2 region"}.get(entry.level, entry.kind.replace("_", " "))
    how = {LOOSE: " (spelling variant)", DEMONYM: " (demonym)"}.get(entry.matched, "")
    if n == 1:
        return f"only {kind} of this name{how}"
    if entry.population:
        return f"{kind}, population {entry.population:,}{how}, of {n} candidates"
    return f"{kind}{how}, of {n} candidates"
