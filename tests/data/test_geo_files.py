"""The shipped boundary files: the map's join key, validity, size and area budgets."""

import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from lnb_dash import config

REFERENCE = pd.read_csv(config.DATA_DIR / "reference" / "municipalities.csv", dtype=str)


@pytest.fixture(scope="module")
def municipalities():
    return gpd.read_file(config.MUNICIPALITIES_GEOJSON)


def test_boundaries_have_the_61_reference_codes_once(municipalities):
    assert sorted(municipalities.lau_code) == sorted(REFERENCE.lau_code)


def test_boundaries_carry_official_names_and_counties(municipalities):
    merged = municipalities.merge(REFERENCE, on="lau_code", suffixes=("", "_ref"))
    assert (merged.name == merged.name_ref).all()
    assert (merged.qark == merged.qark_ref).all()
    assert "Korçë" in set(municipalities.name) and "Dimal" in set(municipalities.name)


def test_every_geometry_is_valid_and_the_coverage_has_no_gaps_or_overlaps(municipalities):
    assert municipalities.is_valid.all()
    assert shapely.coverage_is_valid(municipalities.geometry.values)


def test_municipality_file_fits_the_100_kb_budget():
    assert config.MUNICIPALITIES_GEOJSON.stat().st_size <= 100_000


def test_each_area_is_within_two_percent_of_full_resolution(municipalities):
    full = pd.read_csv(config.GEO_DIR / "albania_municipalities.full_areas.csv").set_index("lau_code").area_km2_full
    simplified = municipalities.set_index("lau_code").to_crs("EPSG:6870").area / 1e6
    assert ((simplified / full.loc[simplified.index] - 1).abs() <= 0.02).all()


def test_counties_are_the_12_qarqe_and_nest_the_municipalities(municipalities):
    counties = gpd.read_file(config.COUNTIES_GEOJSON)
    assert sorted(counties.qark) == sorted(REFERENCE.qark.unique()) and len(counties) == 12
    assert counties.is_valid.all()
    assert abs(counties.to_crs(6870).area.sum() / municipalities.to_crs(6870).area.sum() - 1) < 1e-3


def test_geojson_is_plain_wgs84_without_a_foreign_crs_member():
    data = json.loads(config.MUNICIPALITIES_GEOJSON.read_text(encoding="utf-8"))
    assert "crs" not in data and data["type"] == "FeatureCollection"
