"""How the map's cost grows with the geography: the dashboard's folium map (base map + values layer through
st_folium) drawing the 61 municipalities (``?units=61``) or the 373 former units (``?units=373``,
bench/data/units_373.geojson).

The value mapped is each unit's area, measured from its geometry, so nothing is invented.
"""

import streamlit as st
from streamlit_folium import st_folium

from bench.scaling import scaling_map

units = st.query_params.get("units", "61")
st.title(f"Scaling: {units} units")
base, layer = scaling_map(int(units))
st_folium(base, key="scaling", height=560, use_container_width=True, feature_group_to_add=layer, returned_objects=[])
