"""The data folder's write lock: concurrent imports lose nothing, a busy lock says whose it is, a killed holder frees it."""

import json
import os
import re
import subprocess
import sys
import threading
import time

import pytest

from lnb_dash import config
from lnb_dash.data import history, locking
from lnb_dash.data.importer import import_file
from tests.concurrency import lock_held_elsewhere, matches_a_fresh_build, run_round
from tests.conftest import ROOT, hashes

META = {"source": {"id": "lock_test", "title": "T", "publisher": "P", "license": "CC0-1.0", "reference_date": "2021"}}
BUSY = r"(?i)another import is in progress \(started by Holder, at 20\d\d-\d\d-\d\d \d\d:\d\d:\d\d UTC\); try again in a minute"


def cli(data_dir, db_path, *args, timeout="1"):
    return subprocess.run([sys.executable, "-m", "lnb_dash", "--data-dir", str(data_dir), "--db", str(db_path), *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "LNB_LOCK_TIMEOUT": timeout})


@pytest.fixture
def table(tmp_path):
    (tmp_path / "t.csv").write_text("municipality,year,value\nBerat,2021,3\n", encoding="utf-8")
    (tmp_path / "meta.yml").write_text(json.dumps(META), encoding="utf-8")
    return tmp_path / "t.csv", tmp_path / "meta.yml"


@pytest.mark.slow
def test_four_imports_at_once_from_two_processes_lose_nothing_and_readers_never_see_a_torn_database(tmp_path, data_copy):
    data_dir, db_path = data_copy
    for n in range(2):  # two rounds here; `make bench-imports` runs twenty
        # a read every ~0.15 s, dozens per round: a database replaced in place (a build takes ~1 s) would be caught torn
        result = run_round(data_dir, db_path, tmp_path / "work", f"round{n}", read_pause=0.1)
        assert result.failed == {} and len(result.succeeded) == 4
        assert result.lost == {}, f"reported success but missing: {result.lost}"
        assert result.torn == 0 and result.reads > 0, result.read_errors
        assert result.phantoms == []
        assert matches_a_fresh_build(data_dir, db_path, tmp_path / "work")
    assert len(history.imported_sources(data_dir)) == 8


def test_an_import_waits_for_the_one_in_progress_and_then_runs(data_copy, table, monkeypatch):
    data_dir, db_path = data_copy
    monkeypatch.setattr(config, "LOCK_TIMEOUT", 60)
    start = time.monotonic()
    with lock_held_elsewhere(data_dir, seconds=1.5):
        import_file(table[0], "covid19_families_assisted", META, data_dir, db_path)
    assert time.monotonic() - start >= 1.0
    assert history.imported_sources(data_dir) == ["lock_test"]


def test_a_busy_lock_gives_the_clear_message_on_the_command_line_and_changes_nothing(data_copy, table):
    data_dir, db_path = data_copy
    before = hashes(db_path)
    with lock_held_elsewhere(data_dir, user="Holder"):
        for args in (["import", table[0], "--indicator", "covid19_families_assisted", "--meta", table[1]], ["build"]):
            result = cli(data_dir, db_path, *args)
            assert result.returncode == 2
            assert result.stderr.startswith("error: ") and re.search(BUSY, result.stderr), result.stderr
            assert "Traceback" not in result.stderr
    assert hashes(db_path) == before
    assert not (data_dir / "sources" / "lock_test").exists() and history.read_history(data_dir).empty


def test_an_undo_waits_for_the_lock_too(data_copy, table, monkeypatch):
    data_dir, db_path = data_copy
    import_file(table[0], "covid19_families_assisted", META, data_dir, db_path)
    monkeypatch.setattr(config, "LOCK_TIMEOUT", 0.5)
    with lock_held_elsewhere(data_dir, user="Holder"), pytest.raises(locking.ImportInProgressError, match=BUSY):
        history.undo_import("lock_test", "ana", data_dir, db_path)
    assert history.imported_sources(data_dir) == ["lock_test"]


def test_a_killed_holder_does_not_keep_the_lock(data_copy, table, monkeypatch):
    data_dir, db_path = data_copy
    monkeypatch.setattr(config, "LOCK_TIMEOUT", 0.5)
    with lock_held_elsewhere(data_dir) as holder:
        with pytest.raises(locking.ImportInProgressError):
            import_file(table[0], "covid19_families_assisted", META, data_dir, db_path)
        holder.kill()  # SIGKILL: no clean-up runs, the kernel drops the OS lock with the process
        holder.wait()
        import_file(table[0], "covid19_families_assisted", META, data_dir, db_path)
    assert history.imported_sources(data_dir) == ["lock_test"]


def test_the_lock_is_reentrant_in_a_thread_and_exclusive_between_threads(tmp_path):
    entered = threading.Event()
    with locking.data_lock(tmp_path, "outer", "ana"), locking.data_lock(tmp_path, "inner", "ana"):

        def other():
            with pytest.raises(locking.ImportInProgressError, match=r"started by ana, at"), locking.data_lock(tmp_path, "other", "ben", timeout=0.2):
                pass
            entered.set()

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert entered.is_set()
    with locking.data_lock(tmp_path, "after", "ben", timeout=0.2):
        assert locking.read_holder(tmp_path)["user"] == "ben"


def test_an_unknown_holder_still_gives_a_readable_message():
    exc = locking.ImportInProgressError({}, 60)
    assert str(exc) == "another import is in progress (started by an unknown process, at an unknown time); try again in a minute"
