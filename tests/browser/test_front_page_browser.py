"""Before the page draws and after the server goes away, the dashboard speaks for itself (lnb_dash.ops.front_page)."""

import base64
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


ICON_ELEMENTS = """() => [...document.querySelectorAll('[translate="no"]')]
  .filter(e => getComputedStyle(e).fontFamily.includes('Material Symbols') && e.getBoundingClientRect().width > 0)
  .map(e => [e.textContent.trim(), e.getBoundingClientRect().width, parseFloat(getComputedStyle(e).fontSize)])"""
FONT_FILES = "performance.getEntriesByType('resource').map(r => r.name).filter(n => n.endsWith('.woff2')).map(n => n.split('/static/')[1])"


def test_icons_are_drawn_from_the_subset_font_each_as_one_glyph_not_as_its_name(visit):
    page = visit.open("/data")
    visit.wait_idle()
    page.wait_for_function(f"({ICON_ELEMENTS})().some(([name]) => name === 'folder_zip')", timeout=30_000)
    page.wait_for_function("document.fonts.status === 'loaded'", timeout=30_000)
    icons = page.evaluate(ICON_ELEMENTS)
    assert {"keyboard_double_arrow_left", "download", "folder_zip"} <= {name for name, _, _ in icons}
    assert all(width <= 1.2 * size for _, width, size in icons), f"an icon drawn as a word: {icons}"
    files = page.evaluate(FONT_FILES)
    assert any(f.startswith("fonts/MaterialSymbols-Rounded.lnb-") for f in files) and any(f.startswith("fonts/SourceSansVF-Upright.lnb-") for f in files)
    assert not any(f.startswith("media/") for f in files), f"a full font was fetched: {files}"
    assert page.evaluate("document.documentElement.dataset.lnbFullIcons") is None


def test_an_icon_the_subset_lacks_brings_in_the_full_icon_font_and_is_drawn(visit):
    page = visit.open("/")
    visit.wait_idle()
    page.evaluate("""() => { const s = document.createElement('span'); s.id = 'lnb-test-icon'; s.translate = false;
      s.style.fontFamily = '"Material Symbols Rounded"'; s.style.fontSize = '24px'; s.textContent = 'rocket_launch';
      document.querySelector('[data-testid="stMain"]').appendChild(s); }""")
    page.wait_for_function("document.documentElement.dataset.lnbFullIcons === 'rocket_launch'", timeout=15_000)
    page.wait_for_function("document.fonts.status === 'loaded' && document.getElementById('lnb-test-icon').getBoundingClientRect().width <= 30",
                           timeout=30_000)
    assert any(f.startswith("media/MaterialSymbols-Rounded.") for f in page.evaluate(FONT_FILES))


def test_a_first_visit_to_the_map_sends_at_most_1_5_mb(browser, server):
    """Bytes as sent (Chrome's encoded sizes, headers included; WebSocket messages received) until the map shows its
    areas and the page has finished: issue 22's budget for ``make run`` without a proxy."""
    visit = Visit(browser, server, viewport=(1366, 768), fresh=True)
    try:
        cdp = visit.context.new_cdp_session(visit.page)
        sizes: dict[str, int] = {}
        received = []
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        cdp.on("Network.webSocketFrameReceived", lambda e: received.append(  # binary frames come base64-encoded
            len(base64.b64decode(e["response"]["payloadData"])) if e["response"].get("opcode") == 2 else len(e["response"]["payloadData"].encode())))
        cdp.send("Network.enable")
        visit.open("/map?indicator=population&year=2011")
        visit.wait_for_map()
        visit.wait_idle()
        total = sum(sizes.values()) + sum(received)
        assert total <= 1_500_000, f"{total:,} bytes"
    finally:
        visit.close()


def test_component_files_come_compressed_and_cacheable_and_unpack_to_the_same_bytes(visit, server):
    import gzip
    import re

    visit.open("/map?indicator=population&year=2011")
    frame = visit.wait_for_map()
    script = next(src for src in frame.evaluate("[...document.scripts].map(s => s.src)") if "/static/js/main." in src)
    script = script.removeprefix(server)
    plain = urllib.request.urlopen(server + script, timeout=30).read()
    response = urllib.request.urlopen(urllib.request.Request(server + script, headers={"Accept-Encoding": "gzip"}), timeout=30)
    assert response.headers["Content-Encoding"] == "gzip" and "immutable" in response.headers["Cache-Control"]
    assert gzip.decompress(response.read()) == plain
    visit.page.wait_for_selector("iframe[src*='streamlit_searchbox']", state="attached", timeout=30_000)  # the place search
    search_css = "/component/streamlit_searchbox.searchbox/bootstrap.min.css"  # not hash-named: revalidated by its ETag
    with urllib.request.urlopen(urllib.request.Request(server + search_css, headers={"Accept-Encoding": "gzip"}), timeout=30) as response:
        assert response.headers["Cache-Control"] == "no-cache" and response.headers["Content-Encoding"] == "gzip"
        etag = response.headers["ETag"]
    with pytest.raises(urllib.error.HTTPError) as again:
        urllib.request.urlopen(urllib.request.Request(server + search_css, headers={"If-None-Match": etag}), timeout=30)
    assert again.value.code == 304
    css = urllib.request.urlopen(server + "/", timeout=30).read().decode()
    stylesheet = "/" + re.search(r'href="\./(static/css/index\.[^"]+\.css)"', css).group(1)
    first = urllib.request.urlopen(urllib.request.Request(server + stylesheet, headers={"Accept-Encoding": "gzip"}), timeout=30)
    assert first.headers["Cache-Control"] == "no-cache" and "../fonts/MaterialSymbols-Rounded.lnb-" in gzip.decompress(first.read()).decode()
