"""Page chrome: the language switch and the database-unavailable message."""

from __future__ import annotations

import streamlit as st

from lnb_dash import i18n
from lnb_dash.query.db import DatabaseUnavailableError
from lnb_dash.ui import cached


def render_language_switch(lang: str) -> str:
    """Sidebar switch; the choice is kept in the session and the URL (?lang=)."""
    choice = st.sidebar.radio(i18n.t("language", lang), ["sq", "en"], index=["sq", "en"].index(lang), horizontal=True,
                              format_func=lambda v: {"sq": "Shqip", "en": "English"}[v], key="lang_switch")
    if choice != lang:
        st.session_state["lang"] = choice
        st.query_params["lang"] = choice
        st.rerun()
    return choice


def render_database_error(exc: DatabaseUnavailableError, lang: str) -> None:
    st.error(f"{i18n.t('db_unavailable', lang)} {exc}")
    st.stop()


def connection_or_stop(lang: str):
    """The cached connection, or a clear message (never a traceback) when the database is missing."""
    try:
        return cached.get_connection()
    except DatabaseUnavailableError as exc:
        render_database_error(exc, lang)
