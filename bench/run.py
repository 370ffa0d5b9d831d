"""`make bench`: how fast the dashboard is on this machine, as ratios to a floor and a reference.

Starts three servers on free local ports (the dashboard, an empty Streamlit page, the common
folium recipe on full-resolution boundaries) and drives headless Chromium against them. Every
figure is the median of BENCH_RUNS runs (default 5) with min and max; results go to
bench/results.json. Absolute times vary between machines: the ratios are what count.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lnb_dash import assets, config  # noqa: E402 (after the path is set)

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CONCURRENT = [int(n) for n in os.environ.get("BENCH_SESSIONS", "20,50").split(",")]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
MAP_URL = "/map?indicator=population&year=2011&lang=en"
BUDGETS = {  # measure -> (limit, how it is read)
    "map_over_floor": 1.3, "map_over_reference": 0.6, "switch_browser_s": 0.3, "geojson_kb": 100, "build_s": 5.0,
    "query_p95_ms": 20.0, "concurrent20_p95_over_single": 3.0, "memory20_mb": 600,
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: Path, extra_env: dict | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(extra_env or {})}
    if script.name == "app.py":
        command = [sys.executable, "-m", "lnb_dash.ui.serve"]
    else:
        command = [sys.executable, "-m", "streamlit", "run", str(script)]
    process = subprocess.Popen(command + ["--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
                                          "--server.enableStaticServing", "true", "--client.toolbarMode", "viewer"],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            return process, url
        except OSError:
            time.sleep(0.25)
    process.kill()
    raise SystemExit(f"{script} did not start")


def summary(values: list[float]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "n": len(values)}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


POLYGONS_JS = "document.querySelectorAll('path.leaflet-interactive').length >= 61"
FILLS_JS = "[...document.querySelectorAll('.lnb-map path.leaflet-interactive')].map(p => p.getAttribute('fill')).join()"


async def time_to_map(browser, url: str, timeout: float = 90) -> float:
    """From navigation to the 61th polygon drawn, waiting inside the page (no polling over CDP).

    The dashboard draws its map in the page; the reference (streamlit-folium) in an iframe.
    """
    context = await browser.new_context()
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url, timeout=timeout * 1000)
    if "/map" in url:
        await page.wait_for_function(POLYGONS_JS, polling=25, timeout=timeout * 1000)
    else:
        element = await page.wait_for_selector("iframe[src*='streamlit_folium']", timeout=timeout * 1000)
        frame = await element.content_frame()
        await frame.wait_for_function(POLYGONS_JS, polling=25, timeout=timeout * 1000)
    elapsed = time.perf_counter() - start
    await context.close()
    return elapsed


async def time_to_selector(browser, url: str, selector: str) -> float:
    context = await browser.new_context()
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url)
    await page.wait_for_selector(selector, timeout=90_000)
    elapsed = time.perf_counter() - start
    await context.close()
    return elapsed


async def switch_time(browser, url: str) -> float:
    """From choosing another indicator to the map repainted with it."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    await page.goto(url + MAP_URL)
    await page.wait_for_function(POLYGONS_JS, polling=25, timeout=90_000)
    await page.wait_for_timeout(1500)
    before = await page.evaluate(FILLS_JS)
    box = page.locator('[data-testid="stSelectbox"]').first
    await box.click()
    await page.keyboard.type("Turnout, parliamentary")
    start = time.perf_counter()
    await page.keyboard.press("Enter")
    await page.wait_for_function(f"(() => {{ const now = {FILLS_JS}; return now && now !== {json.dumps(before)}; }})()", polling=10,
                                 timeout=30_000)
    elapsed = time.perf_counter() - start
    await context.close()
    return elapsed


async def page_bytes(browser, url: str) -> dict:
    """Bytes the browser received for the map page: HTTP bodies and WebSocket frames."""
    context = await browser.new_context()
    page = await context.new_page()
    totals = {"http": 0, "websocket": 0}
    pending = []

    def on_response(response):
        pending.append(response)

    page.on("response", on_response)
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: totals.__setitem__(
        "websocket", totals["websocket"] + len(payload if isinstance(payload, (bytes, bytearray)) else payload.encode()))))
    await page.goto(url + MAP_URL)
    await page.wait_for_function(POLYGONS_JS, polling=25, timeout=90_000)
    await page.wait_for_timeout(1500)
    for response in pending:
        try:
            totals["http"] += len(await response.body())
        except Exception:  # redirects and aborted requests have no body
            pass
    await context.close()
    return totals


async def concurrent_map(browser, url: str, sessions: int) -> list[float]:
    return list(await asyncio.gather(*(time_to_map(browser, url + MAP_URL, timeout=180) for _ in range(sessions))))


def cpu_seconds(match) -> float:
    """User + system CPU time of every process whose command line ``match`` accepts (from /proc)."""
    total = 0
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if match(entry.name, (entry / "cmdline").read_bytes().decode(errors="replace")):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            pass
    return total


def peak_memory_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of the server and its children."""
    total = 0
    for candidate in [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]:
        try:
            for line in Path(f"/proc/{candidate}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def data_measures() -> dict:
    from lnb_dash import db, indicators
    from lnb_dash.build import build_database

    out = {}
    builds = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(RUNS):
            start = time.perf_counter()
            build_database(config.DATA_DIR, Path(tmp) / "bench.duckdb")
            builds.append(time.perf_counter() - start)
    out["build_s"] = summary(builds)
    con = db.connect(config.DB_PATH)
    calls = {
        "list_indicators": lambda: indicators.list_indicators(con),
        "query_values": lambda: indicators.query_values(con, "population", 2011),
        "query_area_values": lambda: indicators.query_area_values(con, "population", 2011),
        "query_profile": lambda: indicators.query_profile(con, "AL343"),
        "query_timeseries": lambda: indicators.query_timeseries(con, "parl_turnout", ["AL343", "AL-06", "AL"]),
        "query_observations": lambda: indicators.query_observations(con, "population"),
        "query_year_coverage": lambda: indicators.query_year_coverage(con, "population"),
    }
    for name, call in calls.items():
        call()
        times = []
        for _ in range(50):
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
        out[f"{name}_ms"] = {"p50": percentile(times, 0.5), "p95": percentile(times, 0.95)}
    return out


def payload_kb() -> dict:
    """The boundaries the browser fetches once (a static file it may cache) and what each rerun sends for the map."""
    from lnb_dash import boundaries, db, indicators, views
    from lnb_dash.filters import MapView

    con = db.connect(config.DB_PATH)
    meta = indicators.get_indicator(con, "population")
    values = indicators.query_values(con, "population", 2011)
    model = views.build_map_model(meta, MapView(year=2011), values, indicators.query_area_values(con, "population", 2011),
                                  boundaries.read_municipalities(), "en", indicators.list_sources(con))
    static = assets.STATIC_DIR
    return {"geojson_kb": (static / assets.layer_path("municipalities")).stat().st_size / 1024,
            "counties_kb": (static / assets.layer_path("counties")).stat().st_size / 1024,
            "map_data_kb": len(json.dumps(model.map_data, separators=(",", ":")).encode()) / 1024}


def apptest_switch_ms() -> dict:
    from streamlit.testing.v1 import AppTest

    sys.path.insert(0, str(ROOT / "tests" / ".."))
    from tests.pages.helpers import open_page

    times = []
    for i in range(RUNS):
        at = open_page("map", indicator="population", year="2011", lang="en")
        start = time.perf_counter()
        at.selectbox(key="map.indicator").set_value("parl_turnout" if i % 2 == 0 else "local_turnout").run()
        times.append((time.perf_counter() - start) * 1000)
    del AppTest
    return summary(times)


async def time_to_polygons(browser, url: str, n: int) -> float:
    context = await browser.new_context()
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url)
    await page.wait_for_function(f"document.querySelectorAll('.lnb-map path.leaflet-interactive').length >= {n}", polling=25, timeout=90_000)
    elapsed = time.perf_counter() - start
    await context.close()
    return elapsed


async def scaling_measures(scaling_url: str) -> dict:
    """The same map component with 61 and with 373 areas: browser time to all polygons, server build time, bytes."""
    from playwright.async_api import async_playwright

    from bench.scaling import map_data_for, read_layer

    out = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        for n in (61, 373):
            await time_to_polygons(browser, f"{scaling_url}/?units={n}", n)  # warm the server's caches; not counted
            out[f"map{n}_s"] = summary([await time_to_polygons(browser, f"{scaling_url}/?units={n}", n) for _ in range(RUNS)])
        await browser.close()
    for n in (61, 373):
        map_data_for(n)
        times = []
        for _ in range(20):
            start = time.perf_counter()
            data = map_data_for(n)
            times.append((time.perf_counter() - start) * 1000)
        out[f"build{n}_ms"] = summary(times)
        out[f"data{n}_kb"] = len(json.dumps(data, separators=(",", ":")).encode()) / 1024
        out[f"geometry{n}_kb"] = (ROOT / "bench" / "static" / read_layer(n)[2]).stat().st_size / 1024
    return out


async def browser_measures(app_url: str, floor_url: str, reference_url: str, server_pid: int) -> dict:
    from playwright.async_api import async_playwright

    out = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        await time_to_map(browser, app_url + MAP_URL)  # warm the caches once; not counted
        await time_to_map(browser, reference_url + "/?indicator=population&year=2011")
        out["floor_s"] = summary([await time_to_selector(browser, floor_url, "text=floor ready") for _ in range(RUNS)])
        out["map_s"] = summary([await time_to_map(browser, app_url + MAP_URL) for _ in range(RUNS)])
        out["reference_s"] = summary([await time_to_map(browser, reference_url + "/?indicator=population&year=2011") for _ in range(RUNS)])
        out["profile_s"] = summary([await time_to_selector(browser, app_url + "/profile?m=AL343&lang=en", "text=Key facts") for _ in range(RUNS)])
        out["trends_s"] = summary([await time_to_selector(browser, app_url + "/trends?lang=en", "[data-testid='stVegaLiteChart'] svg.marks")
                                   for _ in range(RUNS)])
        out["switch_browser_s"] = summary([await switch_time(browser, app_url) for _ in range(RUNS)])
        out["bytes"] = await page_bytes(browser, app_url)
        for sessions in CONCURRENT:
            try:
                is_server = lambda pid, cmd: int(pid) == server_pid  # noqa: E731
                is_chromium = lambda pid, cmd: "chromium" in cmd or "chrome" in cmd  # noqa: E731
                before = cpu_seconds(is_server), cpu_seconds(is_chromium)
                times = await concurrent_map(browser, app_url, sessions)
                after = cpu_seconds(is_server), cpu_seconds(is_chromium)
                out[f"concurrent{sessions}"] = {"p50": percentile(times, 0.5), "p95": percentile(times, 0.95),
                                                "memory_mb": peak_memory_mb(server_pid), "server_cpu_s": after[0] - before[0],
                                                "browser_cpu_s": after[1] - before[1]}
            except Exception as exc:  # noqa: BLE001 (report what the machine could not do instead of stopping)
                out[f"concurrent{sessions}"] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
        await browser.close()
    return out


def main() -> None:
    if not config.DB_PATH.exists():
        raise SystemExit("build the database first: make build")
    from bench.scaling import install_layers

    assets.install_static_assets()
    install_layers(ROOT / "bench" / "static")
    servers = [start(ROOT / "app.py"), start(ROOT / "bench" / "floor_app.py"), start(ROOT / "bench" / "reference_app.py"),
               start(ROOT / "bench" / "scaling_app.py")]
    try:
        (app, app_url), (_, floor_url), (_, reference_url), (_, scaling_url) = servers
        results = asyncio.run(browser_measures(app_url, floor_url, reference_url, app.pid))
        results["scaling"] = asyncio.run(scaling_measures(scaling_url))
    finally:
        for process, _ in servers:
            process.terminate()
    results["apptest_switch_ms"] = apptest_switch_ms()
    results.update(data_measures())
    results.update(payload_kb())
    single = results["map_s"]["median"]
    ratios = {
        "map_over_floor": single / results["floor_s"]["median"],
        "map_over_reference": single / results["reference_s"]["median"],
        "profile_over_floor": results["profile_s"]["median"] / results["floor_s"]["median"],
        "trends_over_floor": results["trends_s"]["median"] / results["floor_s"]["median"],
    }
    if "p95" in results.get("concurrent20", {}):
        ratios["concurrent20_p95_over_single"] = results["concurrent20"]["p95"] / single
    results["ratios"] = ratios
    ratios["scaling_373_over_61"] = results["scaling"]["map373_s"]["median"] / results["scaling"]["map61_s"]["median"]
    results["machine"] = {"cores": os.cpu_count(), "runs": RUNS, "date": time.strftime("%Y-%m-%d")}
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print_report(results)


def print_report(r: dict) -> None:
    print(f"\n{'measure':<34}{'min':>10}{'median':>10}{'max':>10}")
    for key in ("floor_s", "map_s", "reference_s", "profile_s", "trends_s", "switch_browser_s", "apptest_switch_ms", "build_s"):
        s = r[key]
        print(f"{key:<34}{s['min']:>10.3f}{s['median']:>10.3f}{s['max']:>10.3f}")
    print(f"\n{'query (ms)':<34}{'p50':>10}{'p95':>10}")
    for key, value in r.items():
        if key.startswith(("list_", "query_")):
            print(f"{key:<34}{value['p50']:>10.2f}{value['p95']:>10.2f}")
    print(f"\nmap page bytes: HTTP {r['bytes']['http'] / 1024:,.0f} KB, WebSocket {r['bytes']['websocket'] / 1024:,.0f} KB; "
          f"boundaries (static, fetched once) {r['geojson_kb']:.1f} KB + counties {r['counties_kb']:.1f} KB; "
          f"map data per rerun {r['map_data_kb']:.1f} KB")
    for sessions in CONCURRENT:
        c = r.get(f"concurrent{sessions}", {})
        print(f"{sessions} sessions: " + (f"p50 {c['p50']:.2f} s, p95 {c['p95']:.2f} s, server peak memory {c['memory_mb']:.0f} MB; "
                                          f"CPU used: server {c['server_cpu_s']:.1f} s, Chromium {c['browser_cpu_s']:.1f} s"
                                          if "p95" in c else c.get("error", "not run")))
    s = r["scaling"]
    print(f"\nscaling (same map component, area of each unit): 61 units {s['map61_s']['median']:.3f} s, 373 units {s['map373_s']['median']:.3f} s "
          f"in the browser ({s['map373_s']['median'] / s['map61_s']['median']:.2f} x); map data built in {s['build61_ms']['median']:.1f} / "
          f"{s['build373_ms']['median']:.1f} ms; {s['data61_kb']:.0f} / {s['data373_kb']:.0f} KB per rerun; boundaries "
          f"{s['geometry61_kb']:.0f} / {s['geometry373_kb']:.0f} KB")
    print("\nratios: " + ", ".join(f"{k} {v:.2f}" for k, v in r["ratios"].items()))
    checks = {
        "map ≤ 1.3 × floor": r["ratios"]["map_over_floor"] <= BUDGETS["map_over_floor"],
        "map ≤ 0.6 × reference": r["ratios"]["map_over_reference"] <= BUDGETS["map_over_reference"],
        "indicator switch ≤ 0.3 s": r["switch_browser_s"]["median"] <= BUDGETS["switch_browser_s"],
        "GeoJSON ≤ 100 KB": r["geojson_kb"] <= BUDGETS["geojson_kb"],
        "build ≤ 5 s": r["build_s"]["median"] <= BUDGETS["build_s"],
        "each query p95 ≤ 20 ms": all(v["p95"] <= BUDGETS["query_p95_ms"] for k, v in r.items() if k.startswith(("list_", "query_"))),
        "20 sessions p95 ≤ 3 × one": r["ratios"].get("concurrent20_p95_over_single", float("inf")) <= BUDGETS["concurrent20_p95_over_single"],
        "memory at 20 sessions ≤ 600 MB": r.get("concurrent20", {}).get("memory_mb", float("inf")) <= BUDGETS["memory20_mb"],
    }
    print("\nbudgets: " + "; ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in checks.items()))


if __name__ == "__main__":
    main()
