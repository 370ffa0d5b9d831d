"""A link asking for a year, breakdown or level without data says so in a real browser, links what exists, and the
address then names what is shown (issue 21: no silent substitution)."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("link, notice, shown, option, opened", [
    ("indicator=population&year=2019&lang=en", "No data for 2019; showing 2023.", "indicator=population&year=2023&lang=en", "2011",
     "year=2011"),
    ("indicator=population&breakdown=women&lang=sq", "Nuk ka të dhëna për ndarjen „women”; po tregohet ndarja „Gjithsej”.",
     "indicator=population&year=2023&lang=sq", "Gra", "breakdown=female"),
    ("indicator=population&level=former_unit&lang=en", "No data at the level “Former units (before 2015)”; showing “Municipalities”.",
     "indicator=population&year=2023&lang=en", "Counties", "level=county"),
], ids=["year", "breakdown", "level"])
def test_a_link_without_data_shows_a_notice_with_links_and_an_honest_address(visit, link, notice, shown, option, opened):
    page = visit.open(f"/map?{link}")
    page.get_by_text(notice).wait_for(timeout=60_000)
    visit.wait_idle()
    assert page.url.endswith(f"/map?{shown}"), "the address says what is shown"
    page.get_by_role("link", name=option, exact=True).click()
    page.wait_for_function("part => location.search.includes(part)", arg=opened, timeout=60_000)
    visit.wait_idle()
    assert page.get_by_text(notice).count() == 0, "the page opened from a notice's link shows what it names"
    assert visit.blocked == [] and visit.real_console_errors() == []
