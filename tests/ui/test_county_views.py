"""County views: counties picked by name with their code, a trend titled with its indicator and unit, and a link naming
an unknown county that offers the closest counties (never another one in its place)."""

import pytest


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    pass


def test_a_county_is_picked_by_its_name_and_code():
    from lnb_dash.ui import county_views

    assert county_views.county_label("sq")("AL-11") == "Tiranë (AL-11)"


def test_a_county_trend_is_titled_with_its_indicator_and_unit(con):
    from lnb_dash.query import indicators
    from lnb_dash.ui import county_views

    title = county_views.trend_title(indicators.get_indicator(con, "population"), "en")
    assert "Population (census)" in title and "persons" in title


def test_an_unknown_county_in_a_link_offers_the_closest_ones():
    from tests.pages.helpers import open_page

    at = open_page("trends", level="county", areas="Tirana-x", lang="en")
    assert "“Tirana-x” is not a county we know" in at.error[0].value
