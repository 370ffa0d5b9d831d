"""The place search shows what it found: typing an undiacritised name, an alias or a code offers the place by its
official name ("Korçë"), never "Add: …", with an Albanian placeholder on Albanian pages (laptop and phone)."""

import re

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import Visit

SIZES = {"laptop": ((1366, 768), False), "phone": ((390, 844), True)}


def search_frame(visit: Visit):
    """The search box's frame (streamlit-searchbox draws it in its own iframe)."""
    for _ in range(300):
        for frame in visit.page.frames:
            try:
                if "streamlit_searchbox" in frame.url and frame.locator("input").count():
                    return frame
            except PlaywrightError:  # redrawn between the listing and the look: look again
                continue
        visit.page.wait_for_timeout(100)
    raise AssertionError("no search box")


def offered(visit: Visit, typed: str, first: str | None = None) -> list[str]:
    """The options the search box shows once ``typed`` has been typed into it (the frame may be redrawn meanwhile).

    With ``first``, wait until the list starts with it: under load the answer to an earlier keystroke ("AL3": no such
    place) can still be on screen after the last one was typed, until the answer to the whole text replaces it; a list
    that never does is returned as it stands after 30 s, for the caller's assertion to show."""
    box = search_frame(visit).locator("input").first
    if box.input_value():
        box.click()
        box.press("Control+a")
        box.press("Backspace")
        visit.page.wait_for_timeout(1500)
        box = search_frame(visit).locator("input").first
    box.click()
    box.type(typed, delay=60)
    seen, options = None, []
    for _ in range(120):
        visit.wait_idle()  # each keystroke's search is a script run: the last one's answer is the one to read
        try:
            frame = search_frame(visit)
            status = frame.locator("#aria-results").inner_text(timeout=1000)
            shown = [o.inner_text() for o in frame.locator('[id*="-option-"]').all()]
        except Exception:  # the frame was redrawn between two looks: look again
            continue
        if typed in status and 0 < len(shown) < 61:  # an answer, not the 61 shown before it arrived
            options = shown
            if shown == seen and (first is None or shown[0] == first):  # twice alike: not a partial word's answer
                return options
        seen = shown
        visit.page.wait_for_timeout(150)
    if options:
        return options
    raise AssertionError(f"no options for {typed!r}")


def choose_first(visit: Visit) -> None:
    search_frame(visit).locator("input").first.press("Enter")


@pytest.mark.parametrize("device", SIZES)
def test_typing_korca_offers_korce_and_never_add(browser, server, device):
    size, touch = SIZES[device]
    visit = Visit(browser, server, viewport=size, touch=touch)
    try:
        page = visit.open("/?lang=sq")
        visit.wait_idle()
        frame = search_frame(visit)
        assert "Shkruani një emër ose kod" in frame.locator("body").inner_text(), "the placeholder is Albanian"
        for typed, name in (("korca", "Korçë"), ("fushe arrez", "Fushë-Arrëz"), ("dibra", "Dibër"), ("AL343", "Korçë")):
            options = offered(visit, typed, first=name)
            assert options[0] == name, (typed, options)
            assert not any("Add" in o or "Shto" in o for o in options)
        assert "Add:" not in page.inner_text("body")
        choose_first(visit)
        page.wait_for_url(re.compile(r"/profile\?m=AL343"), timeout=30_000)
    finally:
        visit.close()
