"""The frame of every page: a language switch that keeps the choice in the address, and a clear message (never a
traceback) when the database is missing."""

import pytest
from streamlit.testing.v1 import AppTest

from lnb_dash.ui import chrome


def chrome_app() -> None:
    import streamlit as st

    from lnb_dash.ui import chrome, state

    lang = chrome.render_language_switch(state.current_lang())
    chrome.connection_or_stop(lang)
    st.write(f"lang: {lang}")


def test_switching_language_keeps_the_choice_in_the_address(app_db):
    at = AppTest.from_function(chrome_app, default_timeout=60).run()
    assert at.markdown[0].value == "lang: sq" and at.sidebar.radio[0].label == "Gjuha"
    at.sidebar.radio[0].set_value("en").run()
    assert at.markdown[0].value == "lang: en" and at.query_params["lang"] == "en"


@pytest.mark.parametrize("lang, words", [("sq", "python -m lnb_dash build"), ("en", "The database is not available")])
def test_a_missing_database_stops_the_page_with_how_to_build_it(tmp_path, monkeypatch, lang, words):
    import streamlit as st

    from lnb_dash import config

    monkeypatch.setattr(config, "DB_PATH", tmp_path / "missing.duckdb")
    st.cache_resource.clear()
    try:
        at = AppTest.from_function(chrome_app, default_timeout=60)
        at.query_params["lang"] = lang
        at.run()
        assert words in at.error[0].value and not at.markdown and not at.exception
    finally:
        st.cache_resource.clear()


@pytest.mark.parametrize("lang, declared", [("sq", "sq"), ("en", "en"), ("fr", "sq")])
def test_the_page_declares_the_chosen_language(lang, declared):
    html = chrome.page_language_html(lang)
    assert f'data-lnb-lang="{declared}"' in html and "document.documentElement.lang = " in html
