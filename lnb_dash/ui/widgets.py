"""Small Streamlit render helpers shared by the pages."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import streamlit as st

from lnb_dash import i18n
from lnb_dash.db import DatabaseUnavailableError
from lnb_dash.indicators import choose_default_year
from lnb_dash.ui import cached

CLASS_COUNTS = [3, 4, 5, 6, 7]


def render_language_switch(lang: str) -> str:
    """Sidebar switch; the choice is kept in the session and the URL (?lang=)."""
    choice = st.sidebar.radio(i18n.t("language", lang), ["sq", "en"], index=["sq", "en"].index(lang), horizontal=True,
                              format_func=lambda v: {"sq": "Shqip", "en": "English"}[v], key="lang_switch")
    if choice != lang:
        st.session_state["lang"] = choice
        st.query_params["lang"] = choice
        st.rerun()
    return choice


def source_line(source_ids, lang: str) -> str:
    """'Source: publisher, title (reference date). License: …' for one or more sources, as markdown."""
    sources = i18n.localize_sources(cached.sources_cached(), lang).set_index("source_id")
    parts = []
    for sid in dict.fromkeys(s for s in source_ids if isinstance(s, str)):
        if sid not in sources.index:
            continue
        s = sources.loc[sid]
        link = f"[{escape_markdown(s.title)}]({s.homepage})" if isinstance(s.homepage, str) and s.homepage.startswith("http") else escape_markdown(s.title)
        parts.append(f"{escape_markdown(s.publisher)}, {link} ({escape_markdown(s.reference_date)}). {i18n.t('license', lang)}: {escape_markdown(s.license)}")
    if not parts:
        return ""
    return f"**{i18n.t('sources' if len(parts) > 1 else 'source', lang)}:** " + " · ".join(parts)


def escape_markdown(text) -> str:
    """Escape markdown so text from data can never become a link, image or HTML."""
    text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    for ch in "\\`*_{}[]<>#|~":
        text = text.replace(ch, "\\" + ch)
    return text


def render_source_note(source_ids, lang: str, boundaries: bool = False) -> None:
    line = source_line(source_ids, lang)
    if line:
        st.caption(line)
    if boundaries:
        st.caption(i18n.t("boundary_attribution", lang))


def render_database_error(exc: DatabaseUnavailableError, lang: str) -> None:
    st.error(f"{i18n.t('db_unavailable', lang)} {exc}")
    st.stop()


def indicator_label(indicators: pd.DataFrame, lang: str):
    """format_func for an indicator picker: 'Theme · Name', so typing a theme or a name finds it."""
    names = dict(zip(indicators.indicator_id, indicators[f"name_{lang}"]))
    themes = dict(zip(indicators.indicator_id, indicators.theme))
    return lambda iid: f"{i18n.theme_label(themes[iid], lang)} · {names[iid]}"


def municipality_label(municipalities: pd.DataFrame):
    """format_func: 'Korçë (Korce)' so a search without diacritics still finds the name."""
    names = dict(zip(municipalities.lau_code, municipalities.name))
    ascii_names = dict(zip(municipalities.lau_code, municipalities.name_ascii))
    return lambda code: names[code] if names[code] == ascii_names[code] else f"{names[code]} ({ascii_names[code]})"


PRINT_STYLE = """<style>
/* WCAG AA: Streamlit's captions are grey at 60 % opacity (3.9:1 on white); this is 7:1. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #555555 !important; opacity: 1 !important; }
[data-testid="stCaptionContainer"] a { color: #1a4fb5 !important; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  .stDownloadButton, [data-testid="stSidebarCollapsedControl"] { display: none !important; }
  .block-container { padding-top: 0 !important; max-width: 100% !important; }
  h2, h3 { break-after: avoid; } [data-testid="stDataFrame"], iframe { break-inside: avoid; }
}
</style>"""


# Presenting and embedding: the map's frame takes the height the screen has left (the map inside follows it).
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
CHROMELESS_STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
.block-container { padding-top: 1rem !important; padding-bottom: 1rem !important; max-width: 100% !important; }
</style>"""
PRESENT_STYLE = """<style>
html, .stMarkdown p, .stMarkdown li { font-size: 1.2rem !important; }
[data-testid="stCaptionContainer"] p { font-size: .9rem !important; }
h1 { font-size: 1.8rem !important; padding-top: 0 !important; } h2 { font-size: 1.5rem !important; } h3 { font-size: 1.3rem !important; } .lnb-legend { font-size: .95rem; } .lnb-legend ul { line-height: 1.5 !important; }
[data-testid="stDataFrame"] { font-size: 1.1rem; }
</style>""" + (f"<style>{MAP_FRAME} {{ height: max(280px, calc(100vh - 250px)) !important; }}"
                 # a long source line scrolls inside the legend column rather than pushing the slide off the screen
                 "[data-testid='stColumn']:has(.lnb-legend) { max-height: calc(100vh - 220px); overflow-y: auto; }</style>")
EMBED_STYLE = (f"<style>{MAP_FRAME} {{ height: max(240px, calc(100vh - 190px)) !important; }}"
               "[data-testid='stColumn']:has(.lnb-legend) { max-height: calc(100vh - 190px); overflow-y: auto; }"
               "h1 { font-size: 1.5rem !important; padding: 0 0 .4rem 0 !important; }</style>")


def render_frame_style(mode: str) -> None:
    """Readable captions and a clean print everywhere; no menus when presenting or embedded; large type when presenting."""
    st.html(PRINT_STYLE + (CHROMELESS_STYLE if mode != "normal" else "") + (PRESENT_STYLE if mode == "present" else "")
            + (EMBED_STYLE if mode == "embed" else ""))


def settled_map_view(view):
    """The view with a breakdown, a year and a level the indicator has: a link may name none of them, or ones it lacks.

    Returns the view, the indicator's metadata and the years to offer (a frame with a ``year`` column), at every
    level a map can draw (municipalities, counties, former units; see lnb_dash.map_levels).
    """
    from lnb_dash import map_levels

    meta = cached.indicator_meta_cached(view.indicator)
    settled, years = map_levels.settle(view, cached.map_levels_cached())
    if not years:  # nothing a map can draw: the municipal coverage, as before
        coverage = cached.year_coverage_cached(view.indicator, settled.breakdown)
        year = view.year if view.year in coverage.year.tolist() else choose_default_year(coverage)
        return dataclasses.replace(view, year=year, level="municipality"), meta, coverage
    return settled, meta, pd.DataFrame({"year": years})


def settle_map_widgets(page: str, available: pd.DataFrame):
    """Give the map widgets' keys valid values before the widgets are drawn (the map is drawn first)."""
    from lnb_dash.classify import SCHEMES
    from lnb_dash.filters import MapView
    from lnb_dash.ui.state import ensure_option, key, view_from_widgets

    ensure_option(page, "indicator", available.indicator_id.tolist(), MapView.indicator)
    view, meta, coverage = settled_map_view(view_from_widgets(page, MapView, MapView()))
    st.session_state[key(page, "breakdown")] = view.breakdown
    st.session_state[key(page, "year")] = view.year
    st.session_state[key(page, "level")] = view.level
    ensure_option(page, "scheme", list(SCHEMES), SCHEMES[0])
    ensure_option(page, "k", CLASS_COUNTS, 5)
    return meta, coverage


def render_map_figure(view, lang: str, key: str, height: int = 560, clickable: bool = False, top_level: bool = False) -> None:
    """Title, map, legend and source of one map view, without widgets (presentation steps and embeds)."""
    from lnb_dash.ui.folium_map import render_map

    view, meta, _ = settled_map_view(view)
    values, model = cached.map_model_cached(view, lang)
    sources = values.source_id.dropna().tolist() or [meta.source_id]
    if top_level:  # an embed: its title and source stay in view in a small frame
        st.title(model.title)
        render_source_note(sources, lang)  # the map itself names its boundaries' source
    map_col, side_col = st.columns([2, 1] if top_level else [3, 2])  # presenting: a wider side column wraps less
    with side_col:
        if not top_level:
            st.subheader(model.title)
        st.caption(model.subtitle)
        st.html(model.legend_html)
        render_caveats(view.indicator, sources, lang, view.year)
        if not top_level:
            render_source_note(sources, lang)
    with map_col:
        follow_map_click(render_map(model.map_spec.with_options(clickable=clickable, height=height), lang, key=key).clicked, lang, view.level)


def render_trend_figure(view, municipalities: pd.DataFrame, lang: str, top_level: bool = True) -> None:
    """Title, chart and source of one trends view, without widgets (embeds)."""
    from lnb_dash import views

    meta = cached.indicator_meta_cached(view.indicator)
    areas = views.trend_areas(view, municipalities)
    series = views.label_series(cached.timeseries_cached(view.indicator, areas, view.breakdown), lang)
    (st.title if top_level else st.header)(f"{views.indicator_name(meta, view.breakdown, lang)} ({meta.unit[lang]})")
    if not series.empty:
        st.vega_lite_chart(json.loads(cached.trend_chart_spec_cached(view.indicator, areas, view.breakdown, view.indexed, lang)),
                           width="stretch")
        st.caption(f"{i18n.t('chart_alt', lang, indicator=meta.name[lang])} {i18n.t('break_note', lang)}")
    render_caveats(view.indicator, series.source_id.tolist() or [meta.source_id], lang)
    render_source_note(series.source_id.tolist() or [meta.source_id], lang)


def connection_or_stop(lang: str):
    """The cached connection, or a clear message (never a traceback) when the database is missing."""
    try:
        return cached.get_connection()
    except DatabaseUnavailableError as exc:
        render_database_error(exc, lang)


def render_classification_controls(page: str, lang: str, meta) -> None:
    from lnb_dash.ui.state import ensure_option, key
    from lnb_dash.views import schemes_for

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


def render_programme_facts(facts: pd.DataFrame, lang: str) -> None:
    """What LNB did in one place, each line with its source page (text as on the page)."""
    if facts.empty:
        st.write(i18n.t("no_lnb_activities", lang))
        return
    from lnb_dash.programme import fact_text

    for fact in facts.itertuples():
        label, period, value = (escape_markdown(text) for text in fact_text(fact, lang))
        st.markdown(f"- **{label}** ({period}): {value} [{i18n.t('source', lang)}]({fact.url})")


def render_sources(sources: pd.DataFrame, lang: str) -> None:
    """Every source with publisher, reference date, license and caveats; text from data is escaped."""
    for s in i18n.localize_sources(sources, lang).itertuples():
        with st.expander(f"{s.title}"):
            link = f" ([{i18n.t('source', lang)}]({s.homepage}))" if isinstance(s.homepage, str) and s.homepage.startswith("http") else ""
            st.markdown(f"**{i18n.t('publisher', lang)}:** {escape_markdown(s.publisher)}{link}  \n"
                        f"**{i18n.t('reference_date', lang)}:** {escape_markdown(s.reference_date)} · **{i18n.t('retrieved', lang)}:** {escape_markdown(s.retrieved)}  \n"
                        f"**{i18n.t('license', lang)}:** {escape_markdown(s.license)}")
            if s.description:
                st.write(escape_markdown(s.description))
            caveats = [c for c in (s.caveats or "").split("\n") if c]
            if caveats:
                st.markdown(f"**{i18n.t('caveats', lang)}:**\n" + "\n".join(f"- {escape_markdown(c)}" for c in caveats))


def render_downloads(key: str, lang: str, table: pd.DataFrame | None = None, indicator_ids: list[str] | None = None,
                     pictures: dict | None = None, base_name: str = "lnb", files: list[tuple] | None = None) -> None:
    """A row of download buttons: CSV and XLSX (data + metadata sheet) of ``table``, and each picture as PNG and SVG.

    ``pictures`` maps a label to a callable returning a framed Altair chart; images are only made when clicked.
    ``files`` adds (label, callable returning bytes, file name, MIME type) buttons.
    """
    from lnb_dash import exports, images

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


def render_sign_in(mode: str, lang: str) -> None:
    from lnb_dash.ui import auth

    if mode == "oidc":
        if getattr(st.user, "is_logged_in", False):
            st.error(i18n.t("not_allowed", lang))
        st.button(i18n.t("sign_in_oidc", lang), on_click=st.login, key="upload.login")
        return
    with st.form("upload.sign_in"):
        name = st.text_input(i18n.t("your_name", lang), key="upload.name")
        password = st.text_input(i18n.t("password", lang), type="password", key="upload.password")
        if st.form_submit_button(i18n.t("sign_in", lang)):
            if auth.check_password(name, password):
                st.rerun()
            st.error(i18n.t("wrong_password", lang))


def render_source_form(lang: str) -> dict:
    """Source metadata for an upload, as the importer's meta dict."""
    cols = st.columns(2)
    source = {
        "id": cols[0].text_input(i18n.t("source_id", lang), key="upload.source_id"),
        "title": cols[1].text_input(i18n.t("source_title", lang), key="upload.title"),
        "publisher": cols[0].text_input(i18n.t("source_publisher", lang), key="upload.publisher"),
        "homepage": cols[1].text_input(i18n.t("source_url", lang), key="upload.url"),
        "license": cols[0].text_input(i18n.t("source_license", lang), key="upload.license"),
        "reference_date": cols[1].text_input(i18n.t("source_date", lang), key="upload.date"),
    }
    return {"source": {k: v.strip() for k, v in source.items() if v.strip()}}


def render_problems(problems, lang: str) -> None:
    """The validation report: one row per problem with file, row, column and message (shown as text, never as HTML)."""
    st.error(i18n.t("problems_found", lang, n=len(problems)))
    st.dataframe(pd.DataFrame([{"file": p.file, "row": p.row, "column": p.column, "problem": p.message} for p in problems]),
                 hide_index=True, width="stretch")


def render_former_unit_aggregation(plan, lang: str) -> None:
    """For a table keyed by former units: how many municipalities get a sum, keep a reported value, or get none."""
    for (_breakdown, year), aggregation in (plan.aggregation or {}).items():
        if not aggregation.summed:
            st.info(i18n.t("former_units_not_summed", lang))
            return
        st.info(i18n.t("former_units_aggregation", lang, year=year, n=len(aggregation.aggregated), kept=len(aggregation.kept),
                       incomplete=len(aggregation.incomplete)))


def render_import_in_progress(exc, lang: str) -> None:
    """Another import holds the data folder's lock (a :class:`lnb_dash.locking.ImportInProgressError`): whose, since when."""
    st.error(i18n.t("import_in_progress", lang, user=exc.user or i18n.t("unknown_user", lang),
                    at=exc.started_at or i18n.t("unknown_time", lang)))


def reload_data() -> None:
    """After an import or undo: drop cached queries and the old connection so every page reads the new database."""
    st.cache_data.clear()
    st.cache_resource.clear()


def report_unknown_places(page: str, lang: str, stop: bool = False) -> None:
    """A link naming a place the alias table does not know gets a message with the closest names (as links),
    never another municipality in its place. ``stop`` ends the page there (a profile has one place only)."""
    from lnb_dash.filters import unknown_places

    problems = unknown_places({k: st.query_params.get(k) for k in st.query_params})
    if problems and stop:
        st.title(i18n.t(f"page_{page}", lang))
    for problem in problems:
        st.error(i18n.t("unknown_place", lang, text=escape_markdown(problem.text)))
        for candidate in problem.suggestions[:5]:
            st.page_link(f"pages/{page}.py", label=f"{candidate.name} ({candidate.code})", query_params={"m": candidate.code, "lang": lang},
                         icon=":material/arrow_forward:")
        if not problem.suggestions:
            st.caption(i18n.t("unknown_place_hint", lang))
    if problems and stop:
        st.stop()


def report_unknown_indicator(page: str, allowed: list[str], catalogue: pd.DataFrame, lang: str) -> None:
    """An ``indicator=`` this page cannot show stops the page with why and the closest indicators it can show."""
    import difflib

    asked = st.query_params.get("indicator")
    if not asked or asked in allowed:
        return
    names = {i: escape_markdown(n) for i, n in zip(catalogue.indicator_id, catalogue[f"name_{lang}"])}
    st.title(i18n.t(f"page_{page}", lang))
    if asked in names:
        st.error(i18n.t("indicator_not_here", lang, name=names[asked]))
        st.page_link("pages/map.py", label=names[asked], query_params={"indicator": asked, "lang": lang}, icon=":material/map:")
    else:
        st.error(i18n.t("unknown_indicator", lang, text=escape_markdown(asked)))
        by_name = {names[i].lower(): i for i in allowed if i in names}
        close = difflib.get_close_matches(asked.lower(), list(allowed) + list(by_name), n=5, cutoff=0.4)
        for match in dict.fromkeys(by_name.get(m, m) for m in close):
            st.page_link(f"pages/{page}.py", label=names.get(match, match), query_params={"indicator": match, "lang": lang},
                         icon=":material/arrow_forward:")
    st.stop()


def settle_typed_place(page: str, codes: list[str], lang: str) -> None:
    """The municipality picker accepts any text ("korca", "Bashkia e Kamzës", "AL221"): resolve it through the alias
    table before the picker is drawn; an unknown text keeps the current municipality and says so, with suggestions."""
    from lnb_dash.ui.state import key

    k = key(page, "m")
    typed = st.session_state.get(k)
    if not isinstance(typed, str) or typed in codes:
        return
    previous = st.session_state.get(key(page, "view"))
    st.session_state[k] = resolve_or_warn(typed, lang) or (previous.m if previous else codes[0])


def resolve_or_warn(text: str, lang: str) -> str | None:
    """The code a typed place resolves to through the alias table, or None after a warning naming the closest places."""
    from lnb_dash import names

    try:
        return names.load_resolver().resolve(text).code
    except names.UnknownName as problem:
        suggestions = ", ".join(f"{c.name} ({c.code})" for c in problem.suggestions[:5])
        st.warning(i18n.t("unknown_place", lang, text=escape_markdown(text)) + (f" {i18n.t('did_you_mean', lang)} {suggestions}" if suggestions else ""))
        return None


def render_place_search(key: str, municipalities: pd.DataFrame, lang: str) -> None:
    """A picker that opens a municipality's profile: any spelling goes through the alias table (korca, Kamza, AL221)."""
    codes = municipalities.lau_code.tolist()
    chosen = st.selectbox(i18n.t("open_profile_search", lang), codes, index=None, format_func=municipality_label(municipalities),
                          placeholder=i18n.t("search_place_placeholder", lang), accept_new_options=True, key=key)
    code = chosen if chosen in codes else resolve_or_warn(chosen, lang) if chosen else None
    if code:
        st.switch_page("pages/profile.py", query_params={"m": code, "lang": lang})


def render_compare_picker(page: str, view, lang: str) -> None:
    """Municipalities picked beside the map open Compare with them in one click (only where the map shows municipalities);
    a plain link, as the profile's to its similar municipalities, so it can also be opened in a new tab or copied."""
    from lnb_dash import profile_html, views

    if getattr(view, "level", "municipality") != "municipality":
        return
    municipalities = cached.municipalities_cached()
    chosen = st.multiselect(i18n.t("compare_from_map", lang), municipalities.lau_code.tolist(), max_selections=views.COMPARE_MAX,
                            format_func=municipality_label(municipalities), help=i18n.t("compare_from_map_help", lang), key=f"{page}.compare")
    if len(chosen) < 2:
        st.caption(i18n.t("compare_help", lang))
        return
    st.html(profile_html.compare_link_html(views.compare_url(chosen, lang), i18n.t("compare_open", lang)))

def render_data_as_of(lang: str) -> None:
    """'Data as of 2025 (newest source: …). The database was built on …' under the overview's title."""
    newest, built = cached.data_as_of_cached()
    if newest is None:
        return
    titles = i18n.localize_sources(cached.sources_cached(), lang).set_index("source_id").title
    year, source_id = newest
    st.caption(escape_markdown(i18n.t("data_as_of", lang, year=year, source=titles.get(source_id, source_id), built=built or "–")))


def render_caveats(indicator_id: str, source_ids, lang: str, year: int | None = None, where=None) -> None:
    """The caveats of one view (sex split that does not add up, the sources' caveats for that year) beside its numbers,
    in ``where`` (a column or container; the page by default)."""
    from lnb_dash.caveats import MARK

    items = cached.caveats_cached(indicator_id, tuple(dict.fromkeys(s for s in source_ids if isinstance(s, str))), lang, year)
    if items:
        (where or st).caption(f"{MARK} **{i18n.t('caveats_heading', lang)}:**\n" + "\n".join(f"- {escape_markdown(c)}" for c in items))
