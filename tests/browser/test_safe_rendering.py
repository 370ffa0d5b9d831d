"""Text from data can never run in a reader's browser: an import full of HTML and script, shown on every page."""

import os
import shutil
import subprocess
import sys

import pytest

from lnb_dash import config
from lnb_dash.data.build import build_database
from lnb_dash.data.importer import import_file
from tests.browser.conftest import Visit
from tests.conftest import ROOT
from tests.serving import free_port, wait_until_healthy

pytestmark = pytest.mark.browser
PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(config.DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    db_path = data_dir / "lnb.duckdb"
    build_database(data_dir, db_path)
    table = data_dir.parent / "notes.csv"
    table.write_text(f'municipality,year,value,note\nBerat,2022,12,"{PAYLOAD}"\nKorçë,2022,40,"[click](javascript:alert(3))"\n', encoding="utf-8")
    meta = {"source": {"id": "hostile_notes", "title": f"Title {PAYLOAD}", "publisher": f"Publisher {PAYLOAD}", "license": PAYLOAD,
                       "reference_date": "2022", "homepage": "javascript:alert(4)", "caveats": [PAYLOAD]},
            "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0,
                          "name": {"sq": f"Emër {PAYLOAD}", "en": f"Name {PAYLOAD}"}, "unit": {"sq": "persona", "en": "persons"},
                          "definition": {"sq": PAYLOAD, "en": PAYLOAD}}}
    import_file(table, "hostile", meta, data_dir, db_path)
    port = free_port()
    env = {**os.environ, "LNB_DATA_DIR": str(data_dir), "LNB_DB_PATH": str(db_path)}
    process = subprocess.Popen([sys.executable, "-m", "lnb_dash.ui.serve", "--server.port", str(port), "--server.headless", "true"],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url, process)
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.parametrize("path", ["/map?indicator=hostile&year=2022&lang=en", "/profile?m=AL311&lang=en", "/data?indicator=hostile&lang=en",
                                  "/trends?indicator=hostile&lang=en", "/compare?m=AL311,AL343&lang=en"])
def test_html_and_script_from_data_do_not_run(browser, hostile_server, path):
    visit = Visit(browser, hostile_server)
    dialogs = []
    visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page = visit.open(path)
    visit.wait_idle()
    if "map" in path:
        visit.wait_for_map().hover("path.leaflet-interactive >> nth=0", force=True)
        page.wait_for_timeout(500)
    for frame in page.frames:
        assert frame.query_selector("img[src='x']") is None, f"an <img> from data was rendered in {frame.url}"
    assert frame.query_selector("a[href^='javascript']") is None
    assert dialogs == []
    visit.close()
