"""Offline front-end assets: Leaflet comes from the installed xstatic-leaflet package.

The files are copied into ``static/`` beside app.py, which Streamlit serves at ``/app/static/``
(``enableStaticServing``), so the map needs no CDN and no internet.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from lnb_dash import config

STATIC_DIR = config.ROOT / "static"
LEAFLET_JS = "/app/static/leaflet/leaflet.js"
LEAFLET_CSS = "/app/static/leaflet/leaflet.css"


def install_static_assets(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet into ``static_dir/leaflet`` unless the same version is already there."""
    target = static_dir / "leaflet"
    stamp = target / "VERSION"
    if stamp.exists() and stamp.read_text() == xstatic_leaflet.VERSION:
        return target
    source = Path(xstatic_leaflet.BASE_DIR)
    target.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy2(source / name, target / name)
    shutil.copytree(source / "images", target / "images", dirs_exist_ok=True)
    stamp.write_text(xstatic_leaflet.VERSION)
    return target
