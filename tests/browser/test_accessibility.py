"""Accessibility by keyboard and screen reader in a real browser: the page's declared language, skipping the map,
each role's task by keys alone."""

import pytest

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
        return self.page.evaluate("(document.activeElement.getAttribute('aria-label') || document.activeElement.innerText || '').trim()")


def test_from_the_map_a_keyboard_skips_the_map_in_one_step_and_opens_korce_in_ten_presses(visit):
    page = visit.open("/map?indicator=population&year=2011&lang=sq")
    frame = visit.wait_for_map()
    visit.wait_idle()
    assert page.locator("iframe").first.get_attribute("title").startswith("Hartë e Popullsia (census) sipas bashkive, 2011")
    keys = Keys(page)
    while keys.focused() != "Kapërce hartën" and keys.count < 20:  # the skip link comes before the map's first area
        keys.press("Tab")
    assert frame.evaluate("document.activeElement.tagName") == "BODY", "no area of the map was reached before the link"
    keys.press("Enter")
    assert keys.focused().startswith("Hartë e Popullsia (census) sipas bashkive, 2011"), "the focus lands on the text after the map"
    keys.press("Tab")
    assert page.evaluate("document.activeElement.tagName") != "IFRAME" and keys.focused() == "Klasifikimi"

    page.reload()
    visit.wait_for_map()
    visit.wait_idle()
    keys = Keys(page)
    keys.press("Tab")  # Streamlit's link past the menu
    keys.press("Enter")
    keys.press("Tab")
    assert keys.focused() == "Hapni profilin e një bashkie"
    keys.type("kor")
    keys.press("ArrowDown")  # past "Add: kor" to the first municipality that matches
    keys.press("Enter")
    page.wait_for_function("(document.querySelector('h1') || {}).innerText === 'Bashkia Korçë'", timeout=30_000)
    assert keys.count <= 10
