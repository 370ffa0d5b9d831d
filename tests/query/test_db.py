"""The connection the app reads through: a missing or broken database gives a message that says how to rebuild it,
and the app can never change the data it shows."""

import shutil

import duckdb
import pytest

from lnb_dash.query import db


def test_a_missing_database_says_how_to_build_it(tmp_path):
    with pytest.raises(db.DatabaseUnavailableError, match=r"does not exist\. Build it with: python -m lnb_dash build"):
        db.connect(tmp_path / "lnb.duckdb")


@pytest.mark.parametrize("content", [b"", b"not a database at all\n" * 100], ids=["empty", "garbage"])
def test_an_unreadable_database_gives_the_clear_error_not_a_traceback(tmp_path, content):
    path = tmp_path / "lnb.duckdb"
    path.write_bytes(content)
    with pytest.raises(db.DatabaseUnavailableError, match=r"cannot be read .* Rebuild it with: python -m lnb_dash build"):
        db.connect(path)


def test_a_database_without_the_tables_is_unreadable_too(tmp_path):
    path = tmp_path / "lnb.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(db.DatabaseUnavailableError, match="cannot be read"):
        db.connect(path)


def test_the_app_reads_the_database_and_cannot_write_to_it(con):
    assert con.execute("SELECT count(*) FROM municipalities").fetchone()[0] == 61
    with pytest.raises(duckdb.Error, match=r"read-only|read only"):
        con.execute("DELETE FROM observations")


def test_a_replaced_file_has_a_new_version_and_a_missing_one_none(shipped_db, tmp_path):
    copy = tmp_path / "lnb.duckdb"
    shutil.copyfile(shipped_db, copy)
    before = db.file_version(copy)
    replacement = tmp_path / "new.duckdb"
    shutil.copyfile(shipped_db, replacement)
    replacement.replace(copy)
    assert before is not None and db.file_version(copy) != before
    assert db.file_version(tmp_path / "missing.duckdb") is None


def test_an_unknown_query_name_is_named_in_the_error():
    with pytest.raises(KeyError, match="no query named 'nowhere'"):
        db.read_sql("nowhere")


def test_one_changed_value_changes_its_tables_hash_and_only_that(shipped_db, tmp_path):
    copy = tmp_path / "lnb.duckdb"
    shutil.copyfile(shipped_db, copy)
    with db.connect(copy) as con:
        before = db.table_hashes(con)
    with duckdb.connect(str(copy)) as writer:
        writer.execute("UPDATE observations SET value = value + 1 WHERE area_code = 'AL311' AND indicator_id = 'population' AND year = 2011")
    with db.connect(copy) as con:
        after = db.table_hashes(con)
    assert {t for t in before if before[t] != after[t]} == {"observations"}
