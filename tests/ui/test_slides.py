"""Presentation slides: a broken story file shows its own message and leaves the others working; files are re-read
without a restart; the keys a clicker sends are the presentation's."""

import shutil

import pytest

from lnb_dash import config
from lnb_dash.model import stories
from lnb_dash.ui import slides
from tests.pages.helpers import open_page

BROKEN = "title: {sq: Prishur, en: Broken}\nsteps:\n  - page: map\n    params: {indicator: nothing}\n    title: {sq: Një}\n"


@pytest.fixture
def stories_dir(tmp_path, monkeypatch, app_db):
    folder = tmp_path / "stories"
    shutil.copytree(config.DATA_DIR / "stories", folder)
    (folder / "broken.yml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.setattr(stories, "STORIES_DIR", folder)
    return folder


def test_a_broken_story_shows_its_own_bilingual_message(stories_dir):
    for lang, words in (("sq", "Historia 'broken' nuk mund të shfaqet"), ("en", "The story 'broken' cannot be shown")):
        at = open_page("present", present="1", story="broken", lang=lang)
        assert words in at.error[0].value
        assert "broken.yml, step 1, title.en: missing or empty" in at.code[0].value
        assert "broken.yml, step 1, params.indicator: no indicator 'nothing' in the data" in at.code[0].value


def test_the_shipped_story_keeps_working_beside_a_broken_one(stories_dir):
    at = open_page("present", present="1", lang="en")
    assert not at.error and at.title[0].value == "What the programme achieved: the headline results"
    assert "⚠ broken" in at.selectbox(key="present.story").options


def test_a_new_story_file_is_picked_up_without_a_restart(stories_dir):
    at = open_page("present", present="1", story="fresh", lang="en")
    assert at.warning
    (stories_dir / "fresh.yml").write_text("title: {sq: E re, en: Fresh}\nsteps:\n  - page: programme\n    title: {sq: Programi, en: Programme}\n",
                                           encoding="utf-8")
    at = open_page("present", present="1", story="fresh", lang="en")
    assert not at.warning and at.title[0].value == "Programme"


def test_every_clicker_key_is_listened_for_in_every_frame():
    for key in ("ArrowRight", "PageDown", "ArrowDown", "ArrowLeft", "PageUp", "ArrowUp", "Home", "End", '" "', "shiftKey"):
        assert key in slides.KEYS_SCRIPT
    assert "iframe" in slides.KEYS_SCRIPT and 'modality === "keyboard"' in slides.KEYS_SCRIPT


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_the_presentation_offers_the_story_as_powerpoint_and_offline_html(lang):
    at = open_page("present", present="1", story="steering_committee", lang=lang)
    ids = [button.proto.id for button in at.get("download_button")]
    assert [i for i in ids if i.endswith((f"steering_committee_{lang}.pptx", f"steering_committee_{lang}.html"))] == ids and len(ids) == 2
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == (["Sllajdet (PowerPoint)", "Sllajdet për t'u paraqitur pa internet (HTML)"] if lang == "sq"
                      else ["Slides (PowerPoint)", "Slides to present offline (HTML)"])


def test_a_presented_page_view_downloads_as_a_deck_named_by_its_page():
    at = open_page("present", present="1", view="trends", indicator="population_1jan", level="county", areas="AL-11", lang="en")
    assert any(button.proto.id.endswith("trends_en.pptx") for button in at.get("download_button"))
