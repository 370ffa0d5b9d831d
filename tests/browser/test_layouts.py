"""Screens people present and embed on: every presentation step fits without scrolling; an embed keeps its source in view."""

import pytest

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

OVERFLOW = "(() => { const m = document.querySelector('[data-testid=stMain]'); return m.scrollHeight - m.clientHeight; })()"


@pytest.mark.parametrize("size", [(1280, 720), (1400, 900), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_presentation_step_fits_the_screen(browser, server, size):
    visit = Visit(browser, server, viewport=size)
    for step in range(1, 5):
        page = visit.open(f"/present?present=1&step={step}&lang=sq")
        visit.wait_idle()
        if step > 1:
            visit.wait_for_map()
        page.wait_for_timeout(500)
        assert page.evaluate(OVERFLOW) <= 10, f"step {step} scrolls at {size}"
        assert page.get_by_role("button", name="Para").count() == 1, "one arrow on the buttons, from the shortcut"
    visit.close()


def test_an_embedded_map_keeps_title_map_legend_and_source_in_a_700_by_600_frame(browser, server):
    visit = Visit(browser, server, viewport=(700, 600))
    page = visit.open("/map?indicator=parl_turnout&year=2017&embed=true&lang=en")
    visit.wait_for_map()
    visit.wait_idle()
    for text in ("Turnout, parliamentary elections, 2017", "Source:", "County border"):
        box = page.get_by_text(text).first.bounding_box()
        assert box and box["y"] + box["height"] <= 600, f"{text!r} is out of view"
    assert page.evaluate(OVERFLOW) <= 10
    visit.close()
