"""What a page shows lives in its address: a link opens that view, a change of widget updates the address, the
language comes from ?lang= or the session, and a stale choice falls back to a valid one."""

from streamlit.testing.v1 import AppTest


def view_app() -> None:
    import streamlit as st

    from lnb_dash.model.address import MapView
    from lnb_dash.ui import state

    lang = state.current_lang()
    view = state.read_view("map", MapView)
    st.write(f"{lang} {view.indicator} {view.year} {state.display_mode()}")
    state.write_view("map", view, lang)


def test_a_link_opens_its_view_and_the_address_keeps_it_with_the_language():
    at = AppTest.from_function(view_app, default_timeout=30)
    at.query_params.update({"indicator": "population", "year": "2011", "lang": "en"})
    at.run()
    assert at.markdown[0].value == "en population 2011 normal"
    assert at.query_params["indicator"] == "population" and at.query_params["lang"] == "en"
    assert at.session_state["map.indicator"] == "population" and at.session_state["map.year"] == 2011


def test_without_a_language_the_page_is_albanian_and_present_mode_is_kept():
    at = AppTest.from_function(view_app, default_timeout=30)
    at.query_params["present"] = "1"
    at.run()
    assert at.markdown[0].value.startswith("sq ") and at.markdown[0].value.endswith(" present")
    assert at.query_params["present"] == "1" and at.query_params["lang"] == "sq"


def option_app() -> None:
    import streamlit as st

    from lnb_dash.ui import state

    st.session_state.setdefault("map.year", 1999)
    st.session_state.setdefault("map.areas", ["AL311", "gone"])
    state.ensure_option("map", "year", [2011, 2023], 2023)
    state.ensure_option("map", "areas", ["AL311", "AL221"], ["AL221"])
    st.write(f"{st.session_state['map.year']} {st.session_state['map.areas']}")


def test_a_choice_no_longer_offered_falls_back_and_a_list_keeps_what_is_still_offered():
    at = AppTest.from_function(option_app, default_timeout=30).run()
    assert at.markdown[0].value == "2023 ['AL311']"
