"""The query API the pages and the CLI use: plain functions from a connection to DataFrames.

Every function checks its arguments against the catalogue before any SQL runs, and returns a frame
with a fixed set of columns (listed in each docstring), empty rather than ``None``.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

import duckdb
import pandas as pd

from lnb_dash import config, levels
from lnb_dash.query.db import cursor, query_df


class UnknownIndicatorError(ValueError):
    def __init__(self, indicator: str, known: list[str]):
        close = difflib.get_close_matches(indicator, known, n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(close)}?" if close else " List them with: python -m lnb_dash indicators"
        super().__init__(f"Unknown indicator {indicator!r}.{hint}")


@dataclass(frozen=True)
class IndicatorMeta:
    """What a page needs to title, format and source one indicator."""

    indicator_id: str
    theme: str
    kind: str
    decimals: int
    higher_is_better: bool | None
    name: dict[str, str]
    unit: dict[str, str]
    definition: dict[str, str]
    categories: dict[int, dict[str, str]]
    source_id: str
    years: tuple[int, ...]
    breakdowns: tuple[str, ...]

    @property
    def is_category(self) -> bool:
        return self.kind == "category"

    @property
    def compares_with_national(self) -> bool:
        """Rates and shares sit on one scale with Albania's figure; a national total of a count or an area does not."""
        return self.kind in ("rate", "share")


def list_indicators(con: duckdb.DuckDBPyConnection, indicator: str = "") -> pd.DataFrame:
    """The catalogue with coverage.

    Returns columns: indicator_id, theme, kind, decimals, higher_is_better, name_sq, name_en, unit_sq,
    unit_en, definition_sq, definition_en, categories, source_id, years, latest_year,
    max_municipalities, breakdowns.
    """
    frame = query_df(con, "indicators", indicator=indicator)
    frame["years"] = frame.years.map(lambda ys: [int(y) for y in ys])
    frame["breakdowns"] = frame.breakdowns.map(list)
    return frame


def _as_tuple(value) -> tuple:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ()
    return tuple(v for v in value if v is not None)


def parse_categories(raw) -> dict[int, dict[str, str]]:
    """The catalogue's ``categories`` column (JSON text: code → {sq, en} label) as a dict; {} when there are none."""
    return {int(k): v for k, v in json.loads(raw).items()} if isinstance(raw, str) else {}


def get_indicator(con: duckdb.DuckDBPyConnection, indicator: str) -> IndicatorMeta:
    rows = list_indicators(con, indicator)
    if rows.empty:
        known = [r[0] for r in cursor(con).execute("SELECT indicator_id FROM indicators").fetchall()]
        raise UnknownIndicatorError(indicator, known)
    r = rows.iloc[0]
    categories = parse_categories(r.categories)
    return IndicatorMeta(
        indicator_id=r.indicator_id, theme=r.theme, kind=r.kind, decimals=int(r.decimals),
        higher_is_better=None if pd.isna(r.higher_is_better) else bool(r.higher_is_better),
        name={"sq": r.name_sq, "en": r.name_en}, unit={"sq": r.unit_sq, "en": r.unit_en},
        definition={"sq": r.definition_sq, "en": r.definition_en}, categories=categories, source_id=r.source_id,
        years=tuple(int(y) for y in _as_tuple(r.years)), breakdowns=_as_tuple(r.breakdowns) or ("total",),
    )


def _require_indicator(con: duckdb.DuckDBPyConnection, indicator: str) -> tuple[str, str]:
    """(kind, English unit) of a known indicator; a cheap check before any data query."""
    row = cursor(con).execute("SELECT kind, unit_en FROM indicators WHERE indicator_id = $i", {"i": indicator}).fetchone()
    if row is None:
        known = [r[0] for r in cursor(con).execute("SELECT indicator_id FROM indicators").fetchall()]
        raise UnknownIndicatorError(indicator, known)
    return row


def query_values(con: duckdb.DuckDBPyConnection, indicator: str, year: int | None = None, breakdown: str = "total") -> pd.DataFrame:
    """All 61 municipalities for one indicator, year and breakdown; the latest year when ``year`` is None.

    Returns columns: lau_code, name, qark, county_code, year, value, status, break_in_series,
    source_id, note, citation_url, citation_title, citation_text, citation_retrieved, rank, n_ranked,
    unit. The citation columns say where this very value was read, when its source gives that. Municipalities without data have status 'not_reported'
    and no value.
    """
    kind, unit = _require_indicator(con, indicator)
    if breakdown not in config.BREAKDOWNS:
        raise ValueError(f"Unknown breakdown {breakdown!r}; use one of {', '.join(config.BREAKDOWNS)}")
    if year is None:
        coverage = query_year_coverage(con, indicator, breakdown)
        if coverage.empty:
            raise ValueError(f"Indicator {indicator!r} has no municipal data; `python -m lnb_dash check` lists the levels "
                             "(former_unit, county, national) and years it has")
        year = int(coverage.year.max())
    frame = query_df(con, "values", indicator=indicator, year=int(year), breakdown=breakdown)
    if kind == "category":
        frame["rank"] = pd.NA
    frame["rank"] = frame["rank"].astype("Int64")
    frame["unit"] = unit
    return frame


def query_unit_values(con: duckdb.DuckDBPyConnection, indicator: str, year: int | None = None, breakdown: str = "total") -> pd.DataFrame:
    """All 373 former units (before the 2015 reform) for one indicator, year and breakdown; the latest year when ``year`` is None.

    Returns :func:`query_level_values`' columns with ``area_code`` named ``unit_code``. Units without data have status
    'not_reported'.
    """
    _require_indicator(con, indicator)
    if breakdown not in config.BREAKDOWNS:
        raise ValueError(f"Unknown breakdown {breakdown!r}; use one of {', '.join(config.BREAKDOWNS)}")
    if year is None:
        row = cursor(con).execute("SELECT max(year) FROM observations WHERE indicator_id = $i AND breakdown = $b "
                                  "AND area_level = 'former_unit' AND status = 'value'", {"i": indicator, "b": breakdown}).fetchone()
        if row[0] is None:
            raise ValueError(f"Indicator {indicator!r} has no data by former unit; `python -m lnb_dash check` lists its levels and years")
        year = int(row[0])
    return query_level_values(con, indicator, int(year), breakdown, "former_unit").rename(columns={"area_code": "unit_code"})


def query_area_values(con: duckdb.DuckDBPyConnection, indicator: str, year: int, breakdown: str = "total") -> pd.DataFrame:
    """County and national figures for the same view (only those that exist and are valid).

    Returns columns: area_code, area_level, name, value, status, computed, source_id, note,
    citation_url, citation_title, citation_text, citation_retrieved.
    """
    _require_indicator(con, indicator)
    return query_df(con, "area_values", indicator=indicator, year=int(year), breakdown=breakdown)


def query_timeseries(con: duckdb.DuckDBPyConnection, indicator: str, areas: list[str], breakdown: str = "total") -> pd.DataFrame:
    """Every year for the given area codes (LAU codes, county codes, 'AL').

    Returns columns: area_code, area_level, name, year, value, status, break_in_series, source_id, computed,
    note, citation_url, citation_title, citation_text, citation_retrieved.
    """
    _require_indicator(con, indicator)
    return query_df(con, "timeseries", indicator=indicator, areas=list(areas), breakdown=breakdown)


def query_profile(con: duckdb.DuckDBPyConnection, lau_code: str) -> pd.DataFrame:
    """Every indicator for one municipality, with rank and comparisons.

    Returns columns: indicator_id, theme, kind, decimals, higher_is_better, name_sq, name_en, unit_sq,
    unit_en, categories, year, value, status, break_in_series, source_id, note, citation_url,
    citation_title, citation_text, citation_retrieved, rank, n_ranked,
    county_value, national_value, ratio_to_national, share_of_national.
    """
    if cursor(con).execute("SELECT 1 FROM municipalities WHERE lau_code = $c", {"c": lau_code}).fetchone() is None:
        raise ValueError(f"Unknown LAU code {lau_code!r}; codes run from AL111 to AL357")
    frame = query_df(con, "profile", lau_code=lau_code)
    is_rate = frame.kind.isin(["rate", "share"])
    is_count = frame.kind.isin(["count", "measure"])
    national = frame.national_value.where(frame.national_value != 0)
    frame["ratio_to_national"] = (frame.value / national).where(is_rate)
    frame["share_of_national"] = (frame.value / national).where(is_count)
    frame.loc[frame.kind == "category", "rank"] = pd.NA
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def list_municipalities(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Returns columns: lau_code, name, name_ascii, qark, county_code."""
    return cursor(con).execute("SELECT lau_code, name, name_ascii, qark, county_code FROM municipalities ORDER BY name").df()


def list_former_units(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The 373 units before the 2015 reform. Returns columns: unit_code, name, lau_code, county_code."""
    return cursor(con).execute("SELECT unit_code, name, lau_code, county_code FROM former_units ORDER BY unit_code").df()


def list_sources(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Returns columns: source_id, title, description, publisher, homepage, license, license_url,
    reference_date, retrieved, caveats, citations, title_sq, caveats_sq."""
    return cursor(con).execute("SELECT * FROM sources ORDER BY source_id").df()


def query_observations(con: duckdb.DuckDBPyConnection, indicator: str = "", year: int = 0, status: str = "",
                       area_level: str = "") -> pd.DataFrame:
    """Observations joined to names, units and sources; empty filters mean all.

    Returns columns: area_code, area_name, area_level, indicator_id, name_sq, name_en, breakdown, year,
    value, unit_sq, unit_en, status, break_in_series, computed, note, citation_url, citation_title,
    citation_text, citation_retrieved, source_id, source_title, source_title_sq, source_publisher,
    source_license, source_url.
    """
    if indicator:
        _require_indicator(con, indicator)
    if status and status not in config.STATUSES:
        raise ValueError(f"Unknown status {status!r}")
    return query_df(con, "observations", indicator=indicator, year=int(year or 0), status=status, area_level=area_level)


def query_coverage_by_level(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Indicator × level × year → number of areas (not rows) with a value, of how many there are.

    Counts reported values and the county and national sums computed from complete municipalities, so
    a reader sees which series exist only for counties (e.g. the 1 January estimates).
    Returns columns: indicator_id, area_level, year, n_areas, n_computed, n_possible.
    """
    return query_df(con, "coverage_by_level")


def query_year_coverage(con: duckdb.DuckDBPyConnection, indicator: str, breakdown: str = "total") -> pd.DataFrame:
    """Years with at least one municipal value, ascending. Returns columns: year, municipalities."""
    return cursor(con).execute(
        "SELECT year, count(*) AS municipalities FROM observations WHERE indicator_id = $i AND breakdown = $b "
        "AND area_level = 'municipality' AND status = 'value' GROUP BY year ORDER BY year", {"i": indicator, "b": breakdown}).df()


def query_level_values(con: duckdb.DuckDBPyConnection, indicator: str, year: int, breakdown: str = "total",
                       level: str = "county") -> pd.DataFrame:
    """Every area of a map level other than municipalities ('county': 12, 'former_unit': 373) for one view.

    Returns columns: area_code, name, lau_code, municipality, qark, county_code, year, value, status,
    break_in_series, source_id, note, citation_url, citation_title, citation_text, citation_retrieved,
    rank, n_ranked, unit. ``lau_code`` and ``municipality`` are the municipality a former unit belongs to
    today (empty for counties). Areas without data have status 'not_reported' and no value.
    """
    kind, unit = _require_indicator(con, indicator)
    if level not in levels.AREA[1:]:
        raise ValueError(f"Unknown map level {level!r}; use one of {', '.join(levels.AREA)}")
    frame = query_df(con, "level_values", indicator=indicator, year=int(year), breakdown=breakdown, level=level)
    if kind == "category":
        frame["rank"] = pd.NA
    frame["rank"] = frame["rank"].astype("Int64")
    frame["unit"] = unit
    return frame


def query_map_levels(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """What a map can draw: areas with a value per indicator, breakdown, level (municipality, county,
    former_unit) and year. Returns columns: indicator_id, breakdown, area_level, year, n_areas."""
    return query_df(con, "map_levels")
