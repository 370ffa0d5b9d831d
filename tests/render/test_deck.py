"""A story's steps as slides for the take-away decks: every kind of step, what each title says, the source."""

import pytest

from lnb_dash import config
from lnb_dash.model import stories
from lnb_dash.render import deck, images

STORIES = config.DATA_DIR / "stories"


@pytest.fixture(scope="module")
def every_view(con):
    story = deck.load_story(con, STORIES, "every_view")
    return story, deck.build_slides(con, story, "en")


def test_one_slide_per_step_in_the_story_order_with_its_own_title(every_view):
    story, slides = every_view
    assert [s.title for s in slides] == [step.title["en"] for step in story.steps]
    assert len(slides) == 6


def test_every_heading_says_what_the_numbers_are_and_every_slide_its_source(every_view):
    _, slides = every_view
    county_map, county_trends, municipal_trends, compared, municipality, county = slides
    assert county_map.heading == "Population (census) – County, 2023 (persons)"
    assert county_trends.heading.startswith("Population on 1 January") and "– County, 2002–" in county_trends.heading
    assert county_trends.heading.endswith("(persons)")
    assert municipal_trends.heading == "Turnout, parliamentary elections – Municipality, 2013–2017 (%)"
    assert compared.heading == "Municipalities: Korçë, Pogradec, Devoll" and "2015 (%)" in compared.subtitle
    assert municipality.heading == "Municipality Përmet: Key facts" and municipality.facts[1][0] == "Population"
    assert county.heading.startswith("Gjirokastër") and len(county.facts) == deck.COUNTY_ROWS
    for slide in slides:
        assert slide.source.startswith(("Source: ", "Sources: ")), slide.title
        assert slide.notes, slide.title  # the numbers for the speaker notes


def test_a_map_slide_has_the_screen_map_and_every_area_in_its_notes(every_view):
    _, slides = every_view
    county_map = slides[0]
    assert county_map.map is not None and county_map.map.spec.layer == "counties" and "County" in county_map.map.legend_html
    assert len(county_map.notes) == 12 + 1 and county_map.notes[0].startswith("Albania")  # Albania's figure, then the 12 counties
    assert "OpenStreetMap" in county_map.source  # the boundaries' licence


def test_missing_values_stay_missing_in_the_notes(con):
    params = {"indicator": "covid19_families_assisted", "year": "2020"}
    story = stories.Story("t", {"sq": "t", "en": "t"}, (stories.Step("map", {"sq": "a", "en": "a"}, params),))
    slide = deck.build_slides(con, story, "en")[0]
    assert slide.heading.startswith("Families assisted") and slide.heading.endswith("– Municipality, 2020 (families)")
    missing = [line for line in slide.notes if line.endswith(": Not reported")]
    assert len(missing) == 58 and not any(line.endswith(": 0") for line in slide.notes)


def test_a_doubtful_value_is_marked_in_the_notes(con):
    params = {"indicator": "local_turnout", "year": "2015", "breakdown": "female"}
    story = stories.Story("t", {"sq": "t", "en": "t"}, (stories.Step("map", {"sq": "a", "en": "a"}, params),))
    slide = deck.build_slides(con, story, "en")[0]
    assert slide.heading == "Turnout, local elections – Women – Municipality, 2015 (%)"
    assert len([line for line in slide.notes if " ⚠ " in line]) == 20  # the 20 municipalities whose women + men miss the total


def test_albanian_slides_are_in_albanian(con):
    story = deck.load_story(con, STORIES, "steering_committee")
    slides = deck.build_slides(con, story, "sq")
    assert [s.title for s in slides] == [step.title["sq"] for step in story.steps]
    assert slides[0].heading == "Rezultatet kryesore të LNB" and "193\xa0000" in " ".join(slides[0].notes)
    assert slides[3].heading == "Popullsia (census) – Bashki, 2011 (banorë)"
    assert all(s.source.startswith("Burimi") for s in slides)


def test_every_picture_is_drawn_with_its_heading_and_source(every_view):
    _, slides = every_view
    svg = images.to_svg(slides[3].picture("en"))
    assert "Korçë, Pogradec, Devoll" in svg and "Source" in svg and "LNB municipal dashboard" in svg


def test_a_picture_shows_the_first_caveats_and_says_where_the_rest_are(every_view):
    _, slides = every_view
    county = slides[-1]
    shown = county.caveats_shown("en")
    assert len(county.caveats) > deck.PICTURE_CAVEATS and len(shown) == deck.PICTURE_CAVEATS
    assert shown[-1] == f"⚠ Caveats ({len(county.caveats)}): in full in the speaker notes"
    assert slides[0].caveats_shown("en") == [c for c in slides[0].caveats_shown("en") if c.startswith("⚠")]


def test_unknown_and_broken_stories_say_what_is_wrong(con, tmp_path):
    with pytest.raises(ValueError, match="the stories are: every_view, steering_committee"):
        deck.load_story(con, STORIES, "nope")
    (tmp_path / "bad.yml").write_text("id: bad\ntitle: {sq: a, en: b}\nsteps:\n  - page: map\n    params: {indicator: nope}\n"
                                      "    title: {sq: a, en: b}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"step 1, params\.indicator"):
        deck.load_story(con, tmp_path, "bad")


def test_file_names_say_the_story_and_the_language():
    assert deck.file_name("steering_committee", "sq", "pptx") == "steering_committee_sq.pptx"
