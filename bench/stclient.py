"""A Streamlit client without a browser: the websocket protocol the front end speaks, for load and fault tests.

The browser opens ``/_stcore/stream`` (subprotocol ``streamlit``; on a reconnect the previous session id as the
third entry), then sends a ``BackMsg`` whose ``rerun_script`` carries the page's query string, its script hash
(``calc_hash`` of the URL path, what ``st.navigation`` registers) and the state of every widget it shows. The server
answers with ``ForwardMsg``s (new session, deltas with the page's elements, page info with the new query string)
until ``script_finished``. :class:`Session` does the same and keeps what a browser would keep: the elements by
type, the widgets' ids and values and the query string, so a rerun looks like a user's change.
"""

from __future__ import annotations

import contextlib
import json
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.util import calc_hash

FOLIUM = "streamlit_folium.st_folium"
# What the streamlit-folium front end reports once it has drawn a map (filtered by the page's returned_objects).
FOLIUM_DRAWN = {"last_object_clicked_count": 0, "last_object_clicked_popup": None}
RERUN_EARLY = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


class ProtocolError(RuntimeError):
    """The server closed the stream, timed out or the script raised an exception."""


@dataclass
class Run:
    """What one script run sent: elements by type, headings, widgets (id → proto) and exceptions."""

    elements: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    components: dict[str, object] = field(default_factory=dict)  # component name → ComponentInstance
    selectboxes: dict[str, object] = field(default_factory=dict)  # user key → Selectbox
    exceptions: list[str] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)  # a /media/… URL, or the id of a file made on request (deferred)
    query_string: str = ""
    messages: int = 0
    bytes: int = 0
    seconds: float = 0.0


def page_hash(url_path: str) -> str:
    """The page script hash ``st.navigation`` gives a page: a hash of its URL path ("" for the default page)."""
    return calc_hash(url_path)


def _user_key(widget_id: str) -> str:
    """Streamlit widget ids end with ``-<user key>`` when the page gave one (``$$ID-<hash>-map.indicator``)."""
    return widget_id.split("-", 2)[-1] if widget_id.count("-") >= 2 else widget_id


class Session:
    """One viewer: a websocket to one server (or a proxy), reconnecting the way the browser does."""

    def __init__(self, base_url: str, timeout: float = 60.0, headers: dict[str, str] | None = None):
        parts = urlsplit(base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.base_url = base_url.rstrip("/")
        self.url = f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
        self.timeout = timeout
        self.headers = headers or {}
        self.cookies: dict[str, str] = {}
        self.session_id = ""
        self.ws: websocket.WebSocket | None = None
        self.widgets: dict[str, WidgetState] = {}
        self.page = ""
        self.query_string = ""
        self.last: Run | None = None

    def fetch_page(self, page: str, query_string: str = "") -> int:
        """GET the page's HTML as a browser does first, keeping the cookies it sets (nginx's routing cookie)."""
        request = urllib.request.Request(f"{self.base_url}/{page}" + (f"?{query_string}" if query_string else ""), headers=self._headers())
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            body = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return len(body)

    def _headers(self) -> dict[str, str]:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {**self.headers, **({"Cookie": cookie} if cookie else {})}

    def connect(self) -> None:
        """Open the stream; after a drop this sends the old session id, as the browser does when it reconnects."""
        self.close()
        protocols = ["streamlit", "", self.session_id] if self.session_id else ["streamlit"]
        header = [f"{k}: {v}" for k, v in self._headers().items()]
        try:
            self.ws = websocket.create_connection(self.url, timeout=self.timeout, subprotocols=protocols, header=header,
                                                  enable_multithread=False)
        except (websocket.WebSocketException, OSError) as exc:
            raise ProtocolError(f"cannot connect: {exc!r}") from exc

    def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(OSError):
                self.ws.close()
            self.ws = None

    def open(self, page: str, query_string: str = "") -> Run:
        """A first visit of ``/page?query_string``: no widget state, as a new browser tab."""
        self.page, self.query_string, self.widgets = page, query_string, {}
        if self.ws is None:
            if not self.cookies:
                self.fetch_page(page, query_string)
            self.connect()
        return self.rerun()

    def set_component(self, run: Run, name: str, value: dict) -> None:
        state = WidgetState(id=run.components[name].id, json_value=json.dumps(value))
        self.widgets[state.id] = state

    def select(self, run: Run, key: str, label: str) -> None:
        state = WidgetState(id=run.selectboxes[key].id, string_value=label)
        self.widgets[state.id] = state

    def rerun(self) -> Run:
        """Send the page, query string and widget states; read until the script has finished (not for a rerun)."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = page_hash(self.page)
        state.widget_states.widgets.extend(self.widgets.values())
        state.context_info.timezone = "Europe/Tirane"
        state.context_info.locale = "sq-AL"
        start = time.perf_counter()
        try:
            self.ws.send_binary(msg.SerializeToString())
        except (websocket.WebSocketException, OSError) as exc:
            raise ProtocolError(f"stream closed: {exc!r}") from exc
        run = Run(query_string=self.query_string)
        while True:
            try:
                data = self.ws.recv()
            except (websocket.WebSocketException, OSError) as exc:
                raise ProtocolError(f"stream closed: {exc!r}") from exc
            if not data:
                raise ProtocolError("stream closed by the server")
            run.messages += 1
            run.bytes += len(data)
            fwd = ForwardMsg.FromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.session_id = fwd.new_session.initialize.session_id or self.session_id
            elif kind == "page_info_changed":
                self.query_string = run.query_string = fwd.page_info_changed.query_string
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                self._note(fwd.delta.new_element, run)
            elif kind == "script_finished" and fwd.script_finished != RERUN_EARLY:
                break
        run.seconds = time.perf_counter() - start
        self.last = run
        if run.exceptions:
            raise ProtocolError("the script raised: " + " | ".join(run.exceptions))
        return run

    def download_url(self, download: str) -> str:
        """The /media/… URL of a download: a deferred one is made on request, as the browser asks on a click.

        The file then lives in the memory of the replica that made it, so its URL must reach that replica.
        """
        if download.startswith("/"):
            return download
        msg = BackMsg()
        request = msg.backend_operation_request
        request.request_id = uuid.uuid4().hex
        request.session_id = self.session_id
        request.deferred_file.file_id = download
        self.ws.send_binary(msg.SerializeToString())
        while True:
            fwd = ForwardMsg.FromString(self.ws.recv())
            if fwd.WhichOneof("type") == "backend_operation_response" and fwd.backend_operation_response.request_id == request.request_id:
                response = fwd.backend_operation_response
                if response.error_msg:
                    raise ProtocolError(f"no file for {download}: {response.error_msg}")
                return response.deferred_file.url

    @staticmethod
    def _note(element, run: Run) -> None:
        kind = element.WhichOneof("type")
        run.elements.append(kind)
        if kind == "heading":
            run.headings.append(element.heading.body)
        elif kind == "component_instance":
            run.components[element.component_instance.component_name] = element.component_instance
        elif kind == "selectbox":
            run.selectboxes[_user_key(element.selectbox.id)] = element.selectbox
        elif kind == "download_button":
            run.downloads.append(element.download_button.url or element.download_button.deferred_file_id)
        elif kind == "exception":
            run.exceptions.append(f"{element.exception.type}: {element.exception.message}")


def open_map(session: Session, query_string: str = "lang=en") -> tuple[Run, Run]:
    """A first visit of the map page as a browser makes it: the page, then the map reports itself drawn."""
    first = session.open("map", query_string)
    if FOLIUM not in first.components:
        raise ProtocolError(f"no map component on the map page: {sorted(set(first.elements))}")
    session.set_component(first, FOLIUM, FOLIUM_DRAWN)
    return first, session.rerun()
