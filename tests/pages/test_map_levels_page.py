"""The map page draws the level the data exist at: counties for county-only series, a level picker where
several levels have data, the level in the address, title, tables and file names."""

import pytest

from tests.pages.helpers import open_page, texts


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    yield


def test_a_county_link_draws_the_12_counties_with_the_level_named():
    at = open_page("map", indicator="population_1jan", year="2023", level="county", lang="en")
    assert at.header[0].value == "Population on 1 January (estimate) – County, 2023"
    assert "12 of 12 counties have data for 2023" in texts(at)
    assert at.query_params["level"] == "county"
    assert not [s for s in at.selectbox if s.key == "map.level"], "one level only: no picker"
    at.session_state["map.tab"] = "Table"
    table = at.run().dataframe[0].value
    assert len(table) == 12 and table.iloc[0]["County"] == "Tiranë"


def test_a_county_only_indicator_is_offered_and_opens_on_counties_without_a_level_in_the_link():
    at = open_page("map", indicator="population_1jan", lang="sq")
    assert at.selectbox(key="map.indicator").value == "population_1jan"
    assert at.query_params["level"] == "county" and "Qark" in at.header[0].value


def test_the_level_picker_offers_the_levels_of_the_year_and_writes_the_address():
    at = open_page("map", indicator="population", year="2023", lang="en")
    assert at.selectbox(key="map.level").value == "municipality" and "level" not in at.query_params
    assert at.selectbox(key="map.level").options == ["Municipality", "County"]
    at.selectbox(key="map.level").set_value("county").run()
    assert at.query_params["level"] == "county" and at.header[0].value == "Population (census) – County, 2023"
    at.selectbox(key="map.year").set_value(1989).run()
    assert at.selectbox(key="map.level").options == ["County"]


def test_a_link_to_a_year_without_municipal_data_falls_to_the_counties():
    at = open_page("map", indicator="population", year="1989", lang="en")
    assert at.query_params["level"] == "county" and at.header[0].value.endswith("1989")


def test_a_municipality_link_is_unchanged():
    at = open_page("map", indicator="population", year="2011", lang="en")
    assert at.header[0].value == "Population (census), 2011" and "level" not in at.query_params


def test_clicking_a_county_opens_the_county_profile_link_not_a_municipality(monkeypatch):
    import streamlit

    opened = []
    monkeypatch.setattr(streamlit, "switch_page", lambda page, query_params=None: opened.append((page, dict(query_params or {}))))
    at = open_page("map", indicator="population_1jan", year="2023", level="county", lang="en")
    at.session_state["map.folium.clicked"] = "AL-06"
    at.run()
    assert opened == [("pages/profile.py", {"county": "AL-06", "lang": "en"})]


def test_clicking_a_municipality_still_opens_its_profile(monkeypatch):
    import streamlit

    opened = []
    monkeypatch.setattr(streamlit, "switch_page", lambda page, query_params=None: opened.append((page, dict(query_params or {}))))
    at = open_page("map", indicator="population", year="2011", lang="en")
    at.session_state["map.folium.clicked"] = "AL343"
    at.run()
    assert opened == [("pages/profile.py", {"m": "AL343", "lang": "en"})]


def test_a_former_unit_link_draws_the_373_units(shipped_db, tmp_path, monkeypatch):
    from lnb_dash import config
    from tests.former_units_fixture import add_synthetic_former_units

    monkeypatch.setattr(config, "DB_PATH", add_synthetic_former_units(shipped_db, tmp_path / "lnb.duckdb"))
    at = open_page("map", indicator="parl_turnout", year="2013", level="former_unit", lang="sq")
    assert at.query_params["level"] == "former_unit" and "Njësi vendore (para 2015)" in at.header[0].value
    assert "370 nga 373 njësi vendore" in texts(at)
    assert at.selectbox(key="map.level").options == ["Bashki", "Qark", "Njësi vendore (para 2015)"]
    at.session_state["map.tab"] = "Tabela"
    assert len(at.run().dataframe[0].value) == 373


def test_the_2017_election_offers_all_three_levels():
    at = open_page("map", indicator="parl_turnout", year="2017", lang="en")
    assert at.selectbox(key="map.level").options == ["Municipality", "County", "Former unit (before 2015)"]
    at.selectbox(key="map.level").set_value("former_unit").run()
    assert at.query_params["level"] == "former_unit" and "373 of 373 former units" in texts(at)
