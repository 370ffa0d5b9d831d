"""The PowerPoint deck, read back with python-pptx as PowerPoint or Impress would open it."""

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from lnb_dash import config
from lnb_dash.render import deck, deck_pptx, images


@pytest.fixture(scope="module")
def built(con):
    story = deck.load_story(con, config.DATA_DIR / "stories", "steering_committee")
    slides = deck.build_slides(con, story, "sq")
    return story, slides, Presentation(io.BytesIO(deck_pptx.build_pptx(slides, story.title["sq"], "sq")))


def texts(page) -> str:
    return "\n".join(shape.text_frame.text for shape in page.shapes if shape.has_text_frame)


def test_one_16_9_slide_per_step(built):
    story, _, presentation = built
    assert len(presentation.slides) == len(story.steps) == 5
    assert presentation.slide_width * 9 == presentation.slide_height * 16
    assert presentation.core_properties.title == story.title["sq"]


def test_each_slide_has_its_title_what_it_shows_its_picture_and_its_source(built):
    story, slides, presentation = built
    for step, slide, page in zip(story.steps, slides, presentation.slides):
        pictures = [s for s in page.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1, step.title["sq"]
        width, height = images.png_size(pictures[0].image.blob)
        assert width > 1000 and height > 500  # drawn at twice its size: sharp on a projector
        assert pictures[0].left + pictures[0].width <= presentation.slide_width and pictures[0].top + pictures[0].height <= presentation.slide_height
        text = texts(page)
        assert step.title["sq"] in text and slide.heading in text and slide.source in text
        assert "Paneli LNB i bashkive · 20" in text  # the date the deck was made


def test_map_titles_say_indicator_breakdown_level_year_and_unit(built):
    _, _, presentation = built
    text = texts(presentation.slides[4])
    assert "Pjesëmarrja në zgjedhjet vendore – Gra – Bashki, 2015 (%)" in text and "Burimi: Komisioni Qendror i Zgjedhjeve" in text


def test_caveats_are_short_on_the_slide_and_whole_in_the_speaker_notes(built):
    _, slides, presentation = built
    for slide, page in zip(slides, presentation.slides):
        notes = page.notes_slide.notes_text_frame.text
        assert "Kujdes:" in notes and all(c in notes for c in slide.caveats)
        assert "Numrat e figurës:" in notes and all(line in notes for line in slide.notes)
        assert f"⚠ Kujdes ({len(slide.caveats)}): të plota në shënimet e folësit" in texts(page)
    assert "193\xa0000" in presentation.slides[0].notes_slide.notes_text_frame.text


def test_a_long_source_line_shrinks_to_stay_on_the_slide(con):
    box = (deck_pptx.WIDTH, deck_pptx.HEIGHT // 6)
    assert deck_pptx.fitting_size(["Burimi: INSTAT, Censusi 2011."], *box) == 11
    long = deck_pptx.fitting_size(["Burimet: " + "INSTAT, Censusi i popullsisë dhe banesave 2011 (2012); Licenca: publike. " * 20], *box)
    assert 7 <= long < 11
    story = deck.load_story(con, config.DATA_DIR / "stories", "every_view")
    county = Presentation(io.BytesIO(deck_pptx.build_pptx(deck.build_slides(con, story, "en")[-1:], "t", "en"))).slides[0]
    footer = max((s for s in county.shapes if s.has_text_frame), key=lambda s: s.top)  # the county's six sources
    assert footer.top + footer.height <= deck_pptx.HEIGHT
    assert all(run.font.size.pt < 11 for paragraph in footer.text_frame.paragraphs for run in paragraph.runs)


def test_a_long_title_gets_smaller_type_and_stays_above_the_picture(built):
    story, _, presentation = built
    page = presentation.slides[4]  # "Zëri i grave: pjesëmarrja e grave në zgjedhjet vendore 2015, krahasuar me Shqipërinë"
    title = next(s for s in page.shapes if s.has_text_frame and story.steps[4].title["sq"] in s.text_frame.text)
    assert title.text_frame.paragraphs[0].runs[0].font.size.pt < 28
    short = next(s for s in presentation.slides[1].shapes if s.has_text_frame and story.steps[1].title["sq"] in s.text_frame.text)
    assert short.text_frame.paragraphs[0].runs[0].font.size.pt == 28
    picture = next(s for s in page.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert title.top + title.height <= picture.top
