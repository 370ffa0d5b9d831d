"""Presentation stories are checked when read."""

import pytest

from lnb_dash.model import stories


def test_the_shipped_story_has_the_programme_and_three_maps():
    story = stories.list_stories()["steering_committee"]
    assert [s.page for s in story.steps] == ["programme", "map", "map", "map"]
    assert all(s.title["sq"] and s.title["en"] for s in story.steps)


def test_a_step_with_an_unknown_page_is_refused(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("steps:\n  - page: nowhere\n    title: {sq: a, en: b}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.yml, step 1: page must be one of"):
        stories.read_story(path)


@pytest.mark.parametrize("raw, expected", [(None, 1), ("0", 1), ("2", 2), ("99", 4), ("two", 1)])
def test_step_numbers_are_clamped(raw, expected):
    assert stories.clamp_step(raw, stories.list_stories()["steering_committee"]) == expected
