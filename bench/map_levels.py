"""What a map costs at each level (municipalities, counties, former units): server time and bytes sent.

``python bench/map_levels.py [--db PATH] [--url http://127.0.0.1:PORT]``. Without ``--url`` it measures the
server side only: the map model, the folium build of base map and values layer, and the size of what
``st_folium`` sends (the base map's HTML and the values layer's script). With ``--url`` of a running dashboard
(on the same database) it also opens each map in headless Chromium as a first visit and counts the bytes
received (HTTP bodies and WebSocket frames) until every area is drawn. Medians of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit_folium

from lnb_dash import config, levels
from lnb_dash.model import map as map_model
from lnb_dash.model.address import MapView
from lnb_dash.query import boundaries, db, indicators
from lnb_dash.query.values import query_values
from lnb_dash.render import maps

VIEWS = {  # level -> (indicator, year, number of areas)
    "municipality": ("population", 2011, 61),
    "county": ("population_1jan", 2023, 12),
    "former_unit": ("parl_turnout", 2017, 373),
}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def _ms(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1), result


def server_side(con, level: str, runs: int) -> dict:
    indicator, year, _ = VIEWS[level]
    meta = indicators.get_indicator(con, indicator)
    view = MapView(indicator=indicator, year=year, level=level)
    sources = indicators.list_sources(con)
    start = time.perf_counter()
    areas = boundaries.read_level(level)
    maps.geometries(levels.get(level).layer)
    read_ms = (time.perf_counter() - start) * 1000

    def model():
        values = query_values(con, indicator, year, "total", level)
        m = map_model.build_map_model(meta, view, values, query_values(con, indicator, year, "total", "national"), areas, "en", sources)
        return maps.map_figure(m, "en")

    model_ms, figure = _ms(model, runs)

    def folium_build():
        """What st_folium does on a rerun: the base map's script and the values layer's script."""
        base = maps.base_map(figure.spec, "en")
        base.render()
        base_js = streamlit_folium.generate_leaflet_string(base)
        return base_js, streamlit_folium._get_feature_group_string(maps.values_layer(figure.spec), base)

    build_ms, (base_js, layer_js) = _ms(folium_build, runs)
    return {"areas": len(figure.spec.features), "read_boundaries_ms_once": round(read_ms, 1), "model_ms": model_ms,
            "folium_build_ms": build_ms, "base_map_kb": round(len(base_js.encode()) / 1000, 1),
            "values_layer_kb": round(len(layer_js.encode()) / 1000, 1)}


def first_visit_bytes(url: str, level: str) -> dict:
    from playwright.sync_api import sync_playwright

    indicator, year, n = VIEWS[level]
    totals = {"http": 0, "http_wire": 0, "geo_wire": 0, "websocket": 0}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = browser.new_context().new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: totals.__setitem__(
            "websocket", totals["websocket"] + len(payload if isinstance(payload, (bytes, bytearray)) else payload.encode()))))
        start = time.perf_counter()
        page.goto(f"{url}/map?indicator={indicator}&year={year}&level={level}&lang=en")
        frame = page.wait_for_selector("iframe[src*='streamlit_folium']", timeout=90_000).content_frame()
        frame.wait_for_function(f"document.querySelectorAll('path.leaflet-interactive').length >= {n}", polling=25, timeout=90_000)
        seconds = time.perf_counter() - start
        page.wait_for_timeout(3000)  # the ranking, table and downloads that follow the drawn map
        for response in responses:
            try:
                totals["http"] += len(response.body())
                totals["http_wire"] += response.request.sizes()["responseBodySize"]  # as sent (gzip where the server compresses)
                if "/geo/" in response.url:
                    totals["geo_wire"] += response.request.sizes()["responseBodySize"]
            except Exception:  # redirects and aborted requests have no body
                pass
        browser.close()
    return {"to_polygons_s": round(seconds, 2), "http_kb": round(totals["http"] / 1000, 1), "http_wire_kb": round(totals["http_wire"] / 1000, 1),
            "boundary_files_wire_kb": round(totals["geo_wire"] / 1000, 1), "websocket_kb": round(totals["websocket"] / 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=config.DB_PATH)
    parser.add_argument("--url")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    con = db.connect(args.db)
    levels = [lv for lv in VIEWS if not indicators.query_map_levels(con).query("area_level == @lv").empty]
    out = {level: server_side(con, level, args.runs) for level in levels}
    if args.url:
        for level in levels:
            out[level] |= first_visit_bytes(args.url, level)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
