"""Map: one indicator for the 61 municipalities, with its legend, ranking and table."""

import streamlit as st
from streamlit_folium import st_folium

from lnb_dash import charts, i18n, images, maps, views
from lnb_dash.filters import MapView
from lnb_dash.indicators import choose_default_year
from lnb_dash.ui import cached, state, widgets

PAGE = "map"
lang = state.current_lang()
widgets.connection_or_stop(lang)
catalogue = cached.list_indicators_cached()
available = catalogue[catalogue.latest_year.notna()]
view = state.read_view(PAGE, MapView)
if state.display_mode() == "embed":
    widgets.render_map_figure(view, lang, key="map.embed", height=520, top_level=True)
    st.stop()

st.title(i18n.t("page_map", lang))
pick, year_col, breakdown_col = st.columns([4, 1, 1])
state.ensure_option(PAGE, "indicator", available.indicator_id.tolist(), MapView.indicator)
pick.selectbox(i18n.t("indicator", lang), available.indicator_id.tolist(), format_func=widgets.indicator_label(available, lang),
               key=state.key(PAGE, "indicator"))
meta = cached.indicator_meta_cached(st.session_state[state.key(PAGE, "indicator")])
state.ensure_option(PAGE, "breakdown", list(meta.breakdowns), "total" if "total" in meta.breakdowns else meta.breakdowns[0])
if len(meta.breakdowns) > 1:
    breakdown_col.selectbox(i18n.t("breakdown", lang), list(meta.breakdowns), format_func=lambda b: i18n.breakdown_label(b, lang),
                            key=state.key(PAGE, "breakdown"))
coverage = cached.year_coverage_cached(meta.indicator_id, st.session_state[state.key(PAGE, "breakdown")])
years = coverage.year.tolist()
state.ensure_option(PAGE, "year", years, choose_default_year(coverage))
year_col.selectbox(i18n.t("year", lang), years, key=state.key(PAGE, "year"))
view = state.view_from_widgets(PAGE, MapView, view)

map_col, side_col = st.columns([3, 1])
with side_col:
    if not meta.is_category:
        widgets.render_classification_controls(PAGE, lang)
    st.checkbox(i18n.t("highlight_priority", lang), key=state.key(PAGE, "priority"))
    st.checkbox(i18n.t("basemap", lang), key=state.key(PAGE, "basemap"))
view = state.view_from_widgets(PAGE, MapView, view)
state.write_view(PAGE, view, lang)

values = cached.values_cached(view.indicator, view.year, view.breakdown)
model = views.build_map_model(meta, view, values, cached.area_values_cached(view.indicator, view.year, view.breakdown),
                              cached.municipalities_gdf_cached(), lang, cached.sources_cached())
with map_col:
    st.header(model.title)
    st.caption(model.subtitle)
    folium_map = maps.build_choropleth(model.gdf, model.classes, meta, lang, cached.counties_gdf_cached(),
                                       cached.priority_codes_cached() if view.priority else None, view.basemap)
    clicked = st_folium(folium_map, key="map.folium", height=560, use_container_width=True, returned_objects=["last_active_drawing"])
    st.caption(f"{model.alt_text} {i18n.t('click_hint', lang)}")
    widgets.follow_map_click(clicked, lang)
with side_col:
    st.html(model.legend_html)

bar_tab, table_tab = st.tabs([i18n.t("ranked_bar", lang), i18n.t("table", lang)])
with bar_tab:
    st.altair_chart(charts.localize(charts.build_ranked_bar_chart(values, model.classes, meta, lang, model.national_value), lang), width="stretch")
with table_tab:
    st.dataframe(model.table, hide_index=True, width="stretch")
source_ids = values.source_id.dropna().tolist() or [meta.source_id]
caption = views.source_text(source_ids, cached.sources_cached(), lang)
widgets.render_downloads("map.downloads", lang, model.download, [view.indicator], base_name=f"{view.indicator}_{view.year}", pictures={
    i18n.t("picture_map", lang): lambda: images.frame_chart(images.build_static_map(model.gdf, model.classes, meta, lang, values.status),
                                                           model.title, model.subtitle, f"{caption} {i18n.t('boundary_attribution', lang)}", lang),
    i18n.t("picture_chart", lang): lambda: images.frame_chart(charts.build_ranked_bar_chart(values, model.classes, meta, lang, model.national_value)
                                                             .properties(width=images.WIDTH), model.title, model.subtitle, caption, lang),
})
widgets.render_source_note(source_ids, lang, boundaries=True)
