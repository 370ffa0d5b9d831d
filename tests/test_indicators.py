"""The query API the pages use."""

import pytest

from lnb_dash import indicators as q


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
    assert values.n_ranked.iloc[0] == 14 and values["rank"].isna().sum() == 47


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
    assert pop.year == 2011 and pop.value == 75994 and pop.national_value == 2_800_138
    assert pop.share_of_national == pytest.approx(75994 / 2_800_138)
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
