"""Take the README's screenshots: start the dashboard, open each page in headless Chromium, save PNGs.

Run with ``.venv/bin/python scripts/screenshots.py`` after ``make build``; needs Debian's chromium.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SHOTS = {
    "overview": "/?lang=en",
    "map": "/map?indicator=population&year=2011&lang=en",
    "profile": "/profile?m=AL343&lang=sq",
    "trends": "/trends?indicator=parl_turnout&m=AL224,AL343,AL357&county=1&lang=en",
    "compare": "/compare?m=AL343,AL345,AL224&lang=en",
    "programme": "/programme?lang=en",
    "data": "/data?indicator=population&year=2023&lang=en",
    "present": "/present?present=1&story=steering_committee&step=4&lang=en",
    "map_counties": "/map?indicator=population_1jan&year=2023&level=county&lang=sq",
    "map_former_units": "/map?indicator=parl_turnout&year=2017&level=former_unit&lang=en",
    "county_trends": "/trends?indicator=population_1jan&level=county&lang=en",
    "county_profile": "/profile?county=AL-11&lang=sq",
}


def main() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "lnb_dash.ui.serve", "--server.port", str(port), "--server.headless", "true"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in SHOTS.items():
                page.goto(base + path)
                page.wait_for_selector("h1", timeout=60_000)
                page.wait_for_timeout(2500)
                page.wait_for_function("!document.querySelector('[data-stale=\"true\"]')", timeout=60_000)
                page.wait_for_timeout(1500)
                page.screenshot(path=str(OUT / f"{name}.png"))
                print(f"saved {OUT / f'{name}.png'}")
            browser.close()
    finally:
        server.terminate()
    printed_profile()


def printed_profile() -> None:
    """First page of Korçë's printed profile (needs pdftoppm from poppler-utils)."""
    pdf = OUT / "korce_profile_sq.pdf"
    subprocess.run([sys.executable, "-m", "lnb_dash", "profile", "AL343", "--lang", "sq", "-o", str(pdf)], cwd=ROOT, check=True)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(OUT / "profile_pdf")], check=True)
        print(f"saved {OUT / 'profile_pdf.png'}")
    pdf.unlink()


if __name__ == "__main__":
    main()
