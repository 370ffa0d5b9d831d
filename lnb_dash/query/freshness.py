"""How current the data is: the newest value's year and source, when the database was built."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from lnb_dash import config
from lnb_dash.query.db import cursor


def data_as_of(con: duckdb.DuckDBPyConnection) -> tuple[int, str] | None:
    """(year, source_id) of the newest reported value in the database (any level); None when there is none."""
    row = cursor(con).execute("""
        SELECT year, source_id FROM observations WHERE status = 'value'
        ORDER BY year DESC, source_id LIMIT 1""").fetchone()
    return (int(row[0]), row[1]) if row else None


def built_at(db_path: Path = config.DB_PATH) -> dt.datetime | None:
    """When the database file was written (a build moves a finished file into place, so its time is the build's);
    the time rather than a row in ``build_info`` keeps two builds of the same inputs identical."""
    try:
        return dt.datetime.fromtimestamp(Path(db_path).stat().st_mtime, tz=dt.UTC)
    except OSError:
        return None
