"""N Streamlit replicas behind Debian's nginx, unprivileged, from a config generated into a run directory.

``python -m lnb_dash.ops.deploy serve --replicas N --port 8080`` (``make serve``) starts N replicas on loopback
ports and nginx in front of them, restarts a replica that dies, and stops everything on Ctrl+C or SIGTERM.
``config`` writes the nginx config only (CI runs ``nginx -t`` on it); ``proxy`` runs nginx alone in front of
replicas elsewhere (the compose file's nginx service).

Why the routing is a cookie: Streamlit keeps a session, and the files it offers for download (``/media/…``),
in the memory of the process that made them, so a viewer's websocket and downloads must reach the same
process. Streamlit sets no session cookie, and hashing the client address (``ip_hash``) would send every
viewer behind one NAT (a ministry, a municipality's office) to one replica. nginx's userid module gives each
browser a random cookie on its first response; requests are hashed on it (``hash … consistent``). The first
request of a browser carries no cookie yet: it is the page's HTML, identical on every replica, and is hashed
on the cookie being set in the same response, so it lands where the rest will. When a replica is down nginx
moves its keys to the next replica on the hash ring (the same one for every request of a key, so a session
and its downloads still meet), and the browser's websocket reconnects there and reruns its page.
"""

from __future__ import annotations

import argparse
import base64
import grp
import hashlib
import importlib.util
import os
import pwd
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from lnb_dash import config
from lnb_dash.ops import front_page, page_scripts

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
ROUTE_COOKIE = "lnb_route"
HEALTH = "/_stcore/health"
# Streamlit runs each script in its own thread and glibc gives threads their own malloc arenas; two arenas kept a
# replica at 120 held sessions 17 MB smaller (530 against 547 MB, bench/load.py's journey).
MALLOC_ARENAS = "2"
# Sites allowed to frame the embed pages (?embed=true), space-separated origins; every other page only frames itself.
FRAME_ANCESTORS = os.environ.get("LNB_FRAME_ANCESTORS", "")
# Per client address: new websocket connections (one per page load or reconnect) 2 a second with bursts of 120, so a
# whole office behind one address can open the dashboard at once; uploads 10 a minute with bursts of 10.
STREAM_RATE, STREAM_BURST = "2r/s", 120
UPLOAD_RATE, UPLOAD_BURST = "10r/m", 10
# LNB_RATE_LIMITS=0 turns both off (make load: hundreds of simulated viewers come from one address).
RATE_LIMITS = os.environ.get("LNB_RATE_LIMITS", "1") != "0"


def user_directive() -> str:
    """Workers as the user who started nginx: as root, nginx would otherwise drop to ``nobody``, which cannot read a
    clone in a private (0700) directory; an unprivileged master runs its workers as itself and takes no ``user``."""
    if os.geteuid() != 0:
        return ""
    return f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};\n"


def inline_script_hashes(static_dir: Path) -> list[str]:
    """CSP hashes of the inline scripts in Streamlit's index.html (one line that sets ``window.prerenderReady``), so
    the policy allows exactly them and no other inline script."""
    index = static_dir / "index.html"
    html = index.read_text(encoding="utf-8") if index.is_file() else ""
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts]


def content_security_policy() -> str:
    """Everything from this server: Streamlit's bundle, the app's static files, the map's data and its frames.

    Streamlit's React styles are inline (emotion), hence ``'unsafe-inline'`` for styles; ``$script_src`` depends on
    the path (see :func:`script_sources`)."""
    return ("default-src 'self'; script-src $script_src; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            "font-src 'self' data:; connect-src 'self'; frame-src 'self'; worker-src 'self' blob:; object-src 'none'; "
            "base-uri 'self'; form-action 'self'; frame-ancestors $frame_ancestors")


def script_sources(static_dir: Path) -> tuple[str, str]:
    """Scripts allowed on the pages, and inside components' frames (``/component/…``).

    The pages run no inline script but Streamlit's own line and the app's fixed scripts (lnb_dash.ops.page_scripts),
    each allowed by its hash, and no ``eval`` (Vega draws the
    charts without it). streamlit-folium runs each map's Leaflet code as an inline script in
    its own frame, a different text for every map, so that frame needs ``'unsafe-inline'``: the map's text from data
    is escaped before it gets there (tests/browser/test_safe_rendering.py)."""
    page = " ".join(["'self'", *inline_script_hashes(static_dir), *map(page_scripts.sha256_source, page_scripts.ALL)])
    return page, "'self' 'unsafe-inline' 'unsafe-eval'"


def streamlit_static_dir() -> Path:
    """Streamlit's front-end bundle (hashed file names under ``static/``), served by nginx from disk.

    Found without importing Streamlit (lnb_dash imports it only in lnb_dash/ui/).
    """
    return Path(importlib.util.find_spec("streamlit").submodule_search_locations[0]) / "static"


# Every location that reaches the replicas; {headers} are the security headers.
PROXY = """proxy_pass http://replicas;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_buffering off;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            {headers}"""


def nginx_conf(run_dir: Path, upstreams: list[str], listen: str = "127.0.0.1:8080", *, static_dir: Path | None = None,
               app_static_dir: Path | None = None, worker_processes: int | str = "auto", frame_ancestors: str | None = None,
               tls_cert: Path | None = None, tls_key: Path | None = None) -> str:
    """The nginx config: everything (pid, logs, temp files) under ``run_dir``, so it runs as any user.

    Every response carries the security headers; HSTS only when nginx terminates TLS itself (``tls_cert``, ``tls_key``),
    and then over HTTP/2 too: a first visit's ~140 responses repeat those headers (~600 bytes each over HTTP/1.1), which
    HTTP/2's header compression sends once; the websocket stays HTTP/1.1 (nginx does not carry it over HTTP/2).
    """
    static_dir = static_dir or front_page.FRONT_DIR
    app_static_dir = app_static_dir or config.ROOT / "static"
    files = min(resource.getrlimit(resource.RLIMIT_NOFILE)[1], 16384)  # each websocket holds two descriptors
    servers = "\n".join(f"        server {u} max_fails=1 fail_timeout=5s;" for u in upstreams)
    health = "\n".join(f"        location = /_replica/{i}/health {{ proxy_pass http://{u}{HEALTH}; }}" for i, u in enumerate(upstreams))
    run = run_dir.resolve()
    ancestors = " ".join(["'self'", *(frame_ancestors if frame_ancestors is not None else FRAME_ANCESTORS).split()])
    tls = f"\n        ssl_certificate {tls_cert};\n        ssl_certificate_key {tls_key};" if tls_cert else ""
    hsts = '\n        add_header Strict-Transport-Security "max-age=31536000" always;' if tls_cert else ""
    # add_header in a location replaces the server's, so every location includes the same set.
    page_scripts, component_scripts = script_sources(static_dir)
    headers = f"""add_header Content-Security-Policy "{content_security_policy()}" always;
        add_header X-Content-Type-Options nosniff always;
        add_header Referrer-Policy strict-origin-when-cross-origin always;{hsts}"""
    proxy = PROXY.format(headers=headers)
    return f"""# Generated by python -m lnb_dash.ops.deploy; do not edit (regenerated at every start).
{user_directive()}worker_processes {worker_processes};
worker_rlimit_nofile {files};
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections {files // 2}; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    # Which replica served each request, and for which routing cookie ($uid_got on later requests, $uid_set on the first).
    log_format routed '$remote_addr [$time_local] "$request" $status $upstream_addr $uid_got$uid_set';
    access_log {run}/access.log routed;
    client_body_temp_path {run}/client_body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    sendfile on;
    client_max_body_size 25m;  # uploads up to the importer's 20 MB limit

    gzip on;
    gzip_comp_level 5;
    gzip_min_length 1024;
    gzip_proxied any;
    gzip_vary on;
    gzip_types text/css application/javascript text/javascript application/json image/svg+xml application/geo+json text/plain;

    # One random cookie per browser (userid module); the first response sets it.
    userid on;
    userid_name {ROUTE_COOKIE};
    userid_path /;
    userid_expires 30d;
    # "lnb_route=<id>" from the request's cookie, or from the cookie this response sets (the same text either way).
    map $uid_got $route_key {{
        "" $uid_set;
        default $uid_got;
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" close;
    }}
    # Embeds (Streamlit's ?embed=true) may be framed by the configured sites; every other page by this site only.
    map $arg_embed $frame_ancestors {{
        "true" "{ancestors}";
        default "'self'";
    }}
    map $uri $script_src {{
        ~^/component/ "{component_scripts}";
        default "{page_scripts}";
    }}
    # Requests with an empty key are not limited.
    map $binary_remote_addr $limit_key {{
        default {"$binary_remote_addr" if RATE_LIMITS else '""'};
    }}
    limit_req_zone $limit_key zone=lnb_stream:10m rate={STREAM_RATE};
    limit_req_zone $limit_key zone=lnb_upload:10m rate={UPLOAD_RATE};
    limit_req_status 429;

    upstream replicas {{
        hash $route_key consistent;
{servers}
    }}

    server {{
        listen {listen}{" ssl http2" if tls_cert else ""};{tls}
        # The front end's own bundle (the served copy with the subset fonts, lnb_dash.ops.front_page) and the app's
        # static files (Leaflet, boundaries) straight from disk.
        # Scripts and stylesheets come from the gzip copies made beside them at start (gzip_static), not compressed per request.
        location /static/ {{
            alias {static_dir}/static/;
            gzip_static on;
            add_header Cache-Control "public, max-age=31536000, immutable";  # file names carry a content hash
        {headers}
        }}
        # The stylesheets are served under Streamlit's names but rewritten (they name the subset fonts): revalidated.
        location /static/css/ {{
            alias {static_dir}/static/css/;
            gzip_static on;
            add_header Cache-Control "no-cache";
        {headers}
        }}
        location /app/static/ {{
            alias {app_static_dir}/;
            expires 1h;
        {headers}
        }}
        # Each replica's own health, for monitors: /_replica/0/health …
{health}
        # One websocket per page load (and reconnect), and the upload endpoint: limited per client address.
        location /_stcore/stream {{
            limit_req zone=lnb_stream burst={STREAM_BURST} nodelay;
            {proxy}
        }}
        location /_stcore/upload_file/ {{
            limit_req zone=lnb_upload burst={UPLOAD_BURST} nodelay;
            {proxy}
        }}
        location / {{
            {proxy}
        }}
    }}
}}
"""




def write_conf(run_dir: Path, upstreams: list[str], listen: str, **kwargs) -> Path:
    run_dir.mkdir(parents=True, exist_ok=True)
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / sub).mkdir(exist_ok=True)
    path = run_dir / "nginx.conf"
    path.write_text(nginx_conf(run_dir, upstreams, listen, **kwargs), encoding="utf-8")
    return path


def _paths(conf: Path) -> list[str]:
    """Prefix, config and error log in the run directory (``-e``: else nginx first opens /var/log/nginx/error.log)."""
    return ["-p", str(conf.parent), "-c", str(conf), "-e", str(conf.parent / "error.log")]


def nginx_test(conf: Path) -> subprocess.CompletedProcess:
    """``nginx -t`` on a generated config (run as any user: every path it writes is in the run directory)."""
    return subprocess.run([NGINX, "-t", *_paths(conf)], capture_output=True, text=True)


def _die_with_parent() -> None:
    """In the child: SIGTERM when the process that started it dies (even by SIGKILL), so no replica is orphaned."""
    import ctypes

    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def free_port(address: str = "127.0.0.1") -> int:
    import socket

    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]


def healthy(url: str, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read() == b"ok"
    except OSError:
        return False


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MB (VmRSS from /proc), or None when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time a process has used (from /proc), or None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Replica:
    port: int
    log: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Cluster:
    """N replicas and nginx on loopback ports, all children of this process; ``stop`` ends them all."""

    replicas: int
    port: int = 0
    run_dir: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    streamlit_args: list[str] = field(default_factory=list)
    nodes: list[Replica] = field(default_factory=list)
    nginx: subprocess.Popen | None = None

    def __post_init__(self) -> None:
        self.port = self.port or free_port()
        self.run_dir = Path(self.run_dir or tempfile.mkdtemp(prefix="lnb-serve-"))
        self.run_dir.mkdir(parents=True, exist_ok=True)
        # Shared by the replicas: XSRF tokens and sign-in cookies made by one are valid on the others.
        self.cookie_secret = os.environ.get("LNB_COOKIE_SECRET") or os.urandom(24).hex()
        self.nodes = [Replica(free_port(), self.run_dir / f"replica{i}.log") for i in range(self.replicas)]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> Cluster:
        from lnb_dash.ops import assets

        assets.install_static_assets()
        # The copy nginx serves /static/ from, written before nginx starts (each replica writes the same again).
        front_page.install_front_page(streamlit_static_dir(), assets.STATIC_DIR)
        for i in range(len(self.nodes)):
            self.start_replica(i)
        self.conf = write_conf(self.run_dir, [f"127.0.0.1:{n.port}" for n in self.nodes], f"127.0.0.1:{self.port}")
        checked = nginx_test(self.conf)
        if checked.returncode != 0:
            self.stop()
            raise RuntimeError(f"nginx -t failed:\n{checked.stderr}")
        self.start_nginx()
        self.wait_healthy(timeout)
        return self

    def start_replica(self, i: int) -> None:
        node = self.nodes[i]
        env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret, "MALLOC_ARENA_MAX": MALLOC_ARENAS, **self.env}
        log = node.log.open("ab")
        node.process = subprocess.Popen(
            [sys.executable, "-m", "lnb_dash.ui.serve", "--server.port", str(node.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", *self.streamlit_args],
            cwd=config.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_die_with_parent)
        log.close()

    def start_nginx(self) -> None:
        self.nginx = subprocess.Popen([NGINX, *_paths(self.conf), "-g", "daemon off;"],
                                      stdout=subprocess.DEVNULL, stderr=(self.run_dir / "nginx.out").open("ab"), start_new_session=True,
                                      preexec_fn=_die_with_parent)

    def wait_healthy(self, timeout: float = 120, nodes: list[int] | None = None) -> None:
        deadline = time.monotonic() + timeout
        pending = set(range(len(self.nodes)) if nodes is None else nodes)
        while pending and time.monotonic() < deadline:
            pending = {i for i in pending if not healthy(f"{self.url}/_replica/{i}/health")}
            if any(self.nodes[i].process.poll() is not None for i in pending):
                break
            if pending:
                time.sleep(0.3)
        if pending:
            logs = "\n".join(self.nodes[i].log.read_text(errors="replace")[-1500:] for i in pending)
            raise RuntimeError(f"replicas {sorted(pending)} not healthy (exited, or not within {timeout} s):\n{logs}")

    def kill_replica(self, i: int) -> None:
        """SIGKILL, as a crash or the kernel's OOM killer would."""
        self.nodes[i].process.kill()
        self.nodes[i].process.wait()

    def restart_nginx(self) -> None:
        """Stop nginx (its connections drop) and start it again on the same port."""
        self._end(self.nginx, signal.SIGTERM)
        self.start_nginx()
        deadline = time.monotonic() + 20
        while not healthy(f"{self.url}/_replica/0/health") and time.monotonic() < deadline:
            time.sleep(0.1)

    def cpu_seconds(self) -> list[float | None]:
        return [cpu_seconds(n.process.pid) if n.process and n.process.poll() is None else None for n in self.nodes]

    def rss_mb(self) -> list[float | None]:
        return [rss_mb(n.process.pid) if n.process and n.process.poll() is None else None for n in self.nodes]

    def watch(self, interval: float = 2.0) -> None:
        """Until SIGINT, SIGTERM or the end of the parent (make): restart a replica that exited, and nginx if it did."""
        stopping = []
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, lambda *_: stopping.append(True))
        parent = os.getppid()
        while not stopping and os.getppid() == parent:
            for i, node in enumerate(self.nodes):
                if node.process.poll() is not None:
                    print(f"replica {i} (port {node.port}) exited with {node.process.returncode}: restarting", flush=True)
                    self.start_replica(i)
            if self.nginx.poll() is not None:
                print("nginx exited: restarting", flush=True)
                self.start_nginx()
            time.sleep(interval)

    @staticmethod
    def _end(process: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 15) -> None:
        if process is None or process.poll() is not None:
            return
        process.send_signal(sig)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop(self) -> None:
        self._end(self.nginx, signal.SIGQUIT)  # graceful: finish the responses in flight
        for node in self.nodes:
            self._end(node.process)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lnb_dash.ops.deploy", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="N replicas and nginx on this machine, until Ctrl+C or SIGTERM")
    serve.add_argument("--replicas", type=int, default=os.cpu_count() or 1, help="number of Streamlit processes (default: cores)")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--run-dir", type=Path, help="where the nginx config, pid, logs and temp files go (default: a new temp dir)")
    conf = sub.add_parser("config", help="write the nginx config for upstreams HOST:PORT … and check it with nginx -t")
    proxy = sub.add_parser("proxy", help="write the config and run nginx in the foreground (containers)")
    for p in (conf, proxy):
        p.add_argument("--upstream", action="append", required=True, help="a replica HOST:PORT (repeat)")
        p.add_argument("--listen", default="127.0.0.1:8080")
        p.add_argument("--run-dir", type=Path, required=p is conf, default=Path(tempfile.gettempdir()) / "lnb-nginx")
        p.add_argument("--tls-cert", type=Path, help="nginx terminates TLS with this certificate (and sends HSTS)")
        p.add_argument("--tls-key", type=Path, help="the certificate's private key")
    args = parser.parse_args(argv)

    if args.command == "serve":
        cluster = Cluster(args.replicas, args.port, args.run_dir)
        print(f"==> Starting {args.replicas} replicas and nginx (run dir {cluster.run_dir})", flush=True)
        try:
            cluster.start()
            print(f"==> Serving on {cluster.url} (replicas on ports {', '.join(str(n.port) for n in cluster.nodes)}); Ctrl+C stops",
                  flush=True)
            cluster.watch()
        finally:
            cluster.stop()
            print("==> Stopped", flush=True)
        return 0
    path = write_conf(args.run_dir, args.upstream, args.listen, tls_cert=args.tls_cert, tls_key=args.tls_key)
    checked = nginx_test(path)
    if checked.returncode != 0:
        print(checked.stderr, file=sys.stderr)
        return 1
    if args.command == "config":
        print(path)
        return 0
    os.execv(NGINX, [NGINX, *_paths(path), "-g", "daemon off;"])


if __name__ == "__main__":
    sys.exit(main())
