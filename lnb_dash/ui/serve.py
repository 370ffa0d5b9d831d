"""Start the dashboard: ``python -m lnb_dash.ui.serve [streamlit options]`` (what ``make run`` and ``lnb-dash serve`` do).

Streamlit serves ``static/`` and reads ``.streamlit/`` (config, secrets) from beside the main script, the app folder
``config.ROOT``. In a checkout that is the repository; an installed package ships its app read-only, so the app, pages
and config are copied to a writable folder (``STATE_DIR/app``) at every start, next to the static files written there.

Streamlit treats an app with a ``pages/`` folder as a v1 multipage app until some session has
called ``st.navigation``; until then a deep link such as ``/profile?m=AL343`` would run the page
without ``app.py`` (no language switch, no shared frame). The app always uses ``st.navigation``,
so we say so before the server starts.

Another process (``python -m lnb_dash import``, another replica's upload page) may replace the database
file; a thread notices the new file and drops this process's cached connection and queries, so every
replica shows an import within a second or two.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from lnb_dash import config
from lnb_dash.ops import assets


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def watch_database(path: Path, interval: float = 1.0) -> threading.Thread:
    """A daemon thread that clears Streamlit's caches when ``path`` is replaced (a rebuild moves a new file in)."""

    from lnb_dash.ui.cached import clear_database_caches

    seen = _file_identity(path)

    def loop() -> None:
        nonlocal seen
        while True:
            time.sleep(interval)
            now = _file_identity(path)
            if now is not None and now != seen:
                clear_database_caches()  # the same caches as a page load's check drops; boundaries and static files stay
                seen = now

    thread = threading.Thread(target=loop, name="lnb-database-watch", daemon=True)
    thread.start()
    return thread


APP_FILES = ("app.py", "pages/*.py", ".streamlit/config.toml")


def install_app(shipped: Path = config.SHIPPED_DIR, root: Path = config.ROOT) -> None:
    """Copy the shipped app, pages and Streamlit config into ``root`` where they differ (nothing to do in a checkout).

    Each file is replaced in one step, so replicas starting together never read half a file; a ``secrets.toml``
    put beside the config stays.
    """
    if shipped.resolve() == root.resolve():
        return
    for pattern in APP_FILES:
        for source in shipped.glob(pattern):
            target = root / source.relative_to(shipped)
            data = source.read_bytes()
            if target.is_file() and target.read_bytes() == data:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(target)


def main(argv: list[str]) -> int:
    PagesManager.uses_pages_directory = False
    install_app()
    assets.install_static_assets()  # before the server starts, so /app/static exists from the first request
    watch_database(config.DB_PATH)
    sys.argv = ["streamlit", "run", str(config.ROOT / "app.py"), *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
