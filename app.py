"""Entry point: page config and navigation only; the pages live in pages/."""

import streamlit as st

st.set_page_config(page_title="LNB municipal dashboard", layout="wide")
st.title("Leave No One Behind: municipal data")
st.write("Indicators and coverage; the full dashboard pages are under construction.")

from lnb_dash.ui.cached import get_connection  # noqa: E402 (after set_page_config)
from lnb_dash.indicators import list_indicators  # noqa: E402

st.dataframe(list_indicators(get_connection())[["indicator_id", "theme", "name_en", "unit_en", "years", "max_municipalities"]], hide_index=True)
