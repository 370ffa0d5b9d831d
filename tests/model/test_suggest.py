"""An unknown indicator in a link is answered with indicators of a similar name, else the catalogue by theme."""

from lnb_dash.model import suggest
from lnb_dash.query import indicators


def test_a_misspelt_or_unaccented_name_finds_the_indicator(con):
    catalogue = indicators.list_indicators(con)
    allowed = catalogue.indicator_id.tolist()
    assert set(suggest.similar_indicators("turnoutt", catalogue, allowed)) == {"local_turnout", "parl_turnout"}
    assert "population" in suggest.similar_indicators("popullsia", catalogue, allowed)
    assert set(suggest.similar_indicators("demography", catalogue, allowed)) == {"population", "population_1jan"}, "a theme's name finds its indicators"


def test_a_topic_we_do_not_have_offers_no_look_alike_but_every_theme(con):
    catalogue = indicators.list_indicators(con)
    allowed = catalogue.indicator_id.tolist()
    assert suggest.similar_indicators("unemployment", catalogue, allowed) == [], "not 'Seats in the Assembly by county'"
    themes = suggest.by_theme(catalogue, allowed)
    assert sorted(i for ids in themes.values() for i in ids) == sorted(allowed)
    assert themes["demography"] == ["population", "population_1jan"]
