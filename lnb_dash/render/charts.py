"""Altair chart builders: each returns an ``alt.Chart`` and never calls Streamlit."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from lnb_dash import i18n
from lnb_dash.model.caveats import MARK
from lnb_dash.model.classify import FLAG_STYLE, Classes

NATIONAL_COLOR = "#000000"


def _number_format(meta, lang: str) -> str:
    return f",.{meta.decimals}f"


# d3 number formats for the chart axes, matching Babel's: "1 234,5" in Albanian, "1,234.5" in English.
NUMBER_LOCALES = {
    "sq": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", " L"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", ""]},
}


def localize(chart, lang: str):
    """The chart with its axes' numbers in the language's format (a top-level setting: apply last).

    Vega describes axes and legends to screen readers in English only ("X-axis titled …"); in Albanian those
    descriptions are left out (the table beside every chart is the alternative), so no English reaches the page."""
    chart = chart.configure(locale={"number": NUMBER_LOCALES.get(lang, NUMBER_LOCALES["en"])})
    return chart.configure_axis(aria=False).configure_legend(aria=False) if lang == "sq" else chart


BAR_SIZE = 14  # px: every bar of the ranked chart is this thick, so a chart of 2 values reads like one of 61
BAR_STEP = 18  # px per bar (bar + gap); the plot is never lower than MIN_RANKED_HEIGHT
MIN_RANKED_HEIGHT = 120


def build_ranked_bar_chart(values: pd.DataFrame, classes: Classes, meta, lang: str, national: float | None = None,
                           selected: str | None = None, area_title: str | None = None, n_areas: int | None = None) -> alt.Chart:
    """Every area of the map's level with a value (municipalities, or the areas ``area_title`` names), highest first,
    coloured like the map: one bar per area, labelled so areas sharing a name are told apart ('Qendër (Librazhd)').

    ``values`` is query_values output. A rule marks Albania only for rates and shares: a national total would stretch
    the axis far past every municipality. The tooltip's rank follows the rank rule and says how many of ``n_areas``
    have a value; bars keep one thickness whatever their number.
    """
    data = values[values.status == "value"].copy()
    data["color"] = [classes.color_of(int(i)) or "#cccccc" for i in classes.class_index.loc[data.index]]
    data["value_text"] = [i18n.format_value(v, meta, lang) for v in data.value]
    data["rank_text"] = [i18n.rank_text(r, n, lang, n_areas) for r, n in zip(data["rank"], data.n_ranked)]
    if "flag" in data:  # a flagged value: grey, marked, not ranked, its reason on hover (data/flags.py)
        marked = data.flag.notna()
        data.loc[marked, "color"] = FLAG_STYLE["fillColor"]
        data.loc[marked, "label"] = data.label[marked] + " " + MARK
        data.loc[marked, "rank_text"] = [f"{MARK} {i18n.t('qual_not_ranked', lang)}: {f}" for f in data.flag[marked]]
    data["is_selected"] = data.area_code == selected
    data = data[["area_code", "label", "value", "color", "value_text", "rank_text", "is_selected"]]
    base = alt.Chart(data)
    bars = base.mark_bar(stroke="#444444", size=BAR_SIZE).encode(
        x=alt.X("value:Q", title=f"{meta.name[lang]} ({meta.unit[lang]})", axis=alt.Axis(format=_number_format(meta, lang))),
        y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=200, labelOverlap=False, labelFontSize=11)),
        color=alt.Color("color:N", scale=None, legend=None),
        strokeWidth=alt.condition("datum.is_selected", alt.value(2), alt.value(0)),
        tooltip=[alt.Tooltip("label:N", title=area_title or i18n.t("municipality", lang)), alt.Tooltip("value_text:N", title=i18n.t("value", lang)),
                 alt.Tooltip("rank_text:N", title=i18n.t("rank", lang))],
    )
    layers = [bars]
    if national is not None and meta.compares_with_national:
        line = alt.Chart(pd.DataFrame({"value": [national], "label": [f"{i18n.t('albania', lang)} {i18n.format_value(national, meta, lang)}"]}))
        rule = line.mark_rule(color=NATIONAL_COLOR, strokeDash=[4, 3]).encode(x="value:Q", tooltip=[alt.Tooltip("label:N", title="")])
        # The dashed line says what it is on the picture too, not only on hover.
        name = line.mark_text(align="left", baseline="top", dx=4, dy=2, fontSize=11, color=NATIONAL_COLOR).encode(
            x="value:Q", y=alt.value(0), text="label:N")
        layers.extend([rule, name])
    return alt.layer(*layers).properties(height=max(BAR_STEP * len(data), MIN_RANKED_HEIGHT), width="container")


def build_timeseries_chart(series: pd.DataFrame, meta, lang: str, indexed: bool = False) -> alt.Chart:
    """Lines per area; Albania dashed (for counts only when indexed); hollow points where the series breaks.

    ``series`` needs name, area_level, year, value, break_in_series (query_timeseries output).
    """
    data = series[series.status == "value"].copy().sort_values(["name", "year"])
    if not indexed and not meta.compares_with_national:
        data = data[data.area_level != "national"]  # a national total would flatten every municipality's line
    y_title = f"{meta.name[lang]} ({meta.unit[lang]})"
    if indexed:
        first = data.groupby("name").value.transform("first")
        data["value"] = data.value / first * 100
        y_title = i18n.t("indexed", lang)
    data["value_text"] = [i18n.format_number(v, 1 if indexed else meta.decimals, lang) for v in data.value]
    data["segment"] = data.groupby("name").break_in_series.cumsum()
    data["is_national"] = data.area_level == "national"
    color = alt.Color("name:N", title=None, legend=alt.Legend(orient="bottom", columns=4),
                      scale=alt.Scale(scheme="tableau10"))
    base = alt.Chart(data).encode(
        x=alt.X("year:O", title=i18n.t("year", lang)),
        y=alt.Y("value:Q", title=y_title, axis=alt.Axis(format=",.0f" if indexed else _number_format(meta, lang))),
        color=color,
        tooltip=[alt.Tooltip("name:N", title=""), alt.Tooltip("year:O", title=i18n.t("year", lang)),
                 alt.Tooltip("value_text:N", title=i18n.t("value", lang))],
    )
    lines = base.mark_line(strokeWidth=2.5).encode(
        detail="segment:N", strokeDash=alt.condition("datum.is_national", alt.value([6, 3]), alt.value([1, 0])))
    points = base.mark_point(size=70, filled=True).encode(
        fill=alt.condition("datum.break_in_series", alt.value("white"), color), shape=alt.value("circle"))
    return alt.layer(lines, points).properties(height=380, width="container")


def build_programme_chart(results: pd.DataFrame, lang: str, row_height: int = 40) -> alt.Chart:
    """Grouped bars per measure: the 2019 factsheet against the 2021 programme page, each bar with its number
    (each measure has its own scale, so numbers rather than axes carry the comparison)."""
    data = results.copy()
    data["name"] = data[f"name_{lang}"]
    data["value_text"] = [i18n.format_number(v, 0, lang) for v in data.value]
    base = alt.Chart().encode(
        y=alt.Y("year:N", title=None, axis=alt.Axis(labelFontSize=11)),
        x=alt.X("value:Q", title=None, axis=None),
        tooltip=[alt.Tooltip("name:N", title=""), alt.Tooltip("year:N"), alt.Tooltip("value_text:N", title=i18n.t("value", lang))],
    )
    bars = base.mark_bar().encode(color=alt.Color("year:N", scale=alt.Scale(range=["#9ecae1", "#08519c"]), legend=None))
    labels = base.mark_text(align="left", dx=4, fontSize=12, color="#1a1a1a").encode(text="value_text:N")
    return alt.layer(bars, labels, data=data).properties(height=row_height, width=420).facet(
        row=alt.Row("name:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left", labelLimit=380)), spacing=4,
    ).resolve_scale(x="independent")


COMPARE_COLOR = "#3a6ea5"
# Title lines short enough for a 390 px phone, where the chart is about 350 px wide.
TITLE_CHARS, SUBTITLE_CHARS = 42, 56


def build_compare_chart(chart, meta, lang: str, with_title: bool = True) -> alt.LayerChart:
    """One indicator for the compared municipalities (views.CompareChart): a labelled bar each, in the order chosen
    (the same in every chart), Albania as a dashed rule only for rates and shares; for counts Albania's figure is in
    the subtitle, never on the axis (a national total would dwarf every bar).

    ``with_title=False`` leaves the title to images.frame_chart (the PNG/SVG), which also sizes the whole.
    """
    data = chart.data.copy()
    drawn = [*data.value, *([chart.national_value] if chart.national_drawn else [])]
    low, high = min(0.0, *drawn), max(0.0, *drawn)
    domain = [low, high * 1.3 if high > 0 else 1.0]  # room for the value labels right of the longest bar
    y = alt.Y("name:N", sort=data.name.tolist(), title=None, axis=alt.Axis(labelLimit=130, labelFontSize=12, labelOverlap=False))
    x = alt.X("value:Q", title=meta.unit[lang], scale=alt.Scale(domain=domain, nice=False),
              axis=alt.Axis(format=",.0f" if high >= 10 else _number_format(meta, lang), tickCount=4, labelFlush=True))
    tooltip = [alt.Tooltip("name:N", title=i18n.t("municipality", lang)), alt.Tooltip("value_text:N", title=i18n.t("value", lang)),
               alt.Tooltip("year:O", title=i18n.t("year", lang))]
    base = alt.Chart(data).encode(y=y, x=x, tooltip=tooltip)
    layers = [base.mark_bar(color=COMPARE_COLOR, height={"band": 0.7}),
              base.mark_text(align="left", dx=4, fontSize=12, color="#1a1a1a").encode(text="value_text:N")]
    if chart.national_drawn:
        national = pd.DataFrame({"value": [chart.national_value],
                                 "label": [f"{i18n.t('albania', lang)}: {i18n.format_value(chart.national_value, meta, lang)}"]})
        layers.append(alt.Chart(national).mark_rule(color=NATIONAL_COLOR, strokeDash=[5, 3], strokeWidth=2).encode(
            x="value:Q", tooltip=[alt.Tooltip("label:N", title="")]))
    subtitle = [line for note in chart.notes for line in textwrap.wrap(note, SUBTITLE_CHARS)]
    properties = {"height": 34 * max(len(data), 1), "width": "container"}
    if with_title:  # on screen: the height is the bars' alone, the title and axis come on top (Streamlit would fit all in it)
        properties["autosize"] = alt.AutoSizeParams(type="fit-x", contains="padding")
        properties["title"] = alt.TitleParams(text=textwrap.wrap(chart.title, TITLE_CHARS), subtitle=subtitle, anchor="start", fontSize=14,
                                              subtitleFontSize=12, subtitleColor="#444444")
    return alt.layer(*layers).properties(**properties)


def spine_svg(row, width: int = 200, height: int = 26) -> str:
    """One spine-chart row as inline SVG (profiles.SpineRow): the municipalities' range, its middle half shaded,
    Albania (black rule) and the county (grey diamond) where on the same scale, and this municipality as a dot in
    its quintile's colour.

    SVG rather than a chart: each row sits in an HTML table that wraps into cards on a phone and prints whole,
    with no script. A standalone document (the page shows it as an image); the figures are in the row's text.
    """
    pad, mid = 8, height / 2

    def x(pos: float) -> float:
        return round(pad + pos * (width - 2 * pad), 1)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    if row.q1_pos is not None:
        parts.append(f'<line x1="{x(0)}" y1="{mid}" x2="{x(1)}" y2="{mid}" stroke="#8c8c8c" stroke-width="1.5"/>')
        parts.append(f'<rect x="{x(row.q1_pos)}" y="{mid - 5}" width="{max(x(row.q3_pos) - x(row.q1_pos), 1.5)}" height="10" '
                     'fill="#d4d4d4" stroke="#8c8c8c" stroke-width="0.8"/>')
    if row.national_pos is not None:
        nx = x(row.national_pos)
        parts.append(f'<line x1="{nx}" y1="2" x2="{nx}" y2="{height - 2}" stroke="#000000" stroke-width="2"/>')
    if row.county_pos is not None:
        cx = x(row.county_pos)
        parts.append(f'<path d="M{cx} {mid - 6}L{cx + 5} {mid}L{cx} {mid + 6}L{cx - 5} {mid}Z" '
                     'fill="#969696" stroke="#252525" stroke-width="0.8"/>')
    if row.value_pos is not None:
        fill = row.color or "#ffffff"
        parts.append(f'<circle cx="{x(row.value_pos)}" cy="{mid}" r="6.5" fill="{fill}" stroke="#000000" stroke-width="1.5"/>')
    parts.append("</svg>")
    return "".join(parts)


OTHER_AREA_COLOR = "#b8b8b8"
# The highlighted areas' lines: ≥ 3:1 on white, and neighbours in the legend (with Albania's black after them) apart under
# the three colour-vision deficiencies and in greyscale (tests/model/test_classify.py).
TREND_COLORS = ["#0072B2", "#332288", "#D55E00", "#882255", "#CC79A7", "#117733"]
BREAK_SHAPE = "circle"


def build_county_trend_chart(data: pd.DataFrame, meta, lang: str, highlighted: tuple[str, ...], y_title: str,
                             points_only: bool = False, indexed: bool = False, height: int = 380) -> alt.Chart:
    """Every county as a thin grey line, the ``highlighted`` ones (codes) in colour, Albania dashed in black.

    ``data`` is county_trends.with_segments output (optionally indexed) with labelled names: lines group by its
    ``line`` column, so a break in series starts a new line and nothing joins the values either side of it; the value
    after a break is a hollow point with its own legend entry. ``points_only`` draws points and no lines (census counts).
    The x axis is the calendar year on a linear scale, so uneven gaps (1989, 2001, 2011, 2023) look uneven.
    """
    # Only what is drawn or shown on hover: the series' notes and citations would multiply the page's bytes.
    data = data[["area_code", "area_level", "name", "year", "value", "break_in_series", "line"]].copy()
    chosen = data.area_code.isin(highlighted)
    national = data.area_level == "national"
    other = i18n.t("other_counties", lang)
    data["legend"] = data.name.where(chosen | national, other)
    data["value_text"] = [i18n.format_number(v, 1 if indexed else meta.decimals, lang) for v in data.value]
    data["marker"] = i18n.t("break_in_series_label", lang)
    names = [n for code in highlighted for n in data.loc[data.area_code == code, "name"].head(1)]
    domain = names + ([i18n.t("albania", lang)] if national.any() else []) + ([other] if (~chosen & ~national).any() else [])
    palette = TREND_COLORS
    colors = palette[:len(names)] + ([NATIONAL_COLOR] if national.any() else []) + ([OTHER_AREA_COLOR] if (~chosen & ~national).any() else [])
    color = alt.Color("legend:N", title=i18n.t("legend_area", lang), scale=alt.Scale(domain=domain, range=colors),
                      legend=alt.Legend(orient="bottom", columns=2, labelLimit=180, symbolStrokeWidth=3))
    tooltip = [alt.Tooltip("name:N", title=""), alt.Tooltip("year:Q", title=i18n.t("year", lang), format="d"),
               alt.Tooltip("value_text:N", title=i18n.t("value", lang))]
    x = alt.X("year:Q", title=i18n.t("year", lang), scale=alt.Scale(zero=False, nice=False),
              axis=alt.Axis(format="d", labelOverlap=True, tickMinStep=1,
                            values=sorted(int(y) for y in data.year.unique()) if points_only else alt.Undefined))
    y = alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=False), axis=alt.Axis(format=",.0f" if indexed else _number_format(meta, lang)))
    base = alt.Chart(data).encode(x=x, y=y, color=color, tooltip=tooltip)
    background, foreground = base.transform_filter(f"datum.legend === {other!r}"), base.transform_filter(f"datum.legend !== {other!r}")
    layers = []
    if not points_only:
        layers.append(background.mark_line(strokeWidth=1.2, opacity=0.8).encode(detail="line:N"))
        layers.append(foreground.mark_line(strokeWidth=3).encode(
            detail="line:N", strokeDash=alt.condition("datum.area_level === 'national'", alt.value([6, 3]), alt.value([1, 0]))))
    layers.append(background.mark_point(filled=True, size=40 if points_only else 12, opacity=0.9))
    layers.append(foreground.transform_filter("!datum.break_in_series").mark_point(filled=True, size=110 if points_only else 45))
    if data.break_in_series.any():
        # A white disc under a ring in the area's colour: a fill on the ring itself would leave its legend row without a symbol.
        breaks = base.transform_filter("datum.break_in_series")
        layers.append(breaks.mark_point(size=140, filled=True, opacity=1).encode(color=alt.value("white")))
        layers.append(breaks.mark_point(size=140, strokeWidth=2.5, filled=False, opacity=1).encode(
            shape=alt.Shape("marker:N", title=None, scale=alt.Scale(range=[BREAK_SHAPE]),
                            legend=alt.Legend(orient="bottom", symbolFillColor="white", symbolStrokeColor="#000000", symbolStrokeWidth=2.5,
                                              symbolSize=140))))
    return alt.layer(*layers).properties(height=height, width="container")
