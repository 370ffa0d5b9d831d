"""What the dashboard's map draws: one plain dict per map, rendered by ``lnb_dash.ui.map_component``.

The browser keeps the boundaries (a static file, see :mod:`lnb_dash.assets`) and a Leaflet map
for the whole session; each rerun sends only this dict, about 10 KB for 61 municipalities: a
style, a tooltip and a label per municipality. Nothing here renders or talks to Streamlit.
Names and values travel as text and the browser inserts them as text, never as markup.
"""

from __future__ import annotations

import html

import geopandas as gpd
import pandas as pd

from lnb_dash import assets, i18n
from lnb_dash.classify import STATUS_STYLES, Classes

ALBANIA_BOUNDS = [[39.64, 19.26], [42.67, 21.07]]
HOVER_STYLE = {"weight": 3, "color": "#000000"}
COUNTY_STYLE = {"fill": False, "color": "#303030", "weight": 1.6}
HIGHLIGHT_STYLE = {"fill": False, "color": "#000000", "weight": 3.2}
OSM = {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": "© OpenStreetMap contributors"}
BOUNDARY_ATTRIBUTION = "Boundaries © OpenStreetMap contributors (ODbL)"


def map_payload(features: dict, lang: str, *, label: str, height: int, interactive: bool = True, clickable: bool = False,
                counties: bool = False, highlight: set[str] | None = None, basemap: bool = False) -> dict:
    """What the map component receives: ``features`` maps a LAU code to its style, tooltip rows and label."""
    return {
        "geometry": assets.layer_path("municipalities"),
        "key": "lau_code",
        "counties": assets.layer_path("counties") if counties else None,
        "features": features,
        "missing": {"style": dict(STATUS_STYLES["not_reported"]), "tip": [], "label": ""},
        "label": label,
        "height": height,
        "interactive": interactive,
        "clickable": clickable,
        "highlight": sorted(highlight or []),
        "hover_style": HOVER_STYLE,
        "county_style": COUNTY_STYLE,
        "highlight_style": HIGHLIGHT_STYLE,
        "basemap": OSM if basemap else None,
        "bounds": ALBANIA_BOUNDS,
        "attribution": BOUNDARY_ATTRIBUTION,
        "error_text": i18n.t("map_unavailable", lang),
    }


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


def choropleth_data(gdf: gpd.GeoDataFrame, classes: Classes, meta, lang: str, *, label: str, highlight: set[str] | None = None,
                    basemap: bool = False, clickable: bool = True, height: int = 560) -> dict:
    """The 61 municipalities coloured by class, county borders over them, an optional highlight.

    ``gdf`` needs lau_code, name, value, status, year, rank and n_ranked (the map model's frame).
    Tooltip rows are [label, text] pairs: municipality, value (or why it is missing), year, rank.
    """
    labels = (i18n.t("municipality", lang), meta.name[lang], i18n.t("year", lang), i18n.t("rank", lang))
    ranked = "rank" in gdf
    features = {}
    for row, class_index in zip(gdf.itertuples(), classes.class_index):
        fill = classes.color_of(int(class_index)) or ""
        value_text = i18n.format_value(row.value, meta, lang) if row.status == "value" else i18n.status_label(row.status, lang)
        rank_text = i18n.rank_text(row.rank, row.n_ranked, lang) if ranked else "–"
        year = "" if pd.isna(row.year) else str(int(row.year))
        features[row.lau_code] = {
            "style": feature_style(row.status, fill),
            "tip": [[labels[0], row.name], [labels[1], value_text], [labels[2], year], [labels[3], rank_text]],
            "label": f"{row.name}: {value_text}",
        }
    return map_payload(features, lang, label=label, height=height, clickable=clickable, counties=True, highlight=highlight,
                       basemap=basemap)


def locator_data(gdf: gpd.GeoDataFrame, lau_code: str, lang: str, height: int = 260) -> dict:
    """A small still map: the country in grey, one municipality in colour."""
    features = {code: {"style": {"fillColor": "#0072B2" if code == lau_code else "#e3e3e3", "fillOpacity": 1, "color": "#ffffff",
                                 "weight": 0.6}, "tip": [], "label": ""} for code in gdf.lau_code}
    name = gdf.loc[gdf.lau_code == lau_code, "name"]
    label = i18n.t("locator_alt", lang, name=name.iloc[0] if len(name) else lau_code)
    return map_payload(features, lang, label=label, height=height, interactive=False)


def highlight_data(gdf: gpd.GeoDataFrame, codes: set[str], lang: str, label: str, height: int = 420) -> dict:
    """The 61 municipalities with a set of them (e.g. the LNB priority ones) in colour, named on hover."""
    features = {}
    for code, name in zip(gdf.lau_code, gdf.name):
        on = code in codes
        features[code] = {"style": {"fillColor": "#0072B2" if on else "#ececec", "fillOpacity": 1, "color": "#ffffff" if on else "#9a9a9a",
                                    "weight": 0.8}, "tip": [[None, name]], "label": name}
    return map_payload(features, lang, label=label, height=height)


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
