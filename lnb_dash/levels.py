"""The geographies as one table: municipality, county, former unit and Albania, each defined once.

Every query, join, map, chart, table, download and label asks this table for a level's code pattern, reference
table, key column, boundary file and layer, number of areas, labels, the lines drawn over its map and its parent,
so adding a level is adding a row here (and its reference table and boundary file), not a branch in each module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lnb_dash import config, i18n
from lnb_dash.i18n import N_


@dataclass(frozen=True)
class Level:
    """One geography: where its areas, codes, shapes and labels are."""

    id: str  # as stored in observations.area_level and written in links (level=county)
    code_pattern: re.Pattern | None  # what a code of this level looks like (AL111, AL-01, AL11101)
    table: str | None  # the reference table (data/reference/<table>.csv, a DuckDB table of the same name)
    key: str | None  # the code column of that table
    n_areas: int  # the "of 12" of ranks and coverage notes
    english: str  # the level in English messages of the command line and the importer ("former unit")
    layer: str | None = None  # the boundary layer a map draws it with; None: not drawn
    geojson: Path | None = None  # the layer's file
    geo_key: str | None = None  # the column of the file that identifies an area (a code, or the county's name)
    lines: str | None = None  # the layer whose borders are drawn over the map (counties over municipalities)
    parent: str | None = None  # the level each area lies wholly inside

    @property
    def label_key(self) -> str:
        """'Qark' / 'County': one area of the level, as pickers, titles, legends and pictures name it."""
        return f"map_level_{self.id}"

    @property
    def plural_key(self) -> str:
        """'Qarqe' / 'Counties': the level's areas together, as data-page columns and trend lines name them."""
        return f"level_{self.id}"

    @property
    def heading_key(self) -> str:
        """'Qarku' / 'County': the heading of a tooltip's or table's area column."""
        return self.id

    def key_of(self, base: str) -> str:
        """A label key in this level's version: 'coverage_note' for municipalities, 'coverage_note_county' for counties."""
        return base if self.id == "municipality" else f"{base}_{self.id}"


MUNICIPALITY = Level("municipality", re.compile(r"^AL[1-3]\d\d$"), "municipalities", "lau_code", 61, "municipality",
                     "municipalities", config.MUNICIPALITIES_GEOJSON, "lau_code", lines="counties", parent="county")
COUNTY = Level("county", re.compile(r"^AL-\d\d$"), "counties", "county_code", 12, "county",
               "counties", config.COUNTIES_GEOJSON, "qark", parent="national")
FORMER_UNIT = Level("former_unit", re.compile(r"^AL[1-3]\d{4}$"), "former_units", "unit_code", 373, "former unit",
                    "former_units", config.FORMER_UNITS_GEOJSON, "unit_code", lines="municipalities", parent="municipality")
NATIONAL = Level("national", re.compile(r"^AL$"), None, None, 1, "country")

# Every level, in the order pickers offer them: municipalities first (a link without level= means them).
ALL = {lv.id: lv for lv in (MUNICIPALITY, COUNTY, FORMER_UNIT, NATIONAL)}
# The levels a map draws and a name resolves at.
AREA = (MUNICIPALITY.id, COUNTY.id, FORMER_UNIT.id)
# Finest first, as the data page and checks sort them: a former unit lies wholly inside one municipality.
FINEST_FIRST = (FORMER_UNIT.id, MUNICIPALITY.id, COUNTY.id, NATIONAL.id)
# The levels whose series a trend chart draws as lines.
TREND = (MUNICIPALITY.id, COUNTY.id)
# The levels a staff table can be keyed by (counties and Albania come from national sources).
IMPORTABLE = (MUNICIPALITY.id, FORMER_UNIT.id)
BY_LAYER = {lv.layer: lv for lv in ALL.values() if lv.layer}

N_MUNICIPALITIES = MUNICIPALITY.n_areas
CODE_PATTERNS = {lv: ALL[lv].code_pattern for lv in AREA}

# The labels the functions below build, listed so `make translations` keeps them.
LABEL_KEYS = (
    N_("map_level_municipality"), N_("map_level_county"), N_("map_level_former_unit"), N_("map_level_national"),
    N_("level_municipality"), N_("level_county"), N_("level_former_unit"), N_("level_national"),
    N_("municipality"), N_("county"), N_("former_unit"),
    N_("coverage_note"), N_("coverage_note_county"), N_("coverage_note_former_unit"),
    N_("map_alt"), N_("map_alt_county"), N_("map_alt_former_unit"),
    N_("click_hint"), N_("click_hint_county"), N_("click_hint_former_unit"),
)


def get(level: str) -> Level:
    """The level called ``level``; a clear error naming the known ones otherwise."""
    try:
        return ALL[level]
    except KeyError:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(ALL)}") from None


def level_label(level: str, lang: str) -> str:
    """'Qark' / 'County': one area of the level, as the picker, titles, legends and pictures name it."""
    return i18n.t(get(level).label_key, lang)


def plural_label(level: str, lang: str) -> str:
    """'Qarqe' / 'Counties': the level's areas together."""
    return i18n.t(get(level).plural_key, lang)


def area_label(level: str, lang: str) -> str:
    """The tooltip's and table's heading for one area: 'Bashkia', 'Qarku', 'Njësia vendore (para 2015)'."""
    return i18n.t(get(level).heading_key, lang)


def level_key(base: str, level: str) -> str:
    """A label key in its level's version: 'coverage_note' for municipalities, 'coverage_note_county' for counties."""
    return get(level).key_of(base)



def level_of_code(code: str) -> str | None:
    """The level whose code pattern ``code`` matches (AL111 → municipality, AL-01 → county), or None."""
    return next((lv.id for lv in ALL.values() if lv.code_pattern and lv.code_pattern.match(str(code))), None)
