"""One view's values at any level: the same query, the same columns and the same key for municipalities, counties,
former units and Albania, so every map, chart, table and download downstream takes a level instead of a branch."""

from __future__ import annotations

import pandas as pd

from lnb_dash import config, levels
from lnb_dash.query.db import Connection, query_df
from lnb_dash.query.indicators import require_indicator


def query_values(con: Connection, indicator: str, year: int | None = None, breakdown: str = "total",
                 level: str = "municipality", lang: str = "sq") -> pd.DataFrame:
    """Every area of ``level`` (61 municipalities, 12 counties, 373 former units, or Albania) for one indicator, year and
    breakdown; the latest year with a value at that level when ``year`` is None.

    Returns columns: area_code, area_level, name, label, lau_code, municipality, qark, county_code, year, value, status,
    computed, break_in_series, source_id, note, citation_url, citation_title, citation_text, citation_retrieved, flag,
    read_at_url, rank, n_ranked, unit. ``label`` tells apart areas sharing a name ('Qendër (Librazhd)'); ``lau_code`` and
    ``municipality`` are the municipality the area is or lies in today (empty for counties). Areas without data have status
    'not_reported' and no value; ranks run within the level, none for categories. ``flag`` is the value's quality flag
    (why it is doubtful) in ``lang``, empty when none; a flagged value has no rank and is not counted in ``n_ranked``.
    ``citation_url`` is the publication a reader can open; ``read_at_url`` the copy it was read in, empty when the same.
    """
    kind, unit = require_indicator(con, indicator)
    lv = levels.get(level)
    if breakdown not in config.BREAKDOWNS:
        raise ValueError(f"Unknown breakdown {breakdown!r}; use one of {', '.join(config.BREAKDOWNS)}")
    if year is None:
        coverage = query_year_coverage(con, indicator, breakdown, level)
        if coverage.empty:
            others = ", ".join(other for other in levels.ALL if other != lv.id)
            raise ValueError(f"Indicator {indicator!r} has no data by {lv.english}; `python -m lnb_dash check` lists the levels "
                             f"({others}) and years it has")
        year = int(coverage.year.max())
    frame = query_df(con, "values", indicator=indicator, year=int(year), breakdown=breakdown, level=lv.id, lang=lang)
    if kind == "category":
        frame["rank"] = pd.NA
    frame["rank"] = frame["rank"].astype("Int64")
    frame["unit"] = unit
    return frame


def query_year_coverage(con: Connection, indicator: str, breakdown: str = "total", level: str = "municipality") -> pd.DataFrame:
    """Years with at least one value at ``level``, ascending. Returns columns: year, n_areas."""
    return query_df(con, "year_coverage", indicator=indicator, breakdown=breakdown, level=levels.get(level).id)

