"""Validate the data folder before anything is built from it.

Every problem names the file, the row and the column, and says how to fix it. ``build`` refuses to
run while any problem remains, so the database is only ever made from data that passed.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from lnb_dash import config, levels
from lnb_dash.data.sources import CITATION_COLUMNS, OBSERVATION_COLUMNS, READ_AT_COLUMN, Source, list_source_folders, read_source
from lnb_dash.names import read_reference

REQUIRED_PACKAGE_FIELDS = ("title", "publisher", "licenses", "reference_date", "retrieved", "resources")
# The administrative units (communes and municipalities) before the 2015 reform.
N_FORMER_UNITS = 373
REQUIRED_INDICATOR_FIELDS = ("id", "theme", "kind", "aggregate", "decimals", "name", "unit", "definition")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row is not None else "") + (f", column {self.column!r}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class CheckResult:
    problems: list[Problem]
    sources: list[Source]
    reference: dict[str, pd.DataFrame]
    coverage: pd.DataFrame

    @property
    def ok(self) -> bool:
        return not self.problems


def _rel(path: Path, data_dir: Path) -> str:
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)


def check_reference(reference: dict[str, pd.DataFrame], data_dir: Path) -> list[Problem]:
    problems = []
    municipalities = reference["municipalities"]
    file = _rel(data_dir / "reference" / "municipalities.csv", data_dir)
    if len(municipalities) != levels.N_MUNICIPALITIES or municipalities["lau_code"].duplicated().any():
        problems.append(Problem(file, None, "lau_code", f"expected {levels.N_MUNICIPALITIES} distinct LAU codes, found {municipalities['lau_code'].nunique()}"))
    unknown_counties = set(municipalities["county_code"]) - set(reference["counties"]["county_code"])
    if unknown_counties:
        problems.append(Problem(file, None, "county_code", f"counties {sorted(unknown_counties)} are not in counties.csv"))
    problems += check_names(reference, data_dir)
    return problems


def check_names(reference: dict[str, pd.DataFrame], data_dir: Path) -> list[Problem]:
    """Definite and genitive forms, the 373 former units and the one alias table (every form names one area per level)."""
    from lnb_dash.levels import CODE_PATTERNS
    from lnb_dash.names import KINDS, NameResolver, normalize_name

    problems = []
    ref = data_dir / "reference"
    for level, table, column in ((lv, levels.get(lv).table, levels.get(lv).key) for lv in levels.AREA):
        frame, file = reference[table], _rel(ref / f"{table}.csv", data_dir)
        required = [column, "name"] + (["name_definite", "name_genitive"] if level != "former_unit" else ["lau_code", "county_code"])
        missing = [c for c in required if c not in frame]
        if missing:
            problems.append(Problem(file, None, None, f"lacks the column(s) {', '.join(missing)}; run scripts/curate_names.py"))
            continue
        for i, row in enumerate(frame[required].itertuples(index=False)):
            if not CODE_PATTERNS[level].match(row[0]):
                problems.append(Problem(file, i + 2, column, f"{row[0]!r} is not a {level.replace('_', ' ')} code"))
            for c, value in zip(required[1:], row[1:]):
                if not value.strip():
                    problems.append(Problem(file, i + 2, c, "is empty"))
        if frame[column].duplicated().any():
            problems.append(Problem(file, None, column, f"codes appear twice: {sorted(frame.loc[frame[column].duplicated(), column])}"))
    if problems:
        return problems
    municipalities, units = reference["municipalities"], reference["former_units"]
    file = _rel(ref / "former_units.csv", data_dir)
    counties = dict(zip(municipalities["lau_code"], municipalities["county_code"]))
    if len(units) != N_FORMER_UNITS:
        problems.append(Problem(file, None, "unit_code", f"expected the {N_FORMER_UNITS} units of before 2015, found {len(units)}"))
    for i, (code, lau, county) in enumerate(zip(units["unit_code"], units["lau_code"], units["county_code"])):
        if lau not in counties or counties[lau] != county or not code.startswith(lau):
            problems.append(Problem(file, i + 2, "lau_code", f"{code}: municipality {lau!r} and county {county!r} "
                                                             "do not match municipalities.csv"))
    empty = sorted(set(counties) - set(units["lau_code"]))
    if empty:
        problems.append(Problem(file, None, "lau_code", f"municipalities without any former unit: {empty}"))
    aliases, file = reference["aliases"], _rel(ref / "aliases.csv", data_dir)
    missing = [c for c in ("alias", "level", "code", "kind") if c not in aliases]
    if missing:
        return problems + [Problem(file, None, None, f"lacks the column(s) {', '.join(missing)}; run scripts/curate_names.py")]
    known = {level: set(reference[table][column]) for level, table, column in ((lv, levels.get(lv).table, levels.get(lv).key) for lv in levels.AREA)}
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for i, (alias, level, code, kind) in enumerate(aliases[["alias", "level", "code", "kind"]].itertuples(index=False)):
        if level not in known:
            problems.append(Problem(file, i + 2, "level", f"{level!r} is not one of {', '.join(levels.AREA)}"))
        elif code not in known[level]:
            problems.append(Problem(file, i + 2, "code", f"{code!r} is not a known {level.replace('_', ' ')} code"))
        elif kind not in KINDS:
            problems.append(Problem(file, i + 2, "kind", f"{kind!r} is not one of {', '.join(KINDS)}"))
        else:
            key = (level, normalize_name(alias))
            if not key[1]:
                problems.append(Problem(file, i + 2, "alias", "is empty once case, diacritics and prefixes are set aside"))
            elif seen.setdefault(key, (code, i + 2))[0] != code:
                problems.append(Problem(file, i + 2, "alias",
                                        f"{alias!r} names {code} but also {seen[key][0]} (row {seen[key][1]}) at level {level}"))
    if not problems:
        try:
            NameResolver.from_reference(reference)
        except ValueError as exc:
            problems.append(Problem(file, None, "alias", str(exc)))
    return problems


def check_boundaries(reference: dict[str, pd.DataFrame], geojson: Path = config.MUNICIPALITIES_GEOJSON) -> list[Problem]:
    """The map joins on lau_code: every municipality must have exactly one polygon."""
    if not geojson.exists():
        return [Problem(str(geojson), None, None, "boundary file is missing; run scripts/build_geo.py")]
    codes = [f["properties"].get("lau_code") for f in json.loads(geojson.read_text(encoding="utf-8"))["features"]]
    expected = set(reference["municipalities"]["lau_code"])
    if sorted(codes) != sorted(expected):
        return [Problem(str(geojson), None, "lau_code", f"boundary codes differ from the reference list: missing {sorted(expected - set(codes))}, "
                                                        f"extra {sorted(set(codes) - expected)}")]
    return []


def check_package(source: Source, data_dir: Path) -> list[Problem]:
    file = _rel(source.folder / "datapackage.yaml", data_dir)
    problems = [Problem(file, None, key, f"missing {key!r}: every source needs its provenance") for key in REQUIRED_PACKAGE_FIELDS
                if not source.package.get(key)]
    for license_ in source.package.get("licenses") or []:
        if not isinstance(license_, dict) or not license_.get("name"):
            problems.append(Problem(file, None, "licenses", "each license needs a 'name' (use 'unspecified' when the source states none)"))
    caveats, caveats_sq = source.package.get("caveats") or [], source.package.get("caveats_sq")
    if caveats_sq is not None and (not isinstance(caveats_sq, list) or len(caveats_sq) != len(caveats)):
        problems.append(Problem(file, None, "caveats_sq", f"give the {len(caveats)} caveats in Albanian too, one for one, in the same order"))
    licenses, licenses_sq = source.package.get("licenses") or [], source.package.get("licenses_sq")
    if licenses_sq is not None and (not isinstance(licenses_sq, list) or len(licenses_sq) != len(licenses)):
        problems.append(Problem(file, None, "licenses_sq", f"give the {len(licenses)} license titles in Albanian too, one for one, in the same order"))
    return problems


def check_indicators(sources: list[Source], data_dir: Path) -> tuple[list[Problem], dict[str, dict]]:
    problems, catalogue = [], {}
    for source in sources:
        file = _rel(source.folder / "indicators.yml", data_dir)
        for i, ind in enumerate(source.indicators):
            missing = [k for k in REQUIRED_INDICATOR_FIELDS if k not in ind]
            if missing:
                problems.append(Problem(file, None, None, f"indicator #{i + 1} lacks {', '.join(missing)}"))
                continue
            iid = ind["id"]
            if iid in catalogue:
                problems.append(Problem(file, None, "id", f"indicator {iid!r} is already defined by source {catalogue[iid]['source_id']!r}"))
                continue
            if ind["kind"] not in config.KINDS:
                problems.append(Problem(file, None, "kind", f"{iid}: kind {ind['kind']!r} is not one of {', '.join(config.KINDS)}"))
            if ind["theme"] not in config.THEMES:
                problems.append(Problem(file, None, "theme", f"{iid}: theme {ind['theme']!r} is not one of {', '.join(config.THEMES)}"))
            for key in ("name", "unit", "definition"):
                if not isinstance(ind[key], dict) or not all(ind[key].get(lang) for lang in config.LANGS):
                    problems.append(Problem(file, None, key, f"{iid}: {key} needs both 'sq' and 'en' text"))
            if ind["kind"] == "category" and not ind.get("categories"):
                problems.append(Problem(file, None, "categories", f"{iid}: a category indicator needs its categories"))
            catalogue[iid] = {**ind, "source_id": source.source_id}
    for iid, ind in catalogue.items():
        ratio = ind["aggregate"].get("ratio") if isinstance(ind["aggregate"], dict) else None
        if ratio and not {ratio.get("numerator"), ratio.get("denominator")} <= set(catalogue):
            problems.append(Problem(ind["source_id"], None, "aggregate", f"{iid}: ratio refers to unknown indicators"))
    return problems, catalogue


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def check_observations(source: Source, catalogue: dict[str, dict], area_codes: set[str], data_dir: Path) -> list[Problem]:
    frame = source.observations
    file = _rel(source.folder / "observations.csv", data_dir)
    if list(frame.columns) not in (OBSERVATION_COLUMNS, OBSERVATION_COLUMNS + CITATION_COLUMNS,
                                   OBSERVATION_COLUMNS + CITATION_COLUMNS + [READ_AT_COLUMN]):
        return [Problem(file, 1, None, f"columns must be {', '.join(OBSERVATION_COLUMNS)}, optionally followed by "
                                       f"{', '.join(CITATION_COLUMNS)} (and {READ_AT_COLUMN}); found {', '.join(frame.columns)}")]
    problems = []
    cited = "citation_url" in frame.columns
    this_year = dt.date.today().year
    for i, r in enumerate(frame.itertuples(index=False)):
        row = i + 2
        def add(column: str, message: str, row: int = row) -> None:
            problems.append(Problem(file, row, column, message))

        if r.area_code not in area_codes:
            add("area_code", f"{r.area_code!r} is not a LAU code, county code, former-unit code or 'AL'; use the codes in data/reference")
        ind = catalogue.get(r.indicator)
        if ind is None:
            add("indicator", f"unknown indicator {r.indicator!r}; define it in an indicators.yml first")
        if r.breakdown not in config.BREAKDOWNS:
            add("breakdown", f"{r.breakdown!r} is not one of {', '.join(config.BREAKDOWNS)}")
        if not r.year.isdigit() or not 1900 <= int(r.year) <= this_year:
            add("year", f"{r.year!r} is not a year between 1900 and {this_year}")
        if r.status not in config.STATUSES:
            add("status", f"{r.status!r} is not one of {', '.join(config.STATUSES)}")
        if r.break_in_series not in ("true", "false"):
            add("break_in_series", f"{r.break_in_series!r} must be true or false")
        if r.status == "value":
            if not _is_number(r.value):
                add("value", f"{r.value!r} is not a finite number; leave it empty and set status to not_reported if it is missing")
            elif ind is not None:
                value = float(r.value)
                if ind["kind"] == "count" and (value < 0 or value != int(value)):
                    add("value", f"{r.value} is not a whole non-negative count")
                if ind["kind"] in ("rate", "share") and not 0 <= value <= 100:
                    add("value", f"{r.value} is outside 0-100 for a percentage")
                if ind["kind"] == "category" and int(value) not in {int(k) for k in ind["categories"]}:
                    add("value", f"{r.value} is not one of the categories {sorted(int(k) for k in ind['categories'])}")
        elif r.value != "":
            add("value", f"status is {r.status!r} but a value is given; leave the value empty")
        if cited and r.status == "value":
            problems.extend(Problem(file, row, column, message) for column, message in check_citation(r._asdict(), this_year))
    return problems


def check_citation(row: dict, this_year: int) -> list[tuple[str, str]]:
    """A value read on its own page needs that page's address, title, words and the date it was read."""
    problems = []
    if not row["citation_url"].startswith(("http://", "https://")):
        problems.append(("citation_url", f"{row['citation_url']!r} is not a web address; give the publication the value comes from"))
    if row.get(READ_AT_COLUMN) and not row[READ_AT_COLUMN].startswith(("http://", "https://")):
        problems.append((READ_AT_COLUMN, f"{row[READ_AT_COLUMN]!r} is not a web address; give the copy the value was read in, or leave it empty"))
    for column in ("citation_title", "citation_text"):
        if not row[column].strip():
            problems.append((column, "empty; say which page it is and what it says about this value"))
    try:
        retrieved = dt.date.fromisoformat(row["citation_retrieved"])
        if retrieved.year > this_year or retrieved > dt.date.today():
            problems.append(("citation_retrieved", f"{row['citation_retrieved']} is in the future"))
    except ValueError:
        problems.append(("citation_retrieved", f"{row['citation_retrieved']!r} is not a date (YYYY-MM-DD)"))
    return problems


def area_level(code: str) -> str:
    """former_unit (AL11101…, LAU code + index), municipality (AL111…AL357), county (AL-01…AL-12) or national (AL)."""
    if code == config.NATIONAL_CODE:
        return "national"
    if code.startswith("AL-"):
        return "county"
    return "former_unit" if len(code) == len("AL11101") else "municipality"


def coverage(observations: pd.DataFrame) -> pd.DataFrame:
    """Indicator × level × year → number of areas (not rows) with a value in the sources.

    Returns columns: indicator, level, year, areas. Values computed at build time (county and national
    sums) are not counted here; the database's coverage (:func:`lnb_dash.query.indicators.query_coverage_by_level`) has them.
    """
    valued = observations[observations["status"] == "value"]
    valued = valued.assign(level=valued["area_code"].map(area_level))
    table = valued.groupby(["indicator", "level", "year"])["area_code"].nunique().rename("areas").reset_index()
    table["level"] = pd.Categorical(table["level"], levels.FINEST_FIRST, ordered=True)
    table = table.sort_values(["indicator", "level", "year"]).reset_index(drop=True)
    table["level"] = table["level"].astype(str)
    return table


def coverage_summary(table: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator and level: its years and, for each, the number of areas with a value.

    Returns columns: indicator, level, years, areas ("2011: 61, 2023: 52"), so a reader sees at once
    that a long series exists only for counties.
    """
    if table.empty:
        return pd.DataFrame(columns=["indicator", "level", "years", "areas"])
    rows = []
    for (indicator, level), group in table.groupby(["indicator", "level"], sort=False):
        rows.append({"indicator": indicator, "level": level, "years": len(group),
                     "areas": ", ".join(f"{y}: {n}" for y, n in zip(group["year"], group["areas"]))})
    return pd.DataFrame(rows)


def check_data(data_dir: Path = config.DATA_DIR, geojson: Path = config.MUNICIPALITIES_GEOJSON) -> CheckResult:
    """Validate everything under ``data_dir``; never raises on bad content, reports it."""
    problems: list[Problem] = []
    reference = read_reference(data_dir)
    problems += check_reference(reference, data_dir)
    problems += check_boundaries(reference, geojson)
    sources = []
    for folder in list_source_folders(data_dir):
        try:
            sources.append(read_source(folder))
        except (OSError, yaml.YAMLError, KeyError, pd.errors.ParserError, UnicodeDecodeError) as exc:
            problems.append(Problem(_rel(folder, data_dir), None, None, f"cannot read this source folder: {exc}"))
    for source in sources:
        problems += check_package(source, data_dir)
    indicator_problems, catalogue = check_indicators(sources, data_dir)
    problems += indicator_problems
    area_codes = (set(reference["municipalities"]["lau_code"]) | set(reference["counties"]["county_code"]) | {config.NATIONAL_CODE}
                  | set(reference["former_units"]["unit_code"]))
    frames = []
    for source in sources:
        if source.observations is not None:
            problems += check_observations(source, catalogue, area_codes, data_dir)
            frames.append(source.observations.assign(source_id=source.source_id))
    observations = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=OBSERVATION_COLUMNS + ["source_id"])
    key = ["area_code", "indicator", "breakdown", "year"]
    for _, dup in observations[observations.duplicated(key, keep=False)].groupby(key):
        first = dup.iloc[0]
        problems.append(Problem(", ".join(sorted(set(dup["source_id"]))), None, None,
                                f"duplicate observation for {first.area_code} {first.indicator} {first.breakdown} {first.year}: "
                                "keep one row per area, indicator, breakdown and year"))
    if not problems:
        problems += check_former_unit_sums(observations, catalogue, reference["former_units"])
    return CheckResult(problems, sources, reference, coverage(observations))


def check_former_unit_sums(observations: pd.DataFrame, catalogue: dict[str, dict], former_units: pd.DataFrame) -> list[Problem]:
    """A count a source reports for a municipality must equal the sum of its former units where another source has them all.

    The reported value is kept either way (it is never replaced by the sum), so a disagreement would otherwise go
    unseen; it is refused until one of the two sources is corrected or explained.
    """
    from lnb_dash.data.former_units import complete_sums

    summed = {iid for iid, ind in catalogue.items() if ind["aggregate"] == "sum"}
    valued = observations[(observations.status == "value") & observations.indicator.isin(summed)]
    valued = valued.assign(value=pd.to_numeric(valued.value, errors="coerce"), break_in_series=False)
    valued = valued.rename(columns={"indicator": "indicator_id"})
    sums = complete_sums(valued, former_units)
    key = ["area_code", "indicator_id", "breakdown", "year"]
    joined = sums.merge(valued[key + ["value", "source_id"]], on=key, suffixes=("_units", ""))
    return [Problem(r.source_id_units, None, None,
                    f"{r.area_code} {r.indicator_id} {r.breakdown} {r.year}: its {r.n} former units add up to {r.value_units:,.0f}, "
                    f"but source {r.source_id!r} reports {r.value:,.0f} for the municipality; the reported value is never replaced, "
                    "so correct or explain one of them")
            for r in joined.itertuples() if r.value_units != r.value]
