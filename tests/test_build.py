"""Building the database: idempotent, atomic, and aggregates only where they are valid."""

import pytest

from lnb_dash import db
from lnb_dash.build import BuildError, build_database
from tests.conftest import hashes


def test_building_twice_gives_identical_tables(data_copy):
    data_dir, db_path = data_copy
    before = hashes(db_path)
    build_database(data_dir, db_path)
    assert hashes(db_path) == before


def test_a_failed_build_leaves_the_database_exactly_as_it_was(data_copy):
    data_dir, db_path = data_copy
    before = hashes(db_path)
    csv = data_dir / "sources" / "eurostat_lau2019" / "observations.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("AL343,population,total,2011,75994", "AL343,population,total,2011,lots"), encoding="utf-8")
    with pytest.raises(BuildError, match="observations.csv, row .*column 'value'"):
        build_database(data_dir, db_path)
    assert hashes(db_path) == before
    assert not list(db_path.parent.glob(".lnb.duckdb.*"))


def test_national_population_2011_is_the_census_total(con):
    total = con.execute("SELECT value FROM observations WHERE area_code='AL' AND indicator_id='population' AND year=2011").fetchone()[0]
    assert total == 2_800_138


def test_partial_2023_census_gives_only_complete_counties_and_the_reported_national_total(con):
    rows = dict(con.execute("SELECT area_code, value FROM observations WHERE indicator_id='population' AND year=2023 AND area_level<>'municipality'").fetchall())
    assert rows["AL"] == 2_402_113  # reported by INSTAT, not a sum of 14 municipalities
    assert set(rows) == {"AL", "AL-01", "AL-09"}  # Berat and Dibër counties have all their municipalities


def test_national_turnout_is_voters_over_registered_not_an_average_of_rates(con):
    turnout, voters, registered, mean_rate = con.execute("""
        SELECT max(value) FILTER (WHERE area_code='AL' AND indicator_id='parl_turnout'),
               max(value) FILTER (WHERE area_code='AL' AND indicator_id='parl_voters'),
               max(value) FILTER (WHERE area_code='AL' AND indicator_id='parl_registered_voters'),
               avg(value) FILTER (WHERE area_level='municipality' AND indicator_id='parl_turnout')
        FROM observations WHERE year=2017 AND breakdown='total'""").fetchone()
    assert turnout == pytest.approx(voters / registered * 100)
    assert voters == 1_614_494 and registered == 3_452_260
    assert turnout != pytest.approx(mean_rate, abs=0.01)


def test_missing_values_are_never_stored_as_zero(con):
    assert con.execute("SELECT count(*) FROM observations WHERE status<>'value' AND value IS NOT NULL").fetchone()[0] == 0
    statuses = dict(con.execute("SELECT status, count(*) FROM observations WHERE indicator_id='population' AND year=2023 "
                                "AND area_level='municipality' GROUP BY status").fetchall())
    assert statuses == {"value": 14, "not_reported": 47}


def test_the_budget_series_marks_its_break(con):
    breaks = con.execute("SELECT year FROM observations WHERE break_in_series AND area_level='municipality'").fetchall()
    assert breaks == [(2020,)]


def test_every_indicator_with_data_has_catalogue_metadata_and_a_source(con):
    orphans = con.execute("""SELECT DISTINCT o.indicator_id FROM observations o LEFT JOIN indicators i USING (indicator_id)
                             WHERE i.indicator_id IS NULL""").fetchall()
    assert orphans == []
    unsourced = con.execute("""SELECT DISTINCT o.source_id FROM observations o LEFT JOIN sources s USING (source_id)
                               WHERE s.source_id IS NULL OR s.license IS NULL""").fetchall()
    assert unsourced == []


def test_the_24_priority_municipalities_and_their_resolution_are_recorded(con):
    assert con.execute("SELECT count(*) FROM observations WHERE indicator_id='lnb_priority' AND value=1").fetchone()[0] == 24
    why = dict(con.execute("SELECT name_in_factsheet, lau_code FROM priority_resolution").fetchall())
    assert why["Fushë-Krujë"] == "AL122" and why["Malig"] == "AL344" and why["Ura Vajqurore"] == "AL315" and len(why) == 24


def test_a_missing_database_gives_a_clear_error(tmp_path):
    with pytest.raises(db.DatabaseUnavailableError, match="python -m lnb_dash build"):
        db.connect(tmp_path / "nope.duckdb")


def test_a_corrupt_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "broken.duckdb"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(db.DatabaseUnavailableError, match="cannot be read"):
        db.connect(path)
