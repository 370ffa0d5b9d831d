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
