"""The map data sent to the browser: 61 municipalities, styles from the classes, text (never markup), offline files."""

import dataclasses
import json
import re

import pytest

from lnb_dash import assets, boundaries, config, indicators, maps, views
from lnb_dash.classify import STATUS_STYLES
from lnb_dash.filters import MapView


@pytest.fixture(scope="module")
def model(con):
    meta = indicators.get_indicator(con, "population")
    values = indicators.query_values(con, "population", 2023)
    return meta, views.build_map_model(meta, MapView(year=2023), values, indicators.query_area_values(con, "population", 2023),
                                       boundaries.read_municipalities(), "en", indicators.list_sources(con))


def test_map_data_has_the_61_municipalities_with_tooltip_rows(model):
    _, m = model
    features = m.map_data["features"]
    assert len(features) == 61 and set(features) == set(m.gdf.lau_code)
    korce = features["AL343"]["tip"]
    assert [row[0] for row in korce] == ["Municipality", "Population (census)", "Year", "Rank"]
    assert korce[0][1] == "Korçë"


def test_missing_values_get_the_status_pattern_and_values_a_class_colour(model):
    _, m = model
    styles = [f["style"] for f in m.map_data["features"].values()]
    assert sum(s == STATUS_STYLES["not_reported"] for s in styles) == 9
    assert {s["fillColor"] for s in styles if s.get("dashArray") is None} <= set(m.classes.colors)


def test_map_data_names_only_files_the_app_serves_and_no_outside_address(model):
    _, m = model
    data = {k: v for k, v in m.map_data.items() if k != "basemap"}
    assert m.map_data["basemap"] is None
    assert re.fullmatch(r"geo/municipalities\.[0-9a-f]{12}\.json", data["geometry"])
    assert not re.search(r"https?://", json.dumps(data))


def test_the_map_data_is_small(model):
    _, m = model
    assert len(json.dumps(m.map_data).encode()) < 20_000


def test_not_reported_is_drawn_and_listed_differently_from_classes(model):
    _, m = model
    assert "Not reported" in m.legend_html and "(9)" in m.legend_html
    assert "dashed" in m.legend_html


def test_title_discloses_year_and_coverage(model):
    _, m = model
    assert m.title == "Population (census), 2023"
    assert m.subtitle.startswith("52 of 61 municipalities have data for 2023.")


def test_names_from_data_travel_as_text(model):
    meta, m = model
    gdf = m.gdf.copy()
    gdf.loc[0, "name"] = "<img src=x onerror=alert(1)>"
    data = maps.choropleth_data(gdf, m.classes, meta, "en", label="x")
    assert data["features"][gdf.lau_code[0]]["tip"][0][1] == "<img src=x onerror=alert(1)>"  # inserted as a text node


def test_legend_counts_add_up_to_61(model):
    _, m = model
    counts = [int(c) for c in re.findall(r"<small>\((\d+)\)</small>", m.legend_html)]
    assert sum(counts) == 61


def test_an_indicator_name_from_data_is_escaped_in_the_legend(model):
    meta, m = model
    hostile = dataclasses.replace(meta, name={"en": "<img src=x onerror=alert(1)>", "sq": "x"})
    legend = maps.build_legend_html(m.classes, hostile, "en", m.gdf.status)
    assert "<img src=x" not in legend and "&lt;img src=x" in legend


def test_priority_highlight_and_basemap_are_options(model, con):
    meta, m = model
    data = maps.choropleth_data(m.gdf, m.classes, meta, "en", label="x", highlight={"AL343", "AL111"}, basemap=True)
    assert data["highlight"] == ["AL111", "AL343"]
    assert data["basemap"]["url"].startswith("https://tile.openstreetmap.org/")


def test_locator_colours_one_municipality(model):
    _, m = model
    data = maps.locator_data(m.gdf, "AL343", "sq")
    fills = [f["style"]["fillColor"] for f in data["features"].values()]
    assert fills.count("#0072B2") == 1 and not data["interactive"]
    assert data["label"] == "Vendndodhja e Korçë në Shqipëri"


def test_static_assets_are_copied_from_the_installed_package(tmp_path):
    target = assets.install_static_assets(tmp_path)
    assert (target / "leaflet.js").stat().st_size > 100_000 and (target / "leaflet.css").exists()


def test_boundary_layers_are_written_with_the_join_key_only(tmp_path):
    assets.install_static_assets(tmp_path)
    layer = json.loads((tmp_path / assets.layer_path("municipalities")).read_text())
    assert len(layer["features"]) == 61
    assert all(set(f["properties"]) == {"lau_code"} for f in layer["features"])
    assert (tmp_path / assets.layer_path("municipalities")).stat().st_size < config.MUNICIPALITIES_GEOJSON.stat().st_size


def test_a_changed_boundary_file_gets_a_new_name(tmp_path, monkeypatch):
    source = tmp_path / "m.geojson"
    source.write_text(config.MUNICIPALITIES_GEOJSON.read_text())
    monkeypatch.setitem(assets.LAYERS, "municipalities", (source, "lau_code"))
    before = assets.layer_path("municipalities")
    source.write_text(source.read_text().replace("20.", "20.0", 1))
    assert assets.layer_path("municipalities") != before
