"""Municipality profile: key facts, LNB activity, where it stands on every indicator (spine chart) and whom it is like."""

import streamlit as st

from lnb_dash import config, i18n
from lnb_dash.model import similar
from lnb_dash.model.address import ProfileView
from lnb_dash.render import profile_html
from lnb_dash.ui import cached, chrome, citations, county_views, figures, places, state
from lnb_dash.ui.folium_map import render_map

PAGE = "profile"
lang = state.current_lang()
chrome.connection_or_stop(lang)
if "county" in st.query_params:  # profile?county=AL-11 (the map's county clicks): the county profile
    county_views.render_county_profile(lang)
    st.stop()
municipalities = cached.municipalities_cached()
places.report_unknown_places(PAGE, lang, stop=True)
view = state.read_view(PAGE, ProfileView)
title = st.empty()
figures.render_unread_params(ProfileView, lang)
places.settle_typed_place(PAGE, list(cached.municipality_labels_cached()), lang)
state.ensure_option(PAGE, "m", list(cached.municipality_labels_cached()), ProfileView.m)
picked = places.place_searchbox("profile.search", municipalities, lang, i18n.N_("choose_municipality"))
if picked:
    st.session_state[state.key(PAGE, "m")] = picked
view = state.view_from_widgets(PAGE, ProfileView, view)
state.write_view(PAGE, view, lang)

municipality = cached.municipality_rows_cached()[view.m]
profile = cached.profile_cached(view.m)
title.title(f"{i18n.t('municipality', lang)} {municipality['name']}")
st.html(profile_html.PROFILE_STYLE)
map_col, facts_col = st.columns([2, 3])
with map_col:
    locator = cached.locator_spec_cached(view.m, lang, 300)
    render_map(locator, lang, key="profile.locator")
    st.caption(locator.label + ". " + i18n.t("boundary_attribution", lang))
with facts_col:
    st.header(i18n.t("key_facts", lang))
    facts, spine_table = cached.profile_texts_cached(view.m, lang)
    st.markdown(facts)
    st.header(i18n.t("lnb_activities", lang))
    citations.render_programme_facts(cached.programme_facts_cached(view.m), lang)

st.header(i18n.t("spine_heading", lang))
st.caption(i18n.t("spine_intro", lang) + " " + i18n.t("upl_rank_rule", lang, min=config.MIN_RANKED))
st.html(spine_table)
citations.render_source_note(profile.source_id.tolist(), lang)
county_views.render_municipal_change(view.m, municipality, lang)

st.header(i18n.t("similar_heading", lang))
st.markdown(citations.escape_markdown(i18n.t("similar_intro", lang, name=municipality["name"])))
nearest = cached.similar_cached(view.m)
counties = cached.county_names_of_municipalities_cached()
categories = {iid: cached.indicator_meta_cached(iid).categories for iid in ("degurba", "coastal")}
compare_label = i18n.t("similar_compare", lang, name=municipality["name"])
st.html(profile_html.similar_html(nearest, lang, categories, counties)
        + profile_html.compare_link_html(similar.compare_link(view.m, nearest, lang), compare_label))
st.subheader(i18n.t("similar_method_heading", lang))
st.caption(citations.escape_markdown(similar.method_text(lang)))

table = cached.profile_download_cached(view.m, lang)
pdf_col, table_col = st.columns([1, 2])


def profile_pdf() -> bytes:
    """The profile as a PDF; reportlab is loaded when one is asked for, not with the page."""
    from lnb_dash.render import pdf

    return pdf.build_profile_pdf(cached.get_connection(), view.m, lang)


pdf_col.download_button(i18n.t("download_pdf", lang), profile_pdf,
                        file_name=f"{view.m}_{municipality['name_ascii'].lower().replace(' ', '_')}_{lang}.pdf", mime="application/pdf",
                        key="profile.pdf", on_click="ignore", icon=":material/picture_as_pdf:", type="primary")
with table_col:
    figures.render_downloads("profile.downloads", lang, table, profile.indicator_id.tolist(),
                             base_name=f"{view.m}_profile")
st.caption(i18n.t("print_hint", lang))
