"""The map at every level in a real browser: the 12 counties, and the 373 former units under today's municipalities."""

import re

import duckdb
import pytest

from tests.browser.conftest import MAP_AREAS, Visit

pytestmark = pytest.mark.browser

MUNICIPALITY_LINES = ".leaflet-lnbMunicipalities-pane path"
# An area waiting for its shape is drawn as "M0 0" (maps._EMPTY_SHAPE).
SHAPED = "[...document.querySelectorAll('path.leaflet-interactive')].filter(p => (p.getAttribute('d') || 'M0 0') !== 'M0 0').length >= %d"
# Click an area by its label inside the map's frame and read what the map reports to the dashboard (maps._ACCESS_JS).
CLICK_REPORTS = """label => {
  const area = [...document.querySelectorAll("path.leaflet-interactive")].find(p => p.getAttribute("aria-label").startsWith(label));
  area.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  return window.__GLOBAL_DATA__ && window.__GLOBAL_DATA__.last_object_clicked_popup;
}"""


@pytest.mark.parametrize("size, lang", [((1366, 768), "en"), ((390, 844), "sq")], ids=["1366x768-en", "390x844-sq"])
def test_a_county_map_draws_the_12_counties_offline(browser, server, size, lang):
    visit = Visit(browser, server, viewport=size, touch=size[0] < 500)
    page = visit.open(f"/map?indicator=population_1jan&year=2023&level=county&lang={lang}")
    frame = visit.wait_for_map(polygons=12)
    visit.wait_idle()
    assert frame.locator(MAP_AREAS).count() == 12
    assert frame.locator(".leaflet-lnbCounties-pane path").count() == 0, "no county lines over the counties themselves"
    assert ("Qark" if lang == "sq" else "County") in page.inner_text("h2")
    counts = [int(n) for n in re.findall(r"\((\d+)\)", page.inner_text(".lnb-legend"))]
    assert sum(counts) == 12
    assert frame.evaluate(CLICK_REPORTS, "Korçë:") == "AL-06", "a county reports its own code, not a municipality's"
    assert visit.blocked == [] and visit.real_console_errors() == []
    visit.close()


def _has_former_unit_data(db_path) -> bool:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute("SELECT count(*) FROM observations WHERE area_level = 'former_unit' AND status = 'value'").fetchall()[0][0] > 0


def test_a_former_unit_map_draws_the_373_units_under_the_61_municipalities(browser, server, shipped_db):
    if not _has_former_unit_data(shipped_db):
        pytest.skip("no former-unit data in the shipped database yet (tests/render/test_maps.py covers the layer with a synthetic fixture)")
    with duckdb.connect(str(shipped_db), read_only=True) as con:
        indicator, year = con.execute("SELECT indicator_id, year FROM observations WHERE area_level = 'former_unit' AND status = 'value' "
                                      "ORDER BY indicator_id, year LIMIT 1").fetchall()[0]
    visit = Visit(browser, server, viewport=(1366, 768))
    visit.open(f"/map?indicator={indicator}&year={year}&level=former_unit&lang=en")
    frame = visit.wait_for_map(polygons=373, timeout=90)
    frame.wait_for_selector(MUNICIPALITY_LINES, state="attached", timeout=30_000)
    assert frame.locator(MAP_AREAS).count() == 373 and frame.locator(MUNICIPALITY_LINES).count() == 61
    frame.wait_for_function(SHAPED % 373, timeout=30_000)  # the shapes arrive from the static file
    assert frame.evaluate(CLICK_REPORTS, "Voskop:") == "AL343", "a unit opens the profile of its municipality today"
    assert visit.blocked == [] and visit.real_console_errors() == []
    visit.close()
