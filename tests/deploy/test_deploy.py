"""Replicas behind nginx: the generated config, sticky sessions and downloads, and the faults a viewer survives.

Short versions of what ``make load`` measures at scale (bench/load.py): a dozen protocol-level viewers
(bench/stclient.py), each a websocket session as the browser opens it.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from bench.stclient import FOLIUM, ProtocolError, Session, open_map
from lnb_dash.ops import deploy, front_page
from tests.conftest import ROOT

VIEWERS = 12


def viewers(url: str, n: int = VIEWERS, query_string: str = "lang=en") -> list[tuple[Session, object]]:
    def one(_):
        session = Session(url)
        return session, open_map(session, query_string)[1]

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def media_status(session: Session, url: str) -> int:
    request = urllib.request.Request(session.base_url + url, headers=session._headers())
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def rerun_or_reconnect(session: Session, timeout: float = 30):
    """What the browser does when its stream dropped: reconnect with its session id and rerun its page."""
    try:
        return session.rerun(), False
    except ProtocolError:
        deadline = time.monotonic() + timeout
        while True:
            try:
                session.connect()
                return session.rerun(), True
            except ProtocolError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)


def wait_for(condition, timeout: float = 60) -> None:
    """Poll ``condition`` until it holds: a state to wait for, not a fixed sleep."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not reached within {timeout} s"
        time.sleep(0.05)


def test_each_viewer_keeps_one_replica_for_its_stream_and_its_downloads(cluster):
    sessions = viewers(cluster.url)
    for session, run in sessions:
        assert "Map" in run.headings and FOLIUM in run.components and run.downloads
        url = session.download_url(run.downloads[0])
        assert url.startswith("/media/") and media_status(session, url) == 200
        session.close()
    routes = {}
    for line in (cluster.run_dir / "access.log").read_text().splitlines():
        upstream, uid = line.rsplit(" ", 2)[-2:]
        if "lnb_route=" in uid and upstream != "-":
            routes.setdefault(uid, set()).add(upstream)
    assert len(routes) >= VIEWERS and all(len(upstreams) == 1 for upstreams in routes.values())  # page, stream and file alike
    assert len(set().union(*routes.values())) == 2
    gzip = urllib.request.Request(cluster.url + "/app/static/" + next(p.relative_to(deploy.config.ROOT / "static").as_posix()
                                  for p in (deploy.config.ROOT / "static" / "geo").glob("municipalities*.json")),
                                  headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(gzip) as response:
        assert response.headers["Content-Encoding"] == "gzip"


def test_viewers_reconnect_after_nginx_restarts(cluster):
    sessions = viewers(cluster.url, 6)
    cluster.restart_nginx()
    for session, before in sessions:
        after, reconnected = rerun_or_reconnect(session)
        assert reconnected and after.headings == before.headings and FOLIUM in after.components
        session.close()


@pytest.mark.slow
def test_an_import_during_load_lands_once_and_every_replica_shows_it(cluster, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("municipality,year,value\nTirana,2020,10\nKorçë,2020,20\nVlorë,2020,7\n", encoding="utf-8")
    meta = {"source": {"id": "load_import", "title": "Synthetic test table", "publisher": "Test suite", "license": "CC0-1.0",
                       "reference_date": "2020"},
            "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
                          "name": {"sq": "Provë ngarkimi", "en": "Load test count"}, "unit": {"sq": "persona", "en": "persons"},
                          "definition": {"sq": "Vetëm për teste.", "en": "Test only."}}}
    (tmp_path / "meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    errors, reruns, stop = [], [0], threading.Event()

    def reader():
        session = Session(cluster.url)
        try:
            open_map(session)
            while not stop.is_set():
                session.rerun()
                reruns[0] += 1
        except Exception as exc:  # a reader error is what this test looks for
            errors.append(repr(exc))
        finally:
            session.close()

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    wait_for(lambda: reruns[0] >= len(threads))  # the readers are rerunning the map when the import starts
    done = subprocess.run([sys.executable, "-m", "lnb_dash", "--data-dir", str(cluster.data_dir), "--db", str(cluster.db_path), "import",
                           str(table), "--indicator", "load_test_count", "--meta", str(tmp_path / "meta.yml")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    after = reruns[0]
    wait_for(lambda: reruns[0] >= after + 2 * len(threads))  # the readers rerun on the new file (each run checks it first)
    stop.set()
    for t in threads:
        t.join(60)
    assert done.returncode == 0, done.stderr
    assert errors == [] and reruns[0] > 0
    assert [p.name for p in (cluster.data_dir / "sources").iterdir() if p.name.startswith("load_import")] == ["load_import"]
    for node in cluster.nodes:
        session = Session(node.url)
        drawn = open_map(session)[1]
        assert any("Load test count" in option for option in drawn.selectboxes["map.indicator"].options), node.url
        session.close()


@pytest.mark.slow
def test_viewers_of_a_killed_replica_get_their_page_back_on_another(cluster):
    sessions = viewers(cluster.url, VIEWERS, "indicator=parl_turnout&year=2017&lang=en")
    cluster.kill_replica(0)
    try:
        outcomes = [(session, before, *rerun_or_reconnect(session)) for session, before in sessions]
        moved = [o for o in outcomes if o[3]]
        stayed = [o for o in outcomes if not o[3]]
        assert moved and stayed, "the viewers should have been spread over both replicas"
        for session, before, after, _ in outcomes:
            assert after.headings[:2] == before.headings[:2] and FOLIUM in after.components
            assert "parl_turnout" in session.query_string
            session.close()
    finally:
        cluster.start_replica(0)
        cluster.wait_healthy(120, [0])


def test_compose_runs_the_replicas_on_one_data_volume_behind_the_generated_proxy():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    replicas = [name for name, s in services.items() if name != "nginx"]
    assert len(replicas) >= 2 and all(services[r]["volumes"] == ["lnb-data:/data"] for r in replicas)
    command = services["nginx"]["command"]
    assert command[:4] == ["python", "-m", "lnb_dash.ops.deploy", "proxy"]
    assert [command[i + 1] for i, a in enumerate(command) if a == "--upstream"] == [f"{r}:8501" for r in replicas]
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "LNB_DB_PATH=/data/lnb.duckdb" in dockerfile and "USER lnb" in dockerfile
    # nginx's container serves /static/ from the served copy (subset fonts, gzip copies): the image carries it.
    assert "front_page.install_front_page(" in dockerfile and "chown -R lnb /app/front" in dockerfile


def test_nginx_serves_the_subset_fonts_and_the_bundle_from_gzip_copies_made_once(cluster):
    """Behind nginx a first visit gets the same small fonts and gzip-9 copies as ``make run`` (issue 22), with no
    compressing per request, and the stylesheet that names the fonts is revalidated, not kept for a year."""
    import gzip
    import re

    index = urllib.request.urlopen(cluster.url + "/", timeout=30).read().decode()
    bundle = "/" + re.search(r'src="\./(static/js/index\.[^"]+\.js)"', index).group(1)
    stylesheet = "/" + re.search(r'href="\./(static/css/index\.[^"]+\.css)"', index).group(1)
    plain = urllib.request.urlopen(cluster.url + bundle, timeout=30).read()
    with urllib.request.urlopen(urllib.request.Request(cluster.url + bundle, headers={"Accept-Encoding": "gzip"}), timeout=30) as response:
        packed = response.read()
        assert response.headers["Content-Encoding"] == "gzip" and "immutable" in response.headers["Cache-Control"]
        assert packed == (front_page.FRONT_DIR / f"{bundle[1:]}.gz").read_bytes(), "the copy made at start, as it is"
    assert gzip.decompress(packed) == plain
    with urllib.request.urlopen(urllib.request.Request(cluster.url + stylesheet, headers={"Accept-Encoding": "gzip"}), timeout=30) as response:
        css = gzip.decompress(response.read()).decode()
        assert response.headers["Cache-Control"] == "no-cache" and response.headers["ETag"]
    icons = re.search(r"\.\./(fonts/MaterialSymbols-Rounded\.lnb-[0-9a-f]+\.woff2)", css).group(1)
    with urllib.request.urlopen(cluster.url + "/static/" + icons, timeout=30) as response:
        assert len(response.read()) < 20_000 and "immutable" in response.headers["Cache-Control"]
