"""Who may upload: Streamlit's st.login with an OIDC provider, or a password kept in secrets.

Configure one of them in ``.streamlit/secrets.toml`` (never committed):

    [auth]                                # OIDC, see Streamlit's st.login documentation
    redirect_uri = "https://…/oauth2callback"
    cookie_secret = "…"
    client_id = "…"
    client_secret = "…"
    server_metadata_url = "https://…/.well-known/openid-configuration"
    upload_allowed_emails = ["name@example.org"]   # optional: only these accounts may upload

    upload_password = "…"                 # single-machine fallback, at the top level

With neither, the upload page explains how to enable it and accepts nothing.
"""

from __future__ import annotations

import hmac

import streamlit as st

SESSION_KEY = "upload.signed_in_as"


def _secrets() -> dict:
    try:
        return dict(st.secrets)
    except (FileNotFoundError, KeyError, AttributeError):
        return {}
    except Exception:  # a malformed secrets.toml: treat as not configured rather than crash a public page
        return {}


def auth_mode() -> str:
    """'oidc', 'password' or 'none'."""
    secrets = _secrets()
    if "auth" in secrets and secrets["auth"].get("client_id"):
        return "oidc"
    if secrets.get("upload_password"):
        return "password"
    return "none"


def signed_in_user() -> str | None:
    """The signed-in staff member's name or e-mail, or None."""
    mode = auth_mode()
    if mode == "oidc":
        if not getattr(st.user, "is_logged_in", False):
            return None
        allowed = _secrets()["auth"].get("upload_allowed_emails")
        email = st.user.get("email")
        return email if not allowed or email in allowed else None
    if mode == "password":
        return st.session_state.get(SESSION_KEY)
    return None


def check_password(name: str, password: str) -> bool:
    """Compare in constant time; on success remember the user for this session."""
    expected = str(_secrets().get("upload_password", ""))
    if expected and name.strip() and hmac.compare_digest(password.encode(), expected.encode()):
        st.session_state[SESSION_KEY] = name.strip()
        return True
    return False


def sign_out() -> None:
    if auth_mode() == "oidc":
        st.logout()
    st.session_state.pop(SESSION_KEY, None)
