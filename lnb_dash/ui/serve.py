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
import re
import sys
from pathlib import Path

from streamlit import file_util
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from lnb_dash import config
from lnb_dash.ops import assets, front_page
from lnb_dash.ops.files import write_atomically

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
            write_atomically(root / source.relative_to(shipped), source.read_bytes())


def serve_front_page() -> None:
    """Streamlit's front page with the dashboard's first words (lnb_dash.ops.front_page), and its bundle compressed.

    Streamlit's static route reads the folder from ``file_util.get_static_dir`` when the server starts, so the server
    is pointed at the changed copy; the route's handler is wrapped so a browser that accepts gzip gets each bundle file
    from a gzip copy made once (nginx does the same from disk when deployed). The stylesheets rewritten under
    Streamlit's names are revalidated (``no-cache`` and their ETag), not kept for a year like the hash-named files.
    Components' files (the map's and the search box's frames) come compressed too (:func:`_packed_components`).
    """
    from streamlit.web.server.starlette import starlette_app
    from streamlit.web.server.starlette import starlette_static_routes as routes

    front = front_page.install_front_page(Path(file_util.get_static_dir()), assets.STATIC_DIR)
    file_util.get_static_dir = lambda: str(front)
    routes.create_streamlit_static_handler = _serving_gzip(routes.create_streamlit_static_handler, front / ".gzip",
                                                           set(front_page.rewritten_stylesheets(front)))
    starlette_app.create_component_routes = _packed_components(starlette_app.create_component_routes, front / ".gzip")


def _serving_gzip(create_handler, cache_dir: Path, revalidated: set[str] = frozenset()):
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
            if relative in revalidated:
                response.headers["Cache-Control"] = "no-cache"
            packed = await anyio.to_thread.run_sync(front_page.gzipped, Path(response.path), relative, cache_dir)
            if packed is None:
                return response
            dropped = ("content-length",) if relative in revalidated else ("content-length", "etag", "last-modified")
            headers = {k: v for k, v in response.headers.items() if k.lower() not in dropped}
            return FileResponse(packed, media_type=response.media_type,
                                headers={**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})

        files.get_response = get_response
        return files

    return create


# A webpack or Vite bundle file's name carries a hash of its content (main.540e12aa.js, index.C1JORDN2.css).
HASHED_NAME = re.compile(r"[.-][0-9A-Za-z_-]{8,}\.(?:js|css|woff2?|png|svg)$")


def _packed_components(create_routes, cache_dir: Path):
    """Streamlit's component route with each file compressed once (it reads and gzips the whole file per request) and
    cacheable: a hash-named file for a year, any other (``bootstrap.min.css``) revalidated by its ETag; the frame's
    ``index.html`` as Streamlit serves it."""
    import anyio
    from starlette.responses import FileResponse, Response
    from starlette.routing import Route
    from streamlit.web.server.component_file_utils import build_safe_abspath

    def create(component_registry, base_url: str | None):
        routes = create_routes(component_registry, base_url)
        plain = routes[0].endpoint

        async def get(request):
            response = await plain(request)
            name, _, filename = request.path_params["path"].partition("/")
            root = component_registry.get_component_path(name)
            source = build_safe_abspath(root, filename) if root and filename else None
            if response.status_code != 200 or source is None or filename.endswith(".html"):
                return response
            headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "cache-control")}
            if HASHED_NAME.search(filename):
                headers["Cache-Control"] = "public, max-age=31536000, immutable"
            else:
                stat = os.stat(source)
                headers["Cache-Control"] = "no-cache"
                headers["ETag"] = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
                if request.headers.get("if-none-match") == headers["ETag"]:
                    return Response(status_code=304, headers={"ETag": headers["ETag"], "Cache-Control": "no-cache"})
            accepts = "gzip" in request.headers.get("accept-encoding", "")
            packed = accepts and await anyio.to_thread.run_sync(front_page.gzipped, Path(source), f"component/{name}/{filename}", cache_dir)
            if not packed:
                return Response(response.body, headers=headers, media_type=response.media_type)
            return FileResponse(packed, media_type=response.media_type,
                                headers={**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})

        routes[0] = Route(routes[0].path, get, methods=["GET"])
        return routes

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
