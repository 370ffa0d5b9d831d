"""Every map of the dashboard, as folium objects built from plain data.

A map is two parts, so that a view change repaints the same Leaflet map instead of building a new
one: a **base map** per geography (``base_map``: no tiles unless asked, Leaflet from the app's own
static files, county lines, attribution), and a **values layer** per view (``values_layer``: a
``folium.FeatureGroup`` holding the styled ``folium.GeoJson`` of the municipalities with their
tooltips and keyboard access). ``lnb_dash.ui.folium_map`` hands both to ``streamlit_folium.st_folium``
(``feature_group_to_add``); ``standalone_html`` writes the same map as one self-contained file.

What each area shows is plain data first (:class:`MapSpec`, built by ``choropleth_spec`` from a map model through
``map_figure``, ``locator_spec`` and ``highlight_spec``), so tests read it without a browser. Names and values
are HTML-escaped here: folium's tooltips insert them as markup.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import shapely.geometry
import xstatic.pkg.leaflet as xstatic_leaflet
from branca.element import Element, MacroElement
from folium.template import Template

from lnb_dash import i18n, levels, names
from lnb_dash.levels import area_label
from lnb_dash.model import caveats
from lnb_dash.model.classify import FLAG_STYLE, STATUS_STYLES, Classes
from lnb_dash.model.map import MapModel, flagged, source_text
from lnb_dash.ops import assets
from lnb_dash.query import boundaries

ALBANIA_BOUNDS = [[39.64, 19.26], [42.67, 21.07]]
HOVER_STYLE = {"weight": 3, "color": "#000000"}
COUNTY_STYLE = {"fill": False, "color": "#303030", "weight": 1.6}
MUNICIPALITY_LINE_STYLE = {"fill": False, "color": "#1a1a1a", "weight": 0.9, "opacity": 0.9}  # over the 373 former units
HIGHLIGHT_STYLE = {"color": "#000000", "weight": 3.2}
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
STATIC_URL = "/app/static/"
BASE_MAP_ID = "lnb"  # fixed names: the values layer of every rerun refers to the same base map
VALUES_ID = "values"

# folium's templates write JSON with Jinja's ``tojson``; without spaces the boundaries are ~15 % smaller on every view change.
folium.GeoJson._template.environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}


@dataclass(frozen=True)
class MapSpec:
    """One map as plain data: for each area code its style, tooltip rows ``[label, text]`` and accessible label."""

    features: dict[str, dict]
    label: str
    height: int = 560
    interactive: bool = True
    clickable: bool = False
    counties: bool = False
    highlight: frozenset[str] = frozenset()
    basemap: bool = False
    focus: str | None = None  # zoom to this municipality (the profile's locator)
    tooltip_labels: tuple[str, ...] = field(default=())
    layer: str = "municipalities"  # the boundary layer coloured (geometries): municipalities, counties or former_units
    municipality_lines: bool = False  # today's 61 municipalities drawn over a finer layer

    def with_options(self, **changes) -> MapSpec:
        return MapSpec(**{**self.__dict__, **changes})


def class_labels(classes: Classes, meta, lang: str) -> list[str]:
    """'1 234 – 5 678' for ranges, the value itself where a class is one value, category names."""
    if classes.labels:
        return list(classes.labels)
    fmt = lambda v: i18n.format_value(v, meta, lang, with_unit=False)  # noqa: E731 (the unit is in the legend title)
    if classes.exact_values:
        return [fmt(b) for b in classes.bins]
    lowers = (classes.lower, *classes.bins[:-1])
    return [f"{fmt(lo)} – {fmt(hi)}" for lo, hi in zip(lowers, classes.bins)]


def feature_style(status: str, fill: str) -> dict:
    """A value gets its class colour; a missing value its status pattern (never a colour of the scale)."""
    if status != "value" or not fill:
        return dict(STATUS_STYLES.get(status, STATUS_STYLES["not_reported"]))
    return {"fillColor": fill, "fillOpacity": 0.9, "color": "#ffffff", "weight": 0.8, "dashArray": None}


def short_citation(title) -> str:
    """A value's publication as a tooltip names it: the title before its first parenthesis ("de.wikipedia 'Korça'",
    "citypopulation.de", "AU-datascience/data"); the page, CSV and PDF give it in full with its address."""
    return title.split(" (")[0].split(":")[0] if isinstance(title, str) and title else "–"


def choropleth_spec(gdf: gpd.GeoDataFrame, classes: Classes, meta, lang: str, *, label: str, highlight: set[str] | None = None,
                    basemap: bool = False, clickable: bool = True, height: int = 560, value_label: str | None = None,
                    level: str = "municipality") -> MapSpec:
    """The areas of one level coloured by class, an optional highlight, and the lines of the level above:
    county borders over the 61 municipalities, today's municipalities over the 373 former units, none over counties.

    ``gdf`` is a map model's frame (boundaries.join_values: area_code, name, value, status, year, rank, n_ranked, and
    for former units the municipality they lie in). Tooltip rows: the area, its municipality (former units), value (or
    why it is missing), year, rank.
    """
    lv = levels.get(level)
    in_municipality = lv.parent == levels.MUNICIPALITY.id
    cited = "citation_title" in gdf and gdf.citation_title.notna().any()  # a source that names a publication per value
    labels = (area_label(level, lang), *((i18n.t("municipality", lang),) if in_municipality else ()), value_label or meta.name[lang],
              i18n.t("year", lang), i18n.t("rank", lang), *((i18n.t("qual_publication", lang),) if cited else ()))
    ranked = "rank" in gdf
    features = {}
    for row, class_index in zip(gdf.itertuples(), classes.class_index):
        fill = classes.color_of(int(class_index)) or ""
        value_text = i18n.format_value(row.value, meta, lang) if row.status == "value" else i18n.status_label(row.status, lang)
        own_caveat = caveats.value_caveat(getattr(row, "note", None), lang) if row.status == "value" else None
        flag = getattr(row, "flag", None) if row.status == "value" else None
        flag = flag if isinstance(flag, str) and flag else None
        why = " ".join(c for c in (flag, own_caveat) if c)
        value_text = f"{value_text} {caveats.MARK}" if why else value_text
        rank_text = i18n.rank_text(row.rank, row.n_ranked, lang, lv.n_areas) if ranked else "–"
        rank_text = f"{caveats.MARK} {i18n.t('qual_not_ranked', lang)}" if flag else rank_text
        year = "" if pd.isna(row.year) else str(int(row.year))
        tip_value = f"{value_text}: {why}" if why else value_text
        texts = (row.name, *((row.municipality,) if in_municipality else ()), tip_value, year, rank_text,
                 *((short_citation(getattr(row, "citation_title", None)),) if cited else ()))
        style = dict(FLAG_STYLE) if flag else feature_style(row.status, fill)
        features[row.area_code] = {"style": style, "tip": [list(pair) for pair in zip(labels, texts)],
                                   "label": f"{row.name}: {value_text}"}
        if in_municipality:
            features[row.area_code]["lau_code"] = row.lau_code  # a click opens the profile of the municipality it lies in today
    return MapSpec(features, label, height=height, clickable=clickable, counties=lv.lines == "counties",
                   highlight=frozenset(highlight or ()), basemap=basemap, tooltip_labels=labels, layer=lv.layer,
                   municipality_lines=lv.lines == "municipalities")


@dataclass(frozen=True)
class MapFigure:
    """What a map view draws: the map and its legend."""

    spec: MapSpec
    legend_html: str


def map_figure(model: MapModel, lang: str) -> MapFigure:
    """The map and legend of a map model (model.map.build_map_model), in the model's language ``lang``."""
    lines = levels.get(model.level).lines
    legend = build_legend_html(model.classes, model.meta, lang, model.gdf.status, model.national_text, title=model.name,
                               counties=lines == "counties", highlighted=len(model.highlight),
                               municipality_lines=lines == "municipalities", n_flagged=int(flagged(model.gdf).sum()))
    # The tooltip's first row names the level ("County: Korçë"), so its value row keeps the shorter indicator name.
    spec = choropleth_spec(model.gdf, model.classes, model.meta, lang, label=model.alt_text, basemap=model.basemap,
                           value_label=model.value_label, highlight=model.highlight, level=model.level)
    return MapFigure(spec, legend)


def interactive_map_html(model: MapModel, source_ids, sources: pd.DataFrame, lang: str, caveats: list[str] | None = None) -> str:
    """The map view as one HTML file that works offline: title, coverage, legend, tooltips, the view's caveats (short,
    with ⚠), sources and boundaries' license."""
    figure = map_figure(model, lang)
    source_line = " ".join([*(caveats or []), source_text(source_ids, sources, lang), i18n.t("boundary_attribution", lang)]).strip()
    return standalone_html(figure.spec, lang, title=model.title, subtitle=model.subtitle, legend_html=figure.legend_html,
                           source_text=source_line)


def locator_spec(gdf: gpd.GeoDataFrame, lau_code: str, lang: str, height: int = 260) -> MapSpec:
    """A small still map zoomed to one municipality, in colour among its grey neighbours."""
    features = {code: {"style": {"fillColor": "#0072B2" if code == lau_code else "#e3e3e3", "fillOpacity": 1, "color": "#ffffff",
                                 "weight": 0.6}, "tip": [], "label": ""} for code in gdf.lau_code}
    name = gdf.loc[gdf.lau_code == lau_code, "name"]
    name = name.iloc[0] if len(name) else lau_code
    label = i18n.t("locator_alt", lang, name=name, name_gen=names.load_resolver().genitives.get(lau_code, name))
    return MapSpec(features, label, height=height, interactive=False, focus=lau_code)


def highlight_spec(gdf: gpd.GeoDataFrame, codes: set[str], lang: str, label: str, height: int = 420) -> MapSpec:
    """The 61 municipalities with a set of them (e.g. the LNB priority ones) in colour, named on hover."""
    features = {}
    for code, name in zip(gdf.lau_code, gdf.name):
        on = code in codes
        features[code] = {"style": {"fillColor": "#0072B2" if on else "#ececec", "fillOpacity": 1, "color": "#ffffff" if on else "#9a9a9a",
                                    "weight": 0.8}, "tip": [[None, name]], "label": name}
    return MapSpec(features, label, height=height)




@functools.lru_cache(maxsize=4)
def _geometries(layer: str, _stamp: str) -> tuple[tuple[str, dict], ...]:
    gdf = boundaries.read_level(levels.BY_LAYER[layer].id)
    collection = json.loads(gpd.GeoSeries(gdf.geometry.values).to_json())  # one conversion: 373 separate ones took a second
    return tuple((code, feature["geometry"]) for code, feature in zip(gdf.area_code, collection["features"]))


def geometries(layer: str) -> tuple[tuple[str, dict], ...]:
    """(code, GeoJSON geometry) pairs of a boundary layer (LAU, county or former-unit codes), read once per file version."""
    return _geometries(layer, assets.layer_path(layer))


def _bounds_of(code: str) -> list[list[float]]:
    minx, miny, maxx, maxy = shapely.geometry.shape(dict(geometries("municipalities"))[code]).bounds
    pad_x, pad_y = max(maxx - minx, 0.35), max(maxy - miny, 0.25)  # enough neighbours around a small municipality to place it
    return [[miny - pad_y, minx - pad_x], [maxy + pad_y, maxx + pad_x]]


_ZOOM_TITLES_JS = """
[[{{ parent }}.zoomControl._zoomInButton, %(zoom_in)s], [{{ parent }}.zoomControl._zoomOutButton, %(zoom_out)s]].forEach(function (pair) {
  pair[0].title = pair[1]; pair[0].setAttribute('aria-label', pair[1]);
});
"""


class _Script(MacroElement):
    """A few lines of JavaScript run after the parent layer is created (``{{ parent }}`` is its variable)."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str):
        super().__init__()
        self._name = "LnbScript"
        self.code_template = code

    def render(self, **kwargs):
        self.code = self.code_template.replace("{{ parent }}", self._parent.get_name())
        super().render(**kwargs)


# Each municipality is a link: Tab reaches it (tooltip and outline on focus), Enter or a click opens its profile.
# In the dashboard streamlit-folium reports a click with `last_object_clicked_popup`: these layers have no popups,
# so the LAU code is put there. In a saved file there is no dashboard, and a click only shows the tooltip.
_ACCESS_JS = """
(function (layer, hover, clickable) {
  layer.eachLayer(function (area) {
    var props = area.feature.properties;
    if (props.front) area.on("add", function () { area.bringToFront(); });
    area.on("add", function () {
      var path = area.getElement();
      if (!path) return;
      path.setAttribute("tabindex", "0");
      path.setAttribute("role", clickable ? "link" : "img");
      path.setAttribute("aria-label", props.label);
      path.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          area.fire("click", {latlng: area.getCenter()}, true);
        }
      });
      path.addEventListener("mousedown", function (event) { event.preventDefault(); });  // no focus (and no scroll) on a press
      path.addEventListener("focus", function () { area.setStyle(hover); area.openTooltip(area.getCenter()); });
      path.addEventListener("blur", function () { layer.resetStyle(area); area.closeTooltip(); });
    });
    area.on("mouseover", function () { area.setStyle(hover); });
    area.on("mouseout", function () { layer.resetStyle(area); });
  });
  layer.on("click", function (event) {
    var data = window.__GLOBAL_DATA__;
    var props = event.sourceTarget.feature.properties;
    if (clickable && data) data.last_object_clicked_popup = props.lau_code || props.code;
  });
})({{ parent }}, %(hover)s, %(clickable)s);
"""

# Leaflet focuses the map on every mouse press so the arrow keys pan it; focusing an iframe that is partly off
# screen scrolls the page, so the press and the release land on different places and the click is lost. Same
# focus, without the scroll.
_NO_SCROLL_ON_PRESS_JS = """
{{ parent }}.keyboard.disable();
L.Map.Keyboard.prototype._onMouseDown = function () {
  if (!this._focused) this._map._container.focus({preventScroll: true});
};
{{ parent }}.keyboard.enable();
"""

# The frame gets its height after the map is made (streamlit-folium sizes the iframe later, presentations size it to the
# screen), so the map is fitted again whenever its box changes, until the reader moves it.
_REFIT_JS = """
(function (map, bounds) {
  var moved = false;
  map.on("dragstart", function () { moved = true; });
  map.getContainer().addEventListener("wheel", function () { moved = true; }, {passive: true});
  new ResizeObserver(function () {
    map.invalidateSize();
    if (!moved && map.getSize().y > 0) map.fitBounds(bounds);
  }).observe(map.getContainer());
})({{ parent }}, %(bounds)s);
"""

_LINES_JS = """
fetch(%(url)s).then(function (r) { return r.json(); }).then(function (data) {
  L.geoJSON(data, {interactive: false, pane: %(pane)s, style: function () { return %(style)s; }}).addTo({{ parent }});
}).catch(function () {});
"""


def _leaflet_assets(m: folium.Map, static_url: str) -> None:
    """Leaflet from the app's own static files; none of folium's CDN scripts (jQuery, Bootstrap, icons)."""
    m.default_js = [("leaflet", static_url + assets.LEAFLET_JS)]
    m.default_css = [("leaflet_css", static_url + assets.LEAFLET_CSS)]


def base_map(spec: MapSpec, lang: str, *, static_url: str = STATIC_URL, embed_counties: bool = False) -> folium.Map:
    """The map a view's values are drawn on: one per geography and options, the same on every rerun.

    County lines are fetched from the app's static files (the browser keeps them) or, for a saved
    file, embedded. The attribution names the boundaries' source and license.
    """
    interactive = spec.interactive
    m = folium.Map(tiles=None, zoom_control=interactive, dragging=interactive, scroll_wheel_zoom=interactive, double_click_zoom=interactive,
                   box_zoom=interactive, keyboard=interactive, touch_zoom=interactive, zoom_snap=0.25,
                   attribution_control=True, prefer_canvas=False)
    m._id = BASE_MAP_ID
    m.options.update(minZoom=6, maxZoom=12)  # folium gives these to its tile layer, and there is none
    _leaflet_assets(m, static_url)
    bounds = _bounds_of(spec.focus) if spec.focus else ALBANIA_BOUNDS
    m.fit_bounds(bounds)
    m.add_child(_Script(_REFIT_JS % {"bounds": json.dumps(bounds)}))
    # The map fills its frame, so a page may size the frame to the screen (presentations, embeds) and the map follows.
    m.get_root().html.add_child(Element("<style>.leaflet-container{background:#ffffff;font-size:.95rem}"
                                        "html,body{margin:0;overflow:hidden}#map_div{height:100vh!important}</style>"), name="lnb_style")
    if interactive:
        m.add_child(_Script(_NO_SCROLL_ON_PRESS_JS + "L.control.scale({imperial: false}).addTo({{ parent }});"))
    attribution = html.escape(i18n.t("boundary_attribution_short", lang))
    m.add_child(_Script(f"{{{{ parent }}}}.attributionControl.setPrefix(false).addAttribution({json.dumps(attribution)});"))
    if interactive:  # Leaflet titles its zoom buttons in English
        m.add_child(_Script(_ZOOM_TITLES_JS % {"zoom_in": json.dumps(i18n.t("zoom_in", lang)), "zoom_out": json.dumps(i18n.t("zoom_out", lang))}))
    if spec.basemap:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, opacity=0.5, name="osm").add_to(m)
    lines = [("counties", "lnbCounties", COUNTY_STYLE)] if spec.counties else []
    if spec.municipality_lines:
        lines.append(("municipalities", "lnbMunicipalities", MUNICIPALITY_LINE_STYLE))
    for layer, pane, style in lines:
        folium.map.CustomPane(pane, z_index=450, pointer_events=False).add_to(m)
        if embed_counties:
            folium.GeoJson({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": g}
                                                                      for _, g in geometries(layer)]},
                           style_function=lambda _, style=style: style, interactive=False, pane=pane).add_to(m)
        else:
            m.add_child(_Script(_LINES_JS % {"url": json.dumps(static_url + assets.layer_path(layer)), "pane": json.dumps(pane),
                                             "style": json.dumps(style)}))
    return m


# Layers whose shapes the browser fetches from the app's static files (hash-named, gzip-compressed, kept by the
# browser) instead of receiving them with every view: the 373 former units are 184 KB of coordinates, 40 KB gzipped.
FETCHED_LAYERS = {"former_units": "unit_code"}
_EMPTY_SHAPE = {"type": "Polygon", "coordinates": []}  # Leaflet makes an (empty) area for it, with its style, tooltip and links

_SHAPES_JS = """
fetch(%(url)s).then(function (r) { return r.json(); }).then(function (shapes) {
  var byCode = {};
  shapes.features.forEach(function (f) { byCode[f.properties[%(key)s]] = f.geometry; });
  {{ parent }}.eachLayer(function (area) {
    var shape = byCode[area.feature.properties.code];
    if (!shape) return;
    area.feature.geometry = shape;
    area.setLatLngs(L.GeoJSON.coordsToLatLngs(shape.coordinates, shape.type === "Polygon" ? 1 : 2));
  });
}).catch(function () {});
"""


def values_layer(spec: MapSpec, *, static_url: str = STATIC_URL, embed_shapes: bool = False) -> folium.FeatureGroup:
    """The areas styled for one view, with tooltips, keyboard access and the highlight outlines.

    Each area carries what a click reports: ``lau_code`` for a municipality or a former unit (the municipality
    it belongs to today), ``code`` alone for a county (see ``_ACCESS_JS``). The shapes of a layer in
    ``FETCHED_LAYERS`` come from the static files, unless ``embed_shapes`` (a saved file has no server).
    """
    features, styles = [], {}
    municipal = spec.layer == "municipalities"
    fetched = spec.layer in FETCHED_LAYERS and not embed_shapes
    for code, geometry in geometries(spec.layer):
        feature = spec.features.get(code) or {"style": STATUS_STYLES["not_reported"], "tip": [], "label": ""}
        styles[code] = dict(feature["style"])
        front = code in spec.highlight
        if front:
            styles[code].update(HIGHLIGHT_STYLE)
        # Styles stay out of the properties: folium writes each distinct style once, in the layer's style function.
        ids = {"lau_code": code} if municipal else {"code": code, **({"lau_code": feature["lau_code"]} if feature.get("lau_code") else {})}
        properties = {**ids, "label": feature["label"], "front": front}
        properties.update({f"t{i}": html.escape(str(text)) for i, (_, text) in enumerate(feature["tip"])})
        features.append({"type": "Feature", "properties": properties, "geometry": _EMPTY_SHAPE if fetched else geometry})
    n_rows = max((len(f["tip"]) for f in spec.features.values()), default=0)
    labels = [html.escape(str(label)) if label else "" for label in spec.tooltip_labels[:n_rows]] or [""] * n_rows
    group = folium.FeatureGroup(name=VALUES_ID, control=False)
    layer = folium.GeoJson({"type": "FeatureCollection", "features": features}, name=VALUES_ID, interactive=spec.interactive,
                           style_function=lambda f: styles[f["properties"]["lau_code" if municipal else "code"]], highlight_function=None,
                           zoom_on_click=False,
                           tooltip=folium.GeoJsonTooltip([f"t{i}" for i in range(n_rows)], aliases=labels, labels=any(labels), sticky=True)
                           if spec.interactive and n_rows else None)
    if spec.interactive:
        layer.add_child(_Script(_ACCESS_JS % {"hover": json.dumps(HOVER_STYLE), "clickable": json.dumps(spec.clickable)}))
    if fetched:
        layer.add_child(_Script(_SHAPES_JS % {"url": json.dumps(static_url + assets.layer_path(spec.layer)),
                                              "key": json.dumps(FETCHED_LAYERS[spec.layer])}))
    layer.add_to(group)
    return group


def shapes_file(layer: str) -> tuple[str, bytes]:
    """A boundary layer's shapes as the dashboard's values layers read them, and the hash-named path it is served at
    (relative to ``/app/static/``): ``{"codes": [...], "shapes": [GeoJSON geometry, ...]}`` keyed by area code, so the
    browser fetches and keeps the shapes once and a view sends only what it changes (``values_script``)."""
    pairs = geometries(layer)
    body = json.dumps({"codes": [code for code, _ in pairs], "shapes": [shape for _, shape in pairs]}, separators=(",", ":")).encode()
    return f"geo/areas-{layer}.{hashlib.sha256(body).hexdigest()[:12]}.json", body


# streamlit-folium evaluates this on its map (``map_div``) for every view and removes the layers it finds in
# ``window.feature_group`` when the next view comes. The shapes are fetched once per page and kept; tooltips are
# built with textContent, so names from the data are never markup.
_VALUES_JS = """var feature_group_feature_group_0 = L.featureGroup();
(function (group, view) {
  var shapes = window.__lnbShapes = window.__lnbShapes || {};
  shapes[view.url] = shapes[view.url] || fetch(view.url).then(function (r) { return r.json(); });
  shapes[view.url].then(function (layerShapes) {
    var features = layerShapes.codes.map(function (code, i) {
      var area = view.areas[code] || view.missing;
      var props = {label: area.l, front: !!area.f, tip: area.t, style: area.s};
      if (view.municipal) props.lau_code = code; else { props.code = code; if (area.m) props.lau_code = area.m; }
      return {type: "Feature", properties: props, geometry: layerShapes.shapes[i]};
    });
    var values_layer = L.geoJSON({type: "FeatureCollection", features: features},
                                 {interactive: view.interactive, style: function (f) { return view.styles[f.properties.style]; }});
    if (view.tips) values_layer.bindTooltip(function (area) {
      var table = document.createElement("table");
      area.feature.properties.tip.forEach(function (text, i) {
        var row = table.insertRow();
        if (view.labels[i]) { var th = document.createElement("th"); th.textContent = view.labels[i]; row.appendChild(th); }
        row.insertCell().textContent = text;
      });
      return table;
    }, {sticky: true});
    %(access)s
    group.addLayer(values_layer);
  });
})(feature_group_feature_group_0, %(view)s);
map_div.addLayer(feature_group_feature_group_0);
window.feature_group = window.feature_group || [];
window.feature_group.push(feature_group_feature_group_0);
"""


def values_script(spec: MapSpec, shapes_url: str) -> str:
    """The values layer for streamlit-folium's ``feature_group``: styles, tooltip texts and keyboard labels only; the
    shapes come from ``shapes_url`` (``shapes_file``), fetched once per page. The same areas, styles, tooltips and
    links as ``values_layer`` (which a saved file still uses)."""
    styles, areas = {}, {}
    municipal = spec.layer == "municipalities"
    for code, _ in geometries(spec.layer):
        feature = spec.features.get(code)
        if feature is None:
            continue
        style = dict(feature["style"])
        if code in spec.highlight:
            style.update(HIGHLIGHT_STYLE)
        area = {"s": styles.setdefault(json.dumps(style, sort_keys=True), len(styles)), "l": feature["label"],
                "t": [str(text) for _, text in feature["tip"]]}
        if code in spec.highlight:
            area["f"] = 1
        if not municipal and feature.get("lau_code"):
            area["m"] = feature["lau_code"]
        areas[code] = area
    missing = {"s": styles.setdefault(json.dumps(STATUS_STYLES["not_reported"], sort_keys=True), len(styles)), "l": "", "t": []}
    n_rows = max((len(f["tip"]) for f in spec.features.values()), default=0)
    labels = [str(label) if label else "" for label in spec.tooltip_labels[:n_rows]] or [""] * n_rows
    view = {"url": shapes_url, "municipal": municipal, "interactive": spec.interactive, "tips": bool(spec.interactive and n_rows),
            "labels": labels, "styles": [json.loads(style) for style in styles], "areas": areas, "missing": missing}
    access = (_ACCESS_JS % {"hover": json.dumps(HOVER_STYLE), "clickable": json.dumps(spec.clickable)}).replace("{{ parent }}", "values_layer")
    data = json.dumps(view, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return _VALUES_JS % {"access": access if spec.interactive else "", "view": data}


def standalone_html(spec: MapSpec, lang: str, *, title: str, subtitle: str, legend_html: str, source_text: str) -> str:
    """The map as one HTML file that opens from disk with no network: Leaflet inlined, title, legend, source."""
    m = base_map(spec.with_options(clickable=False), lang, static_url="", embed_counties=True)
    m.default_js, m.default_css = [], []
    leaflet_dir = Path(xstatic_leaflet.BASE_DIR)
    header = m.get_root().header
    header.add_child(Element(f"<style>{(leaflet_dir / 'leaflet.css').read_text(encoding='utf-8')}</style>"), name="leaflet_css")
    header.add_child(Element(f"<script>{(leaflet_dir / 'leaflet.js').read_text(encoding='utf-8')}</script>"), name="leaflet_js")
    header.add_child(Element(f"<title>{html.escape(title)}</title><style>{_PAGE_CSS}</style>"), name="lnb_page")
    values_layer(spec.with_options(clickable=False), embed_shapes=True).add_to(m)
    html_root = m.get_root().html
    html_root.add_child(Element(f"<header class='lnb-head'><h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p></header>"),
                        name="lnb_title", index=0)
    html_root.add_child(Element(f"<aside class='lnb-side'>{legend_html}<p class='lnb-source'>{html.escape(source_text)}</p></aside>"),
                        name="lnb_side")
    return m.get_root().render()


_PAGE_CSS = """
html, body { margin: 0; font-family: system-ui, sans-serif; color: #1a1a1a; }
body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14em, 1fr); grid-template-rows: auto 1fr; height: 100vh; }
.lnb-head { grid-column: 1 / 3; padding: .5em 1em; } .lnb-head h1 { font-size: 1.3em; margin: 0; } .lnb-head p { margin: .2em 0 0; }
.folium-map { position: relative !important; height: 100% !important; min-height: 420px; grid-column: 1; grid-row: 2; }
.lnb-side { grid-column: 2; grid-row: 2; padding: .5em 1em; overflow: auto; font-size: .9em; } .lnb-source { color: #404040; }
@media (max-width: 700px) {
  body { grid-template-columns: 1fr; grid-template-rows: auto 60vh auto; height: auto; }
  .lnb-head, .folium-map { grid-column: 1; } .lnb-side { grid-column: 1; grid-row: 3; }
}
"""


def _swatch(style: dict) -> str:
    border = "dashed" if style.get("dashArray") == "4 3" else "dotted" if style.get("dashArray") == "1 3" else "solid"
    return (f'<span style="display:inline-block;width:1.6em;height:1.1em;vertical-align:middle;margin-right:.5em;'
            f'background:{style["fillColor"]};opacity:{max(style.get("fillOpacity", 1), 0.6)};'
            f'border:2px {border} {style["color"]}"></span>')


def _line(color: str, width: float) -> str:
    return (f'<span style="display:inline-block;width:1.6em;height:0;vertical-align:middle;margin-right:.5em;'
            f'border-top:{width}px solid {color}"></span>')


def build_legend_html(classes: Classes, meta, lang: str, statuses: pd.Series, national_text: str | None = None,
                      title: str | None = None, counties: bool = True, highlighted: int = 0, municipality_lines: bool = False,
                      n_flagged: int = 0) -> str:
    """Legend rows with counts: one per class, one per kind of missing value present, then every line drawn
    over the areas (county or municipality borders, the outline of highlighted municipalities), so no symbol is left unexplained.
    ``n_flagged`` values carry a quality flag: a row of their own, not counted in a class."""
    unit = f" ({html.escape(meta.unit[lang])})" if meta.unit[lang] not in ("kategori", "category", "po/jo", "yes/no") else ""
    title = html.escape(title or meta.name[lang]) + unit
    rows = []
    for color, label, count in zip(classes.colors, class_labels(classes, meta, lang), classes.counts):
        rows.append(f"<li>{_swatch({'fillColor': color, 'color': '#8a8a8a'})}{html.escape(label)} <small>({count})</small></li>")
    for status, style in STATUS_STYLES.items():
        n = int((statuses == status).sum())
        if n:
            rows.append(f"<li>{_swatch(style)}{html.escape(i18n.status_label(status, lang))} <small>({n})</small></li>")
    if n_flagged:
        rows.append(f"<li>{_swatch(FLAG_STYLE)}{caveats.MARK} {html.escape(i18n.t('qual_flagged', lang))} <small>({n_flagged})</small></li>")
    if counties:
        rows.append(f"<li>{_line(COUNTY_STYLE['color'], COUNTY_STYLE['weight'])}{html.escape(i18n.t('legend_county_line', lang))}</li>")
    if municipality_lines:
        rows.append(f"<li>{_line(MUNICIPALITY_LINE_STYLE['color'], MUNICIPALITY_LINE_STYLE['weight'])}"
                    f"{html.escape(i18n.t('legend_municipality_line', lang))}</li>")
    if highlighted:
        rows.append(f"<li>{_line(HIGHLIGHT_STYLE['color'], HIGHLIGHT_STYLE['weight'])}"
                    f"{html.escape(i18n.t('legend_priority_outline', lang))} <small>({highlighted})</small></li>")
    note = f"<p style='margin:.4em 0 0 0'>{html.escape(national_text)}</p>" if national_text else ""
    return (f"<div class='lnb-legend' role='group' aria-label='{html.escape(i18n.t('legend', lang))}'>"
            f"<p style='font-weight:600;margin:0 0 .4em 0'>{title}</p>"
            f"<ul style='list-style:none;padding:0;margin:0;line-height:1.9'>{''.join(rows)}</ul>{note}</div>")


def highlight_legend_html(n_on: int, lang: str, n_all: int = 61) -> str:
    """The priority map's legend: its two fills with their counts."""
    on, off = ({"fillColor": "#0072B2", "color": "#ffffff"}, {"fillColor": "#ececec", "color": "#9a9a9a"})
    rows = [(on, i18n.t("legend_priority", lang), n_on), (off, i18n.t("legend_other", lang), n_all - n_on)]
    items = "".join(f"<li>{_swatch(style)}{html.escape(label)} <small>({n})</small></li>" for style, label, n in rows)
    return (f"<div class='lnb-legend' role='group' aria-label='{html.escape(i18n.t('legend', lang))}'>"
            f"<ul style='list-style:none;padding:0;margin:0;line-height:1.9'>{items}</ul></div>")
