"""Small counts of people are shown and exported as 'suppressed', and cannot be recovered by subtraction."""

import io

import pandas as pd

from lnb_dash.cli import main
from lnb_dash.data.build import suppress_small_counts
from lnb_dash.data.importer import import_file

MUNICIPALITIES = pd.DataFrame({"lau_code": ["AL311", "AL312", "AL313"], "county_code": ["AL-01", "AL-01", "AL-01"]})


def frame(rows):
    out = pd.DataFrame(rows, columns=["area_code", "area_level", "indicator_id", "breakdown", "year", "value"])
    return out.assign(status="value", note="", break_in_series=False, source_id="s", computed=False)


def test_counts_below_the_threshold_are_suppressed_zero_and_larger_are_not():
    obs = frame([["AL311", "municipality", "x", "total", 2020, 3.0], ["AL312", "municipality", "x", "total", 2020, 0.0],
                 ["AL313", "municipality", "x", "total", 2020, 7.0]])
    out = suppress_small_counts(obs, {"x"}, MUNICIPALITIES, 5)
    assert out.status.tolist() == ["suppressed", "value", "value"] and pd.isna(out.value[0])


def test_the_other_sex_is_suppressed_when_a_total_would_reveal_it():
    obs = frame([["AL311", "municipality", "x", "total", 2020, 10.0], ["AL311", "municipality", "x", "female", 2020, 3.0],
                 ["AL311", "municipality", "x", "male", 2020, 7.0]])
    out = suppress_small_counts(obs, {"x"}, MUNICIPALITIES, 5)
    assert out.set_index("breakdown").status.to_dict() == {"total": "value", "female": "suppressed", "male": "suppressed"}


def test_a_shown_total_gets_a_second_suppressed_municipality():
    obs = frame([["AL311", "municipality", "x", "total", 2020, 2.0], ["AL312", "municipality", "x", "total", 2020, 40.0],
                 ["AL313", "municipality", "x", "total", 2020, 9.0], ["AL", "national", "x", "total", 2020, 51.0]])
    out = suppress_small_counts(obs, {"x"}, MUNICIPALITIES, 5).set_index("area_code").status
    assert out.to_dict() == {"AL311": "suppressed", "AL312": "value", "AL313": "suppressed", "AL": "value"}


def test_a_shown_municipal_total_gets_a_second_suppressed_former_unit():
    obs = frame([["AL22101", "former_unit", "x", "total", 2020, 3.0], ["AL22102", "former_unit", "x", "total", 2020, 8.0],
                 ["AL221", "municipality", "x", "total", 2020, 11.0], ["AL31101", "former_unit", "x", "total", 2020, 6.0]])
    out = suppress_small_counts(obs, {"x"}, MUNICIPALITIES, 5).set_index("area_code").status
    assert out.to_dict() == {"AL22101": "suppressed", "AL22102": "suppressed", "AL221": "value", "AL31101": "value"}


def test_indicators_not_marked_sensitive_are_left_alone():
    obs = frame([["AL311", "municipality", "y", "total", 2020, 3.0]])
    assert suppress_small_counts(obs, {"x"}, MUNICIPALITIES, 5).status.tolist() == ["value"]


def test_an_imported_small_count_is_stored_and_listed_as_suppressed(tmp_path, data_copy, capsys):
    data_dir, db_path = data_copy
    meta = {"source": {"id": "small_counts", "title": "T", "publisher": "P", "license": "CC0-1.0", "reference_date": "2022"},
            "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0, "sensitive": True,
                          "name": {"sq": "Fëmijë", "en": "Children"}, "unit": {"sq": "fëmijë", "en": "children"},
                          "definition": {"sq": "Provë", "en": "Test"}}}
    path = tmp_path / "small.csv"
    path.write_text("municipality,year,value\nBerat,2022,2\nFier,2022,80\nVlorë,2022,31\n", encoding="utf-8")
    import_file(path, "children_test", meta, data_dir, db_path)
    assert main(["--db", str(db_path), "values", "children_test", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    berat = table.set_index("name").loc["Berat"]
    assert berat.status == "suppressed" and pd.isna(berat.value)
    assert "2" not in str(berat.value)
    assert (table.status == "value").sum() == 2
