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
