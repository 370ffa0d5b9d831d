"""Compare's chart per indicator (compare.compare_chart_model + charts.build_compare_chart): one year, Albania only where
it shares the municipalities' scale, the indicator's full identity in the title."""

import json

import pandas as pd

from lnb_dash.model import compare
from lnb_dash.query import indicators
from lnb_dash.render import charts, images

CODES = ["AL221", "AL343", "AL345", "AL224"]


def compare_chart(con, indicator: str, codes=CODES, lang: str = "en", breakdown: str = "total"):
    meta = indicators.get_indicator(con, indicator)
    names = indicators.list_municipalities(con).set_index("lau_code").name.to_dict()
    series = indicators.query_timeseries(con, indicator, [*codes, "AL"], breakdown)
    return compare.compare_chart_model(series, meta, codes, names, lang, breakdown), meta


def drawn(chart) -> list[dict]:
    """Every layer's mark and its rows, from the chart's JSON."""
    spec = json.loads(chart.to_json())
    return [(layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"], spec["datasets"][layer.get("data", spec.get("data"))["name"]])
            for layer in spec["layer"]]


def test_a_rate_is_drawn_with_albania_as_a_rule(con):
    model, meta = compare_chart(con, "parl_turnout")
    marks = drawn(charts.build_compare_chart(model, meta, "en"))
    rules = [rows for mark, rows in marks if mark == "rule"]
    assert len(rules) == 1 and rules[0][0]["value"] == model.national_value
    bars = next(rows for mark, rows in marks if mark == "bar")
    assert [r["name"] for r in bars] == ["Kamëz", "Korçë", "Pogradec", "Tiranë"], "the bars keep the order chosen"
    assert all(r["name"] != "Albania" for r in bars), "Albania is never a bar"
    assert model.notes[0].startswith("Dashed line: Albania (46.8")


def test_a_count_has_no_albania_on_its_axis_and_says_its_figure_in_words(con):
    model, meta = compare_chart(con, "parl_voters")
    marks = drawn(charts.build_compare_chart(model, meta, "en"))
    assert [mark for mark, _ in marks] == ["bar", "text"], "no national rule or bar on a count"
    assert all(r["lau_code"] != "AL" for _, rows in marks for r in rows)
    assert model.notes[0].startswith("Albania in total: 1,614,494 voters, 2017; not drawn")
    spec = charts.build_compare_chart(model, meta, "en").to_dict()
    assert any("1,614,494" in line for line in spec["title"]["subtitle"]), "the figure is in the chart's subtitle"


def test_the_title_carries_name_breakdown_year_and_unit(con):
    model, _ = compare_chart(con, "local_turnout", breakdown="female")
    assert model.title == "Turnout, local elections – Women, 2015 (%)"
    model, _ = compare_chart(con, "parl_voters")
    assert model.title == "Voters (parliamentary) – Total, 2017 (voters)", "the total is named where women and men also exist"
    model, _ = compare_chart(con, "parl_turnout", lang="sq")
    assert model.title == "Pjesëmarrja në zgjedhjet parlamentare, 2017 (%)", "no breakdown to name when there is only the total"


def test_one_year_per_chart_where_most_chosen_have_a_value_and_the_rest_are_named(con):
    without = "AL223"  # as if Rrogozhinë's 2023 count were not known (Census 2023 now has all 61)
    meta = indicators.get_indicator(con, "population")
    series = indicators.query_timeseries(con, "population", ["AL343", without, "AL"])
    series = series[(series.area_code != without) | (series.year != 2023)]
    names = indicators.list_municipalities(con).set_index("lau_code").name.to_dict()
    model = compare.compare_chart_model(series, meta, ["AL343", without], names, "en")
    assert model.year == 2011 and set(model.data.lau_code) == {"AL343", without}, "both have 2011; only one has 2023"
    model, _ = compare_chart(con, "covid19_families_assisted")
    assert model.year == 2020 and model.data.lau_code.tolist() == ["AL224"]
    assert model.notes[-1] == "No value for 2020: Kamëz, Korçë, Pogradec."


def test_categories_and_indicators_without_values_get_no_chart(con):
    assert compare_chart(con, "lnb_priority")[0] is None
    assert compare_chart(con, "pwd_supported_by_programme", codes=["AL343", "AL345"])[0] is None


def test_the_charts_data_download_has_numbers_and_albania_in_its_own_row(con):
    models = [compare_chart(con, i) for i in ("parl_turnout", "parl_voters")]
    sources = indicators.list_sources(con)
    table = compare.compare_charts_download([m for m, _ in models], {m.indicator_id: meta for m, meta in models}, "en", sources)
    assert pd.api.types.is_float_dtype(table.value) and table.value.notna().all()
    national = table[table.level == "national"]
    assert national.indicator.tolist() == ["parl_turnout", "parl_voters"] and national.area.tolist() == ["Albania", "Albania"]
    assert set(table.year) == {2017} and table.source.notna().all()


def test_the_picture_has_the_title_notes_and_source(con):
    model, meta = compare_chart(con, "parl_voters")
    picture = images.build_compare_picture(model, meta, "Source: CEC", "en")
    spec = picture.to_dict()
    assert spec["title"]["text"] == model.title and any("1,614,494" in line for line in spec["title"]["subtitle"])
    width, _ = images.png_size(images.to_png(picture, scale=1))
    assert width >= images.WIDTH
