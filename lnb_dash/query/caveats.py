"""What the computed caveats read: an indicator's aggregation rule, its years, and how its sex split adds up."""

from __future__ import annotations

import json

from lnb_dash import i18n
from lnb_dash.query.db import Connection, cursor, query_df


def aggregation(con: Connection, indicator_id: str) -> tuple[str, object] | None:
    """(kind, aggregate rule as written in the catalogue: 'sum', {'ratio': …} or None); None for an unknown indicator."""
    row = cursor(con).execute("SELECT kind, aggregate FROM indicators WHERE indicator_id = $i", {"i": indicator_id}).fetchone()
    if row is None:
        return None
    return row[0], json.loads(row[1]) if row[1] else None


def indicator_years(con: Connection, indicator_id: str) -> list[int]:
    """Every year the indicator has an observation for, ascending."""
    return [int(r[0]) for r in cursor(con).execute(
        "SELECT DISTINCT year FROM observations WHERE indicator_id = $i ORDER BY year", {"i": indicator_id}).fetchall()]


def indicator_name(con: Connection, indicator_id: str, lang: str) -> str | None:
    """The indicator's name in ``lang``; None for an unknown indicator."""
    row = cursor(con).execute(f"SELECT name_{i18n.normalize_lang(lang)} FROM indicators WHERE indicator_id = $i",
                              {"i": indicator_id}).fetchone()
    return row[0] if row else None


def sex_split_counts(con: Connection, count_id: str, year: int) -> tuple[int, int]:
    """(municipalities with a total, women and men, those whose women's or men's value the build flagged because
    women + men do not add up to the total): the caveat counts the build's flags, so one rule (data/flags.py) decides."""
    row = query_df(con, "sex_split", indicator=count_id, year=int(year)).iloc[0]
    return int(row.n_split), int(row.n_gap)
