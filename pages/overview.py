"""Overview: what the dashboard shows and for whom, the LNB headline results, where to start."""

import streamlit as st

from lnb_dash import i18n
from lnb_dash.render import maps
from lnb_dash.ui import cached, chrome, citations, places, state
from lnb_dash.ui.folium_map import render_map

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
    results = cached.programme_results_cached()
    cols = st.columns(2)
    for i, r in enumerate(results.itertuples()):
        label = r._asdict()[f"name_{lang}"]
        cols[i % 2].markdown(f"**{citations.escape_markdown(label)}**")  # the whole label, wrapped (a metric's own label is cut)
        cols[i % 2].metric(label, i18n.format_number(r.value_2021, 0, lang), label_visibility="collapsed",
                           delta=f"+{i18n.format_number(r.change, 0, lang)} ({i18n.t('as_of', lang, year=2019)}: {i18n.format_number(r.value_2019, 0, lang)})",
                           delta_color="off", help=r.stated_2021)
    st.caption(i18n.t("programme_intro", lang))
    citations.render_source_note(["lnb_factsheets"], lang)
with map_col:
    st.header(i18n.t("priority_map", lang))
    render_map(maps.highlight_spec(cached.municipalities_gdf_cached(), set(cached.priority_codes_cached()), lang,
                                  label=i18n.t("priority_map", lang), height=420), lang, key="overview.map")
    st.html(maps.highlight_legend_html(len(cached.priority_codes_cached()), lang))
    st.caption(i18n.t("boundary_attribution", lang))

st.header(i18n.t("for_whom", lang))
st.markdown(i18n.t("for_whom_text", lang))
st.header(i18n.t("where_to_start", lang))
for page, label in (("pages/map.py", "page_map"), ("pages/profile.py", "page_profile"), ("pages/trends.py", "page_trends"),
                    ("pages/compare.py", "page_compare"), ("pages/programme.py", "page_programme"), ("pages/data.py", "page_data")):
    st.page_link(page, label=i18n.t(label, lang), query_params={"lang": lang})
