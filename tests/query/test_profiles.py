"""What the municipal and county profiles read: every municipality's valid values behind a spine row, an area's series,
a county's indicators and municipalities, census counts with missing kept missing."""

import pytest

from lnb_dash.query import indicators
from lnb_dash.query import profiles as queries


@pytest.fixture(scope="module")
def kamez(con):
    return indicators.query_profile(con, "AL221")


def test_distributions_hold_only_valid_values_for_the_indicator_years_shown(con, kamez):
    dist = queries.query_distributions(con, kamez)
    assert set(zip(dist.indicator_id, dist.year)) <= set(zip(kamez.indicator_id, kamez.year))
    assert dist.value.notna().all()
    per = dist.groupby(["indicator_id", "year"]).size()
    assert per[("local_turnout", 2015)] == 61 and per[("population", 2023)] == 61


def test_a_series_has_more_than_one_year_in_order(con):
    series = queries.query_series(con, "AL221")
    assert series["population"] == [(2011, 104190.0), (2023, 96137.0)]
    assert "local_turnout" not in series  # one year only: no sparkline
    assert all(len(s) > 1 and [y for y, _ in s] == sorted(y for y, _ in s) for s in series.values())


def test_tirana_county_has_its_five_municipalities_by_name(con):
    munis = queries.list_county_municipalities(con, "AL-11")
    assert munis.name.tolist() == ["Kamëz", "Kavajë", "Rrogozhinë", "Tiranë", "Vorë"]
    assert sorted(munis.lau_code) == ["AL221", "AL222", "AL223", "AL224", "AL225"]


def test_a_county_is_compared_with_the_other_counties_and_albania(con):
    rows = queries.query_county_indicators(con, "AL-11")
    population = rows[rows.indicator_id == "population"]
    assert set(population.year) == {2023} and len(population) == 13 and "AL" in set(population.area_code)
    assert rows.value.notna().all()


def test_census_counts_missing_stay_missing(con):
    census = queries.query_census(con, ["AL-11", "AL223"]).set_index(["area_code", "year"])
    assert census.loc[("AL-11", 1989), "value"] == 449228 and len(census.loc["AL-11"]) == 4
    assert census.loc[("AL223", 2023), "value"] == 12_567
    assert sorted(census.loc["AL223"].index) == [2011, 2023], "no municipal count before 2011: absent, never 0"
