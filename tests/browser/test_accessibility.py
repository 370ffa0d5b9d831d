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


# Whether the focused element shows where the focus is (WCAG 2.4.7): an outline of 2 px or more on it or on a parent
# that marks a focus inside it, or a box shadow; in a frame (the search box, a map), the element focused in the frame.
FOCUS_SHOWN = """(() => {
  let e = document.activeElement;
  while (e && e.tagName === 'IFRAME' && e.contentDocument) e = e.contentDocument.activeElement;
  if (!e || e.tagName === 'BODY') return false;
  for (let x = e; x && x.tagName !== 'BODY'; x = x.parentElement) {
    const s = x.ownerDocument.defaultView.getComputedStyle(x);
    if ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none') return true;
  }
  return false;
})()"""


class Keys:
    """The keyboard, counting presses (a typed letter is one press); after each Tab the focus must show."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            self.page.wait_for_timeout(60)
            if key in ("Tab", "Shift+Tab"):
                assert self.page.evaluate(FOCUS_SHOWN), f"the focus is not shown on {self.focused()!r} (press {self.count + 1})"
            self.count += 1

    def tab_to(self, name, most: int, back: bool = False) -> None:
        """Tab (or Shift+Tab) until the focused element's name matches ``name`` (a string or a test), at most ``most`` presses."""
        match = name if callable(name) else (lambda text: text == name)
        start = self.count
        while not match(self.focused()):
            assert self.count - start < most, f"{name!r} not reached in {most} presses"
            self.press("Shift+Tab" if back else "Tab")

    def type(self, text: str) -> None:
        self.page.keyboard.type(text, delay=60)
        self.count += len(text)

    def focused(self) -> str:
        """The focused element's name; a frame (the municipality search box, the map) is named by its title."""
        return self.page.evaluate("(e => (e.tagName === 'IFRAME' ? e.title : e.getAttribute('aria-label') || e.innerText || '').trim())"
                                  "(document.activeElement)")


def wait_for_focused_option(search, text: str) -> None:
    """Wait until the search box offers ``text`` as the option it has focused (its input's aria-activedescendant), which
    Enter picks: the list before the typed letters reach the box has another first option under the same id."""
    search.wait_for_function("""text => { const box = document.querySelector('input[role="combobox"]');
        const option = box && document.getElementById(box.getAttribute('aria-activedescendant'));
        return !!option && option.innerText === text; }""", arg=text, timeout=30_000)


def test_from_the_map_a_keyboard_opens_korce_in_ten_presses(visit):
    """(Skipping the map in one step: test_a_journalist_downloads_the_maps_csv_by_keyboard_alone.)"""
    page = visit.open("/map?indicator=population&year=2011&lang=sq")
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
    wait_for_focused_option(search, "Korçë")
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
    switch and the table tab opened; in one language per viewport (every page in both languages: test_every_page.py)."""
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


@pytest.mark.parametrize("lang, skip, title, after, csv", [
    ("sq", "Kapërce hartën", "Harta sipas bashkive: Popullsia (census), 2011", "Klasifikimi", "CSV"),
    ("en", "Skip the map", "Map of Population (census) by municipality, 2011", "Classification", "CSV")])
def test_a_journalist_downloads_the_maps_csv_by_keyboard_alone(visit, lang, skip, title, after, csv):
    """Map of an indicator → its CSV: Tab to the skip link (no area of the map is reached before it), Enter past the
    map's 61 areas in one step (the focus lands on the text after the map, which says what it shows), Tab to the CSV
    button (the pickers first, never the map), Enter."""
    page = visit.open(f"/map?indicator=population&year=2011&lang={lang}")
    frame = visit.wait_for_map()
    visit.wait_idle()
    assert page.locator('iframe[src*="streamlit_folium"]').get_attribute("title").startswith(title)
    keys = Keys(page)
    while keys.focused() != skip and keys.count < 20:  # the skip link comes before the map's first area
        keys.press("Tab")
    assert frame.evaluate("document.activeElement.tagName") == "BODY", "no area of the map was reached before the link"
    keys.press("Enter")
    assert keys.focused().startswith(title), "the focus lands on the text after the map"
    keys.press("Tab")
    assert page.evaluate("document.activeElement.tagName") != "IFRAME" and keys.focused() == after
    while not keys.focused().endswith(csv) and keys.count < 60:  # the button's text is its icon's name, then "CSV"
        keys.press("Tab")
        assert page.evaluate("document.activeElement.tagName") != "IFRAME", "the focus never enters the map"
    with page.expect_download(timeout=30_000) as download:
        keys.press("Enter")
    assert download.value.suggested_filename == "population_2011.csv"
    assert keys.count <= 35  # 33 today: 8 Tabs to the link, Enter, 23 Tabs past the pickers, legend and tabs, Enter


STAFF = {"sq": {"search": "Hapni profilin e një bashkie", "title": "Bashkia Korçë", "compare": "Krahaso bashkinë Korçë me këto pesë",
                "pdf": "Profili në PDF (A4)", "compare_title": "Krahaso"},
         "en": {"search": "Open a municipality's profile", "title": "Municipality Korçë", "compare": "Compare Korçë with these five",
                "pdf": "Profile as PDF (A4)", "compare_title": "Compare"}}


def h1_is(page, text: str) -> None:
    page.wait_for_function("t => (document.querySelector('h1') || {}).innerText === t", arg=text, timeout=30_000)


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_municipal_staff_open_their_profile_print_it_and_compare_it_by_keyboard_alone(visit, lang):
    """Overview → their own profile through the search box → the profile as PDF → Compare with the five most similar
    municipalities; every Tab stop shows its focus, and no frame is a stop on the way (the locator map is none)."""
    words = STAFF[lang]
    page = visit.open(f"/?lang={lang}")
    search = page.wait_for_selector('iframe[src*="streamlit_searchbox"]', timeout=30_000).content_frame()
    search.wait_for_selector('input[role="combobox"]', timeout=30_000)
    visit.wait_idle()
    keys = Keys(page)
    keys.press("Tab")  # Streamlit's link past the menu
    keys.press("Enter")
    keys.tab_to(words["search"], most=4)
    keys.type("kor")
    wait_for_focused_option(search, "Korçë")
    keys.press("Enter")
    h1_is(page, words["title"])
    to_profile = keys.count

    visit.wait_idle()
    keys = Keys(page)
    keys.press("Tab")
    keys.press("Enter")
    keys.tab_to(lambda name: name.startswith(words["compare"]), most=60)
    to_compare_link = keys.count
    keys.tab_to(lambda name: name.endswith(words["pdf"]), most=10)
    with page.expect_download(timeout=60_000) as download:
        keys.press("Enter")
    assert download.value.suggested_filename == f"AL343_korce_{lang}.pdf"
    to_pdf = keys.count
    assert download.value.path().read_bytes().startswith(b"%PDF")

    keys = Keys(page)
    keys.tab_to(lambda name: name.startswith(words["compare"]), most=5, back=True)
    keys.press("Enter")
    h1_is(page, words["compare_title"])
    page.wait_for_url(re.compile(r"/compare\?m=AL343(%2C|,)"), timeout=30_000)
    print(f"\n[{lang}] staff key presses: overview → own profile {to_profile}; profile → PDF {to_pdf}; "
          f"profile → comparison {to_compare_link + 1}")
    assert to_profile <= 10 and to_pdf <= 60 and to_compare_link + 1 <= 60


PRESENTER = {"sq": {"menu": "Prezantimi", "steps": ["Çfarë arriti programi: rezultatet kryesore", "Çfarë raportoi programi: 2019 dhe 2021",
                                                      "24 bashkitë prioritare të LNB", "Ku jetojnë njerëzit: popullsia sipas censusit 2011",
                                                      "Zëri i grave: pjesëmarrja e grave në zgjedhjet vendore 2015, krahasuar me Shqipërinë"],
                    "leave": "Dil nga prezantimi", "skip": "Kapërce hartën", "png": "Harta PNG"},
             "en": {"menu": "Presentation", "steps": ["What the programme achieved: the headline results", "What the programme reported: 2019 and 2021",
                                                      "The 24 LNB priority municipalities", "Where people live: population at the 2011 census",
                                                      "Women's voice: women's turnout in the 2015 local elections, compared with Albania"],
                    "leave": "Leave the presentation", "skip": "Skip the map", "png": "Map PNG"}}


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_a_presenter_opens_the_story_steps_to_its_end_and_downloads_its_map_by_keyboard_alone(visit, lang):
    """Overview → Presentation in the menu → → through the five steps → Leave the presentation, which opens the last
    step's map → skip the map → its picture as PNG."""
    words = PRESENTER[lang]
    page = visit.open(f"/?lang={lang}")
    visit.wait_idle()
    keys = Keys(page)
    keys.tab_to(words["menu"], most=12)
    keys.press("Enter")
    h1_is(page, words["steps"][0])
    to_story = keys.count
    for number, title in enumerate(words["steps"][1:], start=2):
        visit.wait_idle()
        keys.press("ArrowRight")
        page.wait_for_function("n => new URLSearchParams(location.search).get('step') === n", arg=str(number), timeout=30_000)
        h1_is(page, title)
    to_end = keys.count - to_story
    visit.wait_idle()
    keys.tab_to(words["leave"], most=8)
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/map\?.*indicator=local_turnout"), timeout=30_000)
    visit.wait_for_map()
    visit.wait_idle()
    keys.tab_to(words["skip"], most=20)
    keys.press("Enter")
    keys.tab_to(lambda name: name.endswith(words["png"]), most=40)
    with page.expect_download(timeout=60_000) as download:
        keys.press("Enter")
    assert download.value.suggested_filename.endswith(".png")
    to_png = keys.count - to_story - to_end
    print(f"\n[{lang}] presenter key presses: overview → story {to_story}; through its 5 steps {to_end}; last step → map PNG {to_png}")
    assert to_story <= 12 and to_end == 4


@pytest.mark.parametrize("lang, size", [("sq", (390, 844)), ("en", (1366, 768))], ids=["sq-phone", "en-laptop"])
def test_after_a_caveat_or_table_opens_a_story_steps_and_the_language_switches_the_pages_stay_accessible(browser, server, lang, size):
    """axe (0 serious or critical) after the state changes a user makes besides the map page's: a folded caveat and a
    folded table opened, a story stepped by its key and its caveats opened, the language switched."""
    from playwright.sync_api import expect

    other = {"sq": "en", "en": "sq"}[lang]
    visit = Visit(browser, server, viewport=size, touch=size[0] < 500)
    check = lambda: visit.unchanged_while(lambda: serious_violations(visit.page))  # noqa: E731
    found = {}
    page = visit.open(f"/profile?m=AL343&lang={lang}")
    visit.wait_idle()
    caveat = page.locator("details", has=page.locator("summary", has_text="⚠")).first
    caveat.locator("summary").click()
    expect(caveat).to_have_attribute("open", "", timeout=15_000)
    found["profile caveat opened"] = check()

    page = visit.open(f"/trends?indicator=parl_turnout&m=AL343,AL345&lang={lang}")
    visit.wait_idle()
    expander = page.locator('[data-testid="stExpander"]', has_text={"sq": "Tabela", "en": "Table"}[lang]).first
    expander.locator("summary").click()
    expect(expander.locator('[data-testid="stDataFrame"]')).to_be_visible(timeout=15_000)
    found["trends table opened"] = check()

    page = visit.open(f"/present?present=1&story=steering_committee&step=4&lang={lang}")
    visit.wait_idle()
    visit.wait_for_clicker_keys()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("new URLSearchParams(location.search).get('step') === '5'", timeout=30_000)
    visit.wait_for_map()
    found["story stepped"] = check()
    page.get_by_role("button", name=re.compile("⚠")).first.click()
    expect(page.get_by_test_id("stPopoverBody")).to_be_visible(timeout=15_000)
    found["story caveats opened"] = check()

    page = visit.open(f"/profile?m=AL343&lang={lang}")
    visit.wait_idle()
    if size[0] < 500:  # on a phone the menu is folded away
        page.get_by_test_id("stExpandSidebarButton").click()
        expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "false", timeout=15_000)
        visit.wait_idle()  # the menu has slid in (it stays open on the next page: the switch comes last)
    page.locator('[data-testid="stSidebar"]').get_by_text({"sq": "English", "en": "Shqip"}[lang]).click()
    page.wait_for_function("l => document.documentElement.lang === l", arg=other, timeout=30_000)
    expect(page.locator("h1")).to_have_text({"sq": "Municipality Korçë", "en": "Bashkia Korçë"}[lang], timeout=30_000)
    found["language switched"] = check()
    assert found == {k: [] for k in found}
    visit.close()


# The pages test_every_page.py does not load in Albanian as they are here (it checks the others on its own loads)
REFLOW_PAGES = ["/map?indicator=population&year=2011", "/profile?county=AL-08", "/accessibility"]
CHARTS_DRAWN = "[...document.querySelectorAll('[data-testid=stVegaLiteChart]')].every(c => c.querySelector('svg, canvas'))"
# Each chart wider than its box: whether the keyboard can reach it to scroll it
CHART_SCROLLS = ("[...document.querySelectorAll('[data-testid=stVegaLiteChart]')].filter(c => c.scrollWidth > c.clientWidth + 1)"
                 ".map(c => c.tabIndex === 0)")
# How far the page (and Streamlit's main area, which scrolls on its own) reaches past the window's width
SIDEWAYS = ("(() => { const m = document.querySelector('[data-testid=stMain]');"
            " return Math.max(document.documentElement.scrollWidth - innerWidth, m.scrollWidth - m.clientWidth); })()")


def sideways_scrolling(visit: Visit, path: str, size: tuple[int, int]) -> dict:
    """How far the open page ``path`` scrolls sideways at ``size`` (the window narrowed to it first, as a zoom does:
    the page reflows where it is), and on the programme page whether the keyboard reaches its results chart."""
    page = visit.page
    if page.viewport_size != {"width": size[0], "height": size[1]}:
        page.set_viewport_size({"width": size[0], "height": size[1]})
    page.wait_for_function(CHARTS_DRAWN, timeout=30_000)  # a chart takes its width when it is drawn, after the run
    found = {path: visit.unchanged_while(lambda: page.evaluate(SIDEWAYS))}
    if path == "/programme":  # its results chart, a facet of a fixed 852 px, scrolls inside its own box: a Tab stop
        # the chart takes its full width a moment after it is drawn: wait for a chart that scrolls (30 s at most)
        page.wait_for_function(f"{CHART_SCROLLS}.length > 0", timeout=30_000)
        found["programme chart by keyboard"] = page.evaluate(CHART_SCROLLS)
    return found


@pytest.mark.parametrize("size", [(320, 640), (683, 384)], ids=["320px", "laptop-at-200%"])
def test_every_page_reflows_without_sideways_scrolling(browser, server, size):
    """WCAG 1.4.10: at 320 CSS px wide, and on a 1366×768 laptop zoomed to 200 % (683×384 CSS px), no page scrolls
    sideways (the data grid and a chart of fixed width scroll inside themselves, as WCAG allows for tables and
    diagrams, and the keyboard reaches them); the profile's table turns into cards. The other pages: test_every_page.py."""
    found = {}
    for path in REFLOW_PAGES:
        visit = Visit(browser, server, viewport=size, touch=size[0] < 500)
        visit.open(path, lang="sq")
        found.update(sideways_scrolling(visit, path, size))
        visit.close()
    print(f"\nsideways scrolling at {size}: {found}")
    assert found == dict.fromkeys(REFLOW_PAGES, 0)


# The targets a finger meets on the phone: folded caveats and tables, the app's own links beside the figures, checkboxes,
# tabs, buttons (not Streamlit's 16 px help marks and heading anchors, which stand apart from other targets, nor the
# × inside a picked place, listed in the statement).
TOUCH_TARGETS = """(() => [...document.querySelectorAll('summary, .lnb-similar a, .lnb-compare-link, .lnb-skip-map, '
    + '[data-testid=stCheckbox] label, [role=tab], [data-testid=stDownloadButton] button, [data-testid=stButton] button')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1 && r.right > 0 && r.left < innerWidth; })
  .filter(e => { const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
  .map(e => { const r = e.getBoundingClientRect();
              return `${(e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`; }))()"""


def test_on_a_phone_every_target_is_at_least_24_px(browser, server):
    """WCAG 2.5.8 on a 390×844 phone: the caveats folded in the profile's table were 16 px high, the links to similar
    municipalities 18, the checkboxes beside the map and the trends 21. The profile, Compare and the programme:
    test_every_page.py, on its Albanian phone loads."""
    found = {}
    for path in ["/map?indicator=population&year=2011", "/trends?indicator=parl_turnout&m=AL343,AL345"]:
        visit = Visit(browser, server, viewport=(390, 844), touch=True)
        page = visit.open(path + "&lang=sq" if "?" in path else path + "?lang=sq")
        found[path] = visit.unchanged_while(lambda page=page: page.evaluate(TOUCH_TARGETS))
        visit.close()
    assert found == {p: [] for p in found}
