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
    """Streamlit's front page with the dashboard's first words (lnb_dash.ops.front_page), and its bundle compressed.

    Streamlit's static route reads the folder from ``file_util.get_static_dir`` when the server starts, so the server
    is pointed at the changed copy; the route's handler is wrapped so a browser that accepts gzip gets each bundle file
    from a gzip copy made once (nginx does the same from disk when deployed).
    """
    from streamlit.web.server.starlette import starlette_static_routes as routes

    front = front_page.install_front_page(Path(file_util.get_static_dir()), assets.STATIC_DIR)
    file_util.get_static_dir = lambda: str(front)
    routes.create_streamlit_static_handler = _serving_gzip(routes.create_streamlit_static_handler, front / ".gzip")


def _serving_gzip(create_handler, cache_dir: Path):
    import anyio
    from starlette.responses import FileResponse

    def create(directory: str, base_url: str | None):
        files = create_handler(directory=directory, base_url=base_url)
        plain = files.get_response

        async def get_response(path: str, scope):
            response = await plain(path, scope)
            accepts = any(k == b"accept-encoding" and b"gzip" in v for k, v in scope.get("headers", ()))
            if not (accepts and response.status_code == 200 and isinstance(response, FileResponse)):
                return response
            relative = path.replace("\\", "/").lstrip("/")
            packed = await anyio.to_thread.run_sync(front_page.gzipped, Path(response.path), relative, cache_dir)
            if packed is None:
                return response
            headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "etag", "last-modified")}
            return FileResponse(packed, media_type=response.media_type,
                                headers={**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})

        files.get_response = get_response
        return files

    return create


def main(argv: list[str]) -> int:
    PagesManager.uses_pages_directory = False
    install_app()
    assets.install_static_assets()  # before the server starts, so /app/static exists from the first request
    serve_front_page()
    sys.argv = ["streamlit", "run", str(config.ROOT / "app.py"), *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
