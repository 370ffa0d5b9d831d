"""docs/security.md names a test for each defence: every file and test it names exists, and the README links it."""

import re

from tests.conftest import ROOT


def test_every_test_the_threat_model_names_exists():
    doc = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    named = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", doc)
    assert len(named) > 25
    for path, test in named:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert not test or re.search(rf"^def {test}\(", source, re.M), f"{path}::{test}"
    assert "docs/security.md" in (ROOT / "README.md").read_text(encoding="utf-8")
