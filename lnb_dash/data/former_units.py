"""From the 373 former units (before the 2015 reform) to the 61 municipalities: complete sums only.

Every former unit lies wholly inside one municipality, so a municipality's count is the sum of its units' counts,
but only when every one of its units has a value: a partial sum is a wrong number that looks right. Rates and shares
are never summed; they are computed afterwards as ratios of summed counts (turnout = voters / registered voters).
"""

from __future__ import annotations

import pandas as pd

# The words an aggregated value carries in its note, so a reader knows where it came from.
AGGREGATED_NOTE = "aggregated from former units"


def units_per_municipality(former_units: pd.DataFrame) -> pd.Series:
    """LAU code -> number of former units (from data/reference/former_units.csv)."""
    return former_units["lau_code"].value_counts()


def complete_sums(values: pd.DataFrame, former_units: pd.DataFrame) -> pd.DataFrame:
    """Municipal sums of former-unit values, for the municipalities where every unit has one.

    ``values``: area_code (unit codes), indicator_id, breakdown, year, value (numbers; rows with a value only),
    source_id, break_in_series. Returns columns: area_code (LAU code), indicator_id, breakdown, year, value, n
    (units summed), source_id, brk.
    """
    columns = ["area_code", "indicator_id", "breakdown", "year", "value", "n", "source_id", "brk"]
    parent = former_units.set_index("unit_code")["lau_code"]
    units = values[values.area_code.isin(parent.index)]
    if units.empty:
        return pd.DataFrame(columns=columns)
    frame = units.assign(area_code=units.area_code.map(parent))
    sums = frame.groupby(["area_code", "indicator_id", "breakdown", "year"]).agg(
        value=("value", "sum"), n=("value", "size"), source_id=("source_id", "first"), brk=("break_in_series", "any")).reset_index()
    return sums[sums.n == sums.area_code.map(units_per_municipality(former_units))].reset_index(drop=True)[columns]


def incomplete_municipalities(values: pd.DataFrame, former_units: pd.DataFrame) -> dict[str, list[str]]:
    """LAU code -> the unit codes without a value, for municipalities where some but not all units have one."""
    units = former_units[["unit_code", "lau_code"]]
    present = set(values.area_code)
    touched = set(units.loc[units.unit_code.isin(present), "lau_code"])
    missing = units[units.lau_code.isin(touched) & ~units.unit_code.isin(present)]
    return {lau: sorted(group.unit_code) for lau, group in missing.groupby("lau_code")}
