"""Write the hostile-input corpus in tests/data/bad/ (run by hand; the files are committed).

Each file is one way a table can be wrong. tests/data/test_bad_corpus.py feeds every file to the importer
and the CLI and expects a message naming the problem with the database unchanged. The two files
too large to commit (50 MB, a million rows) are made by the test itself.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "bad"
HEADER = "municipality,year,value\n"

TEXT_FILES: dict[str, bytes | str] = {
    "empty.csv": b"",
    "only_whitespace.csv": "   \n\n  \n",
    "header_only.csv": HEADER,
    "binary_png.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "binary_zip.csv": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
    "cp1252.csv": (HEADER + "Korçë,2020,5\nVlorë,2020,6\n").encode("cp1252"),
    "utf16.csv": (HEADER + "Berat,2020,5\n").encode("utf-16"),
    "latin1_names.csv": (HEADER + "Durrës,2020,5\n").encode("latin-1"),
    "no_municipality_column.csv": "place,year,value\nBerat,2020,5\n",
    "no_year_or_value.csv": "municipality,count\nBerat,5\n",
    "decimal_comma_semicolon.csv": "municipality;year;value\nBerat;2020;12,5\n",
    "thousands_dot.csv": "municipality;year;value\nTiranë;2020;1.234.567\n",
    "thousands_space_text.csv": HEADER + "Berat,2020,twelve\n",
    "formula_value.csv": HEADER + "Berat,2020,=SUM(A1:A9)\n",
    "formula_name.csv": HEADER + "=HYPERLINK(\"http://evil\"),2020,5\n",
    "html_in_name.csv": HEADER + "<img src=x onerror=alert(1)>,2020,5\n",
    "script_in_name.csv": HEADER + "<script>alert('x')</script>,2020,5\n",
    "sql_in_name.csv": HEADER + "Berat'; DROP TABLE observations; --,2020,5\n",
    "sql_in_value.csv": HEADER + "Berat,2020,5; DELETE FROM observations\n",
    "nan_value.csv": HEADER + "Berat,2020,NaN\n",
    "infinity_value.csv": HEADER + "Berat,2020,inf\n",
    "negative_infinity.csv": HEADER + "Berat,2020,-Infinity\n",
    "negative_count.csv": HEADER + "Berat,2020,-3\n",
    "fractional_count.csv": HEADER + "Berat,2020,2.5\n",
    "future_year.csv": HEADER + "Berat,2999,5\n",
    "ancient_year.csv": HEADER + "Berat,1066,5\n",
    "text_year.csv": HEADER + "Berat,last year,5\n",
    "duplicate_rows.csv": HEADER + "Berat,2020,5\nBerat,2020,6\n",
    "duplicate_via_alias.csv": HEADER + "Tiranë,2020,5\nBashkia Tirana,2020,6\n",
    "unknown_name.csv": HEADER + "Atlantis,2020,5\n",
    "misspelled_name.csv": HEADER + "Korcha,2020,5\n",
    "unknown_code.csv": "lau_code,year,value\nAL999,2020,5\n",
    "administrative_unit.csv": HEADER + "Fushë-Krujë,2020,5\n",
    "county_name.csv": HEADER + "Qarku Korçë,2020,5\n",
    "mixed_units.csv": "municipality,year,value,unit\nBerat,2020,5,persons\nFier,2020,7,%\n",
    "wrong_unit.csv": "municipality,year,value,unit\nBerat,2020,5,families\n",
    "bad_status.csv": "municipality,year,value,status\nBerat,2020,,missing\n",
    "value_with_not_reported.csv": "municipality,year,value,status\nBerat,2020,5,not_reported\n",
    "bad_breakdown.csv": "municipality,year,value,breakdown\nBerat,2020,5,children\n",
    "all_values_empty.csv": HEADER + "Berat,2020,\nFier,2020,\n",
    "ragged_rows.csv": HEADER + "Berat,2020,5,extra,columns,here\nFier\n",
    "unclosed_quote.csv": HEADER + "\"Berat,2020,5\nFier,2020,6\n",
    "wide_no_year_columns.csv": "municipality,first,second\nBerat,1,2\n",
    "wide_text_cells.csv": "municipality,2019,2020\nBerat,n/a,5\n",
    "not_a_workbook.xlsx": b"PK\x03\x04 this is not a real workbook",
    "unknown_former_unit.csv": "komuna,year,value\nAtlantida,2020,5\n",
    "ambiguous_former_unit.csv": "komuna,year,value\nQendër,2020,5\n",
    "municipality_code_as_former_unit.csv": "unit_code,year,value\nAL221,2020,5\n",
    "duplicate_former_unit.csv": "komuna,year,value\nPaskuqan,2020,5\nKomuna Paskuqan,2020,6\n",
}


def workbook_with_merged_header(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Bashkia", "Vlera", None])
    ws.append([None, "2019", "2020"])
    ws.append(["Berat", 1, 2])
    ws.merge_cells("B1:C1")
    wb.save(path)


def workbook_with_hidden_data_sheet(path: Path) -> None:
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover.append(["This workbook's data sheet is hidden"])
    data = wb.create_sheet("data")
    data.append(["municipality", "year", "value"])
    data.append(["Berat", 2020, 5])
    data.sheet_state = "hidden"
    wb.save(path)


def workbook_with_formula(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["municipality", "year", "value"])
    ws.append(["Berat", 2020, "=1+1"])
    wb.save(path)


def workbook_empty(path: Path) -> None:
    Workbook().save(path)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, content in TEXT_FILES.items():
        (OUT / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    workbook_with_merged_header(OUT / "merged_header.xlsx")
    workbook_with_hidden_data_sheet(OUT / "hidden_sheet.xlsx")
    workbook_with_formula(OUT / "formula_cell.xlsx")
    workbook_empty(OUT / "empty_workbook.xlsx")
    pd.DataFrame({"municipality": ["Berat"], "year": [2020], "value": [float("nan")]}).to_excel(OUT / "nan_cell.xlsx", index=False)
    print(f"{len(list(OUT.iterdir()))} files in {OUT}")


if __name__ == "__main__":
    main()
