"""Start the dashboard: ``python -m lnb_dash.ui.serve [streamlit options]`` (what ``make run`` and ``lnb-dash serve`` do).

Streamlit serves ``static/`` and reads ``.streamlit/`` (config, secrets) from beside the main script, the app folder
``config.ROOT``. In a checkout that is the repository; an installed package ships its app read-only, so the app, pages
and config are copied to a writable folder (``STATE_DIR/app``) at every start, next to the static files written there.

Streamlit treats an app with a ``pages/`` folder as a v1 multipage app until some session has
called ``st.navigation``; until then a deep link such as ``/profile?m=AL343`` would run the page
without ``app.py`` (no language switch, no shared frame). The app always uses ``st.navigation``,
so we say so before the server starts.

An import by another process (``python -m lnb_dash import``, another replica's upload page) shows on the next
page load: every run checks the database file first (:func:`lnb_dash.ui.cached.drop_if_rebuilt`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from streamlit import file_util
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from lnb_dash import config
from lnb_dash.ops import assets, front_page

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


def serve_front_page() -> None:
    """Streamlit's front page with the dashboard's first words (lnb_dash.ops.front_page): its static route reads the
    folder from ``file_util.get_static_dir`` when the server starts, so the server is pointed at the changed copy."""
    front = front_page.install_front_page(Path(file_util.get_static_dir()), assets.STATIC_DIR)
    file_util.get_static_dir = lambda: str(front)


def main(argv: list[str]) -> int:
    PagesManager.uses_pages_directory = False
    install_app()
    assets.install_static_assets()  # before the server starts, so /app/static exists from the first request
    serve_front_page()
    sys.argv = ["streamlit", "run", str(config.ROOT / "app.py"), *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
