"""Where the app reads and writes: in a checkout the repository's data/ folder; once installed, the shipped data inside
the package (never written) and the database in a state folder; LNB_DATA_DIR, LNB_DB_PATH and LNB_STATE_DIR override.

Each case loads a fresh copy of config.py under another name, so the lnb_dash.config the other tests use is untouched."""

import importlib.util
import shutil

import pytest

from lnb_dash import config
from tests.conftest import ROOT

CHECKOUT = ROOT / "lnb_dash" / "config.py"
ENV = ("LNB_DATA_DIR", "LNB_DB_PATH", "LNB_STATE_DIR", "XDG_DATA_HOME")


@pytest.fixture
def load(monkeypatch):
    """Load config.py from ``path`` with the environment given (every other path variable unset)."""
    def _load(path, **env):
        for name in ENV:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, str(value))
        spec = importlib.util.spec_from_file_location("lnb_config_under_test", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return _load


@pytest.fixture
def installed(tmp_path):
    """config.py inside a package that ships app.py and data/ under _shipped, as pip installs it."""
    package = tmp_path / "site-packages" / "lnb_dash"
    (package / "_shipped" / "data").mkdir(parents=True)
    (package / "_shipped" / "app.py").write_text("")
    shutil.copyfile(CHECKOUT, package / "config.py")
    return package / "config.py"


def paths(cfg) -> dict:
    return {"data": cfg.DATA_DIR, "db": cfg.DB_PATH, "state": cfg.STATE_DIR, "app": cfg.ROOT, "geo": cfg.GEO_DIR}


def test_a_checkout_reads_and_writes_its_own_data_folder(load):
    cfg = load(CHECKOUT)
    assert not cfg.INSTALLED and not config.INSTALLED and config.SHIPPED_DIR == ROOT
    assert paths(cfg) == {"data": ROOT / "data", "db": ROOT / "data" / "lnb.duckdb", "state": ROOT, "app": ROOT, "geo": ROOT / "geo"}


def test_a_data_folder_given_brings_its_own_database_unless_one_is_given_too(load, tmp_path):
    assert paths(load(CHECKOUT, LNB_DATA_DIR=tmp_path / "d"))["db"] == tmp_path / "d" / "lnb.duckdb"
    given = paths(load(CHECKOUT, LNB_DATA_DIR=tmp_path / "d", LNB_DB_PATH=tmp_path / "x.duckdb"))
    assert (given["data"], given["db"]) == (tmp_path / "d", tmp_path / "x.duckdb")
    assert paths(load(CHECKOUT, LNB_DATA_DIR=""))["data"] == ROOT / "data"  # an empty variable counts as unset


def test_installed_the_shipped_data_is_read_in_place_and_the_database_written_to_the_state_folder(load, installed, tmp_path):
    cfg = load(installed, XDG_DATA_HOME=tmp_path / "xdg")
    shipped, state = installed.parent / "_shipped", tmp_path / "xdg" / "lnb-dash"
    assert cfg.INSTALLED
    assert paths(cfg) == {"data": shipped / "data", "db": state / "lnb.duckdb", "state": state, "app": state / "app",
                          "geo": shipped / "geo"}


def test_installed_the_state_folder_and_a_data_folder_can_be_given(load, installed, tmp_path):
    assert paths(load(installed, LNB_STATE_DIR=tmp_path / "s"))["db"] == tmp_path / "s" / "lnb.duckdb"
    given = paths(load(installed, LNB_STATE_DIR=tmp_path / "s", LNB_DATA_DIR=tmp_path / "d"))
    assert (given["state"], given["db"]) == (tmp_path / "s", tmp_path / "d" / "lnb.duckdb")
