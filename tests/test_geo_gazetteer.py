"""Gazetteer: name keys, the packaged index, and building from GeoNames dumps."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sitrep.geo.normalise import loose_key, name_key
from sitrep.geo.store import Gazetteer, get_gazetteer, write_index

FIXTURE = Path(__file__).parent / "fixtures" / "geonames"


@pytest.mark.parametrize("a, b", [
    ("Zaporizhzhia", "Zaporozhye"), ("Luhansk", "Lugansk"), ("Chernihiv", "Chernigov"),
    ("Kharkiv", "Kharkov"), ("Запоріжжя", "Zaporizhia"), ("Dnipro", "Dnepr"),
])
def test_loose_key_folds_romanisations(a, b):
    assert loose_key(a) and loose_key(a) == loose_key(b)


def test_name_key_folds_case_diacritics_apostrophes():
    assert name_key("Kam’yanske") == name_key("KAMYANSKE")
    assert name_key("Oděsa") == name_key("odesa")
    assert name_key("Kryvyi-Rih") == name_key("Kryvyi Rih")


def test_short_names_get_no_loose_key():
    # 'Kyiv' and 'Kiev' must meet through GeoNames alternate names, not a 2-letter skeleton.
    assert loose_key("Kyiv") == ""


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.mark.parametrize("variant", ["Kyiv", "Kiev", "Odesa", "Odessa", "Zaporizhzhia",
                                     "Zaporozhye", "Запоріжжя", "Luhansk", "Lugansk",
                                     "Chernihiv", "Chernigov"])
def test_transliteration_variants_reach_the_ukrainian_city(gaz, variant):
    entries = gaz.lookup(variant)
    assert any(e.cc == "UA" and e.kind == "populated_place" and e.population > 100_000
               for e in entries), entries


@pytest.mark.parametrize("alias, cc", [("U.S.", "US"), ("Britain", "GB"), ("DRC", "CD"),
                                       ("UK", "GB"), ("America", "US")])
def test_news_aliases_reach_countries(gaz, alias, cc):
    assert any(e.kind == "country" and e.cc == cc for e in gaz.lookup(alias))


def test_el_obeid_and_al_ubayyid_are_one_place(gaz):
    ids = {e.gid for e in gaz.lookup("El Obeid")} & {e.gid for e in gaz.lookup("Al-Ubayyid")}
    assert ids


def test_admin_regions_and_curated_areas_have_points(gaz):
    oblast = [e for e in gaz.lookup("Donetsk Oblast") if e.level == "ADM1"][0]
    assert 47 < oblast.lat < 49.5 and 36.5 < oblast.lon < 39
    donbas = gaz.lookup("Donbas")[0]
    assert donbas.kind == "area" and donbas.geonameid is None
    assert any(e.kind == "water" for e in gaz.lookup("Black Sea"))


def test_demonyms_are_marked(gaz):
    assert any(e.kind == "country" and e.cc == "SD" and e.matched == 3
               for e in gaz.lookup("Sudanese"))


def _zip(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name.replace(".txt", ".zip")
    with zipfile.ZipFile(target, "w") as zf:
        zf.write(FIXTURE / name, arcname=name)
    return target


def test_build_from_geonames_dumps(tmp_path):
    from sitrep.geo.dumps import read_dumps

    source = read_dumps(_zip(tmp_path, "allCountries.txt"), _zip(tmp_path, "alternateNamesV2.txt"))
    index = tmp_path / "g.sqlite"
    write_index(index, source, "test")
    gaz = Gazetteer(index)
    kramatorsk = gaz.lookup("Краматорск")[0]
    assert kramatorsk.gid == 704508 and kramatorsk.admin1 == 709716
    assert kramatorsk.admin2 == 12189528
    assert gaz.lookup("KRQ") == []  # codes are not names
    assert gaz.lookup("Some Farm") == []  # feature classes a news geoparser does not need
    assert gaz.lookup("Oskil")[0].kind == "water"
    assert {e.admin1 for e in gaz.lookup("Novoselivka")} == {709716, 706482}


def test_gazetteer_build_command(tmp_path):
    from typer.testing import CliRunner

    from sitrep.geo.cli import gazetteer_app

    out = tmp_path / "cli.sqlite"
    result = CliRunner().invoke(gazetteer_app, [
        "build", "--geonames", str(_zip(tmp_path, "allCountries.txt")), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert Gazetteer(out).lookup("Kramators'k")[0].gid == 704508
