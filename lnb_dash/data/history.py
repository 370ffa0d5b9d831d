"""The import history: who imported what and when, and undoing an import.

Every import appends one line to ``data/import_log.jsonl`` (one file for every replica, appended under the data
folder's lock); undoing one moves its source folder to ``data/.trash/`` (so nothing is deleted) and rebuilds. A
failed rebuild puts the folder back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd

from lnb_dash import config
from lnb_dash.data.locking import data_lock

LOG_NAME = "import_log.jsonl"
LOG_COLUMNS = ["at", "action", "source_id", "user", "file", "sha256", "rows", "indicators", "title", "publisher", "license"]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(data_dir: Path, entry: dict) -> None:
    """Append one entry; the caller holds the data folder's lock, so entries are in the order of the changes."""
    entry = {"at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), **entry}
    with (data_dir / LOG_NAME).open("a", encoding="utf-8") as log:
        log.write(json.dumps(entry, ensure_ascii=False) + "\n")


def read_history(data_dir: Path = config.DATA_DIR) -> pd.DataFrame:
    """Returns columns: at, action, source_id, user, file, sha256, rows, indicators, title, publisher, license (newest first)."""
    path = data_dir / LOG_NAME
    if not path.exists():
        return pd.DataFrame(columns=LOG_COLUMNS)
    # Readers take no lock: a line still being appended (no newline yet) is left for the next read.
    text = path.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text[:text.rfind("\n") + 1].splitlines() if line.strip()]
    return pd.DataFrame(rows).reindex(columns=LOG_COLUMNS).iloc[::-1].reset_index(drop=True)


def imported_sources(data_dir: Path = config.DATA_DIR) -> list[str]:
    """Sources added by an import and not undone since, newest first."""
    history = read_history(data_dir)
    live = []
    for row in history.iloc[::-1].itertuples():
        if row.action == "import":
            live.append(row.source_id)
        elif row.action == "undo" and row.source_id in live:
            live.remove(row.source_id)
    return [s for s in reversed(live) if (data_dir / "sources" / s).exists()]


def undo_import(source_id: str, user: str, data_dir: Path = config.DATA_DIR, db_path: Path = config.DB_PATH) -> Path:
    """Take an imported source out (into data/.trash) and rebuild, holding the data folder's lock; returns where the folder went."""
    from lnb_dash.data.build import build_database

    with data_lock(data_dir, f"undo {source_id}", user):
        if source_id not in imported_sources(data_dir):
            raise ValueError(f"{source_id!r} is not an import that can be undone; only sources added by an import can be")
        folder = data_dir / "sources" / source_id
        trash = data_dir / ".trash" / f"{source_id}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}"
        trash.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(folder, trash)
        try:
            build_database(data_dir, db_path)
        except BaseException:
            shutil.move(trash, folder)
            raise
        record(data_dir, {"action": "undo", "source_id": source_id, "user": user})
    return trash
