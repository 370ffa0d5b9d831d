"""Starting the dashboard: an installed package copies its app, pages and Streamlit config beside the static files it
serves, so `lnb-dash serve` works from any folder; a checkout is served where it is."""

from lnb_dash.ui import serve


def test_an_installed_app_is_copied_where_streamlit_serves_it_and_secrets_stay(tmp_path):
    shipped, root = tmp_path / "shipped", tmp_path / "app"
    (shipped / "pages").mkdir(parents=True)
    (shipped / ".streamlit").mkdir()
    (shipped / "app.py").write_text("print('app')")
    (shipped / "pages" / "map.py").write_text("print('map')")
    (shipped / ".streamlit" / "config.toml").write_text("[server]\n")
    (root / ".streamlit").mkdir(parents=True)
    (root / ".streamlit" / "secrets.toml").write_text("[auth]\n")
    serve.install_app(shipped, root)
    assert (root / "app.py").read_text() == "print('app')" and (root / "pages" / "map.py").read_text() == "print('map')"
    assert (root / ".streamlit" / "config.toml").read_text() == "[server]\n"
    assert (root / ".streamlit" / "secrets.toml").read_text() == "[auth]\n"
    (shipped / "app.py").write_text("print('new release')")
    serve.install_app(shipped, root)
    assert (root / "app.py").read_text() == "print('new release')"


def test_a_checkout_is_served_in_place(tmp_path):
    (tmp_path / "app.py").write_text("x")
    serve.install_app(tmp_path, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.py"]
