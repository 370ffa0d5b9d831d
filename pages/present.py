"""Presentation mode: one view per screen, stepped with buttons or the arrow keys, no menus."""

import streamlit as st

from lnb_dash import i18n
from lnb_dash.model import stories
from lnb_dash.model.address import MapView
from lnb_dash.render import charts
from lnb_dash.ui import cached, chrome, citations, figures, state

lang = state.current_lang()
chrome.connection_or_stop(lang)
available = cached.stories_cached()
if not available:
    st.info(i18n.t("no_story", lang))
    st.stop()
story = available.get(st.query_params.get("story")) or next(iter(available.values()))
number = stories.clamp_step(st.query_params.get("step"), story)
step = story.steps[number - 1]
st.query_params.from_dict({"present": "1", "story": story.story_id, "step": str(number), "lang": lang})

back, forward, where, leave = st.columns([1, 1, 3, 2], vertical_alignment="center")
if back.button(i18n.t("previous", lang), key="present.previous", shortcut="Left", disabled=number == 1):
    st.query_params["step"] = str(number - 1)
    st.rerun()
if forward.button(i18n.t("next", lang), key="present.next", shortcut="Right", disabled=number == len(story.steps), type="primary"):
    st.query_params["step"] = str(number + 1)
    st.rerun()
where.caption(i18n.t("step_of", lang, story=story.title[lang], step=number, n=len(story.steps)), help=i18n.t("present_hint", lang))
leave.page_link("pages/overview.py", label=i18n.t("exit_presentation", lang), query_params={"lang": lang})
st.title(step.title[lang])
if step.page == "map":
    figures.render_map_figure(MapView.from_query_params(step.params), lang, key=f"present.map.{number}", height=500)
else:
    st.altair_chart(charts.localize(charts.build_programme_chart(cached.programme_results_long_cached(), lang, row_height=22), lang),
                    width="content")
    citations.render_source_note(["lnb_factsheets"], lang)

