"""Shared fixtures: the shipped data built once into a temporary database, one read-only copy of the data folder
shared by the tests that only read or are refused, and a writable copy per test that changes data."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from lnb_dash import config
from lnb_dash.data import locking
from lnb_dash.data.build import build_database
from lnb_dash.model.classify import bins_file
from lnb_dash.query import db
from tests.deploy.cluster import cluster  # noqa: F401  (replicas behind nginx, for tests/deploy and tests/browser)
from tests.serving import keep_map_classes

ROOT = Path(__file__).resolve().parents[1]
# Tests whose timing is the point (replicas killed under load, imports interrupted mid-write): `make test` runs them
# apart first (--part serial), then the rest on every core (--part parallel, pytest-xdist).
SERIAL = ("tests/deploy/", "tests/data/test_faults.py")
# Browser tests drive a real Chromium against a live server on two shared cores: one that fails runs once more
# (pytest-rerunfailures); the summary counts it as "rerun", `-rR` names it and the end of its first try's error is printed
# above, so a flake is seen and can be mended, not hidden.
BROWSER = "tests/browser/"
BROWSER_RERUNS = 1
FIRST_TRIES: list = []  # the reports of the failed first tries
# The longest files (worker-seconds, measured), run first: pytest-xdist (--dist loadfile --no-loadscope-reorder) hands
# the files out in collection order, one at a time per worker, so the last file to start bounds the run's tail.
LONG_FIRST = ("tests/browser/test_every_page.py", "tests/browser/test_accessibility.py", "tests/browser/test_browser.py",
              "tests/browser/test_layouts.py", "tests/browser/test_upload_browser.py", "tests/test_package.py", "tests/pages/test_upload.py",
              "tests/browser/test_front_page_browser.py", "tests/browser/test_search_browser.py", "tests/browser/test_county_browser.py",
              "tests/browser/test_notices_browser.py", "tests/data/test_locking.py", "tests/browser/test_deck_browser.py",
              "tests/browser/test_nginx.py", "tests/pages/test_pages.py", "tests/browser/test_safe_rendering.py", "tests/test_cli.py")


def pytest_addoption(parser):
    parser.addoption("--part", choices=("all", "serial", "parallel"), default="all",
                     help="serial: only the timing-sensitive tests (tests.conftest.SERIAL); parallel: all the others")


def pytest_ignore_collect(collection_path, config):
    """The serial part imports only its own test files (collecting all of them costs every run several seconds)."""
    if config.getoption("--part") == "serial" and collection_path.name.startswith("test_") and collection_path.suffix == ".py":
        relative = collection_path.resolve().relative_to(ROOT).as_posix()
        return not relative.startswith(SERIAL) or None
    return None


def pytest_runtest_logreport(report):
    if report.outcome == "rerun":
        FIRST_TRIES.append(report)


def pytest_terminal_summary(terminalreporter):
    """Why each rerun test failed its first try, just above the summary that names it."""
    for report in FIRST_TRIES:
        terminalreporter.write_sep("-", f"first try of {report.nodeid}")
        terminalreporter.write_line(first_try_error(report))


def first_try_error(report) -> str:
    """The lines of the suite's own code the failure passed through (file:line and the line), then the error: a
    browser test's traceback is mostly Playwright's internals."""
    longrepr = report.longrepr
    try:
        traceback = longrepr.chain[-1][0] if hasattr(longrepr, "chain") else longrepr.reprtraceback
        own = [f"{entry.reprfileloc.path}:{entry.reprfileloc.lineno}: " + next((line[1:].strip() for line in entry.lines if line.startswith(">")), "")
               for entry in traceback.reprentries if entry.reprfileloc and entry.reprfileloc.path.startswith("tests")]
        return "\n".join([*own, longrepr.reprcrash.message])
    except AttributeError:  # not a traceback (a crash of the worker, a skip): its text's end
        return "\n".join(str(longrepr).splitlines()[-25:])


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid.startswith(BROWSER):
            item.add_marker(pytest.mark.flaky(reruns=BROWSER_RERUNS))
    items.sort(key=lambda item: next((i for i, f in enumerate(LONG_FIRST) if item.nodeid.startswith(f)), len(LONG_FIRST)))
    part = config.getoption("--part")
    if part == "all":
        return
    keep = [item for item in items if item.nodeid.startswith(SERIAL) == (part == "serial")]
    dropped = [item for item in items if item not in keep]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


@pytest.fixture(scope="session")
def shipped_db(tmp_path_factory) -> Path:
    """The shipped data, built once per test session into its own file, with its map classes."""
    path = tmp_path_factory.mktemp("db") / "lnb.duckdb"
    build_database(config.DATA_DIR, path)
    keep_map_classes(path)
    return path


@pytest.fixture(scope="session")
def con(shipped_db):
    connection = db.connect(shipped_db)
    yield connection
    connection.close()


def copy_data(data_dir: Path, shipped_db: Path) -> tuple[Path, Path]:
    """Copy data/ to ``data_dir`` with its database and map classes: the session's build of the same files (a build is
    idempotent and reads no absolute path, so the copy's own build would give identical tables; tests/data/test_build.py
    checks both)."""
    shutil.copytree(config.DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    db_path = data_dir / "lnb.duckdb"
    shutil.copyfile(shipped_db, db_path)
    shutil.copyfile(bins_file(shipped_db), bins_file(db_path))
    return data_dir, db_path


@pytest.fixture
def data_copy(tmp_path, shipped_db) -> tuple[Path, Path]:
    """A writable copy of data/ with its own database, for a test that changes data: (data_dir, db_path)."""
    return copy_data(tmp_path / "data", shipped_db)


def folder_hashes(data_dir: Path) -> dict[str, str]:
    """A hash of every file under ``data_dir`` (sources, reference, database, history, trash), by relative path; not the
    write lock, which any writer takes and notes itself in before it knows whether the file is good."""
    return {str(p.relative_to(data_dir)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(data_dir.rglob("*"))
            if p.is_file() and p.name != locking.LOCK_NAME}


@pytest.fixture(scope="session")
def _shared_data(tmp_path_factory, shipped_db) -> tuple[Path, Path]:
    return copy_data(tmp_path_factory.mktemp("shared") / "data", shipped_db)


@pytest.fixture
def read_only_data(_shared_data, shipped_db) -> tuple[Path, Path]:
    """The one data copy of the session, for tests that only read, plan or are refused: (data_dir, db_path).

    A rejection must write nothing, so after each test every file of the folder (the database included) must hash as
    before; a test that changed one fails here, and the copy is restored for the next test.
    """
    data_dir, db_path = _shared_data
    before = folder_hashes(data_dir)
    yield data_dir, db_path
    after = folder_hashes(data_dir)
    if after != before:
        changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
        shutil.rmtree(data_dir)
        copy_data(data_dir, shipped_db)
        pytest.fail(f"a read-only test changed the shared data folder: {changed[:10]}")


def hashes(db_path: Path) -> dict[str, str]:
    with db.connect(db_path) as connection:
        return db.table_hashes(connection)


@pytest.fixture(scope="session")
def app_db(shipped_db):
    """Point the app (run in-process by AppTest) at the session's database."""
    previous = config.DB_PATH
    config.DB_PATH = shipped_db
    yield shipped_db
    config.DB_PATH = previous
