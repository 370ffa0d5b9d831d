"""Who may upload: nobody without configured credentials, a named staff member with the right password, and the
sign-in kept for the session only."""

import pytest
from streamlit.testing.v1 import AppTest


def sign_in_app(name: str = "", password: str = "") -> None:
    import streamlit as st

    from lnb_dash.ui import auth

    if name or password:
        st.write(f"accepted: {auth.check_password(name, password).signed_in}")
    st.write(f"mode: {auth.auth_mode()}; user: {auth.signed_in_user()}")
    if st.button("sign out"):
        auth.sign_out()
        st.write(f"after: {auth.signed_in_user()}")


@pytest.fixture(autouse=True)
def attempts_folder(tmp_path, monkeypatch):
    """Failed attempts are counted in the data folder: a fresh one per test, never the repository's."""
    from lnb_dash import config

    monkeypatch.setattr(config, "DATA_DIR", tmp_path)


def run(secrets: dict, **kwargs) -> list[str]:
    at = AppTest.from_function(sign_in_app, kwargs=kwargs, default_timeout=30)
    for key, value in secrets.items():
        at.secrets[key] = value
    at.run()
    assert not at.exception
    return [m.value for m in at.markdown]


def test_without_credentials_nobody_is_signed_in_and_no_password_works():
    assert run({}, name="Ana", password="") == ["accepted: False", "mode: none; user: None"]


@pytest.mark.parametrize("name, password, accepted", [(" Ana ", "correct horse", True), ("Ana", "wrong", False), ("  ", "correct horse", False)])
def test_a_named_staff_member_with_the_password_is_signed_in(name, password, accepted):
    shown = run({"upload_password": "correct horse"}, name=name, password=password)
    assert shown == [f"accepted: {accepted}", f"mode: password; user: {'Ana' if accepted else None}"]


def test_signing_out_forgets_the_staff_member():
    at = AppTest.from_function(sign_in_app, kwargs={"name": "Ana", "password": "pw"}, default_timeout=30)
    at.secrets["upload_password"] = "pw"
    at.run()
    at.button[0].click().run()
    assert "after: None" in [m.value for m in at.markdown]


def test_single_sign_on_settings_take_precedence_over_the_password():
    assert run({"upload_password": "pw", "auth": {"client_id": "lnb"}})[-1] == "mode: oidc; user: None"


def test_staff_accounts_sign_in_by_their_own_password_and_the_shared_one_no_longer_works():
    import tomllib

    from lnb_dash.data.accounts import account_line

    staff = tomllib.loads(account_line("Ana", "a long enough password"))
    assert run({"upload_accounts": staff, "upload_password": "pw"}, name="Ana", password="a long enough password")[0] == "accepted: True"
    assert run({"upload_accounts": staff, "upload_password": "pw"}, name="Ana", password="pw")[0] == "accepted: False"
    assert run({"upload_accounts": staff}, name="Eve", password="a long enough password")[0] == "accepted: False"
