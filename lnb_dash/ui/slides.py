"""Presentation slides: each kind of story step drawn in presentation layout, and the keys a remote clicker sends.

A step shows its title, one figure, the figure's legend and its whole source line (pages/present.py draws the
title and the buttons). The keys are handled here, in the presentation's own code, not in the map's.
"""

from __future__ import annotations

import html
import json

import streamlit as st

from lnb_dash import i18n
from lnb_dash.model import stories, trends
from lnb_dash.ops import page_scripts
from lnb_dash.ui import cached, citations, county_views, figures

# Forward: →, PageDown, Space, ↓; back: ←, PageUp, Shift+Space, ↑; Home/End: first/last. Listened for on the page and
# in every same-origin frame (a map is a frame: after a click on it, the keys go there), in the capture phase, so they
# work whatever was clicked last. A map keeps the arrow keys only when it was reached with the Tab key, not a click.
KEYS_SCRIPT = page_scripts.script_tag(page_scripts.PRESENT_KEYS)


# The Home and End buttons are for the keys only (the visible buttons already step one at a time).
KEYS_STYLE = ("<style>.st-key-present-first, .st-key-present-last { display: none !important; }"
              "body.lnb-stepping .st-key-lnb-slide { visibility: hidden; }</style>")


def install_keys() -> None:
    st.html(KEYS_STYLE + KEYS_SCRIPT, unsafe_allow_javascript=True)


PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def render_deck_downloads(story: stories.Story, name: str, lang: str, where) -> None:
    """The story as slides to take away, PowerPoint and one offline HTML file, made only when one is asked for
    (python -m lnb_dash export story makes the same two files)."""
    from lnb_dash.render import deck, deck_html, deck_pptx

    def slides():
        return cached.deck_slides_cached(story, lang)

    files = ((i18n.t("deck_download_pptx", lang), lambda: deck_pptx.build_pptx(slides(), story.title[lang], lang), "pptx", PPTX_MIME),
             (i18n.t("deck_download_html", lang), lambda: deck_html.build_html(slides(), story.title[lang], lang).encode("utf-8"), "html",
              "text/html"))
    with where.popover(i18n.t("deck_downloads", lang), icon=":material/download:"):
        for label, data, suffix, mime in files:
            file_name = deck.file_name(name, lang, suffix)
            st.download_button(label, data, file_name=file_name, mime=mime, key=f"present.deck.{file_name}", on_click="ignore",
                               icon=":material/download:")


def load_stories() -> dict:
    """Every story file, re-read when one is added or changed (no restart)."""
    return cached.stories_cached(stories.signature(stories.STORIES_DIR))


# Type that grows with the screen: body ≥ 18 px and chart labels 16 px at 1920×1080, still readable at 1280×720.
SLIDE_STYLE = """<style>
.lnb-figures { display: grid; grid-template-columns: repeat(5, 1fr); gap: 1.2vh 1.2vw; }
.lnb-figures div { border-left: 4px solid #08519c; padding: .2vh .6vw; }
.lnb-figures b { display: block; font-size: clamp(20px, 2.2vw, 44px); color: #08519c; line-height: 1.15; }
.lnb-figures span { display: block; font-size: clamp(13px, 0.95vw, 20px); line-height: 1.25; }
.lnb-pairs { border-collapse: collapse; width: 100%; font-size: clamp(13px, 0.95vw, 20px); }
.lnb-pairs td { padding: .35vh .6vw; border-bottom: 1px solid #ddd; }
.lnb-pairs td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.lnb-pairs td.after { font-weight: 700; color: #08519c; } .lnb-pairs th { text-align: right; padding: 0 .6vw; }
</style>"""
CHART_FONT = 16
SLIDE_ROWS = 4  # a county profile's first figures (population, area …): the whole table is on the profile page
CHART_HEIGHT = 300  # fits under the title at 1280×720 with its legend and source line


def _slide_spec(spec: str, height: int = CHART_HEIGHT) -> dict:
    """A chart's Vega-Lite spec at presentation size: its height and larger labels."""
    out = json.loads(spec)
    if "height" in out or not any(k in out for k in ("facet", "vconcat", "hconcat")):
        out["height"] = height
    config = out.setdefault("config", {})
    for part in ("axis", "legend", "header"):
        config.setdefault(part, {}).update({"labelFontSize": CHART_FONT, "titleFontSize": CHART_FONT})
    config.setdefault("text", {})["fontSize"] = CHART_FONT
    return out


def render_caveats_line(indicator_id: str, source_ids, lang: str, year: int | None = None, where=None) -> None:
    """The caveats as one short ⚠ line that opens on demand (the list would push the source off the slide)."""
    from lnb_dash.model.caveats import MARK

    items = cached.caveats_cached(indicator_id, tuple(dict.fromkeys(s for s in source_ids if isinstance(s, str))), lang, year)
    if items:
        with (where or st).popover(f"{MARK} {i18n.t('caveats_heading', lang)} ({len(items)})"):
            st.markdown("\n".join(f"- {citations.escape_markdown(c)}" for c in items))


def render_step_done(number: int) -> None:
    """The step's last element: the clicker script shows the slide again once it sees the step it asked for drawn."""
    st.html(f'<i class="lnb-slide-done" data-step="{int(number)}" aria-hidden="true"></i>')


def render_step(step: stories.Step, lang: str, key: str) -> None:
    """The figure, legend and source of one step in presentation layout (its title is drawn by the page)."""
    st.html(SLIDE_STYLE)
    view = step.view()
    if step.page == "map":
        render_map(view, lang, key)
    elif step.page == "trends":
        render_trends(view, lang)
    elif step.page == "compare":
        render_compare(view, lang)
    elif step.page == "profile":
        render_profile(view, lang, key)
    elif step.page == "programme":
        render_pairs(lang)
    else:
        render_headlines(lang)


def render_headlines(lang: str) -> None:
    """The final programme page's headline results, five to a row, with their source."""
    from lnb_dash.model import programme

    items = programme.programme_figures(cached.programme_figures_cached(), lang, headline_only=True)
    st.html("<div class='lnb-figures'>" + "".join(
        f"<div title='{html.escape(f.stated)}'><b>{html.escape(f.value)}</b><span>{html.escape(f.label)}</span></div>" for f in items)
        + "</div>")
    citations.render_source_note(["lnb_factsheets"], lang)


def render_pairs(lang: str) -> None:
    """The measures both documents report: 2019 → 2021, with their source."""
    from lnb_dash.model import programme

    results = cached.programme_results_cached()
    before, after = programme.factsheet_years(results)
    rows = "".join(f"<tr><td>{html.escape(getattr(r, 'name_' + lang))}</td><td class='n'>{i18n.format_number(r.value_before, 0, lang)}</td>"
                   f"<td class='n after'>{i18n.format_number(r.value_after, 0, lang)}</td><td>{html.escape(getattr(r, 'unit_' + lang))}</td></tr>"
                   for r in results.itertuples())
    st.html(f"<table class='lnb-pairs'><thead><tr><th></th><th>{before}</th><th>{after}</th><th></th></tr></thead><tbody>{rows}</tbody></table>")
    citations.render_source_note(["lnb_factsheets"], lang)


def render_map(view, lang: str, key: str) -> None:
    """The map beside its title, legend, one ⚠ line and the whole source line."""
    from lnb_dash.ui.folium_map import render_map as draw

    view, meta, _ = figures.settled_map_view(view)
    values, model = cached.map_model_cached(view, lang)
    figure = cached.map_figure_cached(view, lang)
    sources = values.source_id.dropna().tolist() or [meta.source_id]
    map_col, side_col = st.columns([3, 2])
    with side_col:
        st.subheader(model.title)
        st.caption(model.subtitle)
        st.html(figure.legend_html)
        render_caveats_line(view.indicator, sources, lang, view.year)
        citations.render_source_note(sources, lang)
    with map_col:
        draw(figure.spec.with_options(clickable=False, height=500), lang, key=f"{key}.map")


def render_trends(view, lang: str) -> None:
    """Municipal or county trends: the chart, one ⚠ line and the source."""
    from lnb_dash.model import map as map_model

    offered = cached.series_indicators_cached()
    meta = cached.indicator_meta_cached(view.indicator)
    if trends.settle_level(view.level, view.indicator, list(offered.county), list(offered.municipal)) == "county":
        series, _, spec, _ = cached.county_trend_cached(view.indicator, trends.highlighted_areas(view.areas), view.national,
                                                            view.indexed, lang)
        st.subheader(county_views.trend_title(meta, lang))
    else:
        areas = trends.trend_areas(view, cached.municipalities_cached())
        series = trends.label_series(cached.timeseries_cached(view.indicator, areas, view.breakdown), lang)
        spec = cached.trend_chart_spec_cached(view.indicator, areas, view.breakdown, view.indexed, lang)
        st.subheader(f"{map_model.indicator_name(meta, view.breakdown, lang)} ({meta.unit[lang]})")
    sources = series.source_id.tolist() or [meta.source_id]
    st.vega_lite_chart(_slide_spec(spec), width="stretch")
    render_caveats_line(view.indicator, sources, lang)
    citations.render_source_note(sources, lang)


def render_compare(view, lang: str) -> None:
    """The first two charts of the comparison side by side, with their source."""
    charts = cached.compare_charts_cached(tuple(view.m), lang)[:2]
    for column, (_, spec) in zip(st.columns(2), charts):
        column.vega_lite_chart(_slide_spec(spec, height=260), width="stretch")
    citations.render_source_note([s for chart, _ in charts for s in chart.source_ids], lang)


def render_profile(view, lang: str, key: str) -> None:
    """A municipality: where it is and its key facts; a county: its figures with their ranks among the 12."""
    from lnb_dash.model import county_profile, profiles
    from lnb_dash.model.address import CountyProfileView
    from lnb_dash.render import maps, profile_html
    from lnb_dash.ui.folium_map import render_map as draw

    st.html(profile_html.PROFILE_STYLE)
    if isinstance(view, CountyProfileView):
        frame = cached.county_indicators_cached(view.county)
        rows = county_profile.indicator_rows(frame, view.county, lang)[:SLIDE_ROWS]
        st.html(profile_html.county_indicators_html(rows, lang, county_profile.county_title(view.county, lang)))
        citations.render_source_note([r.source_id for r in rows], lang)
        return
    municipality = cached.municipalities_cached().set_index("lau_code").loc[view.m]
    profile = cached.profile_cached(view.m)
    map_col, facts_col = st.columns([2, 3])
    with map_col:
        locator = maps.locator_spec(cached.municipalities_gdf_cached(), view.m, lang, height=300)
        draw(locator, lang, key=f"{key}.locator")  # the frame takes the height left: its captions go beside it
    with facts_col:
        st.markdown("  \n".join(f"**{label}:** {citations.escape_markdown(text)}" for label, text in profiles.key_facts(profile, municipality, lang)))
        citations.render_source_note(profile.source_id.tolist(), lang)
        st.caption(locator.label + ". " + i18n.t("boundary_attribution", lang))
