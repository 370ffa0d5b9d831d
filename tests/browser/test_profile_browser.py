"""The profile in a real browser: a card per indicator on a phone, the whole table on a wide screen, every row on paper,
and one click from the similar municipalities to Compare."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser
KAMEZ = "/profile?m=AL221&lang=en"
ROWS = "table.lnb-spine tbody tr:not(.lnb-theme)"


def _open(visit: Visit, path: str = KAMEZ):
    page = visit.open(path)
    page.wait_for_selector(ROWS, timeout=60_000)
    visit.wait_idle()
    return page


def _value_boxes(page) -> list[dict]:
    return page.eval_on_selector_all(ROWS, """rows => rows.map(r => {
        const cell = r.querySelector('td.lnb-value'); const box = cell.getBoundingClientRect();
        return {text: cell.innerText.trim(), left: box.left, right: box.right, width: box.width,
                shown: getComputedStyle(cell).display !== 'none'};
    })""")


def test_on_a_phone_every_indicator_is_a_card_with_its_value_and_nothing_scrolls_sideways(browser, server):
    visit = Visit(browser, server, viewport=(390, 844), touch=True)
    page = _open(visit)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    boxes = _value_boxes(page)
    assert len(boxes) == 14
    for box in boxes:
        assert box["shown"] and box["text"] and box["left"] >= 0 and box["right"] <= 390, box
    assert any(re.search(r"\d{2,3},\d{3} persons", b["text"]) for b in boxes), "Kamëz's population with its unit"
    assert page.locator("thead", has_text="Indicator").first.bounding_box()["width"] <= 1, "the column header is for screen readers only"
    visit.close()


def test_on_a_wide_screen_every_column_is_on_screen_and_the_spines_are_drawn(browser, server):
    visit = Visit(browser, server, viewport=(1400, 900))
    page = _open(visit)
    table = page.locator("table.lnb-spine").bounding_box()
    assert table["x"] >= 0 and table["x"] + table["width"] <= 1400
    headers = page.eval_on_selector_all("table.lnb-spine thead th", "hs => hs.map(h => h.getBoundingClientRect().right)")
    assert len(headers) == 8 and max(headers) <= 1400
    drawn = page.eval_on_selector_all("img.lnb-spine-svg", "imgs => imgs.map(i => i.complete && i.naturalWidth > 0)")
    assert len(drawn) == 9 and all(drawn), "every indicator with a range of at least two municipalities has its spine"
    assert visit.real_console_errors() == [] and visit.blocked == []
    visit.close()


def test_printing_keeps_every_indicator_row_and_the_similar_municipalities_open_compare_in_one_click(print_visit):
    """One load of Kamëz's profile: printed first (the page stays as it is), then on screen again, its similar
    municipalities' link."""
    page = _open(print_visit)
    page.emulate_media(media="print")
    names = page.eval_on_selector_all(ROWS + " th[scope=row]", "hs => hs.map(h => h.firstChild.textContent)")
    assert len(names) == 14
    hidden = page.eval_on_selector_all(ROWS, "rows => rows.filter(r => r.getBoundingClientRect().height === 0).length")
    assert hidden == 0
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages).split())
    for name in names:
        assert " ".join(name.split()) in text, f"{name} is missing from the printout"
    assert "Similar municipalities" in text and "How similarity is measured" in text

    page.emulate_media(media="screen")
    cards = page.locator("ul.lnb-similar li")
    assert cards.count() == 5
    page.locator("a.lnb-compare-link").click()
    page.wait_for_url(re.compile(r"/compare\?m=AL221(,|%2C)AL121(,|%2C)AL224(,|%2C)AL323(,|%2C)AL225(,|%2C)AL213"), timeout=30_000)
    page.wait_for_selector("h1", timeout=60_000)
    print_visit.wait_idle()
    body = page.inner_text("body")
    assert "Exception" not in body and "Error" not in body, body[:500]
    for name in ("Kamëz", "Durrës", "Tiranë", "Lushnjë", "Vorë", "Elbasan"):
        assert name in body
