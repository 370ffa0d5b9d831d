"""Streamlit rendering for county views: the trends chart at county level and the county profile.

Thin: the figures come from lnb_dash.county_trends, lnb_dash.county_profile and lnb_dash.change.
"""

from __future__ import annotations

import json

import streamlit as st

from lnb_dash import county_trends, i18n, views
from lnb_dash.ui import cached, widgets


def county_label(lang: str):
    """format_func for a county picker: 'Tiranë (AL-11)'."""
    names = cached.counties_names_cached()
    return lambda code: f"{names.get(code, code)} ({code})"


def trend_title(meta, lang: str) -> str:
    return i18n.t("county_trend_title", lang, indicator=meta.name[lang], unit=meta.unit[lang])


def render_county_trend_figure(view, lang: str, top_level: bool = True):
    """Title, chart, captions and source of the county trends view (no widgets); returns (series, trend)."""
    meta = cached.indicator_meta_cached(view.indicator)
    highlighted = county_trends.highlighted_areas(view.areas)
    series, trend, spec = cached.county_trend_cached(view.indicator, highlighted, view.national, view.indexed, lang)
    (st.title if top_level else st.header)(trend_title(meta, lang))
    st.vega_lite_chart(json.loads(spec), width="stretch")
    st.caption(f"{i18n.t('chart_alt', lang, indicator=meta.name[lang])} " + " ".join(trend.notes[:2]))
    for note in trend.notes[2:]:
        st.caption(widgets.escape_markdown(note))
    widgets.render_source_note(series.source_id.tolist() or [meta.source_id], lang)
    return series, trend


def report_unknown_counties(page: str, field: str, lang: str, stop: bool = False) -> None:
    """A link naming a county the alias table does not know: the message and the closest counties as links,
    never another county in its place."""
    from lnb_dash.filters import unknown_counties

    problems = unknown_counties({k: st.query_params.get(k) for k in st.query_params}, field)
    if problems and stop:
        st.title(i18n.t("page_county_profile", lang))
    for problem in problems:
        st.error(i18n.t("unknown_county", lang, text=widgets.escape_markdown(problem.text)))
        extra = {"level": "county"} if field == "areas" else {}
        if not problem.suggestions:  # nothing close: there are only 12, so offer them all
            st.caption(i18n.t("unknown_county_hint", lang))
        offered = [(c.code, c.name) for c in problem.suggestions[:5]] or list(cached.counties_names_cached().items())
        for code, name in offered:
            st.page_link(f"pages/{page}.py", label=f"{name} ({code})",
                         query_params={**extra, field: code, "lang": lang}, icon=":material/arrow_forward:")
    if problems and stop:
        st.stop()


def render_county_trends(page: str, view, catalogue, pick, areas_col, county_ids: list[str], municipal_ids: list[str], lang: str) -> None:
    """The trends page at county level: level switch, the counties to highlight, Albania and index, then the chart,
    its captions, table and downloads (CSV columns and file names say 'county')."""
    from lnb_dash import charts, images
    from lnb_dash.filters import TrendsView
    from lnb_dash.ui import state

    indicator = st.session_state[state.key(page, "indicator")]
    if indicator in municipal_ids:
        pick.radio(i18n.t("trend_level", lang), list(county_trends.LEVELS), format_func=lambda lv: i18n.t(f"level_one_{lv}", lang),
                   key=state.key(page, "level"), horizontal=True)
    names = cached.counties_names_cached()
    chosen = st.session_state.get(state.key(page, "areas")) or []
    st.session_state[state.key(page, "areas")] = list(county_trends.highlighted_areas(tuple(c for c in chosen if c in names)))
    areas_col.multiselect(i18n.t("choose_counties", lang), list(county_trends.COUNTY_CODES), max_selections=county_trends.MAX_HIGHLIGHTED,
                          format_func=county_label(lang), key=state.key(page, "areas"))
    options = st.columns(2)
    options[0].checkbox(i18n.t("show_national", lang), key=state.key(page, "national"))
    options[1].toggle(i18n.t("indexed", lang), key=state.key(page, "indexed"))
    view = state.view_from_widgets(page, TrendsView, view)
    state.write_view(page, view, lang)

    meta = cached.indicator_meta_cached(view.indicator)
    series, trend = render_county_trend_figure(view, lang, top_level=False)
    with st.expander(i18n.t("table", lang)):
        st.dataframe(views.trend_table(series, meta, lang),
                     hide_index=True, width="stretch")
    sources = cached.sources_cached()
    caption = views.source_text(series.source_id, sources, lang)
    download = county_trends.with_level_name(views.trend_download(series, meta, lang, sources), lang)
    title = trend_title(meta, lang)
    highlighted = county_trends.highlighted_areas(view.areas)
    widgets.render_downloads("trends.county_downloads", lang, download, [view.indicator],
                             base_name=county_trends.file_base(view.indicator, "total", "county"),
                             pictures={i18n.t("picture_chart", lang): lambda: images.frame_chart(
                                 charts.build_county_trend_chart(trend.data, meta, lang, highlighted, trend.y_title, trend.points_only,
                                                                 view.indexed).properties(width=images.WIDTH),
                                 title, trend.y_title if view.indexed else "", caption, lang)})
    st.page_link("pages/profile.py", label=i18n.t("open_county_profile", lang) + f": {names.get(highlighted[0], '')}",
                 query_params={"county": highlighted[0], "lang": lang}, icon=":material/arrow_forward:")
