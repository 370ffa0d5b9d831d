"""Presentation stories: any view as a step, one schema that names the file, step and field of every problem."""

import pytest

from lnb_dash.model import stories
from lnb_dash.model.address import CountyProfileView, TrendsView

KNOWN = stories.Known({"population": frozenset({2011, 2023}), "population_1jan": frozenset({2020, 2023}), "lnb_priority": frozenset({2019})})
TITLE = "    title: {sq: Një, en: One}\n"


def write(tmp_path, text: str, name: str = "talk.yml"):
    path = tmp_path / name
    path.write_text("title: {sq: Bisedë, en: Talk}\nsteps:\n" + text, encoding="utf-8")
    return path


def test_the_shipped_story_opens_with_the_headline_results_then_the_pairs_and_three_maps():
    story = stories.list_stories()["steering_committee"]
    assert [s.page for s in story.steps] == ["overview", "programme", "map", "map", "map"]
    assert all(s.title["sq"] and s.title["en"] for s in story.steps)


def test_the_example_story_holds_every_kind_of_view():
    story = stories.list_stories()["every_view"]
    views = [s.view() for s in story.steps]
    assert [s.page for s in story.steps] == ["map", "trends", "trends", "compare", "profile", "profile"]
    assert views[0].level == "county" and views[1] == TrendsView(indicator="population_1jan", level="county", areas=("AL-11", "AL-02"))
    assert views[4].m == "AL335" and views[5] == CountyProfileView(county="AL-05")


def test_every_shipped_story_passes_the_schema():
    assert stories.check_stories() == []


@pytest.mark.parametrize("step, field, message", [
    ("  - page: nowhere\n" + TITLE, "page", "must be one of map, trends, compare, profile, programme, overview"),
    ("  - page: map\n    title: {sq: Një}\n", "title.en", "missing or empty"),
    ("  - page: map\n    params: {indicator: nothing}\n" + TITLE, "params.indicator", "no indicator 'nothing'"),
    ("  - page: map\n    params: {indicator: population, year: 2015}\n" + TITLE, "params.year", "population has no 2015; it has 2011, 2023"),
    ("  - page: map\n    params: {indicator: population, year: soon}\n" + TITLE, "params.year", "whole number"),
    ("  - page: map\n    params: {level: region}\n" + TITLE, "params.level", "must be one of"),
    ("  - page: trends\n    params: {m: Atlantis}\n" + TITLE, "params.m", "no municipality is called 'Atlantis'"),
    ("  - page: profile\n    params: {county: Atlantis}\n" + TITLE, "params.county", "no county is called 'Atlantis'"),
    ("  - page: compare\n    params: {indicator: population}\n" + TITLE, "params.indicator", "the compare page has no such parameter"),
    ("  - page: map\n    params: {priority: maybe}\n" + TITLE, "params.priority", "true or false"),
])
def test_a_bad_step_is_a_problem_naming_file_step_and_field(tmp_path, step, field, message):
    read = stories.read_story(write(tmp_path, "  - page: overview\n" + TITLE + step), KNOWN)
    assert isinstance(read, stories.BrokenStory)
    problem = read.problems[0]
    assert (problem.file, problem.step, problem.field) == ("talk.yml", 2, field) and message in problem.message
    assert str(problem).startswith(f"talk.yml, step 2, {field}: ")


def test_places_go_through_the_alias_table(tmp_path):
    read = stories.read_story(write(tmp_path, "  - page: compare\n    params: {m: 'korca,Bashkia Pogradec'}\n" + TITLE), KNOWN)
    assert read.steps[0].view().m == ("AL343", "AL345")


def test_a_story_without_its_title_or_steps_or_yaml_is_broken_not_an_exception(tmp_path):
    (tmp_path / "a.yml").write_text("steps: []\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("title: [unclosed\n", encoding="utf-8")
    write(tmp_path, "  - page: overview\n" + TITLE, "c.yml")
    read = stories.list_stories(tmp_path, KNOWN)
    assert {f.field for f in read["a"].problems} == {"title", "steps"}
    assert "cannot be read as YAML" in read["b"].problems[0].message
    assert isinstance(read["c"], stories.Story)


def test_the_default_story_comes_from_configuration_and_an_unknown_one_is_reported():
    available = {"a": None, "steering_committee": None}
    assert stories.choose_story(available, None, "steering_committee") == ("steering_committee", False)
    assert stories.choose_story(available, None, "gone") == ("a", False)
    assert stories.choose_story(available, "nowhere", "steering_committee") == (None, True)


def test_an_added_or_changed_file_changes_the_signature(tmp_path):
    before = stories.signature(tmp_path)
    path = write(tmp_path, "  - page: overview\n" + TITLE)
    added = stories.signature(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "# more\n", encoding="utf-8")
    assert before != added != stories.signature(tmp_path)


def test_a_page_view_becomes_a_one_step_story_and_a_step_to_paste(tmp_path):
    story = stories.one_step_story("trends", {"indicator": "population_1jan", "level": "county", "areas": "AL-11", "lang": "en"},
                                   {"sq": "Tendencat", "en": "Trends"})
    assert len(story.steps) == 1 and story.steps[0].view().areas == ("AL-11",)
    snippet = stories.step_snippet("trends", story.steps[0].view(), story.steps[0].title)
    read = stories.read_story(write(tmp_path, snippet.replace("- ", "  - ", 1).replace("\n  ", "\n    ")), None)
    assert isinstance(read, stories.Story) and read.steps[0].view() == story.steps[0].view()


@pytest.mark.parametrize("raw, expected", [(None, 1), ("0", 1), ("2", 2), ("99", 5), ("two", 1)])
def test_step_numbers_are_clamped(raw, expected):
    assert stories.clamp_step(raw, stories.list_stories()["steering_committee"]) == expected
