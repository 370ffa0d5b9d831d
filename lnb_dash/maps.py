"""Folium maps and their legend. Builders return objects; nothing here renders or talks to Streamlit.

Leaflet is loaded from the app's own static files (see :mod:`lnb_dash.assets`), never a CDN, and
there is no basemap unless asked for. The legend is HTML drawn outside the map so it can change
without re-rendering the map.
"""

from __future__ import annotations

import html

import folium
import geopandas as gpd
import pandas as pd

from lnb_dash import assets, i18n
from lnb_dash.classify import STATUS_STYLES, Classes

ALBANIA_BOUNDS = [[39.64, 19.26], [42.67, 21.07]]
OFFLINE_JS = [("leaflet", assets.LEAFLET_JS)]
OFFLINE_CSS = [("leaflet_css", assets.LEAFLET_CSS)]
_CONTAINER_STYLE = "<style>.leaflet-container{background:#ffffff;font-size:0.95rem}</style>"


def _offline_map(height: int | str = "100%", basemap: bool = False, zoom_control: bool = True, interactive: bool = True) -> folium.Map:
    m = folium.Map(location=[41.15, 20.1], zoom_start=7, tiles=None, control_scale=True, zoom_control=zoom_control, height=height,
                   min_zoom=6, max_zoom=12, zoomSnap=0.25, dragging=interactive, scrollWheelZoom=interactive, doubleClickZoom=interactive)
    m.default_js = OFFLINE_JS
    m.default_css = OFFLINE_CSS
    m.get_root().header.add_child(folium.Element(_CONTAINER_STYLE))
    if basemap:
        folium.TileLayer("OpenStreetMap", attr="© OpenStreetMap contributors", opacity=0.5).add_to(m)
    m.fit_bounds(ALBANIA_BOUNDS)
    return m


def class_labels(classes: Classes, meta, lang: str) -> list[str]:
    """'1 234 – 5 678' for ranges, the value itself where a class is one value, category names."""
    if classes.labels:
        return list(classes.labels)
    fmt = lambda v: i18n.format_value(v, meta, lang, with_unit=False)  # noqa: E731 (the unit is in the legend title)
    if classes.exact_values:
        return [fmt(b) for b in classes.bins]
    lowers = (classes.lower, *classes.bins[:-1])
    return [f"{fmt(lo)} – {fmt(hi)}" for lo, hi in zip(lowers, classes.bins)]


def feature_frame(gdf: gpd.GeoDataFrame, classes: Classes, meta, lang: str) -> gpd.GeoDataFrame:
    """The properties each polygon carries: escaped display text and its fill; nothing else is sent."""
    status_text = gdf.status.map(lambda s: i18n.status_label(s, lang))
    value_text = [i18n.format_value(v, meta, lang) if s == "value" else st for v, s, st in zip(gdf.value, gdf.status, status_text)]
    rank_text = [i18n.rank_text(r, n, lang) for r, n in zip(gdf["rank"], gdf.n_ranked)] if "rank" in gdf else "–"
    out = gpd.GeoDataFrame({
        "lau_code": gdf.lau_code,
        "name": gdf.name.map(html.escape),
        "value_text": [html.escape(v) for v in value_text],
        "year": gdf.year.astype(str),
        "rank_text": [html.escape(r) for r in rank_text],
        "fill": [classes.color_of(int(i)) or "" for i in classes.class_index],
        "status": gdf.status,
    }, geometry=gdf.geometry, crs=gdf.crs)
    return out


def _style(feature: dict) -> dict:
    props = feature["properties"]
    if props["status"] != "value" or not props["fill"]:
        return dict(STATUS_STYLES.get(props["status"], STATUS_STYLES["not_reported"]))
    return {"fillColor": props["fill"], "fillOpacity": 0.9, "color": "#ffffff", "weight": 0.8}


def build_choropleth(gdf: gpd.GeoDataFrame, classes: Classes, meta, lang: str, counties: gpd.GeoDataFrame | None = None,
                     highlight: set[str] | None = None, basemap: bool = False, height: int | str = "100%") -> folium.Map:
    """A choropleth of the 61 municipalities with county borders over it and an optional highlight.

    ``gdf`` needs lau_code, name, value, status, year, rank, n_ranked and geometry (EPSG:4326).
    """
    m = _offline_map(height=height, basemap=basemap)
    features = feature_frame(gdf, classes, meta, lang)
    tooltip = folium.GeoJsonTooltip(
        fields=["name", "value_text", "year", "rank_text"],
        aliases=[html.escape(a) for a in (i18n.t("municipality", lang), meta.name[lang], i18n.t("year", lang), i18n.t("rank", lang))],
        sticky=True, labels=True,
    )
    folium.GeoJson(
        features.__geo_interface__, name="municipalities", style_function=_style, tooltip=tooltip,
        highlight_function=lambda _: {"weight": 3, "color": "#000000"},
    ).add_to(m)
    if counties is not None:
        folium.GeoJson(counties.__geo_interface__, name="counties", interactive=False,
                       style_function=lambda _: {"fill": False, "color": "#303030", "weight": 1.6}).add_to(m)
    if highlight:
        folium.GeoJson(gdf[gdf.lau_code.isin(highlight)][["lau_code", "geometry"]].__geo_interface__, name="priority", interactive=False,
                       style_function=lambda _: {"fill": False, "color": "#000000", "weight": 3.2}).add_to(m)
    return m


def build_locator_map(gdf: gpd.GeoDataFrame, lau_code: str, height: int = 260) -> folium.Map:
    """A small static map: the country in grey, one municipality in colour."""
    m = _offline_map(height=height, zoom_control=False, interactive=False)
    folium.GeoJson(gdf[["lau_code", "geometry"]].__geo_interface__, interactive=False,
                   style_function=lambda f: {"fillColor": "#0072B2" if f["properties"]["lau_code"] == lau_code else "#e3e3e3",
                                             "fillOpacity": 1, "color": "#ffffff", "weight": 0.6}).add_to(m)
    return m


def _swatch(style: dict) -> str:
    border = "dashed" if style.get("dashArray") == "4 3" else "dotted" if style.get("dashArray") == "1 3" else "solid"
    return (f'<span style="display:inline-block;width:1.6em;height:1.1em;vertical-align:middle;margin-right:.5em;'
            f'background:{style["fillColor"]};opacity:{max(style.get("fillOpacity", 1), 0.6)};'
            f'border:2px {border} {style["color"]}"></span>')


def build_legend_html(classes: Classes, meta, lang: str, statuses: pd.Series, national_text: str | None = None) -> str:
    """Legend rows with counts: one per class, then one per kind of missing value present."""
    title = html.escape(meta.name[lang]) + (f" ({html.escape(meta.unit[lang])})" if meta.unit[lang] not in ("kategori", "category", "po/jo", "yes/no") else "")
    rows = []
    for color, label, count in zip(classes.colors, class_labels(classes, meta, lang), classes.counts):
        rows.append(f"<li>{_swatch({'fillColor': color, 'color': '#8a8a8a'})}{html.escape(label)} <small>({count})</small></li>")
    for status, style in STATUS_STYLES.items():
        n = int((statuses == status).sum())
        if n:
            rows.append(f"<li>{_swatch(style)}{html.escape(i18n.status_label(status, lang))} <small>({n})</small></li>")
    note = f"<p style='margin:.4em 0 0 0'>{html.escape(national_text)}</p>" if national_text else ""
    return (f"<div class='lnb-legend' role='group' aria-label='{html.escape(i18n.t('legend', lang))}'>"
            f"<p style='font-weight:600;margin:0 0 .4em 0'>{title}</p>"
            f"<ul style='list-style:none;padding:0;margin:0;line-height:1.9'>{''.join(rows)}</ul>{note}</div>")


def build_highlight_map(gdf: gpd.GeoDataFrame, codes: set[str], height: int | str = "100%") -> folium.Map:
    """The 61 municipalities with a set of them (e.g. the LNB priority ones) in colour, named on hover."""
    m = _offline_map(height=height)
    data = gpd.GeoDataFrame({"lau_code": gdf.lau_code, "name": gdf.name.map(html.escape), "on": gdf.lau_code.isin(codes)},
                            geometry=gdf.geometry, crs=gdf.crs)
    folium.GeoJson(data.__geo_interface__, tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
                   style_function=lambda f: {"fillColor": "#0072B2" if f["properties"]["on"] else "#ececec", "fillOpacity": 1,
                                             "color": "#ffffff" if f["properties"]["on"] else "#9a9a9a", "weight": 0.8}).add_to(m)
    return m
