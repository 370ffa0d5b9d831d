"""A live dashboard on a free local port and headless Debian Chromium driven by Playwright.

The browser may only talk to 127.0.0.1: every other request is aborted and recorded, and the tests
assert that none was attempted. On a machine without chromium the tests are skipped, except in CI,
where .ci/run installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.serving import free_port, wait_until_healthy

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-quic"]
# Streamlit's front end probes for a base path under the page's URL (/map/_stcore/health); the 404s are expected.
MAP_AREAS = "path.leaflet-interactive"
IGNORED_CONSOLE = ("_stcore/health", "_stcore/host-config", "Failed to load resource: the server responded with a status of 404")


@pytest.fixture(scope="session")
def server(shipped_db):
    port = free_port()
    env = {**os.environ, "LNB_DB_PATH": str(shipped_db)}
    process = subprocess.Popen([sys.executable, "-m", "lnb_dash.ui.serve", "--server.port", str(port), "--server.headless", "true"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    if not wait_until_healthy(url, process):
        process.kill()
        pytest.fail("the dashboard did not start: " + process.stdout.read().decode(errors="replace")[-2000:])
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI (.ci/run should have installed it)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """One page visit: the Playwright page plus what it asked the network and printed to the console."""

    def __init__(self, browser, base_url: str, route: bool = True, viewport: tuple[int, int] = (1400, 1000), touch: bool = False):
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, has_touch=touch, is_mobile=touch)
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        if route:
            self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, path: str):
        self.page.goto(self.base_url + path)
        self.page.wait_for_selector("h1", timeout=60_000)
        return self.page

    def wait_idle(self, settle_ms: int = 1500) -> None:
        """Wait until the script has finished: no running indicator and no faded (stale) element."""
        self.page.wait_for_timeout(settle_ms)
        self.page.wait_for_function(
            "!document.querySelector('[data-testid=\"stStatusWidget\"]') && !document.querySelector('[data-stale=\"true\"]')",
            timeout=60_000)
        self.page.wait_for_timeout(500)

    def wait_for_map(self, polygons: int = 61, timeout: float = 60):
        """The map's frame (streamlit-folium draws each map in its own iframe) once it shows ``polygons`` areas."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for frame in self.page.frames:
                if "streamlit_folium" in frame.url and frame.locator(MAP_AREAS).count() >= polygons:
                    return frame
            self.page.wait_for_timeout(100)
        raise AssertionError(f"no map with {polygons} areas within {timeout} s")

    def real_console_errors(self) -> list[str]:
        return [e for e in self.console_errors if not any(s in e for s in IGNORED_CONSOLE)]

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, server):
    v = Visit(browser, server)
    yield v
    v.close()
