"""Programme: LNB results from the two factsheets with the change between them, and the priority map."""

import streamlit as st

from lnb_dash import i18n
from lnb_dash.model import map as map_model
from lnb_dash.model import programme
from lnb_dash.render import charts, images
from lnb_dash.ui import cached, chrome, citations, figures, state

lang = state.current_lang()
chrome.connection_or_stop(lang)
state.write_view("programme", None, lang)
st.title(i18n.t("page_programme", lang))
st.write(i18n.t("programme_intro", lang))
st.header(i18n.t("headline_results", lang))
figures.render_headline_figures(lang, columns=5)
citations.render_source_note(["lnb_factsheets"], lang)

st.header(i18n.t("pres_pairs_heading", lang))
results = cached.programme_results_cached()
table = programme.programme_table(results, lang)
st.dataframe(table, hide_index=True, width="stretch")
st.altair_chart(charts.localize(charts.build_programme_chart(cached.programme_results_long_cached(), lang), lang))
figures.render_downloads("programme.downloads", lang, table, [], base_name="lnb_programme_results", pictures={
    i18n.t("picture_chart", lang): lambda: images.frame_chart(charts.build_programme_chart(cached.programme_results_long_cached(), lang),
                                                             i18n.t("page_programme", lang), i18n.t("programme_intro", lang),
                                                             map_model.source_text(["lnb_factsheets"], cached.sources_cached(), lang), lang)})
with st.expander(i18n.t("pres_all_figures", lang)):
    st.dataframe(programme.figures_table(cached.programme_figures_cached(), lang), hide_index=True, width="stretch")
citations.render_source_note(["lnb_factsheets"], lang)

map_col, list_col = st.columns([3, 2])
with map_col:
    figures.render_priority_map(lang, key="programme.map", height=480)
with list_col:
    st.header(i18n.t("priority_resolution", lang))
    st.dataframe(cached.priority_resolution_cached(), hide_index=True, width="stretch")

st.header(i18n.t("programme_facts", lang))
citations.render_programme_facts(cached.programme_facts_cached("AL"), lang)
