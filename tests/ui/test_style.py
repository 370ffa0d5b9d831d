"""The page's look by mode: a clean print everywhere, no menus when presenting or embedded, large type when presenting."""

import pytest
from streamlit.testing.v1 import AppTest

from lnb_dash.ui import style


def style_app(mode: str) -> None:
    from lnb_dash.ui import style

    style.render_frame_style(mode)


@pytest.mark.parametrize("mode, present, chromeless, embed", [("normal", False, False, False), ("present", True, True, False),
                                                              ("embed", False, True, True)])
def test_each_mode_gets_its_styles(mode, present, chromeless, embed):
    at = AppTest.from_function(style_app, args=(mode,), default_timeout=30).run()
    html = at.get("html")[0].proto.body
    assert style.PRINT_STYLE in html and style.FOCUS_STYLE in html and style.TOUCH_STYLE in html, "focus and targets in every mode"
    assert (style.PRESENT_STYLE in html, style.CHROMELESS_STYLE in html, style.EMBED_STYLE in html) == (present, chromeless, embed)


def test_print_shows_every_row_and_hides_the_controls():
    assert "@media print" in style.PRINT_STYLE
    assert "clamp(15px, 0.95vw + 1px, 24px)" in style.PRESENT_STYLE and style.MAP_FRAME in style.PRESENT_STYLE
