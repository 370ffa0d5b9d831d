"""Accessibility by keyboard and screen reader in a real browser: the page's declared language, skipping the map,
each role's task by keys alone."""

import re

import pytest

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser


def test_the_declared_language_follows_a_switch(visit):
    page = visit.open("/profile?m=AL343&lang=sq")
    visit.wait_idle()
    assert page.evaluate("document.documentElement.lang") == "sq"
    page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
    page.wait_for_function("(document.querySelector('h1') || {}).innerText === 'Municipality Korçë'", timeout=30_000)
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator('[data-testid="stSidebar"]').get_by_text("Shqip").click()
    page.wait_for_function("document.documentElement.lang === 'sq'", timeout=30_000)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Harta").click()
    page.wait_for_function("(document.querySelector('h1') || {}).innerText === 'Harta'", timeout=30_000)
    assert page.evaluate("document.documentElement.lang") == "sq"


class Keys:
    """The keyboard, counting presses (a typed letter is one press)."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            self.page.wait_for_timeout(60)
        self.count += times

    def type(self, text: str) -> None:
        self.page.keyboard.type(text, delay=60)
        self.count += len(text)

    def focused(self) -> str:
        """The focused element's name; a frame (the municipality search box, the map) is named by its title."""
        return self.page.evaluate("(e => (e.tagName === 'IFRAME' ? e.title : e.getAttribute('aria-label') || e.innerText || '').trim())"
                                  "(document.activeElement)")


def test_from_the_map_a_keyboard_skips_the_map_in_one_step_and_opens_korce_in_ten_presses(visit):
    page = visit.open("/map?indicator=population&year=2011&lang=sq")
    frame = visit.wait_for_map()
    visit.wait_idle()
    assert page.locator('iframe[src*="streamlit_folium"]').get_attribute("title").startswith("Harta sipas bashkive: Popullsia (census), 2011")
    keys = Keys(page)
    while keys.focused() != "Kapërce hartën" and keys.count < 20:  # the skip link comes before the map's first area
        keys.press("Tab")
    assert frame.evaluate("document.activeElement.tagName") == "BODY", "no area of the map was reached before the link"
    keys.press("Enter")
    assert keys.focused().startswith("Harta sipas bashkive: Popullsia (census), 2011"), "the focus lands on the text after the map"
    keys.press("Tab")
    assert page.evaluate("document.activeElement.tagName") != "IFRAME" and keys.focused() == "Klasifikimi"

    page.reload()
    visit.wait_for_map()
    visit.wait_idle()
    # the search box, in its own frame, is drawn once the map is
    search = page.wait_for_selector('iframe[src*="streamlit_searchbox"]', timeout=30_000).content_frame()
    search.wait_for_selector('input[role="combobox"]', timeout=30_000)
    keys = Keys(page)
    keys.press("Tab")  # Streamlit's link past the menu
    keys.press("Enter")
    keys.press("Tab")
    assert keys.focused() == "Hapni profilin e një bashkie"
    assert search.evaluate("document.activeElement.getAttribute('role')") == "combobox", "the typing goes into the search box"
    keys.type("kor")
    # the places "kor" names, once the box has them (until then it lists all 61 from Belsh): the first is focused, Enter opens it
    search.locator('[id*="-option-"]', has_text=re.compile(r"^Korçë$")).first.wait_for(timeout=30_000)
    keys.press("Enter")
    page.wait_for_function("(document.querySelector('h1') || {}).innerText === 'Bashkia Korçë'", timeout=30_000)
    assert keys.count <= 10


def serious_violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe  # axe-core ships inside the package: nothing is fetched

    results = Axe().run(page)
    return [(v["id"], [n["html"][:160] for n in v["nodes"]]) for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang, size", [("sq", (390, 844)), ("en", (1366, 768))], ids=["sq-phone", "en-laptop"])
def test_after_each_change_a_user_makes_the_map_page_stays_accessible_and_says_its_new_title(browser, server, lang, size):
    """axe after the map has drawn, after an indicator switch (its new title said in a polite live region), a level
    switch and the table tab opened; in one language per viewport (every page in both languages: test_browser.py)."""
    words = {"sq": ("Treguesi", "Niveli", "Qark", "Tabela"), "en": ("Indicator", "Level", "County", "Table")}[lang]
    visit = Visit(browser, server, viewport=size, touch=size[0] < 500)
    page = visit.open(f"/map?indicator=population&year=2011&lang={lang}")
    visit.wait_for_map()
    visit.wait_idle()
    found = {"first paint": serious_violations(page)}
    page.get_by_role("combobox", name=words[0]).click()
    page.keyboard.type("Pjesëmarrja në zgjedhjet parlamentare" if lang == "sq" else "Turnout, parliamentary")
    page.keyboard.press("Enter")
    page.wait_for_function("(document.getElementById('lnb-live') || {}).textContent"
                           " && document.getElementById('lnb-live').textContent.endsWith(document.querySelector('h2').innerText)"
                           " && document.querySelector('h2').innerText.includes('%s')" % ("Pjesëmarrja" if lang == "sq" else "Turnout"),
                           timeout=30_000)
    visit.wait_idle()
    assert page.get_attribute("#lnb-live", "aria-live") == "polite"
    found["indicator switch"] = serious_violations(page)
    page.get_by_role("combobox", name=words[1]).click()
    page.keyboard.type(words[2])
    page.keyboard.press("Enter")
    visit.wait_idle()
    visit.wait_for_map(polygons=12)
    found["level switch"] = serious_violations(page)
    page.get_by_role("tab", name=words[3]).click()
    visit.wait_idle()
    found["table tab"] = serious_violations(page)
    assert found == {k: [] for k in found}
    visit.close()


@pytest.mark.parametrize("lang, skip, csv", [("sq", "Kapërce hartën", "CSV"), ("en", "Skip the map", "CSV")])
def test_a_journalist_downloads_the_maps_csv_by_keyboard_alone(visit, lang, skip, csv):
    """Map of an indicator → its CSV: Tab to the skip link, Enter past the map's 61 areas, Tab to the CSV button, Enter."""
    page = visit.open(f"/map?indicator=population&year=2011&lang={lang}")
    visit.wait_for_map()
    visit.wait_idle()
    keys = Keys(page)
    while keys.focused() != skip and keys.count < 20:
        keys.press("Tab")
    keys.press("Enter")
    while not keys.focused().endswith(csv) and keys.count < 60:  # the button's text is its icon's name, then "CSV"
        keys.press("Tab")
        assert page.evaluate("document.activeElement.tagName") != "IFRAME", "the focus never enters the map"
    with page.expect_download(timeout=30_000) as download:
        keys.press("Enter")
    assert download.value.suggested_filename == "population_2011.csv"
    assert keys.count <= 35  # 33 today: 8 Tabs to the link, Enter, 23 Tabs past the pickers, legend and tabs, Enter
