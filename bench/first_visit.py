"""Server CPU time per first visit of the map page, measured through the websocket protocol (bench/stclient.py).

Wall-clock times on a shared machine vary with everyone else's work; the CPU time the server process spends is
what a visit costs it, whatever else runs. One server, warmed with one visit of each view, then ``VISITS``
first visits one after another (each as a browser makes it: the page's HTML, the stream, the first run and, on
a clickable map, the rerun the map sends once drawn), then as many indicator switches. The server's
user + system time from /proc over the whole series, divided by the number of visits, is the figure
(``/proc`` counts in 10 ms ticks, so a per-visit reading would be all rounding). Bytes are the websocket
messages' payloads. ``python bench/first_visit.py [--visits N]``; ``make bench`` prints it too.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.stclient import FOLIUM, FOLIUM_DRAWN, Session

QUERY = "indicator=population&year=2011&lang=en"
OTHER_QUERY = "indicator=parl_turnout&lang=en"
PAGES = {"map": QUERY, "profile": "m=AL343&lang=en", "trends": "lang=en", "overview": "lang=en"}


def process_cpu_seconds(pid: int) -> float:
    """User + system time of a process (its finished threads included), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def first_visit(url: str, page: str, query: str) -> tuple[int, int, list]:
    """One first visit: (bytes of the first run, bytes of the 'map drawn' rerun or 0, the runs)."""
    session = Session(url)
    try:
        first = session.open(page, query)
        runs = [first]
        if FOLIUM in first.components and json.loads(first.components[FOLIUM].json_args).get("returned_objects"):
            session.set_component(first, FOLIUM, FOLIUM_DRAWN)
            runs.append(session.rerun())
        return first.bytes, sum(r.bytes for r in runs[1:]), runs
    finally:
        session.close()


def indicator_switch(url: str) -> int:
    """Bytes a switch to another indicator sends, in a session whose map is drawn."""
    session = Session(url)
    try:
        first = session.open("map", QUERY)
        session.set_component(first, FOLIUM, FOLIUM_DRAWN)
        drawn = session.rerun()
        picker = drawn.selectboxes["map.indicator"]
        session.select(drawn, "map.indicator", next(o for o in picker.options if o != picker.raw_value))
        return session.rerun().bytes
    finally:
        session.close()


def measure(url: str, pid: int, visits: int = 30) -> dict:
    """CPU ms per first visit of each page, bytes of each run, and the server's resident memory: idle (started, no
    visit yet), after one overview visit (no classified map) and after all."""
    out: dict = {"visits": visits, "load_average": list(os.getloadavg()), "rss_idle_mb": round(rss_mb(pid), 1)}
    first_visit(url, "overview", PAGES["overview"])
    out["rss_after_overview_mb"] = round(rss_mb(pid), 1)
    for page, query in PAGES.items():  # warm: imports, caches, the first render of each view
        first_visit(url, page, query)
    first_visit(url, "map", OTHER_QUERY)
    for page, query in PAGES.items():
        sizes = []
        start = process_cpu_seconds(pid)
        for _ in range(visits):
            first, drawn, runs = first_visit(url, page, query)
            sizes.append((first, drawn, len(runs)))
        used = process_cpu_seconds(pid) - start
        out[page] = {"cpu_ms_per_visit": round(1000 * used / visits, 1), "runs": sizes[0][2],
                     "first_run_kb": round(statistics.median(s[0] for s in sizes) / 1024, 1),
                     "drawn_run_kb": round(statistics.median(s[1] for s in sizes) / 1024, 1)}
    switch_bytes = [indicator_switch(url) for _ in range(max(visits // 3, 3))]
    out["switch_kb"] = round(statistics.median(switch_bytes) / 1024, 1)
    out["rss_mb"] = round(rss_mb(pid), 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=30)
    args = parser.parse_args()
    from bench.run import start

    process, url = start(ROOT / "app.py")
    try:
        time.sleep(2)  # the server settles after its health check
        t0 = time.perf_counter()
        result = measure(url, process.pid, args.visits)
        result["wall_s"] = round(time.perf_counter() - t0, 1)
    finally:
        process.terminate()
        process.wait(10)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
