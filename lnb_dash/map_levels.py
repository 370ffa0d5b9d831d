"""Which geography a map draws: the level the data exist at (municipalities, counties, former units).

A view names a level (``level=county`` in the address; none means municipalities, so old links keep
their meaning). The level is settled against what the database holds for the indicator, breakdown and
year (:func:`lnb_dash.indicators.query_map_levels`), so a link asking for a level or year that has no
data opens the nearest view that has, never an empty map.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from lnb_dash import i18n
from lnb_dash.i18n import N_
from lnb_dash.indicators import MAP_LEVELS, choose_default_year

# How many areas each level has: the "of 12" of ranks and coverage notes.
N_AREAS = {"municipality": 61, "county": 12, "former_unit": 373}
# The boundary layer each level is drawn with (maps.geometries) and the lines drawn over it.
LAYER = {"municipality": "municipalities", "county": "counties", "former_unit": "former_units"}
LINES = {"municipality": "counties", "county": None, "former_unit": "municipalities"}


def mappable(map_levels: pd.DataFrame, indicator: str, breakdown: str | None = None) -> pd.DataFrame:
    """The rows of ``query_map_levels`` for one indicator (and breakdown)."""
    rows = map_levels[map_levels.indicator_id == indicator]
    return rows if breakdown is None else rows[rows.breakdown == breakdown]


def mappable_indicators(map_levels: pd.DataFrame) -> list[str]:
    """Indicators with a value at some level a map can draw."""
    return sorted(map_levels.indicator_id.unique())


def levels_of(map_levels: pd.DataFrame, indicator: str, breakdown: str, year: int | None = None) -> list[str]:
    """The levels with data for an indicator and breakdown (in one year when given), finest known first: municipalities."""
    rows = mappable(map_levels, indicator, breakdown)
    if year is not None:
        rows = rows[rows.year == year]
    present = set(rows.area_level)
    return [level for level in MAP_LEVELS if level in present]


def settle(view, map_levels: pd.DataFrame):
    """The view with a breakdown, year and level that have data, and the years to offer (ascending).

    The year defaults as before (the latest well-covered year) at the level asked for, or at the first
    level that has data; a level the chosen year lacks gives way to the first that year has.
    """
    rows = mappable(map_levels, view.indicator)
    if rows.empty:
        return view, []
    breakdowns = set(rows.breakdown)
    breakdown = view.breakdown if view.breakdown in breakdowns else ("total" if "total" in breakdowns else sorted(breakdowns)[0])
    rows = rows[rows.breakdown == breakdown]
    years = sorted(int(y) for y in rows.year.unique())
    year = view.year
    if year not in years:
        all_levels = levels_of(map_levels, view.indicator, breakdown)
        level = view.level if view.level in all_levels else all_levels[0]
        coverage = rows[rows.area_level == level].rename(columns={"n_areas": "municipalities"})
        year = choose_default_year(coverage[["year", "municipalities"]])
    levels = levels_of(map_levels, view.indicator, breakdown, year)
    level = view.level if view.level in levels else levels[0]
    return dataclasses.replace(view, breakdown=breakdown, year=int(year), level=level), years


# The labels level_label, area_label and level_key build, listed so `make translations` keeps them.
LEVEL_LABEL_KEYS = (
    N_("map_level_municipality"), N_("map_level_county"), N_("map_level_former_unit"), N_("former_unit"),
    N_("coverage_note"), N_("coverage_note_county"), N_("coverage_note_former_unit"),
    N_("map_alt"), N_("map_alt_county"), N_("map_alt_former_unit"),
    N_("click_hint"), N_("click_hint_county"), N_("click_hint_former_unit"),
    N_("ranked_bar"), N_("ranked_bar_county"), N_("ranked_bar_former_unit"),
)


def level_label(level: str, lang: str) -> str:
    """'Qark' / 'County': the level as the picker, titles, legends and pictures name it."""
    return i18n.t(f"map_level_{level}", lang)


def area_label(level: str, lang: str) -> str:
    """The tooltip's and table's heading for one area: 'Bashkia', 'Qarku', 'Njësia vendore (para 2015)'."""
    return i18n.t({"municipality": "municipality", "county": "county", "former_unit": "former_unit"}[level], lang)


def level_key(base: str, level: str) -> str:
    """A label key in its level's version: 'coverage_note' for municipalities, 'coverage_note_county' for counties."""
    return base if level == "municipality" else f"{base}_{level}"
