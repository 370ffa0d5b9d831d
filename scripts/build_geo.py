"""Derive the project's simplified boundary files from the raw full-resolution layers.

Run by hand (``python scripts/build_geo.py``); the output in ``geo/`` is committed, so neither the
app nor the tests ever read ``../shared``.

Shared borders are simplified once, together (shapely's coverage simplification), so no gaps or
overlaps appear between neighbours; coordinates are rounded; counties are the union of their
simplified municipalities, so they nest exactly. The tolerance is the smallest one that keeps the
file within the size budget and every municipality within the area tolerance.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "data" / "geo"
OUT = ROOT / "geo"

# Budget from the data-foundation issue: the map payload must stay small.
MAX_BYTES = 100_000
MAX_AREA_DELTA = 0.02
# 0.001 degree is about 85-110 m here: invisible at the zoom levels a country map uses.
PRECISION = 0.001
TOLERANCES = [0.002, 0.0025, 0.003, 0.0035, 0.004, 0.0045, 0.005]
# Equal-area-friendly projected CRS for Albania (KRGJSH-2010 / Albanian TM), used to measure areas.
AREA_CRS = "EPSG:6870"
# The raw file still carries the pre-2021 name of AL315.
CURRENT_NAMES = {"AL315": "Dimal"}


def to_feature_collection(gdf: gpd.GeoDataFrame, columns: list[str]) -> str:
    """Compact GeoJSON text: no indentation, no bbox, no CRS member (RFC 7946 is WGS84)."""
    features = [
        {
            "type": "Feature",
            "properties": {c: row[c] for c in columns},
            "geometry": json.loads(shapely.to_geojson(row.geometry)),
        }
        for _, row in gdf.iterrows()
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))


def simplify_coverage(raw: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    geoms = shapely.coverage_simplify(raw.geometry.values, tolerance)
    geoms = shapely.set_precision(geoms, PRECISION)
    return raw.set_geometry(gpd.GeoSeries(geoms, crs=raw.crs, index=raw.index))


def area_delta(simplified: gpd.GeoDataFrame, raw: gpd.GeoDataFrame) -> float:
    return float((simplified.to_crs(AREA_CRS).area / raw.to_crs(AREA_CRS).area - 1).abs().max())


def read_units() -> gpd.GeoDataFrame:
    """The 373 pre-2015 units with their municipality from the crosswalk (every unit lies inside one)."""
    units = gpd.read_file(RAW / "admin_units_373.geojson")
    crosswalk = pd.read_csv(RAW / "admin_units_373_to_municipalities_61.csv")
    units = units.reset_index(names="feature_index").merge(crosswalk[["feature_index", "osm_relation_id", "lau_code"]], on="feature_index",
                                                           validate="one_to_one")
    assert len(units) == 373
    units["unit_id"] = "R" + units.osm_relation_id.astype(str)
    return units[["unit_id", "name", "lau_code", "geometry"]].sort_values("unit_id").reset_index(drop=True)


def main() -> None:
    # Load inputs.
    raw = gpd.read_file(RAW / "municipalities_61.geojson").sort_values("lau_code").reset_index(drop=True)
    assert len(raw) == 61 and raw.crs.to_epsg() == 4326

    # Process data.
    raw["name"] = [CURRENT_NAMES.get(c, n) for c, n in zip(raw.lau_code, raw.name)]
    columns = ["lau_code", "name", "qark"]
    for tolerance in TOLERANCES:
        municipalities = simplify_coverage(raw, tolerance)
        text = to_feature_collection(municipalities, columns)
        delta = area_delta(municipalities, raw)
        ok = (
            len(text.encode()) <= MAX_BYTES
            and delta <= MAX_AREA_DELTA
            and municipalities.is_valid.all()
            and shapely.coverage_is_valid(municipalities.geometry.values)
        )
        print(f"tolerance {tolerance}: {len(text.encode()):,} bytes, max area change {delta:.2%}, ok={ok}")
        if ok:
            break
    else:
        raise SystemExit("no tolerance meets the size and area budgets")
    counties = municipalities.dissolve(by="qark", as_index=False)[["qark", "geometry"]]
    counties["geometry"] = shapely.set_precision(counties.geometry.values, PRECISION)

    # Save outputs.
    OUT.mkdir(exist_ok=True)
    (OUT / "albania_municipalities.geojson").write_text(text + "\n", encoding="utf-8")
    (OUT / "albania_counties.geojson").write_text(to_feature_collection(counties, ["qark"]) + "\n", encoding="utf-8")
    # Full-resolution areas let the tests check the area tolerance without the raw files.
    areas = raw[["lau_code"]].assign(area_km2_full=raw.to_crs(AREA_CRS).area.div(1e6).round(3))
    areas.to_csv(OUT / "albania_municipalities.full_areas.csv", index=False, lineterminator="\n")
    # The benchmark's reference app draws the full-resolution layer (issue: performance budget).
    bench = ROOT / "bench" / "data"
    bench.mkdir(parents=True, exist_ok=True)
    (bench / "municipalities_full.geojson").write_text(to_feature_collection(raw, columns) + "\n", encoding="utf-8")
    # ... and measures how the map's cost grows with a finer geography: the 373 former units, same simplification.
    units = read_units()
    units = simplify_coverage(units, tolerance)
    (bench / "units_373.geojson").write_text(to_feature_collection(units, ["unit_id", "name", "lau_code"]) + "\n", encoding="utf-8")
    print(f"wrote {OUT / 'albania_municipalities.geojson'} and {OUT / 'albania_counties.geojson'} (tolerance {tolerance})")


if __name__ == "__main__":
    main()
