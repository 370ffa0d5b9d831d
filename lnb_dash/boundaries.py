"""The boundary layers, always in EPSG:4326, and their join to indicator values on LAU codes."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from lnb_dash import config


def read_municipalities() -> gpd.GeoDataFrame:
    """Returns columns: lau_code, name, qark, geometry (EPSG:4326), sorted by lau_code."""
    gdf = gpd.read_file(config.MUNICIPALITIES_GEOJSON)
    return gdf.set_crs(config.CRS, allow_override=True).sort_values("lau_code").reset_index(drop=True)


def read_counties() -> gpd.GeoDataFrame:
    """Returns columns: qark, geometry (EPSG:4326)."""
    return gpd.read_file(config.COUNTIES_GEOJSON).set_crs(config.CRS, allow_override=True)


def join_values(municipalities: gpd.GeoDataFrame, values: pd.DataFrame) -> gpd.GeoDataFrame:
    """Attach a values frame (one row per lau_code) to the 61 polygons; every polygon is kept.

    A code in ``values`` without a polygon, or a polygon without a row, is an error: the join key
    must match exactly, never silently drop a municipality.
    """
    missing = set(values.lau_code) ^ set(municipalities.lau_code)
    if missing:
        raise ValueError(f"boundaries and values disagree on LAU codes: {sorted(missing)}")
    return municipalities[["lau_code", "geometry"]].merge(values, on="lau_code", how="left", validate="one_to_one")
