"""The dashboard as an installed package: built from a copy of the repository into a fresh virtualenv, then run from
another folder, as a new user would (`pip install .`, `lnb-dash build`, `lnb-dash serve`, `lnb-dash init`).

The virtualenv gets the dependencies from the environment running the tests (a .pth file), so nothing but the build
backend is fetched, through pip's own build isolation. The map is checked in Debian's chromium with tests/browser's
Visit, in a child process: one process can hold only one Playwright session, and tests/browser's is open all session.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import urllib.request
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.browser.conftest import chromium_executable
from tests.conftest import ROOT
from tests.serving import free_port, wait_until_healthy

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Not part of a repository copy: the environment, history, build output, the built database and written static files.
NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "*.duckdb*",
                                    ".write.lock", ".trash", "static")


def test_dependency_ranges_admit_the_pinned_versions_make_installs():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pin = Requirement(line)
            pins[pin.name.lower()] = next(iter(pin.specifier)).version
    ranges = {r.name.lower(): r.specifier for r in map(Requirement, PYPROJECT["project"]["dependencies"])}
    assert ranges.keys() == pins.keys()
    assert {name: version for name, version in pins.items() if version not in ranges[name]} == {}


def test_the_wheel_lists_every_sub_package():
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "lnb_dash").rglob("__init__.py")}
    assert on_disk <= set(PYPROJECT["tool"]["setuptools"]["packages"])


# Opens a page of a running dashboard in chromium; prints the requests that tried to leave 127.0.0.1 (one a line).
SEE_MAP = """
import sys
from playwright.sync_api import sync_playwright
from tests.browser.conftest import CHROMIUM_ARGS, Visit
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=sys.argv[4], args=CHROMIUM_ARGS)
    visit = Visit(browser, sys.argv[1])
    visit.open(sys.argv[2])
    visit.wait_for_map(int(sys.argv[3]))
    print("\\n".join(visit.blocked))
"""


class Installed:
    """A fresh virtualenv with the package installed, and a working folder outside the repository."""

    def __init__(self, base: Path):
        self.venv, self.work, self.home = base / "venv", base / "elsewhere", base / "home"
        self.work.mkdir()
        source = base / "repository"
        shutil.copytree(ROOT, source, ignore=NOT_COPIED)
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(self.venv)], check=True)
        site = Path(subprocess.run([str(self.venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                   check=True, capture_output=True, text=True).stdout.strip())
        shared = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
        (site / "shared_environment.pth").write_text("\n".join(shared) + "\n", encoding="utf-8")
        self.run_python("-m", "pip", "install", "--no-deps", "--quiet", str(source))
        self.package = site / "lnb_dash"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("LNB_", "XDG_", "STREAMLIT_"))}
        self.env |= {"HOME": str(self.home), "PYTHONDONTWRITEBYTECODE": "1"}
        self.shipped = self.files()
        self.state = self.home / ".local" / "share" / "lnb-dash"

    def run_python(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.venv / "bin" / "python"), *args], cwd=self.work, check=True, capture_output=True, text=True)

    def lnb_dash(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.venv / "bin" / "lnb-dash"), *args], cwd=self.work, env={**self.env, **(env or {})},
                              capture_output=True, text=True, timeout=120)

    def files(self) -> dict[str, int]:
        """The installed package's files and sizes (byte code aside): nothing may write into it."""
        return {p.relative_to(self.package).as_posix(): p.stat().st_size for p in self.package.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    return Installed(tmp_path_factory.mktemp("package"))


def test_the_package_carries_the_app_pages_data_geo_sql_and_catalogs(installed):
    assert installed.run_python("-c", "import lnb_dash; print(lnb_dash.__file__)").stdout.startswith(str(installed.venv))
    shipped = installed.shipped
    assert {"_shipped/app.py", "_shipped/pages/map.py", "_shipped/.streamlit/config.toml", "_shipped/geo/albania_municipalities.geojson",
            "_shipped/data/reference/municipalities.csv", "_shipped/data/stories/steering_committee.yml", "query/sql/values.sql",
            "i18n/locale/sq/LC_MESSAGES/lnb.po"} <= shipped.keys()
    assert sum(k.startswith("_shipped/data/sources/") for k in shipped) >= 20 and not any("duckdb" in k for k in shipped)
    helped = installed.lnb_dash("--help")
    assert helped.returncode == 0 and "usage: lnb-dash" in helped.stdout and all(c in helped.stdout for c in ("init", "build", "serve", "import"))


@pytest.mark.slow
def test_installed_command_builds_and_serves_the_map_from_another_folder(installed):
    chromium = chromium_executable()
    built = installed.lnb_dash("build")
    assert built.returncode == 0 and f"built {installed.state / 'lnb.duckdb'}" in built.stdout
    assert (installed.state / "lnb.duckdb.classes.json").stat().st_size > 10_000, "the map classes are kept beside the database"

    port = free_port()
    server = subprocess.Popen([str(installed.venv / "bin" / "lnb-dash"), "serve", "--server.port", str(port)], cwd=installed.work,
                              env=installed.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, server)
        assert server.poll() is None, "lnb-dash serve did not start: " + server.stdout.read().decode(errors="replace")[-2000:]
        # Streamlit serves the static files written beside the app's copy (with the shipped config: static serving on).
        layer = next((installed.state / "app" / "static" / "geo").glob("municipalities.*.json")).name
        with urllib.request.urlopen(f"{url}/app/static/geo/{layer}", timeout=10) as served:
            assert served.headers.get_content_type() == "application/json", "the static folder is not served"
            assert len(json.loads(served.read())["features"]) == 61
        assert b"Leaflet" in urllib.request.urlopen(f"{url}/app/static/leaflet/leaflet.js", timeout=10).read(2000)
        seen = subprocess.run([sys.executable, "-c", SEE_MAP, url, "/map?indicator=population&year=2011&lang=en", "61", chromium],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert seen.returncode == 0, seen.stderr[-2000:]
        assert seen.stdout.strip() == ""  # offline: Leaflet and the boundaries come from the app's own static folder
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert installed.files() == installed.shipped  # nothing was written into the installed package


@pytest.mark.slow
def test_installed_command_imports_into_a_folder_made_by_init(installed, tmp_path):
    (tmp_path / "t.csv").write_text("municipality,year,value\nKolonjë,2020,7\n", encoding="utf-8")
    (tmp_path / "meta.yml").write_text("source: {id: package_test, title: T, publisher: P, license: CC0-1.0, reference_date: '2020'}\n",
                                       encoding="utf-8")
    upload = ["import", str(tmp_path / "t.csv"), "--indicator", "covid19_families_assisted", "--meta", str(tmp_path / "meta.yml"), "--user", "ana"]
    refused = installed.lnb_dash(*upload)
    assert refused.returncode == 2 and "lnb-dash init" in refused.stderr

    folder = tmp_path / "lnb-data"
    assert installed.lnb_dash("init", str(folder)).returncode == 0
    assert {p.name for p in folder.iterdir()} == {"reference", "sources", "stories"}
    again = installed.lnb_dash("init", str(folder))
    assert again.returncode == 2 and "already holds" in again.stderr
    staff = {"LNB_DATA_DIR": str(folder)}
    imported = installed.lnb_dash(*upload, env=staff)
    assert imported.returncode == 0 and "imported" in imported.stdout, imported.stderr
    assert (folder / "sources" / "package_test").is_dir() and (folder / "lnb.duckdb").is_file()
    values = installed.lnb_dash("values", "covid19_families_assisted", "--year", "2020", "--format", "csv", env=staff)
    assert values.returncode == 0, values.stderr
    kolonje = [line for line in values.stdout.splitlines() if ",Kolonjë," in line]
    assert len(kolonje) == 1 and ",7," in kolonje[0] and "package_test" in kolonje[0]
    assert "package_test" in installed.lnb_dash("imports", env=staff).stdout
    assert installed.files() == installed.shipped  # nothing was written into the installed package
