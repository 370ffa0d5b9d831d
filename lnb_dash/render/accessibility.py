"""What a keyboard or screen-reader user gets besides the picture: the link that skips a map and the map frame's
title, the sentence that says what a map or chart shows, the region that announces a new title."""

from __future__ import annotations

import html

from lnb_dash import i18n
from lnb_dash.ops import page_scripts

# The link stays visible (WCAG 2.4.1); a press moves the focus to what follows the map, not into its 61 areas.
# Streamlit titles every map frame "streamlit_folium.st_folium": the script gives it the map's own name (WCAG 4.1.2).
_MAP_FRAME_STYLE = """<style>
.lnb-skip-map { display: inline-block; padding: .3rem .1rem; min-height: 24px; color: #1a4fb5; font-size: .9rem; }
.lnb-skip-map:focus-visible, [data-lnb-skip-target]:focus { outline: 3px solid #1a4fb5; outline-offset: 2px; }
[data-testid="stElementContainer"]:has(span.lnb-map-anchor) { display: none; }
</style>"""


def map_frame_html(key: str, title: str, lang: str, skip: bool = True, still: bool = False) -> str:
    """Put before a map: a visible link that moves the focus past it (its areas are one Tab stop each) when ``skip``,
    and the frame's ``title``, which a screen reader announces on entering it (set by page_scripts.MAP_FRAME). A
    ``still`` map (a locator) has nothing to do with the keyboard: its frame is no Tab stop (it was one without a mark)."""
    link_id = "lnb-map-" + "".join(c if c.isalnum() else "-" for c in key)
    title_attr = html.escape(title, quote=True)
    link = (f'<a href="#" class="lnb-skip-map" id="{link_id}" data-lnb-map-title="{title_attr}">{html.escape(i18n.t("a11y_skip_map", lang))}</a>'
            if skip else f'<span class="lnb-map-anchor" id="{link_id}" data-lnb-map-title="{title_attr}"{" data-lnb-still" if still else ""}></span>')
    return _MAP_FRAME_STYLE + link + page_scripts.script_tag(page_scripts.MAP_FRAME)


_LIVE_TITLE_STYLE = '<style>[data-testid="stElementContainer"]:has([data-lnb-live]) { display: none; }</style>'


def live_title_html(title: str, lang: str) -> str:
    """A script that says a view's new title to a screen reader ("Now showing: …") when an indicator or year changes."""
    said = html.escape(i18n.t("a11y_title_now", lang, title=title), quote=True)
    return f'{_LIVE_TITLE_STYLE}<span hidden data-lnb-live="{said}"></span>' + page_scripts.script_tag(page_scripts.LIVE_TITLE)
