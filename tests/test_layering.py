"""The package's import rules hold for every module: the layers of pyproject.toml's [tool.importlinter], Streamlit only
in ui/, DuckDB only in query/ (and the build's writes in data/). A new module that breaks a rule fails here."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_import_contracts_hold_for_every_module():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "broken" not in result.stdout.lower().split("contracts:")[-1].split("\n")[0] or "0 broken" in result.stdout


def test_logic_modules_import_without_streamlit():
    """Every module outside ui/ imports with Streamlit absent: the command line and the tests need no Streamlit."""
    package = ROOT / "lnb_dash"
    modules = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
                     for p in package.rglob("*.py") if "ui" not in p.relative_to(package).parts and p.name != "__main__.py")
    code = "import sys; sys.modules['streamlit'] = None\n" + "\n".join(f"import {m}" for m in modules)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
