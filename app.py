"""Entry point: page config, the shared frame (language, print style, presenting and embedding) and navigation."""

import streamlit as st

from lnb_dash import i18n
from lnb_dash.ui import auth, cached, chrome, state, style

st.set_page_config(page_title="LNB · Askush të mos mbetet pas", layout="wide", initial_sidebar_state="auto")
cached.install_static_assets_once()
cached.drop_if_rebuilt()  # an import in another process (replica, command line) shows on the next page load
lang = state.current_lang()
mode = state.display_mode()
present = st.Page("pages/present.py", title=i18n.t("page_present", lang), url_path="present")
pages = [
    st.Page("pages/overview.py", title=i18n.t("page_overview", lang), default=True),
    st.Page("pages/map.py", title=i18n.t("page_map", lang), url_path="map"),
    st.Page("pages/profile.py", title=i18n.t("page_profile", lang), url_path="profile"),
    st.Page("pages/trends.py", title=i18n.t("page_trends", lang), url_path="trends"),
    st.Page("pages/compare.py", title=i18n.t("page_compare", lang), url_path="compare"),
    st.Page("pages/programme.py", title=i18n.t("page_programme", lang), url_path="programme"),
    st.Page("pages/data.py", title=i18n.t("page_data", lang), url_path="data"),
    present,
    st.Page("pages/accessibility.py", title=i18n.t("a11y_page", lang), url_path="accessibility"),
    st.Page("pages/upload.py", title=i18n.t("page_upload", lang), url_path="upload",
            visibility="visible" if auth.signed_in_user() else "hidden"),
]
page = st.navigation(pages, position="sidebar" if mode == "normal" else "hidden")
if mode == "present" and page.url_path != "present":
    # ?present=1 on a page presents that page's own view (pages/present.py, one step)
    st.switch_page(present, query_params={**{k: st.query_params.get(k) for k in st.query_params}, "view": page.url_path or "overview"})
style.render_frame_style(mode)
chrome.render_page_language(lang)
if mode == "normal":
    chrome.render_language_switch(lang)
started_on = cached.version()
try:
    page.run()
except Exception:
    # Another session's run dropped the caches for a new database (an import) while this one ran: it read part of
    # the old data and part of the new (an indicator in one table and not yet in the other). Run again, on the new.
    if cached.version() != started_on:
        st.rerun()
    raise
