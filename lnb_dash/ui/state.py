"""Language and page views ⇄ URL query parameters.

Each page keeps its view (a frozen dataclass from :mod:`lnb_dash.model.address`) under ``"<page>.view"``
and its widgets under ``"<page>.<field>"``. :func:`read_view` runs before the widgets: a URL that
differs from the last view written (a deep link, an edited address) wins and seeds the widgets.
:func:`write_view` runs after them and puts the view in the address bar, so every view is a link.
"""

from __future__ import annotations

import dataclasses

import streamlit as st

from lnb_dash import i18n
from lnb_dash.model import address

LANG_KEY = "lang"


def current_lang() -> str:
    """?lang= when given, else the session's choice, else Albanian."""
    from_url = st.query_params.get("lang")
    if from_url in ("sq", "en"):
        st.session_state[LANG_KEY] = from_url
    lang = i18n.normalize_lang(st.session_state.get(LANG_KEY))
    st.session_state[LANG_KEY] = lang
    return lang


def display_mode() -> str:
    """'present' (?present=1: full screen, no menus), 'embed' or 'normal'.

    Embeds use Streamlit's own ``?embed=true``: Streamlit reserves the ``embed`` parameter (it never
    reaches st.query_params), so the app reads it through ``st.context.is_embedded``.
    """
    if st.query_params.get("present") == "1":
        return "present"
    if st.context.is_embedded:
        return "embed"
    return "normal"


def key(page: str, name: str) -> str:
    return f"{page}.{name}"


def _url_params() -> dict[str, str]:
    params = {k: st.query_params.get(k) for k in st.query_params}
    params.pop("lang", None)
    return params


def read_view(page: str, view_cls):
    """The view to render; seeds the widget keys it governs."""
    params = _url_params()
    stored = st.session_state.get(key(page, "view"))
    url_wins = bool(params) and (stored is None or params != stored.to_query_params())
    view = view_cls.from_query_params(params) if url_wins else stored or view_cls()
    if url_wins:  # what the link asked for, so the page can say what it shows instead (figures.settle_map_widgets)
        st.session_state[key(page, "asked")] = params
        st.session_state[key(page, "linked")] = True
    for f in dataclasses.fields(view_cls):
        k = key(page, f.name)
        if url_wins or k not in st.session_state:
            value = getattr(view, f.name)
            st.session_state[k] = list(value) if isinstance(value, tuple) else value
    return view


def view_from_widgets(page: str, view_cls, previous):
    """The view as the widgets now say (fields without a widget keep their previous value)."""
    values = {}
    for f in dataclasses.fields(view_cls):
        value = st.session_state.get(key(page, f.name), getattr(previous, f.name))
        values[f.name] = tuple(value) if isinstance(value, list) else value
    return view_cls(**values)


def take_asked(page: str) -> dict[str, str] | None:
    """The parameters of the link that opened the current view, once (None when the widgets made the view)."""
    return st.session_state.pop(key(page, "asked"), None)


def write_view(page: str, view, lang: str) -> None:
    """Remember the view and put it (and the language) in the address bar."""
    if view is not None:
        st.session_state[key(page, "view")] = view
    target = address.query_params(view, lang)
    if st.query_params.get("present") == "1":
        target["present"] = "1"
    # A link to this same page (a notice's st.page_link) leaves the browser's address as it was: write it anyway.
    linked = st.session_state.pop(key(page, "linked"), False)
    if linked or {k: st.query_params.get(k) for k in st.query_params} != target:
        st.query_params.from_dict(target)


def ensure_option(page: str, name: str, options: list, default) -> None:
    """Reset a widget's stored value when it is no longer among its options (e.g. another indicator's years)."""
    k = key(page, name)
    current = st.session_state.get(k)
    if isinstance(current, (list, tuple)):
        kept = [v for v in current if v in options]
        st.session_state[k] = kept or list(default)
    elif current not in options:
        st.session_state[k] = default
