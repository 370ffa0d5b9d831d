"""Downloads: CSV and XLSX of a view with its metadata, and the full data package (zip).

Every export carries where its numbers come from; no text cell can run as a spreadsheet formula.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pandas as pd

from lnb_dash import __version__, config
from lnb_dash.model import caveats
from lnb_dash.query import exports as queries
from lnb_dash.query.db import Connection

# A text cell starting with one of these is run as a formula by Excel and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
DASHBOARD_NAME = "LNB municipal dashboard"
PACKAGE_TABLES = ("observations", "indicators", "sources", "municipalities", "counties", "former_units", "aliases", "programme_results",
                  "programme_figures", "priority_resolution", "programme_facts")
ODBL = {"name": "ODbL-1.0", "path": "https://opendatacommons.org/licenses/odbl/1-0/",
        "title": "Open Database License 1.0 (© OpenStreetMap contributors)"}
# What a table says about itself in datapackage.json, where a name alone would not; the former units are derived from
# OpenStreetMap (via Mapzen Borders and Albania Election Data), so they carry its license.
RESOURCE_NOTES = {
    "former_units": {
        "description": "The 373 administrative units before the 2015 reform (308 communes, 65 municipalities) and the crosswalk "
                       "to today's areas: lau_code and county_code name the municipality and county each unit lies wholly "
                       "inside. unit_code is the municipality's LAU code plus an index (AL22101); observations with "
                       "area_level 'former_unit' use it. Boundaries: geo/albania_former_units.geojson.",
        "licenses": [ODBL],
    },
}


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that would be read as formulas with an apostrophe; numbers are left alone."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) else v)
    return out


def _whole_numbers_as_integers(frame: pd.DataFrame) -> pd.DataFrame:
    """Decimal columns with whole values written as integers: a count is 140956 in the file, never 140956.0."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype.kind == "f":
            out[column] = pd.Series([None if pd.isna(v) else int(v) if float(v).is_integer() else v for v in out[column]],
                                    index=out.index, dtype=object)
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows ë and ç; missing values are empty cells, never 0; whole numbers
    without '.0'."""
    return _whole_numbers_as_integers(neutralize_formulas(frame)).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _write_sheet(ws, frame: pd.DataFrame) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.append([str(c) for c in frame.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in frame.itertuples(index=False):
        ws.append([None if (not isinstance(v, (list, tuple)) and pd.isna(v)) else v.item() if hasattr(v, "item") else v for v in row])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # stored as text: '=1+1' stays the characters '=1+1'
    for i, column in enumerate(frame.columns, start=1):
        width = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
    ws.freeze_panes = "A2"


def to_xlsx_bytes(data: pd.DataFrame, metadata: pd.DataFrame, title: str = "") -> bytes:
    """A workbook with a 'data' sheet and a 'metadata' sheet (definitions, sources, licenses, date)."""
    from openpyxl import Workbook  # loaded when a workbook is asked for, not with every page that offers one

    workbook = Workbook()
    ws = workbook.active
    ws.title = "data"
    _write_sheet(ws, data)
    _write_sheet(workbook.create_sheet("metadata"), metadata)
    workbook.properties.title = title or DASHBOARD_NAME
    workbook.properties.creator = DASHBOARD_NAME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def metadata_frame(con: Connection, indicator_ids: list[str], lang: str) -> pd.DataFrame:
    """One row per indicator: definition and unit in ``lang``, its sources with publisher, license, link and
    caveats (in Albanian where the source has them), then the export date, the dashboard and the boundary
    attribution. Where each value was read is in the data sheet's citation columns."""
    lang = lang if lang in config.LANGS else "en"
    rows = queries.query_source_metadata(con, indicator_ids, lang)
    computed = {iid: caveats.sex_split_caveats(con, iid, lang) for iid in rows.indicator_id.unique()}
    rows["caveats"] = [" | ".join([*computed[iid], *(c.split("\n") if isinstance(c, str) and c else [])])
                       for iid, c in zip(rows.indicator_id, rows.caveats)]
    footer = pd.DataFrame([
        {"indicator_id": "exported", "name": dt.date.today().isoformat()},
        {"indicator_id": "dashboard", "name": f"{DASHBOARD_NAME} {__version__}"},
        {"indicator_id": "boundaries", "name": config.BOUNDARY_ATTRIBUTION},
    ])
    return pd.concat([rows, footer], ignore_index=True)


_FRICTIONLESS_TYPES = {"i": "integer", "u": "integer", "f": "number", "b": "boolean", "M": "datetime"}


def _schema(frame: pd.DataFrame) -> dict:
    return {"fields": [{"name": str(c), "type": _FRICTIONLESS_TYPES.get(frame[c].dtype.kind, "string")} for c in frame.columns]}


def build_data_package(con: Connection) -> bytes:
    """Every table as CSV, a Frictionless ``datapackage.json``, a README and the boundaries, as a zip."""
    tables = queries.read_tables(con, PACKAGE_TABLES)
    sources = tables["sources"]
    licenses = [{"name": "ODbL-1.0", "path": "https://opendatacommons.org/licenses/odbl/1-0/",
                 "title": "Boundaries and former units: Open Database License (© OpenStreetMap contributors)"}]
    descriptor = {
        "name": "lnb-municipal-data",
        "title": "Leave No One Behind: social-inclusion data for Albania's 61 municipalities",
        "version": __version__,
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "description": "Observations (with status: value, not_reported, suppressed, not_applicable), the indicator catalogue, "
                       "sources with licenses and caveats, and reference tables. Each observation names its source_id; "
                       "each source has its own license (see sources.csv).",
        "licenses": licenses,
        "sources": [{"title": t, "path": h} if isinstance(h, str) and h else {"title": t} for t, h in zip(sources.title, sources.homepage)],
        "resources": [{"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                       **RESOURCE_NOTES.get(name, {}), "schema": _schema(frame)} for name, frame in tables.items()],
    }
    readme = (f"# {descriptor['title']}\n\nExported by the {DASHBOARD_NAME} {__version__} on {dt.date.today().isoformat()}.\n\n"
              "Files: " + ", ".join(f"`{n}.csv`" for n in tables) + ", `datapackage.json` (Frictionless), and the boundaries in `geo/`.\n\n"
              "Every number has its source: join `observations.source_id` to `sources.csv` for publisher, link, license and caveats. "
              "Where one source's values come from different publications, each observation also names its own "
              "(`citation_url`, `citation_title`, `citation_text`, `citation_retrieved`), and `read_at_url` is the copy it was "
              "read in when that is another address (a mirror or proxy, never cited). `flag_sq`/`flag_en` give a doubtful "
              "value's quality flag and its reason (README: Quality flags); a flagged value is in no county or national sum. "
              "A missing value has an empty `value` and a `status` saying why; it is never 0.\n\n"
              "`former_units.csv` lists the 373 units before the 2015 reform with the municipality (`lau_code`) and county "
              "each lies in; observations at `area_level` `former_unit` use its `unit_code`. It is derived from OpenStreetMap "
              "and is under the ODbL 1.0, like the boundaries.\n\n"
              f"Boundaries: {config.BOUNDARY_ATTRIBUTION}\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.csv", neutralize_formulas(frame).to_csv(index=False, lineterminator="\n"))
        archive.writestr("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2))
        archive.writestr("README.md", readme)
        for path in (config.MUNICIPALITIES_GEOJSON, config.COUNTIES_GEOJSON, config.GEO_DIR / "albania_former_units.geojson",
                     config.GEO_DIR / "README.md"):
            archive.write(path, f"geo/{path.name}")
    return buffer.getvalue()
