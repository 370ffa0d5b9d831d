"""Presentation stories: a sequence of views ("steps") read from ``data/stories/*.yml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lnb_dash import config

STORIES_DIR = config.DATA_DIR / "stories"
STEP_PAGES = ("programme", "map")


@dataclass(frozen=True)
class Step:
    page: str
    title: dict[str, str]
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Story:
    story_id: str
    title: dict[str, str]
    steps: tuple[Step, ...]


def read_story(path: Path) -> Story:
    """Parse and check one story file; a bad file raises ValueError naming the file and the step."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    steps = []
    for i, step in enumerate(raw.get("steps") or [], start=1):
        if step.get("page") not in STEP_PAGES:
            raise ValueError(f"{path.name}, step {i}: page must be one of {', '.join(STEP_PAGES)}, not {step.get('page')!r}")
        title = step.get("title") or {}
        if not all(title.get(lang) for lang in config.LANGS):
            raise ValueError(f"{path.name}, step {i}: title needs 'sq' and 'en'")
        steps.append(Step(step["page"], title, {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in (step.get("params") or {}).items()}))
    if not steps:
        raise ValueError(f"{path.name}: a story needs at least one step")
    return Story(raw.get("id") or path.stem, raw.get("title") or {"sq": path.stem, "en": path.stem}, tuple(steps))


def list_stories(directory: Path = STORIES_DIR) -> dict[str, Story]:
    return {story.story_id: story for story in (read_story(p) for p in sorted(directory.glob("*.yml")))}


def clamp_step(step: str | int | None, story: Story) -> int:
    """A 1-based step number within the story (bad input gives the first step)."""
    try:
        return min(max(int(step), 1), len(story.steps))
    except (TypeError, ValueError):
        return 1
