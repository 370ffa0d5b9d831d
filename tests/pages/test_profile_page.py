"""The profile page: a spine row per indicator, five similar municipalities and a link to compare them, in both languages."""

import re

import pytest

from tests.pages.helpers import open_page, texts


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    yield


def _html(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


@pytest.fixture(scope="module")
def kamez_en(app_db):
    return open_page("profile", m="AL221", lang="en")


def test_kamez_shows_a_spine_row_per_indicator(kamez_en):
    html = _html(kamez_en)
    body = html.split('<table class="lnb-spine">')[1]
    assert body.count('<th scope="row" ') == 14
    assert re.search(r"\d+(st|nd|rd|th) highest of (52|61)", html) and "lowest of 61" in html
    assert "+1.1 points compared with Albania" in html and "% of the national total" in html
    assert not kamez_en.dataframe, "no wide table as the main view"


def test_kamez_shows_five_similar_municipalities_and_one_link_to_compare_them(kamez_en):
    html = _html(kamez_en)
    similar = html.split('<ul class="lnb-similar">')[1].split("</ul>")[0]
    assert similar.count("<li>") == 5 and "Durrës" in similar and "Distance: 1.99" in similar
    link = re.search(r'class="lnb-compare-link" href="([^"]+)"', html).group(1)
    assert link == "/compare?m=AL221,AL121,AL224,AL323,AL225,AL213&amp;lang=en"


def test_the_method_is_stated_on_the_profile(kamez_en):
    text = texts(kamez_en)
    assert [s.value for s in kamez_en.subheader] == ["How similarity is measured"]
    assert "population at the 2011 census" in text and "weight 0.5" in text


def test_profile_in_albanian_says_ranks_and_points_in_albanian():
    at = open_page("profile", m="AL343", lang="sq")
    html = _html(at)
    assert "e 7-ta më e ulët nga 61" in html and "−6,3 pikë përqindjeje ndaj Shqipërisë" in html
    assert "Bashki të ngjashme" in texts(at) and "Largësia: 0,22" in html and "Pogradec" in html


@pytest.mark.parametrize("params, warning", [
    ({"m": "AL221", "indicator": "local_turnout", "year": "2015", "lang": "sq"},
     "Kjo faqe nuk ka zgjedhje për „indicator=local_turnout, year=2015”; tregon çdo tregues në vitin e tij më të fundit."),
    ({"county": "AL-11", "year": "2019", "lang": "en"},
     "This page has no choice of “year=2019”; it shows every indicator in its latest year."),
], ids=["municipality", "county"])
def test_a_year_or_indicator_in_a_profile_link_is_named_as_not_shown_and_linked_to_the_map(params, warning):
    at = open_page("profile", **params)
    assert warning in [w.value.replace("\\", "") for w in at.warning], "as drawn: markdown escapes removed"
    assert "year" not in at.query_params, "the address says what is shown"
    assert any("map" in link.proto.page for link in at.get("page_link") if link.proto.label in ("Hape në hartë", "Open it on the map"))


def test_an_indicator_two_municipalities_have_says_so_and_gives_no_rank_or_quintile(data_copy, monkeypatch, tmp_path):
    """The rank rule on the page (issue 20): staff upload a new count for two municipalities; Korçë's row says
    "2 nga 61 kanë vlerë", with no rank and no quintile, while the other rows keep theirs."""
    import streamlit as st

    from lnb_dash import config
    from lnb_dash.data.importer import import_file
    from lnb_dash.data.indicator_form import new_indicator
    from tests.data.test_indicator_form import FIELDS, SOURCE

    data_dir, db_path = data_copy
    iid, definition, _ = new_indicator(FIELDS, [], "sq")
    table = tmp_path / "dy.csv"
    table.write_text("bashkia,viti,vlera\nkorca,2024,1204\nPustec,2024,41\n", encoding="utf-8")
    import_file(table, iid, {"source": SOURCE, "indicator": definition}, data_dir, db_path, user="test")
    monkeypatch.setattr(config, "DATA_DIR", data_dir)
    monkeypatch.setattr(config, "DB_PATH", db_path)
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        html = _html(open_page("profile", m="AL343", lang="sq"))
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()
    rows = html.split("<tr")
    row = next(r for r in rows if FIELDS["name_sq"] in r)
    assert "2 nga 61 kanë vlerë" in row and "pesëshja" not in row
    assert not re.search(r"e \d+-t[a-z] më e (lartë|ulët)", row), "no rank"
    assert re.search(r"e \d+-t[a-z] më e (lartë|ulët) nga 61", html), "the other indicators keep their ranks"
