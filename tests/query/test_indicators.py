"""The query API the pages use."""

import pytest

from lnb_dash.query import indicators as q


def test_indicator_list_is_grouped_by_theme_with_coverage(con):
    catalogue = q.list_indicators(con)
    pop = catalogue.set_index("indicator_id").loc["population"]
    assert list(pop.years) == [2011, 2023] and pop.latest_year == 2023 and pop.max_municipalities == 61
    assert catalogue.theme.is_monotonic_increasing


def test_values_always_has_61_rows_with_rank_of_those_with_data(con):
    values = q.query_values(con, "population", 2011)
    assert len(values) == 61
    tirana = values.set_index("lau_code").loc["AL224"]
    assert tirana["rank"] == 1 and tirana.n_ranked == 61


def test_values_for_a_partial_year_rank_only_those_reported(con):
    values = q.query_values(con, "population", 2023)
    assert values.n_ranked.iloc[0] == 52 and values["rank"].isna().sum() == 9


def test_values_for_a_category_have_no_rank(con):
    assert q.query_values(con, "lnb_priority")["rank"].isna().all()


def test_unknown_indicator_and_breakdown_are_refused_before_sql(con):
    with pytest.raises(q.UnknownIndicatorError):
        q.query_values(con, "population; DROP TABLE observations")
    with pytest.raises(ValueError, match="breakdown"):
        q.query_values(con, "population", 2011, "children")


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
    assert coverage.loc[("population", "municipality", 2023)].n_areas == 52  # 67 rows with a value: 3 also by sex and age
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
    assert rows.loc[("Population (census)", "Municipalities"), "2023"] == "52/61"
    assert rows.loc[("Population (census)", "Municipalities"), "1989"] == ""
    assert ("Population on 1 January (estimate)", "Municipalities") not in rows.index
    sq = data_page.coverage_by_level_table(q.query_coverage_by_level(con), q.list_indicators(con), "sq")
    assert {"Bashki", "Qarqe", "Shqipëria"} <= set(sq["Niveli"])


def test_values_carry_each_values_citation_and_caveat(con):
    values = q.query_values(con, "population", 2023).set_index("lau_code")
    assert values.loc["AL153", "citation_url"].startswith("https://") and "6,202" in values.loc["AL153", "note"]
    assert values.loc["AL214", "citation_title"].startswith("citypopulation.de")
    assert values[values.status == "not_reported"].citation_url.isna().all()
    women = q.query_values(con, "population", 2023, "female").set_index("lau_code")
    assert women.loc[["AL214", "AL321", "AL344"], "value"].tolist() == [8113, 12286, 15044]
