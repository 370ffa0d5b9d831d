"""Paths and the small fixed vocabularies every module shares."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("LNB_DATA_DIR", ROOT / "data"))
DB_PATH = Path(os.environ.get("LNB_DB_PATH", DATA_DIR / "lnb.duckdb"))
GEO_DIR = ROOT / "geo"
MUNICIPALITIES_GEOJSON = GEO_DIR / "albania_municipalities.geojson"
COUNTIES_GEOJSON = GEO_DIR / "albania_counties.geojson"
FORMER_UNITS_GEOJSON = GEO_DIR / "albania_former_units.geojson"
CRS = "EPSG:4326"

NATIONAL_CODE = "AL"

# Observation status: a value, or why there is none. Missing is never stored or shown as 0.
STATUSES = ("value", "not_reported", "suppressed", "not_applicable")
BREAKDOWNS = ("total", "female", "male", "age_0_14", "age_15_64", "age_65_plus")
KINDS = ("count", "measure", "rate", "share", "category")
THEMES = ("demography", "territory", "civic_participation", "social_protection", "municipal_budget", "lnb_programme")
LANGS = ("sq", "en")

# Counts of persons in vulnerable groups below this are shown and exported as "suppressed" (never the number).
SUPPRESSION_THRESHOLD = int(os.environ.get("LNB_SUPPRESSION_THRESHOLD", "5"))

# How long an import, undo or build waits for another one to finish before it gives up with a clear message (seconds).
LOCK_TIMEOUT = float(os.environ.get("LNB_LOCK_TIMEOUT", "60"))

BOUNDARY_ATTRIBUTION = (
    "Municipal boundaries: © OpenStreetMap contributors (ODbL 1.0), via Mapzen Borders and Albania Election Data "
    "(Coalition of Domestic Observers & Democracy International, CC BY-SA 4.0); simplified by the LNB dashboard."
)
