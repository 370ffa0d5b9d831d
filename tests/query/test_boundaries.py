"""Boundaries joined to values on codes: every polygon kept (a missing value stays missing, never 0), a code on only
one side is an error, counties get their codes from the alias table, all in WGS84."""

import pandas as pd
import pytest

from lnb_dash import levels
from lnb_dash.query import boundaries


@pytest.mark.parametrize("level", levels.AREA)
def test_each_level_has_its_areas_once_by_code_in_wgs84(level):
    areas = boundaries.read_level(level)
    assert len(areas) == areas.area_code.nunique() == levels.get(level).n_areas
    assert areas.crs.to_epsg() == 4326 and areas.area_code.is_monotonic_increasing
    assert all(levels.get(level).code_pattern.match(code) for code in areas.area_code)


def test_counties_are_named_in_the_file_and_joined_on_their_codes():
    counties = boundaries.read_counties()
    assert counties.set_index("qark").county_code["Tiranë"] == "AL-11" and counties.county_code.nunique() == 12


def test_every_polygon_is_kept_and_a_missing_value_stays_missing():
    areas = boundaries.read_level("county")
    values = pd.DataFrame({"area_code": areas.area_code, "value": [None] + list(range(1, 12))})
    joined = boundaries.join_values(areas, values)
    assert len(joined) == 12 and joined.value.isna().sum() == 1 and (joined.value.fillna(-1) != 0).all()


def test_a_code_on_one_side_only_is_an_error_never_a_dropped_area():
    areas = boundaries.read_level("county")
    values = pd.DataFrame({"area_code": [*areas.area_code[:-1], "AL-99"], "value": range(12)})
    with pytest.raises(ValueError, match=r"disagree on area codes.*AL-99"):
        boundaries.join_values(areas, values)
    municipalities = boundaries.read_level("municipality")
    with pytest.raises(ValueError, match=r"disagree on area codes.*AL111"):
        boundaries.join_values(municipalities, pd.DataFrame({"area_code": municipalities.area_code[1:], "value": 1}))
