"""Albanian pages carry no English: none of the English catalog's sentences, none of the sources' English texts.

Streamlit's own accessibility labels ("Skip to main content", "Link to heading") and texts its front end hard-codes
("No results") cannot be set from the app and are not checked.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit
from tests.i18n.test_catalog import english_sentences

pytestmark = pytest.mark.browser

# The Albanian pages test_every_page.py does not load at a laptop's size (it checks /data, / and /programme there);
# the map of women's turnout: its own test below.
ALBANIAN_PAGES = ["/profile?m=AL221"]


def page_text(visit: Visit) -> str:
    """The open page's text, in its frames too, with every folded caveat and source opened (they count too)."""
    page = visit.page
    for summary in page.query_selector_all("details summary"):
        summary.click()
    page.wait_for_timeout(500)
    texts = [page.inner_text("body")] + [f.inner_text("body") for f in page.frames[1:] if f.url.startswith("http")]
    return "\n".join(texts)


def english_leaks(visit: Visit, con) -> list[str]:
    """The English catalog's sentences and the sources' English texts on the open page."""
    text = page_text(visit)
    return sorted(s for s in english_sentences(con) if s in text)


@pytest.mark.parametrize("path", ALBANIAN_PAGES)
def test_an_albanian_page_has_no_english_sentence(visit, con, path):
    visit.open(path, lang="sq")
    visit.wait_idle()
    assert english_leaks(visit, con) == []


def test_switching_to_albanian_relabels_every_picker_at_once(visit):
    page = visit.open("/map?indicator=population&year=2011&lang=en")
    visit.wait_idle()
    page.get_by_text("Shqip", exact=True).click()
    visit.wait_idle()
    # The front end redraws a relabelled picker a moment after the run ends: wait for it (up to 15 s), never forever.
    expect(page.locator('[data-testid="stSelectbox"] input[aria-label="Treguesi"]')).to_have_value("Demografia · Popullsia (census)", timeout=15_000)
    expect(page.locator('[data-testid="stSelectbox"] input[aria-label="Klasifikimi"]')).to_have_value("Kuantile", timeout=15_000)


@pytest.mark.parametrize("lang, women, caveat", [("sq", "Gra", "Gratë + burrat nuk japin totalin në 20 nga 61 bashki"),
                                                 ("en", "Women", "Women + men do not add up to the total in 20 of 61 municipalities")])
def test_the_womens_turnout_map_names_women_in_its_title_legend_and_downloads_beside_the_sex_split_caveat(visit, con, tmp_path, lang, women, caveat):
    """A breakdown travels with the view: the title, the legend and both downloads say it, under a file name of its own;
    the 2015 sex split's caveat stands beside the map; in Albanian, no English sentence on the page."""
    import openpyxl
    import pandas as pd

    page = visit.open(f"/map?indicator=local_turnout&year=2015&breakdown=female&lang={lang}")
    visit.wait_for_map()
    visit.wait_idle()
    assert caveat in page.inner_text("body")
    assert f"– {women}" in page.locator("h2").first.inner_text()
    assert f"– {women}" in page.locator(".lnb-legend").first.inner_text()
    files = {}
    for label, suffix in (("CSV", "csv"), ("Excel", "xlsx")):
        with page.expect_download(timeout=30_000) as download:
            page.get_by_role("button", name=label, exact=True).first.click()
        files[suffix] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[suffix])
    assert sorted(p.name for p in files.values()) == ["local_turnout_female_2015.csv", "local_turnout_female_2015.xlsx"]
    csv = pd.read_csv(files["csv"], encoding="utf-8-sig")
    sheet = pd.DataFrame(openpyxl.load_workbook(files["xlsx"]).active.values)
    sheet = sheet.rename(columns=sheet.iloc[0]).iloc[1:]
    for table in (csv, sheet):
        assert set(table["breakdown"]) == {"female"} and set(table["breakdown_name"]) == {women}
        assert table["value"].notna().any()
    if lang == "sq":  # opens the folded caveats and sources: last
        assert english_leaks(visit, con) == []
