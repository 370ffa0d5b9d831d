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

from lnb_dash import config, i18n, levels
from lnb_dash.data import history, tables
from lnb_dash.data.build import build_database
from lnb_dash.data.check import Count, Problem, Term, check_data, quoted
from lnb_dash.data.former_units import complete_sums, incomplete_municipalities
from lnb_dash.data.locking import data_lock
from lnb_dash.data.sources import OBSERVATION_COLUMNS, read_sources
from lnb_dash.i18n import N_
from lnb_dash.levels import CODE_PATTERNS
from lnb_dash.names import AmbiguousName, NameResolver, UnknownNameError, fold, read_reference

# Column names of the Albanian template.
SYNONYMS = {"viti": "year", "vlera": "value", "ndarja": "breakdown", "statusi": "status", "shënim": "note", "shenim": "note", "njësia": "unit",
            "treguesi": "indicator"}
NAME_COLUMNS = ("lau_code", "area_code", "code", "municipality", "bashkia", "name", "emri")
# Columns that name a former unit (before the 2015 reform); looked for before NAME_COLUMNS, so a table with both a unit
# and its municipality is keyed by the unit.
FORMER_UNIT_COLUMNS = ("unit_code", "former_unit", "njesia_administrative", "njësia_administrative", "njesia administrative",
                       "njësia administrative", "administrative_unit", "administrative unit", "komuna", "commune")

# The kinds a message names ("a rate by former unit…"), as catalog keys.
KIND_TERMS = {"rate": N_("imp_kind_rate"), "share": N_("imp_kind_share")}
# What the importer says about a name it cannot resolve, by the level it was looked for at.
UNKNOWN_KEYS = {"municipality": N_("imp_unknown_municipality"), "county": N_("imp_unknown_county"), "former_unit": N_("imp_unknown_former_unit")}
AMBIGUOUS_KEYS = {"municipality": N_("imp_ambiguous_municipality"), "county": N_("imp_ambiguous_county"),
                  "former_unit": N_("imp_ambiguous_former_unit")}
ELSEWHERE_KEYS = {"municipality": N_("imp_elsewhere_municipality"), "county": N_("imp_elsewhere_county"),
                  "former_unit": N_("imp_elsewhere_former_unit")}
THE_AREA_KEYS = {"municipality": N_("imp_the_municipality"), "county": N_("imp_the_county"), "former_unit": N_("imp_the_former_unit")}
# Written numbers: spaces of any width separate thousands; see parse_number.
SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
GROUPED = re.compile(r"\d[\d .,]*")
# What the importer says when the source form lacks a field, by field.
SOURCE_FIELD_KEYS = {"title": N_("imp_source_lacks_title"), "publisher": N_("imp_source_lacks_publisher"),
                     "license": N_("imp_source_lacks_license"), "reference_date": N_("imp_source_lacks_reference_date")}
YEAR = re.compile(r"^(19|20)\d\d$")
SOURCE_ID = re.compile(r"^[a-z][a-z0-9_]{2,60}$")
MAX_BYTES = 20 * 1024 * 1024
# 61 municipalities × a century of years × 3 breakdowns is far below this; more is not a table of ours.
MAX_ROWS = 100_000


class ImportRejected(ValueError):
    """A rejected import: every problem names the file, row and column, what is wrong and what to do (see :class:`Problem`).

    ``str()`` lists them in ``lang``; a page shows them in its own language with :meth:`Problem.problem` and :meth:`Problem.todo`.
    """

    def __init__(self, problems: list[Problem], lang: str = "en"):
        self.problems = problems
        self.lang = lang
        super().__init__(self.text(lang))

    def text(self, lang: str) -> str:
        listed = "\n".join(f"  - {p.text(lang)}" for p in self.problems[:25])
        more = "\n" + i18n.t("imp_rejected_more", lang, n=len(self.problems) - 25) if len(self.problems) > 25 else ""
        return i18n.t("imp_rejected", lang, n=len(self.problems)) + f"\n{listed}{more}"

    def in_language(self, lang: str) -> ImportRejected:
        """The same rejection (same class), its text in ``lang``."""
        return type(self)(self.problems, lang)


class RatesNotSummable(ImportRejected):
    """A rate or share keyed by former units: it cannot be added up to municipalities; its counts can."""


class UnreadableNumber(ValueError):
    """A value the number rule cannot read (see :func:`parse_number`): ``key`` and ``fix`` say why, in the catalogs."""

    def __init__(self, key: str, fix: str, **params):
        self.key, self.fix, self.params = key, fix, params
        super().__init__(key)


# Where each stored observation came from in the uploaded file, so the check of the written folder speaks of the file.
@dataclass(frozen=True)
class Origin:
    row: int
    value_column: str
    name_column: str
    year_column: str | None
    value: str


@dataclass
class ImportPlan:
    source_id: str
    observations: pd.DataFrame
    package: dict
    indicators: list[dict] = field(default_factory=list)
    level: str = "municipality"
    # For a table keyed by former units, per (breakdown, year): what the build will make of it for the municipalities.
    aggregation: dict[tuple[str, str], FormerUnitAggregation] | None = None
    # The indicator's name by language ({"sq": …, "en": …}), so summaries never show its internal id.
    indicator_name: dict = field(default_factory=dict)
    origins: list[Origin] = field(default_factory=list)
    lang: str = "en"
    # What the file itself calls its figures (an 'indicator'/'treguesi' column), to compare with the indicator chosen.
    named_as: list[str] = field(default_factory=list)

    def summary(self, lang: str | None = None) -> str:
        """What the import adds, in ``lang`` (default: the plan's): the source's title, per indicator, breakdown and year
        the number of areas, what former units give the municipalities, and any new indicator, by name."""
        lang = lang or self.lang
        counts = self.observations.groupby(["indicator", "breakdown", "year"]).size()
        areas = i18n.t("imp_areas_former_unit" if self.level == "former_unit" else N_("imp_areas_municipality"), lang)
        lines = [i18n.t("imp_summary_source", lang, title=self.package.get("title") or self.source_id, n=len(self.observations))]
        lines += ["  " + i18n.t("imp_summary_line", lang, indicator=self.name_of(ind, lang), breakdown=i18n.breakdown_label(brk, lang).lower(),
                                year=year, n=n, areas=areas)
                  for (ind, brk, year), n in counts.items()]
        for (brk, year), aggregation in (self.aggregation or {}).items():
            lines += [f"  {i18n.breakdown_label(brk, lang).lower()}, {year}: " + line for line in aggregation.lines(lang)]
        if self.indicators:
            lines.append("  " + i18n.t("imp_summary_new_indicator", lang, names=", ".join(self.name_of(i["id"], lang) for i in self.indicators)))
        return "\n".join(lines)

    def name_of(self, indicator: str, lang: str) -> str:
        return self.indicator_name.get(i18n.normalize_lang(lang)) or indicator


@dataclass
class FormerUnitAggregation:
    """What a table keyed by former units gives the municipalities (computed at build time, never stored in the source).

    ``aggregated``: LAU codes whose every unit has a value (their sum becomes the municipal value, noted "aggregated
    from former units"); ``kept``: LAU code -> source that already reports the municipal value (kept; the sum must
    equal it); ``incomplete``: LAU code -> unit codes without a value (no municipal value: never a partial sum);
    ``summed``: whether the indicator's rule adds it up at all ('none' keeps the values at former-unit level only);
    ``names``: code -> name of those municipalities and units, so the lines name places, not codes.
    """

    aggregated: list[str]
    kept: dict[str, str]
    incomplete: dict[str, list[str]]
    summed: bool
    names: dict[str, str] = field(default_factory=dict)

    def lines(self, lang: str = "en") -> list[str]:
        if not self.summed:
            return [i18n.t("imp_fu_not_summed", lang)]
        lines = [i18n.t("imp_fu_aggregated", lang, n=len(self.aggregated))]
        if self.kept:
            by_source = pd.Series(self.kept).value_counts()
            lines += [i18n.t("imp_fu_kept", lang, n=n, source=self.names.get(source, source)) for source, n in by_source.items()]
        if self.incomplete:
            listed = "; ".join(i18n.t("imp_fu_missing", lang, municipality=self.names.get(lau, lau),
                                      units=", ".join(self.names.get(u, u) for u in units))
                               for lau, units in sorted(self.incomplete.items(), key=lambda item: self.names.get(item[0], item[0])))
            lines.append(i18n.t("imp_fu_incomplete", lang, listed=listed))
        return lines


def rejected(file: str, row: int | None, column: str | None, key: str, fix: str = "", **params) -> ImportRejected:
    """A rejection with one problem."""
    return ImportRejected([Problem(file, row, column, key=key, params=params, fix=fix)])


def too_large(name: str, exc: tables.TableTooLarge) -> ImportRejected:
    """A table over a limit found before parsing (:mod:`lnb_dash.data.tables`), in the reader's language."""
    if exc.kind == "uncompressed":
        return rejected(name, None, None, N_("sec_table_unzipped"), found=Count(exc.found / 2**20), limit=Count(exc.limit / 2**20))
    if exc.kind == "time":
        return rejected(name, None, None, N_("sec_table_time"), limit=Count(exc.limit))
    return rejected(name, None, None, N_("sec_table_rows"), found=Count(exc.found), limit=Count(exc.limit))


def read_table(path: Path, sheet: str | None = None) -> pd.DataFrame:
    """Every cell as text. CSV must be UTF-8 (a BOM is fine); the delimiter is detected. A title row above the column
    names is refused, naming both rows (:func:`find_header`)."""
    name = path.name
    if not path.exists():
        raise rejected(name, None, None, N_("imp_file_not_found"))
    size = path.stat().st_size
    if size == 0:
        raise rejected(name, None, None, N_("imp_file_empty"), N_("imp_fill_template"))
    if size > MAX_BYTES:
        raise rejected(name, None, None, N_("imp_file_too_big"), N_("imp_file_too_big_fix"), size=Count(size / 2**20), limit=Count(MAX_BYTES / 2**20))
    try:
        tables.check_table(path, sheet, MAX_ROWS)  # before parsing: a small file may unzip to millions of rows
    except tables.TableTooLarge as exc:
        raise too_large(name, exc) from exc
    frame = read_workbook(path, sheet) if path.suffix.lower() in (".xlsx", ".xlsm") else read_csv(path)
    if len(frame) > MAX_ROWS:
        raise rejected(name, None, None, N_("imp_too_many_rows"), N_("imp_file_too_big_fix"), n=Count(len(frame)), limit=Count(MAX_ROWS))
    return frame


def find_header(rows: list[tuple[int, list[str]]]) -> int:
    """Which of the first rows holds the column names: the first row, unless it names no place column and one of the
    next ten does (the rows above it are then a title). ``rows``: (row number, cells), blank rows left out."""
    keys = {c.lower() for c in NAME_COLUMNS + FORMER_UNIT_COLUMNS}

    def is_header(cells: list[str]) -> bool:
        return any(str(c).strip().lower() in keys for c in cells)

    if not rows or is_header(rows[0][1]):
        return 0
    return next((i for i, (_, cells) in enumerate(rows[1:11], start=1) if is_header(cells)), 0)


def refuse_title_rows(name: str, rows: list[tuple[int, list[str]]]) -> None:
    """A title above the column names (a report's heading, kept when the table was copied) is named, with the row of the names."""
    index = find_header(rows)
    if index:
        title = " ".join(str(c).strip() for _, cells in rows[:index] for c in cells if str(c).strip())
        header_row, header = rows[index]
        raise rejected(name, rows[0][0], None, N_("imp_title_row"), N_("imp_title_row_fix"), title_row=rows[0][0], title=quoted(title),
                       header=", ".join(str(c).strip() for c in header if str(c).strip()), header_row=header_row)


def read_csv(path: Path) -> pd.DataFrame:
    name = path.name
    raw = path.read_bytes()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise rejected(name, None, None, N_("imp_utf16"), N_("imp_save_utf8"))
    if b"\x00" in raw[:4096]:
        raise rejected(name, None, None, N_("imp_binary"), N_("imp_export_table"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise rejected(name, None, None, N_("imp_not_utf8"), N_("imp_save_utf8"), byte=exc.start) from exc
    if not text.strip():
        raise rejected(name, None, None, N_("imp_blank_only"), N_("imp_fill_template"))
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    try:
        lines = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise rejected(name, None, None, N_("imp_csv_broken"), N_("imp_csv_quotes_fix")) from exc
    refuse_title_rows(name, [(i, line) for i, line in enumerate(lines, start=1) if any(c.strip() for c in line)])
    width = len(lines[0])
    ragged = [Problem(name, i, None, key=N_("imp_ragged"), fix=N_("imp_ragged_fix"), params={"n": len(line), "width": width})
              for i, line in enumerate(lines[1:], start=2) if line and len(line) != width]
    if ragged:
        raise ImportRejected(ragged)
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter, index_col=False, on_bad_lines="error")
    except (pd.errors.ParserError, ValueError) as exc:
        raise rejected(name, None, None, N_("imp_csv_broken"), N_("imp_csv_rows_fix")) from exc


def cell_text(value) -> str:
    """A workbook cell as text: numbers as Python writes them, a whole number without '.0'. A number stored as a number
    is never ambiguous, so one that would read as grouped thousands under :func:`parse_number` (1.125) gets a fourth decimal."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if isinstance(value, float) and re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text):
        return text + "0"
    return text


def read_workbook(path: Path, sheet: str | None) -> pd.DataFrame:
    """The first visible sheet (or ``sheet``) as text; formulas and merged header cells are refused."""
    from openpyxl import load_workbook

    name = path.name
    try:
        workbook = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a broken workbook; all mean the same to the user
        raise rejected(name, None, None, N_("imp_not_workbook"), N_("imp_not_workbook_fix")) from exc
    visible = [ws.title for ws in workbook.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
    title = sheet or (visible[0] if visible else None)
    if title not in workbook.sheetnames:
        raise rejected(name, None, None, N_("imp_no_sheet"), sheet=quoted(sheet), sheets=workbook.sheetnames)
    ws = workbook[title]
    rows = [list(row) for row in ws.iter_rows()]
    filled = [(row[0].row, [cell_text(c.value) for c in row]) for row in rows if any(c.value is not None for c in row)]
    refuse_title_rows(name, filled)
    problems = [Problem(name, None, None, key=N_("imp_merged_header"), fix=N_("imp_merged_header_fix"), params={"sheet": quoted(title), "cells": r.coord})
                for r in ws.merged_cells.ranges if r.min_row == 1]
    for row in rows[1:]:
        for cell in row:
            if cell.data_type == "f":
                problems.append(Problem(name, cell.row, str(rows[0][cell.column - 1].value), key=N_("imp_formula"), fix=N_("imp_formula_fix"),
                                        params={"formula": cell.value}))
    if problems:
        raise ImportRejected(problems)
    values = [cells for _, cells in filled]
    if len(values) < 2:
        if hidden:
            raise rejected(name, None, None, N_("imp_sheet_empty_hidden"), N_("imp_sheet_empty_hidden_fix"), sheet=quoted(title), hidden=hidden)
        raise rejected(name, None, None, N_("imp_sheet_empty"), N_("imp_fill_template"), sheet=quoted(title))
    return pd.DataFrame(values[1:], columns=values[0])


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
        raise rejected(file, 1, None, N_("imp_no_key_column"), N_("imp_no_key_column_fix"), columns=[str(c) for c in frame.columns])
    lowered = {SYNONYMS.get(str(c).strip().lower(), str(c).strip().lower()): c for c in frame.columns}
    rows = frame.reset_index(drop=True)
    if "year" in lowered and "value" in lowered:
        out = pd.DataFrame({
            "name": rows[name_col], "year": rows[lowered["year"]], "value": rows[lowered["value"]],
            "breakdown": rows[lowered["breakdown"]] if "breakdown" in lowered else "total",
            "status": rows[lowered["status"]] if "status" in lowered else "",
            "note": rows[lowered["note"]] if "note" in lowered else "",
            "row": rows.index + 2, "column": lowered["value"], "year_column": lowered["year"],
        })
        return out, name_col, level
    year_cols = [c for c in frame.columns if YEAR.match(str(c).strip().split(".")[0])]
    if not year_cols:
        raise rejected(file, 1, None, N_("imp_no_long_or_wide"), N_("imp_no_long_or_wide_fix"))
    parts = [pd.DataFrame({"name": rows[name_col], "year": str(c).strip().split(".")[0], "value": rows[c], "breakdown": "total",
                           "status": "", "note": "", "row": rows.index + 2, "column": str(c), "year_column": str(c)}) for c in year_cols]
    return pd.concat(parts, ignore_index=True), name_col, level


def check_units(frame: pd.DataFrame, file: str, indicator: str, new_indicator: dict | None, data_dir: Path) -> list[Problem]:
    """A 'unit' column must hold one unit, the indicator's own (in either language)."""
    lowered = {SYNONYMS.get(str(c).strip().lower(), str(c).strip().lower()): c for c in frame.columns}
    if "unit" not in lowered:
        return []
    units = sorted({u.strip() for u in frame[lowered["unit"]] if str(u).strip()})
    if len(units) > 1:
        return [Problem(file, None, str(lowered["unit"]), key=N_("imp_mixed_units"), fix=N_("imp_mixed_units_fix"), params={"units": units})]
    expected = set((new_indicator or {}).get("unit", {}).values()) or known_units(indicator, data_dir)
    if units and expected and units[0] not in expected and not word_stems(units[0]) & set().union(*map(word_stems, expected)):
        return [Problem(file, None, str(lowered["unit"]), key=N_("imp_wrong_unit"), fix=N_("imp_wrong_unit_fix"),
                        params={"unit": quoted(units[0]), "expected": " / ".join(sorted(expected))})]
    return []


SHORTEST_WORD = 4  # words shorter than this ('në', 'të', 'me', 'nr') say nothing about what is counted
STEM = 5  # letters compared: Albanian endings change with case and definiteness ('familje', 'familjet'; 'ndihma', 'ndihmë')


def word_stems(text: str) -> set[str]:
    """The words of ``text`` that say what is counted, accents, case and endings aside ('Familjet' -> {'famil'})."""
    return {w[:STEM] for w in fold(text).split() if len(w) >= SHORTEST_WORD}


def known_units(indicator: str, data_dir: Path) -> set[str]:
    return set((known_indicator(indicator, data_dir).get("unit") or {}).values())


def known_indicator(indicator: str, data_dir: Path) -> dict:
    """The catalogue entry of an existing indicator (empty when there is none)."""
    for source in read_sources(data_dir):
        for ind in source.indicators:
            if ind.get("id") == indicator:
                return ind
    return {}


def refuse_rates_by_former_unit(indicator: str, definition: dict, file: str, data_dir: Path = config.DATA_DIR) -> None:
    """Rates and shares cannot be added up from former units to municipalities: ask for the two counts instead."""
    kind = definition.get("kind")
    if kind not in ("rate", "share"):
        return
    rule = definition.get("aggregate")
    ratio = rule.get("ratio") if isinstance(rule, dict) else None
    counts = Term(N_("imp_rate_counts"))
    if ratio:
        counts = Term(N_("imp_rate_counts_named"), tuple((role, known_indicator(ratio[role], data_dir).get("name") or ratio[role])
                                                     for role in ("numerator", "denominator")))
    raise RatesNotSummable([Problem(file, None, None, key=N_("imp_rate_by_former_unit"), fix=N_("imp_rate_by_former_unit_fix"),
                                    params={"indicator": definition.get("name") or indicator, "kind": Term(KIND_TERMS[kind]), "counts": counts})])


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
    names = dict(zip(reference["municipalities"]["lau_code"], reference["municipalities"]["name"])) | dict(zip(units["unit_code"], units["name"]))
    valued = records[records.status == "value"].rename(columns={"indicator": "indicator_id"})
    valued = valued.assign(value=valued.value.astype(float), source_id="", break_in_series=False)
    reported: dict[tuple[str, str, str], str] = {}
    for source in read_sources(data_dir):
        obs = source.observations
        if obs is None:
            continue
        mine = obs[(obs.indicator == indicator) & obs.area_code.str.fullmatch(r"AL[1-3]\d\d")]
        reported.update(dict.fromkeys(zip(mine.area_code, mine.breakdown, mine.year), source.source_id))
        names[source.source_id] = source.package.get("title") or source.source_id
    out = {}
    for (breakdown, year), _group in records.groupby(["breakdown", "year"]):
        part = valued[(valued.breakdown == breakdown) & (valued.year == year)]
        complete = sorted(complete_sums(part, units).area_code)
        kept = {lau: reported[(lau, breakdown, year)] for lau in complete if (lau, breakdown, year) in reported}
        out[(breakdown, year)] = FormerUnitAggregation(
            aggregated=[lau for lau in complete if lau not in kept], kept=kept,
            incomplete=incomplete_municipalities(part, units), summed=definition.get("aggregate") == "sum", names=names)
    return out


def parse_number(text: str) -> float | None:
    """A written number, by one rule (README, "Numbers"); None for an empty cell.

    Spaces (of any width) only ever separate thousands: 1 234. Of a dot and a comma both present, the last is the
    decimal mark and the other separates thousands: 1.234,5 and 1,234.5. One mark used more than once separates
    thousands: 1.234.567. One mark used once is the decimal mark (12,5; 41.52; 0.125; 1234.567), except when it
    follows one to three digits (not 0) and precedes exactly three: 2.870 could be 2870 or 2,87, and is refused.
    Thousands come in groups of three. Raises :class:`UnreadableNumber` saying which rule the text breaks.
    """
    raw = str(text).strip()
    if raw == "":
        return None
    body = SPACES.sub(" ", raw)
    sign = -1.0 if body[0] in "-\u2212" else 1.0
    body = body[1:].lstrip() if body[0] in "+-\u2212" else body
    if not GROUPED.fullmatch(body) or body.endswith((" ", ".", ",")):
        try:
            value = float(raw)
        except ValueError:
            raise UnreadableNumber(N_("imp_not_a_number"), N_("imp_not_a_number_fix"), value=quoted(raw)) from None
        if not math.isfinite(value):
            raise UnreadableNumber(N_("imp_not_a_number"), N_("imp_not_a_number_fix"), value=quoted(raw))
        return value
    marks = [c for c in body if c in ".,"]
    decimal = None
    if len(set(marks)) == 2:
        decimal = marks[-1]
        if marks.count(decimal) > 1 or body.rfind(decimal) < max(body.rfind(m) for m in ".," if m != decimal):
            raise UnreadableNumber(N_("imp_number_groups"), N_("imp_number_groups_fix"), value=quoted(raw))
    elif len(marks) == 1:
        whole, _, after = body.partition(marks[0])
        if len(after) == 3 and " " not in body and 1 <= len(whole) <= 3 and whole != "0":
            thousands = whole + after
            written = whole + (marks[0] + after.rstrip("0") if after.rstrip("0") else "")
            raise UnreadableNumber(N_("imp_number_ambiguous"), N_("imp_number_ambiguous_fix"), value=quoted(raw), thousands=thousands, decimal=written)
        decimal = marks[0]
    whole, _, fraction = body.rpartition(decimal) if decimal else (body, "", "")
    groups = re.split(r"[ .,]", whole)
    if " " in fraction or any(not g.isdigit() for g in groups) or (len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]))):
        raise UnreadableNumber(N_("imp_number_groups"), N_("imp_number_groups_fix"), value=quoted(raw))
    return sign * float("".join(groups) + ("." + fraction if fraction else ""))


def name_problem(exc: UnknownNameError, file: str, row: int, column: str) -> Problem:
    """An unresolved name as a problem: what was written, what it names at other levels, the closest names."""
    level = exc.level
    if isinstance(exc, AmbiguousName):
        return Problem(file, row, column, key=AMBIGUOUS_KEYS[level], fix=N_("imp_ambiguous_fix"),
                       params={"name": quoted(exc.text), "n": len(exc.suggestions),
                               "listed": [f"{c.matched!r} ({c.code})" for c in exc.suggestions]})
    elsewhere = Term(ELSEWHERE_KEYS[level], (("what", [Term(THE_AREA_KEYS[c.level], (("name", c.name), ("code", c.code), ("where", c.matched)))
                                                        for c in exc.elsewhere]),)) if exc.elsewhere else ""
    suggestions = Term(N_("imp_did_you_mean"), (("names", [str(c) for c in exc.suggestions]),)) if exc.suggestions else ""
    return Problem(file, row, column, key=UNKNOWN_KEYS[level], fix=N_("imp_unknown_name_fix"),
                   params={"name": quoted(exc.text), "elsewhere": elsewhere, "suggestions": suggestions})


def plan_import(path: Path, indicator: str, meta: dict, data_dir: Path = config.DATA_DIR, sheet: str | None = None,
                level: str | None = None, lang: str = "en") -> ImportPlan:
    """Parse, resolve and validate a file into a new source folder's content, writing nothing.

    ``level`` (municipality or former_unit) is read from the table's columns when not given: see :func:`find_key_column`.
    ``lang`` is the language of the rejection's text and of the plan's summary; the problems carry both.
    """
    try:
        return _plan_import(path, indicator, meta, data_dir, sheet, level, lang)
    except ImportRejected as exc:
        if exc.lang == lang:
            raise
        raise exc.in_language(lang) from None


def _plan_import(path: Path, indicator: str, meta: dict, data_dir: Path, sheet: str | None, level: str | None, lang: str) -> ImportPlan:
    if level not in (None, *levels.IMPORTABLE):
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(levels.IMPORTABLE)}")
    file = path.name
    source_meta = dict(meta.get("source") or {})
    new_indicator = meta.get("indicator")
    problems: list[Problem] = []
    source_id = source_meta.pop("id", None) or re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")
    if not SOURCE_ID.match(source_id or ""):
        problems.append(Problem(file, None, None, key=N_("imp_bad_source_id"), fix=N_("imp_bad_source_id_fix"), params={"id": quoted(source_id)}))
    elif (data_dir / "sources" / source_id).exists():
        problems.append(Problem(file, None, None, key=N_("imp_source_exists"), fix=N_("imp_source_exists_fix"), params={"id": quoted(source_id)}))
    for key in ("title", "publisher", "license", "reference_date"):
        if not source_meta.get(key) and not (key == "license" and source_meta.get("licenses")):
            problems.append(Problem(file, None, None, key=SOURCE_FIELD_KEYS[key], fix=N_("imp_source_lacks_fix")))
    frame = read_table(path, sheet)
    if frame.empty:
        raise rejected(file, None, None, N_("imp_header_no_rows"), N_("imp_fill_template"))
    long, name_col, level = to_long(frame, file, level)
    definition = new_indicator or known_indicator(indicator, data_dir)
    if level == "former_unit":
        refuse_rates_by_former_unit(indicator, definition, file, data_dir)
        parent_col = find_key_column(frame, "municipality")[0]
        long["parent"] = frame[parent_col].reset_index(drop=True).iloc[long.row - 2].to_numpy() if parent_col is not None else ""
    else:
        long["parent"] = ""
    problems += check_units(frame, file, indicator, new_indicator, data_dir)
    reference = read_reference(data_dir)
    resolver = NameResolver.from_reference(reference)
    records, origins, seen = [], [], {}
    for r in long.itertuples(index=False):
        try:
            code = resolve_area(resolver, r.name, level, r.parent)
        except UnknownNameError as exc:
            problems.append(name_problem(exc, file, r.row, name_col))
            continue
        status = (r.status or "").strip() or "value"
        if status != "value" and str(r.value).strip():
            problems.append(Problem(file, r.row, r.column, key=N_("imp_status_with_value"), fix=N_("imp_leave_value_empty"),
                                    params={"status": quoted(status), "value": quoted(r.value)}))
            continue
        try:
            value = parse_number(r.value) if status == "value" else None
        except UnreadableNumber as exc:
            problems.append(Problem(file, r.row, r.column, key=exc.key, fix=exc.fix, params=exc.params))
            continue
        if value is None and status == "value":
            continue  # an empty cell is no data: nothing is stored, and the dashboard shows 'not reported'
        key = (code, r.year.strip(), (r.breakdown or "total").strip())
        if key in seen:
            problems.append(Problem(file, r.row, name_col, key=N_("imp_duplicate_row"), fix=N_("imp_duplicate_row_fix"),
                                    params={"name": resolver.names[level][code], "year": key[1], "row": seen[key]}))
            continue
        seen[key] = r.row
        records.append({"area_code": code, "indicator": indicator, "breakdown": key[2], "year": key[1],
                        "value": "" if value is None else repr(value).removesuffix(".0") if value == int(value) else repr(value),
                        "status": status, "break_in_series": "false", "note": (r.note or "").strip()})
        origins.append(Origin(r.row, str(r.column), str(name_col), r.year_column, str(r.value)))
    if problems:
        raise ImportRejected(problems)
    if not records:
        raise rejected(file, None, None, N_("imp_no_values"), N_("imp_no_values_fix"))
    licenses = source_meta.pop("licenses", None) or [{"name": source_meta.pop("license"), "path": source_meta.pop("license_url", "")}]
    package = {"name": source_id, **source_meta, "licenses": licenses, "retrieved": str(source_meta.get("retrieved", pd.Timestamp.today().date())),
               "caveats": source_meta.get("caveats", [])}
    indicators = [dict(new_indicator, id=indicator)] if new_indicator else []
    observations = pd.DataFrame(records, columns=OBSERVATION_COLUMNS)
    aggregation = plan_aggregation(observations, indicator, definition, data_dir, reference) if level == "former_unit" else None
    plan = ImportPlan(source_id, observations, package, indicators, level, aggregation, dict(definition.get("name") or {}), origins, lang)
    plan.named_as = named_in_file(frame)
    validate_plan(plan, data_dir, file)
    return plan


def named_in_file(frame: pd.DataFrame) -> list[str]:
    """The names a table gives its own figures in an 'indicator' ('treguesi') column, each once, as written."""
    lowered = {SYNONYMS.get(str(c).strip().lower(), str(c).strip().lower()): c for c in frame.columns}
    if "indicator" not in lowered:
        return []
    return list(dict.fromkeys(str(v).strip() for v in frame[lowered["indicator"]] if str(v).strip()))


def template_frame(municipalities: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table to fill in: every municipality once, with empty year and value columns (long form)."""
    names = {"sq": ("bashkia", "viti", "vlera", "shënim"), "en": ("municipality", "year", "value", "note")}[lang if lang == "sq" else "en"]
    ordered = municipalities.sort_values("name")
    return pd.DataFrame({names[0]: ordered["name"].tolist(), names[1]: "", names[2]: "", names[3]: ""})


# What each template column means, by its name in either language (the metadata sheet of the templates).
TEMPLATE_MEANINGS = {"bashkia": N_("imp_template_municipality"), "municipality": N_("imp_template_municipality"),
                     "unit_code": N_("imp_template_unit_code"), "njësia administrative": N_("imp_template_former_unit"),
                     "former_unit": N_("imp_template_former_unit"), "viti": N_("imp_template_year"), "year": N_("imp_template_year"),
                     "vlera": N_("imp_template_value"), "value": N_("imp_template_value"), "shënim": N_("imp_template_note"),
                     "note": N_("imp_template_note")}


def template_metadata(template: pd.DataFrame, indicator: dict | None = None) -> pd.DataFrame:
    """The template's ``metadata`` sheet: what each column means and, when an indicator is chosen, its name, unit and
    definition, in Albanian and English. Returns columns: field, shqip, English."""
    rows = [{"field": str(c), "shqip": i18n.t(TEMPLATE_MEANINGS[c], "sq"), "English": i18n.t(TEMPLATE_MEANINGS[c], "en")}
            for c in template.columns if c in TEMPLATE_MEANINGS]
    for part, key in (("name", N_("imp_template_indicator")), ("unit", N_("imp_template_indicator_unit")),
                      ("definition", N_("imp_template_indicator_definition"))):
        texts = (indicator or {}).get(part) or {}
        if any(str(text).strip() for text in texts.values()):  # a new indicator's form may still be empty
            rows.append({"field": f"{i18n.t(key, 'sq')} / {i18n.t(key, 'en')}", "shqip": texts.get("sq", ""), "English": texts.get("en", "")})
    return pd.DataFrame(rows, columns=["field", "shqip", "English"])


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
        raise ImportRejected([about_upload(p, plan, file) if plan.source_id in p.file else p for p in result.problems])


def about_upload(problem: Problem, plan: ImportPlan, file: str) -> Problem:
    """A problem of the written source folder, told about the uploaded file: its row, its column's own name ("vlera")
    and its value as written ("2.870", not 2870)."""
    if not (problem.file.endswith("observations.csv") and problem.row is not None and 0 <= problem.row - 2 < len(plan.origins)):
        return problem.with_place(file, None, problem.column)
    origin = plan.origins[problem.row - 2]
    column = {"value": origin.value_column, "area_code": origin.name_column, "year": origin.year_column}.get(problem.column, problem.column)
    written = {"value": quoted(origin.value)} if problem.column == "value" and "value" in problem.params else {}
    return problem.with_place(file, origin.row, column, **written)


def import_file(path: Path, indicator: str, meta: dict, data_dir: Path = config.DATA_DIR, db_path: Path = config.DB_PATH,
                sheet: str | None = None, dry_run: bool = False, user: str = "command line", level: str | None = None,
                lang: str = "en") -> ImportPlan:
    """Import ``path`` as a new source and record it in the history; with ``dry_run`` only report what would change.

    The whole import (validation against the current sources, the new folder, the rebuild, the history) holds the
    data folder's lock, so concurrent imports run one after another and none is lost (issue 12); a dry run only reads.
    """
    if dry_run:
        return plan_import(path, indicator, meta, data_dir, sheet, level, lang)
    with data_lock(data_dir, f"import {path.name}", user):
        plan = plan_import(path, indicator, meta, data_dir, sheet, level, lang)
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
