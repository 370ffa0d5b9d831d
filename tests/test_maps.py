"""The folium map: offline assets, 61 features, escaped text, a legend with counts and status styles."""

import re

import pytest

from lnb_dash import assets, boundaries, indicators, maps, views
from lnb_dash.filters import MapView


@pytest.fixture(scope="module")
def model(con):
    meta = indicators.get_indicator(con, "population")
    values = indicators.query_values(con, "population", 2023)
    return meta, views.build_map_model(meta, MapView(year=2023), values, indicators.query_area_values(con, "population", 2023),
                                       boundaries.read_municipalities(), "en", indicators.list_sources(con))


def test_map_html_loads_leaflet_from_the_app_and_nothing_from_a_cdn(model):
    meta, m = model
    html = maps.build_choropleth(m.gdf, m.classes, meta, "en").get_root().render()
    assert assets.LEAFLET_JS in html
    assert not re.search(r"https?://(cdn|code\.jquery|netdna|cdnjs|unpkg|d3js)", html)


def test_map_has_61_features_and_the_tooltip_fields(model):
    meta, m = model
    html = maps.build_choropleth(m.gdf, m.classes, meta, "en").get_root().render()
    assert html.count('"lau_code"') >= 61
    assert "value_text" in html and "rank_text" in html


def test_not_reported_is_drawn_and_listed_differently_from_classes(model):
    _, m = model
    assert "Not reported" in m.legend_html and "(47)" in m.legend_html
    assert "dashed" in m.legend_html


def test_title_discloses_year_and_coverage(model):
    _, m = model
    assert m.title == "Population (census), 2023"
    assert m.subtitle.startswith("14 of 61 municipalities have data for 2023.")


def test_names_from_data_are_escaped_in_map_features(model):
    meta, m = model
    gdf = m.gdf.copy()
    gdf.loc[0, "name"] = "<img src=x onerror=alert(1)>"
    html = maps.build_choropleth(gdf, m.classes, meta, "en").get_root().render()
    assert "<img src=x" not in html and "\\u0026lt;img src=x" in html  # escaped, then JSON-encoded


def test_legend_counts_add_up_to_61(model):
    _, m = model
    counts = [int(c) for c in re.findall(r"<small>\((\d+)\)</small>", m.legend_html)]
    assert sum(counts) == 61


def test_static_assets_are_copied_from_the_installed_package(tmp_path):
    target = assets.install_static_assets(tmp_path)
    assert (target / "leaflet.js").stat().st_size > 100_000 and (target / "leaflet.css").exists()


def test_an_indicator_name_from_data_is_escaped_in_the_tooltip(model):
    import dataclasses

    meta, m = model
    hostile = dataclasses.replace(meta, name={"en": "<img src=x onerror=alert(1)>", "sq": "x"})
    html = maps.build_choropleth(m.gdf, m.classes, hostile, "en").get_root().render()
    assert "<img src=x" not in html
