"""The map as a Streamlit component (``st.components.v2``): Leaflet drawn in the page, not in an iframe.

Why not streamlit-folium: it rebuilds the whole map in a new iframe on every rerun and the
iframe alone costs about a second before the first polygon (see issue 5 and ``make bench``).
Here the browser draws the boundaries once and each rerun restyles them; pan and zoom never
rerun the script; a click on a municipality (or Enter on it) is the only thing sent back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

_HERE = Path(__file__).parent
_CSS = """
.lnb-map-box, .lnb-map-box.leaflet-container { width: 100%; background: #ffffff; font-size: 0.95rem; border-radius: 0.25rem; }
.lnb-map-box path.leaflet-interactive:focus { outline: none; }
.lnb-tip { border-collapse: collapse; }
.lnb-tip th { text-align: left; font-weight: 600; padding: 0 0.6em 0 0; }
.lnb-tip td { padding: 0; }
"""


@st.cache_resource
def _component():
    """Registered once per server process; every page and every instance shares it."""
    return st.components.v2.component("lnb_map", js=(_HERE / "leaflet_map.js").read_text(encoding="utf-8"), css=_CSS,
                                      isolate_styles=False)


def preload_map_assets() -> None:
    """Start fetching Leaflet and the boundaries before any map is on the page (an invisible instance)."""
    from lnb_dash import assets

    _component()(data={"preload": [assets.layer_path("municipalities"), assets.layer_path("counties")]}, key="map.preload", height="content")


@dataclass(frozen=True)
class MapEvents:
    clicked: str | None  # the LAU code just clicked (reported once per click)
    drawn: bool  # the browser has drawn this map at least once in this session


def render_map(data: dict, key: str, report_drawn: bool = False) -> MapEvents:
    """Draw a map built by :mod:`lnb_dash.maps` and report what the reader did with it.

    With ``report_drawn`` the browser says once when the map is on screen, which reruns the page:
    a page can keep heavier content until then.
    """
    callbacks = {"on_clicked_change": lambda: None}
    if report_drawn:
        callbacks["on_drawn_change"] = lambda: None
    result = _component()(data={**data, "report_drawn": report_drawn}, key=key, height=data["height"], **callbacks)
    return MapEvents(result.get("clicked") if data.get("clickable") else None, bool(result.get("drawn")))
