"""A synthetic former-unit year for tests (never in data/): the shipped database plus made-up turnout figures for the
373 units before the 2015 reform in a year no source gives by former unit (2013), with a few units missing, so the
map's finest level is tested apart from the real data (2017, all 373 reported)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd

from lnb_dash import config

INDICATOR, YEAR = "parl_turnout", 2013
N_MISSING = 3  # the first units say "not reported", to test the missing-value style at this level


def synthetic_values() -> pd.DataFrame:
    """One row per former unit: a made-up turnout between 35 and 75 %, the first ``N_MISSING`` not reported."""
    units = pd.read_csv(config.DATA_DIR / "reference" / "former_units.csv", dtype=str).sort_values("unit_code")
    values = [None if i < N_MISSING else round(35 + (i * 37 % 400) / 10, 1) for i in range(len(units))]
    return pd.DataFrame({"area_code": units.unit_code, "value": values,
                         "status": ["not_reported" if v is None else "value" for v in values]})


def add_synthetic_former_units(source_db: Path, target_db: Path) -> Path:
    """A copy of ``source_db`` with the synthetic values at ``area_level = 'former_unit'`` (replacing any of that year)."""
    shutil.copy(source_db, target_db)
    frame = synthetic_values()
    with duckdb.connect(str(target_db)) as con:
        con.execute("DELETE FROM observations WHERE area_level = 'former_unit' AND indicator_id = $i AND year = $y",
                    {"i": INDICATOR, "y": YEAR})
        source = con.execute("SELECT source_id FROM indicators WHERE indicator_id = $i", {"i": INDICATOR}).fetchall()[0][0]
        con.register("synthetic", frame)
        con.execute("""INSERT INTO observations (area_code, area_level, indicator_id, breakdown, year, value, status, break_in_series,
                       source_id, computed) SELECT area_code, 'former_unit', $i, 'total', $y, value, status, false, $s, false FROM synthetic""",
                    {"i": INDICATOR, "y": YEAR, "s": source})
    return target_db
