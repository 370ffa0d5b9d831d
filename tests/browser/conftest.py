"""A live dashboard on a free local port and headless Debian Chromium driven by Playwright.

The browser may only talk to 127.0.0.1: every other host name resolves to nothing (``--host-resolver-rules``), every
request to elsewhere is recorded, and the tests assert that none was attempted. The requests are watched, not
intercepted: a Playwright route sends every request through the driver and turns the HTTP cache off, and costs
about a fifth of the browser's CPU per page load. On a machine without chromium the tests are skipped, except in CI,
where .ci/run installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.conftest import ROOT
from tests.serving import free_port, wait_until_healthy

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-quic",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
# Streamlit's front end probes for a base path under the page's URL (/map/_stcore/health); the 404s are expected.
MAP_AREAS = "path.leaflet-interactive"
# A run has finished when nothing says it is running, nothing is faded as stale, and no finite CSS transition (the
# fade back from stale, which axe would measure at a third of its contrast) is still playing.
RUN_FINISHED = ("!document.querySelector('[data-testid=\"stStatusWidget\"]')"
                " && !document.querySelector('[data-stale=\"true\"]')"
                " && !document.getAnimations().some(a => a.playState === 'running'"
                " && a.effect && a.effect.getComputedTiming().endTime !== Infinity)")
LAYOUT = ("[...document.querySelectorAll('[data-testid=\"stElementContainer\"], iframe')]"
          ".map(e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(); }).join(';')")
LOCAL = ("http://127.0.0.1", "data:", "blob:", "about:")  # what a page may ask for
IDLE_CONTEXTS: dict[tuple, list] = {}  # (browser, touch) -> browser contexts no open Visit uses
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


def chromium_executable() -> str:
    """Debian's Chromium to drive: ``chromium-headless-shell`` (the same Chromium build without the desktop browser
    around it, what Playwright itself runs for headless tests) runs the same pages for about a quarter less CPU than the
    full ``chromium`` in headless mode (test_every_page without its data page: 85 against 116 CPU-s of the machine);
    without it, ``chromium``.
    LNB_TEST_CHROMIUM=chromium runs the suite in the full browser. Skips the test where neither is installed, except
    in CI, where .ci/run installs them."""
    wanted = os.environ.get("LNB_TEST_CHROMIUM")
    executable = shutil.which(wanted) if wanted else shutil.which("chromium-headless-shell") or shutil.which("chromium")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI (.ci/run should have installed it)")
        pytest.skip("chromium is not installed (apt-get install chromium-headless-shell)")
    return executable


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:  # one Playwright session per process: the browsers below share it
        yield p


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def print_browser(playwright):
    """The full ``chromium``, for the tests that print a page to PDF as a person does from the browser: the headless
    shell places the printed glyphs otherwise (the text read back from its PDF says "vot ers" for "voters")."""
    browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or chromium_executable(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class Visit:
    """One page visit: the Playwright page plus what it asked the network and printed to the console.

    A visit's browser context is reused by the next visit once this one is closed: its HTTP cache keeps Streamlit's
    immutable bundles, which a new context would download, the server compress and the browser compile again (about
    a sixth of a page load's CPU). The next visit gets no cookie and no stored item (Streamlit keeps the sidebar's
    state in local storage) from this one, and two open visits never share a context (two browser sessions)."""

    def __init__(self, browser, base_url: str, viewport: tuple[int, int] = (1400, 1000), touch: bool = False, fresh: bool = False):
        self.base_url = base_url
        self._kind = (browser, touch)
        idle = IDLE_CONTEXTS.setdefault(self._kind, [])
        # fresh: a first visit as a new reader makes it, nothing cached (what it downloads is measured)
        self.context = idle.pop() if idle and not fresh else browser.new_context(has_touch=touch, is_mobile=touch)
        self.origins: set[str] = set()
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        self.context.on("request", self._request)
        self.last_socket_traffic = time.monotonic()
        self.script_running = False
        self.runs = 0  # script runs the server has started for this page (new_session messages)
        self.page = self.context.new_page()
        self.page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        self.page.on("websocket", self._watch_socket)
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _request(self, request) -> None:
        if not request.url.startswith(LOCAL):
            self.blocked.append(request.url)
        elif request.url.startswith("http"):
            self.origins.add("/".join(request.url.split("/", 3)[:3]))

    def open(self, path: str, lang: str | None = None):
        """Open ``path`` (with ``lang`` added to its URL parameters when given) and wait for its heading."""
        if lang:
            path += ("&" if "?" in path else "?") + f"lang={lang}"
        self.page.goto(self.base_url + path)
        self.page.wait_for_selector("h1", timeout=60_000)
        return self.page

    def _watch_socket(self, ws) -> None:
        self.last_socket_traffic = time.monotonic()
        ws.on("framesent", self._sent)
        ws.on("framereceived", self._received)

    def _sent(self, payload) -> None:
        self.last_socket_traffic = time.monotonic()
        if isinstance(payload, bytes):
            message = BackMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") == "rerun_script":
                self.script_running = True

    def _received(self, payload) -> None:
        """Follow the server's own account of its runs: a run starts with ``new_session`` and ends with
        ``script_finished`` (unless it stopped early for another run, which then follows)."""
        self.last_socket_traffic = time.monotonic()
        if not isinstance(payload, bytes):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.script_running = True
            self.runs += 1
        elif kind == "script_finished":
            self.script_running = message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN
        elif kind == "session_status_changed":
            self.script_running = message.session_status_changed.script_is_running

    def wait_idle(self, settle_ms: int = 200, quiet_ms: int = 250, timeout: float = 60) -> None:
        """Wait until the script has finished (as the server says on the websocket), the socket has been quiet for
        ``quiet_ms``, nothing is faded as stale and no transition is playing: no fixed sleep."""
        self.page.wait_for_timeout(settle_ms)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            quiet = time.monotonic() - self.last_socket_traffic >= quiet_ms / 1000
            if quiet and not self.script_running and self.page.evaluate(RUN_FINISHED):
                return
            self.page.wait_for_timeout(50)
        raise AssertionError(f"the page was still running after {timeout} s")

    def wait_stable(self, interval_ms: int = 250, timeout: float = 30) -> None:
        """After :meth:`wait_idle`, wait until the layout holds still (grids and frames size themselves after the run
        ends): every element's box the same in two readings ``interval_ms`` apart."""
        self.wait_idle()
        deadline = time.monotonic() + timeout
        before = self.page.evaluate(LAYOUT)
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(interval_ms)
            now = self.page.evaluate(LAYOUT)
            if now == before and self.page.evaluate(RUN_FINISHED):
                return
            before = now
        raise AssertionError(f"the layout was still moving after {timeout} s")

    def unchanged_while(self, check):
        """Run ``check`` (an axe scan, a measurement) on a page at rest, again if a script run started meanwhile
        (a reconnect or a late widget value fades the page as stale and the scan would measure the fade)."""
        for _ in range(3):
            self.wait_stable()
            runs = self.runs
            result = check()
            if self.runs == runs and self.page.evaluate(RUN_FINISHED):
                return result
        raise AssertionError("the page kept rerunning during the check")

    def wait_for_map(self, polygons: int = 61, timeout: float = 60):
        """The map's frame (streamlit-folium draws each map in its own iframe) once it shows ``polygons`` areas."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for frame in self.page.frames:
                try:
                    if "streamlit_folium" in frame.url and frame.locator(MAP_AREAS).count() >= polygons:
                        return frame
                except PlaywrightError:  # a frame replaced between the listing and the look (a step change): look again
                    continue
            self.page.wait_for_timeout(100)
        raise AssertionError(f"no map with {polygons} areas within {timeout} s")

    def wait_for_clicker_keys(self, timeout: float = 30) -> None:
        """A presentation's keys work once its key script has run and its step buttons are drawn: press before that
        and the key goes nowhere (a person presses again; a test would wait forever for the next step)."""
        self.page.wait_for_function("window.__lnbPresentKeys === true && !!document.querySelector('.st-key-present-next button')",
                                    timeout=timeout * 1000)

    def real_console_errors(self) -> list[str]:
        return [e for e in self.console_errors if not any(s in e for s in IGNORED_CONSOLE)]

    def close(self):
        """Close the visit's pages and leave its context, emptied of cookies and stored items, to the next visit."""
        self.context.remove_listener("request", self._request)
        try:
            session = self.context.new_cdp_session(self.page)
            for origin in self.origins:
                session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "local_storage,indexeddb,cache_storage,service_workers"})
            session.detach()
            self.context.clear_cookies()
            for page in self.context.pages:
                page.close()
        except PlaywrightError:  # the context is unusable: the next visit makes a new one
            self.context.close()
            return
        IDLE_CONTEXTS[self._kind].append(self.context)


@pytest.fixture
def visit(browser, server):
    v = Visit(browser, server)
    yield v
    v.close()


@pytest.fixture
def print_visit(print_browser, server):
    v = Visit(print_browser, server)
    yield v
    v.close()
