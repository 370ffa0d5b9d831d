"""The data page's tables: coverage by level says each indicator's latest year at each level."""

from lnb_dash.model import data_page
from lnb_dash.query import indicators


def test_each_indicator_says_its_latest_year_per_level(con):
    table = data_page.coverage_by_level_table(indicators.query_coverage_by_level(con), indicators.list_indicators(con), "en")
    latest = table.set_index(["Indicator", "Level"])["Latest year with data"]
    assert latest[("Population (census)", "Municipalities")] == "2023"
    assert latest[("Turnout, parliamentary elections", "Municipalities")] == "2017"
