"""Places as people type them: any spelling resolves through the alias table, an unknown one keeps the page and names
the closest places, pickers show names without diacritics too, and Compare opens from two picked municipalities."""

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    pass


def resolve_app(text: str) -> None:
    import streamlit as st

    from lnb_dash.ui import places

    st.write(f"code: {places.resolve_or_warn(text, 'en')}")


@pytest.mark.parametrize("text, code", [("korca", "AL343"), ("Bashkia e Kamzës", "AL221"), ("AL221", "AL221")])
def test_any_spelling_of_a_municipality_resolves_to_its_code(text, code):
    at = AppTest.from_function(resolve_app, args=(text,), default_timeout=60).run()
    assert at.markdown[0].value == f"code: {code}" and not at.warning


def test_an_unknown_place_is_named_with_the_closest_places_never_replaced():
    at = AppTest.from_function(resolve_app, args=("Korcha",), default_timeout=60).run()
    assert at.markdown[0].value == "code: None" and "Korçë (AL343)" in at.warning[0].value


def test_a_picker_shows_the_name_without_diacritics_beside_it(con):
    from lnb_dash.query import indicators
    from lnb_dash.ui import places

    label = places.municipality_label(indicators.list_municipalities(con))
    assert label("AL343") == "Korçë (Korce)" and label("AL311") == "Berat"
    theme = places.indicator_label(indicators.list_indicators(con), "sq")("population")
    assert theme.endswith(" · Popullsia (census)")


def compare_app(chosen: list) -> None:
    import streamlit as st

    from lnb_dash.model.address import MapView
    from lnb_dash.ui import places

    st.session_state.setdefault("map.compare", chosen)
    places.render_compare_picker("map", MapView(), "en")


def test_two_picked_municipalities_open_compare_with_them():
    at = AppTest.from_function(compare_app, args=(["AL343", "AL221"],), default_timeout=60).run()
    assert 'href="/compare?m=AL343,AL221&amp;lang=en"' in at.get("html")[0].proto.body
    one = AppTest.from_function(compare_app, args=(["AL343"],), default_timeout=60).run()
    assert not one.get("html") and one.caption


def test_the_search_box_offers_places_never_the_typed_text(con):
    from lnb_dash.query import indicators
    from lnb_dash.ui import places

    municipalities = indicators.list_municipalities(con)
    assert places.place_options("korca", municipalities, "sq") == [("Korçë", "AL343")]
    assert len(places.place_options("", municipalities, "sq")) == 61
    nothing = places.place_options("xqxqxq", municipalities, "sq")
    assert nothing == [("Asnjë bashki nuk quhet ose nuk shkruhet si “xqxqxq”", None)], "said in Albanian, and picks nothing"
