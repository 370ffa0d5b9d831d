"""Bounds on an uploaded table, checked before it is parsed: no file may cost a replica minutes or gigabytes.

A 694 KB workbook can hold a sheet of 3,000,000 rows (its XML deflates 600:1); parsed whole it took 85 s of CPU and
2.9 GB before openpyxl gave up. So before the importer parses a workbook, :func:`check_table` reads the zip's table
of contents (the uncompressed size), the sheet's declared dimension (openpyxl's read-only mode reads no more), and
then streams the sheet's XML, counting its rows until one past the row limit, within a time limit. A CSV's records are
counted the same way. Whatever passes is small enough for the full parse and its checks.
"""

from __future__ import annotations

import csv
import io
import os
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

# 61 municipalities × a century of years × 3 breakdowns is far below this; more is not a table of ours.
MAX_ROWS = 100_000
# A workbook's parts once unzipped: 100,000 rows of a dozen cells take about 60 MB of sheet XML.
MAX_UNCOMPRESSED = 100 * 2**20
# Seconds an upload may spend being read before it is refused (the rows of a table of ours take well under one).
TIME_LIMIT = float(os.environ.get("LNB_IMPORT_TIME_LIMIT", "20"))
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# A row element, with or without a namespace prefix (<row r="2">, <x:row>, <row/>).
ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
# The declared size, <dimension ref="A1:C3000001"/>: its last row.
DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"')


@dataclass
class TableTooLarge(ValueError):
    """A table over one of the limits. ``kind``: 'uncompressed' (bytes), 'rows' (``found`` is a lower bound when
    reading stopped at the limit) or 'time' (seconds)."""

    kind: str
    found: float
    limit: float

    def __post_init__(self) -> None:
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.kind == "uncompressed":
            return f"the workbook unzips to {self.found / 2**20:,.0f} MB; the limit is {self.limit / 2**20:,.0f} MB"
        if self.kind == "time":
            return f"reading the table took more than {self.limit:g} s, the limit; nothing was changed"
        return f"the sheet holds more than {self.limit:,.0f} rows (at least {self.found:,.0f}); the limit is {self.limit:,.0f}"


class Deadline:
    """A time limit for one import's reading, checked between rows."""

    def __init__(self, seconds: float = TIME_LIMIT):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise TableTooLarge("time", self.seconds, self.seconds)


def check_table(path: Path, sheet: str | None = None, max_rows: int = MAX_ROWS, deadline: Deadline | None = None) -> None:
    """Raise :class:`TableTooLarge` if the table at ``path`` is over a limit. A file that is not a readable table
    passes: the parser reports what is wrong with it."""
    deadline = deadline or Deadline()
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        check_workbook(path, sheet, max_rows, deadline)
    else:
        check_csv(path, max_rows, deadline)


def check_workbook(path: Path, sheet: str | None, max_rows: int, deadline: Deadline) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return
    if unzipped > MAX_UNCOMPRESSED:
        raise TableTooLarge("uncompressed", unzipped, MAX_UNCOMPRESSED)
    try:
        part, head = sheet_part(path, sheet)
    except Exception:  # openpyxl's errors on a malformed workbook: left to the full parse, which says why
        return
    if part is None:
        return
    declared = DIMENSION.search(head)
    declared = int(declared.group(1)) if declared else 0
    if declared > max_rows + 1:  # the header and the rows
        raise TableTooLarge("rows", declared - 1, max_rows)
    with zipfile.ZipFile(path) as archive, archive.open(part) as xml:
        count_rows(xml, max_rows, deadline)


def sheet_part(path: Path, sheet: str | None) -> tuple[str | None, bytes]:
    """The zip part of ``sheet`` (else the first visible sheet) and its first 4 KB, where a dimension is declared.

    Read from the workbook's table of sheets only: openpyxl's ``load_workbook``, even read-only, measures every sheet
    that declares no dimension by parsing it whole."""
    from openpyxl.packaging.manifest import Manifest
    from openpyxl.reader.excel import _find_workbook_part
    from openpyxl.reader.workbook import WorkbookParser
    from openpyxl.xml.functions import fromstring

    with zipfile.ZipFile(path) as archive:
        manifest = Manifest.from_tree(fromstring(archive.read("[Content_Types].xml")))
        parser = WorkbookParser(archive, _find_workbook_part(manifest).PartName[1:])
        parser.parse()
        sheets = [(s.name, s.state or "visible", rel.target) for s, rel in parser.find_sheets()]
        wanted = [target for name, state, target in sheets if (name == sheet if sheet else state == "visible")]
        if not wanted:
            return None, b""
        with archive.open(wanted[0]) as xml:
            return wanted[0], xml.read(4096)


def count_rows(xml, max_rows: int, deadline: Deadline) -> None:
    """Count the sheet's ``<row>`` elements in the unzipped stream, 1 MB at a time, and stop one past the limit.

    A declared dimension may say less than the sheet holds, so the rows are counted whatever it says. openpyxl's
    read-only mode took 14 s of CPU to stream 100,000 rows; this takes a fraction of a second. Every row element
    counts, so a sheet padded with empty rows is refused too: it still holds that many rows."""
    rows, tail = 0, b""
    while chunk := xml.read(2**20):
        deadline.check()
        data = tail + chunk
        rows += len(ROW_TAG.findall(data)) - len(ROW_TAG.findall(tail))  # a tag cut by the chunk's end counts once
        if rows > max_rows + 1:
            raise TableTooLarge("rows", rows - 1, max_rows)
        tail = data[-16:]


def check_csv(path: Path, max_rows: int, deadline: Deadline) -> None:
    raw = path.read_bytes()
    if max(raw.count(b"\n"), raw.count(b"\r")) <= max_rows + 1:  # fewer lines than the limit: fewer records too
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    rows = 0
    try:
        for number, record in enumerate(csv.reader(io.StringIO(text))):
            if number % 1000 == 0:
                deadline.check()
            if record:
                rows += 1
                if rows > max_rows + 1:
                    raise TableTooLarge("rows", rows - 1, max_rows)
    except csv.Error:
        return


def safe_upload_name(name: str, default: str = "upload.csv") -> str:
    """The last part of an uploaded file's name, so it cannot point outside the folder it is saved in (``../x``,
    ``C:\\x``, ``..``); what is left is only ever shown escaped."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return default if last in ("", ".", "..") else last
