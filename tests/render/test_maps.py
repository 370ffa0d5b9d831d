"""The folium maps: 61 municipalities, styles from the classes, escaped text, offline assets, the saved file."""

import dataclasses
import json
import re

import pytest

from lnb_dash import config
from lnb_dash.model import map as map_model
from lnb_dash.model.address import MapView
from lnb_dash.model.classify import FLAG_STYLE, STATUS_STYLES
from lnb_dash.ops import assets
from lnb_dash.query import boundaries, indicators
from lnb_dash.query.values import query_values
from lnb_dash.render import maps


def build(con, indicator, year, level="municipality", lang="en", **options):
    """The map model and its figure (map and legend) of one view."""
    meta = indicators.get_indicator(con, indicator)
    view = MapView(indicator=indicator, year=year, level=level, **options)
    m = map_model.build_map_model(meta, view, query_values(con, indicator, year, "total", level),
                                  query_values(con, indicator, year, "total", "national"), boundaries.read_level(level), lang,
                                  indicators.list_sources(con))
    return m, maps.map_figure(m, lang)


@pytest.fixture(scope="module")
def model(con):
    m, figure = build(con, "population", 2023)
    return m.meta, m, figure


def rendered(spec, lang="en") -> str:
    """The whole map page folium writes for a spec: base map plus the values layer."""
    m = maps.base_map(spec, lang)
    maps.values_layer(spec).add_to(m)
    return m.get_root().render()


def features_of(spec) -> list[dict]:
    """The values layer's GeoJSON features, each with the style folium draws it in."""
    layer = maps.values_layer(spec)
    geojson = next(iter(layer._children.values()))
    return [{**f, "style": geojson.style_function(f)} for f in geojson.data["features"]]


def test_the_values_layer_has_the_61_municipalities_with_tooltip_rows(model):
    _, m, figure = model
    assert set(figure.spec.features) == set(m.gdf.area_code) and len(figure.spec.features) == 61
    korce = figure.spec.features["AL343"]["tip"]
    assert [row[0] for row in korce] == ["Municipality", "Population (census)", "Year", "Rank", "Source of the value"]
    assert korce[0][1] == "Korçë"
    features = features_of(figure.spec)
    assert len(features) == 61 and {f["properties"]["lau_code"] for f in features} == set(m.gdf.area_code)
    html = rendered(figure.spec)
    assert "L.geoJson" in html or "L.geoJSON" in html
    assert '"Municipality"' in html and '"Rank"' in html


def test_missing_values_get_the_status_pattern_and_values_a_class_colour(con):
    m, figure = build(con, "covid19_families_assisted", 2020)  # 3 of 61 municipalities reported
    styles = [f["style"] for f in figure.spec.features.values()]
    assert sum(s == STATUS_STYLES["not_reported"] for s in styles) == 58
    assert {s["fillColor"] for s in styles if s.get("dashArray") is None} <= set(m.classes.colors)
    drawn = [f["style"] for f in features_of(figure.spec)]
    assert sum(s.get("dashArray") == "4 3" for s in drawn) == 58


def test_the_map_asks_for_nothing_outside_the_app(model):
    *_, figure = model
    html = rendered(figure.spec)
    assert re.findall(r'<script src="([^"]+)"', html) == ["/app/static/leaflet/leaflet.js"]
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) == ["/app/static/leaflet/leaflet.css"]
    assert not re.search(r"https?://(?!www\.w3\.org)", html)
    assert "/app/static/geo/counties." in html, "county lines come from the app's static files"


def test_a_view_change_sends_styles_and_texts_not_shapes(model):
    *_, figure = model
    from streamlit_folium import _get_map_string

    base = maps.base_map(figure.spec, "en")
    base.get_root().render()
    values = maps.values_script(figure.spec, "/app/static/geo/areas-municipalities.x.json")
    assert "coordinates" not in values and "Korçë" in values
    assert len(_get_map_string(base).encode()) + len(values.encode()) < 30_000


def test_the_shapes_are_one_hash_named_file_per_layer_keyed_by_code():
    path, body = maps.shapes_file("municipalities")
    shapes = json.loads(body)
    assert re.fullmatch(r"geo/areas-municipalities\.[0-9a-f]{12}\.json", path)
    assert len(shapes["codes"]) == len(shapes["shapes"]) == 61 and "AL343" in shapes["codes"]
    assert maps.shapes_file("municipalities")[0] == path, "the same shapes, the same name: browsers keep the file"
    county_path, county_body = maps.shapes_file("counties")
    assert county_path != path and sorted(json.loads(county_body)["codes"])[0] == "AL-01"


def test_the_base_map_is_the_same_for_every_view_of_a_page(model, con):
    *_, figure = model
    from streamlit_folium import _get_map_string, generate_js_hash

    _, other = build(con, "population", 2011)
    keys = set()
    for spec in (figure.spec, other.spec):
        base = maps.base_map(spec, "en")
        base.get_root().render()
        keys.add(generate_js_hash(_get_map_string(base), "map"))
    assert len(keys) == 1, "streamlit-folium would build a new map instead of repainting the values"


def test_not_reported_is_drawn_and_listed_differently_from_classes(con):
    _, figure = build(con, "covid19_families_assisted", 2020)
    assert "Not reported" in figure.legend_html and "(58)" in figure.legend_html
    assert "dashed" in figure.legend_html


@pytest.mark.parametrize("lang, words", [("en", "by 65 %"), ("sq", "me 65 %")])
def test_a_flagged_value_is_drawn_apart_and_its_tooltip_says_why_and_that_it_is_not_ranked(con, lang, words):
    meta = indicators.get_indicator(con, "local_turnout")
    view = MapView(indicator="local_turnout", year=2015, breakdown="female")
    m = map_model.build_map_model(meta, view, query_values(con, "local_turnout", 2015, "female", lang=lang),
                                  query_values(con, "local_turnout", 2015, "female", "national", lang=lang),
                                  boundaries.read_level("municipality"), lang, indicators.list_sources(con))
    figure = maps.map_figure(m, lang)
    malesi = dict(figure.spec.features["AL152"]["tip"])
    value_row, rank_row = list(malesi.values())[1], list(malesi.values())[3]
    assert "⚠" in value_row and words in value_row and rank_row.startswith("⚠ ") and "61" not in rank_row
    assert figure.spec.features["AL152"]["style"]["fillColor"] == FLAG_STYLE["fillColor"]
    assert "⚠" in figure.legend_html and "(20)" in figure.legend_html
    assert ("nuk jepet" if lang == "sq" else "not given") in figure.legend_html


def test_the_tooltip_names_each_values_publication_in_short(model, con):
    *_, figure = model
    assert dict(figure.spec.features["AL343"]["tip"])["Source of the value"] == "de.wikipedia 'Korça'"
    assert dict(figure.spec.features["AL214"]["tip"])["Source of the value"] == "citypopulation.de"
    assert "Source of the value" not in dict(build(con, "parl_turnout", 2017)[1].spec.features["AL343"]["tip"])


def test_title_discloses_year_and_coverage(model):
    _, m, _ = model
    assert m.title == "Population (census), 2023"
    assert m.subtitle.startswith("61 of 61 municipalities have data for 2023.")


def test_names_from_data_are_escaped_before_they_reach_folium(model):
    meta, m, _ = model
    gdf = m.gdf.copy()
    gdf.loc[0, "name"] = "<img src=x onerror=alert(1)>"
    spec = maps.choropleth_spec(gdf, m.classes, meta, "en", label="x")
    html = rendered(spec)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html.replace("\\u0026", "&")
    values = maps.values_script(spec, "/app/static/geo/areas-municipalities.x.json")
    assert "<img src=x onerror=alert(1)>" in values and ".textContent = " in values and "innerHTML" not in values, "text, never markup"


def test_legend_counts_add_up_to_61(model):
    *_, figure = model
    counts = [int(c) for c in re.findall(r"<small>\((\d+)\)</small>", figure.legend_html)]
    assert sum(counts) == 61


def test_an_indicator_name_from_data_is_escaped_in_the_legend(model):
    meta, m, _ = model
    hostile = dataclasses.replace(meta, name={"en": "<img src=x onerror=alert(1)>", "sq": "x"})
    legend = maps.build_legend_html(m.classes, hostile, "en", m.gdf.status)
    assert "<img src=x" not in legend and "&lt;img src=x" in legend


def test_priority_highlight_outlines_and_basemap_are_options(model):
    meta, m, figure = model
    spec = maps.choropleth_spec(m.gdf, m.classes, meta, "en", label="x", highlight={"AL343", "AL111"}, basemap=True)
    outlined = [f["properties"]["lau_code"] for f in features_of(spec) if f["properties"]["front"]]
    assert outlined == ["AL111", "AL343"]
    assert all(f["style"]["weight"] == maps.HIGHLIGHT_STYLE["weight"] for f in features_of(spec) if f["properties"]["front"])
    assert "https://tile.openstreetmap.org/" in rendered(spec)
    assert "tile.openstreetmap.org" not in rendered(figure.spec)


def test_locator_colours_one_municipality_and_zooms_to_it(model):
    _, m, _ = model
    spec = maps.locator_spec(m.gdf, "AL343", "sq")
    fills = [f["style"]["fillColor"] for f in spec.features.values()]
    assert fills.count("#0072B2") == 1 and not spec.interactive
    assert spec.label == "Vendndodhja e Korçës në Shqipëri"
    bounds = json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", rendered(spec, "sq"), re.S).group(1))
    assert bounds[1][0] - bounds[0][0] < 1.5, "zoomed to Korçë, not the whole country (3 degrees tall)"


def test_the_standalone_map_file_has_leaflet_inlined_and_says_what_it_shows(model, con):
    _, m, _ = model
    page = maps.interactive_map_html(m, ["census2023_municipalities"], indicators.list_sources(con), "en")
    assert "<script src=" not in page and '<link rel="stylesheet"' not in page
    assert "Leaflet" in page and m.title in page and "lnb-legend" in page
    assert "Source:" in page and "OpenStreetMap contributors (ODbL 1.0)" in page
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', page), "nothing is fetched from the network"


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


def level_model(con, indicator, year, level, lang="en", **options):
    return build(con, indicator, year, level, lang, **options)


@pytest.fixture(scope="module")
def former_con(shipped_db, tmp_path_factory):
    from lnb_dash.query import db
    from tests.former_units_fixture import add_synthetic_former_units

    path = add_synthetic_former_units(shipped_db, tmp_path_factory.mktemp("former") / "lnb.duckdb")
    connection = db.connect(path)
    yield connection
    connection.close()


def test_a_county_map_colours_the_12_counties_by_code_with_the_level_in_every_tooltip(con):
    m, figure = level_model(con, "population_1jan", 2023, "county")
    assert sorted(figure.spec.features) == [f"AL-{i:02d}" for i in range(1, 13)] and figure.spec.layer == "counties"
    features = features_of(figure.spec)
    assert len(features) == 12 and {f["properties"]["code"] for f in features} == set(figure.spec.features)
    assert not any("lau_code" in f["properties"] for f in features), "a click on a county never opens a municipality"
    korce = figure.spec.features["AL-06"]["tip"]
    assert korce[0] == ["County", "Korçë"] and korce[1][0] == "Population on 1 January (estimate)" and korce[3][1].endswith(" of 12")
    assert m.title == "Population on 1 January (estimate) – County, 2023" and "County" in figure.legend_html
    assert m.subtitle.startswith("12 of 12 counties have data for 2023")
    assert not figure.spec.counties, "no county lines over the counties themselves"


def test_county_rank_says_of_12_in_albanian_and_the_level_is_named(con):
    m, figure = level_model(con, "population_1jan", 2023, "county", lang="sq")
    assert figure.spec.features["AL-11"]["tip"][3][1].endswith("nga 12")
    assert "Qark" in m.title and "Qark" in figure.legend_html and figure.spec.features["AL-11"]["tip"][0][0] == "Qarku"


def test_the_county_table_and_download_have_one_row_per_county_with_codes(con):
    m, _ = level_model(con, "population_1jan", 2023, "county")
    assert len(m.table) == 12 and m.table.iloc[0]["County"] == "Tiranë" and m.table.iloc[0]["Rank"] == 1
    assert sorted(m.download.county_code) == [f"AL-{i:02d}" for i in range(1, 13)] and set(m.download.level) == {"county"}
    assert "lau_code" not in m.download
    assert map_model.view_file_name(MapView(indicator="population_1jan", year=2023, level="county")) == "population_1jan_county_2023"


def test_a_saved_county_map_draws_the_12_counties_without_a_network(con):
    m, _ = level_model(con, "population_1jan", 2023, "county")
    page = maps.interactive_map_html(m, ["instat_population_1jan"], indicators.list_sources(con), "en")
    assert page.count('"code":"AL-') == 12 and "County" in page


def test_the_former_unit_map_has_373_units_under_todays_municipality_lines(former_con):
    _, figure = level_model(former_con, "parl_turnout", 2013, "former_unit")
    spec = figure.spec
    assert len(spec.features) == 373 and spec.layer == "former_units" and spec.municipality_lines and not spec.counties
    features = features_of(spec)
    assert len(features) == 373
    unit = next(f for f in features if f["properties"]["code"] == "AL34301")
    assert unit["properties"]["lau_code"] == "AL343", "a click opens the municipality the unit belongs to today"
    tip = spec.features["AL34301"]["tip"]
    assert [row[0] for row in tip] == ["Former unit (before 2015)", "Municipality", "Turnout, parliamentary elections", "Year", "Rank"]
    assert tip[1][1] == "Korçë" and tip[3][1] == "2013" and tip[4][1].endswith(" of 370 · 370 of 373 have a value")
    html = rendered(spec)
    assert '"lnbMunicipalities"' in html and assets.layer_path("municipalities") in html
    assert assets.layer_path("former_units") in html and all(f["geometry"]["coordinates"] == [] for f in features), \
        "the 373 shapes come from the browser's cached static file, not with every view"
    assert len(html.encode()) < 120_000
    assert maps.MUNICIPALITY_LINE_STYLE["color"] in html
    assert "Municipality border (today)" in figure.legend_html and "County border" not in figure.legend_html
    assert sum(f["style"].get("dashArray") == "4 3" for f in features) == 3, "units without a value are drawn as missing"


def test_the_former_unit_download_carries_unit_municipality_and_county_codes(former_con):
    m, _ = level_model(former_con, "parl_turnout", 2013, "former_unit")
    d = m.download
    assert len(d) == 373 and d.unit_code.is_unique and set(d.level) == {"former_unit"}
    row = d[d.unit_code == "AL34301"].iloc[0]
    assert row.lau_code == "AL343" and row.municipality == "Korçë" and row.county == "Korçë"
    assert d.value.isna().sum() == 3, "missing is missing, never 0"
    assert list(m.table.columns[:3]) == ["Former unit (before 2015)", "Municipality", "County"]


def test_a_saved_former_unit_map_embeds_the_municipality_lines(former_con):
    m, figure = level_model(former_con, "parl_turnout", 2013, "former_unit")
    page = maps.standalone_html(figure.spec, "en", title=m.title, subtitle=m.subtitle, legend_html=figure.legend_html, source_text="x")
    assert page.count('"code":"AL') == 373 and "lnbMunicipalities" in page and "fetch(" not in page


def test_the_2017_election_maps_all_373_former_units_with_its_own_source(con):
    m, figure = level_model(con, "parl_turnout", 2017, "former_unit")
    assert len(figure.spec.features) == 373 and (m.download.status == "value").sum() == 373
    assert set(m.download.source) == {indicators.list_sources(con).set_index("source_id").title["cec_parliament_2017_former_units"]}
    assert m.subtitle.startswith("373 of 373 former units (before 2015) have data for 2017")
    assert map_model.view_file_name(MapView(indicator="parl_turnout", year=2017, level="former_unit")) == "parl_turnout_former_unit_2017"


def test_the_standalone_map_file_carries_the_views_caveats(model, con):
    _, m, _ = model
    page = maps.interactive_map_html(m, ["census2023_municipalities"], indicators.list_sources(con), "en",
                                     ["⚠ 9 of 61 municipalities are missing."])
    assert "⚠ 9 of 61 municipalities are missing." in page
