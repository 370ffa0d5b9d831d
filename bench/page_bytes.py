"""What a first visit to each page costs in bytes: HTML, the JS/CSS/font assets and the WebSocket messages until
the page is drawn, read from Chromium's own network log (CDP ``Network`` events), then the same page again in the
same browser (a repeat visit, with the assets in its cache).

Bytes are what the server sent over the wire (``encodedDataLength``: bodies as compressed, with headers; WebSocket
payloads as sent), so they do not depend on the machine's load; the time to draw does. Run alone with
``.venv/bin/python bench/page_bytes.py`` (the bare server, as ``make run``) or ``… bench/page_bytes.py nginx`` (one
replica behind nginx, as ``make serve``); ``make bench`` runs both (the first through bench/run.py).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Every page as a first visitor opens it (Albanian, the default), and whether it is drawn only once its map shows the 61 areas.
PAGES = {
    "overview": ("/", True),
    "map": ("/map?indicator=population&year=2011", True),
    "profile": ("/profile?m=AL343", True),
    "trends": ("/trends?indicator=parl_turnout&m=AL224,AL343", False),
    "compare": ("/compare?m=AL343,AL345,AL224", False),
    "programme": ("/programme", True),
    "data": ("/data", False),
    "presentation": ("/present?present=1&story=steering_committee", False),  # step 1: the programme's chart
    "upload": ("/upload", False),
    "embed": ("/map?indicator=parl_turnout&year=2017&embed=true", True),
}
# issue 14 item 8: the data page sends at most 300 KB on a first visit; issue 22: the map page at most 1.5 MB (make run).
BUDGET_KB = {"data": 300, "map": 1_500_000 / 1024}
QUIET_S = 2.0  # drawn: the map (where there is one) shows its areas and no WebSocket message came for this long
ASSET_TYPES = ("Script", "Stylesheet", "Font", "Image", "Fetch", "XHR", "Other", "Manifest", "Media")
MAP_FRAME_POLYGONS_JS = """(() => {
  const frame = document.querySelector("iframe[src*='streamlit_folium']");
  const doc = frame && frame.contentDocument;
  return !!doc && doc.querySelectorAll('.leaflet-overlay-pane path').length >= 61;
})()"""
IDLE_JS = "!!document.querySelector('h1') && !document.querySelector('[data-testid=\"stStatusWidget\"]') && !document.querySelector('[data-stale=\"true\"]')"


class NetworkLog:
    """Bytes by kind from one page's CDP Network events: document, assets (JS, CSS, fonts, images, other HTTP),
    assets served from the browser's cache, and WebSocket messages in each direction."""

    def __init__(self):
        self.types: dict[str, str] = {}
        self.urls: dict[str, str] = {}
        self.http: dict[str, int] = {}
        self.cached: set[str] = set()
        self.ws_received = self.ws_sent = self.ws_frames = 0
        self.last_frame = time.monotonic()

    async def attach(self, context, page) -> None:
        cdp = await context.new_cdp_session(page)
        cdp.on("Network.requestWillBeSent", lambda e: self.types.__setitem__(e["requestId"], e.get("type", "Other")))
        cdp.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", lambda e: self.http.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        cdp.on("Network.webSocketFrameReceived", lambda e: self._frame(e, received=True))
        cdp.on("Network.webSocketFrameSent", lambda e: self._frame(e, received=False))
        await cdp.send("Network.enable")

    def _response(self, event) -> None:
        self.urls[event["requestId"]] = event["response"]["url"]
        self.types[event["requestId"]] = event.get("type", self.types.get(event["requestId"], "Other"))
        if event["response"].get("fromDiskCache") or event["response"].get("fromServiceWorker"):
            self.cached.add(event["requestId"])

    def _frame(self, event, received: bool) -> None:
        frame = event["response"]
        payload = frame.get("payloadData", "")
        size = len(base64.b64decode(payload)) if frame.get("opcode") == 2 else len(payload.encode())
        if received:
            self.ws_received += size
            self.ws_frames += 1
            self.last_frame = time.monotonic()
        else:
            self.ws_sent += size

    def totals(self) -> dict:
        by_kind = {"html": 0, "assets": 0}
        n_cached = 0
        for request_id, size in self.http.items():
            if request_id in self.cached:
                n_cached += 1
                continue
            by_kind["html" if self.types.get(request_id) == "Document" else "assets"] += size
        fresh = sorted(((size, self.urls.get(r, "?")) for r, size in self.http.items() if r not in self.cached), reverse=True)
        return {**by_kind, "websocket": self.ws_received, "largest": [(url.split("?")[0].rsplit("/", 1)[-1], size) for size, url in fresh[:3]],
                "total": by_kind["html"] + by_kind["assets"] + self.ws_received,
                "websocket_sent": self.ws_sent, "websocket_messages": self.ws_frames, "requests": len(self.http), "from_cache": n_cached}


async def visit(context, url: str, has_map: bool, timeout: float = 120) -> dict:
    """One visit in ``context`` (its cache decides first or repeat): the bytes until the page is drawn and quiet."""
    page = await context.new_page()
    log = NetworkLog()
    await log.attach(context, page)
    start = time.monotonic()
    await page.goto(url, timeout=timeout * 1000)
    await page.wait_for_function(IDLE_JS, polling=100, timeout=timeout * 1000)
    if has_map:
        await page.wait_for_function(MAP_FRAME_POLYGONS_JS, polling=100, timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:  # the map page draws its widgets in a second run, once the map reports itself drawn
        await page.wait_for_timeout(250)
        if time.monotonic() - log.last_frame >= QUIET_S and await page.evaluate(IDLE_JS):
            break
    drawn_s = log.last_frame - start
    await page.close()
    return {**log.totals(), "drawn_s": round(drawn_s, 2)}


async def first_visit_bytes(browser, base_url: str) -> dict:
    """For every page: a first visit (a new browser profile, empty cache) and a repeat visit (same profile)."""
    out = {}
    for name, (path, has_map) in PAGES.items():
        context = await browser.new_context(viewport={"width": 1366, "height": 768}, bypass_csp=True)
        first = await visit(context, base_url + path, has_map)
        repeat = await visit(context, base_url + path, has_map)
        await context.close()
        out[name] = {"path": path, "first": first, "repeat": repeat}
        print(f"{name}: first visit {first['total'] / 1024:,.0f} KB, repeat {repeat['total'] / 1024:,.0f} KB", file=sys.stderr)
    return out


def print_table(results: dict, behind_nginx: bool = False) -> None:
    kb = lambda n: f"{n / 1024:,.0f}"  # noqa: E731
    print("\nfirst-visit bytes per page (KB; HTTP as sent, with headers; WebSocket messages received until the page is drawn)")
    print("| page | HTML | JS/CSS/fonts/other | WebSocket | first visit | budget | ratio | repeat visit | of which WebSocket |\n"
          "|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for name, r in results.items():
        first, repeat = r["first"], r["repeat"]
        budget = BUDGET_KB.get(name)
        ratio = f"{first['total'] / 1024 / budget:.2f}" if budget else "–"
        print(f"| {name} | {kb(first['html'])} | {kb(first['assets'])} | {kb(first['websocket'])} | {kb(first['total'])} | "
              f"{kb(budget * 1024) if budget else '–'} | {ratio} | {kb(repeat['total'])} | {kb(repeat['websocket'])} |")
    served = results.get("map")
    if served:
        first = served["first"]
        print(f"map page: first visit {first['total'] / 1e6:.2f} MB ({first['total']:,} bytes) = {first['total'] / 1024 / BUDGET_KB['map']:.2f} × "
              f"the 1.5 MB budget{' of make run (reported here)' if behind_nginx else ''}: "
              f"{'met' if first['total'] <= BUDGET_KB['map'] * 1024 else 'NOT met'}; "
              f"repeat visit {kb(served['repeat']['total'])} KB")
    data = results.get("data")
    if data:
        first = data["first"]
        print(f"data page: first visit {kb(first['total'])} KB = {first['total'] / 1024 / BUDGET_KB['data']:.2f} × the 300 KB budget; "
              f"without the app framework's assets (cached after any first page) {kb(first['html'] + first['websocket'])} KB = "
              f"{(first['html'] + first['websocket']) / 1024 / BUDGET_KB['data']:.2f} × budget; largest files: "
              + ", ".join(f"{name} {kb(size)} KB" for name, size in first["largest"]))


def main() -> None:
    """Start the dashboard on a free port (``nginx``: one replica behind nginx, as ``make serve`` runs it), or measure
    the server at the address given, e.g. ``http://127.0.0.1:8080``."""
    sys.path.insert(0, str(ROOT))
    from playwright.async_api import async_playwright

    from bench.run import ARGS, start
    from lnb_dash import config
    from lnb_dash.ops.deploy import Cluster

    cluster = None
    if len(sys.argv) > 1 and sys.argv[1] != "nginx":
        process, url = None, sys.argv[1].rstrip("/")
    elif not config.DB_PATH.exists():
        raise SystemExit("build the database first: make build")
    elif len(sys.argv) > 1:
        cluster = Cluster(1).start()
        process, url = None, cluster.url
    else:
        process, url = start(ROOT / "app.py")
    print(f"first and repeat visits {'behind nginx' if cluster else 'at ' + url}; load average {os.getloadavg()[0]:.1f}", file=sys.stderr)

    async def measure() -> dict:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            await visit(await browser.new_context(bypass_csp=True), url + PAGES["map"][0], True)  # warm the server's caches; not counted
            results = await first_visit_bytes(browser, url)
            await browser.close()
            return results

    try:
        results = asyncio.run(measure())
    finally:
        if process is not None:
            process.terminate()
        if cluster is not None:
            cluster.stop()
    name = "page_bytes_nginx.json" if cluster else "page_bytes.json"
    (ROOT / "bench" / name).write_text(json.dumps({**results, "load_average": os.getloadavg()}, indent=2), encoding="utf-8")
    print("\nbehind nginx (one replica, lnb_dash.ops.deploy)" if cluster else f"\nserved by {url}")
    print_table(results, behind_nginx=cluster is not None)


if __name__ == "__main__":
    main()
