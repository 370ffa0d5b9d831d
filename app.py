"""Entry point: page config, the shared frame (language, print style) and navigation; nothing else."""

import streamlit as st

from lnb_dash import assets, i18n
from lnb_dash.ui import state, widgets

st.set_page_config(page_title="LNB · Askush të mos mbetet pas", layout="wide", initial_sidebar_state="expanded")
assets.install_static_assets()
lang = state.current_lang()
pages = [
    st.Page("pages/overview.py", title=i18n.t("page_overview", lang), default=True),
    st.Page("pages/map.py", title=i18n.t("page_map", lang), url_path="map"),
    st.Page("pages/profile.py", title=i18n.t("page_profile", lang), url_path="profile"),
    st.Page("pages/trends.py", title=i18n.t("page_trends", lang), url_path="trends"),
    st.Page("pages/compare.py", title=i18n.t("page_compare", lang), url_path="compare"),
    st.Page("pages/programme.py", title=i18n.t("page_programme", lang), url_path="programme"),
    st.Page("pages/data.py", title=i18n.t("page_data", lang), url_path="data"),
]
page = st.navigation(pages)
widgets.render_language_switch(lang)
widgets.render_print_style()
page.run()
