"""What the municipal and county profiles read besides the values of one view: every municipality's values behind a
spine row, an area's series, a county's indicators and municipalities, census counts."""

from __future__ import annotations

import pandas as pd

from lnb_dash.query.db import Connection, cursor, query_df

CENSUS_INDICATOR = "population"
CENSUS_YEARS = (1989, 2001, 2011, 2023)


def query_distributions(con: Connection, profile: pd.DataFrame) -> pd.DataFrame:
    """Every municipality's value for the indicator-years a profile (query_profile) shows.

    Returns columns: indicator_id, year, value (valid values only: missing ones are neither ranked nor drawn).
    """
    frame = cursor(con).execute(
        "SELECT indicator_id, year, value FROM observations WHERE area_level = 'municipality' AND breakdown = 'total' "
        "AND status = 'value' AND indicator_id IN (SELECT unnest($ids))", {"ids": profile.indicator_id.tolist()}).df()
    return frame.merge(profile[["indicator_id", "year"]], on=["indicator_id", "year"])


def query_series(con: Connection, area_code: str) -> dict[str, list[tuple[int, float]]]:
    """indicator_id → (year, value) in year order, for indicators with more than one year (the sparklines)."""
    frame = cursor(con).execute(
        "SELECT indicator_id, year, value FROM observations WHERE area_code = $a AND breakdown = 'total' AND status = 'value' "
        "ORDER BY indicator_id, year", {"a": area_code}).df()
    series = {iid: list(zip(g.year.astype(int), g.value.astype(float))) for iid, g in frame.groupby("indicator_id")}
    return {k: v for k, v in series.items() if len(v) > 1}


def query_county_indicators(con: Connection, county_code: str) -> pd.DataFrame:
    """For each indicator with a value for this county: its latest year, and that year's values for every county
    and Albania (total breakdown, values only: a missing value is neither shown nor ranked).

    Returns columns: area_code, area_level, indicator_id, year, value, computed, source_id, note, citation_url,
    citation_title, citation_retrieved, plus the catalogue's theme, kind, decimals, names, units and categories.
    """
    return query_df(con, "county_indicators", county=county_code)


def list_county_municipalities(con: Connection, county_code: str) -> pd.DataFrame:
    """The municipalities of one county by name. Returns columns: lau_code, name."""
    return cursor(con).execute("SELECT lau_code, name FROM municipalities WHERE county_code = $c ORDER BY name",
                               {"c": county_code}).df()


def query_census(con: Connection, area_codes: list[str]) -> pd.DataFrame:
    """The census counts (total population) of the given areas.

    Returns columns: area_code, area_level, year, value, status, source_id.
    """
    return cursor(con).execute(
        "SELECT area_code, area_level, year, value, status, source_id FROM observations WHERE indicator_id = $i "
        "AND breakdown = 'total' AND year IN (SELECT unnest($years)) AND area_code IN (SELECT unnest($areas)) ORDER BY area_code, year",
        {"i": CENSUS_INDICATOR, "years": list(CENSUS_YEARS), "areas": list(area_codes)}).df()
