"""Compare: 2 to 6 municipalities side by side across every indicator (a profile and its five most similar fit)."""

import dataclasses

import streamlit as st

from lnb_dash import i18n
from lnb_dash.model import compare
from lnb_dash.model import map as map_model
from lnb_dash.model.address import CompareView
from lnb_dash.render import images
from lnb_dash.ui import cached, chrome, citations, figures, places, state

PAGE = "compare"
MAX_AREAS = compare.COMPARE_MAX
lang = state.current_lang()
chrome.connection_or_stop(lang)
municipalities = cached.municipalities_cached()
places.report_unknown_places(PAGE, lang)
view = state.read_view(PAGE, CompareView)
if len(view.m) > MAX_AREAS:
    st.warning(i18n.t("compare_too_many", lang, n=MAX_AREAS))
    view = dataclasses.replace(view, m=view.m[:MAX_AREAS])
    st.session_state[state.key(PAGE, "m")] = list(view.m)

st.title(i18n.t("page_compare", lang))
figures.render_unread_params(CompareView, lang)
state.ensure_option(PAGE, "m", list(cached.municipality_labels_cached()), CompareView.m)
st.multiselect(i18n.t("choose_municipalities", lang), list(cached.municipality_labels_cached()), max_selections=MAX_AREAS, help=i18n.t("compare_help", lang),
               format_func=cached.municipality_labels_cached().__getitem__, key=state.key(PAGE, "m"),
               placeholder=i18n.t("choose_places_placeholder", lang))
view = state.view_from_widgets(PAGE, CompareView, view)
state.write_view(PAGE, view, lang)

if len(view.m) < 2:
    st.info(i18n.t("compare_too_few", lang))
    st.stop()
profiles = {code: cached.profile_cached(code) for code in view.m}
names = municipalities.set_index("lau_code").name.to_dict()
table = compare.compare_table(profiles, names, lang)
st.dataframe(table, hide_index=True, width="stretch")
figures.render_downloads("compare.downloads", lang, compare.compare_download(profiles, names, lang, cached.sources_cached()),
                         next(iter(profiles.values())).indicator_id.tolist(),
                         base_name="compare_" + "_".join(view.m))

st.header(i18n.t("compare_charts_heading", lang))
st.caption(i18n.t("compare_charts_intro", lang))
compare_charts = cached.compare_charts_cached(tuple(view.m), lang)
sources = cached.sources_cached()
for pair in (compare_charts[i:i + 2] for i in range(0, len(compare_charts), 2)):
    for column, (chart, spec) in zip(st.columns(2), pair):  # side by side on a wide screen, stacked on a phone
        meta = cached.indicator_meta_cached(chart.indicator_id)
        figures.render_vega(spec, where=column)
        column.caption(i18n.t("compare_chart_alt", lang, indicator=chart.title, n=len(chart.data)))
        with column:
            figures.render_downloads(f"compare.chart.{chart.indicator_id}", lang, base_name=f"compare_{chart.indicator_id}_{chart.year}", pictures={
                i18n.t("picture_chart", lang): lambda chart=chart, meta=meta: images.build_compare_picture(
                    chart, meta, map_model.source_text(chart.source_ids, sources, lang), lang)})
note = compare.compare_no_chart_note(next(iter(profiles.values())), [c.indicator_id for c, _ in compare_charts], lang)
if note:
    st.caption(note)
st.subheader(i18n.t("compare_chart_data", lang))
figures.render_downloads("compare.chart_data", lang, compare.compare_charts_download(
    [c for c, _ in compare_charts], {c.indicator_id: cached.indicator_meta_cached(c.indicator_id) for c, _ in compare_charts}, lang, sources),
    [c.indicator_id for c, _ in compare_charts], base_name="compare_charts_" + "_".join(view.m))
citations.render_source_note([s for p in profiles.values() for s in p.source_id], lang)
