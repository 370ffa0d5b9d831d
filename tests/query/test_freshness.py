"""How current the data is: the newest value, the build time."""

from lnb_dash.query import freshness


def test_the_newest_value_is_the_2025_population_estimate(con):
    assert freshness.data_as_of(con) == (2025, "instat_population_1jan")


def test_the_build_time_is_the_database_files(shipped_db):
    assert freshness.built_at(shipped_db).tzinfo is not None and freshness.built_at(shipped_db.with_name("missing")) is None
