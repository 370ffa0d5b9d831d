"""Chart and map pictures (PNG, SVG) for reports and slides, rendered by vl-convert: no browser needed.

Each picture carries its title, a subtitle (year, classification), the legend, the source line, the
date and the dashboard's name, in the current language.
"""

from __future__ import annotations

import datetime as dt
import struct
import textwrap

import altair as alt
import geopandas as gpd
import pandas as pd

from lnb_dash import i18n
from lnb_dash.model.caveats import MARK
from lnb_dash.model.classify import FLAG_STYLE, STATUS_STYLES, Classes
from lnb_dash.model.map import flagged
from lnb_dash.render.charts import NUMBER_LOCALES
from lnb_dash.render.maps import COUNTY_STYLE, HIGHLIGHT_STYLE, class_labels

WIDTH = 760
FONT = "Liberation Sans, Arial, sans-serif"


def wrap_lines(text: str, width: int = WIDTH, font_px: int = 11) -> list[str]:
    """A long source line broken into lines that fit the picture (never cut with '…')."""
    return textwrap.wrap(text, width=max(int(width / (font_px * 0.55)), 40)) if text else []


def frame_chart(chart, title: str, subtitle: str, source_text: str, lang: str, width: int = WIDTH, caveats: list[str] | None = None):
    """Title and subtitle above; the view's caveats (short, with ⚠: model.caveats.short_caveats), the whole source line
    (wrapped), date and dashboard name below, so a picture shared alone still says what to beware of."""
    warnings = [line for caveat in caveats or [] for line in wrap_lines(caveat, width)]
    footer_text = [*warnings, *wrap_lines(source_text, width), f"{i18n.t('dashboard_name', lang)} · {dt.date.today().isoformat()}"]
    footer = alt.Chart(pd.DataFrame({"line": footer_text, "i": range(len(footer_text))})).mark_text(
        align="left", baseline="top", fontSize=11, color="#444444").encode(
        text="line:N", y=alt.Y("i:O", axis=None), x=alt.value(0)).properties(width=width, height=16 * len(footer_text))
    return alt.vconcat(chart, footer, spacing=12).properties(
        title=alt.TitleParams(text=title, subtitle=subtitle, anchor="start", fontSize=18, subtitleFontSize=13, subtitleColor="#444444"),
    ).configure(font=FONT, locale={"number": NUMBER_LOCALES.get(lang, NUMBER_LOCALES["en"])}).configure_view(stroke=None).configure_axis(
        labelFontSize=12, titleFontSize=13)


def build_static_map(gdf: gpd.GeoDataFrame, classes: Classes, meta, lang: str, statuses: pd.Series, width: int = 520,
                     counties: gpd.GeoDataFrame | None = None, highlight: frozenset[str] = frozenset(),
                     title: str | None = None, lines_label: str | None = None) -> alt.HConcatChart:
    """The choropleth as a Vega-Lite picture with what the live map shows: the same classes and colours, county
    borders (or, with ``lines_label``, other lines such as today's municipalities over the former units), the priority
    outlines when highlighted, and a legend entry for each of them."""
    marked = flagged(gdf).to_numpy()  # a value with a quality flag: its own fill and a legend row with ⚠
    fills = [FLAG_STYLE["fillColor"] if m else classes.color_of(int(i)) or STATUS_STYLES.get(s, STATUS_STYLES["not_reported"])["fillColor"]
             for i, s, m in zip(classes.class_index, statuses, marked)]
    missing = [i < 0 for i in classes.class_index]
    shapes = gpd.GeoDataFrame({"name": gdf["name"], "fill": fills, "missing": missing}, geometry=gdf.geometry, crs=gdf.crs)
    features = alt.Data(values=shapes.__geo_interface__["features"])
    picture = alt.Chart(features).mark_geoshape(strokeWidth=0.7).encode(
        color=alt.Color("properties.fill:N", scale=None),
        stroke=alt.condition("datum.properties.missing", alt.value("#6b6b6b"), alt.value("#ffffff")),
        strokeDash=alt.condition("datum.properties.missing", alt.value([3, 2]), alt.value([1, 0])),
    )
    layers = [picture]
    if counties is not None:
        layers.append(alt.Chart(alt.Data(values=counties[["geometry"]].__geo_interface__["features"])).mark_geoshape(
            filled=False, stroke=COUNTY_STYLE["color"], strokeWidth=1.2))
    if highlight:
        outlined = shapes[gdf.area_code.isin(highlight).to_numpy()]
        layers.append(alt.Chart(alt.Data(values=outlined[["geometry"]].__geo_interface__["features"])).mark_geoshape(
            filled=False, stroke=HIGHLIGHT_STYLE["color"], strokeWidth=2.2))
    picture = alt.layer(*layers).project(type="mercator").properties(width=width, height=int(width * 1.45))
    rows = [{"color": c, "label": f"{label} ({n})", "dash": "solid"} for c, label, n in zip(classes.colors, class_labels(classes, meta, lang), classes.counts)]
    for status, style in STATUS_STYLES.items():
        n = int((statuses == status).sum())
        if n:
            rows.append({"color": style["fillColor"], "label": f"{i18n.status_label(status, lang)} ({n})", "dash": "dashed"})
    if marked.any():
        rows.append({"color": FLAG_STYLE["fillColor"], "label": f"{MARK} {i18n.t('qual_flagged', lang)} ({int(marked.sum())})", "dash": "dashed"})
    if counties is not None:
        rows.append({"color": "#ffffff", "label": lines_label or i18n.t("legend_county_line", lang), "dash": "line"})
    if highlight:
        rows.append({"color": "#ffffff", "label": f"{i18n.t('legend_priority_outline', lang)} ({len(highlight)})", "dash": "thick"})
    legend_data = pd.DataFrame(rows).assign(i=range(len(rows)))
    swatches = alt.Chart(legend_data).transform_filter("datum.dash != 'line' && datum.dash != 'thick'").mark_square(
        size=220, stroke="#666666", opacity=1).encode(
        y=alt.Y("i:O", axis=None), color=alt.Color("color:N", scale=None),
        strokeDash=alt.condition("datum.dash == 'dashed'", alt.value([3, 2]), alt.value([1, 0])))
    lines = [alt.Chart(legend_data).transform_filter(f"datum.dash == '{kind}'").mark_tick(
        orient="horizontal", size=18, thickness=thickness, color="#000000").encode(y=alt.Y("i:O", axis=None))
        for kind, thickness in (("line", 1.2), ("thick", 3))]
    labels = alt.Chart(legend_data).mark_text(align="left", dx=14, fontSize=12).encode(y=alt.Y("i:O", axis=None), text="label:N")
    legend = alt.layer(swatches, *lines, labels).properties(
        width=200, height=24 * len(rows), title=alt.TitleParams(f"{title or meta.name[lang]} ({meta.unit[lang]})", fontSize=12, anchor="start"))
    return alt.hconcat(picture, legend, spacing=10)


def to_png(chart, scale: float = 2.0) -> bytes:
    import vl_convert as vlc  # loaded when a picture is asked for, not with every page that offers one

    return vlc.vegalite_to_png(chart.to_json(), scale=scale)


def to_svg(chart) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_json())


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def locator_shapes(gdf: gpd.GeoDataFrame, code: str, width: int = 220, key: str = "lau_code") -> alt.Chart:
    """Albania in grey with one area in colour: a municipality, or a county with ``key="county_code"`` (slides)."""
    shapes = gpd.GeoDataFrame({"on": gdf[key] == code}, geometry=gdf.geometry, crs=gdf.crs)
    return alt.Chart(alt.Data(values=shapes.__geo_interface__["features"])).mark_geoshape(stroke="#ffffff", strokeWidth=0.5).encode(
        color=alt.condition("datum.properties.on", alt.value("#0072B2"), alt.value("#d9d9d9")),
    ).project(type="mercator").properties(width=width, height=int(width * 1.45))


def build_locator_picture(gdf: gpd.GeoDataFrame, lau_code: str, width: int = 220) -> alt.Chart:
    """Albania in grey with one municipality in colour (for printed profiles)."""
    return locator_shapes(gdf, lau_code, width).configure_view(stroke=None)


def build_compare_picture(chart, meta, source_text: str, lang: str):
    """One compare chart (views.CompareChart) as a picture: its full title, its notes (Albania's figure, who has no
    value) as the subtitle, the whole source line and the date."""
    from lnb_dash.render.charts import build_compare_chart

    notes = [line for note in chart.notes for line in wrap_lines(note, WIDTH, 13)]
    return frame_chart(build_compare_chart(chart, meta, lang, with_title=False).properties(width=WIDTH), chart.title, notes, source_text, lang)
