"""Compare in a real browser: municipalities picked beside the map open Compare with them, each indicator as a chart."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_choosing_municipalities_on_the_map_and_clicking_compare_opens_compare_with_them(visit):
    page = visit.open("/map?indicator=parl_turnout&year=2017&lang=en")
    visit.wait_for_map(polygons=61)
    picker = page.get_by_role("combobox", name="Compare these")
    picker.wait_for(timeout=60_000)
    for typed in ("Korce", "Kamez"):  # the labels carry the names without diacritics too ("Korçë (Korce)")
        picker.click()
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
        visit.wait_idle()
    page.locator("h1").first.click()  # close the picker's list, which stays open for more picks and covers the link
    visit.wait_idle()
    page.locator("a.lnb-compare-link").click()
    page.wait_for_url(re.compile(r"/compare\?m=AL343(,|%2C)AL221"), timeout=30_000)
    page.wait_for_selector("[data-testid='stVegaLiteChart'] svg.marks", timeout=60_000)
    visit.wait_idle()
    body = page.inner_text("body")
    assert "Korçë" in body and "Kamëz" in body and "Each indicator as a chart" in body
    assert page.locator("[data-testid='stVegaLiteChart']").count() >= 8
    assert visit.real_console_errors() == [] and visit.blocked == []
