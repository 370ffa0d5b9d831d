"""Bounded reading: a small file that unzips to millions of rows is refused in a second and a few MB, from the same
path the page and the command line take, with nothing changed; tables of ours still pass.

The bombs are made on the fly (tests/data/bombs.py). CPU time and tracemalloc's peak are asserted with generous
bounds (the machine is shared); ``python bench/bombs.py`` measures them tightly.
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
import tracemalloc
import zipfile

import pytest

from lnb_dash.data import tables
from lnb_dash.data.importer import ImportRejected, import_file
from lnb_dash.render import exports
from tests.conftest import ROOT, folder_hashes
from tests.data.bombs import write_row_bomb
from tests.data.test_importer import META


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    return {"3m": write_row_bomb(folder / "rows_3m.xlsx", 3_000_000, dimension=False),
            "1m": write_row_bomb(folder / "rows_1m.xlsx", 1_000_000),
            "1m_undeclared": write_row_bomb(folder / "rows_1m_undeclared.xlsx", 1_000_000, dimension=False),
            "150k_lying": write_row_bomb(folder / "rows_150k_lying.xlsx", 150_000, dimension=False)}


def refused_within_budget(path, data_dir, db_path) -> str:
    before = folder_hashes(data_dir)
    tracemalloc.start()
    cpu = time.process_time()
    with pytest.raises(ImportRejected) as info:
        import_file(path, "test_count", META, data_dir, db_path)
    cpu = time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert cpu < 3, f"{cpu:.2f} s of CPU"  # 0.2–0.4 s measured; bench/bombs.py asserts 1 s
    assert peak < 250 * 2**20, f"{peak / 2**20:.0f} MB"
    assert folder_hashes(data_dir) == before
    return str(info.value)


def test_the_3_million_row_bomb_is_refused_in_a_second_before_parsing(bombs, read_only_data):
    assert bombs["3m"].stat().st_size < 1_000_000  # under a megabyte, far under the 20 MB upload limit
    msg = refused_within_budget(bombs["3m"], *read_only_data)
    assert "unzips to 249 MB; the limit is 100 MB" in msg


@pytest.mark.parametrize("name", ["1m", "1m_undeclared", "150k_lying"])
def test_a_sheet_over_the_row_limit_is_refused_whatever_its_dimension_says(bombs, read_only_data, name):
    msg = refused_within_budget(bombs[name], *read_only_data)
    assert "The sheet holds more than 100,000 rows" in msg


@pytest.mark.parametrize("lang, text", [("en", "The sheet holds more than 100,000 rows (at least 1,000,000)"),
                                        ("sq", "Fleta ka më shumë se 100\u00a0000 rreshta (të paktën 1\u00a0000\u00a0000)")])
def test_the_command_line_refuses_the_bomb_with_the_same_message(bombs, read_only_data, tmp_path, lang, text):
    import yaml

    data_dir, db_path = read_only_data
    (tmp_path / "meta.yml").write_text(yaml.safe_dump(META, allow_unicode=True), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "lnb_dash", "--data-dir", str(data_dir), "--db", str(db_path), "import",
                           str(bombs["1m"]), "--indicator", "test_count", "--meta", str(tmp_path / "meta.yml"), "--lang", lang],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and text in done.stdout + done.stderr


def test_a_table_of_ours_passes_and_one_row_over_the_limit_does_not(tmp_path):
    import pandas as pd

    frame = pd.DataFrame({"municipality": ["Tirana"] * 2000, "year": ["2020"] * 2000, "value": ["1"] * 2000})
    path = tmp_path / "t.xlsx"
    path.write_bytes(exports.to_xlsx_bytes(frame, frame.iloc[:0]))
    tables.check_table(path)  # a real workbook (dimension, shared strings, styles) of 2,000 rows
    tables.check_table(path, max_rows=2000)
    with pytest.raises(tables.TableTooLarge, match="more than 1,999 rows"):
        tables.check_table(path, max_rows=1999)


def test_a_csv_is_counted_by_records_not_lines(tmp_path):
    quoted = tmp_path / "notes.csv"
    quoted.write_text("municipality,year,value,note\n" + 'Tirana,2020,1,"two\nlines"\n' * 60, encoding="utf-8")
    tables.check_table(quoted, max_rows=60)  # 120 lines, 60 records
    many = tmp_path / "many.csv"
    many.write_bytes(b"municipality,year,value\n" + b"Tirana,2020,1\n" * 150_000)
    with pytest.raises(tables.TableTooLarge, match="more than 100,000 rows"):
        tables.check_table(many)


def test_every_import_has_a_time_limit(bombs):
    with pytest.raises(tables.TableTooLarge) as info:
        tables.check_table(bombs["1m_undeclared"], deadline=tables.Deadline(0))
    assert info.value.kind == "time" and "took more than 0 s" in info.value.message


def test_an_entity_bomb_is_stopped_by_the_xml_parser(tmp_path, read_only_data):
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    sheet = (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">{laughs}]>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row><c t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>')
    path = write_row_bomb(tmp_path / "laughs.xlsx", 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, sheet if item.filename.endswith("sheet1.xml") else source.read(item))
    path.write_bytes(buffer.getvalue())
    cpu = time.process_time()
    with pytest.raises(ImportRejected):
        import_file(path, "test_count", META, *read_only_data)
    assert time.process_time() - cpu < 5  # 0.6 s measured: the parser refuses the entities


@pytest.mark.parametrize(("name", "saved"), [("../../etc/passwd.csv", "passwd.csv"), ("..\\..\\x.xlsx", "x.xlsx"), ("..", "upload.csv"),
                                             ("/abs/<img src=x onerror=alert(1)>.csv", "<img src=x onerror=alert(1)>.csv"),
                                             ("table.csv", "table.csv")])
def test_an_uploaded_file_name_cannot_point_outside_its_folder(name, saved):
    assert tables.safe_upload_name(name) == saved
