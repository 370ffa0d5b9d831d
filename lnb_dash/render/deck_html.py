"""A story as one HTML file to present from disk with no network: every step a full-screen slide, maps drawn by
Leaflet (inlined from xstatic-leaflet, as the map page's interactive map file) with their tooltips and legend,
charts as inline SVG (vl-convert), the source and caveats on each slide, and the keys a remote clicker sends.

The file forbids itself every request (a Content-Security-Policy without network sources), so nothing in it can
reach out, even by mistake.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from lnb_dash import i18n
from lnb_dash.model import caveats
from lnb_dash.render import charts, images, maps
from lnb_dash.render.deck import Slide

POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def map_data(spec: maps.MapSpec) -> dict:
    """A map as the deck's script draws it: each area's shape, style (by index), tooltip rows and label, the lines
    drawn over the areas (county or municipality borders) and the area to zoom to."""
    styles: dict[str, int] = {}
    features = []
    for code, geometry in maps.geometries(spec.layer):
        feature = spec.features.get(code) or {"style": maps.STATUS_STYLES["not_reported"], "tip": [], "label": ""}
        style = {**feature["style"], **(maps.HIGHLIGHT_STYLE if code in spec.highlight else {})}
        index = styles.setdefault(json.dumps(style, sort_keys=True), len(styles))
        features.append({"type": "Feature", "geometry": geometry,
                         "properties": {"c": code, "s": index, "l": feature["label"], "f": code in spec.highlight,
                                        "t": [[str(label or ""), str(text)] for label, text in feature["tip"]]}})
    lines = [("counties", maps.COUNTY_STYLE)] if spec.counties else []
    if spec.municipality_lines:
        lines.append(("municipalities", maps.MUNICIPALITY_LINE_STYLE))
    return {"features": features, "styles": [json.loads(s) for s in styles], "label": spec.label, "focus": spec.focus,
            "interactive": spec.interactive,
            "lines": [{"style": style, "shapes": [g for _, g in maps.geometries(layer)]} for layer, style in lines]}


def _facts_html(slide: Slide) -> str:
    if not slide.facts:
        return ""
    items = "".join(f"<dt>{html.escape(label)}</dt><dd>{html.escape(text)}</dd>" for label, text in slide.facts)
    return f"<dl class='facts'>{items}</dl>"


def slide_html(slide: Slide, number: int, total: int, map_index: int | None, lang: str, story_title: str) -> str:
    """One step: title and what the figure shows, the figure (a map to draw, or the chart as SVG), legend or facts,
    the caveats (one ⚠ line that opens) and the whole source line."""
    if map_index is not None:
        role = "group" if slide.map.spec.interactive else "img"  # an img's children are hidden: no zoom buttons or areas in it
        figure = (f"<div class='map' data-map='{map_index}' role='{role}' aria-label='{html.escape(slide.map.spec.label)}'></div>"
                  f"<aside>{slide.map.legend_html}{_facts_html(slide)}</aside>")
    else:
        svg = images.to_svg(charts.localize(slide.chart, lang).configure(font=images.FONT).configure_view(stroke=None))
        svg = svg.replace("<svg ", "<svg aria-hidden='true' ", 1)  # the figure is named once, by its heading (Vega's marks are unnamed)
        figure = f"<div class='chart' role='img' aria-label='{html.escape(slide.heading)}'>{svg}</div>" + (
            f"<aside>{_facts_html(slide)}</aside>" if slide.facts else "")
    short = caveats.short_caveats(slide.caveats)
    warn = (f"<details class='caveats'><summary>{caveats.MARK} {html.escape(i18n.t('caveats_heading', lang))} ({len(short)})</summary>"
            f"<ul>{''.join(f'<li>{html.escape(c)}</li>' for c in slide.caveats)}</ul></details>") if short else ""
    where = html.escape(i18n.t("step_of", lang, story=story_title, step=number, n=total))
    return (f"<section class='slide' id='step-{number}' data-step='{number}' aria-label='{where}'{'' if number == 1 else ' hidden'}>"
            f"<header><h1>{html.escape(slide.title)}</h1><p class='what'>{html.escape(slide.heading)}</p>"
            + (f"<p class='sub'>{html.escape(slide.subtitle)}</p>" if slide.subtitle else "")
            + f"</header><div class='figure{' with-side' if map_index is not None or slide.facts else ''}'>{figure}</div>"
            f"<footer>{warn}<p class='source'>{html.escape(slide.source)}</p><p class='where'>{where}</p></footer></section>")


def build_html(slides: list[Slide], title: str, lang: str) -> str:
    """The deck as one HTML document: Leaflet, styles, maps' data and script inlined; opens on step 1 (or ``#step-N``)."""
    leaflet = Path(xstatic_leaflet.BASE_DIR)
    map_specs, sections = [], []
    for number, slide in enumerate(slides, start=1):
        index = None
        if slide.map is not None:
            index = len(map_specs)
            map_specs.append(map_data(slide.map.spec))
        sections.append(slide_html(slide, number, len(slides), index, lang, title))
    data = json.dumps(map_specs, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    hint = html.escape(i18n.t("pres_key_hint", lang))
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{POLICY}\">"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{html.escape(title)}</title>"
            f"<style>{(leaflet / 'leaflet.css').read_text(encoding='utf-8')}</style><style>{DECK_CSS}</style>"
            f"<script>{(leaflet / 'leaflet.js').read_text(encoding='utf-8')}</script></head><body>"
            f"<main>{''.join(sections)}</main><footer class='hint'>{hint}</footer>"
            f"<script type='application/json' id='lnb-maps'>{data}</script><script>{DECK_JS}</script></body></html>")


# Type grows with the screen: body ≥ 18 px at 1920×1080; the slide fills the window and nothing scrolls inside it.
DECK_CSS = """
html, body { margin: 0; height: 100%; font-family: "Liberation Sans", Arial, system-ui, sans-serif; color: #1a1a1a; background: #fff; }
body { font-size: clamp(14px, 1.05vw, 24px); }
.slide { box-sizing: border-box; height: 100vh; padding: 2vh 2.5vw 1.5vh; display: flex; flex-direction: column; }
.slide[hidden] { display: none; }
.slide h1 { font-size: 2em; margin: 0; } .what { color: #08519c; font-size: 1.2em; margin: .3em 0 0; } .sub { margin: .2em 0 0; color: #404040; }
.figure { flex: 1; min-height: 0; display: grid; grid-template-columns: 1fr; gap: 2vw; margin: 1.5vh 0; }
.figure.with-side { grid-template-columns: minmax(0, 3fr) minmax(12em, 2fr); }
.map { height: 100%; min-height: 200px; background: #fff; }
.chart { min-height: 0; display: flex; justify-content: center; align-items: flex-start; }
.chart svg { max-width: 100%; max-height: 100%; width: auto; height: 100%; }
aside { overflow: hidden; } .facts dt { color: #404040; margin-top: .5em; } .facts dd { margin: 0; font-weight: 700; font-size: 1.2em; }
footer { font-size: .9em; color: #404040; } footer p { margin: .2em 0; }
.caveats summary { cursor: pointer; } .caveats[open] ul { max-height: 30vh; overflow: auto; margin: .3em 0; }
.hint { position: fixed; right: 1vw; bottom: .5vh; font-size: .75em; color: #6b6b6b; }
.leaflet-container { background: #fff; font: inherit; }
@media print { .slide, .slide[hidden] { display: flex; break-after: page; height: 100vh; } .hint { display: none; } }
"""

# Forward: →, PageDown, Space, ↓; back: ←, PageUp, Shift+Space, ↑; Home/End: first/last. Listened for in the capture
# phase, so a click on a map never takes the keys (the maps leave the keyboard to the deck). A map is made the first
# time its slide shows (Leaflet needs the slide's size) and keeps its view afterwards.
DECK_JS = """
(function () {
  var specs = JSON.parse(document.getElementById("lnb-maps").textContent);
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var made = {};
  var current = 0;
  function tooltip(area) {
    var table = document.createElement("table");
    area.feature.properties.t.forEach(function (row) {
      var tr = table.insertRow();
      if (row[0]) { var th = document.createElement("th"); th.textContent = row[0]; tr.appendChild(th); }
      tr.insertCell().textContent = row[1];
    });
    return table;
  }
  function draw(box) {
    var spec = specs[+box.dataset.map];
    var map = L.map(box, {keyboard: false, zoomSnap: 0.25, attributionControl: false,
                          zoomControl: spec.interactive, scrollWheelZoom: spec.interactive, dragging: spec.interactive});
    var areas = L.geoJSON({type: "FeatureCollection", features: spec.features}, {
      interactive: spec.interactive, style: function (f) { return spec.styles[f.properties.s]; }}).addTo(map);
    if (spec.interactive) areas.bindTooltip(tooltip, {sticky: true});
    areas.eachLayer(function (area) { if (area.feature.properties.f) area.bringToFront(); });
    spec.lines.forEach(function (line) {
      L.geoJSON({type: "GeometryCollection", geometries: line.shapes}, {interactive: false, style: function () { return line.style; }}).addTo(map);
    });
    var bounds = areas.getBounds();
    if (spec.focus) areas.eachLayer(function (area) { if (area.feature.properties.c === spec.focus) bounds = area.getBounds().pad(1.5); });
    map.fitBounds(bounds);
    new ResizeObserver(function () { map.invalidateSize(); }).observe(box);
    return map;
  }
  function show(i) {
    current = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach(function (s, j) { s.hidden = j !== current; });
    slides[current].querySelectorAll(".map").forEach(function (box) {
      if (!made[box.dataset.map]) made[box.dataset.map] = draw(box);
    });
    if (location.hash !== "#step-" + (current + 1)) history.replaceState(null, "", "#step-" + (current + 1));
    document.title = document.title.replace(/ · \\d+\\/\\d+$/, "") + " · " + (current + 1) + "/" + slides.length;
  }
  var forward = {ArrowRight: 1, PageDown: 1, ArrowDown: 1, " ": 1}, back = {ArrowLeft: 1, PageUp: 1, ArrowUp: 1};
  window.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var to = null;
    if (e.key === " " && e.shiftKey) to = current - 1;
    else if (forward[e.key]) to = current + 1;
    else if (back[e.key]) to = current - 1;
    else if (e.key === "Home") to = 0;
    else if (e.key === "End") to = slides.length - 1;
    if (to === null) return;
    e.preventDefault(); e.stopPropagation();
    show(to);
  }, true);
  var asked = /^#step-(\\d+)$/.exec(location.hash);
  show(asked ? +asked[1] - 1 : 0);
})();
"""
