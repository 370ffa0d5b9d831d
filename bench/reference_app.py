"""The reference to beat: the common Streamlit + folium recipe, on the full-resolution boundaries, no caching.

Leaflet is served locally (as in the app) so the reference renders offline; folium's colour-scale legend,
which needs d3 from a CDN, is removed. Everything else is the recipe as commonly written.
"""

import json
from pathlib import Path

import duckdb
import folium
import streamlit as st
from streamlit_folium import st_folium

from lnb_dash import config
from lnb_dash.ops import assets

HERE = Path(__file__).parent
indicator = st.query_params.get("indicator", "population")
year = int(st.query_params.get("year", 2011))
con = duckdb.connect(str(config.DB_PATH), read_only=True)
values = con.execute("SELECT area_code AS lau_code, value FROM observations WHERE indicator_id = ? AND year = ? AND breakdown = 'total' "
                     "AND area_level = 'municipality'", [indicator, year]).df()
geojson = json.loads((HERE / "data" / "municipalities_full.geojson").read_text(encoding="utf-8"))
m = folium.Map(location=[41.15, 20.1], zoom_start=7, tiles=None)
m.default_js = [("leaflet", "/app/static/" + assets.LEAFLET_JS)]
m.default_css = [("leaflet_css", "/app/static/" + assets.LEAFLET_CSS)]
choropleth = folium.Choropleth(geo_data=geojson, data=values, columns=["lau_code", "value"], key_on="feature.properties.lau_code",
                               fill_color="YlGnBu", legend_name=indicator)
for name in [k for k in choropleth._children if k.startswith("color_map")]:
    del choropleth._children[name]
choropleth.add_to(m)
st.title("Reference")
st_folium(m, width=900, height=560)
