"""Before the page draws and after the server goes away, the dashboard speaks for itself (lnb_dash.ops.front_page)."""

import os
import subprocess
import sys
import urllib.request

import pytest
from playwright.sync_api import expect

from lnb_dash.i18n import t
from tests.browser.conftest import Visit
from tests.conftest import ROOT
from tests.serving import free_port, wait_until_healthy

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/map?indicator=population&year=2023", "/present?present=1&lang=en"])
def test_the_first_bytes_of_every_page_say_the_dashboard_is_opening(server, path):
    first = urllib.request.urlopen(server + path, timeout=30).read(16_384).decode("utf-8", errors="replace")
    assert t("front_loading", "sq") in first and t("front_loading", "en") in first


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_when_the_server_stops_the_dialog_says_so_in_the_pages_language_without_blaming_the_internet(browser, shipped_db, lang):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "lnb_dash.ui.serve", "--server.port", str(port)], cwd=ROOT,
                               env={**os.environ, "LNB_DB_PATH": str(shipped_db)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    visit = Visit(browser, url)
    try:
        assert wait_until_healthy(url, process)
        page = visit.open(f"/?lang={lang}")
        visit.wait_idle()
        process.terminate()
        process.wait(timeout=20)
        dialog = page.get_by_role("dialog")
        expect(dialog).to_contain_text(t("front_lost_title", lang), timeout=60_000)
        expect(dialog).to_contain_text(t("front_lost_text", lang))
        assert "internet" not in dialog.inner_text().casefold()
    finally:
        process.kill()
        visit.close()


def test_streamlits_bundle_comes_compressed_without_a_proxy_and_unpacks_to_the_same_bytes(server):
    import gzip
    import re

    index = urllib.request.urlopen(server + "/", timeout=30).read().decode()
    bundle = "/" + re.search(r'src="\./(static/js/index\.[^"]+\.js)"', index).group(1)
    plain = urllib.request.urlopen(server + bundle, timeout=30).read()
    response = urllib.request.urlopen(urllib.request.Request(server + bundle, headers={"Accept-Encoding": "gzip"}), timeout=30)
    packed = response.read()
    assert response.headers["Content-Encoding"] == "gzip" and "immutable" in response.headers["Cache-Control"]
    assert gzip.decompress(packed) == plain and len(packed) < len(plain) / 2
