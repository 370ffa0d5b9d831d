"""The compare page's charts: one per indicator with its full title, Albania drawn only for rates and shares,
each chart as a picture and the charts' numbers as a download."""

import json

import pytest

from tests.pages.helpers import open_page, texts


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    yield


def chart_specs(at) -> dict[str, dict]:
    """Each drawn chart's Vega-Lite spec by its title (lines joined)."""
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    return {" ".join(spec["title"]["text"]): spec for spec in specs}


def test_compare_draws_a_chart_per_indicator_with_albania_only_for_rates():
    at = open_page("compare", m="AL343,AL345,AL224", lang="en")
    specs = chart_specs(at)
    assert {"Turnout, parliamentary elections, 2017 (%)", "Voters (parliamentary) – Total, 2017 (voters)",
            "Population (census) – Total, 2023 (persons)"} <= set(specs)
    marks = lambda spec: [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]  # noqa: E731
    assert "rule" in marks(specs["Turnout, parliamentary elections, 2017 (%)"])
    assert "rule" not in marks(specs["Voters (parliamentary) – Total, 2017 (voters)"])
    assert "Albania in total: 1,614,494 voters, 2017" in " ".join(specs["Voters (parliamentary) – Total, 2017 (voters)"]["title"]["subtitle"])
    assert "Each indicator as a chart" in texts(at)


def test_each_compare_chart_downloads_as_a_picture_and_their_numbers_as_a_table():
    at = open_page("compare", m="AL343,AL345", lang="sq")
    labels = [button.proto.id for button in at.get("download_button")]
    assert any(i.endswith("compare_parl_turnout_2017_grafiku.png") for i in labels)
    assert any(i.endswith("compare_charts_AL343_AL345.csv") for i in labels)
    assert "Çdo tregues në një grafik" in texts(at)


def test_municipalities_picked_beside_the_map_open_compare_with_them():
    at = open_page("map", indicator="parl_turnout", year="2017", lang="en")
    assert "Choose 2 to 6 municipalities." in texts(at), "one click needs two municipalities first"
    at.multiselect(key="map.compare").set_value(["AL343", "AL221"]).run()
    links = [h.proto.body for h in at.get("html") if 'class="lnb-compare-link"' in h.proto.body]
    assert len(links) == 1 and 'href="/compare?m=AL343,AL221&amp;lang=en"' in links[0] and "Open the comparison" in links[0]


def test_a_year_in_a_compare_link_is_named_as_not_shown_and_linked_to_the_map():
    at = open_page("compare", m="AL343,AL345", year="2019", lang="en")
    assert [w.value for w in at.warning] == ["This page has no choice of “year=2019”; it shows every indicator in its latest year."]
    assert "year" not in at.query_params, "the address says what is shown"
