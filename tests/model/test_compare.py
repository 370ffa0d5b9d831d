"""The compare page's model: one column per municipality, each value with its year and rank, missing values named
(never 0), numbers a spreadsheet can use in the download, and links that keep the order chosen."""

import pytest

from lnb_dash.model import compare
from lnb_dash.query import indicators

CODES = ["AL311", "AL221"]  # Berat, Kamëz


@pytest.fixture(scope="module")
def chosen(con):
    names = indicators.list_municipalities(con).set_index("lau_code").name.to_dict()
    return {code: indicators.query_profile(con, code) for code in CODES}, names


@pytest.mark.parametrize("lang, first, albania", [("sq", "Treguesi", "Shqipëria"), ("en", "Indicator", "Albania")])
def test_the_table_has_a_column_per_municipality_in_the_order_chosen_and_one_for_albania(chosen, lang, first, albania):
    profiles, names = chosen
    table = compare.compare_table(profiles, names, lang)
    assert list(table.columns) == [first, "Berat", "Kamëz", albania] and len(table) == len(profiles["AL311"])


def test_a_value_says_its_unit_year_and_rank_and_a_missing_one_says_not_reported(chosen):
    profiles, names = chosen
    table = compare.compare_table(profiles, names, "en").set_index("Indicator")
    assert table.loc["Population (census)", "Berat"] == "62,232 persons (2023; 8th of 52 · 52 of 61 have a value)"
    assert table.loc["Families assisted during COVID-19 (to 29 May 2020)", "Kamëz"] == "Not reported"
    assert table.loc["LNB priority municipality", "Berat"] == "Yes (2019)" and table.loc["LNB priority municipality", "Albania"] == "–"
    sq = compare.compare_table(profiles, names, "sq")
    assert "Pa të dhëna" in set(sq["Kamëz"]) and not any(cell.startswith("0 ") for cell in sq["Kamëz"])


def test_the_download_has_one_row_per_municipality_and_indicator_with_missing_left_empty(chosen, con):
    profiles, names = chosen
    download = compare.compare_download(profiles, names, "sq", indicators.list_sources(con))
    assert len(download) == 2 * len(profiles["AL311"]) and list(download.lau_code.unique()) == CODES
    assert download[download.status != "value"].value.isna().all() and download.source.notna().all()
    berat = download.set_index(["lau_code", "indicator"]).loc[("AL311", "population")]
    assert (berat.value, berat.year, berat["rank"], berat.n_ranked) == (62232, 2023, 8, 52)


def test_a_compare_link_keeps_the_order_drops_repeats_and_stops_at_six():
    assert compare.compare_url(["AL311", "AL221", "AL311"], "en") == "/compare?m=AL311,AL221&lang=en"
    codes = [f"AL3{i:02d}" for i in range(10, 20)]
    assert compare.compare_url(codes, "xx") == f"/compare?m={','.join(codes[:6])}&lang=sq"


def test_indicators_without_a_chart_are_named_under_the_charts(chosen):
    profile = chosen[0]["AL311"]
    assert "Population (census)" in compare.compare_no_chart_note(profile, set(profile.indicator_id) - {"population"}, "en")
    assert compare.compare_no_chart_note(profile, set(profile.indicator_id), "en") == ""
