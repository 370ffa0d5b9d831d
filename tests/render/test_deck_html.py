"""The HTML deck as a file: everything inlined, nothing it could fetch, every step with its source."""

import json
import re
from pathlib import Path

import pytest
import xstatic.pkg.leaflet as xstatic_leaflet

from lnb_dash import config, names
from lnb_dash.render import deck, deck_html


@pytest.fixture(scope="module")
def built(con):
    story = deck.load_story(con, config.DATA_DIR / "stories", "every_view")
    slides = deck.build_slides(con, story, "en")
    return story, slides, deck_html.build_html(slides, story.title["en"], "en")


def test_one_section_per_step_with_its_title_heading_and_source(built):
    story, slides, page = built
    sections = re.findall(r"<section class='slide'.*?</section>", page, flags=re.S)
    assert len(sections) == len(story.steps) == 6
    for step, slide, section in zip(story.steps, slides, sections):
        assert step.title["en"].replace("&", "&amp;") in section and "Source" in section
        assert slide.heading in section or slide.heading.replace("'", "&#x27;") in section
    assert " hidden" not in sections[0] and all(" hidden" in s for s in sections[1:])  # opens on the first step


def test_leaflet_and_the_maps_are_inlined_and_nothing_is_fetched(built):
    _, _, page = built
    leaflet = (Path(xstatic_leaflet.BASE_DIR) / "leaflet.js").read_text(encoding="utf-8")
    assert leaflet in page and "leaflet-container" in page
    ours = page.replace(leaflet, "")  # Leaflet's own attribution link is never drawn (no attribution control)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", ours), "a reference to the network"
    assert "connect-src" not in deck_html.POLICY and "default-src 'none'" in page  # the file may fetch nothing
    maps = json.loads(re.search(r"<script type='application/json' id='lnb-maps'>(.*?)</script>", page, flags=re.S).group(1))
    assert [len(m["features"]) for m in maps] == [12, 61]  # the county map and the municipality profile's locator
    assert maps[0]["features"][0]["properties"]["t"][0][0] == "County" and maps[1]["focus"] == names.load_resolver().code("Përmet")


def test_charts_are_drawn_as_svg_in_the_file(built):
    _, _, page = built
    assert page.count("<svg") >= 4 and "Korçë" in page


def test_the_keys_a_clicker_sends_are_listened_for(built):
    _, _, page = built
    for key in ("ArrowRight", "PageDown", '" "', "ArrowLeft", "PageUp", "Home", "End"):
        assert key in page
