"""The boundary layers, always in EPSG:4326, and their join to indicator values on area codes."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from lnb_dash import config, levels, names


def read_municipalities() -> gpd.GeoDataFrame:
    """Returns columns: lau_code, name, qark, geometry (EPSG:4326), sorted by lau_code."""
    gdf = gpd.read_file(config.MUNICIPALITIES_GEOJSON)
    return gdf.set_crs(config.CRS, allow_override=True).sort_values("lau_code").reset_index(drop=True)


def read_counties() -> gpd.GeoDataFrame:
    """Returns columns: qark, county_code, geometry (EPSG:4326), sorted by county_code.

    The file names each county (``qark``); its code comes from the one alias table, so maps join on codes.
    """
    gdf = gpd.read_file(config.COUNTIES_GEOJSON).set_crs(config.CRS, allow_override=True)
    resolver = names.load_resolver()
    gdf.insert(1, "county_code", [resolver.code(name, level="county") for name in gdf.qark])
    return gdf.sort_values("county_code").reset_index(drop=True)


def read_former_units() -> gpd.GeoDataFrame:
    """The 373 units before the 2015 reform. Returns columns: unit_code, name, lau_code, geometry (EPSG:4326),
    sorted by unit_code; ``lau_code`` is the municipality each lies in today."""
    gdf = gpd.read_file(config.FORMER_UNITS_GEOJSON)
    return gdf.set_crs(config.CRS, allow_override=True).sort_values("unit_code").reset_index(drop=True)


def read_level(level: str) -> gpd.GeoDataFrame:
    """The polygons of one map level, from the boundary file its row in lnb_dash.levels names.

    Returns columns: area_code, geometry (EPSG:4326), sorted by area_code. A file that names its areas instead of
    coding them (the counties' ``qark``) is keyed through the one alias table, so maps still join on codes.
    """
    lv = levels.get(level)
    gdf = gpd.read_file(lv.geojson).set_crs(config.CRS, allow_override=True)
    if lv.geo_key == lv.key:
        codes = gdf[lv.geo_key]
    else:
        resolver = names.load_resolver()
        codes = [resolver.code(name, level=lv.id) for name in gdf[lv.geo_key]]
    out = gpd.GeoDataFrame({"area_code": list(codes)}, geometry=gdf.geometry.values, crs=gdf.crs)
    return out.sort_values("area_code").reset_index(drop=True)


def join_values(areas: gpd.GeoDataFrame, values: pd.DataFrame) -> gpd.GeoDataFrame:
    """Attach a values frame (query_values: one row per area_code) to :func:`read_level`'s polygons of the same level;
    every polygon is kept.

    A code in ``values`` without a polygon, or a polygon without a row, is an error: the join key must match exactly,
    never silently drop an area.
    """
    missing = set(values.area_code) ^ set(areas.area_code)
    if missing:
        raise ValueError(f"boundaries and values disagree on area codes: {sorted(missing)[:10]}")
    return areas[["area_code", "geometry"]].merge(values, on="area_code", how="left", validate="one_to_one")
