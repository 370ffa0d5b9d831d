"""Starting the dashboard: a replaced database file clears this process's caches within a second or two, so every
replica shows an import without a restart."""

import time

import streamlit as st

from lnb_dash.ui import serve


def test_a_replaced_database_clears_the_caches(tmp_path):
    calls = []

    @st.cache_data
    def cached(x):
        calls.append(x)
        return x

    db_file = tmp_path / "lnb.duckdb"
    db_file.write_text("old")
    serve.watch_database(db_file, interval=0.05)
    cached(1), cached(1)
    (tmp_path / "new").write_text("new")
    (tmp_path / "new").replace(db_file)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and calls == [1]:
        cached(1)
        time.sleep(0.05)
    assert calls == [1, 1]


def test_a_missing_file_is_not_a_change(tmp_path):
    assert serve._file_identity(tmp_path / "lnb.duckdb") is None
