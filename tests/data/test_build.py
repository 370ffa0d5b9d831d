"""Building the database: idempotent, atomic, and aggregates only where they are valid."""

import pytest

from lnb_dash.data.build import BuildError, build_database
from lnb_dash.query import db
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
    with pytest.raises(BuildError, match=r"observations.csv, row .*column 'value'"):
        build_database(data_dir, db_path)
    assert hashes(db_path) == before
    assert not list(db_path.parent.glob(".lnb.duckdb.*"))


def test_national_population_2011_is_the_census_total(con):
    total = con.execute("SELECT value FROM observations WHERE area_code='AL' AND indicator_id='population' AND year=2011").fetchone()[0]
    assert total == 2_800_138


def _population(con, year: int, level: str, breakdown: str = "total") -> dict[str, tuple[float, bool]]:
    return {code: (value, computed) for code, value, computed in con.execute(
        "SELECT area_code, value, computed FROM observations WHERE indicator_id='population' AND year=$y AND area_level=$l "
        "AND breakdown=$b AND status='value'", {"y": year, "l": level, "b": breakdown}).fetchall()}


def test_the_12_county_census_2023_totals_are_reported_and_sum_to_the_national_total(con):
    counties = _population(con, 2023, "county")
    assert set(counties) == {f"AL-{i:02d}" for i in range(1, 13)}
    assert sum(v for v, _ in counties.values()) == 2_402_113
    assert not any(computed for _, computed in counties.values())
    assert _population(con, 2023, "national") == {"AL": (2_402_113, False)}  # reported by INSTAT, not a sum of 52 municipalities


def test_each_census_sums_over_the_counties_to_its_national_total(con):
    for year, total in {1989: 3_182_417, 2001: 3_069_275, 2011: 2_800_138, 2023: 2_402_113}.items():
        counties = _population(con, year, "county")
        assert len(counties) == 12 and sum(v for v, _ in counties.values()) == total == _population(con, year, "national")["AL"][0]


def test_municipal_census_2011_sums_to_each_reported_county_total(con):
    """Two independent sources agree: Eurostat's 61 municipalities and INSTAT's 12 county totals."""
    sums = dict(con.execute("""SELECT m.county_code, sum(o.value) FROM observations o JOIN municipalities m ON m.lau_code = o.area_code
                               WHERE o.indicator_id='population' AND o.year=2011 AND o.breakdown='total' GROUP BY 1""").fetchall())
    assert sums == {code: value for code, (value, _) in _population(con, 2011, "county").items()}


def test_a_reported_county_value_wins_over_the_sum_of_its_municipalities(con):
    """The reported county total is kept as reported (not computed), even where all its municipalities have values."""
    five = con.execute("""SELECT count(*), sum(o.value) FROM observations o JOIN municipalities m ON m.lau_code = o.area_code
                          WHERE o.indicator_id='population' AND o.year=2023 AND o.breakdown='total' AND o.status='value'
                          AND m.county_code='AL-10'""").fetchone()
    assert five == (5, 154_479), "Vau i Dejës corrected: Shkodër's five municipalities sum exactly to its total"
    assert _population(con, 2023, "county")["AL-10"] == (154_479, False)


def test_complete_counties_sum_exactly_to_their_reported_2023_totals(con):
    sums = dict(con.execute("""SELECT m.county_code, sum(o.value) FROM observations o JOIN municipalities m ON m.lau_code = o.area_code
                               WHERE o.indicator_id='population' AND o.year=2023 AND o.breakdown='total' AND o.status='value'
                               GROUP BY 1 HAVING count(*) = (SELECT count(*) FROM municipalities x WHERE x.county_code = m.county_code)""").fetchall())
    counties = _population(con, 2023, "county")
    assert len(sums) == 12 and all(total == counties[code][0] for code, total in sums.items())
    assert sum(sums.values()) == _population(con, 2023, "national")["AL"][0] == 2_402_113


def test_nothing_is_summed_from_an_incomplete_set_of_municipalities(con):
    computed = con.execute("""SELECT count(*) FROM observations WHERE computed AND indicator_id IN ('population', 'population_1jan',
                              'parliament_seats')""").fetchone()[0]
    assert computed == 0  # every county and national population figure is reported; 2023 covers 52 of 61 only
    assert _population(con, 2023, "county", "female") == {} and _population(con, 2023, "national", "female") == {}


def test_reported_county_values_are_not_counted_again_in_the_national_figure(con):
    national = con.execute("SELECT value FROM observations WHERE area_code='AL' AND indicator_id='population' AND year=2011 "
                           "AND breakdown='total'").fetchone()[0]
    assert national == 2_800_138  # not 2 × (61 municipalities + 12 counties)
    area = dict(con.execute("SELECT area_level, value FROM observations WHERE indicator_id='area_km2' AND area_code IN ('AL', 'AL-06')").fetchall())
    municipal = con.execute("SELECT sum(value) FROM observations WHERE indicator_id='area_km2' AND area_level='municipality'").fetchone()[0]
    assert area["national"] == pytest.approx(municipal)


def test_the_1_january_estimates_sum_to_the_national_figures_and_mark_the_break(con):
    rows = con.execute("""SELECT year, area_level, sum(value), count(*), bool_or(break_in_series) FROM observations
                          WHERE indicator_id='population_1jan' AND breakdown='total' GROUP BY ALL""").fetchall()
    by = {(year, level): (total, n, brk) for year, level, total, n, brk in rows}
    for year in (2016, 2018, 2021, 2022, 2023):
        assert by[year, "county"][:2] == (by[year, "national"][0], 12)
    assert by[2025, "national"] == (2_363_314, 1, True)  # the census-based estimate starts a new series
    assert [k for k, v in by.items() if v[2]] == [(2025, "national")]
    assert 2015 not in {year for year, _ in by}  # the older 2015 vintage is left out
    assert len([y for (y, level), v in by.items() if level == "county" and v[1] == 12]) == 13
    note = con.execute("SELECT note FROM observations WHERE indicator_id='population_1jan' AND year=2025").fetchone()[0]
    assert "Break in series" in note and "Ndërprerje e serisë" in note


def test_county_series_use_the_county_codes(con):
    codes = {r[0] for r in con.execute("SELECT DISTINCT area_code FROM observations WHERE indicator_id IN ('population_1jan', 'parliament_seats') "
                                       "AND area_level='county'").fetchall()}
    assert codes == {r[0] for r in con.execute("SELECT county_code FROM counties").fetchall()}
    assert con.execute("SELECT sum(value) FROM observations WHERE indicator_id='parliament_seats'").fetchone()[0] == 140


def test_caveats_travel_with_the_values_they_concern(con):
    notes = dict(con.execute("""SELECT area_code, note FROM observations WHERE indicator_id='population' AND year=2023 AND breakdown='total'
                                AND area_level='municipality' AND status='value'""").fetchall())
    assert not any("154,499" in note or "154 499" in note for note in notes.values()), "the Shkodër +20 caveat is retired"
    assert "19,281" in notes["AL155"] and "19 281" in notes["AL155"] and "Medium confidence; corrected value" in notes["AL155"]
    assert "6,222" in notes["AL153"] and "Medium confidence" in notes["AL153"] and "Besueshmëri mesatare" in notes["AL153"]
    assert "Medium confidence" in notes["AL131"] and "High confidence" in notes["AL223"]
    assert "Medium confidence" in notes["AL352"] and "Besueshmëri mesatare" in notes["AL352"]
    assert notes["AL224"] == ""  # Tiranë: no caveat of its own


def test_sources_of_the_new_data_have_albanian_titles_and_caveats(con):
    rows = con.execute("""SELECT source_id, title_sq, caveats, caveats_sq FROM sources WHERE source_id IN
                          ('census2023_municipalities', 'instat_census_counties', 'instat_population_1jan', 'cec_seats_2021')""").fetchall()
    assert len(rows) == 4
    for _, title_sq, caveats, caveats_sq in rows:
        assert title_sq and caveats_sq.count("\n") == caveats.count("\n")


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
                                "AND area_level='municipality' AND breakdown='total' GROUP BY status").fetchall())
    assert statuses == {"value": 61}
    statuses = dict(con.execute("SELECT status, count(*) FROM observations WHERE indicator_id='population' AND year=2023 "
                                "AND area_level='municipality' AND breakdown='female' GROUP BY status").fetchall())
    assert statuses == {"value": 3, "not_reported": 58}


def test_the_budget_series_marks_its_break(con):
    breaks = con.execute("SELECT year FROM observations WHERE break_in_series AND area_level='municipality'").fetchall()
    assert breaks == [(2020,)]


def test_citations_are_kept_per_value(con):
    rows = con.execute("""SELECT count(*), count(DISTINCT citation_url), count(citation_text), count(citation_retrieved) FROM observations
                          WHERE source_id='census2023_municipalities' AND status='value'""").fetchone()
    assert rows[0] == rows[2] == rows[3] == 77 and rows[1] > 30
    assert con.execute("SELECT count(*) FROM observations WHERE citation_url IS NOT NULL AND source_id='eurostat_lau2019'").fetchone()[0] == 0


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
