"""Population change between two censuses, absolute and in per cent, only where it means something.

A change is computed only when both censuses have a value for the same unit **and** both values are for the same
boundaries. The boundaries are known per source, not guessed:

- counties: ``instat_census_counties`` gives 1989, 2001, 2011 and 2023 for today's 12 county areas (1989 and 2001
  as tabulated by citypopulation.de for those areas), so every consecutive pair is comparable;
- municipalities: the 2011 values come from Eurostat's LAU 2019 file (``eurostat_lau2019``), whose caveat says they
  are Census 2011 counts for the post-2015 municipalities, the same 61 units that Census 2023 counted
  (``census2023_municipalities``); so 2011→2023 is comparable, and nothing older exists for those units;
- Albania: the country's borders did not change.

A value from any other source has no known boundaries and gets no change. A missing census stays missing: the pair
is listed with an empty change, never a zero or an estimate.
"""

from __future__ import annotations

import itertools

import pandas as pd

from lnb_dash import i18n
from lnb_dash.query.profiles import CENSUS_INDICATOR, CENSUS_YEARS

INDICATOR = CENSUS_INDICATOR

# (level, source_id) → the boundaries its census values are drawn on; values of one unit are compared only when equal.
BOUNDARIES = {
    ("county", "instat_census_counties"): "counties since 2000",
    ("municipality", "eurostat_lau2019"): "municipalities since 2015",
    ("municipality", "census2023_municipalities"): "municipalities since 2015",
    ("national", "instat_census_counties"): "Albania",
    ("national", "census2023_municipalities"): "Albania",
}

COLUMNS = ["area_code", "area_level", "from_year", "to_year", "from_value", "to_value", "change", "change_pct",
           "from_source", "to_source"]


def census_pairs(level: str) -> list[tuple[int, int]]:
    """The consecutive census pairs a unit of ``level`` can have: 2011→2023 only for municipalities (no older
    figures exist for the post-2015 municipalities), every consecutive pair for counties and Albania."""
    if level == "municipality":
        return [(2011, 2023)]
    return list(itertools.pairwise(CENSUS_YEARS))


def same_boundaries(level: str, source_a: str, source_b: str) -> bool:
    """Whether two census values of one unit, read from these sources, are for the same boundaries."""
    a, b = BOUNDARIES.get((level, source_a)), BOUNDARIES.get((level, source_b))
    return a is not None and a == b


def census_changes(census: pd.DataFrame) -> pd.DataFrame:
    """One row per area and consecutive census pair (see :func:`census_pairs`), with the change where it is valid.

    ``census`` is lnb_dash.query.profiles.query_census output. ``change`` (later minus earlier) and ``change_pct`` (change / earlier
    × 100) are empty when either census is missing, not a value, or on other boundaries.
    Returns columns: area_code, area_level, from_year, to_year, from_value, to_value, change, change_pct,
    from_source, to_source.
    """
    rows = []
    for (code, level), group in census.groupby(["area_code", "area_level"], sort=True):
        by_year = {int(r.year): r for r in group.itertuples() if r.status == "value" and pd.notna(r.value)}
        for start, end in census_pairs(level):
            a, b = by_year.get(start), by_year.get(end)
            valid = a is not None and b is not None and same_boundaries(level, a.source_id, b.source_id) and a.value != 0
            rows.append({
                "area_code": code, "area_level": level, "from_year": start, "to_year": end,
                "from_value": a.value if a is not None else None, "to_value": b.value if b is not None else None,
                "change": b.value - a.value if valid else None,
                "change_pct": (b.value - a.value) / a.value * 100 if valid else None,
                "from_source": a.source_id if a is not None else None, "to_source": b.source_id if b is not None else None,
            })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("from_value", "to_value", "change", "change_pct"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    return frame


def method_text(start: int, end: int, lang: str) -> str:
    """How one change is computed, in words: 'Census 2023 minus Census 2011, same boundaries'."""
    return i18n.t("change_method", lang, start=start, end=end)


def change_table(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The changes as a reader sees them: period, both censuses, change, change in per cent and the method."""
    def number(v, decimals=0, signed=False):
        if pd.isna(v):
            return "–"
        text = i18n.format_number(abs(v) if signed else v, decimals, lang)
        return (("+" if v > 0 else "−" if v < 0 else "±") + text) if signed else text

    return pd.DataFrame({
        i18n.t("change_period", lang): [f"{a}–{b}" for a, b in zip(changes.from_year, changes.to_year)],
        i18n.t("change_from", lang): [number(v) for v in changes.from_value],
        i18n.t("change_to", lang): [number(v) for v in changes.to_value],
        i18n.t("change_abs", lang): [number(v, signed=True) for v in changes.change],
        i18n.t("change_pct", lang): [number(v, 1, signed=True) + ("\u00a0%" if pd.notna(v) else "") for v in changes.change_pct],
        i18n.t("change_method_heading", lang): [method_text(a, b, lang) if pd.notna(c) else i18n.t("change_not_computed", lang)
                                                for a, b, c in zip(changes.from_year, changes.to_year, changes.change)],
    })


def change_download(changes: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The changes as numbers for a spreadsheet, with the level and the method stated per row (missing stays empty)."""
    return pd.DataFrame({
        "area_code": changes.area_code, "area": changes.area_code.map(names), "level": changes.area_level,
        "indicator": INDICATOR, "from_year": changes.from_year, "to_year": changes.to_year,
        "from_value": changes.from_value, "to_value": changes.to_value, "change": changes.change,
        "change_pct": changes.change_pct.round(2),
        "method": [method_text(a, b, lang) if pd.notna(c) else i18n.t("change_not_computed", lang)
                   for a, b, c in zip(changes.from_year, changes.to_year, changes.change)],
        "from_source": changes.from_source, "to_source": changes.to_source,
    })
