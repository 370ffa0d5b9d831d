"""Start the dashboard: ``python -m lnb_dash.ui.serve [streamlit options]`` (what ``make run`` does).

Streamlit treats an app with a ``pages/`` folder as a v1 multipage app until some session has
called ``st.navigation``; until then a deep link such as ``/profile?m=AL343`` would run the page
without ``app.py`` (no language switch, no shared frame). The app always uses ``st.navigation``,
so we say so before the server starts.

An import by another process (``python -m lnb_dash import``, another replica's upload page) shows on the next
page load: every run checks the database file first (:func:`lnb_dash.ui.cached.drop_if_rebuilt`).
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from lnb_dash import config
from lnb_dash.ops import assets


def main(argv: list[str]) -> int:
    PagesManager.uses_pages_directory = False
    assets.install_static_assets()  # before the server starts, so /app/static exists from the first request
    sys.argv = ["streamlit", "run", str(config.ROOT / "app.py"), *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
