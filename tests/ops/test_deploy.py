"""The generated nginx config: everything it writes stays in its run folder (it runs as any user), each browser keeps
one replica, each replica's health is reachable, and nginx itself accepts it. (The running cluster: tests/deploy.)"""

from lnb_dash.ops import deploy
from tests.deploy.cluster import require_nginx


def test_generated_config_keeps_every_written_path_in_the_run_dir(tmp_path):
    conf = deploy.nginx_conf(tmp_path, ["127.0.0.1:9001", "127.0.0.1:9002"], "127.0.0.1:9000")
    for directive in ("pid", "error_log", "access_log", "client_body_temp_path", "proxy_temp_path"):
        line = next(candidate for candidate in conf.splitlines() if candidate.strip().startswith(directive + " "))
        assert str(tmp_path.resolve()) in line, line
    assert "hash $route_key consistent" in conf and "userid_name lnb_route" in conf
    assert "location = /_replica/1/health { proxy_pass http://127.0.0.1:9002/_stcore/health; }" in conf


def test_nginx_accepts_the_generated_config(tmp_path):
    require_nginx()
    checked = deploy.nginx_test(deploy.write_conf(tmp_path, ["127.0.0.1:9001", "127.0.0.1:9002"], "127.0.0.1:9000"))
    assert checked.returncode == 0, checked.stderr


def test_static_files_are_served_from_disk_and_uploads_fit_the_importers_limit(tmp_path):
    conf = deploy.nginx_conf(tmp_path, ["127.0.0.1:9001"], "127.0.0.1:9000", static_dir=tmp_path / "st", app_static_dir=tmp_path / "app")
    assert f"alias {tmp_path / 'st'}/static/;" in conf and f"alias {tmp_path / 'app'}/;" in conf
    assert "client_max_body_size 25m;" in conf and "listen 127.0.0.1:9000;" in conf and "proxy_set_header Upgrade $http_upgrade;" in conf
