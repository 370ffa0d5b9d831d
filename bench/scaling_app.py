"""How the map's cost grows with the geography: the dashboard's own map component drawing the 61
municipalities (``?units=61``) or the 373 former units (``?units=373``, bench/data/units_373.geojson).

The value mapped is each unit's area, measured from its geometry, so nothing is invented.
"""

import streamlit as st

from bench.scaling import map_data_for
from lnb_dash.ui.map_component import render_map

units = st.query_params.get("units", "61")
st.title(f"Scaling: {units} units")
render_map(map_data_for(int(units)), key="scaling")
