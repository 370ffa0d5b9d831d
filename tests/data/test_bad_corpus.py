"""Every file in tests/data/bad is rejected, through the importer and the CLI (and the upload page, tests/pages/test_upload.py),
with a message naming the problem, and the data folder is left exactly as it was (the shared read-only copy checks every file)."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lnb_dash.cli import main
from lnb_dash.data.importer import ImportRejected, import_file, read_table
from tests.conftest import folder_hashes

BAD = Path(__file__).with_name("bad")
META = {"source": {"id": "bad_test", "title": "Test", "publisher": "Test suite", "license": "CC0-1.0", "reference_date": "2020"},
        "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
                      "name": {"sq": "Provë", "en": "Test count"}, "unit": {"sq": "persona", "en": "persons"},
                      "definition": {"sq": "Vetëm për teste.", "en": "Test only."}}}
EXPECTED = {
    "administrative_unit.csv": "Unknown municipality 'Fushë-Krujë'", "all_values_empty.csv": "no values found",
    "ancient_year.csv": "not a year between 1900", "bad_breakdown.csv": "'children' is not one of",
    "bad_status.csv": "'missing' is not one of", "binary_png.csv": "binary file", "binary_zip.csv": "binary file",
    "county_name.csv": "Unknown municipality 'Qarku Korçë'", "cp1252.csv": "not UTF-8",
    "decimal_comma_semicolon.csv": "'12,5' is not a whole non-negative count",
    "duplicate_rows.csv": "appears twice", "duplicate_via_alias.csv": "appears twice", "empty.csv": "the file is empty",
    "empty_workbook.xlsx": "no table", "formula_cell.xlsx": "a formula (=1+1)", "formula_name.csv": "Unknown municipality '=HYPERLINK",
    "formula_value.csv": "'=SUM(A1:A9)' is not a number", "fractional_count.csv": "not a whole non-negative count",
    "future_year.csv": "'2999' is not a year", "header_only.csv": "header but no rows", "hidden_sheet.xlsx": "hidden sheets: data",
    "html_in_name.csv": "Unknown municipality '<img", "infinity_value.csv": "'inf' is not a number", "latin1_names.csv": "not UTF-8",
    "merged_header.xlsx": "merged cells in the header", "misspelled_name.csv": "Did you mean 'Korçë'", "mixed_units.csv": "mixed units",
    "nan_cell.xlsx": "no values found", "nan_value.csv": "'NaN' is not a number", "negative_count.csv": "not a whole non-negative count",
    "negative_infinity.csv": "'-Infinity' is not a number", "no_municipality_column.csv": "no municipality column",
    "no_year_or_value.csv": "neither long form", "not_a_workbook.xlsx": "cannot read this as an Excel workbook",
    "only_whitespace.csv": "only blank lines", "ragged_rows.csv": "this row has 6 fields", "script_in_name.csv": "Unknown municipality",
    "sql_in_name.csv": "Unknown municipality \"Berat'; DROP", "sql_in_value.csv": "is not a number", "text_year.csv": "'last year' is not a year",
    "ambiguous_thousands.csv": "'2.870' could be 2870 or 2.87", "thousands_space_text.csv": "'twelve' is not a number",
    "unclosed_quote.csv": "Check the quotes", "unknown_code.csv": "Unknown municipality 'AL999'", "unknown_name.csv": "Unknown municipality 'Atlantis'",
    "utf16.csv": "UTF-16", "value_with_not_reported.csv": "Leave the value empty", "wide_no_year_columns.csv": "neither long form",
    "wide_text_cells.csv": "'n/a' is not a number", "wrong_unit.csv": "unit 'families' is not the indicator's unit",
    "unknown_former_unit.csv": "Unknown former unit 'Atlantida'", "ambiguous_former_unit.csv": "Ambiguous former unit 'Qendër'",
    "municipality_code_as_former_unit.csv": "It names the municipality Kamëz (AL221)",
    "duplicate_former_unit.csv": "Paskuqan 2020 appears twice",
}


def test_the_corpus_has_at_least_40_files_and_each_has_an_expectation():
    files = sorted(p.name for p in BAD.iterdir())
    assert len(files) >= 40 and set(files) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_bad_file_is_rejected_by_the_importer_with_the_database_unchanged(name, read_only_data):
    data_dir, db_path = read_only_data
    before = folder_hashes(data_dir)  # every file's bytes, the database's too: a refusal writes nothing
    with pytest.raises(ImportRejected) as info:
        import_file(BAD / name, "bad_count", META, data_dir, db_path)
    assert EXPECTED[name] in str(info.value) and name in str(info.value)
    assert folder_hashes(data_dir) == before and not (data_dir / "sources" / "bad_test").exists()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_bad_file_is_rejected_by_the_cli(name, read_only_data, tmp_path, capsys):
    data_dir, db_path = read_only_data
    meta = tmp_path / "meta.yml"
    import yaml

    meta.write_text(yaml.safe_dump(META, allow_unicode=True), encoding="utf-8")
    before = folder_hashes(data_dir)
    code = main(["--data-dir", str(data_dir), "--db", str(db_path), "import", str(BAD / name), "--indicator", "bad_count", "--meta", str(meta)])
    assert code == 2 and EXPECTED[name] in capsys.readouterr().err
    assert folder_hashes(data_dir) == before


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.write(b"municipality,year,value\n")
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(ImportRejected, match="the file is 50 MB; the limit is 20 MB"):
        read_table(big)


def test_a_million_rows_are_refused(tmp_path):
    path = tmp_path / "million.csv"
    path.write_text("municipality,year,value\n" + "Berat,2020,1\n" * 1_000_000, encoding="utf-8")
    with pytest.raises(ImportRejected, match=r"holds more than 100,000 rows .*; the limit is 100,000"):
        read_table(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_any_bytes_are_either_a_table_or_a_clear_rejection(tmp_path, data):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        read_table(path)
    except ImportRejected as exc:
        assert exc.problems and all(p.message for p in exc.problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=6), st.text(max_size=8)), min_size=1, max_size=5))
def test_any_csv_text_is_either_planned_or_rejected_never_a_crash(tmp_path, rows):
    import csv
    import io

    from lnb_dash import config
    from lnb_dash.data.importer import plan_import

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["municipality", "year", "value"])
    writer.writerows(rows)
    path = tmp_path / "fuzz.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        plan_import(path, "bad_count", META, config.DATA_DIR)
    except ImportRejected as exc:
        assert exc.problems

