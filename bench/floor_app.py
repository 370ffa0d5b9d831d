"""The floor: an empty Streamlit page on the same server settings. No page can be faster."""

import streamlit as st

st.write("floor ready")
