"""The HTML deck opened from disk with no network: maps drawn, steps moved with a clicker's keys, every slide in view."""

import pytest
from playwright.sync_api import expect

from lnb_dash import config
from lnb_dash.render import deck, deck_html

pytestmark = pytest.mark.browser

VISIBLE = ".slide:not([hidden])"
AREAS = f"{VISIBLE} path.leaflet-interactive"
# Whatever scrolls inside itself, and where the visible slide's title, figure and source line end.
FIT = """(() => {
  const slide = document.querySelector('.slide:not([hidden])');
  const scrolling = [...document.querySelectorAll('*')].filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)
      && e.scrollHeight - e.clientHeight > 2 && e.getBoundingClientRect().height > 0).map((e) => e.className);
  const bottom = (selector) => Math.max(-1, ...[...slide.querySelectorAll(selector)].map((e) => e.getBoundingClientRect().bottom));
  return {scrolling, page: document.documentElement.scrollHeight - innerHeight, height: innerHeight, title: bottom('h1'),
          figure: bottom('.map, .chart svg'), source: bottom('.source'), sourcePx: parseFloat(getComputedStyle(slide.querySelector('.source')).fontSize)};
})()"""


@pytest.fixture(scope="module")
def decks(con, tmp_path_factory):
    folder = tmp_path_factory.mktemp("decks")
    out = {}
    for story_id, lang in (("steering_committee", "sq"), ("every_view", "en")):
        story = deck.load_story(con, config.DATA_DIR / "stories", story_id)
        path = folder / deck.file_name(story_id, lang, "html")
        path.write_text(deck_html.build_html(deck.build_slides(con, story, lang), story.title[lang], lang), encoding="utf-8")
        out[story_id] = (path, len(story.steps))
    return out


class Offline:
    """A page that may load file:// and nothing else: every other request is aborted and recorded."""

    def __init__(self, browser, path, viewport=(1920, 1080), bypass_csp=False):
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, bypass_csp=bypass_csp)
        self.blocked, self.failed, self.errors = [], [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("requestfailed", lambda request: self.failed.append(request.url))
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def at(self, number: int) -> None:
        expect(self.page.locator(f"#step-{number}")).to_be_visible(timeout=15_000)
        expect(self.page.locator(VISIBLE)).to_have_count(1, timeout=15_000)

    def close(self):
        self.context.close()


def test_the_deck_draws_its_maps_and_steps_with_the_clicker_keys_offline(browser, decks):
    path, n = decks["steering_committee"]
    deck_page = Offline(browser, path)
    page = deck_page.page
    try:
        deck_page.at(1)
        expect(page.locator(f"{VISIBLE} svg").first).to_be_visible(timeout=15_000)  # the headline results, drawn as SVG
        expect(page.locator(f"{VISIBLE} h1")).to_have_text("Çfarë arriti programi: rezultatet kryesore")
        expect(page.locator(f"{VISIBLE} .source")).to_contain_text("Burimi: OKB Shqipëri")
        page.keyboard.press("PageDown")
        deck_page.at(2)
        page.keyboard.press("Space")
        deck_page.at(3)
        expect(page.locator(AREAS)).to_have_count(61, timeout=15_000)  # the priority map: every municipality drawn
        page.keyboard.press("ArrowRight")
        deck_page.at(4)
        expect(page.locator(AREAS)).to_have_count(61, timeout=15_000)
        page.locator(f"{VISIBLE} .map").hover()  # the middle of Albania
        expect(page.locator(".leaflet-tooltip")).to_contain_text("Popullsia", timeout=15_000)  # the tooltip names the value
        page.locator(f"{VISIBLE} .map").click()  # after a click on the map the keys still step
        page.keyboard.press("PageDown")
        deck_page.at(5)
        expect(page.locator(f"{VISIBLE} .lnb-legend")).to_contain_text("Pjesëmarrja në zgjedhjet vendore – Gra (%)")
        page.keyboard.press("PageUp")
        deck_page.at(4)
        page.keyboard.press("Shift+Space")
        deck_page.at(3)
        page.keyboard.press("ArrowLeft")
        deck_page.at(2)
        page.keyboard.press("End")
        deck_page.at(n)
        page.keyboard.press("PageDown")  # past the last step: stays there
        deck_page.at(n)
        page.keyboard.press("Home")
        deck_page.at(1)
        page.wait_for_function("location.hash === '#step-1'")
        assert deck_page.blocked == [] and deck_page.failed == [] and deck_page.errors == []
    finally:
        deck_page.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_step_of_every_view_fits_the_screen(browser, decks, size):
    path, n = decks["every_view"]
    deck_page = Offline(browser, path, size)
    page = deck_page.page
    try:
        for number in range(1, n + 1):
            deck_page.at(number)
            if page.locator(f"{VISIBLE} .map").count():
                expect(page.locator(f"{VISIBLE} .map path:not([d='M0 0'])").first).to_be_visible(timeout=15_000)  # a still map's too
            fit = page.evaluate(FIT)
            assert fit["scrolling"] == [] and fit["page"] <= 0, (number, fit)
            assert 0 < fit["title"] < fit["figure"] <= fit["source"] <= fit["height"], (number, fit)
            if size == (1920, 1080):
                assert fit["sourcePx"] >= 18, (number, fit)
            page.keyboard.press("ArrowDown")
        assert deck_page.blocked == [] and deck_page.failed == [] and deck_page.errors == []
    finally:
        deck_page.close()


@pytest.mark.parametrize("story_id", ["steering_committee", "every_view"])
def test_every_step_of_the_deck_has_no_accessibility_violations(browser, decks, story_id):
    from axe_playwright_python.sync_playwright import Axe  # axe-core ships inside the package: nothing is fetched

    path, n = decks[story_id]
    deck_page = Offline(browser, path, (1400, 900), bypass_csp=True)  # the file's own policy would refuse axe's script
    try:
        for number in range(1, n + 1):
            deck_page.at(number)
            violations = [(v["id"], v["impact"], len(v["nodes"])) for v in Axe().run(deck_page.page).response["violations"]]
            assert violations == [], (number, violations)
            deck_page.page.keyboard.press("PageDown")
    finally:
        deck_page.close()


def test_the_presentation_page_downloads_the_story_as_both_decks(visit, tmp_path):
    from pptx import Presentation

    page = visit.open("/present?present=1&story=steering_committee&lang=sq")
    visit.wait_idle()
    saved = {}
    for label, suffix in (("Sllajdet (PowerPoint)", "pptx"), ("Sllajdet për t'u paraqitur pa internet (HTML)", "html")):
        page.get_by_role("button", name="Sllajdet", exact=True).click()
        button = page.get_by_role("button", name=label)
        expect(button).to_be_visible(timeout=15_000)
        with page.expect_download(timeout=120_000) as download:  # the deck is made when asked for
            button.click()
        assert download.value.suggested_filename == f"steering_committee_sq.{suffix}"
        saved[suffix] = tmp_path / download.value.suggested_filename
        download.value.save_as(saved[suffix])
        page.keyboard.press("Escape")
    assert len(Presentation(saved["pptx"]).slides) == 5
    assert saved["html"].read_text(encoding="utf-8").count("<section class='slide'") == 5
    assert visit.blocked == []
