"""Importing a table: long or wide, CSV or XLSX, names resolved; every bad file rejected with nothing changed."""

import re

import pandas as pd
import pytest

from lnb_dash.data.importer import ImportRejected, UnreadableNumber, import_file, parse_number, plan_import
from lnb_dash.query import db
from tests.conftest import folder_hashes, hashes

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
    before = folder_hashes(data_dir)  # every file's bytes, the database's too: a refusal writes nothing
    with pytest.raises(ImportRejected) as info:
        import_file(path, indicator, meta, data_dir, db_path)
    assert folder_hashes(data_dir) == before
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
    assert "duplicate observation for Berat (AL311), Population (census), total, 2011" in msg


def test_a_value_already_stored_is_named_by_place_indicator_and_breakdown_in_albanian(tmp_path, read_only_data):
    """The same figures uploaded twice: the report names the indicator and the breakdown in words, never by internal id."""
    data_dir, db_path = read_only_data
    with pytest.raises(ImportRejected) as info:
        import_file(write(tmp_path, "t.csv", "bashkia,viti,vlera\nBerat,2011,5\n"), "population", {"source": META["source"]}, data_dir, db_path,
                    lang="sq")
    assert "vlerë e dyfishtë për Berat (AL311), Popullsia (census), gjithsej, 2011" in str(info.value)
    assert "population" not in str(info.value) and "total" not in str(info.value)


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


ALBANIAN_CASES = {
    "title_row.csv": "Familje që marrin ndihmë ekonomike 2023,,\nbashkia,viti,vlera\nKorçë,2023,12\n",
    "decimal_comma.csv": "bashkia;viti;vlera\nKorçë;2023;412,5\n",
    "unknown_name.csv": "bashkia,viti,vlera\nTirana e Re,2023,3\n",
    "negative_count.csv": "bashkia,viti,vlera\nBerat,2023,-12\n",
    "duplicate.csv": "bashkia,viti,vlera\nKorçë,2023,1\nkorca,2023,2\n",
    "empty.csv": "",
}
EXPECTED_SQ = {"title_row.csv": "rreshti 1 është titull ('Familje që marrin ndihmë ekonomike 2023')", "decimal_comma.csv": "'412,5' nuk është numërim",
               "unknown_name.csv": "Bashki e panjohur: 'Tirana e Re'", "negative_count.csv": "'-12' nuk është numërim",
               "duplicate.csv": "Korçë 2023 shfaqet dy herë (edhe në rreshtin 2)", "empty.csv": "skedari është bosh"}


def english_fragments() -> set[str]:
    """Every constant stretch of English (between placeholders) of the English catalogue that is a phrase of its own."""
    from lnb_dash.i18n import catalog

    pieces = {piece.strip(" .,:;()") for text in catalog.messages(catalog.read_catalog("en")).values() for piece in re.split(r"\{[^}]*\}", text)}
    return {p for p in pieces if len(p) >= 12 and " " in p}


@pytest.mark.parametrize("name", sorted(ALBANIAN_CASES))
def test_each_bad_file_gets_an_albanian_report_with_no_english_sentence_and_the_cli_says_the_same(name, tmp_path, read_only_data, capsys):
    import yaml

    from lnb_dash.cli import main

    data_dir, db_path = read_only_data
    path = write(tmp_path, name, ALBANIAN_CASES[name])
    before = folder_hashes(data_dir)
    with pytest.raises(ImportRejected) as info:
        import_file(path, "test_count", META, data_dir, db_path, lang="sq")
    report = str(info.value)
    assert report.startswith("Importi u refuzua") and EXPECTED_SQ[name] in report
    assert [f for f in english_fragments() if f in report] == []
    assert all(p.todo("sq") for p in info.value.problems)  # every problem says what to do
    meta = tmp_path / "meta.yml"
    meta.write_text(yaml.safe_dump(META, allow_unicode=True), encoding="utf-8")
    code = main(["--data-dir", str(data_dir), "--db", str(db_path), "import", str(path), "--indicator", "test_count", "--meta", str(meta), "--lang", "sq"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("gabim: Importi u refuzua") and all(p.text("sq") in err for p in info.value.problems)
    assert folder_hashes(data_dir) == before and not (data_dir / "sources" / "test_import").exists()


@pytest.mark.parametrize("written, value", [("1 234", 1234), ("1\u00a0234\u00a0567", 1234567), ("1.234.567", 1234567), ("1,234,567", 1234567),
                                            ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("12,5", 12.5), ("41.52", 41.52), ("0,125", 0.125),
                                            ("1234.567", 1234.567), ("-12", -12), ("7", 7), ("", None)])
def test_the_number_rule_reads_spaces_dots_and_commas(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize("written, key", [("2.870", "imp_number_ambiguous"), ("2,870", "imp_number_ambiguous"), ("12 34", "imp_number_groups"),
                                          ("1.234.5", "imp_number_groups"), ("1,2.345", "imp_number_groups"), ("twelve", "imp_not_a_number")])
def test_an_ambiguous_or_malformed_number_is_refused_and_echoed_as_written(written, key):
    with pytest.raises(UnreadableNumber) as info:
        parse_number(written)
    assert info.value.key == key and info.value.params["value"] == repr(written)


def test_an_excel_title_row_is_named_with_the_row_of_the_column_names(tmp_path, read_only_data):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Familje me ndihmë ekonomike, 2023"])
    sheet.append([])
    sheet.append(["bashkia", "viti", "vlera"])
    sheet.append(["Berat", 2023, 5])
    workbook.save(tmp_path / "t.xlsx")
    msg = rejected(tmp_path / "t.xlsx", read_only_data)
    assert "row 1 is a title ('Familje me ndihmë ekonomike, 2023')" in msg and "(bashkia, viti, vlera) are in row 3" in msg


def test_a_check_problem_names_the_file_s_row_column_and_value_as_written(tmp_path, read_only_data):
    msg = rejected(write(tmp_path, "t.csv", "bashkia;viti;vlera\nBerat;2020;4\nKorçë;2020;1.234,5\n"), read_only_data)
    assert "t.csv, row 3, column 'vlera': '1.234,5' is not a whole non-negative count" in msg


def test_the_template_metadata_sheet_says_what_each_column_means_in_both_languages_with_the_indicator():
    from lnb_dash.data.importer import template_frame, template_metadata
    from lnb_dash.names import read_reference
    from tests.conftest import ROOT

    template = template_frame(read_reference(ROOT / "data")["municipalities"], "sq")
    sheet = template_metadata(template, META["indicator"])
    assert len(template) == 61 and sheet.field.tolist()[:4] == ["bashkia", "viti", "vlera", "shënim"]
    assert "bosh kur nuk ka shifër" in sheet.shqip[2] and "empty when there is no figure" in sheet.English[2]
    assert sheet.iloc[4].tolist() == ["Treguesi / Indicator", "Provë", "Test count"] and sheet.iloc[5].tolist()[1:] == ["persona", "persons"]
    empty_form = {part: {"sq": "", "en": ""} for part in ("name", "unit", "definition")}
    assert len(template_metadata(template, empty_form)) == 4, "a new indicator's empty form adds no empty rows"


def test_a_unit_column_is_read_with_endings_and_case_aside(tmp_path, read_only_data):
    """'Persona' and 'personat' are the indicator's 'persona'; 'families' is still refused."""
    data_dir, _ = read_only_data
    for unit in ("Persona", "personat", "persons"):
        plan = plan_import(write(tmp_path, "t.csv", f"bashkia,viti,vlera,njësia\nBerat,2020,5,{unit}\n"), "test_count", META, data_dir)
        assert len(plan.observations) == 1, unit
    assert "unit 'families' is not the indicator's unit" in rejected(write(tmp_path, "t.csv", "bashkia,viti,vlera,njësia\nBerat,2020,5,families\n"),
                                                                    read_only_data)
