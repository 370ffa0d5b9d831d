"""Offline front-end assets, served by the app itself at ``/app/static/`` (``enableStaticServing``).

Leaflet comes from the installed xstatic-leaflet package; the boundary layers are written from
``geo/`` with only the join key, under names that carry a hash of their content so a browser may
keep them as long as it likes and still sees new boundaries the moment they change.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from lnb_dash import config, levels
from lnb_dash.ops.files import write_atomically

STATIC_DIR = config.ROOT / "static"
LEAFLET_JS = "leaflet/leaflet.js"
LEAFLET_CSS = "leaflet/leaflet.css"
# Each drawn level's boundary file and the property that identifies an area, by layer (lnb_dash.levels).
LAYERS = {layer: (lv.geojson, lv.geo_key) for layer, lv in levels.BY_LAYER.items()}


def layer_path(layer: str) -> str:
    """Where the browser finds a boundary layer, relative to ``/app/static/``: ``geo/<layer>.<hash>.json``."""
    source, _ = LAYERS[layer]
    stat = source.stat()
    return _hashed_name(layer, source, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _hashed_name(layer: str, source: Path, _mtime_ns: int, _size: int) -> str:
    return f"geo/{layer}.{hashlib.sha256(source.read_bytes()).hexdigest()[:12]}.json"


def _write_layer(static_dir: Path, layer: str) -> None:
    source, key = LAYERS[layer]
    target = static_dir / layer_path(layer)
    if target.exists():
        return
    collection = json.loads(source.read_text(encoding="utf-8"))
    features = [{"type": "Feature", "properties": {key: f["properties"][key]}, "geometry": f["geometry"]} for f in collection["features"]]
    target.parent.mkdir(parents=True, exist_ok=True)
    for old in target.parent.glob(f"{layer}.*.json"):
        if old != target:
            old.unlink(missing_ok=True)
    # two servers starting at once each write their own temporary file
    write_atomically(target, json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))


def install_static_assets(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet into ``static_dir/leaflet`` and write the boundary layers; skips what is already there."""
    target = static_dir / "leaflet"
    stamp = target / "VERSION"
    if not (stamp.exists() and stamp.read_text() == xstatic_leaflet.VERSION):
        source = Path(xstatic_leaflet.BASE_DIR)
        target.mkdir(parents=True, exist_ok=True)
        for name in ("leaflet.js", "leaflet.css"):
            shutil.copy2(source / name, target / name)
        shutil.copytree(source / "images", target / "images", dirs_exist_ok=True)
        stamp.write_text(xstatic_leaflet.VERSION)
    for layer in LAYERS:
        _write_layer(static_dir, layer)
    return target
