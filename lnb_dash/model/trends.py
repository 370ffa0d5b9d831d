"""Trends at county level: which series exist for the 12 counties, and how they are prepared for a chart.

Rules the chart (charts.build_county_trend_chart) relies on:

- a break in series is never joined: each area's line is cut into segments at every value flagged
  ``break_in_series``, so no segment runs from the last value before a break to the first after it;
- census counts are points, never a line: a census is a count on one day, ten or more years from the next, and
  never part of the 1 January estimates' line (``population`` and ``population_1jan`` are separate indicators);
- Albania is drawn beside counties only on an index (each area's base year = 100); its counts are stated in words.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pandas as pd

from lnb_dash import i18n, levels
from lnb_dash.model import address, downloads
from lnb_dash.model.address import Substitution, TrendsView
from lnb_dash.model.map import citation_columns, indicator_name

COUNTY_CODES = tuple(f"AL-{i:02d}" for i in range(1, 13))
DEFAULT_AREAS = ("AL-11", "AL-02", "AL-09")  # Tiranë and Durrës grew, Dibër shrank: the spread in three lines
MAX_HIGHLIGHTED = 6
# Counts taken on census day: drawn as points (see the module docstring).
CENSUS_INDICATORS = frozenset({"population"})


@dataclass(frozen=True)
class SeriesIndicators:
    """What the trends page offers: every indicator with a series (``ids``, the picker's order), those with one
    per municipality and those with one per county (an indicator may have both)."""

    ids: tuple[str, ...]
    municipal: tuple[str, ...]
    county: tuple[str, ...]


def series_indicators(catalogue: pd.DataFrame, coverage: pd.DataFrame) -> SeriesIndicators:
    """From the catalogue (indicators.list_indicators) and the coverage (indicators.query_coverage_by_level): the
    indicators with more than one year, municipal ones first in catalogue order, then those only counties have."""
    with_years = catalogue[catalogue.years.map(len) > 1]
    municipal = tuple(with_years[with_years.max_municipalities.fillna(0) > 0].indicator_id)
    county = tuple(county_series_ids(coverage))
    ids = tuple(with_years.indicator_id)
    return SeriesIndicators(ids + tuple(i for i in county if i not in ids), municipal, county)


def county_series_ids(coverage: pd.DataFrame) -> list[str]:
    """Indicators with a county value in more than one year (from indicators.query_coverage_by_level)."""
    county = coverage[(coverage.area_level == "county") & (coverage.n_areas > 0)]
    years = county.groupby("indicator_id").year.nunique()
    return sorted(years[years > 1].index)


def settle_level(level: str, indicator: str, county_ids: list[str], municipal_ids: list[str]) -> str:
    """The level a view can show: the one asked for if the indicator has a series there, else the other."""
    if indicator in county_ids and (level == "county" or indicator not in municipal_ids):
        return "county"
    return "municipality"


def settle(view: TrendsView, breakdowns: tuple[str, ...], county_ids: list[str], municipal_ids: list[str]) -> TrendsView:
    """The view with a level that has a series (:func:`settle_level`) and a breakdown it has: one of ``breakdowns``
    (the indicator's) for municipalities, the total for counties (the county chart draws totals only)."""
    level = settle_level(view.level, view.indicator, county_ids, municipal_ids)
    if level == "county" or not breakdowns:
        breakdown = "total"
    else:
        breakdown = view.breakdown if view.breakdown in breakdowns else ("total" if "total" in breakdowns else breakdowns[0])
    return dataclasses.replace(view, level=level, breakdown=breakdown)


def substitutions(asked: dict[str, str], settled: TrendsView, breakdowns: tuple[str, ...], county_ids: list[str],
                  municipal_ids: list[str]) -> list[Substitution]:
    """What a trends link asked for (``breakdown``, ``level``) that :func:`settle` replaced, and the views with data it
    could open instead: the trends page's options for :func:`lnb_dash.model.address.substitutions` (a breakdown other
    than the total is offered for municipalities, where it exists)."""
    def option(**changes):
        return settle(dataclasses.replace(settled, **changes), breakdowns, county_ids, municipal_ids)

    offered = {
        "breakdown": [(b, option(breakdown=b, level=settled.level if b == "total" else "municipality")) for b in breakdowns],
        "level": [(lv, option(level=lv)) for lv in levels.TREND if settle_level(lv, settled.indicator, county_ids, municipal_ids) == lv],
    }
    return address.substitutions(asked, settled, offered)


def highlighted_areas(areas: tuple[str, ...]) -> tuple[str, ...]:
    """The counties to colour: those asked for (known codes, at most MAX_HIGHLIGHTED), else the default few."""
    known = tuple(a for a in areas if a in COUNTY_CODES)[:MAX_HIGHLIGHTED]
    return known or DEFAULT_AREAS


def chart_areas(national: bool) -> tuple[str, ...]:
    """Every county (all 12 are drawn, the chosen ones in colour) and Albania when asked for."""
    return COUNTY_CODES + (("AL",) if national else ())


def _missing_year_before(years: pd.Series) -> pd.Series:
    """True where the gap to the previous value is longer than the series' usual interval (its most common one, the
    shorter on a tie): Albania's 2019 → 2021 skips 2020, while a county published every second year skips nothing."""
    steps = years.diff()
    usual = steps.dropna().mode()
    return steps > usual.min() if len(usual) else pd.Series(False, index=years.index)


def with_segments(series: pd.DataFrame) -> pd.DataFrame:
    """Values only, each with ``segment``: a running count of breaks per area (what an index may span), and ``line``,
    one id per area and stretch between breaks and missing years (what a line mark groups by), so a line never
    crosses a break or a year without a value."""
    data = series[series.status == "value"].dropna(subset=["value"]).sort_values(["area_code", "year"]).copy()
    data["break_in_series"] = data.break_in_series.fillna(False).astype(bool)
    data["segment"] = data.groupby("area_code").break_in_series.cumsum().astype(int)
    gap = data.groupby("area_code", group_keys=False).year.apply(_missing_year_before).reindex(data.index).fillna(False).astype(bool)
    data["line"] = data.area_code + "/" + (data.break_in_series | gap).groupby(data.area_code).cumsum().astype(int).astype(str)
    return data


def base_year(data: pd.DataFrame) -> int | None:
    """The first year in which every line drawn (counties, and Albania when shown) has a value before any break:
    the common base of an index (base year = 100), so every line starts at 100 in the same year."""
    comparable = data[data.segment == 0]
    if comparable.empty:
        return None
    n = comparable.area_code.nunique()
    per_year = comparable.groupby("year").area_code.nunique()
    full = per_year[per_year == n]
    return int(full.index.min()) if len(full) else int(comparable.year.min())


def indexed(data: pd.DataFrame, base: int) -> tuple[pd.DataFrame, list[str]]:
    """Each area's values as an index of its own ``base``-year value, only up to its first break (a value after a
    break is not comparable with the base). Returns the indexed rows and the names of the areas left out for want
    of a base-year value."""
    first_segment = data[data.segment == 0]
    bases = first_segment[first_segment.year == base].set_index("area_code").value
    kept = first_segment[first_segment.area_code.isin(bases.index) & (first_segment.year >= base)].copy()
    kept["value"] = kept.value / kept.area_code.map(bases) * 100
    left_out = sorted(set(data.name) - set(kept.name))
    return kept, left_out


def file_base(indicator: str, breakdown: str, level: str) -> str:
    """'population_1jan_county_trend': downloads say the level ('municipality' names stay as they were)."""
    part = "" if breakdown == "total" else f"_{breakdown}"
    return f"{indicator}{part}_county_trend" if level == "county" else f"{indicator}{part}_trend"


def national_text(series: pd.DataFrame, meta, lang: str) -> str | None:
    """Albania's figures in words, when a count is not drawn beside counties: every year, a break marked."""
    national = series[(series.area_level == "national") & (series.status == "value")].sort_values("year")
    if national.empty:
        return None
    parts = [f"{int(r.year)}: {i18n.format_value(r.value, meta, lang)}" + (f" ({i18n.t('break_in_series_label', lang)})" if r.break_in_series else "")
             for r in national.itertuples()]
    return i18n.t("county_national_text", lang, values="; ".join(parts))


def break_caveats(series: pd.DataFrame, sources: pd.DataFrame, lang: str) -> list[str]:
    """The source caveats that explain the breaks in a series (in the language; English where no Albanian is given)."""
    broken = series[series.break_in_series.fillna(False).astype(bool) & (series.status == "value")]
    return [c for source_id in dict.fromkeys(broken.source_id) for c in source_break_caveats(source_id, sources, lang)]


def source_break_caveats(source_id: str, sources: pd.DataFrame, lang: str) -> list[str]:
    """A source's caveats about a break in series ('Break in series: …' / 'Ndërprerje e serisë: …')."""
    row = sources[sources.source_id == source_id]
    if row.empty:
        return []
    row = row.iloc[0]
    in_albanian = lang == "sq" and isinstance(row.caveats_sq, str) and bool(row.caveats_sq)
    caveats = row.caveats_sq if in_albanian else row.caveats
    marker = "ndërprerje e serisë" if in_albanian else "break in series"
    return [c for c in str(caveats or "").split("\n") if marker in c.lower()]


def with_level_name(download: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The trends CSV with the level named in the language beside its code ('county' → 'Qark' / 'County')."""
    out = download.copy()
    out.insert(out.columns.get_loc("level") + 1, "level_name", out.level.map(lambda lv: levels.level_label(lv, lang)))
    return out


@dataclass
class CountyTrend:
    """What the county trends chart draws and what its captions say."""

    data: pd.DataFrame
    y_title: str
    points_only: bool
    notes: list[str]
    # Albania's own rows when its counts are not drawn on the counties' axis (a small chart of its own).
    national: pd.DataFrame = field(default_factory=pd.DataFrame)


def prepare(series: pd.DataFrame, meta, lang: str, indexed_view: bool, sources: pd.DataFrame) -> CountyTrend:
    """The chart's rows (labelled series: views.label_series output) and every caption it needs, in the language."""
    data = with_segments(series)
    points_only = meta.indicator_id in CENSUS_INDICATORS
    notes = [i18n.t("county_trend_note", lang)]
    if points_only:
        notes.append(i18n.t("census_points_note", lang))
    if data.break_in_series.any():
        if not indexed_view:  # an index stops at the break instead (said below)
            notes.append(i18n.t("break_split_note", lang))
        notes += break_caveats(series, sources, lang)
    y_title = meta.unit[lang]  # the title above names the indicator; a long axis title is cut on a phone
    if indexed_view:
        base = base_year(data)
        if base is not None:
            had_break = data.break_in_series.any()
            data, left_out = indexed(data, base)
            y_title = i18n.t("indexed_base", lang, year=base)
            if left_out:
                notes.append(i18n.t("indexed_left_out", lang, year=base, names=", ".join(left_out)))
            if had_break:
                notes.append(i18n.t("indexed_after_break", lang))
    national = data.iloc[0:0]
    if not indexed_view and not meta.compares_with_national:
        text = national_text(series, meta, lang)
        national = data[data.area_level == "national"]
        data = data[data.area_level != "national"]
        if text:
            notes.append(text)
    return CountyTrend(data, y_title, points_only, notes, national)


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
    """The trend as numbers: one row per area and year, value rounded to the indicator's decimals, unit, status, flag,
    source, licence and citation in separate columns."""
    localized = i18n.localize_sources(sources, lang)
    titles, licences = dict(zip(localized.source_id, localized.title)), dict(zip(localized.source_id, localized.license))
    return pd.DataFrame({
        "area_code": series.area_code, "area": series.name, "level": series.area_level, "indicator": meta.indicator_id,
        "indicator_name": indicator_name(meta, breakdown, lang), "breakdown": breakdown, "year": series.year,
        "value": downloads.numbers(series.value.where(series.status == "value"), meta.decimals), "unit": meta.unit[lang],
        "status": series.status, "break_in_series": series.break_in_series, "computed": series.computed,
        "source": series.source_id.map(titles), "licence": series.source_id.map(licences), **citation_columns(series, lang),
    })
