"""Starting a dashboard server for a test: a free port, then waiting for Streamlit's health check (shared by the
browser fixtures and the installed-package test)."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request


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
