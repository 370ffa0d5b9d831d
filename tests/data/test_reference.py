"""The reference tables: 61 municipalities and 12 counties with their Albanian forms, the 373 former units and their boundaries."""

import json
import shutil

import pytest
import shapely

from lnb_dash import config
from lnb_dash.data.check import check_data
from lnb_dash.names import read_reference

REFERENCE = read_reference(config.DATA_DIR)
MUNICIPALITIES = REFERENCE["municipalities"]
COUNTIES = REFERENCE["counties"]
UNITS = REFERENCE["former_units"]
UNITS_GEOJSON = config.ROOT / "geo" / "albania_former_units.geojson"


@pytest.mark.parametrize("official, definite, genitive", [
    ("Tiranë", "Tirana", "Tiranës"), ("Korçë", "Korça", "Korçës"), ("Kamëz", "Kamza", "Kamzës"), ("Durrës", "Durrësi", "Durrësit"),
    ("Shkodër", "Shkodra", "Shkodrës"), ("Vlorë", "Vlora", "Vlorës"), ("Elbasan", "Elbasani", "Elbasanit"), ("Fier", "Fieri", "Fierit"),
    ("Berat", "Berati", "Beratit"), ("Kukës", "Kukësi", "Kukësit"), ("Dibër", "Dibra", "Dibrës"), ("Gjirokastër", "Gjirokastra", "Gjirokastrës"),
    ("Lushnjë", "Lushnja", "Lushnjës"), ("Mallakastër", "Mallakastra", "Mallakastrës"), ("Malësi e Madhe", "Malësia e Madhe", "Malësisë së Madhe"),
    ("Shijak", "Shijaku", "Shijakut"), ("Gramsh", "Gramshi", "Gramshit"), ("Vau i Dejës", "Vau i Dejës", "Vaut të Dejës"),
])
def test_municipalities_carry_their_definite_and_genitive_forms(official, definite, genitive):
    row = MUNICIPALITIES.set_index("name").loc[official]
    assert (row.name_definite, row.name_genitive) == (definite, genitive)


def test_every_municipality_and_county_has_both_forms_following_its_ending():
    for frame in (MUNICIPALITIES, COUNTIES):
        for name, definite, genitive in zip(frame.name, frame.name_definite, frame.name_genitive):
            assert definite and genitive and definite != genitive
            if name.endswith("ë") and " " not in name:
                assert (definite, genitive) == (name[:-1] + "a", name[:-1] + "ës"), name
            elif name.endswith("j"):
                assert genitive == name + "t", name  # Memaliaji, Memaliajt ("minierës së Memaliajt")
            elif definite.endswith("i") and " " not in name:
                assert genitive == definite + "t", name


def test_counties_share_the_forms_of_their_seat():
    forms = MUNICIPALITIES.set_index("name")[["name_definite", "name_genitive"]]
    assert len(COUNTIES) == 12
    for row in COUNTIES.itertuples(index=False):
        assert (row.name_definite, row.name_genitive) == tuple(forms.loc[row.name])


def test_the_373_former_units_each_lie_in_one_of_the_61():
    assert len(UNITS) == 373 and UNITS.unit_code.is_unique and UNITS.osm_relation_id.is_unique
    assert set(UNITS.lau_code) == set(MUNICIPALITIES.lau_code)
    assert all(code.startswith(lau) and len(code) == 7 for code, lau in zip(UNITS.unit_code, UNITS.lau_code))
    counties = dict(zip(MUNICIPALITIES.lau_code, MUNICIPALITIES.county_code))
    assert all(counties[lau] == county for lau, county in zip(UNITS.lau_code, UNITS.county_code))
    assert UNITS.type_pre2015.value_counts().to_dict() == {"commune": 308, "municipality": 65}


def test_former_unit_codes_follow_the_pre_2015_commune_ids_within_each_municipality():
    for _, group in UNITS.groupby("lau_code"):
        assert list(group.com_id.astype(int)) == sorted(group.com_id.astype(int))
        assert list(group.unit_code.str[-2:].astype(int)) == list(range(1, len(group) + 1))


def test_the_former_units_boundaries_match_the_reference():
    features = json.loads(UNITS_GEOJSON.read_text(encoding="utf-8"))["features"]
    assert sorted(f["properties"]["unit_code"] for f in features) == sorted(UNITS.unit_code)
    lau = dict(zip(UNITS.unit_code, UNITS.lau_code))
    assert all(f["properties"]["lau_code"] == lau[f["properties"]["unit_code"]] for f in features)
    assert all(shapely.geometry.shape(f["geometry"]).is_valid for f in features)
    assert UNITS_GEOJSON.stat().st_size < 250_000


def test_check_passes_on_the_shipped_reference():
    assert check_data(config.DATA_DIR).ok


@pytest.mark.parametrize("table, edit, message", [
    ("aliases", lambda t: t.replace("Korça,municipality,AL343", "Korça,municipality,AL224"), "names AL343 but also AL224"),
    ("aliases", lambda t: t.replace("Korça,municipality,AL343", "Korça,municipality,AL999"), "'AL999' is not a known municipality code"),
    ("aliases", lambda t: t.replace("Korça,municipality,AL343", "Korça,city,AL343"), "'city' is not one of"),
    ("municipalities", lambda t: t.replace(",Kamza,Kamzës", ",Kamza,"), "column 'name_genitive': is empty"),
    ("former_units", lambda t: "".join(line for line in t.splitlines(keepends=True) if ",AL346," not in line), "without any former unit: ['AL346']"),
])
def test_check_refuses_a_broken_reference(tmp_path, table, edit, message):
    data_dir = tmp_path / "data"
    shutil.copytree(config.DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    path = data_dir / "reference" / f"{table}.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    problems = [str(p) for p in check_data(data_dir).problems]
    assert any(message in p for p in problems), problems[:5]
