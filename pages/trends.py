"""Trends: an indicator over time for chosen municipalities, with their counties and Albania."""


import streamlit as st

from lnb_dash import i18n, levels
from lnb_dash.model import map as map_model
from lnb_dash.model import trends
from lnb_dash.model.address import TrendsView
from lnb_dash.render import charts, images
from lnb_dash.ui import cached, chrome, citations, county_views, figures, places, state

PAGE = "trends"
lang = state.current_lang()
chrome.connection_or_stop(lang)
catalogue = cached.list_indicators_cached()
offered = cached.series_indicators_cached()
series_ids, municipal_ids, county_ids = list(offered.ids), list(offered.municipal), list(offered.county)
municipalities = cached.municipalities_cached()
places.report_unknown_indicator(PAGE, series_ids, catalogue, lang)
places.report_unknown_places(PAGE, lang)
county_views.report_unknown_counties(PAGE, "areas", lang)
view = figures.settle_trend_link(PAGE, state.read_view(PAGE, TrendsView), offered)
if state.display_mode() == "embed":
    state.write_view(PAGE, view, lang)
    if view.level == "county":
        county_views.render_county_trend_figure(view, lang, page=PAGE)
    else:
        figures.render_trend_figure(view, municipalities, lang, page=PAGE)
    st.stop()

st.title(i18n.t("page_trends", lang))
figures.render_unread_params(TrendsView, lang, i18n.N_("jn2_trends_every_year"), {"indicator": view.indicator, "breakdown": view.breakdown})
notice = st.container()  # filled once the widgets have settled the view
pick, areas_col = st.columns([2, 3])
state.ensure_option(PAGE, "indicator", series_ids, TrendsView.indicator)
pick.selectbox(i18n.t("indicator", lang), series_ids, format_func=places.indicator_label(catalogue, lang), key=state.key(PAGE, "indicator"))
level = trends.settle_level(st.session_state.get(state.key(PAGE, "level")), st.session_state[state.key(PAGE, "indicator")],
                                   county_ids, municipal_ids)
if level == "county":
    st.session_state[state.key(PAGE, "level")] = level
    view = county_views.render_county_trends(PAGE, view, catalogue, pick, areas_col, county_ids, municipal_ids, lang)
    with notice:
        figures.render_substitutions(PAGE, view, lang)
    st.stop()
st.session_state[state.key(PAGE, "level")] = level
if st.session_state[state.key(PAGE, "indicator")] in county_ids:
    pick.radio(i18n.t("trend_level", lang), list(levels.TREND), format_func=lambda lv: levels.level_label(lv, lang),
               key=state.key(PAGE, "level"), horizontal=True)
state.ensure_option(PAGE, "m", list(cached.municipality_labels_cached()), TrendsView.m)
areas_col.multiselect(i18n.t("choose_municipalities", lang), list(cached.municipality_labels_cached()), max_selections=8,
                      format_func=cached.municipality_labels_cached().__getitem__, key=state.key(PAGE, "m"),
                      placeholder=i18n.t("choose_places_placeholder", lang))
meta = cached.indicator_meta_cached(st.session_state[state.key(PAGE, "indicator")])
options = st.columns(4)
state.ensure_option(PAGE, "breakdown", list(meta.breakdowns), "total" if "total" in meta.breakdowns else meta.breakdowns[0])
if len(meta.breakdowns) > 1:
    options[0].selectbox(i18n.t("breakdown", lang), list(meta.breakdowns), format_func=lambda b: i18n.breakdown_label(b, lang),
                         key=state.key(PAGE, "breakdown"))
options[1].checkbox(i18n.t("show_national", lang), key=state.key(PAGE, "national"))
options[2].checkbox(i18n.t("show_county", lang), key=state.key(PAGE, "county"))
options[3].toggle(i18n.t("indexed", lang), key=state.key(PAGE, "indexed"))
view = state.view_from_widgets(PAGE, TrendsView, view)
state.write_view(PAGE, view, lang)
with notice:
    figures.render_substitutions(PAGE, view, lang)

areas = trends.trend_areas(view, municipalities)
series, table, download, caption = cached.trend_parts_cached(view.indicator, areas, view.breakdown, lang)
title = f"{map_model.indicator_name(meta, view.breakdown, lang)} ({meta.unit[lang]})"
st.header(title)
if series.empty:
    st.info(i18n.t("compare_too_few", lang))
else:
    figures.render_vega(cached.trend_chart_spec_cached(view.indicator, areas, view.breakdown, view.indexed, lang))
    st.caption(f"{i18n.t('chart_alt', lang, indicator=meta.name[lang])} {i18n.t('break_note', lang)}")
    citations.render_caveats(view.indicator, series.source_id.tolist(), lang)
    note = map_model.national_note(series, meta, lang, view.indexed)
    if note:
        st.caption(note)
    with st.expander(i18n.t("table", lang)):
        st.dataframe(table, hide_index=True, width="stretch")
    figures.render_downloads("trends.downloads", lang, download, [view.indicator],
                             base_name=f"{view.indicator}{'' if view.breakdown == 'total' else '_' + view.breakdown}_trend",
                             pictures={i18n.t("picture_chart", lang): lambda: images.frame_chart(
                                 charts.build_timeseries_chart(series, meta, lang, view.indexed).properties(width=images.WIDTH), title,
                                 i18n.t("indexed", lang) if view.indexed else "", caption, lang)})
citations.render_source_note(series.source_id.tolist() or [meta.source_id], lang)
