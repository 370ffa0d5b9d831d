"""The county profile's figures: ranks among the 12, municipalities with both censuses, titles in both languages."""

from lnb_dash.model import county_profile
from lnb_dash.query import profiles as queries
from lnb_dash.render import profile_html


def test_tirana_is_the_largest_county_and_ranks_are_said_in_words(con):
    rows = {r.indicator_id: r for r in county_profile.indicator_rows(queries.query_county_indicators(con, "AL-11"), "AL-11", "en")}
    assert rows["population"].year == 2023 and rows["population"].rank_text == "highest of 12"
    assert rows["population_1jan"].value_text == "925,268 persons"
    assert rows["parl_turnout"].rank_text == "3rd highest of 12" and rows["parl_turnout"].computed
    sq = {r.indicator_id: r for r in county_profile.indicator_rows(queries.query_county_indicators(con, "AL-11"), "AL-11", "sq")}
    assert sq["parl_turnout"].rank_text == "e 3-ta më e lartë nga 12"


def test_municipalities_keep_a_missing_2023_census_missing(con):
    munis = queries.list_county_municipalities(con, "AL-11")
    census = queries.query_census(con, ["AL-11", *munis.lau_code])
    census = census[(census.area_code != "AL223") | (census.year != 2023)]  # as if Rrogozhinë's 2023 count were not known
    munis = county_profile.municipalities_with_change(munis, census).set_index("lau_code")
    assert len(munis) == 5 and munis.loc["AL224"].change == 598176 - 557422
    assert munis.loc["AL223"].to_value != munis.loc["AL223"].to_value and munis.loc["AL223"].change != munis.loc["AL223"].change
    html = profile_html.county_municipalities_html(munis.reset_index(), "en", "x")
    assert 'href="/profile?m=AL224&amp;lang=en"' in html and "+7.3\u00a0%" in html


def test_titles_use_the_albanian_genitive():
    assert county_profile.county_title("AL-06", "sq") == "Qarku i Korçës"
    assert county_profile.county_title("AL-06", "en") == "Korçë County"
