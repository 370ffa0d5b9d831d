"""How current the data is: the newest value, the build time."""

from lnb_dash.query import freshness


def test_the_newest_value_is_the_2025_population_estimate(con):
    assert freshness.data_as_of(con) == (2025, "instat_population_1jan")


def test_the_newest_municipal_value_and_its_reference_date_are_told_apart(con):
    assert freshness.data_as_of(con, "municipality") == (2023, "census2023_municipalities")
    assert freshness.reference_date("1989-04-14, 2001-04-01, 2011-10-01, 2023-09-18", 2023) == "2023-09-18"
    assert freshness.reference_date("1 January of each year", 2025) == "1 January of each year"


def test_the_build_time_is_the_database_files(shipped_db):
    assert freshness.built_at(shipped_db).tzinfo is not None and freshness.built_at(shipped_db.with_name("missing")) is None
