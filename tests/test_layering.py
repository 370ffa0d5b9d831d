"""lnb_dash (outside ui/) is plain Python: importable and testable without Streamlit."""

import subprocess
import sys

from tests.conftest import ROOT

MODULES = ["boundaries", "build", "caveats", "charts", "check", "classify", "cli", "db", "exports", "filters", "freshness", "i18n", "importer", "indicators", "locking",
           "maps", "names", "programme", "sources", "translations", "views"]


def test_logic_modules_do_not_import_streamlit():
    code = ("import sys; sys.modules['streamlit'] = None\n"
            + "\n".join(f"import lnb_dash.{m}" for m in MODULES))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
