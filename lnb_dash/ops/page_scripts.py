"""The inline scripts the pages run, each one fixed text: what varies (the language, a map's title, a new title to
announce) travels in ``data-`` attributes of the element beside it. So the Content-Security-Policy that nginx sends
(``lnb_dash.ops.deploy``) allows exactly these scripts by their SHA-256 hash and no other inline script."""

from __future__ import annotations

import base64
import hashlib

# <html lang> follows the reader's language (WCAG 3.1.1): the last ``data-lnb-lang`` element says which. Vega draws an
# empty <form class="vega-bindings"> under every chart without controls (WCAG 3.2.2 to HTML_CodeSniffer): dropped. A
# chart wider than its column (a fixed-width facet on a phone) scrolls inside itself (ui/style.py), so the keyboard
# must reach it to scroll it (WCAG 2.1.1): it becomes a Tab stop.
PAGE_LANG = ('var l = document.querySelectorAll("[data-lnb-lang]"); if (l.length) document.documentElement.lang = l[l.length - 1].dataset.lnbLang;'
             " if (!window.__lnbForms) { window.__lnbForms = new MutationObserver(function () {"
             " document.querySelectorAll('form.vega-bindings:empty').forEach(function (f) { f.remove(); });"
             " document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]:not([tabindex])').forEach(function (c) {"
             " if (c.scrollWidth > c.clientWidth + 1) c.tabIndex = 0; }); });"
             " window.__lnbForms.observe(document.body, {childList: true, subtree: true}); }")

# Each element with ``data-lnb-map-title`` stands before a map: its frame gets that title (Streamlit calls every map
# frame "streamlit_folium.st_folium"; WCAG 4.1.2), and when it is the "skip the map" link, a press moves the focus to
# what follows the map, not into its 61 areas (WCAG 2.4.1).
MAP_FRAME = """(function () {
  document.querySelectorAll("[data-lnb-map-title]").forEach(function (link) {
    if (link.dataset.ready) return;
    link.dataset.ready = "1";
    function mapBox() {
      var box = link.closest('[data-testid="stElementContainer"]');
      var next = box && box.nextElementSibling;
      return next && next.querySelector("iframe") ? next : null;
    }
    (function name(tries) {
      var box = mapBox();
      if (box) {
        box.querySelector("iframe").title = link.dataset.lnbMapTitle;
        if (link.hasAttribute("data-lnb-still")) box.querySelector("iframe").tabIndex = -1;
      } else if (tries > 0) setTimeout(function () { name(tries - 1); }, 200);
    })(50);
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var next = mapBox();
      while (next && next.querySelector("iframe")) next = next.nextElementSibling;
      if (!next) return;
      next.setAttribute("tabindex", "-1");
      next.setAttribute("data-lnb-skip-target", "");
      next.focus();
    });
  });
})();"""

# One polite live region for the whole page, made once outside Streamlit's elements (which are replaced when they change,
# and a region that is new when its text arrives is not read): the last ``data-lnb-live`` element's text is put in it.
LIVE_TITLE = """(function () {
  var said = document.querySelectorAll("[data-lnb-live]");
  if (!said.length) return;
  var region = document.getElementById("lnb-live");
  if (!region) {
    region = document.createElement("div");
    region.id = "lnb-live";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    region.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";
    document.body.appendChild(region);
  }
  region.textContent = said[said.length - 1].dataset.lnbLive;
})();"""

# A presentation's keys (lnb_dash.ui.slides): forward →, PageDown, Space, ↓; back ←, PageUp, Shift+Space, ↑; Home/End.
PRESENT_KEYS = """(() => {
  if (window.__lnbPresentKeys) return;
  window.__lnbPresentKeys = true;
  const ACTIONS = {ArrowRight: "next", PageDown: "next", ArrowDown: "next", ArrowLeft: "previous", PageUp: "previous",
                   ArrowUp: "previous", Home: "first", End: "last"};
  const action = (e) => e.key === " " ? (e.shiftKey ? "previous" : "next") : ACTIONS[e.key];
  const typing = (t) => t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName || ""));
  let modality = "pointer";  // how the focus last moved: a click or tap, or the Tab key
  const mapByKeyboard = (doc) => {
    const a = doc.activeElement;
    return !!(a && a.closest && a.closest(".leaflet-container") && modality === "keyboard");
  };
  const press = (name) => {
    const button = document.querySelector(`.st-key-present-${name} button`);
    if (button && !button.disabled) button.click();
  };
  const onKey = (e) => {
    if (e.key === "Tab") modality = "keyboard";
    if (!document.querySelector(".st-key-present-next") || e.altKey || e.ctrlKey || e.metaKey) return;
    const act = action(e);
    if (!act || typing(e.target) || e.target.closest?.("[role=listbox], [data-baseweb=popover]")) return;
    if (e.key.startsWith("Arrow") && mapByKeyboard(e.target.ownerDocument || document)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    press(act);
  };
  const attach = (win) => {
    try {
      if (!win || win.__lnbKeyed) return;
      win.__lnbKeyed = true;
      win.addEventListener("keydown", onKey, true);
      win.addEventListener("pointerdown", () => { modality = "pointer"; }, true);
    } catch (err) { /* a frame from elsewhere: not ours to listen to */ }
  };
  const scan = () => document.querySelectorAll("iframe").forEach((f) => {
    attach(f.contentWindow);
    try { f.contentWindow.document.querySelectorAll("iframe").forEach((g) => attach(g.contentWindow)); } catch (err) { /* elsewhere */ }
  });
  attach(window);
  scan();
  new MutationObserver(scan).observe(document.body, {childList: true, subtree: true});
  setInterval(scan, 1000);
  // A step change hides the slide until the new step's run has drawn it to the end (its marker says which step), so
  // the old map or chart never stands under the next step's title while the new one is drawn.
  const step = () => new URLSearchParams(location.search).get("step");
  const drawn = (from) => step() !== from && !!document.querySelector(`.lnb-slide-done[data-step="${step()}"]`);
  document.addEventListener("click", (e) => {
    if (!e.target.closest || !e.target.closest(".st-key-present-next, .st-key-present-previous, .st-key-present-first, .st-key-present-last")) return;
    document.body.classList.add("lnb-stepping");
    const from = step();
    const started = Date.now();
    const done = setInterval(() => {
      if (drawn(from) || Date.now() - started > 60000) { document.body.classList.remove("lnb-stepping"); clearInterval(done); }
    }, 50);
  }, true);
})();
"""

ALL = (PAGE_LANG, MAP_FRAME, LIVE_TITLE, PRESENT_KEYS)


def script_tag(text: str) -> str:
    return f"<script>{text}</script>"


def sha256_source(text: str) -> str:
    """The CSP source that allows one inline script: ``'sha256-…'`` of its exact text."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"
