"""Figures and their downloads: every table comes as CSV and Excel and every picture as PNG and SVG, under the
view's own file name, and a link naming a year or breakdown the indicator lacks still draws a valid map."""

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    pass


def downloads_app() -> None:
    import pandas as pd

    from lnb_dash.ui import figures

    figures.render_downloads("t", "sq", pd.DataFrame({"a": [1]}), ["population"], pictures={"Grafiku": lambda: None},
                             base_name="population_2011")


def test_a_table_and_a_picture_come_in_four_files_named_for_the_view():
    at = AppTest.from_function(downloads_app, default_timeout=60).run()
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["CSV", "Excel", "Grafiku PNG", "Grafiku SVG"]
    assert [b.key for b in buttons] == ["t.population_2011.csv", "t.population_2011.xlsx", "t.population_2011_grafiku.png",
                                        "t.population_2011_grafiku.svg"]


def test_a_map_link_with_a_year_the_indicator_lacks_gets_one_it_has():
    from lnb_dash.model.address import MapView
    from lnb_dash.ui import figures

    view, meta, years = figures.settled_map_view(MapView(indicator="population", year=1900, breakdown="nonsense"))
    assert view.year in years.year.tolist() and view.breakdown == "total" and meta.indicator_id == "population"


def vega_app(spec_json: str) -> None:
    from lnb_dash.ui import figures

    figures.render_vega(spec_json)
    figures.render_vega(spec_json)


def test_a_cached_chart_is_sent_as_streamlit_would_send_it_on_every_run():
    """The chart's rows reach the browser as the same Arrow table Streamlit makes of them, run after run."""
    import json

    import altair as alt
    import pandas as pd
    from streamlit import dataframe_util

    frame = pd.DataFrame({"name": ["Korçë", "Berat"], "value": [75_000.5, None]})
    spec_json = alt.Chart(frame).mark_bar().encode(x="value:Q", y="name:N").to_json()
    name, rows = next(iter(json.loads(spec_json)["datasets"].items()))
    at = AppTest.from_function(vega_app, args=(spec_json,), default_timeout=60).run()
    at.run()
    charts = [element.proto for element in at.get("vega_lite_chart")]
    assert len(charts) == 2
    for chart in charts:
        assert [(d.name, d.data.data) for d in chart.datasets] == [(name, dataframe_util.convert_anything_to_arrow_bytes(rows))]
        assert "datasets" not in json.loads(chart.spec) and json.loads(chart.spec)["mark"]["type"] == "bar"
