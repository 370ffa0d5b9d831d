"""The dashboard in a real browser, offline: map, click-through, deep links, console, accessibility."""

import re

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/map", "/profile?m=AL343", "/trends", "/compare?m=AL343,AL345", "/programme", "/data"]


def test_map_draws_61_polygons_without_any_request_leaving_the_machine(visit):
    page = visit.open("/map?indicator=population&year=2011&lang=en")
    visit.wait_for_map()
    assert len(page.query_selector_all(".lnb-map path.leaflet-interactive")) == 61
    assert page.frames == [page.main_frame], "the map is drawn in the page, not in an iframe"
    assert visit.blocked == []
    visit.wait_idle()
    body = page.inner_text("body")
    assert "Population (census), 2011" in body and "Albania: 2,800,138 persons" in body
    counts = [int(n) for n in re.findall(r"\((\d+)\)", page.inner_text(".lnb-legend"))]
    assert sum(counts) == 61


def test_clicking_a_municipality_opens_its_profile(visit):
    page = visit.open("/map?indicator=population&year=2011&lang=en")
    visit.wait_for_map().query_selector_all(".lnb-map path.leaflet-interactive")[10].click(force=True)
    page.wait_for_url(re.compile(r"/profile\?m=AL\d{3}"), timeout=30_000)
    page.wait_for_selector("text=Key facts", timeout=30_000)
    assert page.inner_text("h1").startswith("Municipality ")


def test_a_deep_link_round_trips(visit):
    page = visit.open("/trends?indicator=parl_voters&m=AL343,AL345&lang=en")
    page.wait_for_selector("text=Voters (parliamentary)", timeout=30_000)
    page.wait_for_timeout(1000)
    assert "indicator=parl_voters" in page.url and "m=AL343%2CAL345" in page.url.replace(",", "%2C")
    again = visit.context.new_page()
    again.goto(page.url)
    again.wait_for_selector("text=Korçë (Korce)", timeout=30_000)
    again.wait_for_selector("text=Pogradec", timeout=30_000)


def test_profile_in_albanian_with_sources(visit):
    page = visit.open("/profile?m=AL343&lang=sq")
    page.wait_for_selector("text=Faktet kryesore", timeout=30_000)
    visit.wait_idle()
    body = page.inner_text("body")
    assert "Bashkia Korçë" in body and "Burimet:" in body


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_console_errors_and_no_outside_requests(visit, path):
    page = visit.open(path + ("&" if "?" in path else "?") + "lang=en")
    visit.wait_idle()
    assert visit.real_console_errors() == []
    assert visit.blocked == []
    assert page.query_selector("h1") is not None


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_serious_accessibility_violations(visit, path):
    from axe_playwright_python.sync_playwright import Axe

    page = visit.open(path)
    visit.wait_idle()
    results = Axe().run(page)
    serious = [(v["id"], v["help"], len(v["nodes"])) for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_presentation_steps_with_the_arrow_keys(visit):
    page = visit.open("/present?present=1&lang=en")
    page.wait_for_selector("text=What the programme reported", timeout=30_000)
    assert not page.query_selector('[data-testid="stSidebar"]:visible')
    visit.wait_idle()
    page.keyboard.press("ArrowRight")
    page.wait_for_selector("text=The 24 LNB priority municipalities", timeout=30_000)
    assert "step=2" in page.url
    visit.wait_idle()
    page.keyboard.press("ArrowLeft")
    page.wait_for_selector("text=What the programme reported", timeout=30_000)
    assert "step=1" in page.url and visit.blocked == []


def test_an_embedded_map_renders_alone(visit):
    page = visit.open("/map?indicator=parl_turnout&year=2017&embed=true&lang=en")
    assert len(visit.wait_for_map().query_selector_all(".lnb-map path.leaflet-interactive")) == 61
    visit.wait_idle()
    body = page.inner_text("body")
    assert "Turnout, parliamentary elections, 2017" in body and "Source:" in body
    assert page.query_selector('[data-testid="stSelectbox"]') is None
    assert not page.query_selector('[data-testid="stSidebar"]:visible')


def test_the_map_csv_download_matches_the_values_command(visit, tmp_path):
    import io

    import pandas as pd

    page = visit.open("/map?indicator=population&year=2011&lang=en")
    visit.wait_idle()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="CSV").click()
    path = tmp_path / "view.csv"
    download.value.save_as(path)
    table = pd.read_csv(io.BytesIO(path.read_bytes()), encoding="utf-8-sig")
    assert len(table) == 61 and table.value.sum() == 2_800_138
    assert {"unit", "year", "status", "source", "license"} <= set(table.columns)
    assert "Korçë" in set(table.municipality)


def test_another_indicator_restyles_the_same_polygons_without_a_new_map(visit):
    page = visit.open("/map?indicator=population&year=2011&lang=en")
    visit.wait_for_map()
    visit.wait_idle()
    page.evaluate("window.__first = document.querySelector('.lnb-map path.leaflet-interactive')")
    before = page.evaluate("window.__first.getAttribute('fill')")
    box = page.locator('[data-testid="stSelectbox"]').first
    box.click()
    page.keyboard.type("Turnout, parliamentary")
    page.keyboard.press("Enter")
    page.wait_for_function(f"window.__first.isConnected && window.__first.getAttribute('fill') !== {before!r}", timeout=30_000)
    visit.wait_idle()
    assert "Turnout, parliamentary elections" in page.inner_text("h2")
    assert len(page.query_selector_all(".lnb-map path.leaflet-interactive")) == 61


def test_a_municipality_can_be_reached_and_opened_with_the_keyboard(visit):
    page = visit.open("/map?indicator=population&year=2011&lang=en")
    visit.wait_for_map()
    visit.wait_idle()
    korce = page.locator(".lnb-map path.leaflet-interactive[aria-label^='Korçë:']")
    korce.focus()
    page.wait_for_selector(".leaflet-tooltip .lnb-tip", timeout=10_000)
    assert "Korçë" in page.inner_text(".leaflet-tooltip") and "Rank" in page.inner_text(".leaflet-tooltip")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/profile\?m=AL343"), timeout=30_000)
