"""A first visit on a venue's network: 400 kbit/s each way and 400 ms latency (Chrome DevTools network emulation).

Starts the dashboard as ``make run`` does (``python -m lnb_dash.ui.serve``, no proxy), then opens the map page and the
presentation in a fresh Chromium context each (nothing cached) and records, from navigation start: the first words
(the served page's own "opening" text, lnb_dash.ops.front_page), Streamlit's first heading and, on the map, the 61
polygons. Budgets (issue 22): first text ≤ 5 s, 61 polygons ≤ 25 s. ``python bench/throttled.py [--runs N]``;
``make bench`` runs it after bench/run.py. Wall-clock figures: the load average is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lnb_dash.i18n import t
from tests.serving import free_port, wait_until_healthy

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
NETWORK = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
PAGES = {"map": "/map?indicator=population&year=2011&lang=sq", "presentation": "/present?present=1&story=steering_committee&step=3&lang=sq"}
BUDGETS = {"first_text_s": 5.0, "polygons_s": 25.0}
# Run in the page from its creation: the moment (ms since navigation start) each milestone is first seen, looked for
# every 20 ms by the page itself (no CDP polling delay).
WATCH = """(() => {
  if (window.top !== window) return;
  window.__seen = {};
  const timer = setInterval(() => {
    const at = performance.now();
    const body = document.body ? document.body.textContent : '';
    if (!window.__seen.first_text && body.includes(%s)) window.__seen.first_text = at;
    if (!window.__seen.heading && document.querySelector('[data-testid="stHeading"], [data-testid="stMarkdownContainer"] h1')) window.__seen.heading = at;
    const frame = document.querySelector("iframe[src*='streamlit_folium']");
    const doc = frame && frame.contentDocument;
    if (!window.__seen.polygons && doc && doc.querySelectorAll('path.leaflet-interactive').length >= 61) window.__seen.polygons = at;
  }, 20);
})();"""


def visit(browser, url: str, map_page: bool) -> dict:
    context = browser.new_context()
    context.add_init_script(WATCH % json.dumps(t("front_loading", "sq")))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    page.goto(url, wait_until="commit", timeout=180_000)
    done = "window.__seen && window.__seen.heading" + (" && window.__seen.polygons" if map_page else "")
    page.wait_for_function(done, polling=200, timeout=180_000)
    seen = page.evaluate("window.__seen")
    context.close()
    return {k: v / 1000 for k, v in seen.items()}


def measure(runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "lnb_dash.ui.serve", "--server.port", str(port)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_healthy(url, server):
            raise SystemExit("the dashboard did not start")
        results = {"load_before": os.getloadavg()[0], "runs": runs}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            visit(browser, url + PAGES["map"], True)  # warm the server's caches: the figure is the network's, not a cold start's
            for name, path in PAGES.items():
                visits = [visit(browser, url + path, name == "map") for _ in range(runs)]
                results[name] = {k: statistics.median(v[k] for v in visits) for k in visits[0]}
            browser.close()
        results["load_after"] = os.getloadavg()[0]
        return results
    finally:
        server.terminate()
        server.wait(timeout=20)


def print_report(r: dict) -> None:
    print(f"\nfirst visit at 400 kbit/s / 400 ms, make run (no proxy), median of {r['runs']} "
          f"(load average {r['load_before']:.1f} / {r['load_after']:.1f}):")
    print("| page | first text (budget ≤ 5 s) | Streamlit's heading | 61 polygons (budget ≤ 25 s) |\n|---|---|---|---|")
    for name in PAGES:
        s = r[name]
        polygons = f"{s['polygons']:.1f} s {'met' if s['polygons'] <= BUDGETS['polygons_s'] else 'NOT met'}" if "polygons" in s else "–"
        print(f"| {name} | {s['first_text']:.1f} s {'met' if s['first_text'] <= BUDGETS['first_text_s'] else 'NOT met'} | "
              f"{s['heading']:.1f} s | {polygons} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = measure(args.runs)
    (ROOT / "bench" / "throttled.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print_report(results)


if __name__ == "__main__":
    main()
