"""What the downloads read besides the view's values: the sources behind indicators, and whole tables for the data package."""

from __future__ import annotations

import pandas as pd

from lnb_dash.query.db import CATALOG, Connection, cursor, query_df


def query_source_metadata(con: Connection, indicator_ids: list[str], lang: str) -> pd.DataFrame:
    """One row per indicator and source. Returns columns: indicator_id, name, unit, definition (in ``lang``), source,
    publisher, license, license_url, url, reference_date, retrieved, caveats (in Albanian where the source has them)."""
    return query_df(con, "source_metadata", ids=list(indicator_ids), lang=lang)


def read_tables(con: Connection, names: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """Each of the named tables the database has, whole, in the order named."""
    existing = {r[0] for r in cursor(con).execute("SELECT table_name FROM information_schema.tables WHERE table_catalog = $c",
                                                  {"c": CATALOG}).fetchall()}
    return {name: cursor(con).execute(f'SELECT * FROM "{name}"').df() for name in names if name in existing}
