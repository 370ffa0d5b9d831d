"""Two replicas behind Debian's nginx on free loopback ports, serving a writable copy of the data.

One instance for the whole test session (the root conftest imports the fixture), shared by tests/deploy and the
browser check through nginx in tests/browser.

Skipped on a machine without nginx, except in CI, where .ci/run installs it and a missing nginx is a
failure (as with chromium for the browser tests).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bench.stclient import Session, open_map
from lnb_dash import config
from lnb_dash.data.build import build_database
from lnb_dash.ops import deploy
from tests.serving import keep_map_classes


def require_nginx() -> None:
    if not Path(deploy.NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail("nginx is missing in CI (.ci/run should have installed it)")
        pytest.skip("nginx is not installed (apt-get install nginx)")


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    require_nginx()
    data_dir = tmp_path_factory.mktemp("cluster") / "data"
    shutil.copytree(config.DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    db_path = data_dir / "lnb.duckdb"
    build_database(data_dir, db_path)
    keep_map_classes(db_path)
    env = {"LNB_DATA_DIR": str(data_dir), "LNB_DB_PATH": str(db_path)}
    with deploy.Cluster(2, run_dir=tmp_path_factory.mktemp("run"), env=env) as running:
        running.data_dir, running.db_path = data_dir, db_path
        for node in running.nodes:  # warm each replica (imports, caches), as a deployment is before viewers come
            session = Session(node.url, timeout=120)
            open_map(session)
            session.close()
        yield running
