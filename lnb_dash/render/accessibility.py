"""What a keyboard or screen-reader user gets besides the picture: the link that skips a map and the map frame's
title, the sentence that says what a map or chart shows, the region that announces a new title."""

from __future__ import annotations

import html
import json

from lnb_dash import i18n

# The link stays visible (WCAG 2.4.1); a press moves the focus to what follows the map, not into its 61 areas.
# Streamlit titles every map frame "streamlit_folium.st_folium": the script gives it the map's own name (WCAG 4.1.2).
_MAP_FRAME = """<style>
.lnb-skip-map {{ display: inline-block; padding: .3rem .1rem; min-height: 24px; color: #1a4fb5; font-size: .9rem; }}
.lnb-skip-map:focus-visible, [data-lnb-skip-target]:focus {{ outline: 3px solid #1a4fb5; outline-offset: 2px; }}
[data-testid="stElementContainer"]:has(> div > span.lnb-map-anchor:only-child) {{ display: none; }}
</style>
{link}
<script>
(function () {{
  var link = document.getElementById({id_js});
  if (!link || link.dataset.ready) return;
  link.dataset.ready = "1";
  function mapBox() {{
    var box = link.closest('[data-testid="stElementContainer"]');
    var next = box && box.nextElementSibling;
    return next && next.querySelector("iframe") ? next : null;
  }}
  (function name(tries) {{
    var box = mapBox();
    if (box) box.querySelector("iframe").title = {title_js};
    else if (tries > 0) setTimeout(function () {{ name(tries - 1); }}, 200);
  }})(50);
  link.addEventListener("click", function (event) {{
    event.preventDefault();
    var next = mapBox();
    while (next && next.querySelector("iframe")) next = next.nextElementSibling;
    if (!next) return;
    next.setAttribute("tabindex", "-1");
    next.setAttribute("data-lnb-skip-target", "");
    next.focus();
  }});
}})();
</script>"""


def _js(text: str) -> str:
    """A JavaScript string literal that cannot end the script it sits in."""
    return json.dumps(text).replace("<", "\\u003c")


def map_frame_html(key: str, title: str, lang: str, skip: bool = True) -> str:
    """Put before a map: a visible link that moves the focus past it (its areas are one Tab stop each) when ``skip``,
    and a script that gives the map's frame ``title``, which a screen reader announces on entering it."""
    link_id = "lnb-map-" + "".join(c if c.isalnum() else "-" for c in key)
    link = (f'<a href="#" class="lnb-skip-map" id="{link_id}">{html.escape(i18n.t("a11y_skip_map", lang))}</a>' if skip
            else f'<span class="lnb-map-anchor" id="{link_id}"></span>')
    return _MAP_FRAME.format(link=link, id_js=_js(link_id), title_js=_js(title))


# One polite live region for the whole page, made once outside Streamlit's elements (which are replaced when they change,
# and a region that is new when its text arrives is not read): each new title of a view is put in it.
_LIVE_TITLE = """<style>[data-testid="stElementContainer"]:has(#{id}) {{ display: none; }}</style>
<script id="{id}">
(function () {{
  var region = document.getElementById("lnb-live");
  if (!region) {{
    region = document.createElement("div");
    region.id = "lnb-live";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    region.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";
    document.body.appendChild(region);
  }}
  region.textContent = {text_js};
}})();
</script>"""


def live_title_html(title: str, lang: str) -> str:
    """A script that says a view's new title to a screen reader ("Now showing: …") when an indicator or year changes."""
    return _LIVE_TITLE.format(id="lnb-live-title", text_js=_js(i18n.t("a11y_title_now", lang, title=title)))
