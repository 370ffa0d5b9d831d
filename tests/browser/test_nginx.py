"""The real client through the proxy: a few Chromium sessions at once draw the map via nginx."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser


def test_chromium_sessions_through_nginx_draw_the_map(browser, cluster):
    visits = [Visit(browser, cluster.url) for _ in range(3)]
    try:
        for visit in visits:
            visit.page.goto(cluster.url + "/map?indicator=population&year=2011&lang=en")
        for visit in visits:
            visit.page.wait_for_selector("h1", timeout=60_000)
            frame = visit.wait_for_map(61)
            assert "streamlit_folium" in frame.url
            assert frame.locator("path.leaflet-interactive").count() >= 61
            assert visit.blocked == [] and visit.real_console_errors() == []
            assert any(c["name"] == "lnb_route" for c in visit.context.cookies())
    finally:
        for visit in visits:
            visit.close()
