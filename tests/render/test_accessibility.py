"""The keyboard and screen-reader additions around a map: a skip link in the page language and the frame's title."""

from lnb_dash.ops import page_scripts
from lnb_dash.render import accessibility


def test_an_interactive_map_gets_a_skip_link_in_the_page_language_and_a_title():
    sq = accessibility.map_frame_html("map.folium", "Hartë e popullsisë", "sq")
    assert ">Kapërce hartën</a>" in sq and 'data-lnb-map-title="Hartë e popullsisë"' in sq
    assert ">Skip the map</a>" in accessibility.map_frame_html("map.folium", "Population map", "en")


def test_a_still_map_gets_its_title_and_no_link():
    still = accessibility.map_frame_html("profile.locator", "Location of Korçë", "en", skip=False, still=True)
    assert "<a " not in still and 'data-lnb-map-title="Location of Korçë"' in still
    assert "data-lnb-still></span>" in still, "its frame is taken out of the Tab order (nothing in it answers a key)"
    search = accessibility.map_frame_html("profile.search.frame", "Choose a municipality", "en", skip=False)
    assert "data-lnb-still></span>" not in search, "a search box's frame stays a Tab stop"


def test_a_title_cannot_close_the_script_or_change_it():
    html = accessibility.map_frame_html("k", '</script><b x="1">', "en")
    assert "</script><b" not in html and 'x="1"' not in html
    assert html.endswith(page_scripts.script_tag(page_scripts.MAP_FRAME)), "the script is the fixed one the CSP allows by hash"


def test_a_new_title_is_said_politely_in_the_page_language():
    sq = accessibility.live_title_html("Popullsia, 2011", "sq")
    assert 'data-lnb-live="Tani shfaqet: Popullsia, 2011"' in sq and sq.endswith(page_scripts.script_tag(page_scripts.LIVE_TITLE))
    assert '"aria-live", "polite"' in page_scripts.LIVE_TITLE
