"""Presentation mode: one view per screen, stepped with the buttons or a clicker's keys, no menus.

``?story=`` picks a story (data/stories, the configured default without it); ``?view=PAGE`` with that page's
parameters (what ``?present=1`` on any page sends here) presents that one view, with its story step to copy.
"""

import streamlit as st

from lnb_dash import config, i18n
from lnb_dash.model import stories
from lnb_dash.ui import chrome, slides, state

lang = state.current_lang()
chrome.connection_or_stop(lang)
available = slides.load_stories()
from_page = st.query_params.get("view")
params = {k: st.query_params.get(k) for k in st.query_params if k not in ("present", "view", "story", "step", "lang")}


def pick_story() -> None:
    st.query_params.from_dict({"present": "1", "story": st.session_state["present.story"], "step": "1", "lang": lang})


def story_label(story_id: str) -> str:
    story = available[story_id]
    return f"⚠ {story_id}" if isinstance(story, stories.BrokenStory) else story.title[lang]


def render_picker(where) -> None:
    where.selectbox(i18n.t("pres_pick_story", lang), list(available), format_func=story_label, key="present.story",
                    on_change=pick_story, placeholder=i18n.t("pres_pick_story", lang), label_visibility="collapsed")


if from_page in stories.PAGE_VIEWS:
    story = stories.one_step_story(from_page, params, {code: i18n.t(f"page_{from_page}", code) for code in config.LANGS})
else:
    story_id, unknown = stories.choose_story(available, st.query_params.get("story"))
    if available:
        st.session_state["present.story"] = story_id if story_id in available else None
    if not available:
        st.info(i18n.t("no_story", lang))
        st.stop()
    if unknown or isinstance(available[story_id], stories.BrokenStory):
        render_picker(st)
    if unknown:
        st.warning(i18n.t("pres_unknown_story", lang, story=st.query_params.get("story"),
                          stories=", ".join(f"{sid} ({story_label(sid)})" for sid in available)))
        st.stop()
    story = available[story_id]
    if isinstance(story, stories.BrokenStory):
        st.error(i18n.t("pres_broken_story", lang, story=story.story_id))
        st.code("\n".join(str(p) for p in story.problems), language=None)
        st.stop()

number = stories.clamp_step(st.query_params.get("step"), story)
step = story.steps[number - 1]
target = {"present": "1", **({"view": from_page, **step.params} if from_page in stories.PAGE_VIEWS else {"story": story.story_id}),
          "step": str(number), "lang": lang}
if {k: st.query_params.get(k) for k in st.query_params} != target:
    st.query_params.from_dict(target)


def go(to: int) -> None:
    st.query_params["step"] = str(to)


back, forward, where, pick, take, leave = st.columns([1.2, 1.1, 4.6, 2.2, 1.5, 1.8], vertical_alignment="center")
back.button(i18n.t("previous", lang), key="present.previous", shortcut="Left", disabled=number == 1, on_click=go, args=(number - 1,))
forward.button(i18n.t("next", lang), key="present.next", shortcut="Right", disabled=number == len(story.steps), type="primary",
               on_click=go, args=(number + 1,))
where.caption(i18n.t("step_of", lang, story=story.title[lang], step=number, n=len(story.steps)) + "  \n" + i18n.t("pres_key_hint", lang))
if from_page in stories.PAGE_VIEWS:
    with pick.popover(i18n.t("pres_copy_step", lang)):
        st.caption(i18n.t("pres_copy_step_help", lang))
        st.code(stories.step_snippet(step.page, step.view(), step.title), language="yaml")
else:
    render_picker(pick)
slides.render_deck_downloads(story, story.story_id or step.page, lang, take)
# leaving opens the step's own page with its view, where its downloads are (a map's picture, its CSV)
leave.page_link(f"pages/{step.page}.py", label=i18n.t("exit_presentation", lang), query_params={**step.params, "lang": lang})
with leave:
    # Home and End: buttons the keys press, out of sight (the visible ones already go one step).
    st.button("⏮", key="present.first", on_click=go, args=(1,), disabled=number == 1)
    st.button("⏭", key="present.last", on_click=go, args=(len(story.steps),), disabled=number == len(story.steps))
    slides.install_keys()

st.title(step.title[lang])
with st.container(key="lnb-slide"):
    slides.render_step(step, lang, key=f"present.{story.story_id}.{number}")
slides.render_step_done(number)
