"""How current the data is: the newest value's year and source, when the database was built."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from lnb_dash import config
from lnb_dash.query.db import cursor


def data_as_of(con: duckdb.DuckDBPyConnection, level: str | None = None) -> tuple[int, str] | None:
    """(year, source_id) of the newest reported value in the database (at ``level``, or any level); None when there is none."""
    row = cursor(con).execute("""
        SELECT year, source_id FROM observations WHERE status = 'value' AND (? IS NULL OR area_level = ?)
        ORDER BY year DESC, source_id LIMIT 1""", [level, level]).fetchone()
    return (int(row[0]), row[1]) if row else None


def reference_date(dates: str | None, year: int) -> str:
    """The source's reference date for ``year``: the one of its listed dates in that year ('2023-09-18' of
    '1989-04-14, 2001-04-01, 2011-10-01, 2023-09-18'), else the source's whole statement ('1 January of each year')."""
    listed = [d.strip() for d in (dates or "").replace(";", ",").split(",") if d.strip()]
    return next((d for d in listed if d.startswith(str(year))), (dates or "").strip() or str(year))


def built_at(db_path: Path = config.DB_PATH) -> dt.datetime | None:
    """When the database file was written (a build moves a finished file into place, so its time is the build's);
    the time rather than a row in ``build_info`` keeps two builds of the same inputs identical."""
    try:
        return dt.datetime.fromtimestamp(Path(db_path).stat().st_mtime, tz=dt.UTC)
    except OSError:
        return None
