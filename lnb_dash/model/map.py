"""The map page's model: values of one level joined to its shapes, classes, legend, ranked table, downloads."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from lnb_dash import i18n, levels
from lnb_dash.data.sources import CITATION_COLUMNS
from lnb_dash.model import caveats
from lnb_dash.model.address import MapView
from lnb_dash.model.classify import SCHEMES, Classes, classify, classify_categories
from lnb_dash.query import boundaries
from lnb_dash.query.indicators import IndicatorMeta, parse_categories
from lnb_dash.render.maps import MapSpec, build_legend_html, choropleth_spec, standalone_html


@dataclass
class MapModel:
    title: str
    subtitle: str
    gdf: gpd.GeoDataFrame
    classes: Classes
    legend_html: str
    national_value: float | None
    table: pd.DataFrame
    download: pd.DataFrame
    alt_text: str
    map_spec: MapSpec


def national_of(area_values: pd.DataFrame) -> float | None:
    national = area_values[(area_values.area_level == "national") & (area_values.status == "value")]
    return float(national.value.iloc[0]) if len(national) else None


def build_map_model(meta, view: MapView, values: pd.DataFrame, area_values: pd.DataFrame, areas: gpd.GeoDataFrame,
                    lang: str, sources: pd.DataFrame, priority_codes: frozenset[str] = frozenset()) -> MapModel:
    """Classes, legend, title, map and tables for one map view.

    ``values`` and ``areas`` are the view's level: query_values and the 61 municipalities, or
    query_level_values and boundaries.read_level (counties, former units).
    """
    level = view.level
    national = national_of(area_values)
    if meta.is_category:
        classes = classify_categories(values.value, meta.categories, lang)
    else:
        scheme = view.scheme if view.scheme in schemes_for(meta) else schemes_for(meta)[0]
        classes = classify(values.value, scheme, view.k, center=national if scheme == "diverging" else None)
    n_with = int((values.status == "value").sum())
    name = map_name(meta, view, lang)
    title = f"{name}, {view.year}"
    subtitle = i18n.t(levels.level_key("coverage_note", level), lang, n=n_with, year=view.year)
    if not meta.is_category:
        subtitle += f" {i18n.t(f'scheme_{classes.scheme}', lang)}, {class_count_text(classes.k, view.k, lang)}."
    national_text = i18n.t("national_value", lang, value=i18n.format_value(national, meta, lang)) if national is not None else None
    municipal = level == "municipality"
    highlight = set(priority_codes) if view.priority and municipal else None
    legend = build_legend_html(classes, meta, lang, values.status, national_text, title=name, counties=municipal,
                               highlighted=len(highlight or ()), municipality_lines=level == "former_unit")
    gdf = boundaries.join_values(areas, values) if municipal else boundaries.join_area_values(areas, values)
    alt_text = i18n.t(levels.level_key("map_alt", level), lang, indicator=name, year=view.year)
    # The tooltip's first row names the level ("County: Korçë"), so its value row keeps the shorter indicator name.
    map_spec = choropleth_spec(gdf, classes, meta, lang, label=alt_text, basemap=view.basemap,
                               value_label=indicator_name(meta, view.breakdown, lang), highlight=highlight, level=level)
    if municipal:
        table, download = values_table(values, meta, lang), values_download(values, meta, lang, sources, view.breakdown)
    else:
        table, download = level_values_table(values, meta, lang, level), level_values_download(values, meta, lang, sources, view)
    return MapModel(title, subtitle, gdf, classes, legend, national, table, download, alt_text, map_spec)


def map_name(meta, view: MapView, lang: str) -> str:
    """The indicator as a map names it: with its breakdown, and its level when that is not the municipalities
    ('Population on 1 January – County'): titles, legends, tooltips and pictures."""
    name = indicator_name(meta, view.breakdown, lang)
    return name if view.level == "municipality" else f"{name} – {levels.level_label(view.level, lang)}"


def level_values_table(values: pd.DataFrame, meta, lang: str, level: str) -> pd.DataFrame:
    """:func:`values_table` for counties or former units (with the municipality and county each belongs to today)."""
    area = levels.area_label(level, lang)
    columns = {area: values.name}
    if level == "former_unit":
        columns |= {i18n.t("municipality", lang): values.municipality, i18n.t("county", lang): values.qark}
    columns |= {
        i18n.t("value", lang): values.value.where(values.status == "value"),
        i18n.t("rank", lang): values["rank"],
        i18n.t("status", lang): values.status.map(lambda s: i18n.status_label(s, lang)),
    }
    table = pd.DataFrame(columns)
    if meta.is_category:
        table[i18n.t("value", lang)] = [i18n.format_value(v, meta, lang) for v in values.value]
    return table.sort_values([i18n.t("rank", lang), area], na_position="last").reset_index(drop=True)


def level_values_download(values: pd.DataFrame, meta, lang: str, sources: pd.DataFrame, view: MapView) -> pd.DataFrame:
    """:func:`values_download` for counties (county_code, county) or former units (unit_code, former_unit and the
    municipality and county each lies in today), with a ``level`` column."""
    titles = dict(zip(sources.source_id, sources.title))
    licenses = dict(zip(sources.source_id, sources.license))
    if view.level == "county":
        areas = {"county_code": values.area_code, "county": values.name}
    else:
        areas = {"unit_code": values.area_code, "former_unit": values.name, "lau_code": values.lau_code,
                 "municipality": values.municipality, "county": values.qark}
    frame = pd.DataFrame({
        **areas, "level": view.level, "indicator": meta.indicator_id, "indicator_name": indicator_name(meta, view.breakdown, lang),
        "breakdown": view.breakdown, "breakdown_name": i18n.breakdown_label(view.breakdown, lang),
        "year": values.year, "value": values.value.where(values.status == "value"),
        "unit": meta.unit[lang], "status": values.status, "rank": values["rank"],
        "source": values.source_id.map(titles).fillna(titles.get(meta.source_id, "")),
        "license": values.source_id.map(licenses).fillna(licenses.get(meta.source_id, "")),
        **citation_columns(values),
    })
    if meta.is_category:
        frame.insert(frame.columns.get_loc("value") + 1, "label", [i18n.format_value(v, meta, lang) for v in values.value])
    return frame


def national_note(series: pd.DataFrame, meta, lang: str, indexed: bool) -> str | None:
    """Why Albania's line is missing from a chart of counts (see charts.build_timeseries_chart), with its figure."""
    national = series[(series.area_level == "national") & (series.status == "value")]
    if indexed or meta.compares_with_national or national.empty:
        return None
    latest = national.sort_values("year").iloc[-1]
    return i18n.t("national_not_drawn", lang, value=f"{i18n.format_value(latest.value, meta, lang)}, {int(latest.year)}")


def schemes_for(meta) -> tuple[str, ...]:
    """Classifications that make sense: "compared with Albania" only where Albania's figure is on the same scale."""
    return tuple(s for s in SCHEMES if s != "diverging" or meta.compares_with_national)


def indicator_name(meta, breakdown: str, lang: str) -> str:
    """The indicator as titles, legends, tooltips and files name it: 'Turnout, local elections – Women'."""
    return meta.name[lang] if breakdown == "total" else f"{meta.name[lang]} – {i18n.breakdown_label(breakdown, lang)}"


def class_count_text(used: int, asked: int, lang: str) -> str:
    """'5 classes', '1 class', or '3 classes (only 3 distinct values)' when fewer are possible than asked for."""
    text = i18n.t("n_classes_one" if used == 1 else "n_classes", lang, k=used)
    return text if used >= asked else f"{text} ({i18n.t('fewer_classes', lang, k=used)})"


def values_table(values: pd.DataFrame, meta, lang: str) -> pd.DataFrame:
    """The sortable table beside the map: same order, values and ranks as the map and the bar chart."""
    table = pd.DataFrame({
        i18n.t("municipality", lang): values.name,
        i18n.t("county", lang): values.qark,
        i18n.t("value", lang): values.value.where(values.status == "value"),
        i18n.t("rank", lang): values["rank"],
        i18n.t("status", lang): values.status.map(lambda s: i18n.status_label(s, lang)),
    })
    if meta.is_category:
        table[i18n.t("value", lang)] = [i18n.format_value(v, meta, lang) for v in values.value]
    own = [caveats.value_caveat(n, lang) for n in values.note] if "note" in values else []
    if any(own):
        table[i18n.t("caveats_heading", lang)] = [f"{caveats.MARK} {c}" if c else "" for c in own]
    return table.sort_values([i18n.t("rank", lang), i18n.t("municipality", lang)], na_position="last").reset_index(drop=True)


def values_download(values: pd.DataFrame, meta, lang: str, sources: pd.DataFrame, breakdown: str = "total") -> pd.DataFrame:
    """The CSV of the current view: codes, names, breakdown, value, unit, year, status and source, one row per municipality,
    with each value's own note and citation (where it was read) when its source gives one."""
    titles = dict(zip(sources.source_id, i18n.localize_sources(sources, lang).title))
    licenses = dict(zip(sources.source_id, i18n.localize_sources(sources, lang).license))
    frame = pd.DataFrame({
        "lau_code": values.lau_code, "municipality": values.name, "county": values.qark, "indicator": meta.indicator_id,
        "indicator_name": indicator_name(meta, breakdown, lang), "breakdown": breakdown, "breakdown_name": i18n.breakdown_label(breakdown, lang),
        "year": values.year, "value": values.value.where(values.status == "value"),
        "unit": meta.unit[lang], "status": values.status, "rank": values["rank"],
        "source": values.source_id.map(titles).fillna(titles.get(meta.source_id, "")),
        "license": values.source_id.map(licenses).fillna(licenses.get(meta.source_id, "")),
        **citation_columns(values),
    })
    if meta.is_category:
        frame.insert(9, "label", [i18n.format_value(v, meta, lang) for v in values.value])
    return frame


def citation_columns(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """The per-value note and citation columns every download carries (empty where the source has none)."""
    return {c: frame[c] if c in frame else pd.Series(None, index=frame.index, dtype=object) for c in ("note", *CITATION_COLUMNS)}


def meta_of(row) -> IndicatorMeta:
    """Enough of an indicator's metadata to format a profile row (name, unit, kind, decimals, categories)."""
    return IndicatorMeta(row.indicator_id, row.theme, row.kind, int(row.decimals), None, {"sq": row.name_sq, "en": row.name_en},
                         {"sq": row.unit_sq, "en": row.unit_en}, {}, parse_categories(row.categories), "", (), ())


def _fmt_optional(value, meta, lang: str) -> str:
    if i18n.isna(value) or meta.kind == "category":
        return "–"
    return i18n.format_value(value, meta, lang)


def source_text(source_ids, sources: pd.DataFrame, lang: str) -> str:
    """Plain 'Source: publisher, title (date). License: …' for pictures and printouts."""
    table = i18n.localize_sources(sources, lang).set_index("source_id")
    parts = [f"{table.loc[s].publisher}, {table.loc[s].title} ({table.loc[s].reference_date}; {i18n.t('license', lang)}: {table.loc[s].license})"
             for s in dict.fromkeys(s for s in source_ids if isinstance(s, str)) if s in table.index]
    if not parts:
        return ""
    return f"{i18n.t('sources' if len(parts) > 1 else 'source', lang)}: " + "; ".join(parts)


def view_file_name(view: MapView) -> str:
    """The base of every download's file name: indicator, breakdown (when not the total), level (when not the
    municipalities) and year: ``population_1jan_county_2023``."""
    breakdown = "" if view.breakdown == "total" else f"_{view.breakdown}"
    level = "" if view.level == "municipality" else f"_{view.level}"
    return f"{view.indicator}{breakdown}{level}_{view.year}"


def interactive_map_html(model: MapModel, source_ids, sources: pd.DataFrame, lang: str) -> str:
    """The map view as one HTML file that works offline: title, coverage, legend, tooltips, sources and boundaries' license."""
    source_line = f"{source_text(source_ids, sources, lang)} {i18n.t('boundary_attribution', lang)}".strip()
    return standalone_html(model.map_spec, lang, title=model.title, subtitle=model.subtitle, legend_html=model.legend_html,
                           source_text=source_line)


def mappable(map_levels: pd.DataFrame, indicator: str, breakdown: str | None = None) -> pd.DataFrame:
    """The rows of ``query_map_levels`` for one indicator (and breakdown)."""
    rows = map_levels[map_levels.indicator_id == indicator]
    return rows if breakdown is None else rows[rows.breakdown == breakdown]


def mappable_indicators(map_levels: pd.DataFrame) -> list[str]:
    """Indicators with a value at some level a map can draw."""
    return sorted(map_levels.indicator_id.unique())


def levels_of(map_levels: pd.DataFrame, indicator: str, breakdown: str, year: int | None = None) -> list[str]:
    """The levels with data for an indicator and breakdown (in one year when given), finest known first: municipalities."""
    rows = mappable(map_levels, indicator, breakdown)
    if year is not None:
        rows = rows[rows.year == year]
    present = set(rows.area_level)
    return [level for level in levels.AREA if level in present]


def settle(view, map_levels: pd.DataFrame):
    """The view with a breakdown, year and level that have data, and the years to offer (ascending).

    The year defaults as before (the latest well-covered year) at the level asked for, or at the first
    level that has data; a level the chosen year lacks gives way to the first that year has.
    """
    rows = mappable(map_levels, view.indicator)
    if rows.empty:
        return view, []
    breakdowns = set(rows.breakdown)
    breakdown = view.breakdown if view.breakdown in breakdowns else ("total" if "total" in breakdowns else sorted(breakdowns)[0])
    rows = rows[rows.breakdown == breakdown]
    years = sorted(int(y) for y in rows.year.unique())
    year = view.year
    if year not in years:
        all_levels = levels_of(map_levels, view.indicator, breakdown)
        level = view.level if view.level in all_levels else all_levels[0]
        coverage = rows[rows.area_level == level].rename(columns={"n_areas": "municipalities"})
        year = choose_default_year(coverage[["year", "municipalities"]])
    levels = levels_of(map_levels, view.indicator, breakdown, year)
    level = view.level if view.level in levels else levels[0]
    return dataclasses.replace(view, breakdown=breakdown, year=int(year), level=level), years


def choose_default_year(coverage: pd.DataFrame) -> int | None:
    """The latest year that covers at least half as many municipalities as the best-covered year.

    A map should not open on a year most municipalities lack (population 2023 has 14 of 61): it opens
    on 2011, and 2023 stays one click away.
    """
    if coverage.empty:
        return None
    good = coverage[coverage.municipalities >= coverage.municipalities.max() / 2]
    return int(good.year.max())
