"""Presentation stories: a list of views ("steps") read from ``data/stories/*.yml``, checked by one schema.

A step names any page (map at any level, municipal or county trends, compare, a municipality or county profile,
programme, overview) with that page's own URL parameters and a title in both languages. Unlike a link, which is
parsed leniently, a story file is checked strictly: every problem names the file, the step and the field, so
``python -m lnb_dash check`` can refuse it and the presentation page can show its message for that story alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lnb_dash import config, levels, names
from lnb_dash.model.address import CompareView, CountyProfileView, MapView, ProfileView, TrendsView, View
from lnb_dash.model.classify import SCHEMES

STORIES_DIR = config.DATA_DIR / "stories"
# Each page a step can show, with the view (or views) its parameters fill; programme and overview take none.
PAGE_VIEWS: dict[str, tuple[type[View], ...]] = {
    "map": (MapView,), "trends": (TrendsView,), "compare": (CompareView,), "profile": (ProfileView, CountyProfileView),
    "programme": (), "overview": (),
}
STEP_PAGES = tuple(PAGE_VIEWS)
CLASS_COUNTS = range(3, 8)  # the map page's choice of classes
LEVEL_CHOICES = {MapView: levels.AREA, TrendsView: levels.TREND}
MUNICIPALITY_FIELDS = {"m"}
COUNTY_FIELDS = {"county", "areas"}
TRUE, FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a story file, where it is: ``steering.yml, step 3, year: …``."""

    file: str
    step: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.file, f"step {self.step}" if self.step else "", self.field) if p)
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Step:
    page: str
    title: dict[str, str]
    params: dict[str, str] = field(default_factory=dict)

    def view(self) -> View | None:
        """The step's view (a county profile when it names ``county``); None for programme and overview."""
        views = PAGE_VIEWS[self.page]
        if not views:
            return None
        cls = CountyProfileView if self.page == "profile" and "county" in self.params else views[0]
        return cls.from_query_params(self.params)


@dataclass(frozen=True)
class Story:
    story_id: str
    title: dict[str, str]
    steps: tuple[Step, ...]
    path: Path | None = None


@dataclass(frozen=True)
class BrokenStory:
    """A story file that does not pass the schema: its name and what is wrong, shown instead of its steps."""

    story_id: str
    problems: tuple[Problem, ...]
    path: Path | None = None


@dataclass(frozen=True)
class Known:
    """What a step may name: each indicator with the years it has (from the database or the sources' coverage)."""

    indicator_years: Mapping[str, frozenset[int]]


def _text(value) -> str:
    return ",".join(str(v) for v in value) if isinstance(value, list) else str(value).lower() if isinstance(value, bool) else str(value)


def _bilingual(raw, file: str, step: int | None, name: str) -> tuple[dict[str, str], list[Problem]]:
    if not isinstance(raw, Mapping):
        return {}, [Problem(file, step, name, f"needs a text in each language ({', '.join(config.LANGS)})")]
    missing = [lang for lang in config.LANGS if not isinstance(raw.get(lang), str) or not raw[lang].strip()]
    problems = [Problem(file, step, f"{name}.{lang}", "missing or empty") for lang in missing]
    return {lang: str(raw.get(lang, "")) for lang in config.LANGS}, problems


def _check_value(cls: type[View], name: str, value: str, params: Mapping[str, str], known: Known | None) -> str | None:
    """What is wrong with one parameter's value, or None."""
    kind = str(next(f.type for f in dataclasses.fields(cls) if f.name == name))
    if kind == "bool" and value.lower() not in TRUE + FALSE:
        return f"must be true or false, not {value!r}"
    if kind in ("int", "int | None"):
        try:
            number = int(value)
        except ValueError:
            return f"must be a whole number, not {value!r}"
        if name == "k" and number not in CLASS_COUNTS:
            return f"must be between {CLASS_COUNTS.start} and {CLASS_COUNTS.stop - 1}"
        if name == "year" and known is not None and params.get("indicator") in known.indicator_years:
            years = known.indicator_years[params["indicator"]]
            if number not in years:
                return f"{params['indicator']} has no {number}; it has {', '.join(map(str, sorted(years)))}"
    if name in MUNICIPALITY_FIELDS | COUNTY_FIELDS:
        level = "county" if name in COUNTY_FIELDS else "municipality"
        for text in (v.strip() for v in value.split(",") if v.strip()):
            try:
                names.load_resolver().resolve(text, level)
            except names.UnknownName as exc:
                near = ", ".join(c.name for c in exc.suggestions[:3]) if exc.suggestions else ""
                return f"no {level} is called {text!r}" + (f" (closest: {near})" if near else "")
            except ValueError as exc:
                return str(exc)
    if name == "indicator" and known is not None and value not in known.indicator_years:
        return f"no indicator {value!r} in the data"
    if name == "scheme" and value not in SCHEMES:
        return f"must be one of {', '.join(SCHEMES)}, not {value!r}"
    if name == "breakdown" and value not in config.BREAKDOWNS:
        return f"must be one of {', '.join(config.BREAKDOWNS)}, not {value!r}"
    if name == "level" and value not in LEVEL_CHOICES.get(cls, (value,)):
        return f"must be one of {', '.join(LEVEL_CHOICES[cls])}, not {value!r}"
    return None


def check_step(raw, file: str, number: int, known: Known | None = None) -> tuple[Step | None, list[Problem]]:
    """One step of a story file against the schema: its page, parameters and both titles."""
    if not isinstance(raw, Mapping):
        return None, [Problem(file, number, "", "a step is a mapping with page, title and params")]
    page = raw.get("page")
    if page not in PAGE_VIEWS:
        return None, [Problem(file, number, "page", f"must be one of {', '.join(STEP_PAGES)}, not {page!r}")]
    title, problems = _bilingual(raw.get("title"), file, number, "title")
    unknown_keys = set(raw) - {"page", "title", "params"}
    problems += [Problem(file, number, key, "not a step field (page, title, params)") for key in sorted(unknown_keys)]
    given = raw.get("params") or {}
    if not isinstance(given, Mapping):
        return None, problems + [Problem(file, number, "params", "must be a mapping of the page's parameters")]
    params = {str(k): _text(v) for k, v in given.items()}
    views = PAGE_VIEWS[page]
    cls = CountyProfileView if page == "profile" and "county" in params else views[0] if views else None
    allowed = {f.name for f in dataclasses.fields(cls)} if cls else set()
    for name, value in params.items():
        if name not in allowed:
            offered = ", ".join(sorted(allowed)) or "none"
            problems.append(Problem(file, number, f"params.{name}", f"the {page} page has no such parameter (it takes: {offered})"))
            continue
        wrong = _check_value(cls, name, value, params, known)
        if wrong:
            problems.append(Problem(file, number, f"params.{name}", wrong))
    return (Step(page, title, params) if not problems else None), problems


def check_story(raw, path: Path, known: Known | None = None) -> Story | BrokenStory:
    """A parsed story file against the schema: its title in both languages and at least one valid step."""
    file = path.name
    if not isinstance(raw, Mapping):
        return BrokenStory(path.stem, (Problem(file, None, "", "a story file is a mapping with id, title and steps"),), path)
    story_id = str(raw.get("id") or path.stem)
    title, problems = _bilingual(raw.get("title"), file, None, "title")
    raw_steps = raw.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        problems.append(Problem(file, None, "steps", "a story needs a list of at least one step"))
        raw_steps = []
    steps = []
    for number, raw_step in enumerate(raw_steps, start=1):
        step, step_problems = check_step(raw_step, file, number, known)
        problems += step_problems
        if step is not None:
            steps.append(step)
    if problems:
        return BrokenStory(story_id, tuple(problems), path)
    return Story(story_id, title, tuple(steps), path)


def read_story(path: Path, known: Known | None = None) -> Story | BrokenStory:
    """One story file, checked; a file that is not YAML is a broken story too (never an exception)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return BrokenStory(path.stem, (Problem(path.name, None, "", f"cannot be read as YAML: {exc}".splitlines()[0]),), path)
    return check_story(raw, path, known)


def story_files(directory: Path = STORIES_DIR) -> list[Path]:
    return sorted(directory.glob("*.yml")) + sorted(directory.glob("*.yaml")) if directory.is_dir() else []


def signature(directory: Path = STORIES_DIR) -> tuple:
    """The story files' names, sizes and modification times: a cache key that changes when a file is added or edited."""
    out = []
    for path in story_files(directory):
        try:
            stat = path.stat()
        except OSError:
            continue
        out.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(out)


def list_stories(directory: Path = STORIES_DIR, known: Known | None = None) -> dict[str, Story | BrokenStory]:
    """Every story file by its id, valid or not (a broken one never hides the others)."""
    return {story.story_id: story for story in (read_story(p, known) for p in story_files(directory))}


def check_stories(directory: Path = STORIES_DIR, known: Known | None = None) -> list[Problem]:
    """Every problem of every story file (``python -m lnb_dash check``)."""
    problems = [p for s in list_stories(directory, known).values() if isinstance(s, BrokenStory) for p in s.problems]
    ids = [read.story_id for read in (read_story(p, known) for p in story_files(directory))]
    problems += [Problem(f"{i}", None, "id", "two story files have this id") for i in sorted({i for i in ids if ids.count(i) > 1})]
    return problems


def choose_story(available: Mapping[str, Story | BrokenStory], requested: str | None,
                 default: str = config.DEFAULT_STORY) -> tuple[str | None, bool]:
    """(the story to show, whether ``requested`` names no story). Without a request: the configured default, else the
    first story; an unknown request shows nothing in its place (the page says so and lists the stories)."""
    if requested:
        return (requested, False) if requested in available else (None, True)
    if default in available:
        return default, False
    return next(iter(available), None), False


def clamp_step(step: str | int | None, story: Story) -> int:
    """A 1-based step number within the story (bad input gives the first step)."""
    try:
        return min(max(int(step), 1), len(story.steps))
    except (TypeError, ValueError):
        return 1


def step_snippet(page: str, view: View | None, title: Mapping[str, str]) -> str:
    """The YAML of one story step showing ``view`` on ``page``: what "copy as story step" gives to paste into a story file."""
    step: dict = {"page": page}
    if view is not None:
        params = view.to_query_params()
        if params:
            step["params"] = {k: int(v) if v.isdigit() and k in ("year", "k") else v for k, v in params.items()}
    step["title"] = {lang: title.get(lang, "") for lang in config.LANGS}
    return yaml.safe_dump([step], allow_unicode=True, sort_keys=False, width=200)


def one_step_story(page: str, params: Mapping[str, str], title: Mapping[str, str]) -> Story:
    """``?present=1`` on a page: that page's own view as a presentation of one step (its parameters as the URL gives them)."""
    views = PAGE_VIEWS[page]
    cls = CountyProfileView if page == "profile" and "county" in params else views[0] if views else None
    allowed = {f.name for f in dataclasses.fields(cls)} if cls else set()
    own = {k: str(v[-1] if isinstance(v, list) else v) for k, v in params.items() if k in allowed}
    if cls is not None:
        own = cls.from_query_params(own).to_query_params()
    return Story("", dict(title), (Step(page, dict(title), own),))
