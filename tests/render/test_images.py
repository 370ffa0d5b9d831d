"""Pictures of maps and charts, made without a browser."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from lnb_dash.model import map as map_model
from lnb_dash.model.address import MapView
from lnb_dash.query import boundaries, indicators
from lnb_dash.query.values import query_values
from lnb_dash.render import charts, images


@pytest.fixture(scope="module")
def model(con):
    meta = indicators.get_indicator(con, "population")
    values = query_values(con, "population", 2023)
    m = map_model.build_map_model(meta, MapView(year=2023), values, query_values(con, "population", 2023, level="national"),
                                  boundaries.read_level("municipality"), "sq", indicators.list_sources(con))
    return meta, values, m


def test_static_map_png_has_the_stated_size(model):
    meta, values, m = model
    chart = images.frame_chart(images.build_static_map(m.gdf, m.classes, meta, "sq", values.status, width=300), m.title, m.subtitle, "Burimi: x", "sq")
    spec = chart.to_dict()
    assert spec["title"]["text"] == "Popullsia (census), 2023"
    width, height = images.png_size(images.to_png(chart, scale=2))
    assert width > 600 and height > 600 and width % 2 == 0 and height % 2 == 0  # scale 2 of the spec's size


def test_chart_svg_parses_and_carries_title_source_and_dashboard(model):
    meta, values, m = model
    chart = images.frame_chart(charts.build_ranked_bar_chart(values, m.classes, meta, "en", m.national_value).properties(width=500),
                               "Population (census), 2023", m.subtitle, "Source: Eurostat", "en")
    svg = images.to_svg(chart)
    ET.fromstring(svg)
    assert "Population (census), 2023" in svg and "Source: Eurostat" in svg and "LNB municipal dashboard" in svg


def _women_2015(con, lang="en"):
    meta = indicators.get_indicator(con, "local_turnout")
    values = query_values(con, "local_turnout", 2015, "female", lang=lang)
    m = map_model.build_map_model(meta, MapView(indicator="local_turnout", year=2015, breakdown="female"), values,
                                  query_values(con, "local_turnout", 2015, "female", level="national"),
                                  boundaries.read_level("municipality"), lang, indicators.list_sources(con))
    return meta, values, m


def test_the_static_legend_lists_not_reported_with_its_count(con):
    meta = indicators.get_indicator(con, "covid19_families_assisted")
    values = query_values(con, "covid19_families_assisted", 2020)
    m = map_model.build_map_model(meta, MapView(indicator="covid19_families_assisted", year=2020), values,
                                  query_values(con, "covid19_families_assisted", 2020, level="national"),
                                  boundaries.read_level("municipality"), "en", indicators.list_sources(con))
    svg = images.to_svg(images.build_static_map(m.gdf, m.classes, meta, "en", values.status, width=200))
    assert "Not reported (58)" in svg


def test_the_pictures_mark_flagged_values_with_their_count_and_leave_them_unranked(con):
    meta, values, m = _women_2015(con)
    svg = images.to_svg(images.build_static_map(m.gdf, m.classes, meta, "en", values.status, width=200))
    assert "⚠ Doubtful value: not ranked, classed or counted in national figures (20)" in svg
    bars = charts.build_ranked_bar_chart(values, m.classes, meta, "en").to_dict()
    rows = {r["label"]: r for r in next(iter(bars["datasets"].values()))}
    assert rows["Malësi e Madhe ⚠"]["rank_text"].startswith("⚠ not ranked: Women + men")
    assert sum(label.endswith("⚠") for label in rows) == 20


def test_png_size_refuses_non_png():
    with pytest.raises(ValueError):
        images.png_size(b"GIF89a")


def test_chart_axes_follow_the_language(model):
    from lnb_dash.render import charts

    meta, values, m = model
    chart = charts.localize(charts.build_ranked_bar_chart(values, m.classes, meta, "sq", m.national_value).properties(width=400), "sq")
    svg = images.to_svg(chart)
    assert re.search(r">\d+\u00a0000<", svg)  # a (non-breaking) space groups thousands on the Albanian axis
    assert "2\u00a0400\u00a0000" not in svg, "the axis ends near the largest municipality, not at Albania's total"


def test_the_map_picture_shows_what_the_screen_shows_and_the_whole_source(con, model):
    meta, values, m = model
    chart = images.build_static_map(m.gdf, m.classes, meta, "en", values.status, counties=boundaries.read_counties(),
                                    highlight=frozenset({"AL343", "AL224"}))
    spec = chart.to_dict()
    legend_text = json.dumps(spec)
    assert "County border" in legend_text and "LNB priority municipality (thick outline) (2)" in legend_text
    assert len(spec["hconcat"][0]["layer"]) == 3, "areas, county borders, priority outlines"
    source = map_model.source_text(["census2023_municipalities", "eurostat_lau2019"], indicators.list_sources(con), "en")
    assert "License:" in source
    framed = images.frame_chart(chart, m.title, m.subtitle, source, "en").to_dict()
    footer = [row["line"] for rows in framed["datasets"].values() for row in rows if "line" in row]
    assert " ".join(footer[:-1]) == " ".join(source.split()) and not any("…" in line for line in footer)


def test_a_picture_carries_the_views_caveats_short_and_marked(model, con):
    from lnb_dash.model import caveats

    meta, values, m = model
    items = caveats.indicator_caveats(con, indicators.list_sources(con), "population", ["census2023_municipalities"], "en", 2023)
    short = caveats.short_caveats(items)
    assert short and all(c.startswith("⚠ ") and len(c) <= 162 for c in short)
    svg = images.to_svg(images.frame_chart(charts.build_ranked_bar_chart(values, m.classes, meta, "en").properties(width=500),
                                           "Population (census), 2023", m.subtitle, "Source: INSTAT", "en", caveats=short))
    assert "⚠" in svg and "Source: INSTAT" in svg


def test_a_county_locator_colours_that_county_alone():
    counties = boundaries.read_counties()
    chart = images.locator_shapes(counties, "AL-11", width=200, key="county_code")
    on = [f for f in chart.to_dict()["data"]["values"] if f["properties"]["on"]]
    assert len(chart.to_dict()["data"]["values"]) == 12 and len(on) == 1
    svg = images.to_svg(images.frame_chart(chart, "Qarku i Tiranës", "", "Burimi: x", "sq"))  # framed like a slide's picture
    assert "Qarku i Tiranës" in svg and svg.count("#0072B2") + svg.count("#0072b2") == 1
