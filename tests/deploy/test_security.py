"""nginx in front of the replicas, as an attacker or a newcomer meets it: it serves a clone in a private (0700) folder
when started as root, sends the security headers on every response, and limits uploads and new websockets per client.

These start nginx alone in front of a stub upstream (a few lines of http.server), so exhausting a rate limit here
never slows the shared cluster of tests/deploy.
"""

from __future__ import annotations

import http.server
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lnb_dash.ops import deploy
from tests.deploy.cluster import require_nginx
from tests.serving import free_port


class Stub(http.server.BaseHTTPRequestHandler):
    def _ok(self):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_GET = do_PUT = _ok

    def log_message(self, *args):
        pass


@pytest.fixture
def stub():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


# The TLS test's own self-signed certificate is not checked.
SELF_SIGNED = ssl._create_unverified_context()


def start_nginx(run_dir, upstream, **kwargs):
    """nginx in front of ``upstream`` on a free port (over TLS with ``tls_cert`` and ``tls_key``), once it answers."""
    port = free_port()
    conf = deploy.write_conf(run_dir, [upstream], f"127.0.0.1:{port}", **kwargs)
    process = subprocess.Popen([deploy.NGINX, *deploy._paths(conf), "-g", "daemon off;"], stderr=subprocess.PIPE)
    url = f"{'https' if kwargs.get('tls_cert') else 'http'}://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/_replica/0/health", timeout=1, context=SELF_SIGNED)
            break
        except OSError:
            time.sleep(0.05)
    return process, url


def status(url: str, method: str = "GET") -> tuple[int, dict]:
    request = urllib.request.Request(url, method=method, data=b"x" if method == "PUT" else None)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers)
    except urllib.error.URLError:
        return 0, {}


@pytest.fixture
def private_clone():
    """A folder only its owner may enter (``mktemp -d``, mode 0700), holding Streamlit's bundle and the app's static
    files, as a clone in root's home is."""
    private = Path(tempfile.mkdtemp(prefix="lnb-private-"))
    (private / "st" / "static" / "js").mkdir(parents=True)
    (private / "st" / "static" / "js" / "index.abc.js").write_text("console.log(1)", encoding="utf-8")
    (private / "app").mkdir()
    (private / "app" / "leaflet.css").write_text("body{}", encoding="utf-8")
    assert private.stat().st_mode & 0o777 == 0o700
    yield private
    shutil.rmtree(private, ignore_errors=True)


def test_nginx_started_by_anyone_serves_a_clone_in_a_private_folder(private_clone, stub):
    require_nginx()
    process, url = start_nginx(private_clone / "run", stub, static_dir=private_clone / "st", app_static_dir=private_clone / "app")
    try:
        assert status(url + "/static/js/index.abc.js")[0] == 200
        assert status(url + "/app/static/leaflet.css")[0] == 200
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to start nginx as another user")
def test_nginx_started_by_a_normal_user_serves_its_own_private_clone(private_clone, stub, monkeypatch):
    require_nginx()
    nobody = pwd.getpwnam("nobody")
    monkeypatch.setattr(deploy.os, "geteuid", lambda: nobody.pw_uid)  # the config as nobody would generate it
    port = free_port()
    conf = deploy.write_conf(private_clone / "run", [stub], f"127.0.0.1:{port}", static_dir=private_clone / "st",
                             app_static_dir=private_clone / "app")
    assert "user " not in conf.read_text().split("worker_processes")[0]  # an unprivileged master runs its workers as itself
    subprocess.run(["chown", "-R", f"{nobody.pw_uid}:{nobody.pw_gid}", str(private_clone)], check=True)
    as_nobody = ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups"]
    process = subprocess.Popen([*as_nobody, deploy.NGINX, *deploy._paths(conf), "-g", "daemon off;"])
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if process.poll() is not None or status(url + "/static/js/index.abc.js")[0] == 200:
                break
            time.sleep(0.05)
        assert status(url + "/static/js/index.abc.js")[0] == 200
    finally:
        process.terminate()
        process.wait(10)


def test_every_response_carries_the_security_headers_and_embeds_may_be_framed_by_the_configured_sites(tmp_path, stub):
    require_nginx()
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "x.css").write_text("body{}", encoding="utf-8")
    process, url = start_nginx(tmp_path / "run", stub, app_static_dir=tmp_path / "app", frame_ancestors="https://news.example.org")
    try:
        for path in ("/map?indicator=population", "/app/static/x.css", "/static/index.html", "/app/static/missing.css"):
            _, headers = status(url + path)
            assert headers["X-Content-Type-Options"] == "nosniff", path
            assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
            policy = headers["Content-Security-Policy"]
            assert "default-src 'self'" in policy and "script-src 'self' 'sha256-" in policy and "unsafe-inline'; style" not in policy
            assert policy.endswith("frame-ancestors 'self'"), path
            assert "Strict-Transport-Security" not in headers  # no TLS here
        embed = status(url + "/map?indicator=population&embed=true")[1]["Content-Security-Policy"]
        assert embed.endswith("frame-ancestors 'self' https://news.example.org")
    finally:
        process.terminate()
        process.wait(10)


def test_hsts_and_http2_only_when_nginx_terminates_tls(tmp_path, stub):
    """Over TLS a browser gets HTTP/2 (the security headers of a first visit's ~140 responses sent compressed) and HSTS;
    a client that speaks only HTTP/1.1 is served too."""
    require_nginx()
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    assert "Strict-Transport-Security" not in deploy.nginx_conf(tmp_path, ["127.0.0.1:9001"], "127.0.0.1:9000")
    process, url = start_nginx(tmp_path / "run", stub, tls_cert=cert, tls_key=key)
    try:
        assert (tmp_path / "run" / "nginx.conf").read_text().count("Strict-Transport-Security") == 6  # each location, /static/css/ too
        with urllib.request.urlopen(url + "/", timeout=10, context=SELF_SIGNED) as response:
            assert response.status == 200 and response.headers["Strict-Transport-Security"] == "max-age=31536000"
        browser_like = ssl._create_unverified_context()
        browser_like.set_alpn_protocols(["h2", "http/1.1"])
        with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=5) as raw, browser_like.wrap_socket(raw) as tls:
            assert tls.selected_alpn_protocol() == "h2", "a browser gets HTTP/2"
    finally:
        process.terminate()
        process.wait(10)


def test_uploads_and_new_websockets_are_limited_per_client_but_an_office_can_open_the_page_at_once(tmp_path, stub):
    require_nginx()
    process, url = start_nginx(tmp_path / "run", stub)
    try:
        with ThreadPoolExecutor(8) as pool:
            uploads = list(pool.map(lambda _: status(url + "/_stcore/upload_file/s/f", "PUT")[0], range(20)))
            streams = list(pool.map(lambda _: status(url + "/_stcore/stream")[0], range(deploy.STREAM_BURST + 20)))
        assert uploads.count(200) == deploy.UPLOAD_BURST + 1 and uploads.count(429) == 20 - deploy.UPLOAD_BURST - 1
        assert streams.count(200) >= deploy.STREAM_BURST and 429 in streams  # 120 viewers at once pass; a flood does not
        assert status(url + "/map")[0] == 200  # pages themselves are not limited
    finally:
        process.terminate()
        process.wait(10)


def test_rate_limits_can_be_turned_off_for_the_load_test(tmp_path, stub, monkeypatch):
    require_nginx()
    monkeypatch.setattr(deploy, "RATE_LIMITS", False)
    process, url = start_nginx(tmp_path / "run", stub)
    try:
        with ThreadPoolExecutor(8) as pool:
            uploads = list(pool.map(lambda _: status(url + "/_stcore/upload_file/s/f", "PUT")[0], range(20)))
        assert uploads == [200] * 20
    finally:
        process.terminate()
        process.wait(10)
