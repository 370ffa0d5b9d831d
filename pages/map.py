"""Map: one indicator for the 61 municipalities, with its legend, ranking and table.

The map is written before the widgets above it (into a container made earlier), so the browser
starts drawing it first. The ranking, table and downloads wait until the browser reports the map
drawn (one more rerun per visit), so their scripts do not compete with it; the table is drawn
only when its tab is open.
"""

import json

import streamlit as st

from lnb_dash import charts, i18n, images, views
from lnb_dash.filters import MapView
from lnb_dash.ui import cached, state, widgets
from lnb_dash.ui.folium_map import render_map

PAGE = "map"
CONTROLS_HEIGHT = 84  # the row of pickers, reserved on the first run so the map does not move when they arrive
lang = state.current_lang()
widgets.connection_or_stop(lang)
catalogue = cached.list_indicators_cached()
available = catalogue[catalogue.latest_year.notna()]
widgets.report_unknown_indicator(PAGE, available.indicator_id.tolist(), catalogue, lang)
view = state.read_view(PAGE, MapView)
if state.display_mode() == "embed":
    widgets.render_map_figure(view, lang, key="map.embed", height=520, top_level=True)
    st.stop()

st.title(i18n.t("page_map", lang))
meta, coverage = widgets.settle_map_widgets(PAGE, available)
view = state.view_from_widgets(PAGE, MapView, view)
state.write_view(PAGE, view, lang)
controls = st.container(height=CONTROLS_HEIGHT, border=False)
map_col, side_col = st.columns([3, 1])

values, model = cached.map_model_cached(view, lang)
with map_col:
    st.header(model.title)
    st.caption(model.subtitle)
    events = render_map(model.map_spec, lang, key="map.folium")
    st.caption(f"{model.alt_text} {i18n.t('click_hint', lang)}")
    widgets.follow_map_click(events.clicked, lang)

side_controls = side_col.container()
side_col.html(model.legend_html)
widgets.render_caveats(view.indicator, values.source_id.dropna().tolist() or [meta.source_id], lang, view.year, where=side_col)
source_ids = values.source_id.dropna().tolist() or [meta.source_id]
if not events.drawn:  # widgets, ranking, table and downloads follow once the browser has drawn the map
    widgets.render_source_note(source_ids, lang, boundaries=True)
    st.stop()
with controls:
    pick, year_col, breakdown_col = st.columns([4, 1, 1])
    pick.selectbox(i18n.t("indicator", lang), available.indicator_id.tolist(), format_func=widgets.indicator_label(available, lang),
                   key=state.key(PAGE, "indicator"))
    if len(meta.breakdowns) > 1:
        breakdown_col.selectbox(i18n.t("breakdown", lang), list(meta.breakdowns), format_func=lambda b: i18n.breakdown_label(b, lang),
                                key=state.key(PAGE, "breakdown"))
    year_col.selectbox(i18n.t("year", lang), coverage.year.tolist(), key=state.key(PAGE, "year"))
with side_controls:
    if not meta.is_category:
        widgets.render_classification_controls(PAGE, lang, meta)
    st.checkbox(i18n.t("highlight_priority", lang), key=state.key(PAGE, "priority"))
    st.checkbox(i18n.t("basemap", lang), key=state.key(PAGE, "basemap"))

bar_tab, table_tab = st.tabs([i18n.t("ranked_bar", lang), i18n.t("table", lang)], key="map.tab", on_change="rerun")
if bar_tab.open:
    with bar_tab:
        st.vega_lite_chart(json.loads(cached.ranked_bar_spec_cached(view, lang)), width="stretch")
if table_tab.open:
    with table_tab:
        st.dataframe(model.table, hide_index=True, width="stretch")
caption = views.source_text(source_ids, cached.sources_cached(), lang)
base_name = views.view_file_name(view)
map_file = (i18n.t("download_map_html", lang), lambda: views.interactive_map_html(model, source_ids, cached.sources_cached(), lang).encode("utf-8"),
            f"{base_name}_map.html", "text/html")
widgets.render_downloads("map.downloads", lang, model.download, [view.indicator], base_name=base_name, files=[map_file], pictures={
    i18n.t("picture_map", lang): lambda: images.frame_chart(images.build_static_map(
        model.gdf, model.classes, meta, lang, values.status, counties=cached.counties_gdf_cached(), highlight=model.map_spec.highlight,
        title=views.indicator_name(meta, view.breakdown, lang)),
                                                           model.title, model.subtitle, f"{caption} {i18n.t('boundary_attribution', lang)}", lang),
    i18n.t("picture_chart", lang): lambda: images.frame_chart(charts.build_ranked_bar_chart(values, model.classes, meta, lang, model.national_value)
                                                             .properties(width=images.WIDTH), model.title, model.subtitle, caption, lang),
})
widgets.render_source_note(source_ids, lang, boundaries=True)
