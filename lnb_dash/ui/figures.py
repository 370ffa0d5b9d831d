"""The map and trend figures with their controls, map clicks and the downloads under them."""

from __future__ import annotations

import dataclasses
import functools
import json

import pandas as pd
import streamlit as st

from lnb_dash import i18n
from lnb_dash.model.map import choose_default_year
from lnb_dash.ui import cached
from lnb_dash.ui.citations import escape_markdown, render_caveats, render_source_note

CLASS_COUNTS = [3, 4, 5, 6, 7]


@functools.lru_cache(maxsize=256)
def _spec_and_arrow(spec_json: str) -> tuple[str, tuple[tuple[str, bytes], ...]]:
    """A cached chart's JSON without its datasets, and the datasets as the Arrow bytes Streamlit sends (its own
    conversion), once per spec: Streamlit passes bytes through, where it converted the rows on every run."""
    from streamlit import dataframe_util

    spec = json.loads(spec_json)
    datasets = spec.pop("datasets", {})
    return json.dumps(spec), tuple((name, dataframe_util.convert_anything_to_arrow_bytes(rows)) for name, rows in datasets.items())


def render_vega(spec_json: str, where=None, **kwargs) -> None:
    """``st.vega_lite_chart`` of a cached Vega-Lite JSON string (a fresh spec per run: Streamlit edits the one it gets)."""
    spec_text, datasets = _spec_and_arrow(spec_json)
    spec = json.loads(spec_text)
    if datasets:
        spec["datasets"] = dict(datasets)
    (where or st).vega_lite_chart(spec, **{"width": "stretch", **kwargs})


@cached.database_resource(max_entries=1024)
def settled_map_view(view):
    """The view with a breakdown, a year and a level the indicator has: a link may name none of them, or ones it lacks.

    Settled once per view for every session (filtering the levels frame was a fifth of a map page run).

    Returns the view, the indicator's metadata and the years to offer (a frame with a ``year`` column), at every
    level a map can draw (municipalities, counties, former units; see lnb_dash.levels).
    """
    from lnb_dash.model import map as map_model

    meta = cached.indicator_meta_cached(view.indicator)
    settled, years = map_model.settle(view, cached.map_levels_cached())
    if not years:  # nothing a map can draw: the municipal coverage, as before
        coverage = cached.year_coverage_cached(view.indicator, settled.breakdown)
        year = view.year if view.year in coverage.year.tolist() else choose_default_year(coverage)
        return dataclasses.replace(view, year=year, level="municipality"), meta, coverage
    return settled, meta, pd.DataFrame({"year": years})


def settle_map_widgets(page: str, indicator_ids):
    """Give the map widgets' keys valid values before the widgets are drawn (the map is drawn first)."""
    from lnb_dash.model.address import MapView
    from lnb_dash.model.classify import SCHEMES
    from lnb_dash.ui.state import ensure_option, key, view_from_widgets

    ensure_option(page, "indicator", indicator_ids, MapView.indicator)
    view, meta, coverage = settle_map_link(page, view_from_widgets(page, MapView, MapView()))
    st.session_state[key(page, "breakdown")] = view.breakdown
    st.session_state[key(page, "year")] = view.year
    st.session_state[key(page, "level")] = view.level
    ensure_option(page, "scheme", list(SCHEMES), SCHEMES[0])
    ensure_option(page, "k", CLASS_COUNTS, 5)
    return meta, coverage


def settle_map_link(page: str, view):
    """:func:`settled_map_view`, and what the link that opened ``view`` asked for without data noted for
    :func:`render_substitutions` (the map page and its embed)."""
    from lnb_dash.model import map as map_model

    view, meta, coverage = settled_map_view(view)
    note_substitutions(page, view, lambda asked: map_model.substitutions(asked, view, cached.map_levels_cached()))
    return view, meta, coverage


def settle_trend_link(page: str, view, offered):
    """The trends view with a level and breakdown that have a series (model.trends.settle), what the link asked for
    without one noted for :func:`render_substitutions`, and the widgets seeded with what is shown (the page and its embed)."""
    from lnb_dash.model import trends
    from lnb_dash.ui.state import key

    breakdowns = cached.indicator_meta_cached(view.indicator).breakdowns
    county, municipal = list(offered.county), list(offered.municipal)
    settled = trends.settle(view, breakdowns, county, municipal)
    if note_substitutions(page, settled, lambda asked: trends.substitutions(asked, settled, breakdowns, county, municipal)):
        st.session_state[key(page, "breakdown")] = settled.breakdown
        st.session_state[key(page, "level")] = settled.level
    return settled


def note_substitutions(page: str, view, find) -> bool:
    """When a link opened ``view`` (state.take_asked), keep ``find(asked)``, its substitutions, for
    :func:`render_substitutions`; False when the widgets made the view."""
    from lnb_dash.ui.state import key, take_asked

    asked = take_asked(page)
    if asked is None:
        return False
    st.session_state[key(page, "notice")] = (_shown(view), find(asked))
    return True


def _shown(view) -> tuple:
    return tuple(getattr(view, field, None) for field in ("indicator", "year", "breakdown", "level"))


def render_substitutions(page: str, view, lang: str) -> None:
    """The notice under the title when a link asked for a year, breakdown or level without data: what is shown
    instead and links to the values that have data. It stays while the view is the one the link settled to."""
    from lnb_dash.model import address
    from lnb_dash.ui.state import key

    shown, found = st.session_state.get(key(page, "notice"), (None, []))
    if shown != _shown(view):
        return
    for substitution in found:
        st.warning(escape_markdown(address.notice_text(substitution, lang)), icon=":material/warning:")
        row = st.container(horizontal=True, key=f"{page}.notice.{substitution.field}")
        row.caption({"year": i18n.t("jn_with_data_year", lang), "breakdown": i18n.t("jn_with_data_breakdown", lang),
                     "level": i18n.t("jn_with_data_level", lang)}[substitution.field])
        for value, option in substitution.options:
            row.page_link(f"pages/{page}.py", label=address.value_label(substitution.field, value, lang),
                          query_params=address.query_params(option, lang), width="content")


def render_unread_params(view_cls, lang: str, key: str = i18n.N_("jn2_not_on_this_page"), shown: dict | None = None) -> None:
    """A link's indicator, year, breakdown or level that the page has no choice of (profile, compare and county profile
    show every indicator in its latest year; trends every year) is not silently dropped: the page says so (``key``) and
    links the map of what was asked (with ``shown``, the page's own indicator, where the link named none)."""
    from lnb_dash.model import address

    unread = address.unread_params({k: st.query_params.get(k) for k in st.query_params}, view_cls)
    if not unread:
        return
    st.warning(escape_markdown(address.unread_text(unread, lang, key)), icon=":material/warning:")
    st.page_link("pages/map.py", label=i18n.t("jn2_open_on_map", lang), icon=":material/map:",
                 query_params=address.query_params(address.MapView.from_query_params({**(shown or {}), **dict(unread)}), lang))


def render_map_figure(view, lang: str, key: str, height: int = 560, clickable: bool = False, top_level: bool = False,
                      page: str | None = None) -> None:
    """Title, map, legend and source of one map view, without widgets (presentation steps and embeds); with ``page``
    (an embed), the notice of what its link asked for without data, under the title."""
    from lnb_dash.ui.folium_map import render_map

    view, meta, _ = settled_map_view(view)
    values, model = cached.map_model_cached(view, lang)
    figure = cached.map_figure_cached(view, lang)
    sources = values.source_id.dropna().tolist() or [meta.source_id]
    if top_level:  # an embed: its title and source stay in view in a small frame
        st.title(model.title)
        if page:
            render_substitutions(page, view, lang)
        render_source_note(sources, lang)  # the map itself names its boundaries' source
    map_col, side_col = st.columns([2, 1] if top_level else [3, 2])  # presenting: a wider side column wraps less
    with side_col:
        if not top_level:
            st.subheader(model.title)
        st.caption(model.subtitle)
        st.html(figure.legend_html)
        render_caveats(view.indicator, sources, lang, view.year)
        if not top_level:
            render_source_note(sources, lang)
    with map_col:
        follow_map_click(render_map(figure.spec.with_options(clickable=clickable, height=height), lang, key=key).clicked, lang, view.level)


def render_trend_figure(view, municipalities: pd.DataFrame, lang: str, top_level: bool = True, page: str | None = None) -> None:
    """Title, chart and source of one trends view, without widgets (embeds); with ``page``, the notice of what its link
    asked for without data, under the title."""
    from lnb_dash.model import map as map_model
    from lnb_dash.model import trends

    meta = cached.indicator_meta_cached(view.indicator)
    areas = trends.trend_areas(view, municipalities)
    series = trends.label_series(cached.timeseries_cached(view.indicator, areas, view.breakdown), lang)
    (st.title if top_level else st.header)(f"{map_model.indicator_name(meta, view.breakdown, lang)} ({meta.unit[lang]})")
    if page:
        render_substitutions(page, view, lang)
    if not series.empty:
        render_vega(cached.trend_chart_spec_cached(view.indicator, areas, view.breakdown, view.indexed, lang))
        st.caption(f"{i18n.t('chart_alt', lang, indicator=meta.name[lang])} {i18n.t('break_note', lang)}")
    render_caveats(view.indicator, series.source_id.tolist() or [meta.source_id], lang)
    render_source_note(series.source_id.tolist() or [meta.source_id], lang)


def render_classification_controls(page: str, lang: str, meta) -> None:
    from lnb_dash.model.map import schemes_for
    from lnb_dash.ui.state import ensure_option, key

    schemes = list(schemes_for(meta))
    ensure_option(page, "scheme", schemes, schemes[0])
    st.selectbox(i18n.t("classification", lang), schemes, format_func=lambda s: i18n.t(f"scheme_{s}", lang), key=key(page, "scheme"),
                 placeholder=i18n.t("choose_placeholder", lang))
    ensure_option(page, "k", CLASS_COUNTS, 5)
    st.selectbox(i18n.t("classes", lang), CLASS_COUNTS, key=key(page, "k"), placeholder=i18n.t("choose_placeholder", lang))


def follow_map_click(code: str | None, lang: str, level: str = "municipality") -> None:
    """A click on a municipality opens its profile (a click is reported once, so the way back stays on the map).

    A former unit reports the municipality it belongs to today; a county opens ``profile?county=<code>`` (the county
    profile), never a municipality's.
    """
    if code:
        place = {"county": code} if level == "county" else {"m": code}
        st.switch_page("pages/profile.py", query_params={**place, "lang": lang})


def render_downloads(key: str, lang: str, table: pd.DataFrame | None = None, indicator_ids: list[str] | None = None,
                     pictures: dict | None = None, base_name: str = "lnb", files: list[tuple] | None = None) -> None:
    """A row of download buttons: CSV and XLSX (data + metadata sheet) of ``table``, and each picture as PNG and SVG.

    ``pictures`` maps a label to a callable returning a framed Altair chart; images are only made when clicked.
    ``files`` adds (label, callable returning bytes, file name, MIME type) buttons.
    """
    from lnb_dash.render import exports, images

    buttons = []
    if table is not None:
        buttons.append((i18n.t("download_csv", lang), lambda: exports.to_csv_bytes(table), f"{base_name}.csv", "text/csv"))
        buttons.append((i18n.t("download_xlsx", lang),
                        lambda: exports.to_xlsx_bytes(table, exports.metadata_frame(cached.get_connection(), indicator_ids or [], lang), base_name),
                        f"{base_name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    for label, make_chart in (pictures or {}).items():
        slug = label.lower().replace(" ", "_")
        buttons.append((f"{label} PNG", lambda make=make_chart: images.to_png(make()), f"{base_name}_{slug}.png", "image/png"))
        buttons.append((f"{label} SVG", lambda make=make_chart: images.to_svg(make()), f"{base_name}_{slug}.svg", "image/svg+xml"))
    buttons.extend(files or [])
    columns = st.columns(len(buttons)) if buttons else []
    for column, (label, data, file_name, mime) in zip(columns, buttons):
        column.download_button(label, data, file_name=file_name, mime=mime, key=f"{key}.{file_name}", on_click="ignore", icon=":material/download:")


def render_headline_figures(lang: str, columns: int = 2, wrap_labels: bool = True) -> None:
    """The final programme page's headline results (193,000 citizens …) as metrics, each with its document's words on hover."""
    from lnb_dash.ui.citations import escape_markdown

    cols = st.columns(columns)
    for i, figure in enumerate(_headline_figures(lang)):
        if wrap_labels:  # the whole label, wrapped (a metric's own label is cut)
            cols[i % columns].markdown(f"**{escape_markdown(figure.label)}**")
        cols[i % columns].metric(figure.label, f"{figure.value} {figure.unit}", label_visibility="collapsed" if wrap_labels else "visible",
                                 help=f"{figure.stated} ({figure.document})")


@cached.database_resource(max_entries=4)
def _headline_figures(lang: str) -> tuple:
    """programme.programme_figures' headline results, once per language for every session."""
    from lnb_dash.model import programme

    return tuple(programme.programme_figures(cached.programme_figures_cached(), lang, headline_only=True))


def render_priority_map(lang: str, key: str, height: int) -> None:
    """The LNB priority municipalities in colour among the 61, with the legend and attribution (overview, programme)."""
    from lnb_dash.render import maps
    from lnb_dash.ui.folium_map import render_map

    codes = cached.priority_codes_cached()
    st.header(i18n.t("priority_map", lang))
    render_map(cached.priority_spec_cached(lang, height), lang, key=key)
    st.html(maps.highlight_legend_html(len(codes), lang))
    st.caption(i18n.t("boundary_attribution", lang))
