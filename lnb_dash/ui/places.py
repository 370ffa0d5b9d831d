"""Place and indicator pickers, and what the page says when a typed or linked name is unknown."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lnb_dash import i18n
from lnb_dash.model.address import MapView, ProfileView, query_params
from lnb_dash.ui import cached
from lnb_dash.ui.citations import escape_markdown


def indicator_label(indicators: pd.DataFrame, lang: str):
    """format_func for an indicator picker: 'Theme · Name', so typing a theme or a name finds it."""
    names = dict(zip(indicators.indicator_id, indicators[f"name_{lang}"]))
    themes = dict(zip(indicators.indicator_id, indicators.theme))
    return lambda iid: f"{i18n.theme_label(themes[iid], lang)} · {names[iid]}"


def municipality_label(municipalities: pd.DataFrame):
    """format_func: 'Korçë (Korce)' so a search without diacritics still finds the name."""
    names = dict(zip(municipalities.lau_code, municipalities.name))
    ascii_names = dict(zip(municipalities.lau_code, municipalities.name_ascii))
    return lambda code: names[code] if names[code] == ascii_names[code] else f"{names[code]} ({ascii_names[code]})"


def report_unknown_places(page: str, lang: str, stop: bool = False) -> None:
    """A link naming a place the alias table does not know gets a message with the closest names (as links),
    never another municipality in its place. ``stop`` ends the page there (a profile has one place only)."""
    from lnb_dash.model.address import unknown_places

    problems = unknown_places({k: st.query_params.get(k) for k in st.query_params})
    if problems and stop:
        st.title(i18n.t(f"page_{page}", lang))
    for problem in problems:
        st.error(i18n.t("unknown_place", lang, text=escape_markdown(problem.text)))
        for candidate in problem.suggestions[:5]:
            st.page_link(f"pages/{page}.py", label=f"{candidate.name} ({candidate.code})", query_params={"m": candidate.code, "lang": lang},
                         icon=":material/arrow_forward:")
        if not problem.suggestions:
            st.caption(i18n.t("unknown_place_hint", lang))
    if problems and stop:
        st.stop()


def report_unknown_indicator(page: str, allowed: list[str], catalogue: pd.DataFrame, lang: str) -> None:
    """An ``indicator=`` this page cannot show stops the page with why and the indicators it can show instead: those
    with a similar name, else all of them under their theme (lnb_dash.model.suggest)."""
    from lnb_dash.model import suggest

    asked = st.query_params.get("indicator")
    if not asked or asked in allowed:
        return
    names = {i: escape_markdown(n) for i, n in zip(catalogue.indicator_id, catalogue[f"name_{lang}"])}
    st.title(i18n.t(f"page_{page}", lang))
    if asked in names:
        st.error(i18n.t("indicator_not_here", lang, name=names[asked]))
        st.page_link("pages/map.py", label=names[asked], query_params=query_params(MapView(indicator=asked), lang),
                     icon=":material/map:")
        st.stop()
    st.error(i18n.t("unknown_indicator", lang, text=escape_markdown(asked)))
    similar = suggest.similar_indicators(asked, catalogue, allowed)
    groups = {None: similar} if similar else suggest.by_theme(catalogue, allowed)
    st.caption(i18n.t("jn_similar_indicators" if similar else "jn_indicators_by_theme", lang))
    for theme, ids in groups.items():
        if theme is not None:
            st.markdown(f"**{escape_markdown(i18n.theme_label(theme, lang))}**")
        for match in ids:
            st.page_link(f"pages/{page}.py", label=names.get(match, match), query_params={"indicator": match, "lang": lang},
                         icon=":material/arrow_forward:")
    st.stop()


def settle_typed_place(page: str, codes: list[str], lang: str) -> None:
    """The municipality picker accepts any text ("korca", "Bashkia e Kamzës", "AL221"): resolve it through the alias
    table before the picker is drawn; an unknown text keeps the current municipality and says so, with suggestions."""
    from lnb_dash.ui.state import key

    k = key(page, "m")
    typed = st.session_state.get(k)
    if not isinstance(typed, str) or typed in codes:
        return
    previous = st.session_state.get(key(page, "view"))
    st.session_state[k] = resolve_or_warn(typed, lang) or (previous.m if previous else codes[0])


def resolve_or_warn(text: str, lang: str) -> str | None:
    """The code a typed place resolves to through the alias table, or None after a warning naming the closest places."""
    from lnb_dash import names

    try:
        return names.load_resolver().resolve(text).code
    except names.UnknownName as problem:
        suggestions = ", ".join(f"{c.name} ({c.code})" for c in problem.suggestions[:5])
        st.warning(i18n.t("unknown_place", lang, text=escape_markdown(text)) + (f" {i18n.t('did_you_mean', lang)} {suggestions}" if suggestions else ""))
        return None


def place_options(text: str, municipalities: pd.DataFrame, lang: str) -> list[tuple[str, str | None]]:
    """(label, code) pairs a search box offers for ``text``: the places it resolves to through the alias table by their
    official names ('korca' -> Korçë, 'AL343' -> Korçë), all 61 for no text, and one line saying so when nothing is near."""
    from lnb_dash import names

    if not text or not text.strip():
        label = municipality_label(municipalities)
        return [(label(code), code) for code in municipalities.lau_code]
    found = names.load_resolver().search(text)
    return [(c.name, c.code) for c in found] or [(i18n.t("upl_no_place", lang, text=text), None)]


def render_place_search(key: str, municipalities: pd.DataFrame, lang: str, label_key: str = i18n.N_("open_profile_search")) -> None:
    """A search box that opens a municipality's profile (from another page)."""
    code = place_searchbox(key, municipalities, lang, label_key)
    if code:
        st.switch_page("pages/profile.py", query_params=query_params(ProfileView(m=code), lang))


# The box marks its focus with a 1 px border in its own frame, where the page's focus ring cannot reach (WCAG 2.4.7)
SEARCH_FOCUS = {"searchbox": {"control": {"&:focus-within": {"boxShadow": "inset 0 0 0 3px #1a4fb5"}}}}


def place_searchbox(key: str, municipalities: pd.DataFrame, lang: str, label_key: str) -> str | None:
    """The code of a municipality picked in a search box, once: as someone types, it offers the places the text names
    through the alias table (korca, fushe arrez, dibra, AL343 → Korçë, Fushë-Arrëz, Dibër), never the typed text."""
    from streamlit_searchbox import st_searchbox

    from lnb_dash.render import accessibility

    # the box is a frame whose label is not tied to its input: the frame takes the label as its title, which a screen
    # reader says on entering it (else "streamlit_searchbox.searchbox"); the same fixed script as a still map's title
    st.html(accessibility.map_frame_html(f"{key}.frame", i18n.t(label_key, lang), lang, skip=False), unsafe_allow_javascript=True)
    code = st_searchbox(lambda text: place_options(text, municipalities, lang), placeholder=i18n.t("search_place_placeholder", lang),
                        label=i18n.t(label_key, lang), key=f"{key}.{lang}", debounce=200, style_overrides=SEARCH_FOCUS)
    # no list before the first answer: Enter pressed before it would otherwise open the first of all 61 (Belsh), a place
    # the text never named
    if code:
        st.session_state[f"{key}.{lang}"]["result"] = None  # the next run must not pick it again
    return code


def render_compare_picker(page: str, view, lang: str) -> None:
    """Municipalities picked beside the map open Compare with them in one click (only where the map shows municipalities);
    a plain link, as the profile's to its similar municipalities, so it can also be opened in a new tab or copied."""
    from lnb_dash.model import compare
    from lnb_dash.render import profile_html

    if getattr(view, "level", "municipality") != "municipality":
        return
    labels = cached.municipality_labels_cached()
    chosen = st.multiselect(i18n.t("compare_from_map", lang), list(labels), max_selections=compare.COMPARE_MAX,
                            format_func=labels.__getitem__, help=i18n.t("compare_from_map_help", lang), key=f"{page}.compare",
                            placeholder=i18n.t("choose_places_placeholder", lang))
    if len(chosen) < 2:
        st.caption(i18n.t("compare_help", lang))
        return
    st.html(profile_html.compare_link_html(compare.compare_url(chosen, lang), i18n.t("compare_open", lang)))
