"""LNB municipal dashboard: data, queries and builders. Never imports streamlit (see lnb_dash.ui)."""

__version__ = "0.1.0"
