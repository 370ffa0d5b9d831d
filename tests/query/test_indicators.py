"""The query API the pages use."""

import pytest

from lnb_dash.query import indicators as q


def test_indicator_list_is_grouped_by_theme_with_coverage(con):
    catalogue = q.list_indicators(con)
    pop = catalogue.set_index("indicator_id").loc["population"]
    assert list(pop.years) == [2011, 2023] and pop.latest_year == 2023 and pop.max_municipalities == 61
    assert catalogue.theme.is_monotonic_increasing


def test_profile_has_every_indicator_with_comparisons(con):
    profile = q.query_profile(con, "AL343").set_index("indicator_id")
    pop = profile.loc["population"]
    assert pop.year == 2023 and pop.value == 60754 and pop.national_value == 2_402_113 and pop.county_value == 173_091
    assert pop.share_of_national == pytest.approx(60754 / 2_402_113)
    assert pop.citation_url.startswith("https://") and "60.754 (2023[2])" in pop.citation_text
    turnout = profile.loc["parl_turnout"]
    assert turnout.ratio_to_national == pytest.approx(turnout.value / turnout.national_value)
    assert profile.loc["covid19_families_assisted"].status == "not_reported"


def test_profile_refuses_an_unknown_code(con):
    with pytest.raises(ValueError, match="Unknown LAU code"):
        q.query_profile(con, "AL999")


def test_timeseries_includes_county_and_national_lines(con):
    series = q.query_timeseries(con, "parl_turnout", ["AL343", "AL-06", "AL"])
    assert set(series.area_level) == {"municipality", "county", "national"}
    assert sorted(series[series.area_code == "AL"].year) == [2013, 2017]


def test_coverage_by_level_counts_areas_not_rows(con):
    coverage = q.query_coverage_by_level(con).set_index(["indicator_id", "area_level", "year"])
    assert coverage.loc[("population", "municipality", 2023)].n_areas == 61  # 76 rows with a value: 3 also by sex and age
    assert coverage.loc[("population", "municipality", 2023)].n_possible == 61
    assert coverage.loc[("population", "county", 1989)].n_areas == 12
    levels = set(coverage.loc["population_1jan"].index.get_level_values("area_level"))
    assert levels == {"county", "national"}  # the long series exists only above the municipalities
    assert coverage.loc[("parl_turnout", "county", 2017)].n_computed == 12  # sums of complete municipalities are counted too


def test_coverage_table_shows_each_level_with_its_years(con):
    from lnb_dash.model import data_page

    table = data_page.coverage_by_level_table(q.query_coverage_by_level(con), q.list_indicators(con), "en")
    rows = table.set_index(["Indicator", "Level"])
    assert rows.loc[("Population on 1 January (estimate)", "Counties"), "2002"] == "12/12"
    assert rows.loc[("Population on 1 January (estimate)", "Counties"), "2017"] == "2/12"
    assert rows.loc[("Population (census)", "Municipalities"), "2023"] == "61/61"
    assert rows.loc[("Population (census)", "Municipalities"), "1989"] == ""
    assert ("Population on 1 January (estimate)", "Municipalities") not in rows.index
    sq = data_page.coverage_by_level_table(q.query_coverage_by_level(con), q.list_indicators(con), "sq")
    assert {"Bashki", "Qarqe", "Shqipëria"} <= set(sq["Niveli"])
