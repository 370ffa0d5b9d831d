"""Shared fixtures: the shipped data built once into a temporary database, and a writable copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lnb_dash import config
from lnb_dash.data.build import build_database
from lnb_dash.query import db
from tests.deploy.cluster import cluster  # noqa: F401  (replicas behind nginx, for tests/deploy and tests/browser)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def shipped_db(tmp_path_factory) -> Path:
    """The shipped data, built once per test session into its own file."""
    path = tmp_path_factory.mktemp("db") / "lnb.duckdb"
    build_database(config.DATA_DIR, path)
    return path


@pytest.fixture(scope="session")
def con(shipped_db):
    connection = db.connect(shipped_db)
    yield connection
    connection.close()


@pytest.fixture
def data_copy(tmp_path) -> tuple[Path, Path]:
    """A writable copy of data/ with its own built database: (data_dir, db_path)."""
    data_dir = tmp_path / "data"
    shutil.copytree(config.DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    db_path = data_dir / "lnb.duckdb"
    build_database(data_dir, db_path)
    return data_dir, db_path


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
