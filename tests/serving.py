"""Starting a dashboard server for a test: a free port, then waiting for Streamlit's health check (shared by the
browser fixtures and the installed-package test), and the map classes a build keeps beside its database."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from lnb_dash import config
from lnb_dash.model.classify import bins_file


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, tries: int = 120) -> bool:
    """Whether the server at ``url`` answered its health check before ``process`` exited or ~60 s passed."""
    for _ in range(tries):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return True
        except OSError:
            if process.poll() is not None:
                return False
            time.sleep(0.5)
    return False


def keep_map_classes(db_path: Path) -> None:
    """Put the map classes beside ``db_path`` as `lnb-dash build` does, so the suite's servers and pages draw maps as a
    deployment does, without loading mapclassify (about 1 CPU-s a process). The memo is keyed by the values themselves,
    so the repository build's file (`make test` builds it first) is right for any database; without it, classify here."""
    if bins_file(config.DB_PATH).exists():
        shutil.copyfile(bins_file(config.DB_PATH), bins_file(db_path))
    else:
        from lnb_dash.cli import keep_map_classes as classify_every_view

        classify_every_view(db_path)
