"""Import a table (CSV or XLSX, long or wide) as a new source folder, then rebuild.

The file is parsed, every name resolved to a code through the alias table (a municipality's LAU code, or a former
unit's code when the table is keyed by the 373 units before the 2015 reform) and every value checked before anything
is written. Counts by former unit are summed to a municipality at build time, only where every unit of it has a
value; rates and shares by former unit are refused, because only their numerator and denominator can be summed.
The new folder is validated together with the existing data in a scratch copy; only then is it moved into
``data/sources`` and the database rebuilt (itself atomic). Any failure removes the folder again, so the data and the database stay as they were.
"""

from __future__ import annotations

import csv
import io
import math
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from lnb_dash import config, levels
from lnb_dash.data import history, tables
from lnb_dash.data.build import build_database
from lnb_dash.data.check import Problem, check_data
from lnb_dash.data.former_units import complete_sums, incomplete_municipalities
from lnb_dash.data.locking import data_lock
from lnb_dash.data.sources import OBSERVATION_COLUMNS, read_sources
from lnb_dash.levels import CODE_PATTERNS
from lnb_dash.names import AmbiguousName, NameResolver, UnknownNameError, read_reference

# Column names of the Albanian template.
SYNONYMS = {"viti": "year", "vlera": "value", "ndarja": "breakdown", "statusi": "status", "shënim": "note", "shenim": "note", "njësia": "unit"}
NAME_COLUMNS = ("lau_code", "area_code", "code", "municipality", "bashkia", "name", "emri")
# Columns that name a former unit (before the 2015 reform); looked for before NAME_COLUMNS, so a table with both a unit
# and its municipality is keyed by the unit.
FORMER_UNIT_COLUMNS = ("unit_code", "former_unit", "njesia_administrative", "njësia_administrative", "njesia administrative",
                       "njësia administrative", "administrative_unit", "administrative unit", "komuna", "commune")

YEAR = re.compile(r"^(19|20)\d\d$")
SOURCE_ID = re.compile(r"^[a-z][a-z0-9_]{2,60}$")
MAX_BYTES = 20 * 1024 * 1024
# 61 municipalities × a century of years × 3 breakdowns is far below this; more is not a table of ours.
MAX_ROWS = 100_000


class ImportRejected(ValueError):
    """A rejected import: every problem names the file, row and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:25])
        more = f"\n  … and {len(problems) - 25} more" if len(problems) > 25 else ""
        super().__init__(f"Import rejected ({len(problems)} problem(s)); nothing was changed:\n{listed}{more}")


class RatesNotSummable(ImportRejected):
    """A rate or share keyed by former units: it cannot be added up to municipalities; its counts can."""


@dataclass
class ImportPlan:
    source_id: str
    observations: pd.DataFrame
    package: dict
    indicators: list[dict] = field(default_factory=list)
    level: str = "municipality"
    # For a table keyed by former units, per (breakdown, year): what the build will make of it for the municipalities.
    aggregation: dict[tuple[str, str], FormerUnitAggregation] | None = None

    def summary(self) -> str:
        counts = self.observations.groupby(["indicator", "breakdown", "year"]).size()
        areas = "former units" if self.level == "former_unit" else "municipalities"
        lines = [f"source {self.source_id}: {len(self.observations)} observation(s)"]
        lines += [f"  {ind} {brk} {year}: {n} {areas}" for (ind, brk, year), n in counts.items()]
        for (brk, year), aggregation in (self.aggregation or {}).items():
            lines += [f"  {brk} {year}, " + line for line in aggregation.lines()]
        if self.indicators:
            lines.append(f"  new indicator(s): {', '.join(i['id'] for i in self.indicators)}")
        return "\n".join(lines)


@dataclass
class FormerUnitAggregation:
    """What a table keyed by former units gives the municipalities (computed at build time, never stored in the source).

    ``aggregated``: LAU codes whose every unit has a value (their sum becomes the municipal value, noted "aggregated
    from former units"); ``kept``: LAU code -> source that already reports the municipal value (kept; the sum must
    equal it); ``incomplete``: LAU code -> unit codes without a value (no municipal value: never a partial sum);
    ``summed``: whether the indicator's rule adds it up at all ('none' keeps the values at former-unit level only).
    """

    aggregated: list[str]
    kept: dict[str, str]
    incomplete: dict[str, list[str]]
    summed: bool

    def lines(self) -> list[str]:
        if not self.summed:
            return ["not added up to municipalities: the indicator's aggregate rule is 'none'"]
        lines = [f"aggregated from former units: {len(self.aggregated)} municipalities (every unit has a value)"]
        if self.kept:
            by_source = pd.Series(self.kept).value_counts()
            lines += [f"kept as reported: {n} municipal value(s) of source {source} (the former units add up to the same)"
                      for source, n in by_source.items()]
        if self.incomplete:
            listed = "; ".join(f"{lau} (missing {', '.join(units)})" for lau, units in sorted(self.incomplete.items()))
            lines.append(f"no municipal value, not every former unit has one: {listed}")
        return lines


def read_table(path: Path, sheet: str | None = None) -> pd.DataFrame:
    """Every cell as text. CSV must be UTF-8 (a BOM is fine); the delimiter is detected."""
    name = path.name
    if not path.exists():
        raise ImportRejected([Problem(name, None, None, "file not found")])
    size = path.stat().st_size
    if size == 0:
        raise ImportRejected([Problem(name, None, None, "the file is empty")])
    if size > MAX_BYTES:
        raise ImportRejected([Problem(name, None, None, f"the file is {size / 2**20:.0f} MB; the limit is {MAX_BYTES / 2**20:.0f} MB")])
    try:
        tables.check_table(path, sheet, MAX_ROWS)  # before parsing: a small file may unzip to millions of rows
    except tables.TableTooLarge as exc:
        raise ImportRejected([Problem(name, None, None, exc.message)]) from exc
    frame = read_workbook(path, sheet) if path.suffix.lower() in (".xlsx", ".xlsm") else read_csv(path)
    if len(frame) > MAX_ROWS:
        raise ImportRejected([Problem(name, None, None, f"the table has {len(frame):,} rows; the limit is {MAX_ROWS:,}")])
    return frame


def read_csv(path: Path) -> pd.DataFrame:
    name = path.name
    raw = path.read_bytes()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ImportRejected([Problem(name, None, None, "this is UTF-16 text; save the file as 'CSV UTF-8' and try again")])
    if b"\x00" in raw[:4096]:
        raise ImportRejected([Problem(name, None, None, "this looks like a binary file, not a CSV; export the table as CSV (UTF-8) or XLSX")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected([Problem(name, None, None, f"not UTF-8 text (byte {exc.start}); save the file as 'CSV UTF-8' and try again")]) from exc
    if not text.strip():
        raise ImportRejected([Problem(name, None, None, "the file has no table, only blank lines")])
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    try:
        lines = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise ImportRejected([Problem(name, None, None, f"cannot parse the CSV ({exc}); check the quotes")]) from exc
    width = len(lines[0])
    ragged = [Problem(name, i, None, f"this row has {len(line)} fields, the header has {width}")
              for i, line in enumerate(lines[1:], start=2) if line and len(line) != width]
    if ragged:
        raise ImportRejected(ragged)
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter, index_col=False, on_bad_lines="error")
    except (pd.errors.ParserError, ValueError) as exc:
        raise ImportRejected([Problem(name, None, None, f"cannot parse the CSV ({exc}); check quotes and that every row has as many "
                                                          "fields as the header")]) from exc


def read_workbook(path: Path, sheet: str | None) -> pd.DataFrame:
    """The first visible sheet (or ``sheet``) as text; formulas and merged header cells are refused."""
    from openpyxl import load_workbook

    name = path.name
    try:
        workbook = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a broken workbook; all mean the same to the user
        raise ImportRejected([Problem(name, None, None, f"cannot read this as an Excel workbook ({exc.__class__.__name__}: {exc})")]) from exc
    visible = [ws.title for ws in workbook.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
    title = sheet or (visible[0] if visible else None)
    if title not in workbook.sheetnames:
        raise ImportRejected([Problem(name, None, None, f"no sheet {sheet!r}; the sheets are {', '.join(workbook.sheetnames)}")])
    ws = workbook[title]
    problems = [Problem(name, None, None, f"sheet {title!r}: merged cells in the header ({r.coord}); unmerge them so each column has one name")
                for r in ws.merged_cells.ranges if r.min_row == 1]
    rows = [list(row) for row in ws.iter_rows()]
    for row in rows[1:]:
        for cell in row:
            if cell.data_type == "f":
                problems.append(Problem(name, cell.row, str(rows[0][cell.column - 1].value), f"a formula ({cell.value}); paste the values instead"))
    if problems:
        raise ImportRejected(problems)
    values = [["" if c.value is None else str(c.value) for c in row] for row in rows if any(c.value is not None for c in row)]
    if len(values) < 2:
        hint = f" (hidden sheets: {', '.join(hidden)}; unhide the data or name the sheet)" if hidden else ""
        raise ImportRejected([Problem(name, None, None, f"sheet {title!r} has no table with a header and rows{hint}")])
    header = [h.removesuffix(".0") for h in values[0]]
    return pd.DataFrame([[v.removesuffix(".0") if v.replace(".", "", 1).isdigit() and v.endswith(".0") else v for v in r] for r in values[1:]],
                        columns=header)


def find_key_column(frame: pd.DataFrame, level: str | None = None) -> tuple[str | None, str]:
    """(column naming the areas, level): a former-unit column ('komuna', 'njësia administrative', 'unit_code') first,
    then a municipality column; a generic code column whose codes are all former-unit codes (AL22101) means former units.
    """
    lowered = {str(c).strip().lower(): c for c in frame.columns}
    if level in (None, "former_unit"):
        unit_col = next((lowered[c] for c in FORMER_UNIT_COLUMNS if c in lowered), None)
        if unit_col is not None:
            return unit_col, "former_unit"
    column = next((lowered[c] for c in NAME_COLUMNS if c in lowered), None)
    if level is None and column is not None and str(column).strip().lower() in ("area_code", "code"):
        codes = [str(v).strip().upper() for v in frame[column] if str(v).strip()]
        if codes and all(CODE_PATTERNS["former_unit"].match(c) for c in codes):
            return column, "former_unit"
    return column, level or "municipality"


def to_long(frame: pd.DataFrame, file: str, level: str | None = None) -> tuple[pd.DataFrame, str, str]:
    """Long form (name, year, value[, breakdown, status, note]) from long or wide input.

    Returns the frame with columns name, year, value, breakdown, status, note, row, column; the name column; and the
    level its names are resolved at (municipality or former_unit).
    """
    name_col, level = find_key_column(frame, level)
    if name_col is None:
        units = f"{' or '.join(FORMER_UNIT_COLUMNS[:2])} or komuna"
        raise ImportRejected([Problem(file, 1, None, f"no municipality column: name one column {' or '.join(NAME_COLUMNS[:5])}"
                                                     f" (or, for the units before 2015, {units})")])
    lowered = {SYNONYMS.get(str(c).strip().lower(), str(c).strip().lower()): c for c in frame.columns}
    rows = frame.reset_index(drop=True)
    if "year" in lowered and "value" in lowered:
        out = pd.DataFrame({
            "name": rows[name_col], "year": rows[lowered["year"]], "value": rows[lowered["value"]],
            "breakdown": rows[lowered["breakdown"]] if "breakdown" in lowered else "total",
            "status": rows[lowered["status"]] if "status" in lowered else "",
            "note": rows[lowered["note"]] if "note" in lowered else "",
            "row": rows.index + 2, "column": lowered["value"],
        })
        return out, name_col, level
    year_cols = [c for c in frame.columns if YEAR.match(str(c).strip().split(".")[0])]
    if not year_cols:
        raise ImportRejected([Problem(file, 1, None, "neither long form (columns 'year' and 'value') nor wide form (one column per year, e.g. 2019, 2020)")])
    parts = [pd.DataFrame({"name": rows[name_col], "year": str(c).strip().split(".")[0], "value": rows[c], "breakdown": "total",
                           "status": "", "note": "", "row": rows.index + 2, "column": str(c)}) for c in year_cols]
    return pd.concat(parts, ignore_index=True), name_col, level


def check_units(frame: pd.DataFrame, file: str, indicator: str, new_indicator: dict | None, data_dir: Path) -> list[Problem]:
    """A 'unit' column must hold one unit, the indicator's own (in either language)."""
    lowered = {SYNONYMS.get(str(c).strip().lower(), str(c).strip().lower()): c for c in frame.columns}
    if "unit" not in lowered:
        return []
    units = sorted({u.strip() for u in frame[lowered["unit"]] if str(u).strip()})
    if len(units) > 1:
        return [Problem(file, None, "unit", f"mixed units ({', '.join(units)}); one table holds one indicator in one unit")]
    expected = set((new_indicator or {}).get("unit", {}).values()) or known_units(indicator, data_dir)
    if units and expected and units[0] not in expected:
        return [Problem(file, None, "unit", f"unit {units[0]!r} is not the indicator's unit ({' / '.join(sorted(expected))})")]
    return []


def known_units(indicator: str, data_dir: Path) -> set[str]:
    return set((known_indicator(indicator, data_dir).get("unit") or {}).values())


def known_indicator(indicator: str, data_dir: Path) -> dict:
    """The catalogue entry of an existing indicator (empty when there is none)."""
    for source in read_sources(data_dir):
        for ind in source.indicators:
            if ind.get("id") == indicator:
                return ind
    return {}


def refuse_rates_by_former_unit(indicator: str, definition: dict, file: str) -> None:
    """Rates and shares cannot be added up from former units to municipalities: ask for the two counts instead."""
    kind = definition.get("kind")
    if kind not in ("rate", "share"):
        return
    rule = definition.get("aggregate")
    ratio = rule.get("ratio") if isinstance(rule, dict) else None
    counts = (f"the numerator ({ratio['numerator']}) and the denominator ({ratio['denominator']})" if ratio
              else "the numerator and the denominator (for example voters and registered voters)")
    raise RatesNotSummable([Problem(file, None, None,
                                    f"{indicator} is a {kind}: a {kind} by former unit cannot be added up to municipalities. "
                                    f"Upload the numerator and denominator counts by former unit instead, {counts}, one table each; "
                                    f"the {kind} is then computed from their sums for every municipality whose units all have a value.")])


def resolve_area(resolver: NameResolver, name: str, level: str, parent: str = "") -> str:
    """The code ``name`` names at ``level``; a former-unit name shared by several units (Qendër) is settled by the
    municipality given beside it, when the table has one."""
    try:
        return resolver.code(name, level)
    except AmbiguousName as exc:
        if level != "former_unit" or not str(parent).strip():
            raise
        try:
            lau = resolver.code(parent, "municipality")
        except UnknownNameError:
            raise exc from None
        matches = [c.code for c in exc.suggestions if resolver.parents.get(c.code) == lau]
        if len(matches) != 1:
            raise
        return matches[0]


def plan_aggregation(records: pd.DataFrame, indicator: str, definition: dict, data_dir: Path,
                     reference: dict[str, pd.DataFrame]) -> dict[tuple[str, str], FormerUnitAggregation]:
    """Per (breakdown, year): which municipalities the build will sum from these former units, which keep a value
    another source reports, and which get none because a unit lacks a value."""
    units = reference["former_units"]
    valued = records[records.status == "value"].rename(columns={"indicator": "indicator_id"})
    valued = valued.assign(value=valued.value.astype(float), source_id="", break_in_series=False)
    reported: dict[tuple[str, str, str], str] = {}
    for source in read_sources(data_dir):
        obs = source.observations
        if obs is None:
            continue
        mine = obs[(obs.indicator == indicator) & obs.area_code.str.fullmatch(r"AL[1-3]\d\d")]
        reported.update(dict.fromkeys(zip(mine.area_code, mine.breakdown, mine.year), source.source_id))
    out = {}
    for (breakdown, year), _group in records.groupby(["breakdown", "year"]):
        part = valued[(valued.breakdown == breakdown) & (valued.year == year)]
        complete = sorted(complete_sums(part, units).area_code)
        kept = {lau: reported[(lau, breakdown, year)] for lau in complete if (lau, breakdown, year) in reported}
        out[(breakdown, year)] = FormerUnitAggregation(
            aggregated=[lau for lau in complete if lau not in kept], kept=kept,
            incomplete=incomplete_municipalities(part, units), summed=definition.get("aggregate") == "sum")
    return out


def parse_number(text: str) -> float | None:
    text = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if text == "":
        return None
    value = float(text)  # raises ValueError for anything that is not a plain number
    if not math.isfinite(value):
        raise ValueError("not finite")
    return value


def plan_import(path: Path, indicator: str, meta: dict, data_dir: Path = config.DATA_DIR, sheet: str | None = None,
                level: str | None = None) -> ImportPlan:
    """Parse, resolve and validate a file into a new source folder's content, writing nothing.

    ``level`` (municipality or former_unit) is read from the table's columns when not given: see :func:`find_key_column`.
    """
    if level not in (None, *levels.IMPORTABLE):
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(levels.IMPORTABLE)}")
    file = path.name
    source_meta = dict(meta.get("source") or {})
    new_indicator = meta.get("indicator")
    problems: list[Problem] = []
    source_id = source_meta.pop("id", None) or re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")
    if not SOURCE_ID.match(source_id or ""):
        problems.append(Problem(file, None, None, f"source id {source_id!r} must be 3-60 lower-case letters, digits or _"))
    elif (data_dir / "sources" / source_id).exists():
        problems.append(Problem(file, None, None, f"a source named {source_id!r} already exists; give the import another source id"))
    for key in ("title", "publisher", "license", "reference_date"):
        if not source_meta.get(key) and not (key == "license" and source_meta.get("licenses")):
            problems.append(Problem(file, None, None, f"source metadata lacks {key!r}: every number needs its source"))
    frame = read_table(path, sheet)
    if frame.empty:
        raise ImportRejected([Problem(file, None, None, "the table has a header but no rows")])
    long, name_col, level = to_long(frame, file, level)
    definition = new_indicator or known_indicator(indicator, data_dir)
    if level == "former_unit":
        refuse_rates_by_former_unit(indicator, definition, file)
        parent_col = find_key_column(frame, "municipality")[0]
        long["parent"] = frame[parent_col].reset_index(drop=True).iloc[long.row - 2].to_numpy() if parent_col is not None else ""
    else:
        long["parent"] = ""
    problems += check_units(frame, file, indicator, new_indicator, data_dir)
    reference = read_reference(data_dir)
    resolver = NameResolver.from_reference(reference)
    records, seen = [], {}
    for r in long.itertuples(index=False):
        try:
            code = resolve_area(resolver, r.name, level, r.parent)
        except UnknownNameError as exc:
            problems.append(Problem(file, r.row, name_col, str(exc)))
            continue
        status = (r.status or "").strip() or "value"
        if status != "value" and str(r.value).strip():
            problems.append(Problem(file, r.row, r.column, f"status is {status!r} but a value ({r.value}) is given; leave the value empty"))
            continue
        try:
            value = parse_number(r.value) if status == "value" else None
        except ValueError:
            problems.append(Problem(file, r.row, r.column, f"{r.value!r} is not a number (use digits and a decimal point, e.g. 1234.5)"))
            continue
        if value is None and status == "value":
            continue  # an empty cell is no data: nothing is stored, and the dashboard shows 'not reported'
        key = (code, r.year.strip(), (r.breakdown or "total").strip())
        if key in seen:
            problems.append(Problem(file, r.row, name_col, f"{resolver.names[level][code]} {key[1]} appears twice (also row {seen[key]})"))
            continue
        seen[key] = r.row
        records.append({"area_code": code, "indicator": indicator, "breakdown": key[2], "year": key[1],
                        "value": "" if value is None else repr(value).removesuffix(".0") if value == int(value) else repr(value),
                        "status": status, "break_in_series": "false", "note": (r.note or "").strip()})
    if problems:
        raise ImportRejected(problems)
    if not records:
        raise ImportRejected([Problem(file, None, None, "no values found in the table")])
    licenses = source_meta.pop("licenses", None) or [{"name": source_meta.pop("license"), "path": source_meta.pop("license_url", "")}]
    package = {"name": source_id, **source_meta, "licenses": licenses, "retrieved": str(source_meta.get("retrieved", pd.Timestamp.today().date())),
               "caveats": source_meta.get("caveats", [])}
    indicators = [dict(new_indicator, id=indicator)] if new_indicator else []
    observations = pd.DataFrame(records, columns=OBSERVATION_COLUMNS)
    aggregation = plan_aggregation(observations, indicator, definition, data_dir, reference) if level == "former_unit" else None
    plan = ImportPlan(source_id, observations, package, indicators, level, aggregation)
    validate_plan(plan, data_dir, file)
    return plan


def template_frame(municipalities: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table to fill in: every municipality once, with empty year and value columns (long form)."""
    names = {"sq": ("bashkia", "viti", "vlera", "shënim"), "en": ("municipality", "year", "value", "note")}[lang if lang == "sq" else "en"]
    ordered = municipalities.sort_values("name")
    return pd.DataFrame({names[0]: ordered["name"].tolist(), names[1]: "", names[2]: "", names[3]: ""})


def template_frame_former_units(former_units: pd.DataFrame, municipalities: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table to fill in by former unit: every one of the 373 once, keyed by its code (names shared by several units,
    such as Qendër, need no thought), with its name and municipality to read by, and empty year and value columns."""
    names = {"sq": ("unit_code", "njësia administrative", "bashkia", "viti", "vlera", "shënim"),
             "en": ("unit_code", "former_unit", "municipality", "year", "value", "note")}[lang if lang == "sq" else "en"]
    parents = dict(zip(municipalities["lau_code"], municipalities["name"]))
    ordered = former_units.sort_values("unit_code")
    return pd.DataFrame({names[0]: ordered["unit_code"].tolist(), names[1]: ordered["name"].tolist(),
                         names[2]: ordered["lau_code"].map(parents).tolist(), names[3]: "", names[4]: "", names[5]: ""})


def write_plan(plan: ImportPlan, folder: Path) -> None:
    folder.mkdir(parents=True)
    plan.observations.to_csv(folder / "observations.csv", index=False, lineterminator="\n")
    package = dict(plan.package, resources=[{"name": "observations", "path": "observations.csv", "profile": "tabular-data-resource",
                                             "format": "csv", "encoding": "utf-8"}])
    (folder / "datapackage.yaml").write_text(yaml.safe_dump(package, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if plan.indicators:
        (folder / "indicators.yml").write_text(yaml.safe_dump({"indicators": plan.indicators}, allow_unicode=True, sort_keys=False), encoding="utf-8")


def validate_plan(plan: ImportPlan, data_dir: Path, file: str) -> None:
    """Check the new folder together with all existing data, in a scratch copy."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "data"
        shutil.copytree(data_dir, scratch, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
        write_plan(plan, scratch / "sources" / plan.source_id)
        result = check_data(scratch)
    if not result.ok:
        raise ImportRejected([Problem(file, p.row, p.column, p.message) if plan.source_id in p.file else p for p in result.problems])


def import_file(path: Path, indicator: str, meta: dict, data_dir: Path = config.DATA_DIR, db_path: Path = config.DB_PATH,
                sheet: str | None = None, dry_run: bool = False, user: str = "command line", level: str | None = None) -> ImportPlan:
    """Import ``path`` as a new source and record it in the history; with ``dry_run`` only report what would change.

    The whole import (validation against the current sources, the new folder, the rebuild, the history) holds the
    data folder's lock, so concurrent imports run one after another and none is lost (issue 12); a dry run only reads.
    """
    if dry_run:
        return plan_import(path, indicator, meta, data_dir, sheet, level)
    with data_lock(data_dir, f"import {path.name}", user):
        plan = plan_import(path, indicator, meta, data_dir, sheet, level)
        folder = data_dir / "sources" / plan.source_id
        staging = data_dir / "sources" / f".staging-{plan.source_id}"
        shutil.rmtree(staging, ignore_errors=True)
        write_plan(plan, staging)
        staging.rename(folder)
        try:
            build_database(data_dir, db_path)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        history.record(data_dir, {
            "action": "import", "source_id": plan.source_id, "user": user, "file": path.name, "sha256": history.file_sha256(path),
            "rows": len(plan.observations), "indicators": ", ".join(sorted(set(plan.observations.indicator))),
            "title": plan.package.get("title"), "publisher": plan.package.get("publisher"),
            "license": ", ".join(str(lic.get("name")) for lic in plan.package.get("licenses", [])),
        })
    return plan
