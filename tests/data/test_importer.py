"""Importing a table: long or wide, CSV or XLSX, names resolved; every bad file rejected with nothing changed."""

import pandas as pd
import pytest

from lnb_dash.data.importer import ImportRejected, import_file
from lnb_dash.query import db
from tests.conftest import hashes

META = {"source": {"id": "test_import", "title": "Synthetic test table", "publisher": "Test suite", "license": "CC0-1.0",
                   "reference_date": "2020"},
        "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
                      "name": {"sq": "Provë", "en": "Test count"}, "unit": {"sq": "persona", "en": "persons"},
                      "definition": {"sq": "Vetëm për teste.", "en": "Test only."}}}


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def rejected(path, data_copy, meta=META, indicator="test_count"):
    data_dir, db_path = data_copy
    before = hashes(db_path)
    with pytest.raises(ImportRejected) as info:
        import_file(path, indicator, meta, data_dir, db_path)
    assert hashes(db_path) == before
    assert not (data_dir / "sources" / "test_import").exists()
    return str(info.value)


def test_long_csv_with_name_variants_is_imported_on_codes(tmp_path, data_copy):
    data_dir, db_path = data_copy
    path = write(tmp_path, "t.csv", "municipality,year,value\nTirana,2020,10\nBashkia Korçë,2020,20\nDIMAL,2020,5\nVlora,2021,7\n")
    plan = import_file(path, "test_count", META, data_dir, db_path)
    assert len(plan.observations) == 4
    with db.connect(db_path) as con:
        rows = dict(con.execute("SELECT area_code, value FROM observations WHERE indicator_id='test_count' AND year=2020 AND status='value'").fetchall())
    assert rows == {"AL224": 10, "AL343": 20, "AL315": 5}
    assert (data_dir / "sources" / "test_import" / "datapackage.yaml").exists()


def test_wide_xlsx_with_years_in_columns(tmp_path, data_copy):
    data_dir, db_path = data_copy
    path = tmp_path / "wide.xlsx"
    pd.DataFrame({"Bashkia": ["Berat", "Kuçovë"], "2019": [1, 2], "2020": [3, None]}).to_excel(path, index=False)
    import_file(path, "test_count", META, data_dir, db_path)
    with db.connect(db_path) as con:
        rows = con.execute("SELECT area_code, year, value FROM observations "
                           "WHERE indicator_id='test_count' AND area_level='municipality' AND status='value' ORDER BY 1, 2").fetchall()
    assert rows == [("AL311", 2019, 1), ("AL311", 2020, 3), ("AL312", 2019, 2)]  # the empty cell stays missing, not 0


def test_semicolon_delimiter_and_bom_are_understood(tmp_path, data_copy):
    data_dir, db_path = data_copy
    path = write(tmp_path, "semi.csv", "\ufefflau_code;year;value\nAL111;2020;3\n")
    assert len(import_file(path, "test_count", META, data_dir, db_path, dry_run=True).observations) == 1


def test_dry_run_changes_nothing(tmp_path, read_only_data):
    data_dir, db_path = read_only_data
    before = hashes(db_path)
    plan = import_file(write(tmp_path, "t.csv", "municipality,year,value\nBerat,2020,1\n"), "test_count", META, data_dir, db_path, dry_run=True)
    assert "Test count, total, 2020: 1 municipalities" in plan.summary() and "test_count" not in plan.summary()
    assert "Provë, gjithsej, 2020: 1 bashki" in plan.summary("sq")
    assert hashes(db_path) == before and not (data_dir / "sources" / "test_import").exists()


def test_unknown_name_is_rejected_with_row_column_and_suggestion(tmp_path, read_only_data):
    msg = rejected(write(tmp_path, "t.csv", "municipality,year,value\nBerat,2020,1\nKorcha,2020,2\n"), read_only_data)
    assert "t.csv, row 3, column 'municipality'" in msg and "Did you mean 'Korçë'" in msg


def test_text_in_a_number_column(tmp_path, read_only_data):
    msg = rejected(write(tmp_path, "t.csv", "municipality,year,value\nBerat,2020,many\n"), read_only_data)
    assert "row 2, column 'value'" in msg and "not a number" in msg


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_nan_and_infinity_are_rejected(tmp_path, read_only_data, value):
    assert "not a number" in rejected(write(tmp_path, "t.csv", f"municipality,year,value\nBerat,2020,{value}\n"), read_only_data)


def test_duplicate_rows(tmp_path, read_only_data):
    msg = rejected(write(tmp_path, "t.csv", "municipality,year,value\nTiranë,2020,1\nTirana,2020,2\n"), read_only_data)
    assert "appears twice" in msg and "row 3" in msg


def test_negative_count(tmp_path, read_only_data):
    assert "not a whole non-negative count" in rejected(write(tmp_path, "t.csv", "municipality,year,value\nBerat,2020,-4\n"), read_only_data)


def test_future_year(tmp_path, read_only_data):
    assert "'year'" in rejected(write(tmp_path, "t.csv", "municipality,year,value\nBerat,2999,4\n"), read_only_data)


def test_share_above_100(tmp_path, read_only_data):
    meta = {**META, "indicator": {**META["indicator"], "kind": "share", "aggregate": "none"}}
    assert "outside 0-100" in rejected(write(tmp_path, "t.csv", "municipality,year,value\nBerat,2020,130\n"), read_only_data, meta)


def test_value_that_duplicates_existing_data(tmp_path, read_only_data):
    msg = rejected(write(tmp_path, "t.csv", "municipality,year,value\nBerat,2011,5\n"), read_only_data, {"source": META["source"]}, "population")
    assert "duplicate observation for AL311 population total 2011" in msg


def test_unknown_indicator_without_definition(tmp_path, read_only_data):
    path = write(tmp_path, "t.csv", "municipality,year,value\nBerat,2020,5\n")
    assert "unknown indicator 'nothing'" in rejected(path, read_only_data, {"source": META["source"]}, "nothing")


def test_missing_source_metadata(tmp_path, read_only_data):
    meta = {**META, "source": {"id": "test_import", "title": "x"}}
    msg = rejected(write(tmp_path, "t.csv", "municipality,year,value\nBerat,2020,5\n"), read_only_data, meta)
    assert "lacks 'publisher'" in msg and "lacks 'license'" in msg


@pytest.mark.parametrize("name, content, expected", [
    ("empty.csv", b"", "the file is empty"),
    ("binary.csv", bytes(range(256)) * 10, "binary file"),
    ("latin.csv", "municipality,year,value\nKorçë,2020,1\n".encode("cp1252"), "not UTF-8"),
    ("header.csv", b"municipality,year,value\n", "no rows"),
    ("noname.csv", b"place,year,value\nBerat,2020,1\n", "no municipality column"),
    ("noyears.csv", b"municipality,foo\nBerat,1\n", "neither long form"),
    ("broken.xlsx", b"PK\x03\x04 not really a workbook", "cannot read this as an Excel workbook"),
])
def test_bad_files_get_a_message_that_names_the_problem(tmp_path, read_only_data, name, content, expected):
    assert expected in rejected(write(tmp_path, name, content), read_only_data)


def test_a_failing_rebuild_removes_the_new_source_folder(tmp_path, data_copy, monkeypatch):
    data_dir, db_path = data_copy
    before = hashes(db_path)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("lnb_dash.data.importer.build_database", fail)
    with pytest.raises(RuntimeError):
        import_file(write(tmp_path, "t.csv", "municipality,year,value\nBerat,2020,1\n"), "test_count", META, data_dir, db_path)
    assert not (data_dir / "sources" / "test_import").exists()
    assert hashes(db_path) == before
