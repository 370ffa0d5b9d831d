"""The command line, as a user runs it."""

import io
import subprocess
import sys

import pandas as pd
import pytest

from lnb_dash.cli import main
from tests.conftest import ROOT


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def values_csv(capsys, shipped_db, *args) -> pd.DataFrame:
    code, out, _ = run(capsys, "--db", str(shipped_db), "values", *args, "--format", "csv")
    assert code == 0
    return pd.read_csv(io.StringIO(out), dtype={"value": float})


def test_population_2011_lists_61_rows_summing_to_the_census_total(capsys, shipped_db):
    table = values_csv(capsys, shipped_db, "population", "--year", "2011")
    assert len(table) == 61 and table.value.sum() == 2_800_138
    assert list(table.columns) == ["lau_code", "name", "qark", "year", "value", "unit", "status", "source", "note", "flag",
                                   "citation_url", "citation_title", "citation_text", "citation_retrieved", "read_at_url"]


def test_population_2023_lists_61_values_summing_to_the_census_total_each_with_its_publication(capsys, shipped_db):
    table = values_csv(capsys, shipped_db, "population", "--year", "2023")
    assert len(table) == 61 and (table.status == "value").all() and table.value.sum() == 2_402_113
    assert table.citation_url.str.match(r"https?://").all() and table.citation_text.notna().all()
    assert pd.to_datetime(table.citation_retrieved).notna().all()
    assert table.citation_url.nunique() > 30  # the values come from their own publications
    rows = table.set_index("lau_code")
    tirana = rows.loc["AL224"]
    assert tirana.value == 598_176 and "598.176 Einwohnern (Volkszählung 2023)" in tirana.citation_text
    vau_i_dejes = rows.loc["AL155"]
    assert vau_i_dejes.value == 19_261 and "19,281" in vau_i_dejes.note and "154,479" in vau_i_dejes.note
    has = rows.loc["AL131"]
    assert has.note.startswith("Besueshmëri mesatare") and "Medium confidence" in has.note
    assert "revenue" not in " ".join(table.citation_text) and "28307" not in " ".join(table.citation_text)


def test_lnb_priority_marks_exactly_24(capsys, shipped_db):
    table = values_csv(capsys, shipped_db, "lnb_priority")
    assert (table.value == 1).sum() == 24 and (table.label == "Yes").sum() == 24
    assert set(table[table.value == 1].name) >= {"Korçë", "Dimal", "Maliq", "Krujë", "Vlorë"}


def test_values_without_year_uses_the_latest_year(capsys, shipped_db):
    assert set(values_csv(capsys, shipped_db, "parl_turnout").year) == {2017}


def test_values_by_sex(capsys, shipped_db):
    table = values_csv(capsys, shipped_db, "local_turnout", "--breakdown", "female")
    assert (table.status == "value").all()


def test_unknown_indicator_suggests_the_closest(capsys, shipped_db):
    code, _, err = run(capsys, "--db", str(shipped_db), "values", "populaton")
    assert code == 2 and "Did you mean population" in err


def test_check_passes_and_reports_61_of_61_joined(capsys):
    code, out, _ = run(capsys, "check")
    assert code == 0 and "61/61 municipalities joined to the boundaries" in out
    lines = {" ".join(line.split()[:2]): line for line in out.splitlines() if line.startswith("  ")}
    assert "2011: 61, 2023: 61" in lines["population municipality"]
    assert "1989: 12, 2001: 12, 2011: 12, 2023: 12" in lines["population county"]
    assert "population_1jan municipality" not in lines and "2002: 12" in lines["population_1jan county"]


def test_check_fails_on_a_broken_story_naming_file_step_and_field(capsys, data_copy):
    data_dir, _ = data_copy
    (data_dir / "stories" / "broken.yml").write_text(
        "title: {sq: Prishur, en: Broken}\nsteps:\n  - page: overview\n    title: {sq: Një, en: One}\n"
        "  - page: trends\n    params: {indicator: population_1jan, year: 1900}\n    title: {sq: Dy}\n", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "check")
    assert code == 1
    assert "broken.yml, step 2, title.en: missing or empty" in err
    assert "broken.yml, step 2, params.year: the trends page has no such parameter" in err


def test_import_dry_run_from_the_command_line(capsys, tmp_path, read_only_data):
    data_dir, db_path = read_only_data
    (tmp_path / "t.csv").write_text("municipality,year,value\nKolonjë,2020,1\n", encoding="utf-8")
    (tmp_path / "meta.yml").write_text("source: {id: cli_test, title: T, publisher: P, license: CC0-1.0, reference_date: '2020'}\n", encoding="utf-8")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "--db", str(db_path), "import", str(tmp_path / "t.csv"),
                       "--indicator", "covid19_families_assisted", "--meta", str(tmp_path / "meta.yml"), "--dry-run")
    assert code == 0 and "dry run, nothing changed" in out


def test_import_rejection_exits_non_zero_with_the_reason(capsys, tmp_path, read_only_data):
    data_dir, db_path = read_only_data
    (tmp_path / "t.csv").write_text("municipality,year,value\nAtlantis,2020,1\n", encoding="utf-8")
    (tmp_path / "meta.yml").write_text("source: {id: cli_test, title: T, publisher: P, license: CC0-1.0, reference_date: '2020'}\n", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "--db", str(db_path), "import", str(tmp_path / "t.csv"),
                       "--indicator", "covid19_families_assisted", "--meta", str(tmp_path / "meta.yml"))
    assert code == 2 and "Unknown municipality 'Atlantis'" in err and "row 2" in err


def test_help_is_available_from_the_module_as_a_process():
    out = subprocess.run([sys.executable, "-m", "lnb_dash", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "usage: python -m lnb_dash" in out.stdout


@pytest.mark.parametrize("command", [[], ["values"], ["import"]])
def test_help_is_available_for_every_command(command, capsys):
    with pytest.raises(SystemExit) as exited:  # in-process: the parser is the same one `python -m lnb_dash` runs above
        main([*command, "--help"])
    assert exited.value.code == 0 and "usage: python -m lnb_dash" in capsys.readouterr().out


def test_profile_command_writes_a_pdf_for_a_name(capsys, shipped_db, tmp_path):
    code, _out, _ = run(capsys, "--db", str(shipped_db), "profile", "korca", "--lang", "sq", "-o", str(tmp_path / "korce.pdf"))
    assert code == 0 and (tmp_path / "korce.pdf").read_bytes().startswith(b"%PDF")


def test_export_commands_write_xlsx_and_the_package(capsys, shipped_db, tmp_path):
    assert run(capsys, "--db", str(shipped_db), "export", "values", "--indicator", "population", "--format", "xlsx",
               "-o", str(tmp_path / "p.xlsx"))[0] == 0
    assert run(capsys, "--db", str(shipped_db), "export", "package", "-o", str(tmp_path / "p.zip"))[0] == 0
    assert (tmp_path / "p.xlsx").stat().st_size > 1000 and (tmp_path / "p.zip").stat().st_size > 10_000


def test_import_history_and_undo_from_the_command_line(capsys, tmp_path, data_copy):
    data_dir, db_path = data_copy
    (tmp_path / "t.csv").write_text("municipality,year,value\nKolonjë,2020,1\n", encoding="utf-8")
    (tmp_path / "meta.yml").write_text("source: {id: cli_undo, title: T, publisher: P, license: CC0-1.0, reference_date: '2020'}\n", encoding="utf-8")
    base = ["--data-dir", str(data_dir), "--db", str(db_path)]
    assert run(capsys, *base, "import", str(tmp_path / "t.csv"), "--indicator", "covid19_families_assisted", "--meta",
               str(tmp_path / "meta.yml"), "--user", "ana")[0] == 0
    code, out, _ = run(capsys, *base, "imports")
    assert code == 0 and "cli_undo" in out and "ana" in out
    code, out, _ = run(capsys, *base, "undo", "cli_undo")
    assert code == 0 and "undid cli_undo" in out


def test_a_county_only_indicator_says_where_its_data_is(capsys, shipped_db):
    code, _, err = run(capsys, "--db", str(shipped_db), "values", "population_1jan")
    assert code == 2 and "no data by municipality" in err and "county" in err


def test_values_and_the_map_file_at_the_county_level(capsys, shipped_db, tmp_path):
    table = values_csv(capsys, shipped_db, "population_1jan", "--level", "county")
    assert len(table) == 12 and table.county_code.is_unique and (table.status == "value").all() and "qark" not in table
    assert run(capsys, "--db", str(shipped_db), "export", "map", "--indicator", "population_1jan", "--level", "county",
               "-o", str(tmp_path / "c.html"))[0] == 0
    assert (tmp_path / "c.html").read_text(encoding="utf-8").count('"code":"AL-') == 12


def test_export_story_writes_both_decks_named_by_story_and_language(capsys, shipped_db, tmp_path):
    from pptx import Presentation

    code, out, _ = run(capsys, "--db", str(shipped_db), "export", "story", "steering_committee", "-o", str(tmp_path))
    assert code == 0 and "5 slides" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["steering_committee_sq.html", "steering_committee_sq.pptx"]  # Albanian first
    assert len(Presentation(tmp_path / "steering_committee_sq.pptx").slides) == 5
    assert "<html lang='sq'>" in (tmp_path / "steering_committee_sq.html").read_text(encoding="utf-8")
    assert run(capsys, "--db", str(shipped_db), "export", "story", "every_view", "--lang", "en", "-o", str(tmp_path / "deck.html"))[0] == 0
    assert (tmp_path / "deck.html").read_text(encoding="utf-8").count("<section class='slide'") == 6


def test_export_story_names_the_stories_when_one_is_unknown(capsys, shipped_db, tmp_path):
    code, _, err = run(capsys, "--db", str(shipped_db), "export", "story", "steering", "--lang", "en", "-o", str(tmp_path / "d.pptx"))
    assert code == 2 and "no story 'steering'; the stories are: every_view, steering_committee" in err
    assert not (tmp_path / "d.pptx").exists()
