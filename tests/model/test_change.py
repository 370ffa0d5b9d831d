"""Population change between censuses: only for the same unit on the same boundaries; a missing census stays missing."""

import math

import pandas as pd

from lnb_dash.model import change
from lnb_dash.query.profiles import query_census


def _census(rows):
    return pd.DataFrame(rows, columns=["area_code", "area_level", "year", "value", "status", "source_id"])


def test_a_county_gets_every_consecutive_pair_with_absolute_and_percent_change():
    census = _census([("AL-99", "county", y, v, "value", "instat_census_counties")
                      for y, v in ((1989, 100.0), (2001, 120.0), (2011, 90.0), (2023, 90.0))])
    out = change.census_changes(census)
    assert list(zip(out.from_year, out.to_year)) == [(1989, 2001), (2001, 2011), (2011, 2023)]
    assert out.change.tolist() == [20.0, -30.0, 0.0]
    assert out.change_pct.round(1).tolist() == [20.0, -25.0, 0.0]


def test_a_missing_census_leaves_the_change_empty_never_zero():
    census = _census([("AL-99", "county", 1989, 100.0, "value", "instat_census_counties"),
                      ("AL-99", "county", 2001, None, "not_reported", "instat_census_counties"),
                      ("AL-99", "county", 2011, 90.0, "value", "instat_census_counties")])
    out = change.census_changes(census)
    assert out.change.isna().tolist() == [True, True, True]
    assert math.isnan(out.change_pct.iloc[0])


def test_a_municipality_has_only_2011_to_2023_and_only_on_the_2015_boundaries():
    census = _census([("AL999", "municipality", 2011, 1000.0, "value", "eurostat_lau2019"),
                      ("AL999", "municipality", 2023, 800.0, "value", "census2023_municipalities"),
                      ("AL998", "municipality", 2011, 1000.0, "value", "some_old_boundaries"),
                      ("AL998", "municipality", 2023, 800.0, "value", "census2023_municipalities")])
    out = change.census_changes(census).set_index("area_code")
    assert out.loc["AL999"].change == -200.0 and out.loc["AL999"].change_pct == -20.0
    assert math.isnan(out.loc["AL998"].change), "a source with unknown boundaries gets no change"


def test_the_method_is_stated_in_both_languages_and_in_the_download():
    assert change.method_text(2011, 2023, "en") == "Census 2023 minus Census 2011, same boundaries"
    assert change.method_text(2011, 2023, "sq") == "Censusi 2023 minus Censusi 2011, me të njëjtët kufij"
    census = _census([("AL-99", "county", 2011, 90.0, "value", "instat_census_counties"),
                      ("AL-99", "county", 2023, 81.0, "value", "instat_census_counties")])
    out = change.change_download(change.census_changes(census), {"AL-99": "Test"}, "en")
    done = out[out.from_year == 2011].iloc[0]
    assert done.method == "Census 2023 minus Census 2011, same boundaries" and done.change == -9.0 and done.change_pct == -10.0
    assert out[out.from_year == 1989].change.isna().all()
    table = change.change_table(change.census_changes(census), "en")
    assert table.iloc[-1]["Change (%)"] == "−10.0\u00a0%" and table.iloc[0]["Change (persons)"] == "–"


def test_tirana_county_from_the_shipped_database(con):
    out = change.census_changes(query_census(con, ["AL-11", "AL"]))
    tirana = out[out.area_code == "AL-11"]
    assert tirana.change.notna().all() and len(tirana) == 3
    municipal = change.census_changes(query_census(con, ["AL224"]))
    assert len(municipal) == 1 and municipal.iloc[0].from_year == 2011 and municipal.iloc[0].change_pct > 0
