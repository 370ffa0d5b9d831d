"""The map component: a click on an area is reported once (so the way back stays on the map), and the first draw is
noted so heavier content follows the map."""

from streamlit.testing.v1 import AppTest


def events_app(value) -> None:
    import streamlit as st

    from lnb_dash.ui import folium_map

    if st.button("event"):
        st.session_state["m"] = value
        folium_map._on_map_event("m")
    st.write(f"drawn: {st.session_state.get('m.drawn')}; clicked: {st.session_state.pop('m.clicked', None)}")


def test_a_click_is_reported_once_and_the_first_draw_is_remembered():
    at = AppTest.from_function(events_app, args=({"last_object_clicked_popup": "AL221", "last_object_clicked_count": 1},),
                               default_timeout=30).run()
    assert at.markdown[0].value == "drawn: None; clicked: None"
    at.button[0].click().run()
    assert at.markdown[0].value == "drawn: True; clicked: AL221"
    at.run()
    assert at.markdown[0].value == "drawn: True; clicked: None"


def test_a_draw_without_a_click_opens_nothing():
    at = AppTest.from_function(events_app, args=({"last_object_clicked_popup": None, "last_object_clicked_count": 0},), default_timeout=30)
    at.run().button[0].click().run()
    assert at.markdown[0].value == "drawn: True; clicked: None"
