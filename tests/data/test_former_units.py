"""Data by former unit (the 373 before the 2015 reform): stored at their level, summed to a municipality only when complete.

The proof uses real data: the 2017 parliamentary election by former unit adds up, municipality by municipality, to the
project's own 61 municipal figures. Import tests use synthetic tables in a temporary copy of the data folder.
"""

import shutil

import pandas as pd
import pytest

from lnb_dash.cli import main
from lnb_dash.data.build import BuildError, build_database
from lnb_dash.data.check import area_level, check_data
from lnb_dash.data.importer import ImportRejected, RatesNotSummable, import_file, plan_import
from lnb_dash.names import read_reference
from lnb_dash.query import db, indicators
from lnb_dash.query.values import query_values
from tests.conftest import hashes

SOURCE = "cec_parliament_2017_former_units"
META = {"source": {"id": "test_units", "title": "Synthetic table by former unit", "publisher": "Test suite", "license": "CC0-1.0",
                   "reference_date": "2020"},
        "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
                      "name": {"sq": "Provë", "en": "Test count"}, "unit": {"sq": "persona", "en": "persons"},
                      "definition": {"sq": "Vetëm për teste.", "en": "Test only."}}}


@pytest.fixture(scope="module")
def units(shipped_db):
    from lnb_dash.config import DATA_DIR

    return read_reference(DATA_DIR)["former_units"]


def municipal(con, indicator, year=2017):
    return dict(con.execute("SELECT area_code, value FROM observations WHERE indicator_id = $i AND year = $y AND breakdown = 'total' "
                            "AND area_level = 'municipality' AND status = 'value'", {"i": indicator, "y": year}).fetchall())


def summed_from_units(con, indicator, year=2017):
    return dict(con.execute("SELECT f.lau_code, sum(o.value) FROM observations o JOIN former_units f ON f.unit_code = o.area_code "
                            "WHERE o.indicator_id = $i AND o.year = $y AND o.breakdown = 'total' AND o.status = 'value' GROUP BY 1",
                            {"i": indicator, "y": year}).fetchall())


def test_codes_map_to_their_level():
    assert [area_level(c) for c in ("AL22101", "AL221", "AL-11", "AL")] == ["former_unit", "municipality", "county", "national"]


def test_2017_election_by_former_unit_is_stored_at_that_level(con):
    rows = con.execute("SELECT indicator_id, count(*), count(DISTINCT area_code) FROM observations WHERE source_id = $s "
                       "GROUP BY 1 ORDER BY 1", {"s": SOURCE}).fetchall()
    assert rows == [("parl_registered_voters", 373, 373), ("parl_turnout", 373, 373), ("parl_voters", 373, 373)]
    levels = con.execute("SELECT DISTINCT area_level FROM observations WHERE source_id = $s", {"s": SOURCE}).fetchall()
    assert levels == [("former_unit",)]


@pytest.mark.parametrize("indicator", ["parl_registered_voters", "parl_voters"])
def test_former_units_add_up_to_every_municipal_2017_figure_exactly(con, indicator):
    reported, sums = municipal(con, indicator), summed_from_units(con, indicator)
    assert len(reported) == len(sums) == 61
    assert sums == reported


def test_turnout_from_the_summed_counts_equals_the_municipal_turnout(con):
    voters, registered = summed_from_units(con, "parl_voters"), summed_from_units(con, "parl_registered_voters")
    turnout = municipal(con, "parl_turnout")
    assert len(turnout) == 61
    assert {code: round(voters[code] / registered[code] * 100, 2) for code in turnout} == turnout


def test_reported_municipal_values_are_kept_not_replaced_by_sums(con):
    rows = con.execute("SELECT DISTINCT source_id, computed FROM observations WHERE year = 2017 AND area_level = 'municipality' "
                       "AND indicator_id IN ('parl_registered_voters', 'parl_voters', 'parl_turnout')").fetchall()
    assert rows == [("cec_elections", False)]


def test_a_sum_that_disagrees_with_a_reported_value_is_refused(tmp_path):
    from lnb_dash.config import DATA_DIR

    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    path = data_dir / "sources" / SOURCE / "observations.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("AL11101,parl_voters,total,2017,", "AL11101,parl_voters,total,2017,1"), encoding="utf-8")
    problems = [str(p) for p in check_data(data_dir).problems]
    assert len(problems) == 1 and "AL111 parl_voters total 2017" in problems[0] and "'cec_elections' reports" in problems[0]
    with pytest.raises(BuildError):
        build_database(data_dir, tmp_path / "x.duckdb")


def test_values_command_lists_all_373_former_units(shipped_db, capsys):
    assert main(["--db", str(shipped_db), "values", "parl_turnout", "--year", "2017", "--level", "former_unit", "--format", "csv"]) == 0
    table = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out), dtype=str)
    assert len(table) == 373 and (table.status == "value").all()
    row = table.set_index("unit_code").loc["AL22102"]
    assert (row["name"], row.lau_code, row.municipality) == ("Paskuqan", "AL221", "Kamëz")


def test_coverage_by_level_counts_former_units_of_373(con):
    coverage = indicators.query_coverage_by_level(con).set_index(["indicator_id", "area_level", "year"])
    row = coverage.loc[("parl_voters", "former_unit", 2017)]
    assert (row.n_areas, row.n_possible, row.n_computed) == (373, 373, 0)


def test_county_and_national_figures_leave_former_units_out(con):
    counties = query_values(con, "parl_turnout", 2017, level="county")
    national = query_values(con, "parl_turnout", 2017, level="national")
    assert len(counties) == 12 and (counties.status == "value").all() and national.status.tolist() == ["value"]


def test_observations_name_former_units(con):
    frame = indicators.query_observations(con, "parl_voters", 2017, area_level="former_unit").set_index("area_code")
    assert frame.loc["AL22102", "area_name"] == "Paskuqan" and len(frame) == 373


# Importing tables keyed by former units.

def fresh_build(data_dir, tmp_path):
    """Table hashes of a new build of ``data_dir``: what the database must equal after a rejected import."""
    build_database(data_dir, tmp_path / "fresh.duckdb")
    return hashes(tmp_path / "fresh.duckdb")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def all_units_table(units, skip=(), column="komuna", value=lambda i: i + 1):
    """Every former unit by code with a synthetic count, except ``skip``."""
    rows = [f"{code},2020,{value(i)}" for i, code in enumerate(units.unit_code) if code not in skip]
    return f"{column},viti,vlera\n" + "\n".join(rows) + "\n"


def test_a_rate_by_former_unit_is_refused_with_what_to_upload_instead(tmp_path, read_only_data):
    data_dir, db_path = read_only_data
    before = hashes(db_path)
    path = write(tmp_path, "rate.csv", "komuna,viti,vlera\nKamëz,2021,45.2\nPaskuqan,2021,50.1\n")
    with pytest.raises(RatesNotSummable) as info:
        import_file(path, "parl_turnout", {"source": META["source"]}, data_dir, db_path)
    message = str(info.value)
    assert "Upload the numerator and denominator counts by former unit instead" in message
    assert "Voters" in message and "Registered voters" in message and "parl_voters" not in message
    assert hashes(db_path) == before and not (data_dir / "sources" / "test_units").exists()
    assert hashes(db_path) == fresh_build(data_dir, tmp_path)


def test_a_new_share_by_former_unit_is_refused_too(tmp_path, read_only_data):
    meta = {**META, "indicator": {**META["indicator"], "kind": "share", "aggregate": "none"}}
    with pytest.raises(RatesNotSummable, match="numerator and denominator"):
        plan_import(write(tmp_path, "s.csv", "komuna,viti,vlera\nKamëz,2021,45.2\n"), "test_share", meta, read_only_data[0])


def test_counts_by_every_former_unit_become_municipal_county_and_national_sums(tmp_path, data_copy, units):
    data_dir, db_path = data_copy
    plan = import_file(write(tmp_path, "units.csv", all_units_table(units)), "test_count", META, data_dir, db_path)
    assert plan.level == "former_unit" and len(plan.aggregation[("total", "2020")].aggregated) == 61
    expected = pd.Series(range(1, 374), index=units.unit_code).groupby(units.lau_code.to_numpy()).sum()
    with db.connect(db_path) as con:
        rows = con.execute("SELECT area_code, value, computed, note, source_id FROM observations WHERE indicator_id = 'test_count' "
                           "AND area_level = 'municipality'").df().set_index("area_code")
        national = con.execute("SELECT value FROM observations WHERE indicator_id = 'test_count' AND area_code = 'AL'").fetchone()
    assert len(rows) == 61 and rows.value.to_dict() == expected.astype(float).to_dict()
    assert rows.computed.all() and rows.note.str.startswith("aggregated from former units").all()
    assert (rows.source_id == "test_units").all()
    assert national == (float(sum(range(1, 374))),)


def test_a_municipality_missing_one_former_unit_gets_no_value(tmp_path, data_copy, units):
    data_dir, db_path = data_copy
    plan = import_file(write(tmp_path, "units.csv", all_units_table(units, skip={"AL22102"})), "test_count", META, data_dir, db_path)
    aggregation = plan.aggregation[("total", "2020")]
    assert aggregation.incomplete == {"AL221": ["AL22102"]} and len(aggregation.aggregated) == 60
    assert "Kamëz (missing Paskuqan)" in plan.summary() and "AL22102" not in plan.summary()
    assert "Kamëz (mungojnë Paskuqan)" in plan.summary("sq")
    with db.connect(db_path) as con:
        values = query_values(con, "test_count", 2020).set_index("area_code")
        areas = pd.concat([query_values(con, "test_count", 2020, level=level) for level in ("county", "national")])
        areas = areas.set_index("area_code")
    assert values.loc["AL221", "status"] == "not_reported" and pd.isna(values.loc["AL221", "value"])
    assert "not every former unit" in values.loc["AL221", "note"]
    assert (values.drop("AL221").status == "value").all()
    assert areas.loc[["AL-11", "AL"], "value"].isna().all()  # Tiranë county and Albania lack Kamëz: no partial sum
    assert areas.loc["AL-11", "status"] == "not_reported" and areas.loc["AL-02", "status"] == "value"


@pytest.mark.parametrize("name, code", [
    ("Paskuqan", "AL22102"), ("PASKUQAN", "AL22102"), ("paskuqan ", "AL22102"), ("Komuna Paskuqan", "AL22102"),
    ("al22102", "AL22102"), ("Fushe-Bulqize", "AL11102"), ("FUSHË BULQIZË", "AL11102"), ("Qendër (Fier)", None),
])
def test_former_units_are_named_in_any_spelling_or_by_code(tmp_path, read_only_data, name, code):
    plan = plan_import(write(tmp_path, "t.csv", f"komuna,viti,vlera\n{name},2020,4\n"), "test_count", META, read_only_data[0])
    resolved = plan.observations.area_code.iloc[0]
    assert resolved == code if code else (resolved.startswith("AL") and len(resolved) == 7)


def test_a_code_column_of_former_unit_codes_is_read_as_former_units(tmp_path, read_only_data):
    plan = plan_import(write(tmp_path, "t.csv", "area_code,year,value\nAL22101,2020,4\nAL22102,2020,6\n"), "test_count", META, read_only_data[0])
    assert plan.level == "former_unit" and plan.aggregation[("total", "2020")].aggregated == ["AL221"]


def test_a_shared_unit_name_is_settled_by_the_municipality_beside_it(tmp_path, read_only_data):
    data_dir = read_only_data[0]
    resolver_units = read_reference(data_dir)["former_units"]
    qender = resolver_units[(resolver_units.name == "Qendër")]
    assert len(qender) > 1
    lau = qender.lau_code.iloc[0]
    municipality = read_reference(data_dir)["municipalities"].set_index("lau_code").loc[lau, "name"]
    table = write(tmp_path, "t.csv", f"komuna,bashkia,viti,vlera\nQendër,{municipality},2020,4\n")
    plan = plan_import(table, "test_count", META, data_dir)
    assert plan.observations.area_code.tolist() == [qender.unit_code.iloc[0]]
    with pytest.raises(ImportRejected, match="Ambiguous former unit 'Qendër'"):
        plan_import(write(tmp_path, "t.csv", "komuna,viti,vlera\nQendër,2020,4\n"), "test_count", META, data_dir)


def test_an_unknown_former_unit_gets_the_closest_names(tmp_path, read_only_data):
    with pytest.raises(ImportRejected) as info:
        plan_import(write(tmp_path, "t.csv", "komuna,viti,vlera\nPaskuqane,2020,4\n"), "test_count", META, read_only_data[0])
    message = str(info.value)
    assert "row 2, column 'komuna'" in message and "Unknown former unit 'Paskuqane'" in message and "'Paskuqan' (AL22102)" in message


def test_former_units_that_add_up_to_a_reported_municipal_value_keep_it(tmp_path, data_copy, units):
    data_dir, db_path = data_copy
    with db.connect(db_path) as con:
        reported = municipal(con, "population", 2011)["AL221"]
    text = f"komuna,viti,vlera\nKamëz,2011,{int(reported) - 100}\nPaskuqan,2011,100\n"
    plan = import_file(write(tmp_path, "pop.csv", text), "population", {"source": META["source"]}, data_dir, db_path)
    assert plan.aggregation[("total", "2011")].kept == {"AL221": "eurostat_lau2019"}
    with db.connect(db_path) as con:
        row = con.execute("SELECT value, source_id, computed FROM observations WHERE area_code = 'AL221' AND indicator_id = 'population' "
                          "AND year = 2011 AND breakdown = 'total'").fetchone()
    assert row == (reported, "eurostat_lau2019", False)


def test_former_units_that_disagree_with_a_reported_municipal_value_are_refused(tmp_path, read_only_data):
    data_dir, db_path = read_only_data
    before = hashes(db_path)
    path = write(tmp_path, "pop.csv", "komuna,viti,vlera\nKamëz,2011,10\nPaskuqan,2011,20\n")
    with pytest.raises(ImportRejected) as info:
        import_file(path, "population", {"source": META["source"]}, data_dir, db_path)
    assert "add up to 30" in str(info.value) and "'eurostat_lau2019' reports" in str(info.value) and "never replaced" in str(info.value)
    assert hashes(db_path) == before and not (data_dir / "sources" / "test_units").exists()
    assert hashes(db_path) == fresh_build(data_dir, tmp_path)


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_the_filled_in_former_unit_template_imports_as_former_units(tmp_path, data_copy, lang):
    from lnb_dash.data.importer import template_frame_former_units
    from lnb_dash.render import exports

    data_dir = data_copy[0]
    reference = read_reference(data_dir)
    template = template_frame_former_units(reference["former_units"], reference["municipalities"], lang)
    assert len(template) == 373 and template.iloc[:, 0].tolist() == sorted(reference["former_units"].unit_code)
    kamez = template.iloc[:, 0].str.startswith("AL221")
    template.loc[kamez, template.columns[3]] = "2020"
    template.loc[kamez, template.columns[4]] = ["7", "9"]
    path = tmp_path / "filled.xlsx"
    path.write_bytes(exports.to_xlsx_bytes(template, template.iloc[:0]))
    plan = plan_import(path, "test_count", META, data_dir)
    assert plan.level == "former_unit" and plan.observations.area_code.tolist() == ["AL22101", "AL22102"]
    assert plan.aggregation[("total", "2020")].aggregated == ["AL221"]


def test_the_2017_election_by_former_unit_imports_through_the_importer_and_adds_up_to_the_61(tmp_path, data_copy, units):
    """The real 2017 table, uploaded as a user would (unit names with their municipality), goes through the same importer:
    every municipality's sum equals the reported municipal figure, so all 61 keep it and none is refused."""
    data_dir, db_path = data_copy
    shipped = pd.read_csv(data_dir / "sources" / SOURCE / "observations.csv")
    shutil.rmtree(data_dir / "sources" / SOURCE)
    build_database(data_dir, db_path)
    voters = shipped[shipped.indicator == "parl_voters"].merge(units, left_on="area_code", right_on="unit_code")
    names = read_reference(data_dir)["municipalities"].set_index("lau_code").name
    table = pd.DataFrame({"komuna": voters.name, "bashkia": voters.lau_code.map(names), "viti": voters.year, "vlera": voters.value})
    path = tmp_path / "voters_2017_by_unit.csv"
    table.to_csv(path, index=False)
    plan = import_file(path, "parl_voters", {"source": {**META["source"], "id": "voters_2017_units"}}, data_dir, db_path)
    result = plan.aggregation[("total", "2017")]
    assert plan.level == "former_unit" and len(result.kept) == 61 and not result.aggregated
    with db.connect(db_path) as con:
        assert summed_from_units(con, "parl_voters") == pytest.approx(municipal(con, "parl_voters"))
        assert con.execute("SELECT count(*) FROM observations WHERE source_id = 'voters_2017_units' AND area_level = 'former_unit' "
                           "AND status = 'value'").fetchone() == (373,)
