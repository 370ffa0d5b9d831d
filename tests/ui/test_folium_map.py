"""The map component: a click on an area is reported once (so the way back stays on the map), and the first draw is
noted so heavier content follows the map."""

from streamlit.testing.v1 import AppTest

from lnb_dash.model.address import MapView
from lnb_dash.ops import assets


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


def _map_spec():
    from lnb_dash.ui import cached

    return cached.map_figure_cached(MapView(indicator="population", year=2023), "en").spec


def test_the_base_map_is_sent_as_st_folium_would_send_it_and_the_values_without_shapes(monkeypatch):
    import streamlit_folium

    from lnb_dash.render import maps
    from lnb_dash.ui import folium_map

    spec = _map_spec()
    sent = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **args: sent.append(args))
    streamlit_folium.st_folium(maps.base_map(spec, "en"), key="map.folium", height=spec.height, use_container_width=True,
                               feature_group_to_add=maps.values_layer(spec), returned_objects=folium_map.RETURNED)
    folium_map.render_map(spec, "en", key="map.folium")
    ours, theirs = ({k: v for k, v in args.items() if k not in ("on_change", "feature_group")} for args in (sent[1], sent[0]))
    assert ours == theirs
    assert len(sent[1]["feature_group"]) < len(sent[0]["feature_group"]) / 4, "the shapes are fetched once per page, not sent"
    shapes_file = assets.STATIC_DIR / folium_map.shapes_url("municipalities")
    assert shapes_file.is_file() and f"/app/static/{folium_map.shapes_url('municipalities')}" in sent[1]["feature_group"]


def test_every_session_reuses_the_rendered_map_until_the_database_changes(monkeypatch, tmp_path):
    import streamlit_folium

    from lnb_dash.render import maps
    from lnb_dash.ui import cached, folium_map

    spec = _map_spec()
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **args: None)
    folium_map.render_map(spec, "en", key="map.folium")
    renders = []

    def counted(original):
        return lambda *args, **kwargs: renders.append(1) or original(*args, **kwargs)

    for name in ("base_map", "values_script"):
        monkeypatch.setattr(maps, name, counted(getattr(maps, name)))
    folium_map.render_map(spec, "en", key="map.folium")
    folium_map.render_map(spec.with_options(height=300), "en", key="present.map.1")
    assert renders == []
    (tmp_path / "rebuilt.duckdb").write_bytes(b"")
    assert cached.drop_if_rebuilt(tmp_path / "rebuilt.duckdb")  # another database file: the values are rendered again
    folium_map.render_map(_map_spec(), "en", key="map.folium")
    assert renders == [1]
