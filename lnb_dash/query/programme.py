"""The LNB programme tables: results from the factsheets, facts from the web pages, the priority list."""

from __future__ import annotations

import pandas as pd

from lnb_dash.query.db import Connection, cursor, query_df


def query_programme_results(con: Connection) -> pd.DataFrame:
    """Returns columns: measure, name_sq, name_en, unit_sq, unit_en, year_before, year_after (the two factsheets'
    years), value_before, value_after, stated_before, stated_after, change."""
    frame = query_df(con, "programme_results")
    frame["change"] = frame.value_after - frame.value_before
    return frame


def query_programme_results_long(con: Connection) -> pd.DataFrame:
    """Returns columns: measure, name_sq, name_en, year, value (one row per measure and factsheet)."""
    return cursor(con).execute(
        "SELECT measure, name_sq, name_en, year, CAST(value AS BIGINT) AS value FROM programme_results ORDER BY measure, year").df()


def query_programme_figures(con: Connection) -> pd.DataFrame:
    """Every figure of both LNB documents. Returns columns: figure, document, year, value, name_sq, name_en, unit_sq,
    unit_en, as_stated, headline (rank among the final page's headline results, else missing), measure (its 2019 → 2021
    pair in programme_results, else empty); the headline results first, then each document in its own order."""
    return cursor(con).execute(
        "SELECT figure, document, CAST(year AS INTEGER) AS year, CAST(value AS BIGINT) AS value, name_sq, name_en, unit_sq, unit_en, "
        "as_stated, CAST(NULLIF(headline, '') AS INTEGER) AS headline, measure FROM programme_figures "
        "ORDER BY headline NULLS LAST, year DESC").df()


def query_programme_facts(con: Connection, area_code: str | None = None) -> pd.DataFrame:
    """Returns columns: area_code, fact, period, value, unit, url, period_sq, value_sq (all, or those of one area)."""
    columns = {r[0] for r in cursor(con).execute("DESCRIBE programme_facts").fetchall()}
    sq = ", ".join(c if c in columns else f"NULL AS {c}" for c in ("period_sq", "value_sq"))
    sql = f"SELECT area_code, fact, period, value, unit, url, {sq} FROM programme_facts"
    if area_code is None:
        return cursor(con).execute(sql + " ORDER BY area_code, fact").df()
    return cursor(con).execute(sql + " WHERE area_code = $code ORDER BY fact", {"code": area_code}).df()


def query_priority_resolution(con: Connection) -> pd.DataFrame:
    """Returns columns: name_in_factsheet, lau_code, resolved_name, why."""
    return cursor(con).execute("SELECT * FROM priority_resolution ORDER BY name_in_factsheet").df()


def list_priority_codes(con: Connection) -> set[str]:
    """The LAU codes of the LNB priority municipalities."""
    rows = cursor(con).execute("SELECT area_code FROM observations WHERE indicator_id = 'lnb_priority' AND value = 1").fetchall()
    return {r[0] for r in rows}
