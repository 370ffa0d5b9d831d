"""What each page shows, prepared as plain data (no Streamlit), so pages only lay it out.

Titles disclose the year and coverage; tables are the accessible alternative to maps and charts
and carry the same numbers.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from lnb_dash import boundaries, caveats, i18n, map_levels
from lnb_dash.i18n import N_
from lnb_dash.classify import SCHEMES, Classes, classify, classify_categories
from lnb_dash.filters import MapView
from lnb_dash.indicators import IndicatorMeta
from lnb_dash.maps import MapSpec, build_legend_html, choropleth_spec, standalone_html
from lnb_dash.sources import CITATION_COLUMNS


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
    subtitle = i18n.t(map_levels.level_key("coverage_note", level), lang, n=n_with, year=view.year)
    if not meta.is_category:
        subtitle += f" {i18n.t(f'scheme_{classes.scheme}', lang)}, {class_count_text(classes.k, view.k, lang)}."
    national_text = i18n.t("national_value", lang, value=i18n.format_value(national, meta, lang)) if national is not None else None
    municipal = level == "municipality"
    highlight = set(priority_codes) if view.priority and municipal else None
    legend = build_legend_html(classes, meta, lang, values.status, national_text, title=name, counties=municipal,
                               highlighted=len(highlight or ()), municipality_lines=level == "former_unit")
    gdf = boundaries.join_values(areas, values) if municipal else boundaries.join_area_values(areas, values)
    alt_text = i18n.t(map_levels.level_key("map_alt", level), lang, indicator=name, year=view.year)
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
    return name if view.level == "municipality" else f"{name} – {map_levels.level_label(view.level, lang)}"


def level_values_table(values: pd.DataFrame, meta, lang: str, level: str) -> pd.DataFrame:
    """:func:`values_table` for counties or former units (with the municipality and county each belongs to today)."""
    area = map_levels.area_label(level, lang)
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
                         {"sq": row.unit_sq, "en": row.unit_en}, {}, _categories(row.categories), "", (), ())


def _fmt_optional(value, meta, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or meta.kind == "category":
        return "–"
    return i18n.format_value(value, meta, lang)


def _categories(raw) -> dict:
    return {int(k): v for k, v in json.loads(raw).items()} if isinstance(raw, str) else {}


def key_facts(profile: pd.DataFrame, municipality: pd.Series, lang: str) -> list[tuple[str, str]]:
    """(label, text) pairs: county, population, area, density, urbanisation, coastal, LNB priority."""
    by_id = profile.set_index("indicator_id")

    def cell(iid: str) -> tuple[float | None, int | None, object]:
        if iid not in by_id.index or by_id.loc[iid].status != "value":
            return None, None, None
        row = by_id.loc[iid]
        return float(row.value), int(row.year), row

    facts = [(i18n.t("county", lang), municipality["qark"])]
    pop, pop_year, _ = cell("population")
    area, _, _ = cell("area_km2")
    facts.append((i18n.t("population", lang), f"{i18n.format_number(pop, 0, lang)} ({pop_year})" if pop is not None else "–"))
    facts.append((i18n.t("area", lang), f"{i18n.format_number(area, 1, lang)} km²" if area is not None else "–"))
    if pop is not None and area:
        facts.append((i18n.t("density", lang), f"{i18n.format_number(pop / area, 1, lang)} {i18n.t('density_unit', lang)} "
                                                f"({i18n.t('density_note', lang, year=pop_year)})"))
    for iid, label in (("degurba", "urbanisation"), ("coastal", "coastal"), ("lnb_priority", "lnb_priority")):
        value, _, row = cell(iid)
        text = _categories(row.categories).get(int(value), {}).get(lang, "–") if row is not None else "–"
        facts.append((i18n.t(label, lang), text))
    return facts


def trend_areas(view, municipalities: pd.DataFrame) -> tuple[str, ...]:
    """The chosen municipalities, plus their counties and Albania when asked for."""
    areas = list(view.m)
    if view.county:
        counties = municipalities.set_index("lau_code").county_code
        areas += sorted({counties[m] for m in view.m if m in counties.index})
    if view.national:
        areas.append("AL")
    return tuple(areas)


def label_series(series: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Name lines so a county never shares a name with its seat ('Korçë' and 'County Korçë'), Albania in the language."""
    out = series.copy()
    county = out.area_level == "county"
    out.loc[county, "name"] = (f"{i18n.t('county', lang)} " + out.loc[county, "name"]) if lang == "sq" else out.loc[county, "name"] + " county"
    out.loc[out.area_level == "national", "name"] = i18n.t("albania", lang)
    return out


def trend_table(series: pd.DataFrame, meta, lang: str) -> pd.DataFrame:
    """Areas in rows, years in columns, formatted values; breaks marked with †."""
    data = series.copy()
    data["text"] = [i18n.format_value(v, meta, lang, with_unit=False) + (" †" if b else "") if s == "value" else i18n.status_label(s, lang)
                    for v, s, b in zip(data.value, data.status, data.break_in_series)]
    table = data.pivot_table(index="name", columns="year", values="text", aggfunc="first")
    table.columns = [str(c) for c in table.columns]
    return table.reset_index().rename(columns={"name": ""})


def trend_download(series: pd.DataFrame, meta, lang: str, sources: pd.DataFrame, breakdown: str = "total") -> pd.DataFrame:
    titles = dict(zip(sources.source_id, i18n.localize_sources(sources, lang).title))
    return pd.DataFrame({
        "area_code": series.area_code, "area": series.name, "level": series.area_level, "indicator": meta.indicator_id,
        "indicator_name": indicator_name(meta, breakdown, lang), "breakdown": breakdown, "year": series.year, "value": series.value, "unit": meta.unit[lang],
        "status": series.status, "break_in_series": series.break_in_series, "computed": series.computed,
        "source": series.source_id.map(titles), **citation_columns(series),
    })


def compare_table(profiles: dict[str, pd.DataFrame], names: dict[str, str], lang: str) -> pd.DataFrame:
    """Indicators in rows; one column per municipality (value, year and rank) and one for Albania."""
    first = next(iter(profiles.values()))
    rows = []
    for i, r in enumerate(first.itertuples()):
        meta = meta_of(r)
        row = {i18n.t("indicator", lang): meta.name[lang]}
        for code, profile in profiles.items():
            p = profile.iloc[i]
            if p.status == "value":
                rank = i18n.rank_text(p["rank"], p.n_ranked, lang)
                row[names[code]] = f"{i18n.format_value(p.value, meta, lang)} ({int(p.year)}" + (f"; {rank})" if rank != "–" else ")")
            else:
                row[names[code]] = i18n.status_label(p.status, lang)
        row[i18n.t("albania", lang)] = _fmt_optional(r.national_value, meta, lang)
        rows.append(row)
    return pd.DataFrame(rows)


def compare_download(profiles: dict[str, pd.DataFrame], names: dict[str, str], lang: str, sources: pd.DataFrame) -> pd.DataFrame:
    """The compare view as numbers a spreadsheet can use: one row per municipality and indicator, with value, year,
    rank, unit, county and national figures and the source in separate columns (missing values empty, never 0)."""
    titles = dict(zip(sources.source_id, i18n.localize_sources(sources, lang).title))
    frames = []
    for code, profile in profiles.items():
        frames.append(pd.DataFrame({
            "lau_code": code, "municipality": names[code], "indicator": profile.indicator_id, "indicator_name": profile[f"name_{lang}"],
            "year": profile.year.astype("Int64"), "value": profile.value.where(profile.status == "value"), "unit": profile[f"unit_{lang}"],
            "status": profile.status, "rank": profile["rank"].astype("Int64"), "n_ranked": profile.n_ranked.astype("Int64"),
            "county_value": profile.county_value, "national_value": profile.national_value,
            "source": profile.source_id.map(titles), **citation_columns(profile),
        }))
    return pd.concat(frames, ignore_index=True)


def programme_table(results: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per measure: 2019, 2021 and the change, with the wording each document used."""
    return pd.DataFrame({
        i18n.t("measure", lang): results[f"name_{lang}"],
        "2019": [i18n.format_number(v, 0, lang) for v in results.value_2019],
        "2021": [i18n.format_number(v, 0, lang) for v in results.value_2021],
        i18n.t("change", lang): [("+" if c > 0 else "") + i18n.format_number(c, 0, lang) for c in results.change],
        i18n.t("unit", lang): results[f"unit_{lang}"],
        f"{i18n.t('as_stated', lang)} (2019)": results.stated_2019,
        f"{i18n.t('as_stated', lang)} (2021)": results.stated_2021,
    })


def observations_download(observations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The observations as a reader downloads them: names, value, unit, year, status, full source, and each
    value's note and citation (where it was read) when its source gives one."""
    area = observations.area_name.where(observations.area_level != "national", i18n.t("albania", lang))
    source, publisher, license_ = observations.source_title, observations.source_publisher, observations.source_license
    if lang == "sq" and "source_title_sq" in observations:
        source = observations.source_title_sq.fillna(source)
        publisher = observations.source_publisher_sq.fillna(publisher) if "source_publisher_sq" in observations else publisher
        license_ = observations.source_license_sq.fillna(license_) if "source_license_sq" in observations else license_
    return pd.DataFrame({
        "area_code": observations.area_code, "area": area, "level": observations.area_level,
        "indicator": observations.indicator_id, "indicator_name": observations[f"name_{lang}"], "breakdown": observations.breakdown,
        "year": observations.year, "value": observations.value, "unit": observations[f"unit_{lang}"], "status": observations.status,
        "break_in_series": observations.break_in_series, "computed": observations.computed, **citation_columns(observations),
        "source": source, "publisher": publisher, "license": license_,
        "source_url": observations.source_url,
    })


OBSERVATION_COLUMN_LABELS = {
    "area_code": N_("col_area_code"), "area": N_("col_area"), "level": "level", "indicator": N_("col_indicator_id"), "indicator_name": "indicator",
    "breakdown": "breakdown", "year": "year", "value": "value", "unit": "unit", "status": "status",
    "break_in_series": N_("col_break_in_series"), "computed": N_("col_computed"), "note": N_("col_note"), "citation_url": N_("col_citation_url"),
    "citation_title": N_("col_citation_title"), "citation_text": N_("col_citation_text"), "citation_retrieved": N_("col_citation_retrieved"),
    "source": "source", "publisher": "publisher", "license": "license", "source_url": N_("col_source_url"),
}


def observations_display(download: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data page's table: :func:`observations_download` with column names, levels, breakdowns and statuses in
    ``lang`` (the files keep their stable column names and codes, so scripts read both languages alike)."""
    shown = download.assign(level=download.level.map(lambda v: i18n.t(f"level_{v}", lang)),
                            breakdown=download.breakdown.map(lambda v: i18n.breakdown_label(v, lang)),
                            status=download.status.map(lambda v: i18n.status_label(v, lang)),
                            note=download.note.map(lambda v: caveats.note_text(v, lang)))
    return shown.rename(columns={c: i18n.t(k, lang) for c, k in OBSERVATION_COLUMN_LABELS.items()})


def coverage_by_level_table(coverage: pd.DataFrame, catalogue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per indicator and level, years in columns, 'areas with a value / areas at that level' in the cells.

    ``coverage`` is :func:`lnb_dash.indicators.query_coverage_by_level`; empty cells mean no value that year.
    """
    columns = [i18n.t("indicator", lang), i18n.t("level", lang)]
    if coverage.empty:
        return pd.DataFrame(columns=columns)
    names = dict(zip(catalogue.indicator_id, catalogue[f"name_{lang}"]))
    order = {level: i for i, level in enumerate(("former_unit", "municipality", "county", "national"))}
    cells = coverage.assign(cell=coverage.n_areas.astype(str) + "/" + coverage.n_possible.astype(str))
    table = cells.pivot_table(index=["indicator_id", "area_level"], columns="year", values="cell", aggfunc="first").reset_index()
    table = table.sort_values(["indicator_id", "area_level"], key=lambda s: s.map(order) if s.name == "area_level" else s)
    table.columns = [str(c) for c in table.columns]
    years = [c for c in table.columns if c.isdigit()]
    out = pd.DataFrame({columns[0]: table.indicator_id.map(lambda i: names.get(i, i)),
                        columns[1]: table.area_level.map(lambda lv: i18n.t(f"level_{lv}", lang))})
    latest = coverage[coverage.n_areas > 0].groupby(["indicator_id", "area_level"]).year.max()
    out[i18n.t("latest_year", lang)] = [str(latest.get((i, lv), "")) for i, lv in zip(table.indicator_id, table.area_level)]
    return pd.concat([out, table[years].fillna("")], axis=1).reset_index(drop=True)


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


@dataclass
class CompareChart:
    """One indicator for the compared municipalities at one year, ready to draw (charts.build_compare_chart).

    ``data`` has one row per municipality with a value (lau_code, name, year, value, value_text, source_id), in the
    order chosen; ``missing`` names those without one that year. Albania's figure is drawn as a rule only where it
    is on the municipalities' scale (rates and shares); otherwise ``national_text`` says it in words.
    """

    indicator_id: str
    breakdown: str
    lang: str
    year: int
    title: str
    data: pd.DataFrame
    missing: list[str]
    national_value: float | None
    national_drawn: bool
    national_text: str
    national_source_id: str | None
    source_ids: list[str]

    @property
    def notes(self) -> list[str]:
        """What the bars leave out, in words: Albania's figure and the municipalities without a value that year."""
        missing = ", ".join(self.missing)
        return [n for n in (self.national_text, i18n.t("compare_chart_missing", self.lang, year=self.year, names=missing) if missing else "") if n]


def compare_chart_year(series: pd.DataFrame, codes) -> int | None:
    """The year the most of the chosen municipalities have a value, the latest on a tie: one year per chart, so
    bars side by side are comparable (each municipality's own latest year is in the table above the charts)."""
    chosen = series[series.area_code.isin(list(codes)) & (series.status == "value")]
    if chosen.empty:
        return None
    counts = chosen.groupby("year").area_code.nunique()
    return int(max(counts.index, key=lambda y: (counts[y], y)))


def compare_chart_title(meta, breakdown: str, year: int, lang: str) -> str:
    """The indicator's full identity: name, breakdown (named whenever the indicator has more than one), year, unit."""
    name = meta.name[lang] if breakdown == "total" and len(meta.breakdowns) <= 1 else f"{meta.name[lang]} – {i18n.breakdown_label(breakdown, lang)}"
    return f"{name}, {year} ({meta.unit[lang]})"


def compare_chart_model(series: pd.DataFrame, meta, codes, names: dict[str, str], lang: str,
                        breakdown: str = "total") -> CompareChart | None:
    """The chart of one indicator for the chosen municipalities, or None when none of them has a value (or the
    indicator is a category, which has no scale). ``series`` is indicators.query_timeseries for the codes and 'AL'."""
    year = None if meta.is_category else compare_chart_year(series, codes)
    if year is None:
        return None
    at_year = series[series.year == year].set_index("area_code")
    rows = [{"lau_code": c, "name": names.get(c, c), "year": year, "value": float(at_year.loc[c].value),
             "value_text": i18n.format_value(at_year.loc[c].value, meta, lang, with_unit=meta.unit["en"] == "%"), "source_id": at_year.loc[c].source_id}
            for c in codes if c in at_year.index and at_year.loc[c].status == "value"]
    data = pd.DataFrame(rows, columns=["lau_code", "name", "year", "value", "value_text", "source_id"])
    missing = [names.get(c, c) for c in codes if c not in set(data.lau_code)]
    national = at_year.loc["AL"] if "AL" in at_year.index and at_year.loc["AL"].status == "value" else None
    national_value = float(national.value) if national is not None else None
    national_source = national.source_id if national is not None and isinstance(national.source_id, str) else None
    drawn = national_value is not None and meta.compares_with_national
    national_text = ""
    if national_value is not None:
        value = f"{i18n.format_value(national_value, meta, lang)}, {year}"
        national_text = i18n.t("compare_albania_rule" if drawn else "compare_albania_total", lang, value=value)
    sources = [*data.source_id.dropna(), *([national_source] if national_source else [])]
    return CompareChart(meta.indicator_id, breakdown, lang, year, compare_chart_title(meta, breakdown, year, lang), data, missing,
                        national_value, drawn, national_text, national_source, list(dict.fromkeys(s for s in sources if isinstance(s, str))))


def compare_charts_download(charts: list[CompareChart], metas: dict, lang: str, sources: pd.DataFrame) -> pd.DataFrame:
    """What the compare charts draw, as numbers: one row per municipality and chart, and Albania's figure in
    its own row (level 'national'), with indicator, breakdown, year, value, unit and source in separate columns."""
    titles = dict(zip(sources.source_id, sources.title))
    frames = []
    for chart in charts:
        meta = metas[chart.indicator_id]
        rows = chart.data.assign(level="municipality")[["lau_code", "name", "level", "year", "value", "source_id"]]
        if chart.national_value is not None:
            rows = pd.concat([rows, pd.DataFrame([{"lau_code": "AL", "name": i18n.t("albania", lang), "level": "national", "year": chart.year,
                                                   "value": chart.national_value, "source_id": chart.national_source_id}])], ignore_index=True)
        frames.append(pd.DataFrame({
            "area_code": rows.lau_code, "area": rows.name, "level": rows.level, "indicator": chart.indicator_id,
            "indicator_name": indicator_name(meta, chart.breakdown, lang), "breakdown": chart.breakdown, "year": rows.year.astype("Int64"),
            "value": rows.value, "unit": meta.unit[lang], "source": rows.source_id.map(titles),
        }))
    columns = ["area_code", "area", "level", "indicator", "indicator_name", "breakdown", "year", "value", "unit", "source"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def compare_no_chart_note(profile: pd.DataFrame, drawn_ids, lang: str) -> str:
    """Which indicators got no chart because none of the chosen municipalities has a value (categories have no scale
    and are only in the table)."""
    skipped = [r[f"name_{lang}"] for _, r in profile.iterrows() if r.kind != "category" and r.indicator_id not in set(drawn_ids)]
    return i18n.t("compare_no_chart", lang, names="; ".join(skipped)) if skipped else ""


COMPARE_MAX = 6  # the compare page's limit: a profile and its five similar municipalities


def compare_url(codes, lang: str) -> str:
    """The compare page's address for municipalities picked elsewhere (the map): each once, at most COMPARE_MAX, in
    the order picked; the page resolves them through the alias table like any link."""
    chosen = list(dict.fromkeys(codes))[:COMPARE_MAX]
    return f"/compare?m={','.join(chosen)}&lang={i18n.normalize_lang(lang)}"
