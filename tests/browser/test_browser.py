"""The dashboard in a real browser, offline: map, click-through, deep links, downloads, search (every page's console
and accessibility: test_every_page.py)."""

import re

import pytest

from tests.browser.conftest import MAP_AREAS, Visit

pytestmark = pytest.mark.browser


def test_map_draws_61_polygons_without_any_request_leaving_the_machine_downloads_its_csv_and_opens_a_profile_by_keyboard(visit, tmp_path):
    """One load of the English map does the checks that leave it as it is, then the one that leaves it: its 61 areas,
    Leaflet from xstatic-leaflet, no request elsewhere, the title and Albania's total, the legend's counts; the CSV
    download, which matches the values command; Korçë reached with the keyboard, its tooltip, Enter opens its profile."""
    import io

    import pandas as pd

    page = visit.open("/map?indicator=population&year=2011&lang=en")
    frame = visit.wait_for_map()
    assert frame.locator(MAP_AREAS).count() == 61
    assert frame.evaluate("typeof L !== 'undefined' && L.version") == "1.9.3", "Leaflet comes from xstatic-leaflet"
    assert visit.blocked == []
    visit.wait_idle()
    body = page.inner_text("body")
    assert "Population (census), 2011" in body and "Albania: 2,800,138 persons" in body
    counts = [int(n) for n in re.findall(r"\((\d+)\)", page.inner_text(".lnb-legend"))]
    assert sum(counts) == 61

    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="CSV").click()
    path = tmp_path / "view.csv"
    download.value.save_as(path)
    table = pd.read_csv(io.BytesIO(path.read_bytes()), encoding="utf-8-sig")
    assert len(table) == 61 and table.value.sum() == 2_800_138
    assert {"unit", "year", "status", "flag", "source", "licence"} <= set(table.columns)
    assert "Korçë" in set(table.municipality)

    visit.wait_idle()  # a download button's click reruns the page
    korce = frame.locator(f"{MAP_AREAS}[aria-label^='Korçë:']")
    assert korce.get_attribute("tabindex") == "0" and korce.get_attribute("role") == "link"
    korce.focus()
    frame.wait_for_selector(".leaflet-tooltip", timeout=10_000)
    tooltip = frame.inner_text(".leaflet-tooltip")
    assert "Korçë" in tooltip and "Rank" in tooltip and "2011" in tooltip
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/profile\?m=AL343"), timeout=30_000)


@pytest.mark.parametrize("size", [(1366, 768), (1400, 900), (1920, 1080), (390, 844)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_click_or_a_tap_on_a_municipality_opens_its_profile(browser, server, size):
    phone = size[0] < 500
    visit = Visit(browser, server, viewport=size, touch=phone)
    page = visit.open("/map?indicator=population&year=2011&lang=en")
    korce = visit.wait_for_map().locator(f"{MAP_AREAS}[aria-label^='Korçë:']")
    korce.scroll_into_view_if_needed()
    korce.tap() if phone else korce.click()
    page.wait_for_url(re.compile(r"/profile\?m=AL343"), timeout=30_000)
    page.wait_for_selector("text=Key facts", timeout=30_000)
    assert page.inner_text("h1").startswith("Municipality ")
    visit.close()


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


def test_presentation_steps_with_the_arrow_keys(visit):
    page = visit.open("/present?present=1&lang=en")
    page.wait_for_selector("text=What the programme achieved: the headline results", timeout=30_000)
    assert not page.query_selector('[data-testid="stSidebar"]:visible')
    visit.wait_idle()
    page.keyboard.press("ArrowRight")
    page.wait_for_selector("text=What the programme reported: 2019 and 2021", timeout=30_000)
    assert "step=2" in page.url
    visit.wait_idle()
    page.keyboard.press("ArrowLeft")
    page.wait_for_selector("text=What the programme achieved: the headline results", timeout=30_000)
    assert "step=1" in page.url and visit.blocked == []


def test_an_embedded_map_renders_alone(visit):
    page = visit.open("/map?indicator=parl_turnout&year=2017&embed=true&lang=en")
    assert visit.wait_for_map().locator(MAP_AREAS).count() == 61
    visit.wait_idle()
    body = page.inner_text("body")
    assert "Turnout, parliamentary elections, 2017" in body and "Source:" in body
    assert page.query_selector('[data-testid="stSelectbox"]') is None
    assert not page.query_selector('[data-testid="stSidebar"]:visible')


def test_another_indicator_repaints_the_same_leaflet_map(visit):
    page = visit.open("/map?indicator=population&year=2011&lang=en")
    frame = visit.wait_for_map()
    visit.wait_idle()
    frame.evaluate("window.__sameMap = window.map")
    box = page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_label("Indicator"))
    box.click()
    page.keyboard.type("Turnout, parliamentary")
    page.keyboard.press("Enter")
    frame.wait_for_function("document.querySelector(\"path[aria-label^='Korçë:']\").getAttribute('aria-label').includes('%')", timeout=30_000)
    visit.wait_idle()
    assert "Turnout, parliamentary elections" in page.inner_text("h2")
    assert frame.evaluate("window.__sameMap === window.map"), "the view changed without a new map"
    assert frame.locator(MAP_AREAS).count() == 61


def test_the_interactive_map_file_opens_from_disk_with_no_request(visit, browser, tmp_path):
    page = visit.open("/map?indicator=local_turnout&year=2015&breakdown=female&lang=sq")
    visit.wait_for_map()
    visit.wait_idle()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Hartë interaktive (HTML)").click()
    assert download.value.suggested_filename == "local_turnout_female_2015_map.html"
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests = []
    context.route("**/*", lambda route: (requests.append(route.request.url), route.continue_() if route.request.url.startswith("file:")
                                         else route.abort()))
    offline = context.new_page()
    offline.goto(path.as_uri())
    offline.wait_for_function(f"document.querySelectorAll('{MAP_AREAS}').length === 61", timeout=20_000)
    assert [u for u in requests if not u.startswith("file:")] == []
    text = offline.inner_text("body")
    assert "Gra" in text and "2015" in text and "OpenStreetMap" in text and "Burimi" in text
    offline.hover(f"{MAP_AREAS}[aria-label^='Kamëz:']")
    assert "Kamëz" in offline.inner_text(".leaflet-tooltip")
    context.close()


@pytest.mark.parametrize("typed, name", [("korca", "Korçë"), ("Bashkia e Kamzës", "Kamëz"), ("AL357", "Vlorë")])
def test_the_profile_picker_takes_any_spelling_typed_into_it(visit, typed, name):
    from tests.browser.test_search_browser import choose_first, offered

    page = visit.open("/profile?m=AL224&lang=en")
    visit.wait_idle()
    assert offered(visit, typed, first=name)[0] == name
    choose_first(visit)
    page.wait_for_function(f"(document.querySelector('h1') || {{}}).innerText === 'Municipality {name}'", timeout=30_000)
    visit.wait_idle()
    assert page.locator('[data-testid="stAlert"]').count() == 0


def test_the_overview_search_opens_a_profile_from_any_spelling(visit):
    page = visit.open("/?lang=sq")
    visit.wait_idle()
    from tests.browser.test_search_browser import choose_first, offered, search_frame

    assert "Hapni profilin e një bashkie" in search_frame(visit).locator("body").inner_text()
    assert offered(visit, "Kamza", first="Kamëz")[0] == "Kamëz"
    choose_first(visit)
    page.wait_for_url(re.compile(r"/profile\?m=AL221"), timeout=30_000)


def test_the_overview_explains_its_map_and_shows_whole_labels(visit):
    page = visit.open("/?lang=en")
    visit.wait_idle()
    legend = page.inner_text(".lnb-legend")
    assert "LNB priority municipality (24)" in legend and "Other municipality (37)" in legend
    label = page.get_by_text("Council of Ministers decisions on the Law on Social Care Services", exact=True).first
    assert label.is_visible() and label.evaluate("e => e.scrollWidth <= e.clientWidth"), "the whole label, not cut with …"


def test_the_profile_locator_is_zoomed_to_the_municipality(visit):
    visit.open("/profile?m=AL221&lang=en")
    frame = visit.wait_for_map(polygons=0)  # a still map: its areas take no pointer events
    frame.wait_for_function("window.map && document.querySelectorAll('path').length >= 61 && window.map.getZoom() >= 9", timeout=30_000)
    assert frame.evaluate("window.map.getBounds().contains([41.38, 19.76])"), "Kamëz is in view"


def test_a_request_to_elsewhere_is_recorded_and_never_answered(visit):
    """The other tests' `visit.blocked == []` holds because nothing is asked, not because nothing is seen."""
    page = visit.page
    with page.expect_event("requestfailed", timeout=15_000) as failed:
        page.set_content('<img src="https://tile.openstreetmap.org/0/0/0.png">')
    assert failed.value.url == "https://tile.openstreetmap.org/0/0/0.png" and "NAME_NOT_RESOLVED" in (failed.value.failure or "")
    assert visit.blocked == ["https://tile.openstreetmap.org/0/0/0.png"]


def test_the_suite_drives_the_headless_shell_when_installed_and_chromium_when_asked(monkeypatch):
    """The browser the tests run in is said, not guessed: LNB_TEST_CHROMIUM names it; otherwise the headless shell,
    else the full chromium."""
    import shutil

    from tests.browser.conftest import chromium_executable

    found = {"chromium": "/usr/bin/chromium", "chromium-headless-shell": "/usr/bin/chromium-headless-shell"}
    monkeypatch.setattr(shutil, "which", found.get)
    monkeypatch.delenv("LNB_TEST_CHROMIUM", raising=False)
    assert chromium_executable() == "/usr/bin/chromium-headless-shell"
    monkeypatch.setenv("LNB_TEST_CHROMIUM", "chromium")
    assert chromium_executable() == "/usr/bin/chromium"
    monkeypatch.delenv("LNB_TEST_CHROMIUM")
    del found["chromium-headless-shell"]
    assert chromium_executable() == "/usr/bin/chromium"
