"""Open a page through app.py (so navigation and the shared frame run) with URL parameters."""

import functools

import streamlit.testing.v1.app_test as app_test_module
from streamlit.components.v2 import manifest_scanner
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


class _NavigationPagesManager(PagesManager):
    """AppTest re-detects the `pages/` folder on every run and would then run a page without app.py.

    The app always uses st.navigation (as `python -m lnb_dash.ui.serve` declares), so do the same here.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


app_test_module.PagesManager = _NavigationPagesManager
# Every new AppTest scans the metadata of all installed packages (~500) for Streamlit components: a third of a warm
# page run's CPU. The installed packages do not change while the tests run, so scan once per process.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


def open_page(page: str, map_drawn: bool = True, **params) -> AppTest:
    """Run a page as a browser would; on the map page the browser then reports the map drawn (unless
    ``map_drawn=False``), which reruns the page with the ranking, table and downloads."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page(f"pages/{page}.py")
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page == "map" and map_drawn:
        at.session_state["map.folium.drawn"] = True
        at.run()
    assert not at.exception, f"{page} {params} raised: {[e.message for e in at.exception]}"
    return at


def texts(at: AppTest) -> str:
    """All visible text of the run, to look for a label or a number."""
    parts = [e.value for e in at.title] + [e.value for e in at.header] + [e.value for e in at.markdown] + [e.value for e in at.caption]
    return "\n".join(str(p) for p in parts)
