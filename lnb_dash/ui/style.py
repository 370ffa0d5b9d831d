"""CSS the pages inject: print, chromeless presentation and embedding, the map frame's height."""

from __future__ import annotations

import streamlit as st

PRINT_STYLE = """<style>
/* WCAG AA: Streamlit's captions are grey at 60 % opacity (3.9:1 on white); this is 7:1. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #555555 !important; opacity: 1 !important; }
[data-testid="stCaptionContainer"] a { color: #1a4fb5 !important; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  .stDownloadButton, [data-testid="stSidebarCollapsedControl"] { display: none !important; }
  .block-container { padding-top: 0 !important; max-width: 100% !important; }
  h2, h3 { break-after: avoid; } [data-testid="stDataFrame"], iframe { break-inside: avoid; }
}
</style>"""


# WCAG 2.4.7: Streamlit marks a focused link (the menu, page links) and its main area with a faint tint or nothing at
# all, a picker with a thin tinted border; every focus gets the same ring (the search box's is in its own frame).
FOCUS_STYLE = """<style>
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible, [role="radio"]:focus-visible,
input[type="radio"]:focus-visible, input[type="checkbox"]:focus-visible, [data-testid="stSelectbox"] div:has(> input:focus),
[data-testid="stMultiSelect"] div:has(> input:focus) {
  outline: 3px solid #1a4fb5 !important; outline-offset: 2px !important; }
main:focus-visible { outline: 3px solid #1a4fb5 !important; outline-offset: -3px !important; }
</style>"""


# WCAG 2.5.8 on a phone: a finger's target at least 24 px high (a folded caveat's line was 16, a checkbox's 21, the
# links to similar municipalities 18); the pickers, buttons and tabs are taller already.
TOUCH_STYLE = """<style>
@media (max-width: 640px) {
  summary { min-height: 24px; line-height: 24px; }
  [data-testid="stCheckbox"] label { min-height: 24px; align-items: center; }
  .lnb-similar a, .lnb-compare-link { display: inline-block; min-height: 24px; line-height: 24px; }
}
/* WCAG 1.4.10: a chart of fixed width (the programme's facet, 852 px) scrolls inside its own box, not the page sideways */
[data-testid="stVegaLiteChart"] { max-width: 100%; overflow-x: auto; }
[data-testid="stVegaLiteChart"]:focus-visible { outline: 3px solid #1a4fb5; outline-offset: 2px; }
</style>"""


# Presenting and embedding: the map's frame takes the height the screen has left (the map inside follows it).
MAP_FRAME = 'iframe[src*="streamlit_folium.st_folium"]'  # by its address: the page gives the frame the map's own title


CHROMELESS_STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
.block-container { padding-top: 1rem !important; padding-bottom: 1rem !important; max-width: 100% !important; }
</style>"""


# Presenting: type that scales with the screen (body ≥ 18 px at 1920×1080), a map frame that takes the height left under
# the title and the buttons, and a side column that never scrolls (the caveats are one line that opens on demand).
PRESENT_STYLE = """<style>
.stMarkdown p, .stMarkdown li { font-size: clamp(15px, 0.95vw + 1px, 24px) !important; }
[data-testid="stCaptionContainer"] p { font-size: clamp(13px, 0.8vw + 3px, 20px) !important; }
h1 { font-size: clamp(22px, 1.9vw, 42px) !important; padding: 0 0 .3rem 0 !important; }
h2 { font-size: clamp(18px, 1.4vw, 32px) !important; padding: .2rem 0 !important; }
h3 { font-size: clamp(17px, 1.2vw, 28px) !important; padding: 0 0 .2rem 0 !important; }
.lnb-legend, .lnb-legend * { font-size: clamp(14px, 0.85vw + 2px, 22px) !important; } .lnb-legend ul { line-height: 1.35 !important; }
[data-testid="stDataFrame"] { font-size: 1.1rem; }
.block-container { padding-top: .6rem !important; padding-bottom: .4rem !important; }
[data-testid="stVerticalBlock"] { gap: .5rem; }
</style>""" + f"<style>{MAP_FRAME} {{ height: max(260px, calc(100vh - 190px)) !important; }}</style>"


# The map takes the frame's height less the title, the "skip the map" link above it and the source line below.
EMBED_STYLE = (f"<style>{MAP_FRAME} {{ height: max(240px, calc(100vh - 220px)) !important; }}"
               "[data-testid='stColumn']:has(.lnb-legend) { max-height: calc(100vh - 190px); overflow-y: auto; }"
               "h1 { font-size: 1.5rem !important; padding: 0 0 .4rem 0 !important; }</style>")


def render_frame_style(mode: str) -> None:
    """Readable captions, a visible focus and a clean print everywhere; no menus when presenting or embedded; large type when presenting."""
    st.html(PRINT_STYLE + FOCUS_STYLE + TOUCH_STYLE + (CHROMELESS_STYLE if mode != "normal" else "") + (PRESENT_STYLE if mode == "present" else "")
            + (EMBED_STYLE if mode == "embed" else ""))
