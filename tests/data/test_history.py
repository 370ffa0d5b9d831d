"""Import history and undo, without the page."""

import pytest

from lnb_dash.data import history
from lnb_dash.data.importer import import_file
from tests.conftest import hashes

META = {"source": {"id": "hist_test", "title": "T", "publisher": "P", "license": "CC0-1.0", "reference_date": "2021"}}


def test_import_is_recorded_with_user_file_hash_and_rows(tmp_path, data_copy):
    data_dir, db_path = data_copy
    path = tmp_path / "t.csv"
    path.write_text("municipality,year,value\nBerat,2021,3\n", encoding="utf-8")
    import_file(path, "covid19_families_assisted", META, data_dir, db_path, user="ana")
    entry = history.read_history(data_dir).iloc[0]
    assert (entry.action, entry.user, entry.file, entry.rows, entry.sha256) == ("import", "ana", "t.csv", 1, history.file_sha256(path))
    assert history.imported_sources(data_dir) == ["hist_test"]


def test_undo_restores_the_database_and_keeps_the_folder_in_the_trash(tmp_path, data_copy):
    data_dir, db_path = data_copy
    before = hashes(db_path)
    path = tmp_path / "t.csv"
    path.write_text("municipality,year,value\nBerat,2021,3\n", encoding="utf-8")
    import_file(path, "covid19_families_assisted", META, data_dir, db_path, user="ana")
    trash = history.undo_import("hist_test", "ana", data_dir, db_path)
    assert hashes(db_path) == before and (trash / "observations.csv").exists()
    assert history.imported_sources(data_dir) == []


def test_only_imported_sources_can_be_undone(data_copy):
    data_dir, db_path = data_copy
    with pytest.raises(ValueError, match="not an import that can be undone"):
        history.undo_import("eurostat_lau2019", "ana", data_dir, db_path)
