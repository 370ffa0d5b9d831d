"""What a view says it is: breakdown, classes, Albania's place on the scale (issue 13)."""

import json

import pandas as pd
import pytest

from lnb_dash import levels
from lnb_dash.model import compare, trends
from lnb_dash.model import map as map_model
from lnb_dash.model.address import MapView
from lnb_dash.query import boundaries, indicators
from lnb_dash.query.values import query_values
from lnb_dash.render import charts, maps


def model_for(con, indicator, year, breakdown="total", lang="en", **options):
    meta = indicators.get_indicator(con, indicator)
    values = query_values(con, indicator, year, breakdown, lang=lang)
    view = MapView(indicator=indicator, year=year, breakdown=breakdown, **options)
    return meta, values, map_model.build_map_model(meta, view, values, query_values(con, indicator, year, breakdown, "national"),
                                                   boundaries.read_level("municipality"), lang, indicators.list_sources(con))


@pytest.mark.parametrize("lang, word", [("en", "Women"), ("sq", "Gra")])
def test_a_breakdown_is_named_in_title_legend_tooltips_and_download(con, lang, word):
    _, _, m = model_for(con, "local_turnout", 2015, "female", lang)
    figure = maps.map_figure(m, lang)
    assert word in m.title and word in figure.legend_html
    assert all(word in f["tip"][1][0] for f in figure.spec.features.values())
    assert set(m.download.breakdown) == {"female"} and all(word in n for n in m.download.indicator_name)
    assert map_model.view_file_name(MapView(indicator="local_turnout", year=2015, breakdown="female")) == "local_turnout_female_2015"
    assert map_model.view_file_name(MapView(indicator="local_turnout", year=2015)) == "local_turnout_2015"


def test_compared_with_albania_is_offered_only_for_rates_and_shares(con):
    assert "diverging" in map_model.schemes_for(indicators.get_indicator(con, "parl_turnout"))
    assert "diverging" not in map_model.schemes_for(indicators.get_indicator(con, "population"))
    _, _, m = model_for(con, "population", 2011, scheme="diverging")
    assert m.classes.scheme == "quantiles", "a link asking for it on a count gets the default, not five empty classes"


def test_class_wording_matches_the_classes_drawn():
    assert map_model.class_count_text(1, 5, "en") == "1 class (only 1 possible with these values)"
    assert map_model.class_count_text(5, 5, "sq") == "5 klasa"
    assert map_model.class_count_text(3, 5, "sq").startswith("3 klasa (vetëm 3")


def test_the_ranked_bar_of_a_count_does_not_draw_albania(con):
    meta, values, m = model_for(con, "population", 2011)
    spec = charts.build_ranked_bar_chart(values, m.classes, meta, "en", m.national_value).to_dict()
    assert len(spec["layer"]) == 1, "no national rule on a count: the axis would run to 2.8 million"
    meta, values, m = model_for(con, "parl_turnout", 2017)
    spec = charts.build_ranked_bar_chart(values, m.classes, meta, "en", m.national_value).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "rule", "text"], "Albania's dashed line is labelled"
    assert any(row["label"].startswith("Albania ") for rows in spec["datasets"].values() for row in rows if "label" in row and "area_code" not in row)
    assert spec["layer"][0]["encoding"]["y"]["axis"]["labelOverlap"] is False, "every municipality keeps its label"


def test_with_two_values_the_ranking_keeps_its_bar_height_and_ranks_nothing(con):
    """The rank rule on the map page: two municipalities with a value are said to be 2 of 61, with no rank in the
    chart's tooltip or the table, and their bars are as thick as when all 61 are drawn."""
    meta, values, m = model_for(con, "population", 2011)
    spec61 = charts.build_ranked_bar_chart(values, m.classes, meta, "sq", n_areas=61).to_dict()
    few = values.copy()
    few.loc[few.index[2:], ["status", "value", "rank"]] = ["not_reported", None, None]
    few["n_ranked"] = 2
    spec2 = charts.build_ranked_bar_chart(few, m.classes, meta, "sq", n_areas=61).to_dict()
    assert spec2["layer"][0]["mark"]["size"] == spec61["layer"][0]["mark"]["size"] == charts.BAR_SIZE
    assert spec2["height"] >= charts.MIN_RANKED_HEIGHT and spec61["height"] >= 61 * charts.BAR_SIZE
    rows = spec2["datasets"][spec2["layer"][0]["data"]["name"]] if "data" in spec2["layer"][0] else next(iter(spec2["datasets"].values()))
    assert {r["rank_text"] for r in rows} == {"2 nga 61 kanë vlerë"}
    table = map_model.values_table(few, meta, "sq")
    assert table["Renditja"].isna().all(), "no rank in the table either"
    assert map_model.values_table(values, meta, "sq")["Renditja"].notna().sum() == 61


def test_a_trend_of_counts_leaves_albania_out_unless_indexed_and_says_so(con):
    meta = indicators.get_indicator(con, "parl_voters")
    series = trends.label_series(indicators.query_timeseries(con, "parl_voters", ["AL343", "AL"], "total"), "en")
    drawn = lambda chart: {row["name"] for row in json.loads(chart.to_json())["datasets"].popitem()[1]}  # noqa: E731
    assert "Albania" not in drawn(charts.build_timeseries_chart(series, meta, "en"))
    assert "Albania" in drawn(charts.build_timeseries_chart(series, meta, "en", indexed=True))
    note = map_model.national_note(series, meta, "en", indexed=False)
    assert note.startswith("Albania is not drawn") and "Indexed" in note
    assert map_model.national_note(series, meta, "en", indexed=True) is None


def test_the_compare_download_holds_numbers_in_their_own_columns(con):
    profiles = {code: indicators.query_profile(con, code) for code in ("AL343", "AL221")}
    frame = compare.compare_download(profiles, {"AL343": "Korçë", "AL221": "Kamëz"}, "en", indicators.list_sources(con))
    assert {"value", "year", "rank", "n_ranked", "unit", "status", "flag", "licence", "national_value", "source"} <= set(frame.columns)
    assert frame.value.dtype.kind == "f" and frame["rank"].dtype.name == "Int64"
    turnout = frame[(frame.indicator == "local_turnout") & (frame.lau_code == "AL343")].iloc[0]
    assert turnout.value == 41.5 and turnout.year == 2015 and turnout.unit == "%", "rounded to the indicator's one decimal"
    assert frame[frame.indicator == "local_turnout"].national_value.iloc[0] == round(frame[frame.indicator == "local_turnout"].national_value.iloc[0], 1)
    assert frame[frame.status != "value"].value.isna().all(), "missing is empty, never 0"


def test_old_map_links_without_a_level_mean_municipalities():
    view = MapView.from_query_params({"indicator": "population", "year": "2011"})
    assert view.level == "municipality" and "level" not in view.to_query_params()
    county = MapView.from_query_params({"indicator": "population_1jan", "year": "2023", "level": "county"})
    assert county.level == "county" and county.to_query_params()["level"] == "county"


def test_the_level_settles_to_one_with_data_for_the_year(con):
    from lnb_dash.model import map as map_model

    frame = indicators.query_map_levels(con)
    assert map_model.levels_of(frame, "population", "total", 2023) == ["municipality", "county"]
    assert map_model.levels_of(frame, "population", "total", 1989) == ["county"]
    view, years = map_model.settle(MapView(indicator="population", year=1989), frame)
    assert view.level == "county" and years[0] == 1989
    view, _ = map_model.settle(MapView(indicator="population_1jan"), frame)
    assert view.level == "county" and view.year == 2023
    view, _ = map_model.settle(MapView(indicator="population", year=2011), frame)
    assert view.level == "municipality", "a link without a level keeps the municipalities where they have data"
    assert "population_1jan" in map_model.mappable_indicators(frame)


def test_the_ranked_bar_names_counties_for_a_county_map(con):
    meta = indicators.get_indicator(con, "population_1jan")
    values = query_values(con, "population_1jan", 2023, "total", "county")
    view = MapView(indicator="population_1jan", year=2023, level="county")
    m = map_model.build_map_model(meta, view, values, query_values(con, "population_1jan", 2023, level="national"),
                                  boundaries.read_level("county"), "en", indicators.list_sources(con))
    spec = charts.build_ranked_bar_chart(values, m.classes, meta, "en", area_title=levels.area_label("county", "en")).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 12 and {r["rank_text"].split(" of ")[1] for r in rows} == {"12"}
    assert '"County"' in json.dumps(spec)


def test_the_compare_link_from_the_map_keeps_the_order_picked_each_once_and_six_at_most():
    assert compare.compare_url(["AL343", "AL221", "AL343"], "en") == "/compare?m=AL343,AL221&lang=en"
    assert compare.compare_url([f"AL11{i}" for i in range(1, 9)], "xx") == "/compare?m=AL111,AL112,AL113,AL114,AL115,AL116&lang=sq"


@pytest.mark.parametrize("level, key", [("municipality", "lau_code"), ("county", "county_code"), ("former_unit", "unit_code")])
def test_an_albanian_download_names_its_sources_in_albanian_at_every_level(con, level, key):
    meta = indicators.get_indicator(con, "parl_turnout")
    sources = indicators.list_sources(con).set_index("source_id")
    view = MapView(indicator="parl_turnout", year=2017, level=level)
    values = query_values(con, "parl_turnout", 2017, level=level)
    download = map_model.values_download(values, meta, "sq", sources.reset_index(), view)
    used = values.source_id.dropna().unique()
    assert len(download) == levels.get(level).n_areas and download[key].is_unique and set(download.level) == {level}
    assert set(download.source) == set(sources.loc[used, "title_sq"]) and set(download.licence) == set(sources.loc[used, "license_sq"])
    assert not set(download.source) & set(sources.title), "no English title on an Albanian page"
    english = map_model.values_download(values, meta, "en", sources.reset_index(), view)
    assert set(english.source) == set(sources.loc[used, "title"])


def test_the_former_unit_ranked_chart_has_one_bar_per_unit_with_shared_names_told_apart(con):
    meta = indicators.get_indicator(con, "parl_turnout")
    view = MapView(indicator="parl_turnout", year=2017, level="former_unit")
    values = query_values(con, "parl_turnout", 2017, level="former_unit")
    m = map_model.build_map_model(meta, view, values, query_values(con, "parl_turnout", 2017, level="national"),
                                  boundaries.read_level("former_unit"), "sq", indicators.list_sources(con))
    spec = charts.build_ranked_bar_chart(values, m.classes, meta, "sq", area_title=levels.area_label("former_unit", "sq")).to_dict()
    rows = next(iter(spec["datasets"].values()))
    labels = [r["label"] for r in rows]
    assert len(rows) == 373 and len(set(labels)) == 373, "one bar per unit: units sharing a name are not summed into one"
    assert "Qendër (Librazhd)" in labels and "Paskuqan" in labels
    assert spec["layer"][0]["encoding"]["y"]["field"] == "label"
    assert max(r["value"] for r in rows) <= 100, "no bar adds up the turnouts of several units"


@pytest.mark.parametrize("asked, field, shown", [
    ({"indicator": "population", "year": "2019"}, "year", "2023"),
    ({"indicator": "population", "breakdown": "women"}, "breakdown", "total"),
    ({"indicator": "population", "level": "former_unit"}, "level", "municipality"),
])
def test_a_link_asking_for_what_has_no_data_is_told_what_is_shown_and_what_exists(con, asked, field, shown):
    frame = indicators.query_map_levels(con)
    settled, _ = map_model.settle(MapView.from_query_params(asked), frame)
    [substitution] = map_model.substitutions(asked, settled, frame)
    assert (substitution.field, substitution.asked, substitution.shown) == (field, asked[field], shown)
    for value, option in substitution.options:  # every link opens a view with data, showing the value it is labelled with
        assert map_model.settle(option, frame)[0] == option and str(getattr(option, field)) == value
    if field == "year":
        assert [v for v, _ in substitution.options] == ["1989", "2001", "2011", "2023"]


def test_a_link_without_a_year_or_with_one_that_has_data_gets_no_notice(con):
    frame = indicators.query_map_levels(con)
    for asked in ({"indicator": "population"}, {"indicator": "population", "year": "2011"},
                  {"indicator": "population_1jan", "year": "2023", "level": "county"}):
        settled, _ = map_model.settle(MapView.from_query_params(asked), frame)
        assert map_model.substitutions(asked, settled, frame) == []


@pytest.mark.parametrize("lang, label", [("en", "41 of 61 ranked"), ("sq", "Renditen 41 nga 61")])
def test_the_ranking_says_how_many_of_the_areas_it_ranks(con, lang, label):
    values = query_values(con, "local_turnout", 2015, breakdown="female")  # 20 flagged values are not ranked
    assert map_model.ranked_label(values, "municipality", lang) == label


def test_the_albanian_map_description_is_grammatical_whatever_the_indicator(con):
    _, _, m = model_for(con, "local_turnout", 2015, lang="sq")
    assert m.alt_text.startswith("Harta sipas bashkive: Pjesëmarrja në zgjedhjet vendore, 2015."), "not 'Hartë e Pjesëmarrja…'"


@pytest.mark.parametrize("lang, words", [("en", "by 65 %"), ("sq", "me 65 %")])
def test_a_flagged_value_is_marked_with_its_reason_in_table_and_download_and_is_neither_ranked_nor_classed(con, lang, words):
    _, values, m = model_for(con, "local_turnout", 2015, "female", lang=lang)
    values = values.set_index("area_code")
    malesi = values.loc["AL152"]
    assert words in malesi.flag and pd.isna(malesi["rank"]) and malesi.n_ranked == 41
    assert values["rank"].max() == 41, "the 20 flagged municipalities are left out of the ranks"
    table = m.table.set_index(m.table.columns[0])
    caveat_column = table.columns[-1]
    assert table.loc["Malësi e Madhe", caveat_column].startswith("⚠ ") and words in table.loc["Malësi e Madhe", caveat_column]
    download = m.download.set_index("lau_code")
    assert download.loc["AL152", "flag"].startswith("⚠ ") and words in download.loc["AL152", "flag"]
    assert download.loc["AL111", "flag"] is None or pd.isna(download.loc["AL111", "flag"])
    assert m.classes.class_index[m.gdf.area_code == "AL152"].tolist() == [-1], "a flagged value is in no class"


@pytest.mark.parametrize("lang, words", [("en", "Albania: not given: in 20 of 61 municipalities"),
                                         ("sq", "Shqipëria: nuk jepet: në 20 nga 61 bashki")])
def test_albanias_womens_figure_states_its_basis(con, lang, words):
    assert model_for(con, "local_turnout", 2015, "female", lang=lang)[2].national_text.startswith(words)
    complete = model_for(con, "parl_voters", 2017, "female", lang=lang)[2].national_text
    assert complete.endswith("(built from all 61 municipalities)" if lang == "en" else "(e ndërtuar nga të 61 bashkitë)")
    assert model_for(con, "parl_voters", 2017, lang=lang)[2].national_text.endswith(("voters", "votues"))
