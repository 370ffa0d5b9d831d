"""The map for the scaling measure: 61 municipalities or 373 former units, coloured by area, drawn as the dashboard draws its maps.

The base map is the dashboard's own (``maps.base_map``: local Leaflet, county lines, attribution); the
values layer is a ``folium.FeatureGroup`` holding one styled ``folium.GeoJson`` with tooltips, as
``maps.values_layer`` builds it, so the only thing that changes between the two sizes is the geography.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import folium
import geopandas as gpd

from lnb_dash import i18n
from lnb_dash.model.classify import classify
from lnb_dash.ops import assets
from lnb_dash.query import boundaries
from lnb_dash.render import maps

HERE = Path(__file__).parent
UNITS_LAYER = HERE / "data" / "units_373.geojson"
AREA_CRS = "EPSG:6870"


@functools.cache
def read_layer(units: int) -> tuple[gpd.GeoDataFrame, str]:
    """The layer and the name of its key property."""
    if units == 61:
        return boundaries.read_municipalities(), "lau_code"
    return gpd.read_file(UNITS_LAYER), "unit_id"


@functools.cache
def _geometries(units: int) -> tuple[tuple[str, str, dict], ...]:
    gdf, key = read_layer(units)
    collection = json.loads(gdf[[key, "name", "geometry"]].to_json())
    return tuple((f["properties"][key], f["properties"]["name"], f["geometry"]) for f in collection["features"])


def install_layers(static_dir: Path) -> None:
    """Leaflet and the county lines beside the bench apps (Streamlit serves ``bench/static`` for scripts in bench/)."""
    assets.install_static_assets(static_dir)


def scaling_map(units: int, lang: str = "en") -> tuple[folium.Map, folium.FeatureGroup]:
    """The base map and the values layer (area of each unit, quantile classes) for 61 or 373 units."""
    gdf, _ = read_layer(units)
    area = gdf.to_crs(AREA_CRS).area / 1e6
    classes = classify(area, "quantiles", 5)
    features = []
    for (code, name, geometry), value, class_index in zip(_geometries(units), area, classes.class_index, strict=True):
        text = i18n.format_number(value, 1, lang) + " km²"
        properties = {"key": code, "label": f"{name}: {text}", "t0": name, "t1": text,
                      "style": maps.feature_style("value", classes.color_of(int(class_index)))}
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    base = maps.base_map(maps.MapSpec({}, f"Area of {units} units", counties=True), lang)
    group = folium.FeatureGroup(name=maps.VALUES_ID, control=False)
    folium.GeoJson({"type": "FeatureCollection", "features": features}, name=maps.VALUES_ID, style_function=lambda f: f["properties"]["style"],
                   highlight_function=None, zoom_on_click=False,
                   tooltip=folium.GeoJsonTooltip(["t0", "t1"], aliases=["Unit", "Area"], sticky=True)).add_to(group)
    return base, group


def sent_kb(base: folium.Map, layer: folium.FeatureGroup) -> dict:
    """What st_folium sends for a map: the base map's script (a new map only) and the values layer's (every rerun)."""
    from streamlit_folium import _get_feature_group_string, _get_map_string

    base.get_root().render()
    map_string = _get_map_string(base)
    layer_string = _get_feature_group_string(layer, base)
    return {"base_kb": len(map_string.encode()) / 1024, "layer_kb": len(layer_string.encode()) / 1024}
