"""The real client through the proxy: a few Chromium sessions at once draw the map via nginx, with its security headers
(the Content-Security-Policy on) and no console error."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser


def test_chromium_sessions_through_nginx_draw_the_map(browser, cluster):
    visits = [Visit(browser, cluster.url) for _ in range(3)]
    try:
        for visit in visits:
            response = visit.page.goto(cluster.url + "/map?indicator=population&year=2011&lang=en")
            assert "script-src 'self'" in response.headers["content-security-policy"]
            assert response.headers["x-content-type-options"] == "nosniff"
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


def test_trends_and_an_embed_draw_under_the_policy(browser, cluster):
    visit = Visit(browser, cluster.url)
    try:
        response = visit.page.goto(cluster.url + "/trends?indicator=parl_turnout&lang=en")
        assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
        visit.page.wait_for_selector("h1", timeout=60_000)
        visit.page.wait_for_selector("canvas, svg.marks", timeout=60_000)  # the Altair chart drew (Vega under the CSP)
        visit.wait_idle()
        response = visit.page.goto(cluster.url + "/map?indicator=parl_turnout&year=2017&embed=true")
        assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
        visit.wait_for_map(61)
        assert visit.blocked == [] and visit.real_console_errors() == []
    finally:
        visit.close()
