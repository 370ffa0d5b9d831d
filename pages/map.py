"""Map: one indicator at the level its data exist at (the 61 municipalities, the 12 counties or the 373 former
units before 2015), with its legend, ranking and table.

The map is written before the widgets above it (into a container made earlier), so the browser
starts drawing it first. The ranking, table and downloads wait until the browser reports the map
drawn (one more rerun per visit), so their scripts do not compete with it; the table is drawn
only when its tab is open.
"""


import streamlit as st

from lnb_dash import i18n, levels
from lnb_dash.model import caveats
from lnb_dash.model import map as map_model
from lnb_dash.model.address import MapView
from lnb_dash.render import accessibility, charts, images, maps
from lnb_dash.ui import cached, chrome, citations, figures, places, state
from lnb_dash.ui.folium_map import render_map

PAGE = "map"
CONTROLS_HEIGHT = 84  # the row of pickers, reserved on the first run so the map does not move when they arrive
# a minimum, not a fixed height: a fixed one scrolls (taller labels, narrow screens) and a scroller no key reaches fails axe
CONTROLS_STYLE = f"<style>.st-key-map-controls {{ min-height: {CONTROLS_HEIGHT}px; }}</style>"
lang = state.current_lang()
chrome.connection_or_stop(lang)
available = cached.mappable_catalogue_cached()
places.report_unknown_indicator(PAGE, list(cached.mappable_ids_cached()), cached.list_indicators_cached(), lang)
view = state.read_view(PAGE, MapView)
if state.display_mode() == "embed":
    view = figures.settle_map_link(PAGE, view)[0]
    state.write_view(PAGE, view, lang)
    figures.render_map_figure(view, lang, key="map.embed", height=520, top_level=True, page=PAGE)
    st.stop()

st.title(i18n.t("page_map", lang), anchor=False)  # no link icon: one Tab stop less before the map
meta, coverage = figures.settle_map_widgets(PAGE, cached.mappable_ids_cached())
view = state.view_from_widgets(PAGE, MapView, view)
state.write_view(PAGE, view, lang)
figures.render_substitutions(PAGE, view, lang)
controls = st.container(key="map-controls")
st.html(CONTROLS_STYLE)  # style only: drawn in no place of the page
map_col, side_col = st.columns([3, 1])

values, model = cached.map_model_cached(view, lang)
figure = cached.map_figure_cached(view, lang)
with map_col:
    st.header(model.title, anchor=False)
    st.html(accessibility.live_title_html(model.title, lang), unsafe_allow_javascript=True)
    st.caption(model.subtitle)
    events = render_map(figure.spec, lang, key="map.folium")
    st.caption(f"{model.alt_text} {i18n.t(levels.level_key('click_hint', view.level), lang)}")
    figures.follow_map_click(events.clicked, lang, view.level)

side_controls = side_col.container()
side_col.html(figure.legend_html)
source_ids = list(cached.map_source_ids_cached(view, lang)) or [meta.source_id]
citations.render_caveats(view.indicator, source_ids, lang, view.year, where=side_col)
if not events.drawn:  # widgets, ranking, table and downloads follow once the browser has drawn the map
    citations.render_source_note(source_ids, lang, boundaries=True)
    st.stop()
with controls:
    search_col, pick, year_col, level_col, breakdown_col = st.columns([2, 3, 1, 2, 1])
    with search_col:  # first, so a keyboard user opens a profile in a few presses (the map's areas come after)
        places.render_place_search(state.key(PAGE, "search"), cached.municipalities_cached(), lang)
    pick.selectbox(i18n.t("indicator", lang), cached.mappable_ids_cached(), format_func=places.indicator_label(available, lang),
                   key=state.key(PAGE, "indicator"))
    if len(meta.breakdowns) > 1:
        breakdown_col.selectbox(i18n.t("breakdown", lang), list(meta.breakdowns), format_func=lambda b: i18n.breakdown_label(b, lang),
                                key=state.key(PAGE, "breakdown"))
    year_col.selectbox(i18n.t("year", lang), coverage.year.tolist(), key=state.key(PAGE, "year"))
    if len(cached.map_levels_of_cached(view.indicator, view.breakdown)) > 1:
        level_col.selectbox(i18n.t("map_level", lang), list(cached.map_levels_of_cached(view.indicator, view.breakdown, view.year)),
                            format_func=lambda level: levels.level_label(level, lang), key=state.key(PAGE, "level"))
with side_controls:
    if not meta.is_category:
        figures.render_classification_controls(PAGE, lang, meta)
    if view.level == "municipality":
        st.checkbox(i18n.t("highlight_priority", lang), key=state.key(PAGE, "priority"))
    st.checkbox(i18n.t("basemap", lang), key=state.key(PAGE, "basemap"))
    places.render_compare_picker(PAGE, view, lang)

bar_tab, table_tab = st.tabs([map_model.ranked_label(values, view.level, lang), i18n.t("table", lang)], key="map.tab",
                             on_change="rerun")
if bar_tab.open:
    with bar_tab:
        figures.render_vega(cached.ranked_bar_spec_cached(view, lang))
if table_tab.open:
    with table_tab:
        st.dataframe(model.table, hide_index=True, width="stretch")
caption = cached.source_text_cached(tuple(source_ids), lang)
view_caveats = caveats.short_caveats(cached.caveats_cached(view.indicator, tuple(dict.fromkeys(s for s in source_ids if isinstance(s, str))),
                                                           lang, view.year))
base_name = map_model.view_file_name(view)
lines_layer = levels.get(view.level).lines  # the borders drawn over the areas: counties, today's municipalities or none
lines = cached.level_gdf_cached(levels.BY_LAYER[lines_layer].id) if lines_layer else None
lines_label = i18n.t("legend_municipality_line", lang) if lines_layer == "municipalities" else None
map_file = (i18n.t("download_map_html", lang),
            lambda: maps.interactive_map_html(model, source_ids, cached.sources_cached(), lang, view_caveats).encode("utf-8"),
            f"{base_name}_map.html", "text/html")
figures.render_downloads("map.downloads", lang, model.download, [view.indicator], base_name=base_name, files=[map_file], pictures={
    i18n.t("picture_map", lang): lambda: images.frame_chart(images.build_static_map(
        model.gdf, model.classes, meta, lang, values.status, counties=lines, highlight=model.highlight,
        title=map_model.map_name(meta, view, lang), lines_label=lines_label),
                                                           model.title, model.subtitle, f"{caption} {i18n.t('boundary_attribution', lang)}", lang,
                                                           caveats=view_caveats),
    i18n.t("picture_chart", lang): lambda: images.frame_chart(charts.build_ranked_bar_chart(values, model.classes, meta, lang, model.national_value,
                                                                                         area_title=levels.area_label(view.level, lang),
                                                                                         n_areas=levels.get(view.level).n_areas)
                                                             .properties(width=images.WIDTH), model.title, model.subtitle, caption, lang,
                                                             caveats=view_caveats),
})
citations.render_source_note(source_ids, lang, boundaries=True)
