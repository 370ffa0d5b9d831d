"""The only @st.cache_* definitions: one connection per process, loaders cached per parameters."""

from __future__ import annotations

import duckdb
import streamlit as st

from lnb_dash import config, db


@st.cache_resource
def get_connection() -> duckdb.DuckDBPyConnection:
    return db.connect(config.DB_PATH, read_only=True)
