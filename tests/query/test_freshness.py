"""How current the data is: the newest value, each indicator's latest year, the build time."""

from lnb_dash.query import freshness


def test_the_newest_value_is_the_2025_population_estimate(con):
    assert freshness.data_as_of(con) == (2025, "instat_population_1jan")


def test_each_indicator_says_its_latest_year_per_level(con):
    latest = freshness.latest_years(con).set_index(["indicator_id", "area_level"]).latest_year
    assert latest[("population", "municipality")] == 2023 and latest[("parl_turnout", "municipality")] == 2017


def test_the_build_time_is_the_database_files(shipped_db):
    assert freshness.built_at(shipped_db).tzinfo is not None and freshness.built_at(shipped_db.with_name("missing")) is None
