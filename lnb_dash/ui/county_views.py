"""Streamlit rendering for county views: the trends chart at county level and the county profile.

Thin: the figures come from lnb_dash.model.trends, lnb_dash.model.county_profile and lnb_dash.model.change.
"""

from __future__ import annotations

import dataclasses

import streamlit as st

from lnb_dash import i18n, levels
from lnb_dash.model import map as map_model
from lnb_dash.model import trends
from lnb_dash.model.address import CountyProfileView, query_params
from lnb_dash.ui import cached, citations, figures


def county_label(lang: str):
    """format_func for a county picker: 'Tiranë (AL-11)'."""
    names = cached.counties_names_cached()
    return lambda code: f"{names.get(code, code)} ({code})"


def trend_title(meta, lang: str) -> str:
    return i18n.t("county_trend_title", lang, indicator=meta.name[lang], unit=meta.unit[lang])


def render_county_trend_figure(view, lang: str, top_level: bool = True, page: str | None = None):
    """Title, chart, captions and source of the county trends view (no widgets); returns (series, trend). With ``page``
    (an embed), the notice of what its link asked for without data, under the title."""
    meta = cached.indicator_meta_cached(view.indicator)
    highlighted = trends.highlighted_areas(view.areas)
    series, trend, spec, national_spec = cached.county_trend_cached(view.indicator, highlighted, view.national, view.indexed, lang)
    (st.title if top_level else st.header)(trend_title(meta, lang))
    if page:
        figures.render_substitutions(page, view, lang)
    figures.render_vega(spec)
    first = 2 if trend.points_only else 1  # what the chart draws; then Albania's own chart, then the breaks and its figures
    st.caption(f"{i18n.t('chart_alt', lang, indicator=meta.name[lang])} " + " ".join(trend.notes[:first]))
    if national_spec:
        st.subheader(i18n.t("albania_own_axis", lang))
        figures.render_vega(national_spec)
    for note in trend.notes[first:]:
        st.caption(citations.escape_markdown(note))
    citations.render_source_note(series.source_id.tolist() or [meta.source_id], lang)
    return series, trend


def report_unknown_counties(page: str, field: str, lang: str, stop: bool = False) -> None:
    """A link naming a county the alias table does not know: the message and the closest counties as links,
    never another county in its place."""
    from lnb_dash.model.address import unknown_counties

    problems = unknown_counties({k: st.query_params.get(k) for k in st.query_params}, field)
    if problems and stop:
        st.title(i18n.t("page_county_profile", lang))
    for problem in problems:
        st.error(i18n.t("unknown_county", lang, text=citations.escape_markdown(problem.text)))
        extra = {"level": "county"} if field == "areas" else {}
        if not problem.suggestions:  # nothing close: there are only 12, so offer them all
            st.caption(i18n.t("unknown_county_hint", lang))
        offered = [(c.code, c.name) for c in problem.suggestions[:5]] or list(cached.counties_names_cached().items())
        for code, name in offered:
            st.page_link(f"pages/{page}.py", label=f"{name} ({code})",
                         query_params={**extra, field: code, "lang": lang}, icon=":material/arrow_forward:")
    if problems and stop:
        st.stop()


def render_county_trends(page: str, view, catalogue, pick, areas_col, county_ids: list[str], municipal_ids: list[str], lang: str):
    """The trends page at county level: level switch, the counties to highlight, Albania and index, then the chart,
    its captions, table and downloads (CSV columns and file names say 'county'); returns the view shown."""
    from lnb_dash.model.address import TrendsView
    from lnb_dash.render import charts, images
    from lnb_dash.ui import state

    indicator = st.session_state[state.key(page, "indicator")]
    if indicator in municipal_ids:
        pick.radio(i18n.t("trend_level", lang), list(levels.TREND), format_func=lambda lv: levels.level_label(lv, lang),
                   key=state.key(page, "level"), horizontal=True)
    names = cached.counties_names_cached()
    chosen = st.session_state.get(state.key(page, "areas")) or []
    st.session_state[state.key(page, "areas")] = list(trends.highlighted_areas(tuple(c for c in chosen if c in names)))
    areas_col.multiselect(i18n.t("choose_counties", lang), list(trends.COUNTY_CODES), max_selections=trends.MAX_HIGHLIGHTED,
                          format_func=county_label(lang), key=state.key(page, "areas"), placeholder=i18n.t("choose_counties_placeholder", lang))
    options = st.columns(2)
    options[0].checkbox(i18n.t("show_national", lang), key=state.key(page, "national"))
    options[1].toggle(i18n.t("indexed", lang), key=state.key(page, "indexed"))
    view = dataclasses.replace(state.view_from_widgets(page, TrendsView, view), breakdown="total")  # counties: totals only
    state.write_view(page, view, lang)

    meta = cached.indicator_meta_cached(view.indicator)
    series, trend = render_county_trend_figure(view, lang, top_level=False)
    with st.expander(i18n.t("table", lang)):
        st.dataframe(trends.trend_table(series, meta, lang),
                     hide_index=True, width="stretch")
    sources = cached.sources_cached()
    caption = map_model.source_text(series.source_id, sources, lang)
    download = trends.with_level_name(trends.trend_download(series, meta, lang, sources), lang)
    title = trend_title(meta, lang)
    highlighted = trends.highlighted_areas(view.areas)
    figures.render_downloads("trends.county_downloads", lang, download, [view.indicator],
                             base_name=trends.file_base(view.indicator, "total", "county"),
                             pictures={i18n.t("picture_chart", lang): lambda: images.frame_chart(
                                 charts.build_county_trend_chart(trend.data, meta, lang, highlighted, trend.y_title, trend.points_only,
                                                                 view.indexed).properties(width=images.WIDTH),
                                 title, trend.y_title if view.indexed else "", caption, lang)})
    st.page_link("pages/profile.py", label=i18n.t("open_county_profile", lang) + f": {names.get(highlighted[0], '')}",
                 query_params=query_params(CountyProfileView(county=highlighted[0]), lang), icon=":material/arrow_forward:")
    return view


def render_county_profile(lang: str) -> None:
    """``profile?county=…``: name, figures with ranks among the 12, municipalities (linked), series, census changes,
    sources; prints with Ctrl+P and wraps into cards on a phone."""
    from lnb_dash.model import change, county_profile
    from lnb_dash.render import profile_html
    from lnb_dash.ui import state

    page = "county_profile"
    report_unknown_counties("profile", "county", lang, stop=True)
    view = state.read_view(page, CountyProfileView)
    names = cached.counties_names_cached()
    codes = list(names)
    title = st.empty()
    figures.render_unread_params(CountyProfileView, lang)
    state.ensure_option(page, "county", codes, CountyProfileView.county)
    st.selectbox(i18n.t("choose_county", lang), codes, format_func=county_label(lang), key=state.key(page, "county"))
    view = state.view_from_widgets(page, CountyProfileView, view)
    state.write_view(page, view, lang)
    code = view.county
    title.title(county_profile.county_title(code, lang))
    st.html(profile_html.PROFILE_STYLE)

    sources = cached.sources_cached()
    publishers = dict(zip(sources.source_id, sources.publisher))
    frame = cached.county_indicators_cached(code)
    rows = county_profile.indicator_rows(frame, code, lang)
    st.header(i18n.t("county_facts", lang))
    st.caption(i18n.t("county_facts_intro", lang))
    st.html(profile_html.county_indicators_html(rows, lang, county_profile.county_title(code, lang)))

    st.header(i18n.t("county_municipalities", lang))
    st.caption(i18n.t("county_municipalities_intro", lang))
    munis = cached.county_municipalities_cached(code)
    st.html(profile_html.county_municipalities_html(munis, lang, i18n.t("county_municipalities", lang)))

    st.header(i18n.t("county_series", lang))
    render_county_trend_figure(_SeriesView("population_1jan", (code,)), lang, top_level=False)
    for caveat in trends.source_break_caveats("instat_population_1jan", sources, lang):  # the estimates shown predate it
        st.caption(citations.escape_markdown(caveat))
    render_county_trend_figure(_SeriesView("population", (code,)), lang, top_level=False)
    st.page_link("pages/trends.py", label=i18n.t("open_county_trends", lang),
                 query_params={"indicator": "population_1jan", "level": "county", "areas": code, "lang": lang}, icon=":material/show_chart:")

    st.header(i18n.t("census_change", lang))
    st.caption(i18n.t("census_change_intro", lang))
    all_changes = cached.census_changes_cached((code, *munis.lau_code))
    changes = all_changes[all_changes.area_code == code].reset_index(drop=True)
    st.html(profile_html.census_changes_html(changes, lang, county_profile.county_title(code, lang)))

    st.header(i18n.t("county_sources", lang))
    citations.render_source_note(frame.source_id.tolist() + ["instat_census_counties", "instat_population_1jan"], lang)
    area_names = {code: names[code], **dict(zip(munis.lau_code, munis.name))}
    figures.render_downloads("county_profile.downloads", lang, county_profile.indicator_table(rows, lang, publishers),
                             frame.indicator_id.unique().tolist(), base_name=f"{code}_county_profile",
                             files=[(i18n.t("census_change", lang) + " CSV",
                                     lambda: _csv(change.change_download(all_changes, area_names, lang)),
                                     f"{code}_county_census_change.csv", "text/csv")])
    st.caption(i18n.t("print_hint", lang))


class _SeriesView:
    """The few fields render_county_trend_figure reads, for the profile's own charts."""

    def __init__(self, indicator: str, areas: tuple[str, ...]):
        self.indicator, self.areas, self.national, self.indexed = indicator, areas, False, False


def _csv(frame) -> bytes:
    from lnb_dash.render import exports

    return exports.to_csv_bytes(frame)


def render_municipal_change(lau_code: str, municipality, lang: str) -> None:
    """The municipality's change between Census 2011 and Census 2023 (same 2015 boundaries), and its county's profile."""
    from lnb_dash.render import profile_html

    changes = cached.census_changes_cached((lau_code,))
    st.html(profile_html.census_changes_html(changes, lang, f"{i18n.t('census_change', lang)}: {municipality['name']}"))
    st.caption(i18n.t("census_change_intro", lang))
    st.page_link("pages/profile.py", label=f"{i18n.t('open_county_profile', lang)}: {municipality['qark']}",
                 query_params=query_params(CountyProfileView(county=municipality["county_code"]), lang), icon=":material/arrow_forward:")
