"""Data and sources: the observations with filters and a download, every source, coverage by level, boundaries."""

import streamlit as st

from lnb_dash import config, i18n
from lnb_dash.model import data_page
from lnb_dash.model.address import DataView
from lnb_dash.render import exports
from lnb_dash.ui import cached, chrome, citations, figures, places, state

PAGE = "data"
PAGE_ROWS = 200
lang = state.current_lang()
chrome.connection_or_stop(lang)
catalogue = cached.list_indicators_cached()
view = state.read_view(PAGE, DataView)

st.title(i18n.t("page_data", lang))
st.header(i18n.t("observations", lang))
cols = st.columns([3, 1, 1])
indicator_ids = [""] + catalogue.indicator_id.tolist()
label = places.indicator_label(catalogue, lang)
state.ensure_option(PAGE, "indicator", indicator_ids, "")
cols[0].selectbox(i18n.t("indicator", lang), indicator_ids, format_func=lambda i: label(i) if i else i18n.t("all", lang),
                  key=state.key(PAGE, "indicator"), placeholder=i18n.t("choose_placeholder", lang))
years = [None] + sorted({int(y) for ys in catalogue.years for y in ys})
state.ensure_option(PAGE, "year", years, None)
cols[1].selectbox(i18n.t("year", lang), years, format_func=lambda y: i18n.t("all", lang) if y is None else str(y), key=state.key(PAGE, "year"),
                  placeholder=i18n.t("choose_placeholder", lang))
statuses = ["", *config.STATUSES]
state.ensure_option(PAGE, "status", statuses, "")
cols[2].selectbox(i18n.t("status", lang), statuses, format_func=lambda s: i18n.status_label(s, lang) if s else i18n.t("all", lang),
                  key=state.key(PAGE, "status"), placeholder=i18n.t("choose_placeholder", lang))
view = state.view_from_widgets(PAGE, DataView, view)
state.write_view(PAGE, view, lang)

observations = cached.observations_cached(view.indicator, view.year or 0, view.status)
download = data_page.observations_download(observations, lang, dict(zip(catalogue.indicator_id, catalogue.decimals)))
# A page of rows at a time: a first visit stays light on a slow connection; the downloads hold every row.
n_pages = max(1, -(-len(download) // PAGE_ROWS))
page_col, note_col = st.columns([1, 4], vertical_alignment="bottom")
page = page_col.number_input(i18n.t("table_page", lang, n=n_pages), min_value=1, max_value=n_pages, value=1, step=1, key="data.page")
shown = download.iloc[(page - 1) * PAGE_ROWS: page * PAGE_ROWS]
note_col.caption(i18n.t("rows_page", lang, first=(page - 1) * PAGE_ROWS + 1 if len(download) else 0,
                        last=(page - 1) * PAGE_ROWS + len(shown), n=len(download)))
st.dataframe(data_page.observations_display(shown, lang), hide_index=True, width="stretch", height=420)
figures.render_downloads("data.downloads", lang, download, observations.indicator_id.unique().tolist(), base_name="lnb_observations")
st.download_button(i18n.t("download_package", lang), lambda: exports.build_data_package(cached.get_connection()), file_name="lnb_data_package.zip",
                   mime="application/zip", key="data.package", on_click="ignore", icon=":material/folder_zip:")

st.header(i18n.t("coverage_by_level", lang))
st.caption(i18n.t("coverage_by_level_note", lang))
coverage = cached.coverage_by_level_cached()
st.dataframe(data_page.coverage_by_level_table(coverage, catalogue, lang), hide_index=True, width="stretch")

st.header(i18n.t("sources", lang))
citations.render_sources(cached.sources_cached(), lang)

st.header(i18n.t("boundaries", lang))
st.write(i18n.t("boundary_attribution", lang))
