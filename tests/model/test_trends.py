"""County trends: breaks are never joined, censuses are points, Albania never shares an axis with counties' counts."""

import json

import pandas as pd
import pytest

from lnb_dash.model import trends
from lnb_dash.model.change import CENSUS_YEARS
from lnb_dash.query import indicators
from lnb_dash.render import charts


@pytest.fixture(scope="module")
def sources(con):
    return indicators.list_sources(con)


def _series(con, indicator, lang="en"):
    return trends.label_series(indicators.query_timeseries(con, indicator, list(trends.chart_areas(True))), lang)


def _layers(spec):
    return spec["layer"]


def _data(spec):
    return next(iter(spec["datasets"].values()))


def test_county_series_are_the_1_january_estimates_and_the_censuses(con):
    ids = trends.county_series_ids(indicators.query_coverage_by_level(con))
    assert "population_1jan" in ids and "population" in ids and "parliament_seats" not in ids


def test_the_trends_page_offers_every_series_and_knows_its_levels(con):
    offered = trends.series_indicators(indicators.list_indicators(con), indicators.query_coverage_by_level(con))
    assert offered.ids[-1] == "population_1jan" and "population_1jan" in offered.county and "population_1jan" not in offered.municipal
    assert "parl_turnout" in offered.municipal and "parl_turnout" in offered.county
    assert "social_care_programme_spending" in offered.municipal and "social_care_programme_spending" not in offered.county
    assert trends.settle_level("municipality", "population_1jan", offered.county, offered.municipal) == "county"


def test_a_break_starts_a_new_line_so_nothing_joins_2023_to_the_2025_value(con):
    data = trends.with_segments(_series(con, "population_1jan"))
    albania = data[data.area_code == "AL"].set_index("year")
    assert albania.loc[2025].break_in_series and albania.loc[2023].line != albania.loc[2025].line
    assert data[data.area_code == "AL-11"].line.nunique() == 1, "a county's series has no break"
    meta = indicators.get_indicator(con, "population_1jan")
    spec = json.loads(charts.build_county_trend_chart(data, meta, "en", ("AL-11",), "persons").to_json())
    lines = [layer for layer in _layers(spec) if layer["mark"]["type"] == "line"]
    assert lines and all(layer["encoding"]["detail"]["field"] == "line" for layer in lines)
    rows = pd.DataFrame(_data(spec))
    by_line = rows.groupby("line").year.apply(set)
    assert not any({2023, 2025} <= years for years in by_line), "no line holds both sides of the break"
    breaks = [layer for layer in _layers(spec) if layer["encoding"].get("shape")]
    assert breaks and set(rows[rows.break_in_series].marker) == {"break in series"}
    discs = [layer for layer in _layers(spec) if layer["encoding"].get("color") == {"value": "white"}]
    assert discs and discs[0]["mark"]["filled"], "the value after a break is hollow: a ring over a white disc"


@pytest.mark.parametrize("national", [False, True], ids=["counties", "albania"])
def test_the_break_legend_shows_the_ring_it_names(con, sources, national):
    import vl_convert

    meta = indicators.get_indicator(con, "population_1jan")
    trend = trends.prepare(_series(con, "population_1jan"), meta, "en", False, sources)
    data = trend.national if national else trends.with_segments(_series(con, "population_1jan"))
    vega = vl_convert.vegalite_to_vega(charts.build_county_trend_chart(data, meta, "en", (), trend.y_title).to_json())
    [legend] = [legend for legend in vega["legends"] if "shape" in legend]
    symbols = legend.get("encode", {}).get("symbols", {}).get("update", {})
    assert legend["symbolStrokeColor"] == "#000000" and "stroke" not in symbols, "the row has a visible ring, not only its words"
    assert symbols.get("opacity", {}).get("value", 1) == 1


def test_twelve_county_lines_are_drawn_and_the_chosen_ones_are_coloured(con, sources):
    meta = indicators.get_indicator(con, "population_1jan")
    trend = trends.prepare(_series(con, "population_1jan"), meta, "en", False, sources)
    assert trend.data.area_code.nunique() == 12 and "AL" not in set(trend.data.area_code), "counts: Albania is not on the counties' axis"
    assert any("2025: 2,363,314 persons (break in series)" in n for n in trend.notes), "Albania's figures are stated in words"
    assert any(n.startswith("Break in series: the estimates up to 1 January 2023") for n in trend.notes), "the source's caveat"
    albania = trend.national.set_index("year")
    assert albania.loc[2023].line != albania.loc[2025].line, "Albania's own chart is cut at the break too"
    spec = json.loads(charts.build_county_trend_chart(trend.data, meta, "en", ("AL-11", "AL-09"), trend.y_title).to_json())
    color = next(layer["encoding"]["color"] for layer in _layers(spec) if "color" in layer.get("encoding", {}))
    assert color["scale"]["domain"] == ["Tiranë county", "Dibër county", "Other counties"]


def test_the_albanian_caption_quotes_the_albanian_caveat(con, sources):
    meta = indicators.get_indicator(con, "population_1jan")
    trend = trends.prepare(_series(con, "population_1jan", "sq"), meta, "sq", False, sources)
    assert any(n.startswith("Ndërprerje e serisë:") for n in trend.notes)


def test_census_counts_are_four_separate_points_per_county_never_a_line(con, sources):
    meta = indicators.get_indicator(con, "population")
    trend = trends.prepare(_series(con, "population"), meta, "en", False, sources)
    assert trend.points_only
    counties = trend.data[trend.data.area_level == "county"]
    assert all(tuple(sorted(g.year)) == CENSUS_YEARS for _, g in counties.groupby("area_code"))
    spec = json.loads(charts.build_county_trend_chart(trend.data, meta, "en", ("AL-11",), trend.y_title, points_only=True).to_json())
    assert {layer["mark"]["type"] for layer in _layers(spec)} == {"point"}
    assert spec["layer"][0]["encoding"]["x"]["type"] == "quantitative", "uneven census gaps look uneven"


def test_an_index_starts_at_a_common_base_year_and_stops_at_a_break(con, sources):
    meta = indicators.get_indicator(con, "population")
    trend = trends.prepare(_series(con, "population"), meta, "en", True, sources)
    assert trend.y_title == "Index (1989 = 100)"
    assert (trend.data[trend.data.year == 1989].value == 100).all() and "AL" in set(trend.data.area_code)
    meta = indicators.get_indicator(con, "population_1jan")
    trend = trends.prepare(_series(con, "population_1jan"), meta, "en", True, sources)
    assert trend.y_title == "Index (2016 = 100)", "the first year Albania and every county have a value"
    albania = trend.data[trend.data.area_code == "AL"]
    assert albania.year.max() == 2023, "a value after a break is not indexed to a base before it"
    assert not any(n.startswith("Without a value in the base year") for n in trend.notes)
    assert any(n.startswith("Values after a break in series are not drawn") for n in trend.notes)
    without_albania = trends.prepare(_series(con, "population_1jan")[lambda s: s.area_code != "AL"], meta, "en", True, sources)
    assert without_albania.y_title == "Index (2002 = 100)"


def test_level_choice_file_names_and_csv_columns_say_county(con, sources):
    assert trends.settle_level("municipality", "population_1jan", ["population_1jan"], []) == "county"
    assert trends.settle_level("county", "parl_turnout", ["population_1jan"], ["parl_turnout"]) == "municipality"
    assert trends.file_base("population_1jan", "total", "county") == "population_1jan_county_trend"
    assert trends.file_base("parl_turnout", "total", "municipality") == "parl_turnout_trend"
    series = _series(con, "population_1jan", "sq")
    meta = indicators.get_indicator(con, "population_1jan")
    out = trends.with_level_name(trends.trend_download(series, meta, "sq", sources), "sq")
    assert set(out[out.level == "county"].level_name) == {"Qark"} and list(out.columns).index("level_name") == 3
    assert trends.highlighted_areas(("AL-99",)) == trends.DEFAULT_AREAS


def test_albanias_line_never_joins_across_a_missing_year(con):
    data = trends.with_segments(_series(con, "population_1jan"))
    albania = data[data.area_code == "AL"].set_index("year")
    assert albania.loc[2019].line != albania.loc[2021].line, "2020 has no value: 2019 and 2021 are not joined"
    assert albania.loc[2016].line == albania.loc[2019].line, "consecutive years stay one line"
    assert data[data.area_code == "AL-11"].line.nunique() == 1, "a county published every second year is one line"


@pytest.mark.parametrize("asked, field, shown, values", [
    ({"indicator": "parl_voters", "breakdown": "women"}, "breakdown", "total", ["female", "male", "total"]),
    ({"indicator": "parl_voters", "level": "former_unit"}, "level", "municipality", ["municipality", "county"]),
    ({"indicator": "population_1jan", "level": "municipality"}, "level", "county", ["county"]),
    ({"indicator": "social_care_programme_spending", "level": "county"}, "level", "municipality", ["municipality"]),
    ({"indicator": "parl_voters", "level": "county", "breakdown": "female"}, "breakdown", "total", ["female", "male", "total"]),
])
def test_a_trends_link_asking_for_what_has_no_series_is_told_what_is_shown_and_what_exists(con, asked, field, shown, values):
    from lnb_dash.model.address import TrendsView, notice_text

    offered = trends.series_indicators(indicators.list_indicators(con), indicators.query_coverage_by_level(con))
    breakdowns = indicators.get_indicator(con, asked["indicator"]).breakdowns
    settled = trends.settle(TrendsView.from_query_params(asked), breakdowns, list(offered.county), list(offered.municipal))
    assert getattr(settled, field) == shown and settled.to_query_params().get(field, shown) == shown, "the address says what is shown"
    [substitution] = trends.substitutions(asked, settled, breakdowns, list(offered.county), list(offered.municipal))
    assert (substitution.field, substitution.asked, substitution.shown) == (field, asked[field], shown)
    assert [v for v, _ in substitution.options] == values
    for value, option in substitution.options:  # every link opens a view with that series, settled: no second notice
        assert trends.settle(option, breakdowns, list(offered.county), list(offered.municipal)) == option
        assert str(getattr(option, field)) == value
    assert notice_text(substitution, "sq").startswith("Nuk ka të dhëna")


def test_a_trends_link_with_what_exists_gets_no_notice(con):
    from lnb_dash.model.address import TrendsView

    offered = trends.series_indicators(indicators.list_indicators(con), indicators.query_coverage_by_level(con))
    for asked in ({"indicator": "parl_voters"}, {"indicator": "parl_voters", "breakdown": "female"},
                  {"indicator": "population_1jan", "level": "county"}, {"indicator": "parl_turnout", "level": "county"}):
        breakdowns = indicators.get_indicator(con, asked["indicator"]).breakdowns
        settled = trends.settle(TrendsView.from_query_params(asked), breakdowns, list(offered.county), list(offered.municipal))
        assert trends.substitutions(asked, settled, breakdowns, list(offered.county), list(offered.municipal)) == []
