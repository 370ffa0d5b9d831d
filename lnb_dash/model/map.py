"""The map page's model: values of one level joined to its shapes, classes, title, ranked table, downloads (plain data;
render.maps draws it)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from lnb_dash import i18n, levels
from lnb_dash.model import address, caveats, downloads
from lnb_dash.model.address import MapView, Substitution
from lnb_dash.model.classify import SCHEMES, Classes, classify, classify_categories
from lnb_dash.query import boundaries
from lnb_dash.query.indicators import IndicatorMeta, parse_categories


@dataclass
class MapModel:
    """One map view as plain data: what render.maps draws (map_figure) and what the page lists and downloads."""

    meta: IndicatorMeta
    level: str
    title: str
    subtitle: str
    name: str  # the indicator as the legend and the pictures title it (map_name)
    value_label: str  # the tooltip's value row (indicator_name)
    gdf: gpd.GeoDataFrame
    classes: Classes
    national_value: float | None
    national_text: str | None
    highlight: frozenset[str]
    basemap: bool
    table: pd.DataFrame
    download: pd.DataFrame
    alt_text: str


def national_of(national_values: pd.DataFrame) -> float | None:
    """Albania's figure from query_values at the national level (None when it has none)."""
    national = national_values[(national_values.area_level == "national") & (national_values.status == "value")]
    return float(national.value.iloc[0]) if len(national) else None


def build_map_model(meta, view: MapView, values: pd.DataFrame, national_values: pd.DataFrame, areas: gpd.GeoDataFrame,
                    lang: str, sources: pd.DataFrame, priority_codes: frozenset[str] = frozenset()) -> MapModel:
    """Classes, title, joined shapes, table and download for one map view, at any level.

    ``values`` is query_values at the view's level, ``national_values`` at the national one, ``areas`` the level's
    polygons (boundaries.read_level).
    """
    level = view.level
    national = national_of(national_values)
    classed = values.value.where(~flagged(values))  # a flagged value is drawn with its mark, never in a class
    if meta.is_category:
        classes = classify_categories(classed, meta.categories, lang)
    else:
        scheme = view.scheme if view.scheme in schemes_for(meta) else schemes_for(meta)[0]
        classes = classify(classed, scheme, view.k, center=national if scheme == "diverging" else None)
    n_with = int((values.status == "value").sum())
    name = map_name(meta, view, lang)
    title = f"{name}, {view.year}"
    subtitle = i18n.t(levels.level_key("coverage_note", level), lang, n=n_with, year=view.year)
    if not meta.is_category:
        subtitle += f" {i18n.t(f'scheme_{classes.scheme}', lang)}, {class_count_text(classes.k, view.k, lang)}."
    national_text = national_basis_text(national_values, values, meta, view.breakdown, lang)
    # Only the municipalities are on the priority list.
    highlight = frozenset(priority_codes) if view.priority and level == levels.MUNICIPALITY.id else frozenset()
    return MapModel(
        meta=meta, level=level, title=title, subtitle=subtitle, name=name, value_label=indicator_name(meta, view.breakdown, lang),
        gdf=boundaries.join_values(areas, values), classes=classes, national_value=national, national_text=national_text,
        highlight=highlight, basemap=view.basemap, table=values_table(values, meta, lang, level),
        download=values_download(values, meta, lang, sources, view),
        alt_text=i18n.t(levels.level_key("map_alt", level), lang, indicator=name, year=view.year))


def flagged(values: pd.DataFrame) -> pd.Series:
    """The values that carry a quality flag (data/flags.py): shown with ⚠ and the reason, never ranked, classed or summed."""
    return values["flag"].notna() & (values.status == "value") if "flag" in values else pd.Series(False, index=values.index)


def national_basis_text(national_values: pd.DataFrame, values: pd.DataFrame, meta, breakdown: str, lang: str) -> str | None:
    """Albania's figure as the legend states it. For women or men it says what it is built from: all municipalities,
    or why it is not given (the build sums no flagged value, so an incomplete split gives no national figure)."""
    national = national_of(national_values)
    n_flagged = int(flagged(values).sum())
    if national is None:
        return i18n.t("qual_national_withheld", lang, n=n_flagged, total=len(values)) if n_flagged else None
    text = i18n.t("national_value", lang, value=i18n.format_value(national, meta, lang))
    row = national_values[national_values.status == "value"].iloc[0]
    if breakdown in ("female", "male") and bool(row.computed):
        return i18n.t("qual_national_basis", lang, text=text, n=len(values))
    return text


def map_name(meta, view: MapView, lang: str) -> str:
    """The indicator as a map names it: with its breakdown, and its level when that is not the municipalities
    ('Population on 1 January – County'): titles, legends, tooltips and pictures."""
    name = indicator_name(meta, view.breakdown, lang)
    return name if view.level == "municipality" else f"{name} – {levels.level_label(view.level, lang)}"


def ranked_label(values: pd.DataFrame, level: str, lang: str) -> str:
    """The ranking's tab: '52 of 61 ranked', never 'All 61 municipalities ranked' over 52 bars."""
    total = levels.get(level).n_areas or len(values)
    return i18n.t("jn_ranked_of", lang, n=int(values["rank"].notna().sum()), total=total)


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


def containing_levels(level: str) -> list[str]:
    """The levels an area of ``level`` lies in, below Albania: a former unit's municipality and county, a municipality's county."""
    found, lv = [], levels.get(level)
    while lv.parent and lv.parent != levels.NATIONAL.id:
        lv = levels.get(lv.parent)
        found.append(lv.id)
    return found


# The values column that names the area of a containing level a row lies in (query_values).
_NAME_IN = {levels.MUNICIPALITY.id: "municipality", levels.COUNTY.id: "qark"}


def honest_ranks(values: pd.DataFrame) -> pd.Series:
    """The ranks, or empty where too few areas have a value for a rank to mean something (the rank rule)."""
    return values["rank"].where(values.n_ranked.map(i18n.ranked)).astype("Int64")


def values_table(values: pd.DataFrame, meta, lang: str, level: str = "municipality") -> pd.DataFrame:
    """The sortable table beside the map, at any level: the area, the areas it lies in, value, rank (same order, values
    and ranks as the map and the bar chart), status, and each value's own caveat where one has it."""
    area = levels.area_label(level, lang)
    columns = {area: values.name}
    columns |= {levels.area_label(parent, lang): values[_NAME_IN[parent]] for parent in containing_levels(level)}
    columns |= {
        i18n.t("value", lang): values.value.where(values.status == "value"),
        i18n.t("rank", lang): honest_ranks(values),
        i18n.t("status", lang): values.status.map(lambda s: i18n.status_label(s, lang)),
    }
    table = pd.DataFrame(columns)
    if meta.is_category:
        table[i18n.t("value", lang)] = [i18n.format_value(v, meta, lang) for v in values.value]
    own = [f"{flag} {c}".strip() if isinstance(flag, str) else c
           for flag, c in zip(values["flag"] if "flag" in values else [None] * len(values), (caveats.value_caveat(n, lang) for n in values.note))]
    if any(own):
        table[i18n.t("caveats_heading", lang)] = [f"{caveats.MARK} {c}" if c else "" for c in own]
    return table.sort_values([i18n.t("rank", lang), area], na_position="last").reset_index(drop=True)


def values_download(values: pd.DataFrame, meta, lang: str, sources: pd.DataFrame, view: MapView) -> pd.DataFrame:
    """The CSV of the current view at any level: the area's code and name (lau_code, county_code or unit_code), the
    municipality and county it lies in, the level, indicator, breakdown, year, value, unit, status, rank, and the
    source and license in ``lang``, with each value's own note and citation (where it was read) when its source gives one."""
    lv = levels.get(view.level)
    localized = i18n.localize_sources(sources, lang)
    titles, licenses = dict(zip(localized.source_id, localized.title)), dict(zip(localized.source_id, localized.license))
    areas = {lv.key: values.area_code, lv.id: values.name}
    for parent in containing_levels(lv.id):
        if parent == levels.MUNICIPALITY.id:  # today's municipality by its code too
            areas[levels.MUNICIPALITY.key] = values.lau_code
        areas[parent] = values[_NAME_IN[parent]]
    frame = pd.DataFrame({
        **areas, "level": lv.id, "indicator": meta.indicator_id, "indicator_name": indicator_name(meta, view.breakdown, lang),
        "breakdown": view.breakdown, "breakdown_name": i18n.breakdown_label(view.breakdown, lang),
        "year": values.year, "value": downloads.numbers(values.value.where(values.status == "value"), meta.decimals),
        "unit": meta.unit[lang], "status": values.status, "rank": honest_ranks(values),
        "source": values.source_id.map(titles).fillna(titles.get(meta.source_id, "")),
        "licence": values.source_id.map(licenses).fillna(licenses.get(meta.source_id, "")),
        **citation_columns(values, lang),
    })
    if meta.is_category:
        frame.insert(frame.columns.get_loc("value") + 1, "label", [i18n.format_value(v, meta, lang) for v in values.value])
    return frame


def citation_columns(frame: pd.DataFrame, lang: str = "en") -> dict[str, pd.Series]:
    """The per-value flag, note (a sentence in ``lang``) and citation columns every download carries (empty where the
    source has none): :func:`lnb_dash.model.downloads.value_columns`."""
    return downloads.value_columns(frame, lang)


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
        year = choose_default_year(rows[rows.area_level == level][["year", "n_areas"]])
    levels = levels_of(map_levels, view.indicator, breakdown, year)
    level = view.level if view.level in levels else levels[0]
    return dataclasses.replace(view, breakdown=breakdown, year=int(year), level=level), years


def substitutions(asked: dict[str, str], settled, map_levels: pd.DataFrame) -> list[Substitution]:
    """What a link asked for (``year``, ``breakdown``, ``level``) that :func:`settle` replaced, what is shown instead and
    the views with data it could open instead (each settled, so none of them is substituted again): the map's options
    for :func:`lnb_dash.model.address.substitutions`.
    """
    # only the fields the link did not get are listed: settling every option was a third of a first visit's run
    wanted = [field for field in ("year", "breakdown", "level") if address.asked_instead(asked, settled, field) is not None]
    rows = mappable(map_levels, settled.indicator) if wanted else pd.DataFrame()
    if rows.empty:
        return []
    here = mappable(map_levels, settled.indicator, settled.breakdown)

    def year_option(year):
        level = settled.level if settled.level in levels_of(map_levels, settled.indicator, settled.breakdown, year) else "municipality"
        return dataclasses.replace(settled, year=year, level=level)

    def level_option(level):
        year = settled.year if level in levels_of(map_levels, settled.indicator, settled.breakdown, settled.year) else None
        return dataclasses.replace(settled, level=level, year=year)

    offered = {
        "year": lambda: [(str(y), year_option(y)) for y in sorted(int(y) for y in here.year.unique())],
        "breakdown": lambda: [(b, dataclasses.replace(settled, breakdown=b)) for b in sorted(set(rows.breakdown))],
        "level": lambda: [(lv, level_option(lv)) for lv in levels_of(map_levels, settled.indicator, settled.breakdown)],
    }
    return address.substitutions(asked, settled, {field: [(value, settle(view, map_levels)[0]) for value, view in offered[field]()]
                                                  for field in wanted})


def classify_every_view(con, counts=range(3, 8), natural_breaks_up_to: int = 100) -> dict[str, tuple[float, ...]]:
    """Classify every view a map can draw (each indicator, breakdown, year and level with values) at every class count,
    as the map does (flagged values left out), in quantiles and equal intervals, and in natural breaks where there are
    few areas (Fisher-Jenks takes a second for the 373 former units): the bins the build keeps beside the database."""
    from lnb_dash.model import classify as classes
    from lnb_dash.query.indicators import get_indicator, query_map_levels
    from lnb_dash.query.values import query_values

    for row in query_map_levels(con).itertuples():
        if get_indicator(con, row.indicator_id).is_category:
            continue
        values = query_values(con, row.indicator_id, int(row.year), row.breakdown, row.area_level, "sq")
        classed = values.value.where(~flagged(values))
        schemes = ("quantiles", "equal_interval") + (("natural_breaks",) if classed.count() <= natural_breaks_up_to else ())
        for scheme in schemes:
            for k in counts:
                classify(classed, scheme, k)
    return classes.known_bins()


def choose_default_year(coverage: pd.DataFrame) -> int | None:
    """The latest year that covers at least half as many areas (``n_areas``) as the best-covered year.

    A map should not open on a year most municipalities lack (population 2023 has 14 of 61): it opens
    on 2011, and 2023 stays one click away.
    """
    if coverage.empty:
        return None
    good = coverage[coverage.n_areas >= coverage.n_areas.max() / 2]
    return int(good.year.max())
