"""Draw a :class:`lnb_dash.render.maps.MapSpec` with streamlit-folium's component and report what the reader did.

The base map keeps one ``key`` per page, so streamlit-folium keeps the same Leaflet map in the
browser and only swaps the values layer (``feature_group``) when the view changes. Only
clicks are returned (``returned_objects``), so pan and zoom never rerun the script.

``st_folium`` renders the folium objects to HTML and JavaScript on every call (branca compiles a
template per element, the geometry is written out each time): most of a map page's server time. So
the base map is rendered here once per geography, options and language, as ``st_folium`` would
send it, and the values layer once per map spec as a short script of styles, tooltip texts and
labels (``maps.values_script``) whose shapes the browser fetches once per page from a hash-named
static file. Every session gets these strings until the database changes (``cached.database_resource``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st
import streamlit_folium
from streamlit_folium import generate_js_hash

from lnb_dash.ops import assets
from lnb_dash.ops.files import write_atomically
from lnb_dash.render import accessibility, maps
from lnb_dash.ui import cached

# The LAU code of a clicked municipality (see maps._ACCESS_JS) and a click counter, so a second click on the same one counts.
RETURNED = ["last_object_clicked_popup", "last_object_clicked_count"]


@dataclass(frozen=True)
class MapEvents:
    clicked: str | None  # the LAU code just clicked (reported once per click)
    drawn: bool  # the browser has drawn this map in this session


@dataclass(frozen=True)
class BaseMap:
    """What streamlit-folium's front end needs to build a base map: its HTML, header, script and asset links."""

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]


def _base_options(spec: maps.MapSpec) -> tuple:
    """What of a spec the base map depends on (maps.base_map), so every view of a page shares one."""
    return spec.interactive, spec.basemap, spec.focus, spec.counties, spec.municipality_lines


def render_base_map(spec: maps.MapSpec, lang: str) -> BaseMap:
    """The base map as streamlit-folium's ``st_folium`` turns it into strings (its own helpers, the same output)."""
    m = maps.base_map(spec, lang)
    m.get_root().render()
    m.render()
    html, header = streamlit_folium._get_html(m), streamlit_folium._get_header(m)
    links = [m.default_css, m.default_js]
    return BaseMap(streamlit_folium._get_map_string(m), header, html, streamlit_folium.get_full_id(m),
                   tuple(dict.fromkeys(href for _, href in links[0])), tuple(dict.fromkeys(src for _, src in links[1])))


def render_values_layer(spec: maps.MapSpec) -> str:
    """The values layer as the JavaScript streamlit-folium evaluates on the base map (``feature_group``): styles and
    texts only, the shapes from the layer's file (``shapes_url``)."""
    return maps.values_script(spec, maps.STATIC_URL + shapes_url(spec.layer))


@st.cache_resource
def shapes_url(layer: str, static_dir: Path = assets.STATIC_DIR) -> str:
    """Write a layer's shapes file (maps.shapes_file) into the app's static files once per process; its path there.

    The name carries a hash of the content: browsers keep it, replicas writing it together write the same bytes.
    """
    path, body = maps.shapes_file(layer)
    target = static_dir / path
    if not target.exists():
        write_atomically(target, body)
    for old in target.parent.glob(f"areas-{layer}.*.json"):
        if old != target:
            old.unlink(missing_ok=True)
    return path


@st.cache_resource(max_entries=32)
def _base_map_cached(options: tuple, lang: str, _spec: maps.MapSpec) -> BaseMap:
    """Per process: the base map comes from the shipped boundaries and the label catalog only."""
    return render_base_map(_spec, lang)


@cached.database_resource(max_entries=256)
def _values_layer_cached(features_id: int, options: tuple, _spec: maps.MapSpec) -> tuple[str, dict]:
    """Per map spec (its features object: the specs come from the database caches) until the database changes.

    The spec's features are kept with the entry, so their ``id`` is not reused while it lives.
    """
    return render_values_layer(_spec), _spec.features


def _on_map_event(key: str) -> None:
    """The component's value is in ``st.session_state[key]``: note the first draw and any click."""
    value = st.session_state.get(key) or {}
    if value.get("last_object_clicked_count") is not None:
        st.session_state[f"{key}.drawn"] = True
    if value.get("last_object_clicked_popup"):
        st.session_state[f"{key}.clicked"] = value["last_object_clicked_popup"]


def render_map(spec: maps.MapSpec, lang: str, key: str) -> MapEvents:
    """The map at full container width; a click on a municipality is reported once.

    On a clickable map the browser reports once that the map is drawn (one rerun per visit), so a
    page can send heavier content after it. The arguments are ``st_folium``'s, rendered once (above).
    """
    # the frame's title names the map; an interactive map's areas are Tab stops, so a link before it skips them in one step
    st.html(accessibility.map_frame_html(key, spec.label, lang, skip=spec.interactive, still=not spec.interactive),
            unsafe_allow_javascript=True)
    base = _base_map_cached(_base_options(spec), lang, spec)
    layer, _ = _values_layer_cached(id(spec.features), (*_base_options(spec), tuple(sorted(spec.highlight)), spec.layer, spec.clickable,
                                                         spec.tooltip_labels), spec)
    returned = RETURNED if spec.clickable else []
    component_key = generate_js_hash(base.script, key, False)  # st_folium's: the same map in the browser for every view

    def on_change() -> None:
        st.session_state[key] = st.session_state.get(component_key, {})
        if spec.clickable:
            _on_map_event(key)

    streamlit_folium._component_func(script=base.script, header=base.header, html=base.html, id=base.map_id, key=component_key,
                                     height=spec.height, width=None, returned_objects=returned,
                                     default=dict.fromkeys(returned), zoom=None, center=None, feature_group=layer,
                                     return_on_hover=False, layer_control=None, pixelated=False, css_links=list(base.css_links),
                                     js_links=list(base.js_links), on_change=on_change, wrap_longitude=False)
    clicked = st.session_state.pop(f"{key}.clicked", None) if spec.clickable else None
    return MapEvents(clicked, bool(st.session_state.get(f"{key}.drawn")))
