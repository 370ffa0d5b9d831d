"""Tests mirror the package: every module of lnb_dash that defines a function or class has its test file, so a
newcomer finds a concern's tests where its code is (lnb_dash/query/db.py → tests/query/test_db.py)."""

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "lnb_dash"


def expected_test_file(module: Path) -> Path:
    """lnb_dash/levels.py → tests/test_levels.py; lnb_dash/query/db.py → tests/query/test_db.py; a package's
    __init__.py → the test file named for the package (lnb_dash/i18n/__init__.py → tests/i18n/test_i18n.py)."""
    relative = module.relative_to(PACKAGE)
    name = relative.parent.name if relative.name == "__init__.py" else relative.stem
    return ROOT / "tests" / relative.parent / f"test_{name}.py"


def defines_code(module: Path) -> bool:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) for node in ast.walk(tree))


def test_every_module_has_its_test_file():
    modules = [m for m in sorted(PACKAGE.rglob("*.py")) if defines_code(m)]
    missing = [f"{m.relative_to(ROOT)} → {expected_test_file(m).relative_to(ROOT)}" for m in modules if not expected_test_file(m).exists()]
    assert len(modules) > 40 and not missing, "modules without a test file:\n" + "\n".join(missing)


def test_the_rule_maps_modules_to_their_places():
    assert expected_test_file(PACKAGE / "levels.py") == ROOT / "tests" / "test_levels.py"
    assert expected_test_file(PACKAGE / "query" / "db.py") == ROOT / "tests" / "query" / "test_db.py"
    assert expected_test_file(PACKAGE / "i18n" / "__init__.py") == ROOT / "tests" / "i18n" / "test_i18n.py"
