"""What each heavy library costs a replica when imported: resident memory and CPU time, each in a fresh process
after what every page loads anyway (Streamlit, pandas, numpy), plus ``python -X importtime``'s cumulative time.

RSS and CPU time hardly move with the machine's load; importtime is wall-clock and does. ``python bench/import_cost.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

MODULES = ("mapclassify", "folium", "geopandas", "shapely", "altair", "duckdb", "openpyxl", "vl_convert", "reportlab.platypus")
# Where the dashboard loads each: at the first session of a replica (page load) or only when used.
WHERE = {"mapclassify": "first classified map", "openpyxl": "an XLSX download", "vl_convert": "a PNG/SVG download",
         "reportlab.platypus": "a PDF download"}

_PROBE = """
import json, sys, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS'):
            return int(line.split()[1]) / 1024
import streamlit, pandas, numpy
before, cpu = rss(), time.process_time()
__import__(sys.argv[1])
print(json.dumps({"rss_mb": round(rss() - before, 1), "cpu_ms": round(1000 * (time.process_time() - cpu))}))
"""


def cost(module: str) -> dict:
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", _PROBE, module], capture_output=True, text=True, check=True)
    lines = [line for line in done.stderr.splitlines() if re.search(rf"\|\s*{re.escape(module)}$", line)]
    importtime_ms = round(int(lines[-1].split("|")[1]) / 1000) if lines else None
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "importtime_ms": importtime_ms,
            "loaded": WHERE.get(module, "page load")}


def main() -> None:
    print(json.dumps({module: cost(module) for module in MODULES}, indent=1))


if __name__ == "__main__":
    main()
