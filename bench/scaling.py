"""The map data for the scaling measure: 61 municipalities or 373 former units, coloured by area."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import geopandas as gpd

from lnb_dash import assets, boundaries, i18n, maps
from lnb_dash.classify import classify

HERE = Path(__file__).parent
UNITS_LAYER = HERE / "data" / "units_373.geojson"
AREA_CRS = "EPSG:6870"


@functools.cache
def read_layer(units: int) -> tuple[gpd.GeoDataFrame, str, str]:
    """The layer, the name of its key property and its path under /app/static/."""
    if units == 61:
        return boundaries.read_municipalities(), "lau_code", assets.layer_path("municipalities")
    gdf = gpd.read_file(UNITS_LAYER)
    return gdf, "unit_id", "geo/units_373.json"


def install_layers(static_dir: Path) -> None:
    """The 373-unit layer beside the app's own layers, with only its key, as the app does."""
    assets.install_static_assets(static_dir)
    collection = json.loads(UNITS_LAYER.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        feature["properties"] = {"unit_id": feature["properties"]["unit_id"]}
    (static_dir / "geo" / "units_373.json").write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")


def map_data_for(units: int, lang: str = "en") -> dict:
    gdf, key, path = read_layer(units)
    area = gdf.to_crs(AREA_CRS).area / 1e6
    classes = classify(area, "quantiles", 5)
    features = {}
    for code, name, value, class_index in zip(gdf[key], gdf["name"], area, classes.class_index, strict=True):
        text = i18n.format_number(value, 1, lang) + " km²"
        features[code] = {"style": maps.feature_style("value", classes.color_of(int(class_index))), "tip": [["Unit", name], ["Area", text]],
                          "label": f"{name}: {text}"}
    return {**maps.map_payload(features, lang, label=f"Area of {units} units", height=560, clickable=False, counties=True),
            "geometry": path, "key": key}
