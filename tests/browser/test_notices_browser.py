"""A link asking for a year, breakdown or level without data says so in a real browser, links what exists, and the
address then names what is shown (issue 21: no silent substitution)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def follow_the_notices_link(visit, page, notice: str, option: str, opened: str) -> None:
    """The notice's link to what exists opens it, and that page shows what it names (no notice), offline and clean."""
    page.get_by_role("link", name=option, exact=True).click()
    page.wait_for_function("part => location.search.includes(part)", arg=opened, timeout=60_000)
    visit.wait_idle()
    expect(page.get_by_text(notice)).to_have_count(0, timeout=15_000)
    assert visit.blocked == [] and visit.real_console_errors() == []


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
    page.wait_for_function("shown => location.pathname + location.search === shown", arg=f"/map?{shown}", timeout=15_000)
    follow_the_notices_link(visit, page, notice, option, opened)


@pytest.mark.parametrize("link, notice, shown, option, opened", [
    ("indicator=parl_voters&breakdown=women&lang=en", "No data for the breakdown “women”; showing “Total”.",
     "indicator=parl_voters&lang=en", "Women", "breakdown=female"),
    ("indicator=parl_voters&level=county&breakdown=female&lang=sq", "Nuk ka të dhëna për ndarjen „Gra”; po tregohet ndarja „Gjithsej”.",
     "indicator=parl_voters&level=county&lang=sq", "Gra", "breakdown=female"),
    ("indicator=population_1jan&level=municipality&lang=en", "No data at the level “Municipalities”; showing “Counties”.",
     "indicator=population_1jan&level=county&lang=en", "Counties", "level=county"),
], ids=["municipal-breakdown", "county-breakdown", "county-level"])
def test_a_trends_link_without_a_series_shows_a_notice_with_links_and_an_honest_address(visit, link, notice, shown, option, opened):
    page = visit.open(f"/trends?{link}")
    page.get_by_text(notice).wait_for(timeout=60_000)
    visit.wait_idle()
    page.wait_for_function("parts => parts.every(p => location.search.includes(p))", arg=shown.split("&"), timeout=15_000)
    assert "breakdown" not in page.url, "the address names what is shown: the total"
    follow_the_notices_link(visit, page, notice, option, opened)


@pytest.mark.parametrize("link, notice, shown", [
    ("/map?indicator=population&year=2019&embed=true&lang=en", "No data for 2019; showing 2023.", "year=2023"),
    ("/trends?indicator=parl_voters&breakdown=women&embed=true&lang=sq", "Nuk ka të dhëna për ndarjen „women”; po tregohet ndarja „Gjithsej”.",
     "indicator=parl_voters"),
], ids=["map", "trends"])
def test_an_embed_of_a_link_without_data_says_what_it_shows_instead(visit, link, notice, shown):
    page = visit.open(link)
    page.get_by_text(notice).wait_for(timeout=60_000)
    page.wait_for_function("part => location.search.includes(part) && location.search.includes('embed=true')", arg=shown, timeout=15_000)
    assert "year=2019" not in page.url and "breakdown=women" not in page.url, "the frame's address says what is shown"
    assert visit.blocked == [] and visit.real_console_errors() == []
