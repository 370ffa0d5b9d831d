"""Derive geo/albania_former_units.geojson (the 373 units before the 2015 reform) from the raw full-resolution layer.

Run by hand after scripts/curate_names.py (``python scripts/build_former_units_geo.py``); the output is committed.
Same method as scripts/build_geo.py: shared borders simplified once, together (shapely's coverage simplification),
coordinates rounded; the tolerance is the smallest that keeps the file within its size budget. Each feature carries
``unit_code`` (from data/reference/former_units.csv, joined on the OSM relation id), ``name`` and ``lau_code``.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from build_geo import AREA_CRS, OUT, RAW, ROOT, simplify_coverage, to_feature_collection

# About twice the municipalities' budget for six times as many polygons; still small enough to send to a browser.
MAX_BYTES = 225_000
# Each unit keeps its area within 5 % or within 1 km²: the former town units are 0.7-7 km², where a few hundred
# metres of simplification are a large share and a relative bound alone would forbid any simplification.
MAX_AREA_DELTA = 0.05
MAX_AREA_DELTA_KM2 = 1.0
TOLERANCES = [0.004, 0.0045, 0.005, 0.0055, 0.006]


def main() -> None:
    # Load inputs.
    raw = gpd.read_file(RAW / "admin_units_373.geojson")
    crosswalk = pd.read_csv(RAW / "admin_units_373_to_municipalities_61.csv", dtype=str)
    reference = pd.read_csv(ROOT / "data" / "reference" / "former_units.csv", dtype=str)
    assert len(raw) == len(crosswalk) == len(reference) == 373 and raw.crs.to_epsg() == 4326

    # Process data.
    raw = raw.reset_index(names="feature_index").assign(feature_index=lambda f: f.feature_index.astype(str))
    raw = raw[["feature_index", "geometry"]].merge(crosswalk[["feature_index", "osm_relation_id"]], on="feature_index",
                                                   validate="one_to_one")
    units = raw.merge(reference[["unit_code", "name", "lau_code", "osm_relation_id"]], on="osm_relation_id", validate="one_to_one")
    units = units.sort_values("unit_code").reset_index(drop=True)
    assert len(units) == 373
    columns = ["unit_code", "name", "lau_code"]
    for tolerance in TOLERANCES:
        simplified = simplify_coverage(units, tolerance)
        text = to_feature_collection(simplified, columns)
        before, after = units.to_crs(AREA_CRS).area / 1e6, simplified.to_crs(AREA_CRS).area / 1e6
        off = ((after / before - 1).abs() > MAX_AREA_DELTA) & ((after - before).abs() > MAX_AREA_DELTA_KM2)
        ok = len(text.encode()) <= MAX_BYTES and not off.any() and simplified.is_valid.all() and not simplified.is_empty.any()
        print(f"tolerance {tolerance}: {len(text.encode()):,} bytes, largest area change {(after - before).abs().max():.2f} km², "
              f"{int(off.sum())} unit(s) off by more than {MAX_AREA_DELTA:.0%} and {MAX_AREA_DELTA_KM2} km², ok={ok}")
        if ok:
            break
    else:
        raise SystemExit("no tolerance meets the size and area budgets")

    # Save outputs.
    (OUT / "albania_former_units.geojson").write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT / 'albania_former_units.geojson'} (tolerance {tolerance})")


if __name__ == "__main__":
    main()
