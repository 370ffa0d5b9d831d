"""Validate the data folder before anything is built from it.

Every problem names the file, the row and the column, and says how to fix it. ``build`` refuses to
run while any problem remains, so the database is only ever made from data that passed.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from lnb_dash import config, i18n, levels
from lnb_dash.data.sources import CITATION_COLUMNS, OBSERVATION_COLUMNS, READ_AT_COLUMN, Source, list_source_folders, read_source
from lnb_dash.i18n import N_
from lnb_dash.names import read_reference

REQUIRED_PACKAGE_FIELDS = ("title", "publisher", "licenses", "reference_date", "retrieved", "resources")
# The administrative units (communes and municipalities) before the 2015 reform.
N_FORMER_UNITS = 373
REQUIRED_INDICATOR_FIELDS = ("id", "theme", "kind", "aggregate", "decimals", "name", "unit", "definition")


@dataclass(frozen=True)
class Term:
    """A catalog label inside a problem's text (a level, a field's name), put in the reader's language with the problem."""

    key: str
    params: tuple = ()

    def text(self, lang: str) -> str:
        return i18n.t(self.key, lang, **{k: localize(v, lang) for k, v in self.params})


@dataclass(frozen=True)
class Count:
    """A number the code computed (rows, megabytes), written in the reader's convention; never a number the user wrote."""

    value: float

    def text(self, lang: str) -> str:
        return i18n.format_number(self.value, 0, lang)


def localize(value, lang: str) -> str:
    """A problem's parameter as text in ``lang``: labels and counts are translated, whatever the user wrote is kept as written."""
    if isinstance(value, Term | Count):
        return value.text(lang)
    if isinstance(value, dict):  # a text given in both languages (an indicator's name)
        return str(value.get(i18n.normalize_lang(lang)) or value.get("en") or "")
    if isinstance(value, list | tuple):
        return ", ".join(localize(v, lang) for v in value)
    return str(value)


def quoted(text) -> str:
    """What the user wrote, quoted and exactly as written ('2.870' stays '2.870')."""
    return repr(str(text))


@dataclass(frozen=True)
class Problem:
    """Where (file, row, column), what is wrong and what to do, in either language.

    ``key`` and ``fix`` are catalog keys filled with ``params``; ``message`` is the English text (for logs, the
    command line's English and the tests), derived from them. A problem built from a plain English ``message`` is shown as is.
    """

    file: str
    row: int | None
    column: str | None
    message: str = ""
    key: str = ""
    params: dict = field(default_factory=dict, hash=False, compare=False)
    fix: str = ""

    def __post_init__(self) -> None:
        if self.key and not self.message:
            object.__setattr__(self, "message", " ".join(filter(None, (self.problem("en"), self.todo("en")))))

    def problem(self, lang: str) -> str:
        """What is wrong, in ``lang``."""
        if not self.key:
            return self.message
        return i18n.t(self.key, lang, **{k: localize(v, lang) for k, v in self.params.items()})

    def todo(self, lang: str) -> str:
        """What to do about it, in ``lang`` (empty when the problem says it all)."""
        return i18n.t(self.fix, lang, **{k: localize(v, lang) for k, v in self.params.items()}) if self.fix else ""

    def text(self, lang: str) -> str:
        """One line: where, what and what to do, in ``lang``."""
        where = self.file + (i18n.t("imp_where_row", lang, row=self.row) if self.row is not None else "")
        where += i18n.t("imp_where_column", lang, column=self.column) if self.column else ""
        return f"{where}: " + " ".join(filter(None, (self.problem(lang), self.todo(lang))))

    def __str__(self) -> str:
        return self.text("en")

    def with_place(self, file: str, row: int | None, column: str | None, **params) -> Problem:
        """The same problem at another place, with some parameters replaced (a check of the written folder, told about the uploaded file)."""
        return Problem(file, row, column, "" if self.key else self.message, self.key, {**self.params, **params}, self.fix)


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
    problems = [Problem(file, None, key, key=N_("imp_package_missing"), params={"field": quoted(key)}) for key in REQUIRED_PACKAGE_FIELDS
                if not source.package.get(key)]
    for license_ in source.package.get("licenses") or []:
        if not isinstance(license_, dict) or not license_.get("name"):
            problems.append(Problem(file, None, "licenses", key=N_("imp_license_name"), fix=N_("imp_license_name_fix")))
    caveats, caveats_sq = source.package.get("caveats") or [], source.package.get("caveats_sq")
    if caveats_sq is not None and (not isinstance(caveats_sq, list) or len(caveats_sq) != len(caveats)):
        problems.append(Problem(file, None, "caveats_sq", key=N_("imp_caveats_sq"), params={"n": len(caveats)}))
    licenses, licenses_sq = source.package.get("licenses") or [], source.package.get("licenses_sq")
    if licenses_sq is not None and (not isinstance(licenses_sq, list) or len(licenses_sq) != len(licenses)):
        problems.append(Problem(file, None, "licenses_sq", key=N_("imp_licenses_sq"), params={"n": len(licenses)}))
    return problems


def check_indicators(sources: list[Source], data_dir: Path) -> tuple[list[Problem], dict[str, dict]]:
    problems, catalogue = [], {}
    for source in sources:
        file = _rel(source.folder / "indicators.yml", data_dir)
        for i, ind in enumerate(source.indicators):
            missing = [k for k in REQUIRED_INDICATOR_FIELDS if k not in ind]
            if missing:
                problems.append(Problem(file, None, None, key=N_("imp_indicator_lacks"), params={"n": i + 1, "fields": missing}))
                continue
            iid = ind["id"]
            if iid in catalogue:
                problems.append(Problem(file, None, "id", key=N_("imp_indicator_defined"), fix=N_("imp_indicator_defined_fix"),
                                        params={"indicator": quoted(iid), "source": quoted(catalogue[iid]["source_id"])}))
                continue
            if ind["kind"] not in config.KINDS:
                problems.append(Problem(file, None, "kind", key=N_("imp_indicator_kind"),
                                        params={"indicator": iid, "kind": quoted(ind["kind"]), "kinds": config.KINDS}))
            if ind["theme"] not in config.THEMES:
                problems.append(Problem(file, None, "theme", key=N_("imp_indicator_theme"),
                                        params={"indicator": iid, "theme": quoted(ind["theme"]), "themes": config.THEMES}))
            for key in ("name", "unit", "definition"):
                if not isinstance(ind[key], dict) or not all(ind[key].get(lang) for lang in config.LANGS):
                    problems.append(Problem(file, None, key, key=N_("imp_indicator_both_languages"), params={"indicator": iid, "field": key}))
            if ind["kind"] == "category" and not ind.get("categories"):
                problems.append(Problem(file, None, "categories", key=N_("imp_indicator_categories"), params={"indicator": iid}))
            catalogue[iid] = {**ind, "source_id": source.source_id}
    for iid, ind in catalogue.items():
        ratio = ind["aggregate"].get("ratio") if isinstance(ind["aggregate"], dict) else None
        if ratio and not {ratio.get("numerator"), ratio.get("denominator")} <= set(catalogue):
            problems.append(Problem(ind["source_id"], None, "aggregate", key=N_("imp_indicator_ratio"), params={"indicator": iid}))
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
        return [Problem(file, 1, None, key=N_("imp_observation_columns"),
                        params={"columns": OBSERVATION_COLUMNS, "citations": [*CITATION_COLUMNS, READ_AT_COLUMN], "found": list(frame.columns)})]
    problems = []
    cited = "citation_url" in frame.columns
    this_year = dt.date.today().year
    for i, r in enumerate(frame.itertuples(index=False)):
        row = i + 2
        def add(column: str, key: str, fix: str = "", row: int = row, **params) -> None:
            problems.append(Problem(file, row, column, key=key, params=params, fix=fix))

        if r.area_code not in area_codes:
            add("area_code", N_("imp_obs_area_code"), N_("imp_obs_area_code_fix"), value=quoted(r.area_code))
        ind = catalogue.get(r.indicator)
        if ind is None:
            add("indicator", N_("imp_obs_unknown_indicator"), N_("imp_obs_unknown_indicator_fix"), indicator=quoted(r.indicator))
        if r.breakdown not in config.BREAKDOWNS:
            add("breakdown", N_("imp_obs_breakdown"), value=quoted(r.breakdown), allowed=config.BREAKDOWNS)
        if not r.year.isdigit() or not 1900 <= int(r.year) <= this_year:
            add("year", N_("imp_obs_year"), value=quoted(r.year), last=str(this_year))
        if r.status not in config.STATUSES:
            add("status", N_("imp_obs_status"), value=quoted(r.status), allowed=config.STATUSES)
        if r.break_in_series not in ("true", "false"):
            add("break_in_series", N_("imp_obs_break"), value=quoted(r.break_in_series))
        if r.status == "value":
            if not _is_number(r.value):
                add("value", N_("imp_obs_not_finite"), N_("imp_obs_not_finite_fix"), value=quoted(r.value))
            elif ind is not None:
                value = float(r.value)
                if ind["kind"] == "count" and (value < 0 or value != int(value)):
                    add("value", N_("imp_obs_not_count"), N_("imp_obs_not_count_fix"), value=quoted(r.value))
                if ind["kind"] in ("rate", "share") and not 0 <= value <= 100:
                    add("value", N_("imp_obs_not_percent"), N_("imp_obs_not_percent_fix"), value=quoted(r.value))
                if ind["kind"] == "category" and int(value) not in {int(k) for k in ind["categories"]}:
                    add("value", N_("imp_obs_not_category"), value=quoted(r.value), categories=[str(k) for k in sorted(int(k) for k in ind["categories"])])
        elif r.value != "":
            add("value", N_("imp_obs_status_with_value"), N_("imp_leave_value_empty"), status=quoted(r.status))
        if cited and r.status == "value":
            problems.extend(Problem(file, row, column, key=key, params=params) for column, key, params in check_citation(r._asdict(), this_year))
    return problems


def check_citation(row: dict, this_year: int) -> list[tuple[str, str, dict]]:
    """A value read on its own page needs that page's address, title, words and the date it was read."""
    problems = []
    if not row["citation_url"].startswith(("http://", "https://")):
        problems.append(("citation_url", N_("imp_citation_url"), {"value": quoted(row["citation_url"])}))
    if row.get(READ_AT_COLUMN) and not row[READ_AT_COLUMN].startswith(("http://", "https://")):
        problems.append((READ_AT_COLUMN, N_("imp_read_at_url"), {"value": quoted(row[READ_AT_COLUMN])}))
    for column in ("citation_title", "citation_text"):
        if not row[column].strip():
            problems.append((column, N_("imp_citation_empty"), {}))
    try:
        retrieved = dt.date.fromisoformat(row["citation_retrieved"])
        if retrieved.year > this_year or retrieved > dt.date.today():
            problems.append(("citation_retrieved", N_("imp_citation_future"), {"value": row["citation_retrieved"]}))
    except ValueError:
        problems.append(("citation_retrieved", N_("imp_citation_date"), {"value": quoted(row["citation_retrieved"])}))
    return problems


def area_names(reference: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Code -> official name of every municipality, county and former unit, for messages that name places."""
    tables = [(reference[levels.get(lv).table], levels.get(lv).key) for lv in levels.AREA]
    return {code: name for table, key in tables for code, name in zip(table[key], table["name"])}


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
            problems.append(Problem(_rel(folder, data_dir), None, None, key=N_("imp_unreadable_source"), params={"error": exc.__class__.__name__}))
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
        problems.append(Problem(", ".join(sorted(set(dup["source_id"]))), None, None, key=N_("imp_duplicate_observation"),
                                fix=N_("imp_duplicate_observation_fix"),
                                params={"code": first.area_code, "place": area_names(reference).get(first.area_code, first.area_code),
                                        "indicator": catalogue.get(first.indicator, {}).get("name") or first.indicator,
                                        "breakdown": breakdown_words(first.breakdown), "year": first.year}))
    if not problems:
        problems += check_former_unit_sums(observations, catalogue, reference["former_units"], area_names(reference))
    return CheckResult(problems, sources, reference, coverage(observations))


def breakdown_words(breakdown: str) -> dict[str, str] | str:
    """A breakdown as the reader's word for it, mid-sentence ("gjithsej", "total"); a code the catalogs do not know stays as written."""
    if not i18n.has(f"breakdown_{breakdown}"):
        return breakdown
    return {lang: i18n.breakdown_label(breakdown, lang).lower() for lang in config.LANGS}


def check_former_unit_sums(observations: pd.DataFrame, catalogue: dict[str, dict], former_units: pd.DataFrame,
                           places: dict[str, str] | None = None) -> list[Problem]:
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
    return [Problem(r.source_id_units, None, None, key=N_("imp_former_unit_sum_differs"), fix=N_("imp_former_unit_sum_differs_fix"),
                    params={"code": r.area_code, "place": (places or {}).get(r.area_code, r.area_code), "indicator": r.indicator_id,
                            "breakdown": r.breakdown, "year": r.year, "n": r.n, "sum": Count(r.value_units), "source": quoted(r.source_id),
                            "value": Count(r.value)})
            for r in joined.itertuples() if r.value_units != r.value]
