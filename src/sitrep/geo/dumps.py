"""Reading the full GeoNames dumps (allCountries.zip, alternateNamesV2.zip) into rows.

For users who have the dumps: it lifts the ceiling set by cities500 (villages, admin
regions with GeoNames' own points, rivers, seas, regions). Curated areas and aliases are
added as for the packaged index.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from sitrep.geo.normalise import is_indexable
from sitrep.geo.sources import ALTERNATE, DEMONYM, PRIMARY, Row, Source, _read_curated

_COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "PCLIX", "TERR"}
_WATER_CODES = {"SEA", "OCN", "STM", "GULF", "BAY", "LK", "STRT", "CHN", "RSV"}
_AREA_CODES = {"RGN", "AREA", "PEN", "ISL", "ISLS", "VAL", "DSRT", "PLN", "MTS", "MT"}
# Alternate-name "languages" that are codes or links, never prose names.
_NOT_NAMES = {"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid", "abbr", "fr_1793"}


def _lines(archive: Path, member_suffix: str) -> Iterator[list[str]]:
    with zipfile.ZipFile(archive) as zf:
        member = next(n for n in zf.namelist() if n.endswith(member_suffix))
        with zf.open(member) as raw:
            for line in io.TextIOWrapper(raw, encoding="utf-8"):
                if line.strip() and not line.startswith("#"):
                    yield line.rstrip("\n").split("\t")


def _classify(fclass: str, fcode: str) -> tuple[str, str] | None:
    """(kind, level) for the features a news geoparser needs; None drops the feature."""
    if fclass == "P":  # capitals and admin seats keep their code: the resolver favours them
        return "populated_place", fcode if fcode in ("PPLC", "PPLA", "PPLA2") else "PPL"
    if fclass == "A" and fcode in ("ADM1", "ADM2"):
        return "admin_region", fcode
    if fclass == "A" and fcode in _COUNTRY_CODES:
        return "country", "PCLI"
    if fcode == "CONT":
        return "continent", "CONT"
    if fclass == "H" and fcode in _WATER_CODES:
        return "water", "WATER"
    if fclass in ("L", "T") and fcode in _AREA_CODES:
        return "area", "AREA"
    return None


def read_dumps(geonames: Path, alternate_names: Path | None = None,
               progress=lambda msg: None) -> Source:
    progress(f"reading {geonames}")
    rows: list[Row] = []
    names: list[tuple[str, int, int]] = []
    admin1: dict[tuple[str, str], int] = {}
    admin2: dict[tuple[str, str, str], int] = {}
    codes: dict[int, tuple[str, str, str]] = {}
    for cols in _lines(geonames, ".txt"):
        kind_level = _classify(cols[6], cols[7])
        if kind_level is None:
            continue
        gid, cc, a1, a2 = int(cols[0]), cols[8], cols[10], cols[11]
        kind, level = kind_level
        if level == "ADM1":
            admin1[(cc, a1)] = gid
        elif level == "ADM2":
            admin2[(cc, a1, a2)] = gid
        codes[gid] = (cc, a1, a2)
        rows.append(Row(gid, cols[1], kind, level, float(cols[4]), float(cols[5]), cc or None,
                        None, None, int(cols[14] or 0)))
        names.append((cols[1], gid, PRIMARY))
        if alternate_names is None:
            names += [(a, gid, ALTERNATE) for a in cols[3].split(",") if is_indexable(a)]
    for row in rows:
        cc, a1, a2 = codes[row.gid]
        row.admin1 = admin1.get((cc, a1))
        row.admin2 = admin2.get((cc, a1, a2)) if row.level != "ADM1" else None
    if alternate_names is not None:
        names += _alternate_names(alternate_names, set(codes), progress)
    names += _demonyms(rows)
    _read_curated(rows, names)
    return Source(rows, names)


def _alternate_names(path: Path, wanted: set[int], progress) -> list[tuple[str, int, int]]:
    progress(f"reading {path}")
    out = []
    for cols in _lines(path, ".txt"):
        gid = int(cols[1])
        if gid in wanted and cols[2] not in _NOT_NAMES and is_indexable(cols[3]):
            out.append((cols[3], gid, ALTERNATE))
    return out


def _demonyms(rows: list[Row]) -> list[tuple[str, int, int]]:
    """Country demonyms from countryinfo, attached to the dump's own country records."""
    from countryinfo import all_countries

    by_cc = {row.cc: row.gid for row in rows if row.level == "PCLI" and row.cc}
    out = []
    for country in all_countries():
        try:
            cc, demonym = country.iso(2), country.demonym()
        except Exception:  # sparse countryinfo records
            continue
        if demonym and cc in by_cc:
            out.append((demonym, by_cc[cc], DEMONYM))
    return out
