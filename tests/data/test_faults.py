"""Faults: imports while people read, a missing or broken database, an interrupted build."""

import threading

import pytest

from lnb_dash.data.build import build_database
from lnb_dash.data.importer import import_file
from lnb_dash.query import db, indicators
from lnb_dash.query.values import query_values


def new_indicator_meta(source_id: str) -> dict:
    """Metadata for a one-row import that defines a new indicator."""
    return {"source": {"id": source_id, "title": "T", "publisher": "P", "license": "CC0-1.0", "reference_date": "2021"},
            "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0, "name": {"sq": "a", "en": "b"},
                          "unit": {"sq": "persona", "en": "persons"}, "definition": {"sq": "a", "en": "b"}}}


@pytest.mark.slow
def test_an_import_while_10_sessions_read_gives_each_reader_old_or_new_complete_data(tmp_path, data_copy):
    data_dir, db_path = data_copy
    with db.connect(db_path) as con:
        old = len(indicators.list_indicators(con))
    errors, seen, stop = [], set(), threading.Event()

    def reader():
        while not stop.is_set():
            try:
                with db.connect(db_path) as con:
                    catalogue = indicators.list_indicators(con)
                    values = query_values(con, "population", 2011)
                assert len(values) == 61 and values.value.sum() == 2_800_138
                seen.add(len(catalogue))
            except Exception as exc:
                errors.append(repr(exc))
            stop.wait(0.1)  # a session reads when its reader acts: ten readers in a tight loop only starve the import of the GIL

    threads = [threading.Thread(target=reader) for _ in range(10)]
    for thread in threads:
        thread.start()
    path = tmp_path / "t.csv"
    path.write_text("municipality,year,value\nBerat,2021,3\n", encoding="utf-8")
    import_file(path, "concurrent_test", new_indicator_meta("concurrent"), data_dir, db_path)
    with db.connect(db_path) as con:
        new = len(indicators.list_indicators(con))
    stop.set()
    for thread in threads:
        thread.join()
    assert errors == []
    assert seen <= {old, new} and new == old + 1


def test_a_connection_opened_after_a_rebuild_sees_the_new_data_while_an_old_one_keeps_the_old(tmp_path, data_copy):
    data_dir, db_path = data_copy
    old_con = db.connect(db_path)
    before = len(indicators.list_indicators(old_con))
    path = tmp_path / "t.csv"
    path.write_text("municipality,year,value\nBerat,2021,3\n", encoding="utf-8")
    import_file(path, "later_test", new_indicator_meta("later"), data_dir, db_path)
    with db.connect(db_path) as new_con:
        assert len(indicators.list_indicators(new_con)) == before + 1
    assert len(indicators.list_indicators(old_con)) == before
    old_con.close()


def test_a_build_killed_before_the_swap_leaves_the_database_as_it_was(data_copy, monkeypatch):
    data_dir, db_path = data_copy
    with db.connect(db_path) as con:
        before = db.table_hashes(con)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr("lnb_dash.data.build.os.replace", crash)
    with pytest.raises(KeyboardInterrupt):
        build_database(data_dir, db_path)
    with db.connect(db_path) as con:
        assert db.table_hashes(con) == before
    assert not list(db_path.parent.glob(".lnb.duckdb.*"))


def test_a_missing_database_gives_a_clear_page_not_a_traceback(tmp_path, monkeypatch, app_db):
    import streamlit as st

    from lnb_dash import config
    from tests.pages.helpers import open_page

    monkeypatch.setattr(config, "DB_PATH", tmp_path / "missing.duckdb")
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = open_page("map", lang="en")
        assert "The database is not available" in at.error[0].value and "python -m lnb_dash build" in at.error[0].value
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()



@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.2, 0.8, 1.6, 2.4])
def test_killing_an_import_midway_leaves_a_readable_database_with_old_or_new_data(tmp_path, data_copy, delay):
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    data_dir, db_path = data_copy
    with db.connect(db_path) as con:
        before = db.table_hashes(con)
    (tmp_path / "t.csv").write_text("municipality,year,value\nBerat,2021,3\n", encoding="utf-8")
    (tmp_path / "meta.yml").write_text("source: {id: killed, title: T, publisher: P, license: CC0-1.0, reference_date: '2021'}\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "lnb_dash", "--data-dir", str(data_dir), "--db", str(db_path), "import",
                                str(tmp_path / "t.csv"), "--indicator", "covid19_families_assisted", "--meta", str(tmp_path / "meta.yml")],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with db.connect(db_path) as con:
        after = db.table_hashes(con)
        rows = con.execute("SELECT count(*) FROM observations WHERE source_id = 'killed'").fetchone()[0]
    assert after == before or rows > 0  # the old database, or the whole new one: never a broken file


WATCHER = r"""
import sys, time
from pathlib import Path
from lnb_dash.query import db

db_path, wanted = Path(sys.argv[1]), sys.argv[2]
print("ready", flush=True)
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    with db.connect(db_path) as con:  # what a page load does
        if con.execute("SELECT count(*) FROM sources WHERE source_id = $s", {"s": wanted}).fetchone()[0]:
            print("seen", flush=True)
            break
    time.sleep(0.05)
else:
    print("never seen", flush=True)
"""


@pytest.mark.slow
def test_a_reader_in_another_process_sees_an_import_on_its_next_connection_without_restarting(tmp_path, data_copy):
    import subprocess

    from tests.concurrency import python

    data_dir, db_path = data_copy
    reader = python(WATCHER, db_path, "elsewhere", stdout=subprocess.PIPE)
    try:
        assert reader.stdout.readline().strip() == "ready"
        path = tmp_path / "t.csv"
        path.write_text("municipality,year,value\nBerat,2021,3\n", encoding="utf-8")
        import_file(path, "elsewhere_test", new_indicator_meta("elsewhere"), data_dir, db_path)
        assert reader.stdout.readline().strip() == "seen"
    finally:
        reader.kill()
        reader.wait()


@pytest.mark.slow
def test_the_app_shows_an_import_made_by_another_process_on_its_next_page_load(tmp_path, data_copy, monkeypatch):
    import subprocess
    import sys

    import streamlit as st
    import yaml

    from lnb_dash import config
    from tests.conftest import ROOT
    from tests.pages.helpers import open_page

    data_dir, db_path = data_copy
    monkeypatch.setattr(config, "DATA_DIR", data_dir)
    monkeypatch.setattr(config, "DB_PATH", db_path)
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        at = open_page("data", lang="en")
        assert not any("Seen elsewhere" in o for o in at.selectbox(key="data.indicator").options)
        meta = new_indicator_meta("other_replica")
        meta["indicator"]["name"] = {"sq": "Parë gjetiu", "en": "Seen elsewhere"}
        (tmp_path / "meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
        (tmp_path / "t.csv").write_text("municipality,year,value\nBerat,2021,3\n", encoding="utf-8")
        subprocess.run([sys.executable, "-m", "lnb_dash", "--data-dir", str(data_dir), "--db", str(db_path), "import", str(tmp_path / "t.csv"),
                        "--indicator", "seen_elsewhere", "--meta", str(tmp_path / "meta.yml")], cwd=ROOT, check=True, capture_output=True)
        at.run()  # the next page load of the same app process: no restart, no cache cleared by hand
        assert any("Seen elsewhere" in o for o in at.selectbox(key="data.indicator").options)
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()
