"""County views in a real browser, on a phone and a laptop, in both languages: the county profile shows its
figures without sideways scrolling, and the trends page draws all 12 county lines."""

import io

import pytest
from pypdf import PdfReader

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser
SIZES = [(390, 844), (1366, 768)]
LINES = "[data-testid='stVegaLiteChart'] svg g.mark-line"


def _line_counts(page) -> list[int]:
    """Lines drawn per chart (Vega draws one path per line in each line mark)."""
    return page.eval_on_selector_all("[data-testid='stVegaLiteChart']", """charts => charts.map(c =>
        [...c.querySelectorAll('svg g.mark-line')].reduce((n, g) => n + g.querySelectorAll('path').length, 0))""")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_county_trends_chart_draws_twelve_county_lines(browser, server, size):
    visit = Visit(browser, server, viewport=size, touch=size[0] < 500)
    page = visit.open("/trends?indicator=population_1jan&level=county&areas=AL-11,AL-09&lang=en")
    page.wait_for_selector(LINES, timeout=60_000)
    visit.wait_idle()
    counts = _line_counts(page)
    assert counts[0] == 12, counts
    assert len(counts) == 2 and counts[1] >= 1, "Albania on its own axis below"
    body = page.inner_text("body")
    assert "Population on 1 January (estimate) (persons) – Counties" in body and "Break in series" in body
    assert "break in series" in page.inner_text("[data-testid='stVegaLiteChart'] >> nth=1"), "the break's legend entry"
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    assert visit.blocked == [] and visit.real_console_errors() == []
    visit.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_county_profile_shows_its_values_on_a_phone_and_a_laptop(browser, server, size):
    visit = Visit(browser, server, viewport=size, touch=size[0] < 500)
    page = visit.open("/profile?county=tirana&lang=en")
    page.wait_for_selector("table.lnb-county-indicators", timeout=60_000)
    visit.wait_idle()
    assert page.inner_text("h1").startswith("Tiranë County")
    cells = page.eval_on_selector_all("table.lnb-county-indicators td.lnb-value", """cells => cells.map(c => {
        const b = c.getBoundingClientRect(); return {text: c.innerText.trim(), left: b.left, right: b.right}; })""")
    assert len(cells) >= 10 and any("758,513 persons" in c["text"] for c in cells)
    for cell in cells:
        assert cell["text"] and cell["left"] >= 0 and cell["right"] <= size[0], cell
    body = page.inner_text("body")
    assert "highest of 12" in body and "Census 2023 minus Census 2011, same boundaries" in body and "Kamëz" in body
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    assert visit.blocked == [] and visit.real_console_errors() == []
    visit.close()


def test_county_views_in_albanian(browser, server):
    visit = Visit(browser, server, viewport=(390, 844), touch=True)
    page = visit.open("/profile?county=Qarku%20i%20Tiran%C3%ABs&lang=sq")
    page.wait_for_selector("table.lnb-county-indicators", timeout=60_000)
    visit.wait_idle()
    body = page.inner_text("body")
    assert "Qarku i Tiranës" in body and "e 3-ta më e lartë nga 12" in body and "Censusi 2023 minus Censusi 2011" in body
    page = visit.open("/trends?indicator=population_1jan&level=county&lang=sq")
    page.wait_for_selector(LINES, timeout=60_000)
    visit.wait_idle()
    assert _line_counts(page)[0] == 12 and "– Qarqe" in page.inner_text("body")
    visit.close()


def test_the_county_profile_prints_every_indicator_and_municipality(print_visit):
    page = print_visit.open("/profile?county=AL-06&lang=en")
    page.wait_for_selector("table.lnb-county-indicators", timeout=60_000)
    print_visit.wait_idle()
    page.emulate_media(media="print")
    rows = page.eval_on_selector_all("table.lnb-cards th[scope=row]", "hs => hs.map(h => h.firstChild.textContent)")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages).split())
    assert "Korçë County" in text and len(rows) > 15
    for name in rows:
        assert " ".join(name.split()) in text, f"{name} is missing from the printout"
