"""Overview: what the dashboard shows and for whom, the LNB headline results, where to start."""

import streamlit as st

from lnb_dash import i18n
from lnb_dash.ui import cached, chrome, citations, figures, places, state

lang = state.current_lang()
chrome.connection_or_stop(lang)
state.write_view("overview", None, lang)
st.title(i18n.t("app_title", lang))
st.write(i18n.t("overview_intro", lang))
citations.render_data_as_of(lang)
places.render_place_search("overview.search", cached.municipalities_cached(), lang)

text_col, map_col = st.columns([3, 2])
with text_col:
    st.header(i18n.t("headline_results", lang))
    figures.render_headline_figures(lang)
    st.subheader(i18n.t("pres_pairs_heading", lang))
    cols = st.columns(2)
    for i, headline in enumerate(cached.headlines_cached(lang)):
        cols[i % 2].markdown(f"**{citations.escape_markdown(headline.label)}**")  # the whole label, wrapped (a metric's own label is cut)
        cols[i % 2].metric(headline.label, headline.value, label_visibility="collapsed", delta=headline.change, delta_color="off",
                           help=headline.stated)
    st.caption(i18n.t("programme_intro", lang))
    citations.render_source_note(["lnb_factsheets"], lang)
with map_col:
    figures.render_priority_map(lang, key="overview.map", height=420)

st.header(i18n.t("for_whom", lang))
st.markdown(i18n.t("for_whom_text", lang))
st.header(i18n.t("where_to_start", lang))
for page, label in (("pages/map.py", "page_map"), ("pages/profile.py", "page_profile"), ("pages/trends.py", "page_trends"),
                    ("pages/compare.py", "page_compare"), ("pages/programme.py", "page_programme"), ("pages/data.py", "page_data")):
    st.page_link(page, label=i18n.t(label, lang), query_params={"lang": lang})
