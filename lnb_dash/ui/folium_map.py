"""Draw a :class:`lnb_dash.render.maps.MapSpec` with ``streamlit_folium.st_folium`` and report what the reader did.

The base map keeps one ``key`` per page, so streamlit-folium keeps the same Leaflet map in the
browser and only swaps the values layer (``feature_group_to_add``) when the view changes. Only
clicks are returned (``returned_objects``), so pan and zoom never rerun the script.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit_folium import st_folium

from lnb_dash.render import accessibility, maps

# The LAU code of a clicked municipality (see maps._ACCESS_JS) and a click counter, so a second click on the same one counts.
RETURNED = ["last_object_clicked_popup", "last_object_clicked_count"]


@dataclass(frozen=True)
class MapEvents:
    clicked: str | None  # the LAU code just clicked (reported once per click)
    drawn: bool  # the browser has drawn this map in this session


def _on_map_event(key: str) -> None:
    """streamlit-folium has copied the map's value to ``st.session_state[key]``: note the first draw and any click."""
    value = st.session_state.get(key) or {}
    if value.get("last_object_clicked_count") is not None:
        st.session_state[f"{key}.drawn"] = True
    if value.get("last_object_clicked_popup"):
        st.session_state[f"{key}.clicked"] = value["last_object_clicked_popup"]


def render_map(spec: maps.MapSpec, lang: str, key: str) -> MapEvents:
    """The map at full container width; a click on a municipality is reported once.

    On a clickable map the browser reports once that the map is drawn (one rerun per visit), so a
    page can send heavier content after it.
    """
    # the frame's title names the map; an interactive map's areas are Tab stops, so a link before it skips them in one step
    st.html(accessibility.map_frame_html(key, spec.label, lang, skip=spec.interactive), unsafe_allow_javascript=True)
    st_folium(maps.base_map(spec, lang), key=key, height=spec.height, use_container_width=True,
              feature_group_to_add=maps.values_layer(spec), returned_objects=RETURNED if spec.clickable else [],
              on_change=(lambda: _on_map_event(key)) if spec.clickable else None)
    clicked = st.session_state.pop(f"{key}.clicked", None) if spec.clickable else None
    return MapEvents(clicked, bool(st.session_state.get(f"{key}.drawn")))
