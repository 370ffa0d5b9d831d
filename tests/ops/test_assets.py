"""Offline assets: Leaflet and the boundary layers served by the app itself, each layer with only its join key, under a
name that changes when the boundaries change (so browsers may cache it for ever and still see new boundaries)."""

import json
import os
import shutil

from lnb_dash import levels
from lnb_dash.ops import assets


def test_leaflet_and_every_drawn_level_are_installed_with_only_their_keys(tmp_path):
    assets.install_static_assets(tmp_path)
    assert (tmp_path / assets.LEAFLET_JS).stat().st_size > 10_000 and (tmp_path / assets.LEAFLET_CSS).exists()
    for layer, level in levels.BY_LAYER.items():
        features = json.loads((tmp_path / assets.layer_path(layer)).read_text(encoding="utf-8"))["features"]
        assert len(features) == level.n_areas and all(set(f["properties"]) == {level.geo_key} for f in features)


def test_a_changed_boundary_file_gets_a_new_name_and_the_old_one_goes(tmp_path, monkeypatch):
    source, key = assets.LAYERS["counties"]
    copy = tmp_path / "counties.geojson"
    shutil.copyfile(source, copy)
    monkeypatch.setitem(assets.LAYERS, "counties", (copy, key))
    static = tmp_path / "static"
    assets.install_static_assets(static)
    first = assets.layer_path("counties")
    collection = json.loads(copy.read_text(encoding="utf-8"))
    collection["features"] = collection["features"][:-1]
    copy.write_text(json.dumps(collection), encoding="utf-8")
    os.utime(copy, ns=(1, 1))
    assets.install_static_assets(static)
    second = assets.layer_path("counties")
    assert second != first and (static / second).exists() and not (static / first).exists()
