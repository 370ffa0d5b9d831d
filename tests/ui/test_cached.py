"""The app's caches: they serve the database's data for every session, and a database rebuilt by another process is
read on the next page load, without a restart."""

import shutil

import duckdb
import pytest
import streamlit as st

from lnb_dash import config


@pytest.fixture
def replaceable_db(shipped_db, tmp_path, monkeypatch):
    path = tmp_path / "lnb.duckdb"
    shutil.copyfile(shipped_db, path)
    monkeypatch.setattr(config, "DB_PATH", path)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield path
    st.cache_data.clear()
    st.cache_resource.clear()


def test_the_cached_readers_give_the_databases_areas(replaceable_db):
    from lnb_dash.ui import cached

    assert len(cached.municipalities_cached()) == 61 and len(cached.former_units_cached()) == 373
    assert len(cached.level_gdf_cached("county")) == 12


def test_a_database_replaced_by_another_process_is_read_on_the_next_page_load(replaceable_db, tmp_path):
    from lnb_dash.ui import cached

    before = len(cached.list_indicators_cached())
    new = tmp_path / "new.duckdb"
    shutil.copyfile(replaceable_db, new)
    with duckdb.connect(str(new)) as writer:
        writer.execute("DELETE FROM indicators WHERE indicator_id = 'coastal'")
    new.replace(replaceable_db)
    cached.reload_if_rebuilt()  # what every page load does first
    assert len(cached.list_indicators_cached()) == before - 1
