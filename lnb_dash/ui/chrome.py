"""Page chrome: the language switch, the page's declared language and the database-unavailable message."""

from __future__ import annotations

import streamlit as st

from lnb_dash import i18n
from lnb_dash.ops import page_scripts
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


# Streamlit's page says lang="en" whatever the reader chose, so a screen reader would read Albanian with English sounds
# (WCAG 3.1.1). The element changes with the language, so the script runs again after a switch.
# Its own element takes no room in the page. Vega draws an empty <form class="vega-bindings"> under every chart without
# controls, a form with no way to submit it (WCAG 3.2.2 to HTML_CodeSniffer): the page drops those as they appear.
_PAGE_LANG_STYLE = "<style>[data-testid='stElementContainer']:has([data-lnb-lang]) { display: none; }</style>"


def page_language_html(lang: str) -> str:
    """The script that declares the page's language on ``<html lang>``."""
    return (f'{_PAGE_LANG_STYLE}<span hidden data-lnb-lang="{i18n.normalize_lang(lang)}"></span>'
            + page_scripts.script_tag(page_scripts.PAGE_LANG))


def render_page_language(lang: str) -> None:
    st.html(page_language_html(lang), unsafe_allow_javascript=True)


def render_database_error(exc: DatabaseUnavailableError, lang: str) -> None:
    st.error(f"{i18n.t('db_unavailable', lang)} {exc}")
    st.stop()


def connection_or_stop(lang: str):
    """The cached connection, or a clear message (never a traceback) when the database is missing."""
    try:
        return cached.get_connection()
    except DatabaseUnavailableError as exc:
        render_database_error(exc, lang)
