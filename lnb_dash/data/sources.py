"""Read the curated data folder: reference lists and one folder per source.

Layout (see README "How to add data")::

    data/reference/{municipalities,counties,former_units,aliases}.csv
    data/sources/<source_id>/datapackage.yaml   provenance, license, caveats, resources (Frictionless)
    data/sources/<source_id>/indicators.yml     indicators this source defines (optional)
    data/sources/<source_id>/observations.csv   tidy observations (optional), with per-value citation columns
                                                when its values were read on different pages
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

OBSERVATION_COLUMNS = ["area_code", "indicator", "breakdown", "year", "value", "status", "break_in_series", "note"]
# Optional, after the observation columns: where each value was read, for sources whose values come from different pages.
# citation_url is the publication a reader can open (the Wikipedia article, INSTAT's page, the newspaper's article);
# read_at_url, when given, is the copy the value was actually read in (a mirror, an archive), kept apart so that no mirror
# is ever cited.
CITATION_COLUMNS = ["citation_url", "citation_title", "citation_text", "citation_retrieved"]
READ_AT_COLUMN = "read_at_url"


@dataclass
class Source:
    """One source folder, read but not yet validated."""

    source_id: str
    folder: Path
    package: dict
    indicators: list[dict] = field(default_factory=list)
    observations: pd.DataFrame | None = None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def read_csv_text(path: Path) -> pd.DataFrame:
    """Every column as text, so validation sees exactly what the file says."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def load_yaml(path: Path):
    """A source's YAML, parsed safely by libyaml where PyYAML has it (every build reads them: ~10 x faster than pure Python)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_source(folder: Path) -> Source:
    package = load_yaml(folder / "datapackage.yaml") or {}
    source = Source(source_id=folder.name, folder=folder, package=package)
    if (folder / "indicators.yml").exists():
        source.indicators = (load_yaml(folder / "indicators.yml") or {}).get("indicators", [])
    for resource in package.get("resources", []):
        path = folder / resource["path"]
        frame = read_csv_text(path)
        if resource["name"] == "observations":
            source.observations = frame
        else:
            source.tables[resource["name"]] = frame
    return source


def list_source_folders(data_dir: Path) -> list[Path]:
    root = data_dir / "sources"
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))) if root.exists() else []


def read_sources(data_dir: Path) -> list[Source]:
    return [read_source(folder) for folder in list_source_folders(data_dir)]
