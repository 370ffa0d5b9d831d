"""Views round-trip through URL parameters; bad parameters fall back to defaults."""

from hypothesis import given
from hypothesis import strategies as st

from lnb_dash.model.address import CompareView, MapView, TrendsView


def test_map_view_round_trips():
    view = MapView(indicator="local_turnout", year=2015, breakdown="female", scheme="diverging", k=7, priority=True)
    assert MapView.from_query_params(view.to_query_params()) == view


def test_bad_parameters_fall_back_to_defaults():
    view = MapView.from_query_params({"year": "soon", "k": "many", "priority": "maybe"})
    assert view.year is None and view.k == 5 and view.priority is False


def test_municipality_lists_keep_only_lau_codes():
    assert CompareView.from_query_params({"m": "AL343, al345,<script>,AL9999"}).m == ("AL343", "AL345")


def test_defaults_are_left_out_of_the_url_except_the_view_keys():
    assert TrendsView().to_query_params() == {"indicator": "parl_turnout", "m": "AL224,AL343"}


@given(st.dictionaries(st.sampled_from(["indicator", "year", "k", "scheme", "priority", "m"]), st.text(max_size=20)))
def test_any_parameters_give_a_view(params):
    MapView.from_query_params(params)
    TrendsView.from_query_params(params)


def test_a_substitution_notice_says_what_was_asked_and_what_is_shown_in_both_languages():
    from lnb_dash.model.address import Substitution, notice_text

    assert notice_text(Substitution("year", "2019", "2023"), "sq") == "Nuk ka të dhëna për 2019; po tregohet 2023."
    assert notice_text(Substitution("year", "2019", "2023"), "en") == "No data for 2019; showing 2023."
    assert notice_text(Substitution("breakdown", "women", "total"), "en") == "No data for the breakdown “women”; showing “Total”."
    assert "„Njësi vendore (para 2015)”" in notice_text(Substitution("level", "former_unit", "municipality"), "sq")


def test_a_year_or_indicator_asked_of_a_page_that_shows_every_indicator_is_named_not_dropped():
    from lnb_dash.model.address import CompareView, ProfileView, unread_params, unread_text

    asked = {"m": "AL224", "year": "2019", "indicator": "population", "utm_source": "x", "lang": "en"}
    assert unread_params(asked, ProfileView) == (("indicator", "population"), ("year", "2019"))
    assert unread_params({"m": "AL343,AL345"}, CompareView) == ()
    assert unread_params({"indicator": "population", "year": "2019"}, MapView) == (), "the map reads both"
    assert unread_text((("year", "2019"),), "en") == "This page has no choice of “year=2019”; it shows every indicator in its latest year."
    assert unread_text((("year", "2019"),), "sq").startswith("Kjo faqe nuk ka zgjedhje për „year=2019”")
    assert unread_params({"indicator": "parl_turnout", "year": "2019"}, TrendsView) == (("year", "2019"),), "trends draw every year"
    assert unread_text((("year", "2019"),), "sq", "jn2_trends_every_year").endswith("tregon të gjitha vitet me të dhëna.")
