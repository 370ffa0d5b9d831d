"""Compare: 2 to 6 municipalities side by side across every indicator (a profile and its five most similar fit)."""

import dataclasses

import streamlit as st

from lnb_dash import i18n, views
from lnb_dash.filters import CompareView
from lnb_dash.ui import cached, state, widgets

PAGE = "compare"
MAX_AREAS = 6
lang = state.current_lang()
widgets.connection_or_stop(lang)
municipalities = cached.municipalities_cached()
widgets.report_unknown_places(PAGE, lang)
view = state.read_view(PAGE, CompareView)
if len(view.m) > MAX_AREAS:
    st.warning(i18n.t("compare_too_many", lang, n=MAX_AREAS))
    view = dataclasses.replace(view, m=view.m[:MAX_AREAS])
    st.session_state[state.key(PAGE, "m")] = list(view.m)

st.title(i18n.t("page_compare", lang))
state.ensure_option(PAGE, "m", municipalities.lau_code.tolist(), CompareView.m)
st.multiselect(i18n.t("choose_municipalities", lang), municipalities.lau_code.tolist(), max_selections=MAX_AREAS, help=i18n.t("compare_help", lang),
               format_func=widgets.municipality_label(municipalities), key=state.key(PAGE, "m"),
               placeholder=i18n.t("choose_places_placeholder", lang))
view = state.view_from_widgets(PAGE, CompareView, view)
state.write_view(PAGE, view, lang)

if len(view.m) < 2:
    st.info(i18n.t("compare_too_few", lang))
    st.stop()
profiles = {code: cached.profile_cached(code) for code in view.m}
names = municipalities.set_index("lau_code").name.to_dict()
table = views.compare_table(profiles, names, lang)
st.dataframe(table, hide_index=True, width="stretch")
widgets.render_downloads("compare.downloads", lang, views.compare_download(profiles, names, lang, cached.sources_cached()),
                         next(iter(profiles.values())).indicator_id.tolist(),
                         base_name="compare_" + "_".join(view.m))
widgets.render_source_note([s for p in profiles.values() for s in p.source_id], lang)
