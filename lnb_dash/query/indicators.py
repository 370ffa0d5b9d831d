"""The query API the pages and the CLI use: plain functions from a connection to DataFrames.

Every function checks its arguments against the catalogue before any SQL runs, and returns a frame
with a fixed set of columns (listed in each docstring), empty rather than ``None``.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

import pandas as pd

from lnb_dash import config
from lnb_dash.query.db import Connection, cursor, query_df


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


def list_indicators(con: Connection, indicator: str = "") -> pd.DataFrame:
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


def get_indicator(con: Connection, indicator: str) -> IndicatorMeta:
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


def require_indicator(con: Connection, indicator: str) -> tuple[str, str]:
    """(kind, English unit) of a known indicator; a cheap check before any data query."""
    row = cursor(con).execute("SELECT kind, unit_en FROM indicators WHERE indicator_id = $i", {"i": indicator}).fetchone()
    if row is None:
        known = [r[0] for r in cursor(con).execute("SELECT indicator_id FROM indicators").fetchall()]
        raise UnknownIndicatorError(indicator, known)
    return row


def query_timeseries(con: Connection, indicator: str, areas: list[str], breakdown: str = "total") -> pd.DataFrame:
    """Every year for the given area codes (LAU codes, county codes, 'AL').

    Returns columns: area_code, area_level, name, year, value, status, break_in_series, source_id, computed,
    note, citation_url, citation_title, citation_text, citation_retrieved, read_at_url, flag_sq, flag_en.
    """
    require_indicator(con, indicator)
    return query_df(con, "timeseries", indicator=indicator, areas=list(areas), breakdown=breakdown)


def query_profile(con: Connection, lau_code: str) -> pd.DataFrame:
    """Every indicator for one municipality, with rank and comparisons.

    Returns columns: indicator_id, theme, kind, decimals, higher_is_better, name_sq, name_en, unit_sq,
    unit_en, categories, year, value, status, break_in_series, source_id, note, citation_url,
    citation_title, citation_text, citation_retrieved, read_at_url, flag_sq, flag_en, rank, n_ranked,
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


def list_municipalities(con: Connection) -> pd.DataFrame:
    """Returns columns: lau_code, name, name_ascii, qark, county_code."""
    return cursor(con).execute("SELECT lau_code, name, name_ascii, qark, county_code FROM municipalities ORDER BY name").df()


def list_counties(con: Connection) -> pd.DataFrame:
    """The 12 counties. Returns columns: county_code, name."""
    return cursor(con).execute("SELECT county_code, name FROM counties ORDER BY county_code").df()


def list_former_units(con: Connection) -> pd.DataFrame:
    """The 373 units before the 2015 reform. Returns columns: unit_code, name, lau_code, county_code."""
    return cursor(con).execute("SELECT unit_code, name, lau_code, county_code FROM former_units ORDER BY unit_code").df()


def list_sources(con: Connection) -> pd.DataFrame:
    """Returns columns: source_id, title, description, publisher, homepage, license, license_url,
    reference_date, retrieved, caveats, citations, title_sq, caveats_sq."""
    return cursor(con).execute("SELECT * FROM sources ORDER BY source_id").df()


def query_observations(con: Connection, indicator: str = "", year: int = 0, status: str = "",
                       area_level: str = "") -> pd.DataFrame:
    """Observations joined to names, units and sources; empty filters mean all.

    Returns columns: area_code, area_name, area_level, indicator_id, name_sq, name_en, breakdown, year,
    value, unit_sq, unit_en, status, break_in_series, computed, note, citation_url, citation_title,
    citation_text, citation_retrieved, read_at_url, flag_sq, flag_en, source_id, source_title, source_title_sq, source_publisher,
    source_license, source_url.
    """
    if indicator:
        require_indicator(con, indicator)
    if status and status not in config.STATUSES:
        raise ValueError(f"Unknown status {status!r}")
    return query_df(con, "observations", indicator=indicator, year=int(year or 0), status=status, area_level=area_level)


def query_coverage_by_level(con: Connection) -> pd.DataFrame:
    """Indicator × level × year → number of areas (not rows) with a value, of how many there are.

    Counts reported values and the county and national sums computed from complete municipalities, so
    a reader sees which series exist only for counties (e.g. the 1 January estimates).
    Returns columns: indicator_id, area_level, year, n_areas, n_computed, n_possible.
    """
    return query_df(con, "coverage_by_level")


def query_map_levels(con: Connection) -> pd.DataFrame:
    """What a map can draw: areas with a value per indicator, breakdown, level (municipality, county,
    former_unit) and year. Returns columns: indicator_id, breakdown, area_level, year, n_areas."""
    return query_df(con, "map_levels")
