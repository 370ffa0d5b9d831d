"""Paths and the small fixed vocabularies every module shares."""

from __future__ import annotations

import os
from pathlib import Path


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


# What the repository ships (app.py, pages/, .streamlit/, data/, geo/): the repository itself in a checkout; inside the
# package as lnb_dash/_shipped once installed (pyproject.toml maps the repository root there), where it is never written.
_PACKAGE_DIR = Path(__file__).resolve().parent
INSTALLED = (_PACKAGE_DIR / "_shipped" / "app.py").is_file()
SHIPPED_DIR = _PACKAGE_DIR / "_shipped" if INSTALLED else _PACKAGE_DIR.parent
SHIPPED_DATA_DIR = SHIPPED_DIR / "data"
# Where an installed package writes: the database built from the shipped data, and the app folder Streamlit serves.
STATE_DIR = _env_path("LNB_STATE_DIR") or (
    (_env_path("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "lnb-dash" if INSTALLED else SHIPPED_DIR)
# The folder Streamlit runs app.py from (its .streamlit/ config, pages/ and the static/ files it serves at /app/static/):
# the repository in a checkout; a copy under STATE_DIR/app when installed (lnb_dash.ui.serve writes it at every start).
ROOT = STATE_DIR / "app" if INSTALLED else SHIPPED_DIR
DATA_DIR = _env_path("LNB_DATA_DIR") or SHIPPED_DATA_DIR
DB_PATH = _env_path("LNB_DB_PATH") or (STATE_DIR if INSTALLED and DATA_DIR == SHIPPED_DATA_DIR else DATA_DIR) / "lnb.duckdb"
GEO_DIR = SHIPPED_DIR / "geo"


def is_shipped(data_dir: Path) -> bool:
    """Whether ``data_dir`` is the data folder inside an installed package, which nothing may write (imports go to a
    folder made with ``lnb-dash init DIR`` and named by LNB_DATA_DIR)."""
    return INSTALLED and Path(data_dir).resolve() == SHIPPED_DATA_DIR.resolve()


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

# The presentation story /present opens without ?story= (a file in data/stories, by its id).
DEFAULT_STORY = os.environ.get("LNB_DEFAULT_STORY", "steering_committee")

# The rank rule: a rank ("9th of 52") or a quintile is given only where at least this many areas have a value; with
# fewer, every profile row, tooltip and ranking says how many have one ("2 of 61 have a value") and ranks nothing.
MIN_RANKED = 10

# Counts of persons in vulnerable groups below this are shown and exported as "suppressed" (never the number).
SUPPRESSION_THRESHOLD = int(os.environ.get("LNB_SUPPRESSION_THRESHOLD", "5"))

# How long an import, undo or build waits for another one to finish before it gives up with a clear message (seconds).
LOCK_TIMEOUT = float(os.environ.get("LNB_LOCK_TIMEOUT", "60"))

BOUNDARY_ATTRIBUTION = (
    "Municipal boundaries: © OpenStreetMap contributors (ODbL 1.0), via Mapzen Borders and Albania Election Data "
    "(Coalition of Domestic Observers & Democracy International, CC BY-SA 4.0); simplified by the LNB dashboard."
)
