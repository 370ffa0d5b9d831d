"""Presentation slides: each kind of story step drawn in presentation layout, and the keys a remote clicker sends.

A step shows its title, one figure, the figure's legend and its whole source line (pages/present.py draws the
title and the buttons). The keys are handled here, in the presentation's own code, not in the map's.
"""

from __future__ import annotations

import json

import streamlit as st

from lnb_dash import i18n
from lnb_dash.model import stories, trends
from lnb_dash.ui import cached, citations, county_views, figures

# Forward: →, PageDown, Space, ↓; back: ←, PageUp, Shift+Space, ↑; Home/End: first/last. Listened for on the page and
# in every same-origin frame (a map is a frame: after a click on it, the keys go there), in the capture phase, so they
# work whatever was clicked last. A map keeps the arrow keys only when it was reached with the keyboard (:focus-visible).
KEYS_SCRIPT = """<script>
(() => {
  if (window.__lnbPresentKeys) return;
  window.__lnbPresentKeys = true;
  const ACTIONS = {ArrowRight: "next", PageDown: "next", ArrowDown: "next", ArrowLeft: "previous", PageUp: "previous",
                   ArrowUp: "previous", Home: "first", End: "last"};
  const action = (e) => e.key === " " ? (e.shiftKey ? "previous" : "next") : ACTIONS[e.key];
  const typing = (t) => t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName || ""));
  const mapByKeyboard = (doc) => {
    const a = doc.activeElement;
    return !!(a && a.closest && a.closest(".leaflet-container") && a.matches(":focus-visible"));
  };
  const press = (name) => {
    const button = document.querySelector(`.st-key-present-${name} button`);
    if (button && !button.disabled) button.click();
  };
  const onKey = (doc) => (e) => {
    if (!document.querySelector(".st-key-present-next") || e.altKey || e.ctrlKey || e.metaKey) return;
    const act = action(e);
    if (!act || typing(e.target) || e.target.closest?.("[role=listbox], [data-baseweb=popover]")) return;
    if (e.key.startsWith("Arrow") && mapByKeyboard(doc)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    press(act);
  };
  const attach = (win) => {
    try {
      if (!win || win.__lnbKeyed) return;
      win.__lnbKeyed = true;
      win.addEventListener("keydown", onKey(win.document), true);
    } catch (err) { /* a frame from elsewhere: not ours to listen to */ }
  };
  const scan = () => document.querySelectorAll("iframe").forEach((f) => {
    attach(f.contentWindow);
    try { f.contentWindow.document.querySelectorAll("iframe").forEach((g) => attach(g.contentWindow)); } catch (err) { /* elsewhere */ }
  });
  attach(window);
  scan();
  new MutationObserver(scan).observe(document.body, {childList: true, subtree: true});
  setInterval(scan, 1000);
})();
</script>"""


# The Home and End buttons are for the keys only (the visible buttons already step one at a time).
KEYS_STYLE = "<style>.st-key-present-first, .st-key-present-last { display: none !important; }</style>"


def install_keys() -> None:
    st.html(KEYS_STYLE + KEYS_SCRIPT, unsafe_allow_javascript=True)


def load_stories() -> dict:
    """Every story file, re-read when one is added or changed (no restart)."""
    return cached.stories_cached(stories.signature(stories.STORIES_DIR))


def render_step(step: stories.Step, lang: str, key: str) -> None:
    """The figure, legend and source of one step in presentation layout (its title is drawn by the page)."""
    view = step.view()
    if step.page == "map":
        figures.render_map_figure(view, lang, key=f"{key}.map", height=500)
    elif step.page == "trends":
        render_trends(view, lang)
    elif step.page == "compare":
        render_compare(view, lang)
    elif step.page == "profile":
        render_profile(view, lang, key)
    elif step.page == "programme":
        from lnb_dash.render import charts

        st.altair_chart(charts.localize(charts.build_programme_chart(cached.programme_results_long_cached(), lang, row_height=22), lang),
                        width="stretch")
        citations.render_source_note(["lnb_factsheets"], lang)
    else:
        figures.render_headline_figures(lang, columns=5)
        citations.render_source_note(["lnb_factsheets"], lang)


def render_trends(view, lang: str) -> None:
    offered = cached.series_indicators_cached()
    if trends.settle_level(view.level, view.indicator, list(offered.county), list(offered.municipal)) == "county":
        county_views.render_county_trend_figure(view, lang, top_level=False)
    else:
        figures.render_trend_figure(view, cached.municipalities_cached(), lang, top_level=False)


def render_compare(view, lang: str) -> None:
    """The first two charts of the comparison side by side, with their source."""
    charts = cached.compare_charts_cached(tuple(view.m), lang)[:2]
    for column, (chart, spec) in zip(st.columns(2), charts):
        column.vega_lite_chart(json.loads(spec), width="stretch")
        column.caption(i18n.t("compare_chart_alt", lang, indicator=chart.title, n=len(chart.data)))
    citations.render_source_note([s for chart, _ in charts for s in chart.source_ids], lang)


def render_profile(view, lang: str, key: str) -> None:
    """A municipality: where it is and its key facts; a county: its figures with their ranks among the 12."""
    from lnb_dash.model import county_profile, profiles
    from lnb_dash.model.address import CountyProfileView
    from lnb_dash.render import maps, profile_html
    from lnb_dash.ui.folium_map import render_map

    st.html(profile_html.PROFILE_STYLE)
    if isinstance(view, CountyProfileView):
        frame = cached.county_indicators_cached(view.county)
        rows = county_profile.indicator_rows(frame, view.county, lang)
        st.html(profile_html.county_indicators_html(rows, lang, county_profile.county_title(view.county, lang)))
        citations.render_source_note(frame.source_id.tolist(), lang)
        return
    municipality = cached.municipalities_cached().set_index("lau_code").loc[view.m]
    profile = cached.profile_cached(view.m)
    map_col, facts_col = st.columns([2, 3])
    with map_col:
        locator = maps.locator_spec(cached.municipalities_gdf_cached(), view.m, lang, height=360)
        render_map(locator, lang, key=f"{key}.locator")
        st.caption(locator.label + ". " + i18n.t("boundary_attribution", lang))
    with facts_col:
        st.header(i18n.t("key_facts", lang))
        st.markdown("  \n".join(f"**{label}:** {citations.escape_markdown(text)}" for label, text in profiles.key_facts(profile, municipality, lang)))
        citations.render_source_note(profile.source_id.tolist(), lang)
