"""Screens people present and embed on: every presentation step fits without scrolling; an embed keeps its source in view."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

OVERFLOW = "(() => { const m = document.querySelector('[data-testid=stMain]'); return m.scrollHeight - m.clientHeight; })()"


# Every element that scrolls inside itself by more than a few pixels (the page, a side column …), and where the slide's
# parts end: the title, the figure (map frame, chart, figures, table), the legend and the whole source line.
SLIDE = r"""(() => {
  const scrolling = [...document.querySelectorAll('*')].filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)
      && e.scrollHeight - e.clientHeight > 10 && e.getBoundingClientRect().height > 0).map((e) => e.dataset.testid || e.className);
  const bottom = (selector) => Math.max(-1, ...[...document.querySelectorAll(selector)].filter((e) => e.getBoundingClientRect().height > 0)
      .map((e) => e.getBoundingClientRect().bottom));
  const source = [...document.querySelectorAll('[data-testid=stCaptionContainer]')].filter((e) => /Licen/.test(e.innerText));
  const px = (selector) => { const e = document.querySelector(selector); return e ? parseFloat(getComputedStyle(e).fontSize) : null; };
  return {scrolling, height: innerHeight, title: bottom('h1'), legend: bottom('.lnb-legend'),
          figure: bottom('iframe[src*="streamlit_folium.st_folium"], .vega-embed, .lnb-figures, .lnb-pairs, .lnb-table, table'),
          source: source.length ? Math.max(...source.map((e) => e.getBoundingClientRect().bottom)) : null,
          sourcePx: source.length ? parseFloat(getComputedStyle(source[0].querySelector('p')).fontSize) : null,
          legendPx: px('.lnb-legend li'), files: /[a-z_]+\.(csv|yml|yaml|py)\b/.test(document.querySelector('[data-testid=stMain]').innerText)};
})()"""
STORIES = {"steering_committee": 5, "every_view": 6}  # the shipped stories and their number of steps


SIZES = [(1280, 720), (1920, 1080), (1400, 900)]


@pytest.mark.parametrize("story", STORIES)
def test_every_presentation_step_fits_the_screen(browser, server, story):
    """Both shipped stories, so a county map, county and municipal trends, a comparison and both profiles too; each
    step at a laptop's size, then on the projector, then another laptop, as a presenter moves the window between them,
    then on to the next step by the clicker's key (one page load per story)."""
    visit = Visit(browser, server, viewport=SIZES[0])
    page = visit.open(f"/present?present=1&story={story}&step=1&lang=sq")
    visit.wait_idle()
    for step in range(1, STORIES[story] + 1):
        if step > 1:
            visit.wait_for_clicker_keys()
            page.keyboard.press("PageDown")
            page.wait_for_function(f"new URLSearchParams(location.search).get('step') === '{step}'", timeout=30_000)
            page.wait_for_function(f"document.querySelector('.lnb-slide-done[data-step=\"{step}\"]')", timeout=60_000)
            visit.wait_idle()
        for size in SIZES:
            where = f"{story} step {step} at {size}"
            page.set_viewport_size({"width": size[0], "height": size[1]})
            visit.wait_stable()
            if page.locator('iframe[src*="streamlit_folium.st_folium"]').count():
                page.wait_for_function("[...document.querySelectorAll('iframe')].some((f) => f.contentDocument?.querySelector('.leaflet-container'))",
                                       timeout=60_000)
            page.wait_for_function(f"{SLIDE}.figure > 0", timeout=60_000)  # the figure drawn (a chart is drawn after its frame)
            page.wait_for_timeout(500)
            slide = page.evaluate(SLIDE)
            assert page.evaluate(OVERFLOW) <= 10 and not slide["scrolling"], f"{where} scrolls: {slide['scrolling']}"
            assert 0 < slide["title"] <= slide["height"] and 0 < slide["figure"] <= slide["height"] + 2, f"{where}: {slide}"
            assert slide["source"] is not None and slide["source"] <= slide["height"], f"{where}: the source line is out of view"
            assert slide["legend"] <= slide["height"], f"{where}: the legend is out of view"
            assert not slide["files"], f"{where} shows an internal file name"
            if size == (1920, 1080):
                assert slide["sourcePx"] >= 18 and (slide["legendPx"] is None or slide["legendPx"] >= 18), f"{where}: {slide}"
            assert page.get_by_role("button", name="Para").count() == 1, "one arrow on the buttons, from the shortcut"
    visit.close()


def test_on_a_presented_map_a_step_change_clears_the_old_figure_the_map_keeps_its_arrow_keys_and_a_clickers_keys_step(browser, server):
    """One load of the story's first map (step 3), three things a presenter relies on there: on a slow network the next
    figure takes seconds, and the old one must not stand under the new title meanwhile (either way); a map reached with
    the keyboard keeps its arrow keys while a clicker's key still steps; after a click on the map the keys still step."""
    visit = Visit(browser, server, viewport=(1400, 900))
    page = visit.open("/present?present=1&story=steering_committee&step=3&lang=en")
    visit.wait_for_map()
    visit.wait_idle()
    visit.wait_for_clicker_keys()
    old = page.locator("h1").first.inner_text()
    legend = page.locator(".lnb-legend").first.inner_text()
    page.evaluate("""([old, legend]) => {
      window.__oldUnderNew = false;
      const look = () => {
        const h = document.querySelector('h1');
        const legends = [...document.querySelectorAll('.lnb-legend')].filter((e) => getComputedStyle(e).visibility === 'visible')
          .map((e) => e.innerText);
        if (h && h.innerText !== old && legends.includes(legend)) window.__oldUnderNew = true;
      };
      window.__oldUnderNewWatch = new MutationObserver(look);
      window.__oldUnderNewWatch.observe(document.body, {subtree: true, childList: true, characterData: true});
    }""", [old, legend])
    page.keyboard.press("PageDown")
    page.wait_for_function("new URLSearchParams(location.search).get('step') === '4'", timeout=30_000)
    visit.wait_idle()
    page.wait_for_function("document.querySelector('.lnb-slide-done[data-step=\"4\"]')", timeout=30_000)
    assert page.locator("h1").first.inner_text() != old
    assert page.evaluate("window.__oldUnderNew") is False
    expect(page.locator(".st-key-lnb-slide")).to_be_visible(timeout=15_000)  # and the new slide shows once drawn
    page.keyboard.press("PageUp")  # and back: the same holds the other way
    page.wait_for_function("document.querySelector('.lnb-slide-done[data-step=\"3\"]')", timeout=30_000)
    visit.wait_idle()
    assert page.locator("h1").first.inner_text() == old
    page.evaluate("window.__oldUnderNewWatch.disconnect()")

    # back on step 3: Tab to the map as a keyboard user reaches it; its arrow keys move the map, not the story
    frame = visit.wait_for_map()
    page.locator("h1").first.click()
    for _ in range(40):  # Tab through the page until the map has the focus, as a keyboard user reaches it
        page.keyboard.press("Tab")
        if frame.evaluate("document.activeElement && document.activeElement.classList.contains('leaflet-container')"):
            break
    else:
        pytest.fail("Tab never reached the map")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(1500)
    assert "step=3" in page.url
    page.keyboard.press("PageDown")  # a clicker's key still steps
    page.wait_for_function("new URLSearchParams(location.search).get('step') === '4'", timeout=30_000)
    visit.wait_idle()

    # and back on step 3 once more: a click on the map, then every clicker key
    page.keyboard.press("PageUp")
    page.wait_for_function("document.querySelector('.lnb-slide-done[data-step=\"3\"]')", timeout=30_000)
    visit.wait_idle()
    frame = visit.wait_for_map()
    frame.locator(".leaflet-container").click(position={"x": 40, "y": 300})  # on the map, not on an area
    for key, step in (("PageDown", "4"), ("PageUp", "3"), ("Space", "4"), ("Shift+Space", "3"), ("ArrowRight", "4"), ("ArrowLeft", "3"),
                      ("End", "5"), ("Home", "1"), ("ArrowDown", "2")):
        page.keyboard.press(key)
        page.wait_for_function(f"new URLSearchParams(location.search).get('step') === '{step}'", timeout=30_000)
        visit.wait_idle(settle_ms=300)
        if key == "Home":
            page.locator("h1").first.click()  # a click elsewhere: the keys still work
    assert page.locator("h1").first.inner_text() == "What the programme reported: 2019 and 2021"
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
