"""Locust users that speak Streamlit's websocket protocol (bench/stclient.py), one viewer each.

A viewer's journey: the map page as a first visit (the page's HTML for the routing cookie, the stream, the
first run; then the rerun a browser sends once the map is drawn, which brings the pickers and the ranking),
another indicator (a rerun with the selectbox's new value), a profile and trends. Each step is one locust
request of type ``WS``. ``bench/load.py`` runs the scenarios and writes bench/load.json; this file also runs on
its own: ``locust -f bench/locustfile.py --host http://127.0.0.1:8080 --headless -u 50 -r 50 -t 60s``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import gevent
from gevent.event import Event
from locust import User, constant, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.stclient import FOLIUM, FOLIUM_DRAWN, ProtocolError, Session

JOURNEY = ("map_first_visit", "map_drawn", "indicator_switch", "profile", "trends")
PROFILE_QUERY = "m=AL343&lang=en"
TRENDS_QUERY = "indicator=parl_turnout&m=AL224,AL343&lang=en"


class Control:
    """What bench/load.py sets before a run and reads after it."""

    steps: tuple[str, ...] = JOURNEY
    once = False  # one journey per user, then hold the session until ``release``
    release = Event()
    fault = Event()  # set once a fault happened: held sessions then rerun their page (reconnecting if needed)
    finished = 0
    failed = 0
    recovered = 0
    reconnected = 0
    lost = 0

    @classmethod
    def reset(cls, steps=JOURNEY, once=False) -> None:
        cls.steps, cls.once = steps, once
        cls.release, cls.fault = Event(), Event()
        cls.finished = cls.failed = cls.recovered = cls.reconnected = cls.lost = 0


class StreamlitUser(User):
    wait_time = constant(0)

    def _step(self, name: str, action):
        start = time.perf_counter()
        length, error = 0, None
        try:
            run = action()
            length = run.bytes if run is not None else 0
            return run
        except Exception as exc:  # every failure is a failed request in the report
            error = exc
            raise
        finally:
            self.environment.events.request.fire(request_type="WS", name=name, response_time=(time.perf_counter() - start) * 1000,
                                                 response_length=length, exception=error, context={})

    def journey(self, session: Session) -> None:
        steps = Control.steps
        start = time.perf_counter()
        first = self._step("map_first_visit", lambda: session.open("map", "lang=en"))
        if FOLIUM not in first.components or "Map" not in first.headings:
            raise ProtocolError("the map page has no map component or no title")
        if "map_drawn" not in steps:
            return
        session.set_component(first, FOLIUM, FOLIUM_DRAWN)
        drawn = self._step("map_drawn", session.rerun)
        # The whole first visit, from the page's HTML to the page complete (both runs), as one figure.
        self.environment.events.request.fire(request_type="WS", name="map_first_visit_total", response_time=(time.perf_counter() - start) * 1000,
                                             response_length=0, exception=None, context={})
        if "indicator_switch" in steps:
            picker = drawn.selectboxes["map.indicator"]
            other = next(o for o in picker.options if o != picker.raw_value)
            session.select(drawn, "map.indicator", other)
            self._step("indicator_switch", session.rerun)
        if "profile" in steps:
            self._step("profile", lambda: session.open("profile", PROFILE_QUERY))
        if "trends" in steps:
            self._step("trends", lambda: session.open("trends", TRENDS_QUERY))

    def after_fault(self, session: Session) -> None:
        """What the browser does when its stream drops: reconnect (sending its session id) and rerun its page."""
        try:
            run = session.rerun()
        except ProtocolError:
            Control.reconnected += 1
            deadline = time.monotonic() + 30
            while True:
                try:
                    session.connect()
                    run = session.rerun()
                    break
                except ProtocolError:
                    if time.monotonic() > deadline:
                        raise
                    gevent.sleep(0.5)
        if FOLIUM not in run.components:
            raise ProtocolError("the page came back without its map")
        Control.recovered += 1

    @task
    def visit(self) -> None:
        session = Session(self.host)
        try:
            self.journey(session)
            Control.finished += 1
            if Control.once:
                while not Control.release.is_set():
                    if Control.fault.wait(0.2):
                        try:
                            self._step("after_fault", lambda: self.after_fault(session))
                        except Exception:
                            Control.lost += 1
                        Control.release.wait()
                        break
        except Exception:
            Control.failed += 1
        finally:
            session.close()
        if Control.once:
            raise StopUser()
