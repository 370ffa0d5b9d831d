"""Who may upload: Streamlit's st.login with an OIDC provider, or a password kept in secrets.

Configure one of them in ``.streamlit/secrets.toml`` (never committed):

    [auth]                                # OIDC, see Streamlit's st.login documentation
    redirect_uri = "https://…/oauth2callback"
    cookie_secret = "…"
    client_id = "…"
    client_secret = "…"
    server_metadata_url = "https://…/.well-known/openid-configuration"
    upload_allowed_emails = ["name@example.org"]   # optional: only these accounts may upload

    [upload_accounts]                     # password mode: one line per person, from `python -m lnb_dash users add NAME`
    "Arta Hoxha" = "$argon2id$…"

    upload_password = "…"                 # older fallback, one password shared by all staff (history records a claimed name)

With none, the upload page explains how to enable it and accepts nothing. Failed sign-ins are limited per name and
per client across replicas (lnb_dash/data/accounts.py). Password mode keeps the sign-in in the browser tab's session
only: Streamlit can set no cookie outside ``st.login``, so a reload asks again (OIDC survives reloads).
"""

from __future__ import annotations

import hmac

import streamlit as st

from lnb_dash import config
from lnb_dash.data import accounts

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
    if secrets.get("upload_accounts") or secrets.get("upload_password"):
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


def client_address() -> str:
    """The viewer's address: behind nginx the last X-Forwarded-For entry (the one nginx itself added; earlier entries
    are whatever the client sent), else the socket's peer."""
    forwarded = (st.context.headers.get("X-Forwarded-For") or "").split(",")[-1].strip()
    return forwarded or st.context.ip_address or "unknown"


def _matches(name: str, password: str) -> bool:
    secrets = _secrets()
    staff = dict(secrets.get("upload_accounts") or {})
    if staff:
        return accounts.verify(staff, name, password)
    shared = str(secrets.get("upload_password", ""))
    return bool(shared) and hmac.compare_digest(password.encode(), shared.encode())


def check_password(name: str, password: str) -> accounts.Outcome:
    """Sign in unless the name or this client must wait after failed attempts; on success remember the user for
    this session (the account's name)."""
    outcome = accounts.sign_in(_matches, name, password, client_address(), accounts.Attempts(config.DATA_DIR))
    if outcome.signed_in:
        st.session_state[SESSION_KEY] = name.strip()
    return outcome


def sign_out() -> None:
    if auth_mode() == "oidc":
        st.logout()
    st.session_state.pop(SESSION_KEY, None)
